//! The output is the truth: every reference of every file sachhon writes resolves inside the
//! output, for every fixture, absolute, under a sub-path and for `file://`; `check` proves it
//! on the output and traces each broken reference to its Markdown line or its template.

use crate::support::*;
use std::path::Path;

/// Every fixture that is expected to build, and the sample site and the editor's guide.
fn sound_sites() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sites: Vec<_> = ["basic", "minimal", "search", "bilingual", "reader"]
        .iter()
        .map(|f| fixture_path(f))
        .collect();
    sites.push(root.to_path_buf());
    sites.push(root.join("docs"));
    sites
}

#[test]
fn every_site_writes_only_references_that_resolve() {
    for site in sound_sites() {
        let copy = tempfile::tempdir().expect("temp dir");
        copy_dir_sources(&site, copy.path());
        for args in [
            &[][..],
            &["--base-url", "https://example.org/deep/sub/path/"][..],
            &["--relative-urls"][..],
        ] {
            assert_output_sound(copy.path(), args);
        }
        let r = command("check", copy.path(), &[]);
        assert_eq!(r.status, 0, "{}: {}", site.display(), r.stderr);
        assert!(!r.stderr.contains(": error:"), "{}", r.stderr);
    }
}

/// Copies a site's sources (not its output or caches).
fn copy_dir_sources(site: &Path, to: &Path) {
    for entry in [
        "site.yaml",
        "content",
        "static",
        "templates",
        "i18n",
        "themes",
    ] {
        let from = site.join(entry);
        if from.is_dir() {
            copy_dir(&from, &to.join(entry));
        } else if from.is_file() {
            std::fs::copy(&from, to.join(entry)).expect("copy");
        }
    }
}

#[test]
fn a_language_without_its_home_page_still_gets_one() {
    let site = built("bilingual");
    assert!(!fixture_path("bilingual")
        .join("content/_index.en.md")
        .exists());
    let home = read(site.path(), "en/index.html");
    assert!(
        home.contains("Cleaner production – bilingual test"),
        "{home}"
    );
    assert!(exists(site.path(), "en/tags/index.html"));
    assert!(exists(site.path(), "en/sectors/index.html"));
    // A Vietnamese page without translation offers the English reader the nearest place.
    let news = read(site.path(), "news/a/index.html");
    assert!(news.contains("class=\"lang-switch\""), "{news}");
    assert!(news.contains("href=\"/kb/en/\" hreflang=\"en\""), "{news}");
    // hreflang alternates name true translations only.
    assert!(
        !news.contains("rel=\"alternate\" hreflang=\"en\""),
        "{news}"
    );
    let c = read(site.path(), "news/c/index.html");
    assert!(
        c.contains("rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/kb/en/news/c/\"")
    );
}

#[test]
fn raw_html_and_slashless_links_work_from_file_urls_and_sub_paths() {
    let site = fixture("bilingual");
    build_ok(site.path(), &["--relative-urls"]);
    let about = read(site.path(), "gioi-thieu/index.html");
    assert!(about.contains("src=\"../hinh/logo.svg\""), "{about}");
    assert!(about.contains("href=\"../news/c/index.html\""), "{about}");
    let home = read(site.path(), "index.html");
    assert!(home.contains("href=\"gioi-thieu/index.html\""), "{home}");
    build_ok(site.path(), &[]);
    let about = read(site.path(), "gioi-thieu/index.html");
    assert!(about.contains("src=\"/kb/hinh/logo.svg\""), "{about}");
    assert!(about.contains("href=\"/kb/news/c/\""), "{about}");
}

#[test]
fn check_traces_broken_references_to_markdown_and_templates() {
    let site = fixture_with(
        "bilingual",
        &[
            (
                "templates/404.html",
                "{% extends \"base.html\" %}{% block content %}<a href=\"{{ 'khong-co/' | url }}\">x</a>{% endblock content %}",
            ),
            (
                "content/news/b.md",
                "---\ntitle: Tin b\ndate: 2024-04-10\n---\nXem [x](/khong-co) và <a href=\"/cung-khong\">y</a>, ![ảnh](/khong.png), [z](/gioi-thieu/#khong-neo).\n",
            ),
        ],
    );
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_says(
        &r.stderr,
        &[
            "content/news/b.md:5:5: error: the link to \"/khong-co\" leads nowhere",
            "content/news/b.md:5:23: error: the link to \"/cung-khong\" leads nowhere",
            "content/news/b.md:5:52: error: the file \"/khong.png\" does not exist",
            "content/news/b.md:5:72: error: the page /gioi-thieu/ has no heading with the anchor #khong-neo",
            "templates/404.html: error: the built file 404.html refers to \"/kb/khong-co/\"",
            "templates/404.html: error: the built file en/404.html refers to \"/kb/khong-co/\"",
            "By code: E0301 ×2, E0302 ×1, E0303 ×1, E0306 ×2",
        ],
    );
}

