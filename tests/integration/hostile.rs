//! The hostile-input corpus (`tests/fixtures/hostile/`): every case builds or fails with exit
//! status 1 naming the file, never hangs, never panics, never writes outside the output.

use crate::support::*;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Runs a build with a time limit; returns (status, stderr).
fn bounded_build(site: &Path, limit: Duration) -> (i32, String) {
    let mut child = sachhon()
        .arg("build")
        .arg("--root")
        .arg(site)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
            assert!(!stderr.contains("panicked"), "panic:\n{stderr}");
            return (status.code().unwrap_or(-1), stderr);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("build of {} did not finish in {limit:?}", site.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Only the site's own folders and the output exist after a build: nothing written elsewhere.
fn assert_nothing_outside(site: &Path) {
    let allowed = [
        "site.yaml",
        "content",
        "public",
        "templates",
        "static",
        "themes",
        "i18n",
        "outside.md",
        // sachhon's own cache of highlighted code and resized images
        ".sachhon-cache",
    ];
    for entry in std::fs::read_dir(site).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        assert!(
            allowed.contains(&name.as_str())
                || name.starts_with(".public.sachhon-old-")
                || name.starts_with(".public.sachhon-spare-")
                || name == ".public.sachhon-lock"
                || name == ".public.sachhon-sums",
            "unexpected {name} beside the site"
        );
    }
}

fn hostile(file: &str) -> (tempfile::TempDir, i32, String) {
    let bytes = std::fs::read(fixture_path("hostile").join(file)).unwrap();
    let site = fixture("minimal");
    write(site.path(), &format!("content/{file}"), &bytes);
    let (status, stderr) = bounded_build(site.path(), Duration::from_secs(60));
    assert_nothing_outside(site.path());
    (site, status, stderr)
}

fn fails_naming(file: &str, code: &str, with_line: bool) {
    let (_, status, stderr) = hostile(file);
    assert_eq!(status, 1, "{file}:\n{stderr}");
    let prefix = if with_line {
        format!("content/{file}:")
    } else {
        format!("content/{file}")
    };
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("{stderr}"));
    if with_line {
        let rest = &line[prefix.len()..];
        assert!(
            rest.chars().next().unwrap().is_ascii_digit(),
            "no line in {line}"
        );
    }
    assert!(line.contains(code), "{line}");
}

#[test]
fn wrong_types() {
    let (_, status, stderr) = hostile("wrong-types.md");
    assert_eq!(status, 1);
    for code in ["E0107", "E0109", "E0106", "E0108"] {
        assert!(stderr.contains(code), "{code} missing:\n{stderr}");
    }
}

#[test]
fn multibyte_date_duplicate_keys_and_non_finite_numbers() {
    fails_naming("date-multibyte.md", "E0110", true);
    fails_naming("duplicate-key.md", "E0150", true);
    let (_, status, stderr) = hostile("non-finite.md");
    assert_eq!(status, 1, "{stderr}");
    assert_eq!(stderr.matches("[E0151]").count(), 6, "{stderr}");
}

#[test]
fn raw_script_is_removed_with_warnings() {
    let (site, status, stderr) = hostile("raw-script.md");
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(stderr.matches("[W0150]").count(), 4, "{stderr}");
    let html = read(site.path(), "raw-script/index.html");
    for gone in [
        "onerror",
        "javascript:",
        "alert(1)</script>",
        "evil.example",
    ] {
        assert!(!html.contains(gone), "{gone} kept");
    }
}

