//! Knowledge-base content: impact figures, dashboard, training, news, feeds, taxonomies.

use crate::support::*;

#[test]
fn case_study_shows_changes_charts_and_techniques() {
    let site = built("basic");
    let html = read(site.path(), "case-studies/det-may-dong-nai/index.html");
    assert!(
        html.contains("−30&nbsp;m3/ngày (−25&nbsp;%)"),
        "lower-is-better change"
    );
    assert!(
        html.contains("+100&nbsp;tấn/tháng (+50&nbsp;%)"),
        "higher-is-better change"
    );
    assert_eq!(
        html.matches("<svg role=\"img\"").count(),
        2,
        "one chart per metric"
    );
    assert!(html.contains("<title id=\"chart1-title\">Nước</title>"));
    assert!(html.contains("Quản lý nội vi tốt") && html.contains("Kiểm soát quá trình tốt hơn"));
    assert!(html.contains("120.000.000 VND"), "Vietnamese number format");
    assert!(
        html.contains("href=\"/kb/case-studies/che-bien-go/\""),
        "related case study"
    );
    let en = read(site.path(), "en/case-studies/det-may-dong-nai/index.html");
    assert!(en.contains("Good housekeeping"), "English technique label");
}

#[test]
fn payback_mismatch_is_a_warning_with_its_line() {
    let site = fixture_with(
        "basic",
        &[(
            "content/case-studies/sai/index.md",
            "---\ntitle: Sai\ninvestment: 100\nsavings_per_year: 100\npayback_months: 48\n---\n",
        )],
    );
    let r = build_ok(site.path(), &[]);
    assert!(
        r.stderr
            .contains("content/case-studies/sai/index.md:5:1: warning:")
            && r.stderr.contains("W0101"),
        "{}",
        r.stderr
    );
}

#[test]
fn dashboard_counts_and_links_listings() {
    let site = built("basic");
    let html = read(site.path(), "case-studies/impact/index.html");
    assert!(html.contains("<strong>2</strong>"), "two case studies");
    assert!(html.contains("120.000.000 VND"), "investment total");
    assert!(
        html.contains("href=\"/kb/sectors/det-may/\""),
        "sector listing link"
    );
    assert!(html.contains("href=\"/kb/provinces/dong-nai/\""));
    assert!(html.contains("href=\"/kb/techniques/good-housekeeping/\""));
}

#[test]
fn lessons_follow_weight_with_previous_and_next() {
    let site = built("basic");
    let module = read(site.path(), "training/cp-basics/index.html");
    let first = module.find("Bài thứ nhất").unwrap();
    let second = module.find("Bài thứ hai").unwrap();
    let third = module.find("Bài thứ ba").unwrap();
    assert!(first < second && second < third, "weight order");
    assert!(module.contains("45 phút"), "total duration");
    let lesson = read(site.path(), "training/cp-basics/b-thu-hai/index.html");
    assert!(lesson.contains("Bài 2/3"), "position, worded naturally");
    assert!(
        !lesson.contains("trên 3"),
        "not the calque \"Bài 2 trên 3\""
    );
    // The module's lessons beside the lesson, the current one marked.
    let list = &lesson[lesson
        .find("<nav class=\"module-lessons\"")
        .expect("module list")..];
    let list = &list[..list.find("</nav>").expect("end")];
    assert_eq!(list.matches("<li>").count(), 3, "{list}");
    assert!(
        list.contains(
            "href=\"/kb/training/cp-basics/b-thu-hai/\" aria-current=\"page\">Bài thứ hai</a>"
        ),
        "{list}"
    );
    assert!(lesson.contains("href=\"/kb/training/cp-basics/c-thu-nhat/\" rel=\"prev\""));
    assert!(lesson.contains("href=\"/kb/training/cp-basics/a-thu-ba/\" rel=\"next\""));
    assert!(lesson.contains("Hiểu SXSH"), "module objectives");
}

#[test]
fn quiz_works_without_javascript() {
    let site = built("basic");
    let html = read(site.path(), "training/cp-basics/c-thu-nhat/index.html");
    assert!(html.contains("<details class=\"answer\"><summary>"));
    assert!(html.contains("Phòng ngừa ô nhiễm tại nguồn</p>"));
    assert!(html.contains("data-answer=\"1\""));
}

