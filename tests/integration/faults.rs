//! Faults around a build: two builds on one output, a full disk, closed output streams.

use crate::support::*;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The basic fixture with enough generated news that two builds overlap.
fn generated_site() -> tempfile::TempDir {
    let site = fixture("basic");
    for i in 0..300 {
        write(
            site.path(),
            &format!("content/news/tin-{i}.md"),
            format!(
                "---\ntitle: Tin {i}\ndate: 2024-01-01\ntags: [t{}]\n---\nNội dung {i}.\n",
                i % 20
            )
            .as_bytes(),
        );
    }
    site
}

#[test]
fn concurrent_builds_leave_a_complete_site_every_time() {
    let site = generated_site();
    let clean = tempfile::tempdir().unwrap();
    let clean_out = clean.path().join("out");
    build_ok(site.path(), &["--output", clean_out.to_str().unwrap()]);
    let expected = snapshot(&clean_out);
    for round in 0..4 {
        let children: Vec<_> = (0..2)
            .map(|_| {
                sachhon()
                    .arg("build")
                    .arg("--root")
                    .arg(site.path())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "round {round}:\n{stderr}");
        }
        let got = snapshot(&site.path().join("public"));
        let missing: Vec<_> = expected.keys().filter(|k| !got.contains_key(*k)).collect();
        assert!(missing.is_empty(), "round {round}: missing {missing:?}");
        assert!(
            got == expected,
            "round {round}: output differs from a clean build"
        );
        let spares = beside(site.path())
            .iter()
            .filter(|n| n.contains("spare"))
            .count();
        assert!(spares <= 1, "round {round}: {:?}", beside(site.path()));
    }
}

