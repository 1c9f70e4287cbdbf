//! Running the binary on fixture copies and reading what it wrote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `sachhon` binary with a neutral, English, colourless environment.
pub fn sachhon() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sachhon"));
    cmd.env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("SACHHON_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

/// The folder of a fixture in the repository.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A private copy of fixture `name`, so tests never write into the repository.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture_path(name), dir.path());
    dir
}

/// A private copy of fixture `name`, built: most tests read what one build wrote.
pub fn built(name: &str) -> tempfile::TempDir {
    let site = fixture(name);
    build_ok(site.path(), &[]);
    site
}

/// A copy of fixture `name` with files added or replaced.
pub fn fixture_with(name: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = fixture(name);
    for (path, text) in files {
        write(dir.path(), path, text.as_bytes());
    }
    dir
}

/// Writes a file under `root`, creating folders.
pub fn write(root: &Path, path: &str, bytes: &[u8]) {
    let target = root.join(path);
    std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
    std::fs::write(target, bytes).expect("write");
}

/// Copies the folder `from` into `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The names of what builds keep beside a site's output `public/` (`.public.sachhon-*`: the
/// lock, the sums, a spare or staging folder).
pub fn beside(site: &Path) -> Vec<String> {
    std::fs::read_dir(site)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".public.sachhon-"))
        .collect()
}

/// What a run gave.
pub struct Run {
    pub status: i32,
    pub stderr: String,
}

fn run(output: Output) -> Run {
    Run {
        status: output.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&output.stderr).to_string(),
    }
}

/// `sachhon build --root <site> [args]`, output into `<site>/public` unless given.
pub fn build(site: &Path, args: &[&str]) -> Run {
    run(sachhon()
        .arg("build")
        .arg("--root")
        .arg(site)
        .args(args)
        .output()
        .expect("run sachhon"))
}

/// `sachhon <command> --root <site> [args]`.
pub fn command(cmd: &str, site: &Path, args: &[&str]) -> Run {
    command_with_env(cmd, site, args, &[])
}

/// [`command`] with environment variables set (`SACHHON_LANG`, `TERM`, ...).
pub fn command_with_env(cmd: &str, site: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    run(sachhon()
        .envs(env.iter().copied())
        .arg(cmd)
        .arg("--root")
        .arg(site)
        .args(args)
        .output()
        .expect("run sachhon"))
}

/// A successful build, or a panic showing stderr.
pub fn build_ok(site: &Path, args: &[&str]) -> Run {
    let r = build(site, args);
    assert_eq!(r.status, 0, "build failed:\n{}", r.stderr);
    r
}

/// A file of the default output folder.
pub fn read(site: &Path, path: &str) -> String {
    let p = site.join("public").join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Whether a file exists in the default output folder.
pub fn exists(site: &Path, path: &str) -> bool {
    site.join("public").join(path).exists()
}

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    collect(dir, dir, &mut out);
    out
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let rel = path
                .strip_prefix(root)
                .expect("prefix")
                .to_string_lossy()
                .to_string();
            out.insert(rel, std::fs::read(&path).expect("read"));
        }
    }
}

/// Every `href`/`src` value of an HTML text.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].replace("&amp;", "&"));
            }
        }
    }
    out
}

/// Builds `site` with `args` into a fresh folder, then reads every file written there from
/// disk and asserts that each reference resolves inside it, each fragment names an id of its
/// target, and each XML file is well-formed. Returns the output folder.
pub fn assert_output_sound(site: &Path, args: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("site");
    let mut all: Vec<&str> = vec!["--output", target.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    build_ok(site, &all);
    let base_url = args
        .iter()
        .position(|a| *a == "--base-url")
        .map(|i| args[i + 1]);
    let config = sachhon::config::Config::load(site, base_url).expect("site.yaml");
    let style = sachhon::site::UrlStyle {
        base_url: config.base_url.clone(),
        base_path: config.base_path.clone(),
        relative: args.contains(&"--relative-urls"),
    };
    let files: std::collections::HashMap<String, sachhon::verify::Facts> = snapshot(&target)
        .into_iter()
        .filter(|(path, _)| !path.starts_with(".sachhon"))
        .map(|(path, bytes)| {
            let facts = sachhon::verify::facts(&path, &bytes);
            (path, facts)
        })
        .collect();
    assert!(files.contains_key("index.html"), "no home page written");
    let broken = sachhon::verify::verify(&files, &style);
    assert!(
        broken.is_empty(),
        "{} {args:?}: broken references in the output:\n{broken:#?}",
        site.display()
    );
    out
}

/// The status code and body of a raw HTTP/1.1 response.
pub fn status_and_body(raw: &[u8]) -> (u16, String) {
    let text = String::from_utf8_lossy(raw);
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}
