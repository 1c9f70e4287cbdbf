//! Browser tests: headless Chromium (Debian's `chromium`) driven by playwright-core from Node,
//! on fixture sites built with `--relative-urls` and opened from `file://`.
//!
//! Needs `chromium` and `npm ci` in `tests/browser` (both done by `.ci/run`).

use std::path::Path;
use std::process::Command;

fn build_relative(root: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("site");
    let status = Command::new(env!("CARGO_BIN_EXE_sachhon"))
        .args(["build", "--relative-urls", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&target)
        .env("NO_COLOR", "1")
        .status()
        .expect("run sachhon");
    assert!(status.success(), "build of {} failed", root.display());
    out
}

fn node(script: &str, site: &Path) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        dir.join("node_modules/playwright-core").is_dir(),
        "browser tests need their packages: run `npm ci` in tests/browser (and install Debian's chromium)"
    );
    let output = Command::new("node")
        .arg(dir.join(script))
        .arg(site)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{script} failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}

#[test]
fn sample_site_is_accessible_at_phone_and_desktop_widths() {
    let out = build_relative(Path::new(env!("CARGO_MANIFEST_DIR")));
    node("a11y.mjs", &out.path().join("site"));
}

#[test]
fn every_page_of_the_sample_site_is_valid_html() {
    let out = build_relative(Path::new(env!("CARGO_MANIFEST_DIR")));
    node("validate.mjs", &out.path().join("site"));
}

#[test]
fn the_relative_build_clicks_through_from_file_urls() {
    let out = build_relative(Path::new(env!("CARGO_MANIFEST_DIR")));
    node("navigate.mjs", &out.path().join("site"));
}

#[test]
fn search_works_from_file_urls() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
    let out = build_relative(&root);
    node("search.mjs", &out.path().join("site"));
}

#[test]
fn the_search_pages_example_query_finds_something_on_the_sample_site() {
    let out = build_relative(Path::new(env!("CARGO_MANIFEST_DIR")));
    node("search-example.mjs", &out.path().join("site"));
}
