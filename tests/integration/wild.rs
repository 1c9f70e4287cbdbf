//! Content from the wild: files, front matter, Markdown and code written for other generators
//! (Jekyll, Hugo, Zola) build as their authors meant, and shortcodes.

use crate::support::*;

/// The `wild` fixture, built; with what the build printed.
fn built_wild() -> (tempfile::TempDir, String) {
    let site = fixture("wild");
    let r = build_ok(site.path(), &[]);
    (site, r.stderr)
}

/// The lines of `stderr` with `code`.
fn lines_with<'a>(stderr: &'a str, code: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.contains(&format!("[{code}]")))
        .collect()
}

#[test]
fn dated_file_and_folder_names_give_the_date_and_leave_the_slug() {
    let (site, _) = built_wild();
    let page = read(site.path(), "news/hoi-nghi/index.html");
    assert!(
        page.contains("<time datetime=\"2019-03-05\">05/03/2019</time>"),
        "{page}"
    );
    let bundle = read(site.path(), "news/tap-huan/index.html");
    assert!(bundle.contains("<time datetime=\"2020-11-20\">20/11/2020</time>"));
    assert!(!exists(site.path(), "news/2019-03-05-hoi-nghi/index.html"));
    // Newest first in the section list: the undated file name sorts by its date.
    let list = read(site.path(), "news/index.html");
    let (a, b) = (
        list.find("news/ngay-moi-truong/"),
        list.find("news/hoi-nghi/"),
    );
    assert!(a.is_some() && a < b, "{list}");
}

#[test]
fn yaml_1_1_and_jekyll_date_spellings_build_with_their_days() {
    let site = built("dates");
    // Page -> the day shown on a +07:00 site, and the date as the Atom feed writes it.
    for (page, iso, shown, written) in [
        (
            "mot-chu-so",
            "2024-05-07",
            "07/05/2024",
            "2024-05-07T00:00:00+07:00",
        ),
        // 8:30 at -09:00 is past midnight in Vietnam.
        (
            "gio-mot-chu-so",
            "2024-05-08",
            "08/05/2024",
            "2024-05-07T08:30:00-09:00",
        ),
        (
            "chu-t",
            "2024-05-07",
            "07/05/2024",
            "2024-05-07T08:30:00+00:00",
        ),
        (
            "jekyll-utc",
            "2024-05-18",
            "18/05/2024",
            "2024-05-17T20:30:00+00:00",
        ),
        (
            "gach-cheo",
            "2024-05-17",
            "17/05/2024",
            "2024-05-17T08:30:00+07:00",
        ),
        (
            "toml",
            "2024-05-08",
            "08/05/2024",
            "2024-05-07T23:30:00+00:00",
        ),
        (
            "ten-tep",
            "2024-05-09",
            "09/05/2024",
            "2024-05-09T00:00:00+07:00",
        ),
    ] {
        let html = read(site.path(), &format!("news/{page}/index.html"));
        let time = format!("<time datetime=\"{iso}\">{shown}</time>");
        assert!(html.contains(&time), "{page}: no {time} in\n{html}");
        let feed = read(site.path(), "atom.xml");
        let entry = feed
            .split("<entry>")
            .find(|e| e.contains(&format!("/news/{page}/")))
            .unwrap_or_else(|| panic!("{page} not in the feed"));
        let published = format!("<published>{written}</published>");
        assert!(entry.contains(&published), "{page}: {entry}");
    }
    // The one-digit file-name date leaves the address, as a two-digit one does.
    assert!(!exists(site.path(), "news/2024-5-9-ten-tep/index.html"));
}

