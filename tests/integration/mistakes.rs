//! The mistakes editors really make, one page each in `tests/fixtures/mistakes`: each gives a
//! plain message at the right place, with its fix, in Vietnamese and in English.

use crate::support::*;

/// `(location, code, Vietnamese words, English words)`: the line that must be printed.
const EXPECTED: &[(&str, &str, &str, &str)] = &[
    (
        "content/news/tom-tat-go-nham.md:4:1",
        "W0170",
        "sumary: sachhon không biết khóa này nên bỏ qua nó; có phải ý bạn là \"summary\"?",
        "sumary: sachhon does not know this key and ignores it; did you mean \"summary\"?",
    ),
    (
        "content/news/anh-dau-bai.md:4:1",
        "E0303",
        "tệp \"/images/khong-co.jpg\" không tồn tại (đường dẫn bắt đầu bằng / được tìm trong static/, rồi trong content/); hãy đặt tệp vào static/ theo đúng đường dẫn đó",
        "the file \"/images/khong-co.jpg\" does not exist (a path starting with / is looked for in static/, then in content/); put the file at that path in static/",
    ),
    (
        "content/case-studies/ky-thuat/index.md:4:1",
        "E0113",
        "mục thứ 1 của techniques: \"Quản lý nội vi tốt\" không phải khóa của một giải pháp sản xuất sạch hơn; hãy ghi khóa good-housekeeping",
        "item 1 of techniques: \"Quản lý nội vi tốt\" is not the key of a cleaner-production technique; write its key good-housekeeping",
    ),
    (
        "content/case-studies/ky-thuat/index.md:4:1",
        "E0113",
        "mục thứ 2 của techniques: \"good-houskeeping\"",
        "item 2 of techniques: \"good-houskeeping\"",
    ),
    (
        "content/case-studies/ky-thuat/index.md:5:1",
        "E0115",
        "ví dụ { amount: 1500000, currency: VND }",
        "for example { amount: 1500000, currency: VND }",
    ),
    (
        "content/case-studies/ky-thuat/index.md:8:34",
        "E0106",
        "before của chỉ số thứ 2 (Điện tiêu thụ): \"50 kWh\" không phải là số; hãy ghi riêng số và đơn vị, mỗi thứ một dòng: before: 50 và unit: kWh",
        "before of metric 2 (Điện tiêu thụ): \"50 kWh\" is not a number; write the number and the unit apart, each on its own line: before: 50 and unit: kWh",
    ),
    (
        "content/case-studies/ky-thuat/index.md:8:61",
        "W0170",
        "bettr của chỉ số thứ 2 (Điện tiêu thụ): sachhon không biết khóa này nên bỏ qua nó; có phải ý bạn là \"better\"?",
        "bettr of metric 2 (Điện tiêu thụ): sachhon does not know this key and ignores it; did you mean \"better\"?",
    ),
    (
        "content/news/tab.md:5:1",
        "E0002",
        "dòng này thụt lề bằng phím Tab, mà YAML chỉ nhận dấu cách; hãy xóa Tab và gõ dấu cách",
        "this line is indented with a Tab, and YAML takes spaces only; delete the Tab and type spaces",
    ),
    (
        "content/news/hai-cham.md:2:8",
        "E0002",
        "giá trị của title có dấu hai chấm và dấu cách (\": \"), nên YAML tưởng đó là một khóa mới; hãy đặt cả giá trị trong ngoặc kép: title: \"Hội thảo: tiết kiệm năng lượng\"",
        "the value of title holds a colon and a space (\": \"), so YAML takes it for a new key; put the whole value in double quotes: title: \"Hội thảo: tiết kiệm năng lượng\"",
    ),
    (
        "content/news/ngoac-vuong.md:2:8",
        "E0002",
        "hãy đặt cả giá trị trong ngoặc kép: title: \"[Mới] Hội thảo\"",
        "put the whole value in double quotes: title: \"[Mới] Hội thảo\"",
    ),
    (
        "content/news/ngoac-chua-dong.md:2:8",
        "E0002",
        "giá trị của title mở ngoặc kép mà không đóng; hãy thêm dấu ngoặc kép cùng loại ở cuối giá trị",
        "the value of title opens a quote and never closes it; add the same quote at the end of the value",
    ),
    (
        "content/news/ngoac-cong.md:2:8",
        "E0002",
        "có ngoặc kép cong (“ ”) do trình soạn thảo văn bản tự đổi, mà YAML chỉ hiểu ngoặc thẳng (\"); hãy gõ lại bằng ngoặc thẳng",
        "has curly quotes (“ ”) that a word processor typed, and YAML knows only straight ones (\"); type them again as straight quotes",
    ),
    (
        "content/news/danh-sach-lech.md:6:2",
        "E0002",
        "mục danh sách này thụt lề khác các mục trước nó; mọi dòng \"- \" của một danh sách phải thẳng cột với nhau",
        "this list item is indented differently from the items before it; every \"- \" line of one list must start in the same column",
    ),
    (
        "content/news/gach-dai.md:1:1",
        "E0102",
        "dòng \"—\" là gạch dài do trình soạn thảo văn bản tự đổi, không phải ba dấu gạch ngang; hãy gõ lại thành \"---\"",
        "the line \"—\" is a long dash that a word processor typed, not three hyphens; type it again as \"---\"",
    ),
    (
        "content/news/thang.md:2:1",
        "E0105",
        "title trống: YAML coi dấu # là chỗ bắt đầu ghi chú, nên bỏ qua \"#1 Hội thảo\"; hãy đặt giá trị trong ngoặc kép: title: \"#1 Hội thảo\"",
        "title is empty: YAML takes # as the start of a comment and ignores \"#1 Hội thảo\"; put the value in double quotes: title: \"#1 Hội thảo\"",
    ),
    (
        "site.yaml:8:3",
        "E0111",
        "extra_keys.tin-tuc: \"tin-tuc\" không phải loại bài đã biết",
        "extra_keys.tin-tuc: \"tin-tuc\" is not a known kind",
    ),
    (
        "content/news/khoa-rieng.md:7:1",
        "W0603",
        "layout: khóa này của công cụ khác bị bỏ qua",
        "layout: this key of another generator is ignored",
    ),
];

