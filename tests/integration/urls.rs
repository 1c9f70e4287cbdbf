//! Bilingual output, relative and sub-path URLs, and the standard files.

use crate::support::*;
use std::path::Path;

#[test]
fn both_languages_build_and_link_each_other() {
    let site = built("basic");
    let vi = read(site.path(), "news/ke-hoach-2018/index.html");
    let en = read(site.path(), "en/news/ke-hoach-2018/index.html");
    assert!(vi.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let alt_en = "hreflang=\"en\" href=\"https://example.org/kb/en/news/ke-hoach-2018/\"";
    let alt_vi = "hreflang=\"vi\" href=\"https://example.org/kb/news/ke-hoach-2018/\"";
    for html in [&vi, &en] {
        assert!(html.contains(alt_en) && html.contains(alt_vi), "alternates");
    }
    assert!(
        vi.contains("href=\"/kb/en/news/ke-hoach-2018/\" hreflang=\"en\""),
        "switcher vi->en"
    );
    assert!(
        en.contains("href=\"/kb/news/ke-hoach-2018/\" hreflang=\"vi\""),
        "switcher en->vi"
    );
    let en_list = read(site.path(), "en/news/index.html");
    assert!(en_list.contains("The 2018 action plan") && !en_list.contains("Kế hoạch"));
    assert!(read(site.path(), "en/atom.xml").contains("The 2018 action plan"));
    assert!(exists(site.path(), "en/tags/policy/index.html"));
}

fn internal(link: &str) -> bool {
    !(link.starts_with("http://")
        || link.starts_with("https://")
        || link.starts_with("mailto:")
        || link.starts_with('#')
        || link.starts_with("data:"))
}

#[test]
fn relative_urls_resolve_on_disk_from_every_page() {
    let site = fixture("basic");
    build_ok(site.path(), &["--relative-urls"]);
    let out = site.path().join("public");
    let mut checked = 0;
    for (path, bytes) in snapshot(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let dir = Path::new(&path).parent().unwrap_or(Path::new(""));
        for link in links(&html) {
            if link.contains("example.org") && internal(&link) {
                panic!("{path}: {link} names the host");
            }
            if !internal(&link) {
                continue;
            }
            assert!(!link.starts_with('/'), "{path}: {link} is absolute");
            let target = link.split(['#', '?']).next().unwrap();
            if target.is_empty() {
                continue;
            }
            let resolved = out.join(dir).join(target);
            assert!(
                resolved.is_file(),
                "{path}: {link} -> {} missing",
                resolved.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} links checked");
}

#[test]
fn sub_path_builds_keep_every_link_under_it() {
    let site = fixture("basic");
    build_ok(
        site.path(),
        &[
            "--base-url",
            "https://portal.example.vn/so-cong-thuong/sxsh/",
        ],
    );
    for (path, bytes) in snapshot(&site.path().join("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for link in links(&html) {
            if link.starts_with('/') {
                assert!(link.starts_with("/so-cong-thuong/sxsh/"), "{path}: {link}");
            }
        }
    }
}

#[test]
fn standard_files_are_generated() {
    let site = built("basic");
    let sitemap = read(site.path(), "sitemap.xml");
    roxmltree::Document::parse(&sitemap).expect("sitemap is XML");
    assert!(sitemap.contains("<loc>https://example.org/kb/news/ke-hoach-2018/</loc>"));
    assert!(
        sitemap.contains("hreflang=\"en\" href=\"https://example.org/kb/en/news/ke-hoach-2018/\"")
    );
    assert!(read(site.path(), "robots.txt").contains("Sitemap: https://example.org/kb/sitemap.xml"));
    assert!(read(site.path(), "404.html").contains("<html lang=\"vi\">"));
    let alias = read(site.path(), "gioi-thieu-cu/index.html");
    assert!(
        alias.contains("url=/kb/about/")
            && alias.contains("rel=\"canonical\" href=\"https://example.org/kb/about/\"")
    );
    let page = read(site.path(), "about/index.html");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/kb/about/\">"));
    assert!(page.contains("property=\"og:title\"") && page.contains("name=\"twitter:card\""));
    assert!(page.contains("favicon.svg"));
}

#[test]
fn translation_problems_are_reported() {
    let site = fixture_with(
        "basic",
        &[("content/news/mo-coi.en.md", "---\ntitle: Orphan\n---\n")],
    );
    let r = build_ok(site.path(), &[]);
    assert!(
        r.stderr.contains("content/news/mo-coi.en.md: warning:") && r.stderr.contains("W0103"),
        "{}",
        r.stderr
    );
    let site = fixture_with(
        "basic",
        &[("content/news/x.fr.md", "---\ntitle: Fr\n---\n")],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("content/news/x.fr.md: error:") && r.stderr.contains("E0203"),
        "{}",
        r.stderr
    );
}

#[test]
fn check_warns_about_missing_translations() {
    let site = fixture("basic");
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("content/case-studies/che-bien-go/index.md: warning:")
            && r.stderr.contains("W0104"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("warnings in"), "{}", r.stderr);
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn alias_leaving_the_site_is_an_error() {
    let site = fixture_with(
        "minimal",
        &[(
            "content/a.md",
            "---\ntitle: A\naliases: [../../etc/x]\n---\n",
        )],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("E0204"), "{}", r.stderr);
}

#[test]
fn the_site_may_override_interface_strings() {
    let site = fixture_with(
        "basic",
        &[(
            "i18n/en.yaml",
            "search: Find it\nskip_to_content: Jump to the text\n",
        )],
    );
    build_ok(site.path(), &[]);
    let en = read(site.path(), "en/about/index.html");
    assert!(
        en.contains("Find it") && en.contains("Jump to the text"),
        "overridden strings"
    );
    assert!(en.contains("Main menu"), "other strings kept");
    let vi = read(site.path(), "about/index.html");
    assert!(
        vi.contains("Tìm kiếm") && !vi.contains("Find it"),
        "Vietnamese untouched"
    );
}

#[test]
fn dates_and_numbers_follow_the_language() {
    let site = built("basic");
    assert!(read(site.path(), "news/ke-hoach-2018/index.html").contains(">28/09/2018</time>"));
    assert!(
        read(site.path(), "en/news/ke-hoach-2018/index.html").contains(">28 September 2018</time>")
    );
    assert!(read(site.path(), "case-studies/det-may-dong-nai/index.html").contains("120.000.000"));
}

#[test]
fn the_search_index_holds_published_searchable_pages_per_language() {
    let site = fixture_with(
        "basic",
        &[(
            "content/news/an.md",
            "---\ntitle: Trang ẩn khỏi tìm kiếm\ndate: 2024-02-02\nsearch: false\n---\nĐồng Nai.\n",
        )],
    );
    build_ok(site.path(), &[]);
    let meta = read(site.path(), "search/vi/meta.js");
    assert!(meta.starts_with("window.SachhonSearch=") && meta.contains("\"lang\":\"vi\""));
    let docs: String = std::fs::read_dir(site.path().join("public/search/vi"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("d-"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(docs.contains("Tiết kiệm nước tại nhà máy dệt Đồng Nai"));
    assert!(!docs.contains("Bản nháp"), "drafts stay out");
    assert!(!docs.contains("Trang ẩn"), "search: false stays out");
    // Terms are folded: "Đồng" is found under "dong" in a term shard, every word is indexed
    // (the last one of a body too), and every page is in a passage file, four to a file.
    let shards: String = std::fs::read_dir(site.path().join("public/search/vi"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("s-"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(shards.contains("\"dong\":"), "{shards}");
    let passages = read(site.path(), "search/vi/p/0.js");
    assert!(
        passages.starts_with("SachhonSearch.passages(0,[[["),
        "{passages}"
    );
    let meta: serde_json::Value = meta
        .split_once("SachhonSearch.meta=")
        .and_then(|(_, m)| m.strip_suffix(";\n"))
        .and_then(|m| serde_json::from_str(m).ok())
        .unwrap();
    assert_eq!(meta["passages"], 4);
    let docs = meta["count"].as_u64().unwrap() as usize;
    for n in 0..docs.div_ceil(4) {
        assert!(
            read(site.path(), &format!("search/vi/p/{n}.js")).contains(&format!("passages({n},"))
        );
    }
    assert!(!site
        .path()
        .join(format!("public/search/vi/p/{}.js", docs.div_ceil(4)))
        .exists());
    let en = read(site.path(), "search/en/meta.js");
    assert!(en.contains("\"lang\":\"en\""));
    assert!(
        !read(site.path(), "search/en/d-0.js").contains("Tiết kiệm"),
        "one index per language"
    );
}

#[test]
fn lead_images_follow_the_base_path_and_want_alt_text() {
    let site = fixture_with(
        "basic",
        &[
            ("static/anh/hoi-thao.jpg", "not really a jpeg"),
            (
                "content/news/co-anh.md",
                "---\ntitle: Có ảnh\ndate: 2024-02-02\nimage: /anh/hoi-thao.jpg\n---\nx\n",
            ),
            ("templates/news.html.bak", "{% broken"),
        ],
    );
    let r = build_ok(site.path(), &[]);
    assert!(
        r.stderr.contains("content/news/co-anh.md:4:1: warning:") && r.stderr.contains("W0106"),
        "{}",
        r.stderr
    );
    let html = read(site.path(), "news/co-anh/index.html");
    assert!(html.contains("src=\"/kb/anh/hoi-thao.jpg\""), "{html}");
    assert!(
        html.contains("property=\"og:image\" content=\"https://example.org/kb/anh/hoi-thao.jpg\"")
    );
    build_ok(site.path(), &["--relative-urls"]);
    assert!(read(site.path(), "news/co-anh/index.html").contains("src=\"../../anh/hoi-thao.jpg\""));
}
