//! The core generator: layout, URLs, drafts, escaping, determinism, safe output.

use crate::support::*;

#[test]
fn builds_a_site_laid_out_as_the_design_says() {
    let site = fixture("basic");
    let r = build_ok(site.path(), &[]);
    assert!(r.stderr.contains("Built"), "{}", r.stderr);
    for path in [
        "index.html",
        "about/index.html",
        "news/index.html",
        "news/hoi-thao-da-nang/index.html",
        "news/ke-hoach-2018/index.html",
        "case-studies/det-may-dong-nai/index.html",
        "case-studies/det-may-dong-nai/may-nhuom.svg",
        "training/cp-basics/index.html",
        "training/cp-basics/c-thu-nhat/index.html",
        "en/about/index.html",
        "style.css",
        "syntax.css",
        "favicon.svg",
        "sitemap.xml",
        "robots.txt",
        "404.html",
    ] {
        assert!(exists(site.path(), path), "missing {path}");
    }
}

#[test]
fn drafts_are_left_out_unless_asked() {
    let site = built("basic");
    assert!(!exists(site.path(), "news/ban-nhap/index.html"));
    assert!(!read(site.path(), "news/index.html").contains("Bản nháp"));
    build_ok(site.path(), &["--drafts"]);
    assert!(exists(site.path(), "news/ban-nhap/index.html"));
}

#[test]
fn pages_dated_in_the_future_wait_for_their_day() {
    let site = fixture_with(
        "basic",
        &[(
            "content/news/sap-toi.md",
            "---\ntitle: Sắp tới\ndate: 2999-01-01\n---\nx\n",
        )],
    );
    build_ok(site.path(), &[]);
    assert!(!exists(site.path(), "news/sap-toi/index.html"));
    build_ok(site.path(), &["--drafts"]);
    assert!(exists(site.path(), "news/sap-toi/index.html"));
}

#[test]
fn front_matter_text_is_escaped() {
    let site = built("basic");
    let html = read(site.path(), "about/index.html");
    assert!(!html.contains("<script>alert"), "unescaped title");
    assert!(html.contains("&lt;script&gt;alert"));
    assert!(html.contains("Về &quot;chúng tôi&quot; &amp; dự án"));
}

#[test]
fn heading_ids_are_folded_from_vietnamese() {
    let site = built("basic");
    assert!(read(site.path(), "about/index.html").contains("id=\"ket-qua-dat-duoc\""));
}

#[test]
fn content_links_become_urls_under_the_base_path() {
    let site = built("basic");
    let html = read(site.path(), "about/index.html");
    assert!(
        html.contains("href=\"/kb/case-studies/det-may-dong-nai/#ket-qua\""),
        "{html}"
    );
}

#[test]
fn a_section_may_set_the_kind_of_its_pages() {
    let site = built("basic");
    let html = read(site.path(), "tin-tuc/bao-cao/index.html");
    // The news template shows the date and reading time.
    assert!(
        html.contains("<time datetime=\"2023-02-02\">02/02/2023</time>"),
        "{html}"
    );
}

#[test]
fn markdown_extensions_render() {
    let site = built("basic");
    let lesson = read(site.path(), "training/cp-basics/c-thu-nhat/index.html");
    assert!(
        lesson.contains("class=\"hl-"),
        "code is highlighted with classes"
    );
    assert!(
        lesson.contains("syntax.css"),
        "pages with code load the code stylesheet"
    );
    assert!(!read(site.path(), "about/index.html").contains("syntax.css"));
}

