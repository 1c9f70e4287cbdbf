//! Bad input: each gives exit status 1 and `path:line:col: error: ...`, all in one run, and
//! never touches the previous output.

use crate::support::*;

/// Builds `minimal` plus `files`, expects failure, returns stderr.
fn fails(files: &[(&str, &str)]) -> String {
    let site = fixture_with("minimal", files);
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "expected failure, got:\n{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    r.stderr
}

fn fails_with(files: &[(&str, &str)], location: &str, code: &str) -> String {
    let stderr = fails(files);
    let line = stderr
        .lines()
        .find(|l| l.starts_with(location))
        .unwrap_or_else(|| panic!("no diagnostic at {location}:\n{stderr}"));
    assert!(line.contains(": error: "), "{line}");
    assert!(line.contains(code), "{line} lacks {code}");
    line.to_string()
}

/// One mistaken file: its path, its bytes, where the error must be, its code, words the
/// message must contain.
type Mistake = (
    &'static str,
    &'static [u8],
    &'static str,
    &'static str,
    &'static [&'static str],
);

const MISTAKES: [Mistake; 10] = [
    (
        "content/a.md",
        b"---\ntitle: A\ntags: [x, y\nsummary: b\n---\n",
        "content/a.md:",
        "E0002",
        &[],
    ),
    (
        "content/a.md",
        b"---\nsummary: x\n---\nBody\n",
        "content/a.md:2:1",
        "E0105",
        &[],
    ),
    (
        "content/case-studies/a/index.md",
        b"---\ntitle: A\ninvestment:\n  amount: 1.200.000\n  currency: VND\n---\n",
        "content/case-studies/a/index.md:4:3",
        "E0106",
        &["1200000", "investment.amount"],
    ),
    (
        "content/a.md",
        b"---\ntitle: A\ndate: 13/08/2025\n---\n",
        "content/a.md:3:1",
        "E0110",
        &["2025-08-13"],
    ),
    (
        "content/a.md",
        b"---\ntitle: A\ndate: 2024-13-45\n---\n",
        "content/a.md:3:1",
        "E0110",
        &[],
    ),
    (
        "content/a.md",
        b"---\ntitle: A\nkind: recipe\n---\n",
        "content/a.md:3:1",
        "E0111",
        &["case-study"],
    ),
    (
        "content/a.md",
        b"---\ntitle: A\nslug: ../../etc\n---\n",
        "content/a.md:3:1",
        "E0201",
        &[],
    ),
    ("content/a.md", b"", "content/a.md:1:1", "E0102", &[]),
    (
        "content/a.md",
        b"---\ntitle: A\n\nBody\n",
        "content/a.md:1:1",
        "E0103",
        &[],
    ),
    (
        "content/a.md",
        b"---\ntitle: A\n---\n\xff\xfe caf\xe9\n",
        "content/a.md:4:1",
        "E0101",
        &[],
    ),
];