#[test]
fn check_reports_every_broken_link_where_it_is_written() {
    let page = "---\ntitle: Tin d\ndate: 2024-04-11\n---\n\
        Một [x](khong-co-1/) và lại [x](khong-co-1/).\n\n\
        Xem [tài liệu][d] và [đây](<khong co>).\n\n\
        [d]: <cung khong co>\n\n\
        <div>\n  <p><a href=\"/khong-co-2/\">z</a></p>\n</div>\n\n\
        ![logo](/hinh/logo.png)\n\n\
        {{ figure(src=\"data:image/png;base64,iVBORw0KGgo=\", alt=\"Hình\", link=\"khong-co-3/\") }}\n\n\
        [Chúng tôi](/gioi-thieu/#chung--toi-la-ai) như GitHub viết.\n\n\
        {{ nut(trang=\"bao-cao\") }}\n\n\
        [Giới thiệu](/Gioi-Thieu/) viết hoa.\n";
    let button = "{# args: trang* #}<p><a class=\"nut\" href=\"/{{ trang }}/\">Xem</a></p>";
    let site = fixture_with(
        "bilingual",
        &[
            ("content/news/d.md", page),
            ("templates/shortcodes/nut.html", button),
        ],
    );
    let png = std::fs::read(fixture_path("imported").join("content/assets/logo.png")).unwrap();
    write(site.path(), "static/hinh/logo.png", &png);
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_says(
        &r.stderr,
        &[
            // Each occurrence of the same broken link, not only the first.
            "content/news/d.md:5:5: error: the link to \"khong-co-1/\" leads nowhere",
            "content/news/d.md:5:29: error: the link to \"khong-co-1/\" leads nowhere",
            // Destinations the HTML writer percent-encodes are still traced to the Markdown.
            "content/news/d.md:7:5: error: the link to \"cung khong co\" leads nowhere",
            "content/news/d.md:7:22: error: the link to \"khong co\" leads nowhere",
            // Raw HTML at the line and column of its tag.
            "content/news/d.md:12:6: error: the link to \"/khong-co-2/\" leads nowhere",
            // A shortcode's `link` is read as a Markdown link's destination.
            "content/news/d.md:17:1: error: the link to \"khong-co-3/\" leads nowhere",
            // What a shortcode's template wrote, at the shortcode's call.
            "content/news/d.md:21:1: error: the shortcode called here wrote \"/bao-cao/\"",
            // A missing anchor with an id of the same letters: the likely one is named.
            "content/news/d.md:19:1: error: the page /gioi-thieu/ has no heading with the anchor #chung--toi-la-ai; did you mean #chung-toi-la-ai?",
            // An address that exists in lower case.
            "content/news/d.md:23:1: error: the link to \"/Gioi-Thieu/\" leads nowhere; did you mean /gioi-thieu/? (addresses tell capital letters apart)",
            "By code: E0301 ×7, E0302 ×1, E0607 ×1",
        ],
    );
    assert!(!r.stderr.contains("E0306"), "{}", r.stderr);
    // A `data:` image in a shortcode does not take the previous image's size.
    build_ok(site.path(), &[]);
    let html = read(site.path(), "news/d/index.html");
    let figure = html.split("<figure").nth(1).unwrap_or_default();
    assert!(figure.contains("src=\"data:image/png"), "{figure}");
    assert!(html.contains("alt=\"logo\" width="), "{html}");
    assert!(!figure.contains("width="), "{figure}");
}