fn check_in(lang: &str, site: &std::path::Path, args: &[&str]) -> Run {
    let r = sachhon()
        .args(["--lang", lang, "check", "--root"])
        .arg(site)
        .args(args)
        .output()
        .expect("run sachhon");
    Run {
        status: r.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&r.stderr).to_string(),
    }
}

#[test]
fn each_mistake_is_said_plainly_where_it_is_with_its_fix() {
    let site = fixture("mistakes");
    for (lang, column) in [("vi", 2), ("en", 3)] {
        let r = check_in(lang, site.path(), &[]);
        assert_eq!(r.status, 1, "{}", r.stderr);
        for row in EXPECTED {
            let words = if column == 2 { row.2 } else { row.3 };
            let found = r.stderr.lines().any(|l| {
                l.starts_with(&format!("{}: ", row.0))
                    && l.ends_with(&format!("[{}]", row.1))
                    && l.contains(words)
            });
            assert!(
                found,
                "{lang}: no {} at {}: {words}\n{}",
                row.1, row.0, r.stderr
            );
        }
        // Declared keys, keys under `extra:` and another tool's keys are not typos.
        let quiet = "content/news/khoa-rieng.md";
        assert!(
            !r.stderr
                .lines()
                .any(|l| l.starts_with(quiet) && l.contains("W0170")),
            "{}",
            r.stderr
        );
        // The original of gioi-thieu.en.md exists; it only failed to load.
        assert!(!r.stderr.contains("W0103"), "{}", r.stderr);
        // The YAML parser's English is a detail for --verbose only.
        assert!(!r.stderr.contains("mapping values"), "{}", r.stderr);
    }
    let r = check_in("vi", site.path(), &["--verbose"]);
    let tab = r
        .stderr
        .lines()
        .find(|l| l.starts_with("content/news/tab.md:"));
    assert!(
        tab.is_some_and(|l| l.contains("(found character that cannot start any token)")),
        "{}",
        r.stderr
    );
}

#[test]
fn strict_check_fails_on_warnings_alone() {
    let site = fixture_with(
        "minimal",
        &[("content/a.md", "---\ntitle: A\nsumary: x\n---\n")],
    );
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stderr.contains("[W0170]"), "{}", r.stderr);
    let r = command("check", site.path(), &["--strict"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
}

#[test]
fn commands_find_the_site_in_a_parent_folder_or_refuse() {
    let site = fixture("minimal");
    let inside = site.path().join("content");
    let r = sachhon()
        .current_dir(&inside)
        .args(["new", "news", "hoi-thao"])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0));
    assert!(site.path().join("content/news/hoi-thao.md").is_file());
    assert!(!inside.join("content").exists());
    let r = sachhon()
        .current_dir(&inside)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );

    let nowhere = tempfile::tempdir().unwrap();
    for args in [&["new", "news", "x"][..], &["build"], &["check"]] {
        let r = sachhon()
            .current_dir(nowhere.path())
            .args(["--lang", "vi"])
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("không thấy tệp site.yaml") && stderr.contains("[E0070]"),
            "{stderr}"
        );
        assert_eq!(std::fs::read_dir(nowhere.path()).unwrap().count(), 0);
    }
}

#[test]
fn a_first_failed_build_does_not_claim_an_earlier_one_was_kept() {
    let site = fixture_with(
        "minimal",
        &[("content/a.md", "---\ntitle: A\ndate: x\n---\n")],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("nothing was written"), "{}", r.stderr);
    assert!(!r.stderr.contains("left as it was"), "{}", r.stderr);
}