#[test]
fn an_unreadable_date_is_suggested_back_corrected() {
    let site = fixture_with(
        "dates",
        &[(
            "content/news/ngay-truoc.md",
            "---\ntitle: Ngày trước tháng\ndate: 17/5/2024 8:30\n---\n",
        )],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let date = lines_with(&r.stderr, "E0110");
    assert_eq!(date.len(), 1, "{}", r.stderr);
    assert!(
        date[0].contains("for example 2024-05-17 8:30 "),
        "the editor's day and time, corrected: {}",
        date[0]
    );
}

#[test]
fn markdown_files_and_their_translations_are_content() {
    let (site, _) = built_wild();
    let vi = read(site.path(), "news/ngay-moi-truong/index.html");
    assert!(vi.contains("Ngày Môi trường thế giới"));
    assert!(
        vi.contains("<time datetime=\"2021-06-05\">05/06/2021</time>"),
        "{vi}"
    );
    let en = read(site.path(), "en/news/ngay-moi-truong/index.html");
    assert!(en.contains("World Environment Day"));
    assert!(
        vi.contains("en/news/ngay-moi-truong/"),
        "linked as translations"
    );
}

#[test]
fn check_lists_files_in_content_that_are_not_published() {
    let site = fixture("wild");
    let r = command("check", site.path(), &[]);
    let warned = lines_with(&r.stderr, "W0660");
    assert_eq!(warned.len(), 1, "{}", r.stderr);
    assert!(
        warned[0].starts_with("content/ghi-chu.txt: warning"),
        "{}",
        warned[0]
    );
}

#[test]
fn content_files_at_the_address_of_a_generated_page_are_named() {
    // Jekyll's pages/index.html and 404.html, copied into content/: the site's own home and
    // 404 pages have those addresses, so the files could never be published.
    let site = fixture_with(
        "minimal",
        &[
            ("content/index.html", "<p>Trang chủ cũ</p>\n"),
            ("content/404.html", "<p>Không thấy</p>\n"),
        ],
    );
    let r = command("check", site.path(), &[]);
    let warned = lines_with(&r.stderr, "W0660");
    assert_eq!(warned.len(), 2, "{}", r.stderr);
    for (line, file) in warned
        .iter()
        .zip(["content/404.html", "content/index.html"])
    {
        assert!(line.starts_with(&format!("{file}: warning")), "{line}");
        assert!(
            line.contains("a page of the site has its address"),
            "{line}"
        );
    }
}

#[test]
fn toml_front_matter_reads_the_same_fields() {
    let (site, _) = built_wild();
    // `url` places the page; `description` is its summary; `tags` makes terms.
    let page = read(site.path(), "ve-chung-toi/index.html");
    assert!(page.contains("<h1>Giới thiệu văn phòng</h1>"), "{page}");
    assert!(page.contains("Văn phòng hỗ trợ doanh nghiệp sản xuất sạch hơn."));
    assert!(exists(site.path(), "tags/gioi-thieu/index.html"));
}

#[test]
fn toml_mistakes_are_located_like_yaml_ones() {
    let site = fixture_with(
        "wild",
        &[
            (
                "content/sai-cu-phap.md",
                "+++\ntitle = \"A\"\ndate = \n+++\n",
            ),
            (
                "content/sai-ngay.md",
                "+++\ntitle = \"B\"\n\ndate = \"13/08/2025\"\n+++\n",
            ),
        ],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("content/sai-cu-phap.md:3:"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("[E0601]"));
    let date = lines_with(&r.stderr, "E0110");
    assert!(date[0].starts_with("content/sai-ngay.md:4:1:"), "{date:?}");
    assert!(
        date[0].contains("2025-08-13"),
        "the hint as for YAML: {}",
        date[0]
    );
}

#[test]
fn foreign_keys_are_mapped_or_reported_once_with_a_count() {
    let site = fixture_with(
        "wild",
        &[("content/news/khac.md", "---\ntitle: C\nlayout: page\n---\n")],
    );
    let r = build_ok(site.path(), &[]);
    let path = site.path();
    // redirect_from -> an alias; lastmod -> the sitemap; expiryDate -> not published.
    let alias = read(path, "cu/ngay-moi-truong/index.html");
    assert!(alias.contains("url=/news/ngay-moi-truong/"), "{alias}");
    let sitemap = read(path, "sitemap.xml");
    assert!(
        sitemap.contains("huong-dan/</loc><lastmod>2022-02-02</lastmod>"),
        "{sitemap}"
    );
    assert!(!exists(path, "news/het-han/index.html"));
    // categories is a taxonomy of this site.
    assert!(exists(path, "categories/su-kien/index.html"));
    let layout = lines_with(&r.stderr, "W0603");
    let layout: Vec<&&str> = layout.iter().filter(|l| l.contains("layout:")).collect();
    assert_eq!(layout.len(), 1, "{}", r.stderr);
    assert!(layout[0].contains("(pages: 2)"), "{}", layout[0]);
    assert!(
        layout[0].starts_with("content/news/khac.md:3:1:"),
        "{}",
        layout[0]
    );
}

#[test]
fn definition_lists_have_term_ids() {
    let (site, _) = built_wild();
    let page = read(site.path(), "tai-lieu/huong-dan/index.html");
    assert!(
        page.contains("<dl>\n<dt id=\"san-xuat-sach-hon\">Sản xuất sạch hơn</dt>"),
        "{page}"
    );
    assert!(page.contains("<dd>Cách làm giảm chất thải ngay từ nguồn.</dd>"));
    assert!(page.contains("<dt id=\"kiem-toan-nang-luong\"><a href=\"#kiem-toan-nang-luong\">"));
}

#[test]
fn common_code_languages_are_highlighted_and_unknown_ones_warn_once() {
    let (site, stderr) = built_wild();
    let page = read(site.path(), "tai-lieu/huong-dan/index.html");
    for lang in ["toml", "ts", "scss", "powershell"] {
        let block = format!("data-lang=\"{lang}\"><code><span class=\"hl-");
        assert!(page.contains(&block), "{lang} highlighted");
    }
    let unknown = lines_with(&stderr, "W0105");
    assert!(!stderr.contains("\"text\""), "text is plain: {stderr}");
    let foolang: Vec<&&str> = unknown.iter().filter(|l| l.contains("foolang")).collect();
    assert_eq!(foolang.len(), 1, "{stderr}");
    assert!(foolang[0].starts_with("content/tai-lieu/huong-dan.md:39:1:"));
    assert!(foolang[0].contains("(blocks: 2)"), "{}", foolang[0]);
}

#[test]
fn unknown_language_warnings_can_be_turned_off() {
    let site = fixture("wild");
    let config = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    let config = config.replace(
        "  emoji: true",
        "  emoji: true\n  warn_unknown_languages: false",
    );
    write(site.path(), "site.yaml", config.as_bytes());
    let r = build_ok(site.path(), &[]);
    assert!(lines_with(&r.stderr, "W0105").is_empty(), "{}", r.stderr);
}

#[test]
fn default_shortcodes_render() {
    let (site, _) = built_wild();
    let page = read(site.path(), "tai-lieu/shortcodes/index.html");
    assert!(
        page.contains("<figure class=\"figure\"><img src=\"/so-do.svg\" alt=\"Sơ đồ dòng nước\""),
        "{page}"
    );
    assert!(page.contains(
        "<figcaption>Dòng nước trước và sau <span class=\"credit\">Ảnh: Văn phòng</span>"
    ));
    assert!(page.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abc123XYZ_-\" title=\"Giới thiệu sản xuất sạch hơn\" loading=\"lazy\""));
    assert!(page.contains("<a href=\"https://www.youtube.com/watch?v=abc123XYZ_-\">"));
    assert!(page.contains("<a href=\"/tai-lieu/bang-tinh.pdf\" download>bang-tinh.pdf</a> <span class=\"download-meta\">(PDF, 31 B)</span>"));
    // The body of a callout is Markdown, its links resolved like any other.
    assert!(page.contains("<div class=\"alert alert-tip\" role=\"note\"><p class=\"alert-title\">Mẹo</p>\n<p>Xem thêm <a href=\"/news/hoi-nghi/\">hội nghị</a> và <strong>ghi chú</strong> này.</p>\n</div>"));
    let bundle = read(site.path(), "news/tap-huan/index.html");
    assert!(
        bundle.contains("<a href=\"/news/tap-huan/danh-sach.pdf\" download>Danh sách học viên</a>"),
        "{bundle}"
    );
}

#[test]
fn site_shortcodes_take_a_markdown_body() {
    let (site, _) = built_wild();
    let page = read(site.path(), "tai-lieu/shortcodes/index.html");
    assert!(page.contains("<aside class=\"hop\"><p class=\"hop-title\">Con số</p>\n<p>Tiết kiệm <em>30 %</em> nước.</p>\n</aside>"), "{page}");
}

#[test]
fn a_raw_shortcode_gets_its_body_as_text() {
    let (site, _) = built_wild();
    let page = read(site.path(), "tai-lieu/shortcodes/index.html");
    let poem = "<pre class=\"tho\">Nước *sạch* thì cá mới về,\n&lt;b&gt;đồng&lt;/b&gt; xanh thì lúa mới về đầy sân.</pre><p class=\"tho-author\">Khuyết danh</p>";
    assert!(page.contains(poem), "{page}");
}

#[test]
fn shortcodes_in_code_and_escaped_ones_stay_as_written() {
    let (site, stderr) = built_wild();
    let page = read(site.path(), "tai-lieu/shortcodes/index.html");
    assert!(
        page.contains(
            "<p>Viết shortcode cho người đọc thấy: {{ video(id=\"x\", title=\"y\") }}</p>"
        ),
        "{page}"
    );
    assert!(page.contains("<code>{{ video(id=\"x\") }}</code>"));
    assert!(page.contains("{{ khong_co(a=1) }}"));
    assert!(!stderr.contains("khong_co"), "{stderr}");
}

#[test]
fn hugo_and_liquid_syntax_in_text_warn_where_written() {
    let (_, stderr) = built_wild();
    let foreign = lines_with(&stderr, "W0602");
    let expected = [
        "content/news/ngay-moi-truong.markdown:11:31:",
        "content/news/ngay-moi-truong.markdown:13:1:",
        "content/tai-lieu/huong-dan.md:49:1:",
        "content/tai-lieu/huong-dan.md:51:1:",
    ];
    assert_eq!(foreign.len(), expected.len(), "{stderr}");
    for (line, at) in foreign.iter().zip(expected) {
        assert!(line.starts_with(at), "{line}");
    }
    assert!(foreign[2].contains("Hugo shortcode"), "{}", foreign[2]);
    assert!(foreign[1].contains("Liquid"), "{}", foreign[1]);
}

#[test]
fn template_syntax_a_page_repeats_is_said_once_with_its_count() {
    let line = "See [the code]({{ site.repository }}/blob/main/a.md).\n\n";
    let page = format!(
        "---\ntitle: Lịch sử\n---\n{}Version {{% include v.html %}}.\n",
        line.repeat(40)
    );
    let site = fixture_with("minimal", &[("content/lich-su.md", &page)]);
    let r = build_ok(site.path(), &[]);
    let foreign = lines_with(&r.stderr, "W0602");
    assert_eq!(foreign.len(), 2, "{}", r.stderr);
    assert!(
        foreign[0].starts_with("content/lich-su.md:4:16:"),
        "{}",
        foreign[0]
    );
    assert!(
        foreign[0].contains("(this page writes it 40 times; said for the first place only)"),
        "{}",
        foreign[0]
    );
    assert!(!foreign[1].contains("times"), "{}", foreign[1]);
}

#[test]
fn emoji_codes_become_emoji_when_turned_on() {
    let (site, _) = built_wild();
    let page = read(site.path(), "news/ngay-moi-truong/index.html");
    assert!(page.contains("Xong ✅"), "{page}");
    let off = fixture("wild");
    let config = std::fs::read_to_string(off.path().join("site.yaml")).unwrap();
    write(
        off.path(),
        "site.yaml",
        config.replace("  emoji: true", "  emoji: false").as_bytes(),
    );
    build_ok(off.path(), &[]);
    assert!(read(off.path(), "news/ngay-moi-truong/index.html").contains("Xong :white_check_mark:"));
}

#[test]
fn unknown_shortcodes_and_wrong_arguments_are_located_errors() {
    let site = fixture("wild-unknown");
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let unknown = lines_with(&r.stderr, "E0602");
    assert!(
        unknown[0].starts_with("content/sai.md:6:1: error:"),
        "{}",
        r.stderr
    );
    assert!(unknown[0].contains("\"bieu_do\""));
    assert!(
        unknown[0].contains("callout, download, figure, video"),
        "{}",
        unknown[0]
    );
    let wrong = lines_with(&r.stderr, "E0603");
    assert!(wrong[0].starts_with("content/sai.md:8:1:"), "{}", r.stderr);
    assert!(wrong[0].contains("\"tieu_de\"") && wrong[0].contains("id*, title*, provider, start"));
    let missing = lines_with(&r.stderr, "E0604");
    assert!(missing[0].contains("\"title\""), "{}", r.stderr);
    let unclosed = lines_with(&r.stderr, "E0605");
    assert!(
        unclosed[0].starts_with("content/sai.md:10:1:"),
        "{}",
        r.stderr
    );
}