#[test]
fn aliases_never_replace_what_the_site_has() {
    let site = built("bilingual");
    let home = read(site.path(), "index.html");
    write(
        site.path(),
        "content/news/a.md",
        "---\ntitle: Tin a\ndate: 2024-03-10\naliases: [/index.html, /cu/, /news/a/]\n---\nA\n"
            .as_bytes(),
    );
    write(
        site.path(),
        "content/news/b.md",
        "---\ntitle: Tin b\ndate: 2024-04-10\naliases:\n  - /cu/\n  - /hinh/logo.svg\n  - /search/\n---\nB\n"
            .as_bytes(),
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_says(
        &r.stderr,
        &[
            "content/news/a.md:4:1: error: aliases: the old address /index.html is already the address of content/_index.md:2",
            "content/news/a.md:4:1: error: aliases: the old address /cu/ is already an old address of content/news/b.md:4",
            "content/news/b.md:4:1: error: aliases: the old address /cu/ is already an old address of content/news/a.md:4",
            "the old address /hinh/logo.svg/ is already",
            "content/news/a.md:4:1: warning: aliases: /news/a/ is this page's own address",
        ],
    );
    assert!(r.stderr.contains("[E0205]"));
    assert_eq!(
        read(site.path(), "index.html"),
        home,
        "the home page was replaced"
    );
}

#[test]
fn alias_mistakes_are_located_on_their_own_key() {
    // A same-named key nested in `extra` comes first; Jekyll's `redirect_from` is an alias key.
    let site = fixture_with(
        "bilingual",
        &[
            (
                "content/news/e.md",
                "---\ntitle: Tin e\nextra:\n  aliases: [x]\naliases: [/news/e/]\n---\nE\n",
            ),
            (
                "content/news/f.md",
                "---\ntitle: Tin f\n\nredirect_from: /cu/index.html\n---\nF\n",
            ),
            (
                "content/news/g.md",
                "---\ntitle: Tin g\nredirect_from:\n  - /cu/index.html\n---\nG\n",
            ),
        ],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_says(
        &r.stderr,
        &[
            "content/news/e.md:5:1: warning: aliases: /news/e/ is this page's own address",
            "content/news/f.md:4:1: error: aliases: the old address /cu/index.html is already an old address of content/news/g.md:3",
            "content/news/g.md:3:1: error: aliases: the old address /cu/index.html is already an old address of content/news/f.md:4",
        ],
    );
}

#[test]
fn control_characters_are_reported_and_removed_from_every_output() {
    let site = fixture_with(
        "bilingual",
        &[(
            "content/news/b.md",
            "---\ntitle: \"Tin\u{1}b\"\ndate: 2024-04-10\nsummary: Tóm tắt\u{b} có ký tự lạ\n---\nNội dung\u{0} tin\u{ffff} b.\n",
        )],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    for expected in [
        "content/news/b.md:2:12: warning: a control character (U+0001)",
        "content/news/b.md:4:17: warning: a control character (U+000B)",
        "content/news/b.md:6:9: warning: a control character (U+0000)",
        "content/news/b.md:6:14: warning: a control character (U+FFFF)",
    ] {
        assert!(
            r.stderr.contains(expected),
            "missing {expected:?} in:\n{}",
            r.stderr
        );
    }
    let files = snapshot(&site.path().join("public"));
    let mut xml = 0;
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains(['\u{0}', '\u{1}', '\u{b}', '\u{ffff}']),
            "{path}"
        );
        if path.ends_with(".xml") {
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            xml += 1;
        }
    }
    assert!(xml >= 4, "feeds and sitemap: {xml}");
    assert!(read(site.path(), "atom.xml").contains("Tinb"));
}

/// Asserts that `stderr` holds each of `expected`.
fn assert_says(stderr: &str, expected: &[&str]) {
    for e in expected {
        assert!(stderr.contains(e), "missing {e:?} in:\n{stderr}");
    }
}

#[test]
fn every_reading_of_a_file_reports_its_control_characters() {
    // The dev server re-reads an edited page through this path; it must see the warning too.
    let (meta, diags) = sachhon::content::parse_front_matter(
        "---\ntitle: A\n---\nx\u{1}y\n",
        sachhon::content::Kind::Page,
    );
    assert!(meta.is_some());
    assert!(
        diags
            .iter()
            .any(|d| d.code == sachhon::diagnostics::Code::W0120
                && d.line == Some(4)
                && d.col == Some(2)),
        "{diags:?}"
    );
}