/// The whole corpus in one site: whatever fails, nothing panics.
#[test]
fn every_hostile_input_at_once() {
    let site = fixture("minimal");
    for entry in std::fs::read_dir(fixture_path("hostile"))
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".md") && name != "README.md" {
            write(
                site.path(),
                &format!("content/{name}"),
                &std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    let (status, stderr) = bounded_build(site.path(), Duration::from_secs(120));
    assert_eq!(status, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_nothing_outside(site.path());
}

#[test]
fn absolute_and_dotdot_slugs_and_aliases() {
    fails_naming("absolute-slug.md", "E0201", true);
    fails_naming("dotdot-alias.md", "E0204", false);
}

#[test]
fn script_in_every_shown_field_is_escaped() {
    let site = fixture("minimal");
    for file in ["script-everywhere.md", "script-case.md"] {
        let bytes = std::fs::read(fixture_path("hostile").join(file)).unwrap();
        write(site.path(), &format!("content/{file}"), &bytes);
    }
    // The lead image must exist (E0303), even under a hostile name, for the page to be built.
    write(
        site.path(),
        "static/script-everywhere/\"><script>alert('image')</script>",
        b"",
    );
    let (status, stderr) = bounded_build(site.path(), Duration::from_secs(60));
    assert_eq!(status, 0, "{stderr}");
    let mut pages = 0;
    for (path, bytes) in snapshot(&site.path().join("public")) {
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text.contains("<script>alert"),
            "{path} runs an injected script"
        );
        assert!(
            !text.contains("onerror=\"alert"),
            "{path} has an injected attribute"
        );
        assert!(!text.contains("<b>big</b>"), "{path} has injected markup");
        pages += 1;
    }
    assert!(pages > 5);
}

#[test]
fn five_megabyte_page_builds() {
    let site = fixture("minimal");
    let paragraph = "Sản xuất sạch hơn giúp doanh nghiệp tiết kiệm nước và năng lượng. ".repeat(20);
    let mut body = String::from("---\ntitle: Trang rất lớn\n---\n");
    while body.len() < 5 * 1024 * 1024 {
        body.push_str(&paragraph);
        body.push_str("\n\n");
    }
    write(site.path(), "content/lon.md", body.as_bytes());
    let (status, stderr) = bounded_build(site.path(), Duration::from_secs(120));
    assert_eq!(status, 0, "{stderr}");
    assert!(
        std::fs::metadata(site.path().join("public/lon/index.html"))
            .unwrap()
            .len()
            > 5_000_000
    );
}

#[test]
fn ten_thousand_headings_get_unique_ids() {
    let site = fixture("minimal");
    let mut body = String::from("---\ntitle: Nhiều đề mục\n---\n");
    for _ in 0..10_000 {
        body.push_str("## Kết quả\n\nx\n\n");
    }
    write(site.path(), "content/de-muc.md", body.as_bytes());
    let (status, stderr) = bounded_build(site.path(), Duration::from_secs(120));
    assert_eq!(status, 0, "{stderr}");
    let html = read(site.path(), "de-muc/index.html");
    assert!(html.contains("id=\"ket-qua-9999\""));
}

#[test]
fn deeply_nested_lists_build() {
    let site = fixture("minimal");
    let mut body = String::from("---\ntitle: Lồng nhau\n---\n");
    for depth in 0..2_000 {
        body.push_str(&"  ".repeat(depth));
        body.push_str("- mục\n");
    }
    body.push_str(&"> ".repeat(2_000));
    body.push_str("trích dẫn\n");
    write(site.path(), "content/long-nhau.md", body.as_bytes());
    let (status, stderr) = bounded_build(site.path(), Duration::from_secs(120));
    assert_eq!(status, 0, "{stderr}");
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_link_outside_the_site() {
    let site = fixture("minimal");
    let content = site.path().join("content");
    std::os::unix::fs::symlink(&content, content.join("vong-lap")).unwrap();
    std::os::unix::fs::symlink("a", content.join("b")).unwrap();
    std::os::unix::fs::symlink("b", content.join("a")).unwrap();
    let (status, stderr) = bounded_build(site.path(), Duration::from_secs(60));
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("content/a") || stderr.contains("content/b"),
        "{stderr}"
    );
    // A link to a file outside the site is refused by name.
    let site = fixture("minimal");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: Bí mật\n---\nsecret\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        site.path().join("content/lo.md"),
    )
    .unwrap();
    let (status, stderr) = bounded_build(site.path(), Duration::from_secs(60));
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("content/lo.md: error:") && stderr.contains("E0117"),
        "{stderr}"
    );
}

#[test]
fn a_killed_build_leaves_the_previous_output_whole() {
    let site = built("minimal");
    let before = snapshot(&site.path().join("public"));
    // Enough pages that the build is still running when it is killed.
    let body = "Nội dung dài. ".repeat(200);
    for i in 0..600 {
        write(
            site.path(),
            &format!("content/news/tin-{i}.md"),
            format!(
                "---\ntitle: Tin {i}\ndate: 2024-01-01\ntags: [t{}]\n---\n{body}\n",
                i % 50
            )
            .as_bytes(),
        );
    }
    let mut child = sachhon()
        .arg("build")
        .arg("--root")
        .arg(site.path())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(150));
    let finished = child.try_wait().unwrap().is_some();
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
    if !finished {
        assert!(
            before == snapshot(&site.path().join("public")),
            "output changed by a killed build"
        );
    }
    // The next build recovers: it succeeds and leaves no staging folder behind.
    build_ok(site.path(), &[]);
    assert!(exists(site.path(), "news/tin-599/index.html"));
    let staging = std::fs::read_dir(site.path())
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains("staging"));
    assert!(!staging, "staging folder left behind");
}