#[test]
fn unknown_front_matter_keys_reach_templates() {
    let site = fixture_with(
        "basic",
        &[(
            "templates/page.html",
            "{{ page.extra.owner | default(value='-') }}|{{ page.title }}",
        )],
    );
    build_ok(site.path(), &[]);
    assert_eq!(
        read(site.path(), "about/index.html"),
        "Văn phòng SXSH|Giới thiệu &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    );
}

#[test]
fn highlighted_code_is_kept_for_the_next_build_and_a_broken_cache_is_ignored() {
    let site = built("basic");
    let first = snapshot(&site.path().join("public"));
    let cache = site.path().join(".sachhon-cache/highlight.json");
    let saved = std::fs::read_to_string(&cache).unwrap();
    assert!(saved.contains("hl-"), "{saved}");
    std::fs::write(&cache, "{ broken").unwrap();
    build_ok(site.path(), &[]);
    assert!(
        first == snapshot(&site.path().join("public")),
        "outputs differ"
    );
    assert_eq!(std::fs::read_to_string(&cache).unwrap(), saved);
    // `check` writes nothing, not even the cache.
    std::fs::remove_file(&cache).unwrap();
    command("check", site.path(), &[]);
    assert!(!cache.exists());
}

#[test]
fn two_builds_are_byte_identical() {
    let site = built("basic");
    let first = snapshot(&site.path().join("public"));
    build_ok(site.path(), &[]);
    let second = snapshot(&site.path().join("public"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    assert!(first == second, "outputs differ");
}

#[test]
fn a_build_writing_over_an_older_output_equals_a_fresh_build() {
    let site = built("basic");
    // Change the site: a page goes, one changes, one appears.
    std::fs::remove_file(site.path().join("content/tin-tuc/bao-cao.md")).unwrap();
    let about = std::fs::read_to_string(site.path().join("content/about.md")).unwrap();
    write(
        site.path(),
        "content/about.md",
        about.replacen("Giới thiệu", "Về văn phòng", 1).as_bytes(),
    );
    write(
        site.path(),
        "content/news/moi.md",
        "---\ntitle: Tin mới\ndate: 2024-05-01\n---\nNội dung.\n".as_bytes(),
    );
    build_ok(site.path(), &[]);
    // This build writes into the folder of the first one, made before the changes.
    build_ok(site.path(), &[]);
    let fresh = tempfile::tempdir().unwrap();
    let fresh_out = fresh.path().join("out");
    build_ok(site.path(), &["--output", fresh_out.to_str().unwrap()]);
    let reused = snapshot(&site.path().join("public"));
    let fresh = snapshot(&fresh_out);
    assert_eq!(
        reused.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    assert!(reused == fresh, "outputs differ");
    assert!(!exists(site.path(), "tin-tuc/bao-cao/index.html"));
}

#[cfg(unix)]
#[test]
fn a_build_over_an_output_with_nothing_set_aside_links_what_did_not_change() {
    use std::os::unix::fs::MetadataExt;
    let site = built("basic");
    // A file's sum is trusted once the file is well older than the record: the first build's
    // files, kept aside by the second, come back in the third with their first sums.
    std::thread::sleep(std::time::Duration::from_millis(200));
    build_ok(site.path(), &[]);
    build_ok(site.path(), &[]);
    // As after a build into an empty folder: the output and its sums, nothing set aside.
    let spares = || -> Vec<std::path::PathBuf> {
        beside(site.path())
            .iter()
            .filter(|name| name.starts_with(".public.sachhon-spare-"))
            .map(|name| site.path().join(name))
            .collect()
    };
    for spare in spares() {
        std::fs::remove_dir_all(spare).unwrap();
    }
    let public = site.path().join("public");
    let before = snapshot(&public);
    let about = std::fs::read_to_string(site.path().join("content/about.md")).unwrap();
    let edited = about.replacen("Giới thiệu", "Về văn phòng", 1);
    write(site.path(), "content/about.md", edited.as_bytes());
    build_ok(site.path(), &[]);
    let fresh = tempfile::tempdir().unwrap();
    let fresh_out = fresh.path().join("out");
    build_ok(site.path(), &["--output", fresh_out.to_str().unwrap()]);
    let after = snapshot(&public);
    assert!(after == snapshot(&fresh_out), "differs from a fresh build");
    // The previous output, set aside, kept its bytes.
    let kept = spares();
    assert_eq!(kept.len(), 1);
    assert!(snapshot(&kept[0]) == before, "the previous output changed");
    let links = |path: &str| std::fs::metadata(public.join(path)).unwrap().nlink();
    let unchanged: Vec<&String> = after
        .iter()
        .filter(|&(path, bytes)| before.get(path) == Some(bytes))
        .map(|(path, _)| path)
        .collect();
    assert!(unchanged.iter().filter(|p| links(p) > 1).count() > unchanged.len() / 2);
    let changed: Vec<&String> = after.keys().filter(|p| !unchanged.contains(p)).collect();
    assert!(!changed.is_empty());
    assert!(changed.iter().all(|p| links(p) == 1), "{changed:?}");
}

#[cfg(unix)]
#[test]
fn an_output_restored_from_a_copy_is_linked_once_its_files_are_compared() {
    use std::os::unix::fs::MetadataExt;
    let site = built("basic");
    // As a CI cache gives it back: the same bytes in new files, no sums, nothing set aside.
    let public = site.path().join("public");
    let copy = site.path().join("restored");
    copy_dir(&public, &copy);
    std::fs::remove_dir_all(&public).unwrap();
    std::fs::rename(&copy, &public).unwrap();
    for name in beside(site.path()) {
        let path = site.path().join(&name);
        if name != ".public.sachhon-lock" {
            let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
        }
    }
    let before = snapshot(&public);
    build_ok(site.path(), &[]);
    let after = snapshot(&public);
    assert!(after == before, "the rebuild changed the output");
    let unlinked: Vec<&String> = after
        .keys()
        .filter(|p| std::fs::metadata(public.join(p)).unwrap().nlink() == 1)
        .collect();
    assert!(unlinked.is_empty(), "{unlinked:?}");
}

#[test]
fn a_failed_rebuild_leaves_the_previous_output_intact() {
    let site = built("basic");
    let before = snapshot(&site.path().join("public"));
    write(
        site.path(),
        "content/news/hong.md",
        b"---\ntitle: [oops\n---\n",
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1);
    assert!(
        before == snapshot(&site.path().join("public")),
        "output changed"
    );
    // The failed build's folder is kept aside, once, for the next build to reuse.
    let beside: Vec<String> = beside(site.path())
        .into_iter()
        .filter(|name| name.starts_with(".public.sachhon-spare-") || name.contains("staging"))
        .collect();
    assert_eq!(beside.len(), 1, "{beside:?}");
    assert!(
        beside[0].starts_with(".public.sachhon-spare-"),
        "{beside:?}"
    );
    std::fs::remove_file(site.path().join("content/news/hong.md")).unwrap();
    build_ok(site.path(), &[]);
    assert!(
        before == snapshot(&site.path().join("public")),
        "rebuild differs"
    );
}

#[test]
fn refuses_to_replace_folders_it_did_not_make() {
    let site = fixture("basic");
    let root = site.path().to_str().unwrap();
    for output in [
        root.to_string(),
        format!("{root}/content"),
        format!("{root}/content/news"),
    ] {
        let r = build(site.path(), &["--output", &output]);
        assert_eq!(r.status, 1, "--output {output} accepted");
        assert!(r.stderr.contains("E050"), "{}", r.stderr);
    }
    assert!(site.path().join("content/news/ke-hoach-2018.md").exists());
    let foreign = tempfile::tempdir().unwrap();
    std::fs::write(foreign.path().join("keep.txt"), "mine").unwrap();
    let r = build(site.path(), &["--output", foreign.path().to_str().unwrap()]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("E0501"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(foreign.path().join("keep.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn the_repository_sample_site_builds() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let root = env!("CARGO_MANIFEST_DIR");
    let r = build(
        std::path::Path::new(root),
        &["--output", target.to_str().unwrap()],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let case = std::fs::read_to_string(target.join("case-studies/binh-dien-quang-tri/index.html"))
        .unwrap();
    assert!(
        case.contains("−25 %") && case.contains("+50 %"),
        "impact figures"
    );
}

#[test]
fn usage_errors_exit_with_two() {
    let r = sachhon()
        .arg("build")
        .arg("--no-such-flag")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    let r = sachhon().args(["new", "recipe", "x"]).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
}

#[test]
fn check_writes_nothing_in_the_site() {
    // A photo and code a build would resize, highlight and cache; check must only read.
    let site = fixture_with(
        "minimal",
        &[(
            "content/case-studies/anh/index.md",
            "---\ntitle: Ảnh\n---\n![Máy](may.jpg)\n\n```rust\nfn main() {}\n```\n",
        )],
    );
    image::RgbImage::from_fn(1200, 800, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 7])
    })
    .save(site.path().join("content/case-studies/anh/may.jpg"))
    .unwrap();
    let entries = |root: &std::path::Path| {
        let mut all = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path.clone());
                }
                all.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
        all.sort();
        all
    };
    let (paths, bytes) = (entries(site.path()), snapshot(site.path()));
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        entries(site.path()),
        paths,
        "check created or removed a file or folder"
    );
    assert!(snapshot(site.path()) == bytes, "check changed a file");
    // The same site does write a cache and an output when built: the test can fail.
    build_ok(site.path(), &[]);
    assert_ne!(entries(site.path()), paths);
}

#[test]
fn photos_get_smaller_copies_with_srcset_and_a_cache() {
    let site = fixture_with(
        "minimal",
        &[(
            "content/case-studies/anh/index.md",
            "---\ntitle: Ảnh\n---\n![Máy đóng gói tự động](may.jpg)\n",
        )],
    );
    let photo = site.path().join("content/case-studies/anh/may.jpg");
    image::RgbImage::from_fn(1800, 1200, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x * y) % 239) as u8])
    })
    .save(&photo)
    .unwrap();
    build_ok(site.path(), &[]);
    let html = read(site.path(), "case-studies/anh/index.html");
    assert!(
        html.contains(
            "srcset=\"may-480w.jpg 480w, may-960w.jpg 960w, may-1600w.jpg 1600w, may.jpg 1800w\""
        ),
        "{html}"
    );
    assert!(html.contains("width=\"1800\" height=\"1200\" loading=\"lazy\""));
    let phone = std::fs::metadata(site.path().join("public/case-studies/anh/may-480w.jpg"))
        .unwrap()
        .len();
    assert!(phone < 100_000, "phone copy weighs {phone} bytes");
    let cache = site.path().join(".sachhon-cache/images");
    let cached: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    assert_eq!(cached.len(), 3);
    let sizes = std::fs::read_to_string(cache.join("sizes")).unwrap();
    assert!(sizes.contains(" 1800 1200 "), "{sizes}");
    let stamp = std::fs::metadata(&cached[0]).unwrap().modified().unwrap();
    build_ok(site.path(), &["--relative-urls"]);
    assert_eq!(
        std::fs::metadata(&cached[0]).unwrap().modified().unwrap(),
        stamp,
        "cache reused"
    );
    let html = read(site.path(), "case-studies/anh/index.html");
    assert!(
        html.contains("src=\"may.jpg\"") && html.contains("may-480w.jpg 480w"),
        "{html}"
    );
}

/// FNV-1a: a hash whose value never changes between Rust versions.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Every file the `basic` fixture builds, with its hash, is recorded in
/// `tests/fixtures/basic.digest`: work that should change no output (speed-ups) is checked by
/// it. A deliberate change of the output is recorded again with `SACHHON_BLESS=1 cargo test`.
#[test]
fn output_matches_the_recorded_digest() {
    let site = built("basic");
    let digest: String = snapshot(&site.path().join("public"))
        .iter()
        .map(|(path, bytes)| format!("{:016x} {path}\n", fnv(bytes)))
        .collect();
    let recorded = fixture_path("basic.digest");
    if std::env::var_os("SACHHON_BLESS").is_some() {
        std::fs::write(&recorded, &digest).unwrap();
    }
    let expected = std::fs::read_to_string(&recorded).unwrap_or_default();
    let changed: Vec<&str> = digest
        .lines()
        .filter(|l| !expected.lines().any(|e| e == *l))
        .chain(
            expected
                .lines()
                .filter(|e| !digest.lines().any(|l| l == *e)),
        )
        .collect();
    assert!(
        changed.is_empty(),
        "output differs from tests/fixtures/basic.digest (SACHHON_BLESS=1 records it):\n{}",
        changed.join("\n")
    );
}