#[test]
fn each_mistake_fails_at_its_place_with_its_code() {
    let mut wrong = Vec::new();
    for (path, bytes, location, code, words) in MISTAKES {
        let site = fixture("minimal");
        write(site.path(), path, bytes);
        let r = build(site.path(), &[]);
        let line = r.stderr.lines().find(|l| l.starts_with(location));
        let fine = r.status == 1
            && !r.stderr.contains("panicked")
            && line.is_some_and(|l| {
                l.contains(": error: ") && l.contains(code) && words.iter().all(|w| l.contains(w))
            });
        if !fine {
            wrong.push(format!("{code} at {location}:\n{}", r.stderr));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn duplicate_urls_name_both_files() {
    let stderr = fails(&[
        ("content/a.md", "---\ntitle: A\nslug: same\n---\n"),
        ("content/b.md", "---\ntitle: B\nslug: same\n---\n"),
    ]);
    assert!(
        stderr.contains("content/a.md: error:") && stderr.contains("content/b.md"),
        "{stderr}"
    );
    assert!(stderr.contains("E0202"));
}

#[test]
fn bom_and_crlf_build_fine() {
    let site = fixture_with(
        "minimal",
        &[(
            "content/a.md",
            "\u{feff}---\r\ntitle: Có BOM\r\n---\r\n## Kết quả\r\n",
        )],
    );
    build_ok(site.path(), &[]);
    assert!(read(site.path(), "a/index.html").contains("id=\"ket-qua\""));
}

#[test]
fn every_error_of_a_build_is_reported() {
    let stderr = fails(&[
        ("content/a.md", "---\nsummary: x\n---\n"),
        ("content/b.md", "---\ntitle: B\ndate: 13/08/2025\n---\n"),
        ("content/c.md", "---\ntitle: C\n---\n[x](@/missing.md)\n"),
    ]);
    for needle in ["content/a.md:", "content/b.md:", "content/c.md:4:1"] {
        assert!(stderr.contains(needle), "{needle} missing in\n{stderr}");
    }
}

#[test]
fn broken_content_link_fails_the_build() {
    fails_with(
        &[(
            "content/a.md",
            "---\ntitle: A\n---\n\nSee [x](@/news/nope.md).\n",
        )],
        "content/a.md:5:5",
        "E0301",
    );
}

#[test]
fn unknown_site_yaml_key() {
    let line = fails_with(
        &[("site.yaml", "title: T\nbase_url: /\npagnate: 5\n")],
        "site.yaml:3:1",
        "E0003",
    );
    assert!(line.contains("paginate"), "{line}");
}

#[test]
fn unknown_theme() {
    fails_with(
        &[("site.yaml", "title: T\ntheme: nope\n")],
        "site.yaml",
        "E0004",
    );
}

#[test]
fn broken_template_override_names_the_template() {
    fails_with(
        &[
            ("templates/page.html", "{% if %}"),
            ("content/a.md", "---\ntitle: A\n---\n"),
        ],
        "templates/page.html:1:",
        "E0402",
    );
}

#[test]
fn template_runtime_error_names_the_page() {
    let line = fails_with(
        &[
            ("templates/page.html", "{{ page.nope.deeper }}"),
            ("content/a.md", "---\ntitle: A\n---\n"),
        ],
        "templates/page.html:1:",
        "E0401",
    );
    assert!(line.contains("content/a.md"), "{line}");
}

#[test]
fn a_page_on_a_generated_url_is_an_error() {
    fails_with(
        &[("content/search.md", "---\ntitle: Tìm\n---\n")],
        "content/search.md:2:1",
        "E0202",
    );
    fails_with(
        &[
            ("content/tags.md", "---\ntitle: Nhãn\n---\n"),
            ("content/a.md", "---\ntitle: A\ntags: [x]\n---\n"),
        ],
        "content/tags.md:2:1",
        "E0202",
    );
}

#[test]
fn a_number_written_with_thousand_dots_warns() {
    let site = fixture_with(
        "minimal",
        &[(
            "content/case-studies/a/index.md",
            "---\ntitle: A\nmetrics:\n  - { name: Nước, unit: m3, before: 1.200, after: 900 }\n---\n",
        )],
    );
    let r = build_ok(site.path(), &[]);
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains("W0107"))
        .unwrap_or_else(|| panic!("{}", r.stderr));
    assert!(
        line.starts_with("content/case-studies/a/index.md:4:"),
        "{line}"
    );
    assert!(
        line.contains("before of metric 1 (") && line.contains("1200"),
        "{line}"
    );
}

#[test]
fn a_link_to_a_page_not_published_yet_says_so() {
    // A draft, a page dated in the future and an expired page, linked as `@/` and relatively.
    for (front_matter, link) in [
        ("draft: true", "@/b.md"),
        ("date: 2999-01-01", "@/b.md"),
        ("date: 2999-01-01", "b.md#x"),
        ("date: 2020-01-01\nexpiryDate: 2021-01-01", "@/b.md"),
    ] {
        let a = format!("---\ntitle: A\n---\n[b]({link})\n");
        let b = format!("---\ntitle: B\n{front_matter}\n---\n");
        let line = fails_with(
            &[("content/a.md", &a), ("content/b.md", &b)],
            "content/a.md:4:1",
            "E0304",
        );
        assert!(!line.contains("E0301"), "{front_matter}: {line}");
    }
}

#[test]
fn pages_left_out_are_counted_by_reason() {
    let site = fixture_with(
        "minimal",
        &[
            ("content/nhap.md", "---\ntitle: N\ndraft: true\n---\n"),
            ("content/sau.md", "---\ntitle: S\ndate: 2999-01-01\n---\n"),
            (
                "content/cu.md",
                "---\ntitle: C\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\n",
            ),
            (
                "content/cu-2.md",
                "---\ntitle: D\nexpiry_date: 2021-01-01\n---\n",
            ),
        ],
    );
    let said =
        "Not published: 1 draft, 1 dated in the future, 2 past their expiry date (--drafts publishes them).";
    let r = build_ok(site.path(), &[]);
    assert!(r.stderr.contains(said), "{}", r.stderr);
    let r = command("check", site.path(), &[]);
    assert!(r.stderr.contains(said), "{}", r.stderr);
    let r = build_ok(site.path(), &["--drafts"]);
    assert!(!r.stderr.contains("Not published"), "{}", r.stderr);
    assert!(site.path().join("public/cu-2/index.html").is_file());
}
