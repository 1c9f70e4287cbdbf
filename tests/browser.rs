//! Browser tests: headless Chromium driven by playwright-core from Node, on fixture sites built
//! with `--relative-urls` and opened from `file://`, and on the web editor (Decap CMS, from the
//! pinned npm package) served by `sachhon serve`.
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
fn content_tabs_are_a_tab_bar_with_javascript_and_headed_panels_without() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/imported");
    let out = build_relative(&root);
    node("tabs.mjs", &out.path().join("site"));
}

#[test]
fn the_language_switch_of_every_kind_of_page_lands_on_its_translation() {
    let out = build_relative(Path::new(env!("CARGO_MANIFEST_DIR")));
    node("language.mjs", &out.path().join("site"));
}

/// Copies the folder `from` into `to`, recursively.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A `sachhon serve` child, killed when dropped.
struct Serve(std::process::Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The web editor in Chromium: Decap CMS from the pinned npm package's `dist` (no network),
/// served by the site itself through `cms.script`, with `sachhon serve` as its local backend.
/// With `SACHHON_SCREENSHOTS=<folder>`, the guide's screenshots are written there.
#[test]
fn the_web_editor_creates_a_case_study_translates_it_and_refuses_a_bad_metric() {
    use std::io::BufRead;
    let chromium = chromium();
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/editor"),
        &site,
    );
    let dist = browser_dir().join("node_modules/decap-cms/dist");
    let decap = site.join("static/decap");
    std::fs::create_dir_all(&decap).expect("mkdir");
    for entry in std::fs::read_dir(&dist).expect("decap-cms dist").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with("decap-cms.js") {
            std::fs::copy(entry.path(), decap.join(&name)).expect("copy");
        }
    }
    let mut yaml = std::fs::read_to_string(site.join("site.yaml")).expect("site.yaml");
    yaml.push_str("cms: { backend: github, repo: office/kb, script: /decap/decap-cms.js }\n");
    std::fs::write(site.join("site.yaml"), yaml).expect("write");

    let mut child = Command::new(env!("CARGO_BIN_EXE_sachhon"))
        .args(["--lang", "vi", "serve", "--port", "0", "--root"])
        .arg(&site)
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run sachhon serve");
    let stderr = child.stderr.take().expect("stderr");
    let server = Serve(child);
    let mut lines = std::io::BufReader::new(stderr).lines();
    let url = loop {
        let line = lines.next().expect("serve output").expect("line");
        if let Some(at) = line.find("http://127.0.0.1:") {
            break line[at..]
                .split_whitespace()
                .next()
                .expect("url")
                .to_string();
        }
    };
    std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
    let shots = std::env::var("SACHHON_SCREENSHOTS").unwrap_or_default();
    let output = Command::new("node")
        .arg(browser_dir().join("cms.mjs"))
        .arg(&url)
        .arg(&site)
        .arg(&shots)
        .env("CHROMIUM", chromium)
        .output()
        .expect("node runs");
    drop(server);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "cms.mjs failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("ok - web editor"), "{stdout}");

    // What the editor wrote builds with no diagnostic of its own.
    let check = Command::new(env!("CARGO_BIN_EXE_sachhon"))
        .args(["check", "--root"])
        .arg(&site)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sachhon check");
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{said}");
    assert!(!said.contains("det-may"), "{said}");
}
