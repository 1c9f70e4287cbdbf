//! Browser tests: headless Chromium driven by playwright-core from Node, on fixture sites built
//! with `--relative-urls` and opened from `file://`.
//!
//! They provision what they need themselves, once, whichever test comes first: `npm ci` in
//! `tests/browser` when its packages are missing or older than its lock file, and a Chromium:
//! `$CHROMIUM`, else Debian's `chromium` when installed, else the one inside the pinned npm
//! package `@sparticuz/chromium` (unpacked into the temporary folder). Nothing is downloaded
//! from outside the npm registry.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

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

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// The Chromium the tests run, provisioned once per process and under a file lock across
/// processes (test runners may start one process per test).
fn chromium() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = browser_dir();
        let lock = std::fs::File::create(std::env::temp_dir().join("sachhon-browser-tests.lock"))
            .expect("lock file");
        lock.lock().expect("lock");
        install_packages(&dir);
        let path = find_chromium(&dir);
        drop(lock);
        path
    })
}

/// `npm ci` when the packages are missing or were installed from another lock file.
fn install_packages(dir: &Path) {
    let lock = std::fs::read(dir.join("package-lock.json")).expect("package-lock.json");
    let stamp = dir.join("node_modules/.sachhon-installed-from");
    if std::fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(dir)
        .status()
        .expect("npm runs (Node and npm are needed for the browser tests)");
    assert!(status.success(), "npm ci failed in {}", dir.display());
    std::fs::write(&stamp, lock).expect("stamp");
}

/// `$CHROMIUM`, Debian's `chromium`, else the binary of the npm package `@sparticuz/chromium`.
fn find_chromium(dir: &Path) -> String {
    if let Ok(path) = std::env::var("CHROMIUM") {
        return path;
    }
    for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(path).is_file() {
            return path.to_string();
        }
    }
    let output = Command::new("node")
        .args([
            "--input-type=module",
            "-e",
            "const c = (await import('@sparticuz/chromium')).default; console.log(await c.executablePath());",
        ])
        .current_dir(dir)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "unpacking @sparticuz/chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

fn node(script: &str, site: &Path) {
    let dir = browser_dir();
    let chromium = chromium();
    let output = Command::new("node")
        .arg(dir.join(script))
        .arg(site)
        .env("CHROMIUM", chromium)
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
fn the_reader_sees_headline_figures_breadcrumbs_and_structured_data() {
    let out = build_relative(Path::new(env!("CARGO_MANIFEST_DIR")));
    node("reader.mjs", &out.path().join("site"));
}

#[test]
fn the_search_pages_example_query_finds_something_on_the_sample_site() {
    let out = build_relative(Path::new(env!("CARGO_MANIFEST_DIR")));
    node("search-example.mjs", &out.path().join("site"));
}

#[test]
fn the_case_study_list_filters_sorts_and_keeps_its_state_in_the_url() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    let out = build_relative(&root);
    node("case-filter.mjs", &out.path().join("site"));
}

#[test]
fn the_language_switch_of_every_kind_of_page_lands_on_its_translation() {
    let out = build_relative(Path::new(env!("CARGO_MANIFEST_DIR")));
    node("language.mjs", &out.path().join("site"));
}