#[test]
fn news_is_paginated_newest_first() {
    let mut files = Vec::new();
    for i in 1..=12 {
        files.push((
            format!("content/news/tin-{i:02}.md"),
            format!("---\ntitle: Tin số {i}\ndate: 2024-01-{i:02}\n---\nNội dung.\n"),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = fixture_with("basic", &refs);
    build_ok(site.path(), &[]);
    // 12 new + 2 existing news = 14 posts, 5 per page.
    let first = read(site.path(), "news/index.html");
    assert!(first.find("Tin số 12").unwrap() < first.find("Tin số 11").unwrap());
    assert!(first.contains("href=\"/kb/news/page/2/\" rel=\"next\""));
    let third = read(site.path(), "news/page/3/index.html");
    assert!(third.contains("rel=\"prev\""));
    assert!(!third.contains("rel=\"next\""));
    assert!(!exists(site.path(), "news/page/4/index.html"));
}

#[test]
fn feeds_are_xml_with_absolute_urls() {
    let site = built("basic");
    for feed in ["atom.xml", "news/atom.xml", "en/atom.xml"] {
        let xml = read(site.path(), feed);
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{feed}: {e}"));
        let entries = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .count();
        assert!(entries > 0, "{feed} has no entries");
        for link in doc.descendants().filter(|n| n.has_tag_name("link")) {
            assert!(link
                .attribute("href")
                .unwrap()
                .starts_with("https://example.org/kb/"));
        }
    }
    let news = read(site.path(), "news/atom.xml");
    assert!(news.contains("Hội thảo sản xuất sạch hơn tại Đà Nẵng"));
    assert!(
        !news.contains("Tiết kiệm nước"),
        "section feed holds only its pages"
    );
}

#[test]
fn taxonomy_terms_fold_vietnamese() {
    let site = built("basic");
    let sectors = read(site.path(), "sectors/index.html");
    assert!(sectors.contains("href=\"/kb/sectors/det-may/\""));
    let term = read(site.path(), "sectors/det-may/index.html");
    assert!(term.contains("Tiết kiệm nước tại nhà máy dệt Đồng Nai"));
    assert!(term.contains("Chế biến gỗ Bình Dương"));
    assert!(exists(site.path(), "tags/hoi-thao/index.html"));
    assert!(exists(site.path(), "provinces/binh-duong/index.html"));
}

#[test]
fn bad_knowledge_fields_are_located_errors() {
    let site = fixture_with(
        "minimal",
        &[
            (
                "content/case-studies/a/index.md",
                "---\ntitle: A\ntechniques: [recycling]\nmetrics:\n  - { name: Nước, unit: m3, before: nhiều, after: 90, better: less }\n---\n",
            ),
            (
                "content/training/m/_index.md",
                "---\ntitle: M\n---\n",
            ),
            (
                "content/training/m/l1.md",
                "---\ntitle: L1\nweight: 1\nquiz:\n  - question: Q?\n    options: [A, B]\n    answer: C\n---\n",
            ),
            ("content/training/m/l2.md", "---\ntitle: L2\nweight: 1\n---\n"),
        ],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1);
    let s = &r.stderr;
    assert!(
        s.contains("content/case-studies/a/index.md:3:1: error:")
            && s.contains("good-housekeeping"),
        "{s}"
    );
    assert!(
        s.contains("content/case-studies/a/index.md:5:") && s.contains("before of metric 1"),
        "{s}"
    );
    assert!(
        s.contains("better of metric 1") && s.contains("E0112"),
        "{s}"
    );
    assert!(
        s.contains("content/training/m/l1.md:7:5: error:") && s.contains("E0114"),
        "{s}"
    );
    let site = fixture_with(
        "minimal",
        &[
            ("content/training/m/_index.md", "---\ntitle: M\n---\n"),
            (
                "content/training/m/l1.md",
                "---\ntitle: L1\nweight: 1\n---\n",
            ),
            (
                "content/training/m/l2.md",
                "---\ntitle: L2\nweight: 1\n---\n",
            ),
        ],
    );
    let r = build_ok(site.path(), &[]);
    assert!(
        r.stderr.contains("content/training/m/l2.md:3:1: warning:") && r.stderr.contains("W0102"),
        "{}",
        r.stderr
    );
}

/// The text of the main menu of `html`.
fn main_menu(html: &str) -> &str {
    let menu = &html[html.find("<nav class=\"main-nav\"").expect("main menu")..];
    &menu[..menu.find("</nav>").expect("end of the menu")]
}

/// Asserts that the main menu of the page at `path` marks exactly the entry `current` (a link)
/// as the current one, or none.
fn assert_menu_marks(site: &std::path::Path, path: &str, current: Option<&str>) {
    let html = read(site, path);
    let menu = main_menu(&html);
    let marked: Vec<&str> = menu
        .split("<li>")
        .filter(|item| item.contains("aria-current=\"page\""))
        .filter_map(|item| item.split('"').nth(1))
        .collect();
    assert_eq!(
        marked,
        current.into_iter().collect::<Vec<_>>(),
        "{path}: {menu}"
    );
}

#[test]
fn the_main_menu_marks_the_section_of_each_page() {
    // The menu is rendered once per language and current entry, then reused: every page must
    // still mark its own section, and only it.
    let site = built("basic");
    let case = "case-studies/det-may-dong-nai/index.html";
    assert_menu_marks(site.path(), case, Some("/kb/case-studies/"));
    let lesson = "training/cp-basics/b-thu-hai/index.html";
    assert_menu_marks(site.path(), lesson, Some("/kb/training/"));
    assert_menu_marks(site.path(), "index.html", None);
    assert_menu_marks(site.path(), "en/about/index.html", Some("/kb/en/about/"));
    assert_menu_marks(site.path(), "en/news/index.html", Some("/kb/en/news/"));
}
