# Thông điệp của sachhon, tiếng Việt. Mã lỗi là id của thông điệp.

## Cấu hình
E0001 = không đọc được site.yaml ({ $message }); hãy chạy sachhon trong thư mục của trang web hoặc dùng --root THƯ_MỤC
E0002 = { $cause ->
        [tab] dòng này thụt lề bằng phím Tab, mà YAML chỉ nhận dấu cách; hãy xóa Tab và gõ dấu cách (bật "hiện Tab" trong trình soạn thảo để thấy nó)
        [colon] giá trị của { $key } có dấu hai chấm và dấu cách (": "), nên YAML tưởng đó là một khóa mới; hãy đặt cả giá trị trong ngoặc kép: { $key }: "{ $value }"
        [indicator] giá trị của { $key } bắt đầu bằng một ký tự đặc biệt của YAML; hãy đặt cả giá trị trong ngoặc kép: { $key }: "{ $value }"
        [quote] giá trị của { $key } mở ngoặc kép mà không đóng; hãy thêm dấu ngoặc kép cùng loại ở cuối giá trị, trên cùng dòng
        [curly] giá trị của { $key } có ngoặc kép cong (“ ”) do trình soạn thảo văn bản tự đổi, mà YAML chỉ hiểu ngoặc thẳng ("); hãy gõ lại bằng ngoặc thẳng, hoặc tắt chức năng tự đổi ngoặc (smart quotes)
        [list] mục danh sách này thụt lề khác các mục trước nó; mọi dòng "- " của một danh sách phải thẳng cột với nhau
       *[other] không đọc được phần "khóa: giá trị" ở khoảng dòng này (lỗi cú pháp YAML); hãy kiểm tra thụt lề (chỉ dùng dấu cách), dấu cách sau dấu hai chấm, và đặt trong ngoặc kép những giá trị có ký tự đặc biệt như : [ {"{"} # * &
    }
E0003 = khóa "{ $key }" không có trong site.yaml; các khóa hợp lệ: { $known }
E0004 = không tìm thấy giao diện "{ $theme }" trong themes/; hãy cài vào đó hoặc ghi "theme: default"
E0005 = { $key }: "{ $value }" không hợp lệ; hãy ghi địa chỉ đầy đủ như https://example.org/kb/ (hoặc múi giờ như +07:00)
E0006 = { $key }: "{ $value }" không phải mã ngôn ngữ; hãy dùng mã ngắn như vi hoặc en
E0070 = không thấy tệp site.yaml { $form ->
        [given] trong { $dir }
       *[here] trong { $dir } hay thư mục nào chứa nó
    }; hãy vào thư mục của trang web (thư mục có site.yaml) bằng lệnh cd, hoặc ghi --root THƯ_MỤC; muốn tạo trang web mới thì chạy: sachhon init TÊN_THƯ_MỤC

## Tệp nội dung
E0101 = tệp không phải văn bản UTF-8; hãy lưu lại tệp với bảng mã UTF-8
E0102 = { $form ->
        [dash] dòng "{ $value }" là gạch dài do trình soạn thảo văn bản tự đổi, không phải ba dấu gạch ngang; hãy gõ lại thành "---" (ba dấu trừ trên bàn phím)
       *[other] tệp trống: chưa có phần đầu (front matter) lẫn nội dung; hãy bắt đầu bằng dòng "---", rồi "title: ...", rồi "---", hoặc xóa tệp
    }
E0103 = { $form ->
        [dash] phần đầu chưa được đóng: dòng "{ $value }" là gạch dài do trình soạn thảo văn bản tự đổi, không phải ba dấu gạch ngang; hãy gõ lại thành "---"
       *[other] phần đầu chưa được đóng; hãy thêm dòng "---" sau khóa cuối cùng
    }
E0104 = phần đầu không phải danh sách các dòng "khóa: giá trị"
E0105 = { $form ->
        [hash] { $key } trống: YAML coi dấu # là chỗ bắt đầu ghi chú, nên bỏ qua "{ $value }"; hãy đặt giá trị trong ngoặc kép: { $field }: "{ $value }"
       *[other] thiếu { $key }; hãy thêm dòng "{ $field }: ..." vào đó
    }
E0106 = { $key }: { $value } không phải là số; { $form ->
        [unit] hãy ghi riêng số và đơn vị, mỗi thứ một dòng: { $field }: { $suggestion } và unit: { $unit }
       *[plain] hãy ghi một số, ví dụ { $suggestion }
    }
E0107 = { $key }: { $value } phải là một đoạn chữ
E0108 = { $key }: { $value } phải là một danh sách, ví dụ [a, b]
E0109 = { $key }: { $value } phải là true hoặc false
E0110 = { $key }: { $value } không phải ngày hợp lệ; hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ { $suggestion } (các dạng được nhận: { $forms })
E0111 = { $key }: "{ $value }" không phải loại bài đã biết; hãy dùng một trong: { $known }
E0112 = { $key }: "{ $value }" phải là lower hoặc higher (giá trị thấp hơn hay cao hơn là tốt hơn?)
E0113 = { $key }: "{ $value }" không phải khóa của một giải pháp sản xuất sạch hơn; { $form ->
        [meant] hãy ghi khóa { $suggestion } (trang web tự hiện tên tiếng Việt và tiếng Anh của giải pháp)
       *[other] hãy dùng một trong: { $known }
    }
E0114 = { $key }: "{ $value }" không nằm trong các lựa chọn ({ $known }); hãy chép chính xác một lựa chọn
E0115 = { $key }: { $value } phải là số tiền kèm đơn vị tiền, ví dụ {"{"} amount: { $amount }, currency: { $currency } {"}"}
E0116 = { $key }: { $value } phải là một nhóm các cặp "khóa: giá trị"
E0180 = { $key }: "{ $value }" chưa được khai trong site.yaml; hãy dùng một trong: { $known }
E0117 = liên kết tượng trưng (symbolic link) này trỏ ra ngoài trang web hoặc lặp vòng; hãy chép tệp vào trong thư mục của trang web
E0150 = { $key } được ghi hai lần trong tệp này (lần đầu ở dòng { $first }); chỉ giữ lại một
E0151 = { $key }: { $value } không phải con số dùng được; hãy ghi một số hữu hạn trong khoảng từ -1000000000000000 đến 1000000000000000 (nhỏ hơn 10^15)

## Địa chỉ
E0201 = { $key }: "{ $value }" không dùng được trong địa chỉ (trống, tuyệt đối hoặc chứa / hay ..); hãy chọn tên đơn giản như "hoi-thao-da-nang"
E0202 = hai bài cùng địa chỉ { $url }: tệp này và { $other }; hãy đặt slug khác cho một bài
E0203 = "{ $lang }" trong tên tệp không phải ngôn ngữ của trang web ({ $known }); hãy đổi tên tệp hoặc thêm ngôn ngữ vào site.yaml
E0204 = aliases: "{ $value }" không dùng được làm địa chỉ cũ (ra ngoài trang web hoặc trống)
E0205 = aliases: địa chỉ cũ { $url } đã là { $owner ->
        [page] địa chỉ của { $other }
        [alias] một địa chỉ cũ của { $other }
        [static] một tệp chép từ static/ hoặc đặt cạnh một bài
       *[generated] một trang do sachhon tự tạo ({ $other })
    }, và lệnh chuyển hướng sẽ đè lên nó; hãy bỏ địa chỉ này khỏi aliases hoặc chọn địa chỉ khác

## Liên kết
E0301 = liên kết tới "{ $target }" không dẫn đến đâu; { $suggest ->
    [yes] có phải ý bạn là { $near }? (địa chỉ phân biệt chữ hoa, chữ thường)
   *[no] hãy kiểm tra đường dẫn (liên kết nội dung có dạng @/news/bai-viet.md)
  }
E0302 = bài { $target } không có đề mục nào mang neo #{ $anchor }{ $suggest ->
    [yes] ; có phải ý bạn là #{ $near }?
   *[no] {""}
  }
E0304 = liên kết tới "{ $target }" trỏ đến một bài chưa được đăng (bản nháp, bài hẹn ngày đăng trong tương lai hoặc bài đã hết hạn); hãy đăng bài đó trước hoặc bỏ liên kết (sachhon build --drafts để xem cả những bài này)
E0305 = liên kết tới { $target } không hoạt động ({ $message }); hãy mở địa chỉ bằng trình duyệt rồi sửa hoặc bỏ liên kết
E0303 = tệp "{ $target }" không tồn tại { $from ->
    [root] (đường dẫn bắt đầu bằng / được tìm trong static/, rồi trong content/); hãy đặt tệp vào static/ theo đúng đường dẫn đó
   *[page] (đường dẫn tương đối tính từ thư mục chứa tệp của bài, như khi xem trước trong trình soạn thảo); hãy đặt tệp ở đó, hoặc trong static/
  }
E0306 = tệp { $file } của trang web dựng ra có liên kết "{ $url }", { $reason ->
        [folder] trỏ tới một thư mục nhưng thiếu dấu "/" ở cuối (mở từ USB hay file:// sẽ không được)
        [outside] nằm ngoài trang web (không thuộc địa chỉ base_url)
        [root] bắt đầu bằng "/", nên khi mở từ USB hay file:// sẽ dẫn về gốc ổ đĩa
       *[missing] không dẫn tới tệp nào của trang web dựng ra
    }; liên kết này do khuôn mẫu (template) này viết ra: hãy sửa ở đó (hoặc trong bản sao của bạn ở templates/)
E0307 = tệp { $file } của trang web dựng ra liên kết tới "{ $url }", nhưng trang đó không có phần tử nào mang id #{ $anchor }{ $suggest ->
    [yes] {" "}(có phải ý bạn là #{ $near }?)
   *[no] {""}
  }; hãy sửa liên kết trong khuôn mẫu này
E0308 = tệp { $file } của trang web dựng ra không phải XML hợp lệ tại { $position } ({ $message }); trình đọc tin và máy tìm kiếm sẽ từ chối nó: hãy sửa khuôn mẫu này

## Khuôn mẫu
E0401 = khuôn mẫu { $template } gặp lỗi khi dựng { $page }: { $message }
E0402 = khuôn mẫu { $template } có lỗi: { $message }

## Thư mục xuất
E0501 = thư mục xuất { $path } đã có, không trống và không do sachhon tạo; hãy chọn thư mục --output khác
E0502 = thư mục xuất { $path } sẽ chứa chính các tệp của trang web; hãy chọn thư mục như public/
E0503 = không đọc hoặc ghi được tệp: { $message }
E0510 = một lần dựng khác (tiến trình { $pid }) đang ghi thư mục đầu ra này; hãy chờ nó xong, hoặc chạy lại không có --no-wait để tự chờ
E0511 = còn { $count } tệp nữa cũng không ghi được (thường là do ổ đĩa đầy); hãy giải phóng bớt dung lượng rồi dựng lại: bản dựng trước vẫn được giữ nguyên

## Cảnh báo
W0101 = payback_months ghi { $stated } tháng, nhưng investment / savings_per_year cho { $computed } tháng; hãy kiểm tra lại số liệu
W0102 = weight { $weight } đã được dùng ở { $other }; hãy cho mỗi bài học một weight riêng để sắp xếp đúng
W0103 = bản { $lang ->
        [en] tiếng Anh
        [vi] tiếng Việt
       *[other] { $lang }
    } này không có bài gốc (cùng tên, không có đuôi ngôn ngữ) bên cạnh; hãy thêm bài gốc hoặc đổi tên tệp cho khớp
W0104 = bài này chưa có bản { $lang ->
        [en] tiếng Anh
        [vi] tiếng Việt
       *[other] { $lang }
    }
W0105 = không biết ngôn ngữ mã "{ $lang }" (số khối mã: { $count }); các khối này hiển thị không tô màu; hãy ghi tên được nhận, hoặc tắt cảnh báo bằng markdown: { "{" } warn_unknown_languages: false { "}" } trong site.yaml
W0107 = { $key }: { $value } được hiểu là số thập phân (dấu chấm là dấu thập phân, không phải dấu phân cách hàng nghìn); nếu bạn muốn ghi một số hàng nghìn, hãy ghi { $suggestion }, không có dấu chấm
W0106 = ảnh chưa có chú thích thay thế; hãy ghi ảnh thể hiện gì trong ngoặc vuông: ![máy đóng gói](anh.jpg)
W0108 = bảng này lặp lại các chỉ tiêu (metrics) đã khai ở phần đầu bài, mà trang đã hiện ở đầu bài, trong bảng và biểu đồ; hãy bỏ bảng này (số liệu nào chỉ có trong bảng thì viết thành câu)
W0180 = { $taxonomy }: "{ $term }" chưa có tên bằng { $lang }; hãy thêm vào term_translations trong site.yaml, ví dụ { $taxonomy }: {"{"} "{ $term }": {"{"} { $lang }: ... {"}"} {"}"}
W0150 = HTML thô: đã bỏ { $what } (markdown.raw_html: sanitize giữ trang web không có mã chạy); hãy viết bằng Markdown, hoặc đặt markdown.raw_html: allow trong site.yaml nếu tin mọi người viết
W0160 = content/index.md không được dùng vì { $home } đã là trang chủ; hãy bỏ một trong hai tệp (khi đứng một mình, content/index.md là trang chủ)
W0161 = trang web chưa có nội dung trang chủ: trang chủ được tạo tự động với tên trang web và các mục; hãy viết content/_index.md (hoặc content/index.md) để đặt tiêu đề và lời giới thiệu
W0120 = trong văn bản có một ký tự điều khiển ({ $code }); ký tự này đã bị bỏ đi, vì không trang hay bản tin nào được chứa nó (thường do chép từ PDF hoặc trình soạn thảo văn bản)
W0301 = aliases: { $url } chính là địa chỉ của bài này nên không thể chuyển hướng về đây; hãy bỏ dòng này (nó đã bị bỏ qua)
W0360 = slug: "{ $value }" không phải một đoạn địa chỉ gọn (chữ thường không dấu, số, gạch nối) nên được đăng ở { $url }; hãy viết đúng slug đó để địa chỉ khớp với điều bạn thấy
W0170 = { $key }: sachhon không biết khóa này nên bỏ qua nó; { $suggestion ->
        [none] hãy sửa lại tên khóa
       *[other] có phải ý bạn là "{ $suggestion }"?
    }{ $form ->
        [nested] {""}
       *[top] {" "}(nếu khuôn mẫu của trang web cần khóa riêng này, hãy đặt nó dưới extra: hoặc khai báo nó trong extra_keys của site.yaml)
    }

## Nội dung từ công cụ khác
E0601 = phần đầu TOML không hợp lệ: { $message }; viết mỗi dòng dạng khoa = "gia tri" (chữ đặt trong ngoặc kép) và đóng bằng một dòng +++
E0602 = không có shortcode "{ $name }"; các shortcode có: { $known } (trang web thêm shortcode bằng tệp templates/shortcodes/{ $name }.html)
E0603 = shortcode { $name } không có tham số "{ $arg }"; các tham số của nó: { $known } (* = bắt buộc)
E0604 = shortcode { $name } cần tham số "{ $arg }"; các tham số của nó: { $known } (* = bắt buộc)
E0605 = không đọc được shortcode { $name }; hãy viết {"{{"} ten(tham_so="gia tri") {"}}"}, hoặc {"{%"} ten(tham_so="gia tri") {"%}"} ... {"{%"} end {"%}"} khi có nội dung bên trong (mỗi nội dung đóng bằng một end)
E0606 = tệp "{ $value }" không nằm trong thư mục của bài, cũng không nằm trong static/; hãy đặt tệp cạnh bài (trong thư mục có index.md) hoặc trong static/
E0607 = shortcode gọi ở đây đã viết "{ $url }" vào bài, nhưng địa chỉ này không dẫn tới tệp nào của trang web dựng ra; hãy kiểm tra các giá trị truyền cho nó (hoặc, với shortcode riêng của trang web, khuôn mẫu của nó trong templates/shortcodes/)
E0801 = đường dẫn "{ $value }" nằm ngoài content/ và static/ (hoặc thoát ra ngoài qua "..", đường dẫn tuyệt đối hay liên kết); trình soạn thảo trên web chỉ ghi trong hai thư mục đó
E0802 = tệp này đã bị thay đổi trên đĩa từ khi trình soạn thảo mở nó; hãy tải lại bài trong trình soạn thảo (nội dung bạn sửa vẫn còn trong biểu mẫu: chép lại trước), rồi lưu lại
E0803 = yêu cầu này đến từ một trang web khác ({ $value }); chỉ trang quản trị của bản xem trước này được phép lưu, hãy mở nó tại { $url }admin/
E0804 = không đọc được yêu cầu: { $message }
E0805 = trình soạn thảo trên web đang tắt: bản xem trước này lắng nghe trên mạng mà không có --allow-remote-edit; hãy chạy sachhon serve với --bind 127.0.0.1 (hoặc thêm --allow-remote-edit) để soạn bài
W0602 = "{ $syntax }" là { $kind ->
    [hugo] shortcode của Hugo
    [liquid] thẻ Liquid (Jekyll)
    [icon] biểu tượng của MkDocs Material
    [keys] phím bấm của MkDocs (pymdownx.keys)
    [math] công thức toán $$ (MathJax, KaTeX)
    [attributes] danh sách thuộc tính của MkDocs (attr_list)
    [block] dòng mở hộp lưu ý hay thẻ nội dung của MkDocs mà bên dưới không có khối nào
   *[other] cú pháp mẫu của công cụ khác
  }, sachhon không chạy nó: người đọc sẽ thấy nguyên văn; { $kind ->
    [hugo] hãy dùng shortcode của sachhon, ví dụ {"{{"} figure(src="anh.jpg", alt="…") {"}}"}, hoặc đặt trong `mã`
    [icon] hãy thay bằng một emoji hay một từ (chỉ báo ở lần dùng đầu tiên; số bài dùng nó: { $count })
    [keys] hãy viết phím trong `mã`, ví dụ `Ctrl+C` (chỉ báo ở lần dùng đầu tiên; số bài dùng nó: { $count })
    [math] hãy viết công thức thành văn bản hoặc ảnh (chỉ báo ở lần dùng đầu tiên; số bài dùng nó: { $count })
    [attributes] hãy bỏ nó; đề mục nhận {"{"}#neo{"}"} (chỉ báo ở lần dùng đầu tiên; số bài dùng nó: { $count })
    [block] hãy thụt nội dung của khối vào bốn dấu cách so với dòng này (trong một mục danh sách, thụt dòng này thẳng với chữ của mục), hoặc đặt nó trong khối mã nếu người đọc cần thấy nó
   *[other] hãy xóa nó, viết thẳng nội dung nó thay thế, hoặc đặt trong `mã` nếu người đọc cần thấy nó
  }{ $repeats ->
    [1] {""}
   *[other] {" "}(bài này viết nó { $repeats } lần; chỉ báo ở chỗ đầu tiên)
  }
W0603 = { $key }: khóa này của công cụ khác bị bỏ qua (số bài: { $count }); các trường của sachhon có trong hướng dẫn (Các trường thông tin)
W0660 = không bài nào dùng tệp này, { $published ->
    [yes] dù tệp vẫn được chép cạnh bài của nó; hãy liên kết tới tệp từ bài, hoặc xóa tệp
    [shadowed] và một trang của trang web đã có địa chỉ của nó (trang chủ, trang 404), nên nó không bao giờ được đăng; hãy đổi tên tệp, hoặc chuyển nó ra khỏi content/
   *[no] nên tệp không được xuất bản; hãy liên kết tới tệp từ một bài (đường dẫn tính từ thư mục chứa tệp của bài: ![Sơ đồ](so-do.png), [Báo cáo](../tai-lieu/bao-cao.pdf)), hoặc chuyển tệp ra khỏi content/
  }

## Dòng lệnh
build-done = Đã dựng { $pages } trang vào { $output } trong { $ms } ms.
build-failed = Dựng trang web thất bại; bản đã dựng lần trước vẫn giữ nguyên.
build-failed-first = Dựng trang web thất bại; chưa có gì được ghi ra (đây là lần dựng đầu tiên).
build-waiting = Một lần dựng khác (tiến trình { $pid }) đang ghi { $output }; đang chờ nó xong...
check-summary = { $errors } lỗi, { $warnings } cảnh báo trong { $pages } trang.
check-ok = Không có vấn đề nào trong { $pages } trang.
withheld = Chưa đăng: { $drafts } bản nháp, { $scheduled } bài hẹn ngày đăng trong tương lai, { $expired } bài đã hết hạn (--drafts đăng cả những bài này).
check-codes = Theo mã: { $codes }.
serve-listening = Bản xem trước đang chạy tại { $url } (nhấn Ctrl+C để dừng).
serve-rebuilt = Đã dựng lại trong { $ms } ms.
serve-failed = Dựng lại thất bại; bản xem trước vẫn hiện bản tốt gần nhất.
serve-caught-up = Đã cập nhật chỉ mục tìm kiếm và phần còn lại của trang web trong { $ms } ms.
serve-unchanged = Tệp được lưu mà không thay đổi; không cần dựng lại.
serve-port-busy = Cổng { $port } đang được dùng; hãy chọn cổng khác với --port.
serve-bad-bind = --bind "{ $bind }" không phải địa chỉ; hãy ghi một địa chỉ IP như 127.0.0.1 (chỉ máy này) hoặc 0.0.0.0 (mọi mạng).
serve-exposed = Cảnh báo: --bind { $bind } cho bất kỳ ai trong mạng xem được bản xem trước, kể cả bản nháp, không cần mật khẩu; dùng 127.0.0.1 để chỉ máy này xem được.
serve-cannot-listen = Không thể lắng nghe tại { $address }: { $message }
init-done = Đã tạo trang web mới trong { $dir }. Dựng trang web bằng: sachhon build --root { $dir }
init-exists = { $dir } đã có tệp; hãy chọn thư mục trống hoặc thư mục mới.
new-done = Đã tạo { $path }. Bài này là bản nháp cho đến khi bạn xóa dòng "draft: true".
new-exists = { $path } đã tồn tại; hãy chọn tên khác.
new-bad-name = "{ $name }" không dùng được làm tên bài; hãy dùng chữ, số và dấu gạch ngang (bài học ghi kèm học phần: cp-basics/gioi-thieu).
overlay-title = Không dựng lại được trang web
overlay-warnings = Cảnh báo
help-about = sachhon ("sạch hơn"): công cụ dựng trang web tri thức tĩnh cho các chiến dịch sản xuất sạch hơn
help-build = Dựng trang web vào thư mục xuất
help-serve = Xem trước trang web, tự tải lại khi sửa
help-check = Kiểm tra nội dung và mọi liên kết mà không ghi tệp
help-init = Tạo trang web mới với giao diện mặc định
help-cms-config = Ghi tệp config.yml của trình soạn thảo trên web (Decap CMS), sinh từ các trường của trang web
help-new = Tạo bài mới từ mẫu có sẵn
help-help = In hướng dẫn này, hoặc hướng dẫn của một lệnh
help-heading-usage = Cách dùng
help-heading-commands = Các lệnh
help-heading-arguments = Cần ghi
help-heading-options = Tùy chọn
help-usage-options = TÙY_CHỌN
help-usage-command = LỆNH
help-arg-help = In hướng dẫn này
help-arg-version = In số phiên bản của sachhon
help-arg-lang = Ngôn ngữ của thông điệp: vi (tiếng Việt) hoặc en (tiếng Anh); mặc định theo biến SACHHON_LANG, rồi theo ngôn ngữ của máy
help-value-lang = NGÔN_NGỮ
help-arg-verbose = Hiện thêm chi tiết kỹ thuật sau thông điệp (lời gốc tiếng Anh của bộ đọc YAML và của hệ điều hành)
help-arg-root = Thư mục của trang web (thư mục có tệp site.yaml); mặc định là thư mục đang đứng, hoặc thư mục cha gần nhất có site.yaml
help-value-root = THƯ_MỤC
help-arg-base_url = Dùng địa chỉ này thay cho base_url trong site.yaml
help-value-base_url = ĐỊA_CHỈ
help-arg-drafts = Dựng cả bản nháp, bài hẹn ngày đăng trong tương lai và bài đã hết hạn
help-arg-relative_urls = Viết mọi liên kết nội bộ theo vị trí của bài (để mở trang web từ USB, hay đặt nó trong một thư mục con chưa biết trước)
help-arg-build-output = Thư mục xuất (mặc định: thư mục public/ trong thư mục của trang web)
help-value-build-output = THƯ_MỤC
help-arg-no_wait = Khi một lần dựng khác đang ghi cùng thư mục xuất: dừng ngay (mã thoát 1) thay vì chờ nó xong
help-arg-bind = Địa chỉ IP để lắng nghe (mặc định: 127.0.0.1, chỉ máy này xem được)
help-value-bind = ĐỊA_CHỈ_IP
help-arg-port = Cổng để lắng nghe (mặc định: 1111)
help-value-port = CỔNG
help-arg-allow_remote_edit = Cho các máy khác trong mạng lưu bài qua trình soạn thảo trên web (khi --bind không phải 127.0.0.1)
help-arg-external = Kiểm tra cả các liên kết tới trang web khác (cần mạng Internet)
help-arg-strict = Coi cảnh báo như lỗi: mã thoát là 1 khi có bất kỳ cảnh báo nào
help-arg-cms-config-output = Tệp để ghi (mặc định: in ra màn hình)
help-value-cms-config-output = TỆP
help-arg-dir = Thư mục của trang web mới
help-value-dir = THƯ_MỤC
help-arg-kind = Loại bài: case-study (điển hình), news (tin tức), module (học phần), lesson (bài học) hoặc page (bài riêng lẻ, như Giới thiệu)
help-value-kind = LOẠI
help-arg-name = Tên tệp của bài, ví dụ binh-dien; bài học ghi kèm học phần: cp-basics/gioi-thieu
help-value-name = TÊN
help-arg-subcommand = Lệnh cần xem hướng dẫn
help-value-subcommand = LỆNH
usage-error-word = lỗi
usage-invalid-value = "{ $value }" không dùng được cho { $arg }
usage-possible = ; hãy ghi một trong: { $values }
usage-port = ; hãy ghi một số từ 1 đến 65535
usage-missing-value = { $arg } cần một giá trị ghi ngay sau nó
usage-unknown-argument = không hiểu "{ $arg }" ở đây
usage-unknown-command = không có lệnh "{ $command }"
usage-missing-argument = còn thiếu { $arg }
usage-repeated = { $arg } được ghi nhiều lần; chỉ cần ghi một lần
usage-conflict = { $arg } không dùng chung được với { $other }
usage-no-value-expected = { $arg } không nhận giá trị; hãy bỏ "{ $value }"
usage-not-utf8 = một phần của dòng lệnh không phải văn bản UTF-8
usage-other = không hiểu dòng lệnh này
usage-did-you-mean = ; có phải ý bạn là { $suggestion }?
usage-more = Xem hướng dẫn đầy đủ: { $command } --help

## Cách gọi tên trong thông điệp
item-metrics = chỉ số thứ { $n }
item-quiz = câu hỏi thứ { $n }
item-other = mục thứ { $n } của { $list }
item-field = { $field } của { $item }
os-not-found = không có tệp hay thư mục này
os-denied = không có quyền đọc hoặc ghi ở đây
os-full = ổ đĩa đã đầy
os-read-only = ổ đĩa chỉ cho đọc, không ghi được
os-is-folder = đây là thư mục, không phải tệp
serve-remote-edit = --bind { $bind } sẽ cho bất kỳ ai trong mạng sửa tệp của trang web qua trình soạn thảo trên web; nên trình soạn thảo tắt (bản xem trước vẫn chạy). Dùng 127.0.0.1, hoặc thêm --allow-remote-edit nếu mọi máy trong mạng này đều được phép sửa.
serve-admin = Trình soạn thảo trên web: { $url }admin/
cms-config-written = Đã ghi cấu hình của trình soạn thảo trên web vào { $path }.
cms-admin-title = Soạn bài cho { $site }
cms-field-title = Tiêu đề
cms-field-date = Ngày
cms-field-summary = Tóm tắt
cms-field-draft = Bản nháp (chưa đăng)
cms-field-image = Ảnh
cms-field-image_alt = Mô tả ảnh (cho người không xem được ảnh)
cms-field-weight = Thứ tự trong danh sách (nhỏ đứng trước)
cms-field-duration = Thời lượng (phút)
cms-field-objectives = Mục tiêu bài học
cms-field-tags = Từ khóa
cms-field-body = Nội dung
cms-field-company = Doanh nghiệp
cms-field-province = Tỉnh
cms-field-sector = Ngành
cms-field-techniques = Giải pháp sản xuất sạch hơn
cms-field-year = Năm áp dụng
cms-field-company_size = Quy mô (small, medium, large)
cms-field-investment = Vốn đầu tư
cms-field-savings_per_year = Tiết kiệm mỗi năm
cms-field-payback_months = Thời gian hoàn vốn (tháng)
cms-field-metrics = Chỉ số trước/sau
cms-field-name = Tên
cms-field-unit = Đơn vị
cms-field-before = Trước
cms-field-after = Sau
cms-field-better = Tốt hơn khi
cms-field-better-lower = thấp hơn
cms-field-better-higher = cao hơn
cms-field-quiz = Câu hỏi tự kiểm tra
cms-field-question = Câu hỏi
cms-field-options = Các lựa chọn
cms-field-answer = Đáp án (chép đúng một lựa chọn)
cms-field-explanation = Giải thích
cms-field-amount = Số tiền (chỉ ghi chữ số)
cms-field-currency = Đơn vị tiền
cms-collection-pages = Trang
cms-collection-modules = { $section }: học phần
cms-collection-lessons = Bài học: { $module }
