//! Messages in the editor's language: the same code and location in Vietnamese and English.

use crate::support::*;

fn run_in(lang: &str, site: &std::path::Path) -> String {
    let r = sachhon()
        .env("LANG", lang)
        .arg("build")
        .arg("--root")
        .arg(site)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    String::from_utf8_lossy(&r.stderr).to_string()
}

/// The `path:line:col` prefixes and codes of every diagnostic line.
fn skeleton(stderr: &str) -> Vec<(String, String)> {
    stderr
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .map(|l| {
            let location = l
                .split(": error: ")
                .next()
                .unwrap()
                .split(": warning: ")
                .next()
                .unwrap();
            let code = l.rsplit('[').next().unwrap().trim_end_matches(']');
            (location.to_string(), code.to_string())
        })
        .collect()
}

#[test]
fn diagnostics_speak_vietnamese_or_english_with_the_same_code_and_place() {
    let site = fixture_with(
        "minimal",
        &[
            (
                "content/case-studies/a/index.md",
                "---\ntitle: A\nmetrics:\n  - { name: Nước, unit: m3, before: nhiều, after: 90 }\n---\n",
            ),
            ("content/b.md", "---\ntitle: B\ndate: 13/08/2025\n---\n"),
            ("content/c.md", "---\nsummary: thiếu tiêu đề\n---\n"),
        ],
    );
    let vi = run_in("vi_VN.UTF-8", site.path());
    let en = run_in("C", site.path());
    assert!(
        vi.contains(
            "before của chỉ số thứ 1 (Nước): \"nhiều\" không phải là số; hãy ghi một số, ví dụ 120"
        ),
        "{vi}"
    );
    assert!(
        en.contains(
            "before of metric 1 (Nước): \"nhiều\" is not a number; write a number, for example 120"
        ),
        "{en}"
    );
    assert!(
        vi.contains("không phải ngày hợp lệ") && vi.contains("2025-08-13"),
        "{vi}"
    );
    assert!(vi.contains("thiếu title"), "{vi}");
    assert!(vi.contains("Dựng trang web thất bại"), "{vi}");
    let (svi, sen) = (skeleton(&vi), skeleton(&en));
    assert_eq!(svi.len(), 3, "{vi}");
    assert_eq!(svi, sen, "same codes and locations in both languages");
}

#[test]
fn the_flag_beats_the_environment_and_help_is_localized() {
    let r = sachhon()
        .env("SACHHON_LANG", "en")
        .env("LANG", "vi_VN.UTF-8")
        .arg("--help")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&r.stdout).contains("Build the site"),
        "SACHHON_LANG wins over LANG"
    );
    let r = sachhon()
        .env("SACHHON_LANG", "en")
        .args(["--lang", "vi", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&r.stdout).contains("Dựng trang web vào thư mục xuất"));
}

#[test]
fn check_summary_is_in_the_editors_language() {
    let site = fixture_with(
        "minimal",
        &[("content/a.md", "---\ntitle: A\n---\n[x](/khong-co/)\n")],
    );
    let r = command_with_env("check", site.path(), &[], &[("LANG", "vi_VN.UTF-8")]);
    let stderr = r.stderr;
    assert_eq!(r.status, 1);
    assert!(
        stderr.contains("1 lỗi, 0 cảnh báo trong 2 trang"),
        "{stderr}"
    );
}

#[test]
fn every_error_code_has_a_page_in_both_guides() {
    let guide = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content/loi");
    let codes: Vec<String> = sachhon::messages::Catalogue::new("en")
        .ids()
        .into_iter()
        .filter(|id| id.len() == 5 && (id.starts_with('E') || id.starts_with('W')))
        .collect();
    assert!(codes.len() > 40, "{codes:?}");
    for code in codes {
        let lower = code.to_lowercase();
        for file in [format!("{lower}.md"), format!("{lower}.en.md")] {
            let path = guide.join(&file);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("no guide page {}", path.display()));
            assert!(text.contains(&code), "{file} does not name {code}");
        }
    }
}

#[test]
fn the_guide_builds_and_checks_clean() {
    // A private copy, so the test never writes into the repository.
    let copy = tempfile::tempdir().unwrap();
    copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs"),
        copy.path(),
    );
    let root = copy.path();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("guide");
    let r = build(root, &["--output", target.to_str().unwrap()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(target.join("loi/e0106/index.html").is_file());
    assert!(target.join("en/loi/e0106/index.html").is_file());
    let r = command("check", root, &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}