#[test]
fn a_second_build_waits_or_with_no_wait_fails() {
    let site = fixture("minimal");
    let lock_path = site.path().join(".public.sachhon-lock");
    let mut held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(&lock_path)
        .unwrap();
    held.lock().unwrap();
    write!(held, "4242").unwrap();
    let r = build(site.path(), &["--no-wait"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.contains("[E0510]"), "{}", r.stderr);
    assert!(r.stderr.contains("4242"), "{}", r.stderr);
    let mut waiting = sachhon()
        .arg("build")
        .arg("--root")
        .arg(site.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(waiting.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.contains("4242") && first.contains("waiting"),
        "{first}"
    );
    assert!(!exists(site.path(), "index.html"), "built while locked");
    held.unlock().unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(waiting.wait().unwrap().code(), Some(0), "{rest:?}");
    assert!(exists(site.path(), "index.html"));
}

/// Runs `script` as root of a private mount namespace, or `None` where that is not allowed.
fn in_mount_namespace(script: &str) -> Option<std::process::Output> {
    let probe = Command::new("unshare").args(["-rm", "true"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: unshare -rm (a private tmpfs) is not available here");
        return None;
    }
    let out = Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("SACHHON_LANG")
        .output()
        .unwrap();
    Some(out)
}

/// Runs `steps` (a shell script where `$DISK` is a fresh tmpfs of `size`, `$BIN` the binary
/// and `$SITE` a copy of the basic fixture) in a private mount namespace; returns stdout and
/// stderr, or `None` (with a message) where a tmpfs cannot be mounted.
fn on_small_tmpfs(size: &str, steps: &str) -> Option<(String, String)> {
    let site = fixture("basic");
    let disk = tempfile::tempdir().unwrap();
    let script = format!(
        "DISK='{disk}' BIN='{bin}' SITE='{site}'
         mount -t tmpfs -o size={size} tmpfs \"$DISK\" || exit 77
         {steps}",
        disk = disk.path().display(),
        bin = env!("CARGO_BIN_EXE_sachhon"),
        site = site.path().display(),
    );
    let out = in_mount_namespace(&script)?;
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    if stdout.is_empty() && out.status.code() == Some(77) {
        eprintln!("skipped: tmpfs cannot be mounted here");
        return None;
    }
    Some((stdout, stderr))
}

#[test]
fn a_full_disk_gives_one_summary_and_leaves_nothing_behind() {
    let Some((stdout, stderr)) = on_small_tmpfs(
        "160k",
        "\"$BIN\" build --root \"$SITE\" --output \"$DISK/public\"; echo \"status=$?\"
         ls -a \"$DISK\"",
    ) else {
        return;
    };
    assert!(stdout.contains("status=1"), "{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let failures = stderr.lines().filter(|l| l.contains("[E0503]")).count();
    assert!(failures <= 3, "{stderr}");
    assert_eq!(stderr.matches("[E0511]").count(), 1, "{stderr}");
    assert!(
        !stdout.contains("staging") && !stdout.contains("spare"),
        "left behind:\n{stdout}"
    );
}

#[test]
fn stale_folders_of_a_dead_build_are_removed_before_writing() {
    // Room for the output twice (the new one and the previous), not for a dead build's
    // leftovers besides.
    let Some((stdout, stderr)) = on_small_tmpfs(
        "2000k",
        "\"$BIN\" build --root \"$SITE\" --output \"$DISK/public\" 2>/dev/null; echo \"first=$?\"
         mkdir \"$DISK/.public.sachhon-staging-999999\"
         head -c 900000 /dev/zero > \"$DISK/.public.sachhon-staging-999999/filler\"
         \"$BIN\" build --root \"$SITE\" --output \"$DISK/public\"; echo \"second=$?\"
         ls -a \"$DISK\"",
    ) else {
        return;
    };
    assert!(stdout.contains("first=0"), "{stdout}\n{stderr}");
    assert!(stdout.contains("second=0"), "{stdout}\n{stderr}");
    assert!(!stdout.contains("staging-999999"), "{stdout}");
}

#[test]
fn a_closed_or_full_stderr_ends_quietly_with_the_right_status() {
    let site = fixture("minimal");
    for (broken, expected) in [(false, 0), (true, 1)] {
        if broken {
            write(
                site.path(),
                "content/hong.md",
                b"---\ndate: 2021-05-1\xc3\xa9\n---\n",
            );
        }
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
        if let Ok(full) = full {
            let status = sachhon()
                .arg("build")
                .arg("--root")
                .arg(site.path())
                .stderr(full)
                .status()
                .unwrap();
            assert_eq!(status.code(), Some(expected), "stderr on /dev/full");
        }
        // A reader that goes away at once: every write to stderr fails with EPIPE.
        let mut child = sachhon()
            .arg("build")
            .arg("--root")
            .arg(site.path())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        assert_eq!(
            child.wait().unwrap().code(),
            Some(expected),
            "closed stderr"
        );
    }
}

#[test]
fn a_multibyte_character_in_a_date_is_an_error_not_a_panic() {
    let site = fixture_with(
        "minimal",
        &[("content/a.md", "---\ntitle: A\ndate: 2021-05-1é\n---\n")],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    let line = r.stderr.lines().find(|l| l.contains("[E0110]")).unwrap();
    assert!(line.starts_with("content/a.md:3:"), "{line}");
    assert!(
        line.contains("-0800"),
        "the accepted forms are listed: {line}"
    );
}

#[test]
fn jekyll_dates_with_offsets_are_read_and_shown_in_the_site_zone() {
    let site = fixture_with(
        "minimal",
        &[(
            "content/news/jekyll.md",
            "---\ntitle: Jekyll\ndate: 2016-02-19 20:24:00 -0800\n---\nX\n",
        )],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    // 20:24 in California is the next morning in Vietnam (+07:00).
    let page = read(site.path(), "news/jekyll/index.html");
    assert!(page.contains("20/02/2016"), "{page}");
}

#[test]
fn a_key_written_twice_names_both_lines() {
    let site = fixture_with(
        "minimal",
        &[(
            "content/a.md",
            "---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n",
        )],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let line = r.stderr.lines().find(|l| l.contains("[E0150]")).unwrap();
    assert!(line.starts_with("content/a.md:4:1:"), "{line}");
    assert!(line.contains("title") && line.contains("line 2"), "{line}");
    let site = fixture("minimal");
    let config = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    write(
        site.path(),
        "site.yaml",
        format!("{config}base_url: https://evil.example/\n").as_bytes(),
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let line = r.stderr.lines().find(|l| l.contains("[E0150]")).unwrap();
    assert!(line.starts_with("site.yaml:3:1:"), "{line}");
    assert!(
        line.contains("base_url") && line.contains("line 2"),
        "{line}"
    );
}

#[test]
fn numbers_must_be_finite_and_in_range() {
    for (value, shown) in [
        (".nan", ".nan"),
        (".inf", ".inf"),
        ("-.Inf", "-.Inf"),
        ("1e308", "1e308"),
        ("99999999999999999999999", "99999999999999999999999"),
    ] {
        let page = format!(
            "---\ntitle: A\ndate: 2024-01-01\nprovince: X\nsector: Y\npayback_months: {value}\n\
             investment: {value}\nmetrics:\n  - {{ name: W, unit: kWh, before: {value}, after: 1, better: lower }}\n---\n"
        );
        let site = fixture_with("basic", &[("content/case-studies/bad.md", &page)]);
        let r = build(site.path(), &[]);
        assert_eq!(r.status, 1, "{value}:\n{}", r.stderr);
        let errors: Vec<&str> = r.stderr.lines().filter(|l| l.contains("[E0151]")).collect();
        assert_eq!(errors.len(), 3, "{value}:\n{}", r.stderr);
        for key in ["payback_months", "investment", "before of metric 1 (W)"] {
            assert!(
                errors.iter().any(|l| l.contains(key) && l.contains(shown)),
                "{key} {value}:\n{}",
                r.stderr
            );
        }
        assert!(
            !r.stderr.contains("inf %") && !r.stderr.contains("[E0105]"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn raw_html_modes() {
    let page = "---\ntitle: A\n---\nText.\n\n<figure><img src=\"x.png\" alt=\"X\" onerror=\"steal()\"></figure>\n\n<script>steal()</script>\n";
    for (mode, warnings) in [("allow", 0), ("sanitize", 2), ("escape", 0), ("", 2)] {
        let site = fixture_with("minimal", &[("content/a.md", page), ("content/x.png", "")]);
        if !mode.is_empty() {
            let config = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
            let config = format!("{config}markdown:\n  raw_html: {mode}\n");
            write(site.path(), "site.yaml", config.as_bytes());
        }
        let r = build(site.path(), &[]);
        assert_eq!(r.status, 0, "{mode}: {}", r.stderr);
        let found: Vec<&str> = r.stderr.lines().filter(|l| l.contains("[W0150]")).collect();
        assert_eq!(found.len(), warnings, "{mode}: {}", r.stderr);
        let html = read(site.path(), "a/index.html");
        match mode {
            "allow" => {
                assert!(html.contains("<script>steal()</script>") && html.contains("onerror"))
            }
            "escape" => {
                assert!(
                    html.contains("&lt;script&gt;steal()&lt;/script&gt;"),
                    "{html}"
                );
                assert!(!html.contains("<figure>"), "{html}");
            }
            _ => {
                assert!(found[0].starts_with("content/a.md:6:1:"), "{}", found[0]);
                assert!(found[1].starts_with("content/a.md:8:1:"), "{}", found[1]);
                // `x.png` beside `content/a.md` is published at the site's root.
                assert!(
                    html.contains("<figure><img src=\"/x.png\" alt=\"X\"></figure>"),
                    "{html}"
                );
                assert!(!html.contains("steal()"), "{html}");
            }
        }
    }
    let site = fixture("minimal");
    let config = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    write(
        site.path(),
        "site.yaml",
        format!("{config}markdown: {{ raw_html: maybe }}\n").as_bytes(),
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("site.yaml:3:") && r.stderr.contains("[E0114]"),
        "{}",
        r.stderr
    );
}

/// Every input kept in `fuzz/regressions/` goes through what its target calls, on every test run.
#[test]
fn fuzz_regressions_replay() {
    use sachhon::content::{parse_front_matter, Kind};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for target in ["date", "front_matter", "front_matter_values"] {
        for entry in std::fs::read_dir(dir.join(target)).unwrap().flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            let _ = sachhon::date::Date::parse(text);
            for kind in [Kind::Page, Kind::CaseStudy, Kind::News] {
                let _ = parse_front_matter(text, kind);
                let wrapped = format!("---\ndate: {text}\npayback_months: {text}\n---\n");
                let _ = parse_front_matter(&wrapped, kind);
            }
            replayed += 1;
        }
    }
    assert!(replayed >= 6, "{replayed} inputs");
}
