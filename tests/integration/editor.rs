//! The editor workflow: init, new, check, and the live preview server.

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

#[test]
fn init_then_build_works() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("moi");
    let r = sachhon().arg("init").arg(&site).output().unwrap();
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert!(
        site.join("themes/default/templates/base.html").is_file(),
        "theme copied"
    );
    let r = command("check", &site, &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        !r.stderr.contains("warning"),
        "a new site checks clean:\n{}",
        r.stderr
    );
    build_ok(&site, &[]);
    for path in [
        "news/tin-dau-tien/index.html",
        "case-studies/dien-hinh-mau/index.html",
        "training/nhap-mon/bai-1/index.html",
        "gioi-thieu/index.html",
    ] {
        assert!(exists(&site, path), "{path}");
    }
    let again = sachhon().arg("init").arg(&site).output().unwrap();
    assert_eq!(again.status.code(), Some(1), "refuses a folder with files");
}

#[test]
fn new_scaffolds_every_kind_as_a_buildable_draft() {
    let site = fixture("minimal");
    let root = site.path().to_str().unwrap();
    for (kind, name, path) in [
        (
            "case-study",
            "binh-dien",
            "content/case-studies/binh-dien/index.md",
        ),
        ("news", "hoi-thao", "content/news/hoi-thao.md"),
        (
            "module",
            "cp-basics",
            "content/training/cp-basics/_index.md",
        ),
        (
            "lesson",
            "cp-basics/intro",
            "content/training/cp-basics/intro.md",
        ),
        ("page", "about", "content/about.md"),
    ] {
        let r = sachhon()
            .args(["new", kind, name, "--root", root])
            .output()
            .unwrap();
        assert_eq!(
            r.status.code(),
            Some(0),
            "{kind}: {}",
            String::from_utf8_lossy(&r.stderr)
        );
        let text = std::fs::read_to_string(site.path().join(path)).unwrap();
        assert!(text.contains("draft: true"), "{kind} is a draft");
        assert!(text.contains('#'), "{kind} has comments");
    }
    build_ok(site.path(), &[]);
    assert!(
        !exists(site.path(), "case-studies/binh-dien/index.html"),
        "drafts stay out"
    );
    build_ok(site.path(), &["--drafts"]);
    assert!(exists(site.path(), "case-studies/binh-dien/index.html"));
    assert!(exists(site.path(), "training/cp-basics/intro/index.html"));
    let again = sachhon()
        .args(["new", "news", "hoi-thao", "--root", root])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1), "refuses to overwrite");
}

#[test]
fn new_speaks_vietnamese_when_asked() {
    let site = fixture("minimal");
    let root = site.path().to_str().unwrap();
    let r = sachhon()
        .args(["new", "news", "tin", "--root", root])
        .env("LANG", "vi_VN.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&r.stderr).contains("Đã tạo"));
    let text = std::fs::read_to_string(site.path().join("content/news/tin.md")).unwrap();
    assert!(text.contains("# Tiêu đề tin"), "Vietnamese comments");
}

#[test]
fn check_reports_broken_links_anchors_and_images() {
    let site = fixture_with(
        "minimal",
        &[
            ("content/a.md", "---\ntitle: A\n---\n## Có thật\n\n[tốt](#co-that) [tốt](@/b.md#phan-mot)\n"),
            ("content/b.md", "---\ntitle: B\n---\n## Phần một\n\n[mất](@/khong-co.md)\n\n[neo](@/a.md#khong-co)\n\n![ảnh](khong-co.png)\n\n[trang](/khong-co/)\n"),
        ],
    );
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("content/b.md:6:1: error:") && r.stderr.contains("E0301"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/b.md:8:1: error:") && r.stderr.contains("E0302"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/b.md:10:1: error:") && r.stderr.contains("E0303"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/b.md:12:1: error:"),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("content/a.md"),
        "good links stay quiet:\n{}",
        r.stderr
    );
}

/// A `sachhon serve` child on a free port; killed when dropped.
struct Server {
    child: Child,
    port: u16,
    /// What it printed after starting.
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    /// Waits until the server printed a line containing `text`; returns that line.
    fn wait_log(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            if let Some(line) = self.log.lock().unwrap().iter().find(|l| l.contains(text)) {
                return line.clone();
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no {text:?} in {:?}",
                self.log.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &std::path::Path) -> Server {
    serve_with(site, &[])
}

fn serve_with(site: &std::path::Path, env: &[(&str, &str)]) -> Server {
    let mut child = sachhon()
        .envs(env.iter().copied())
        .args(["serve", "--port", "0", "--root"])
        .arg(site)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let port = loop {
        let line = lines.next().expect("server output").unwrap();
        if let Some(at) = line.find("http://127.0.0.1:") {
            let rest = &line[at + "http://127.0.0.1:".len()..];
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    Server { child, port, log }
}

/// A raw GET: (status, body).
pub fn get(port: u16, path: &str) -> (u16, String) {
    try_get(port, path).unwrap()
}

/// A raw GET, or why the connection failed.
fn try_get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    Ok(crate::support::status_and_body(&raw))
}

fn wait_for(port: u16, path: &str, what: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        // A server at its connection limit may reset a connection: that is a try too.
        let body = try_get(port, path).map_or_else(|e| e.to_string(), |(_, body)| body);
        if what(&body) {
            return body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out on {path}:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_previews_live_and_survives_broken_edits() {
    let site = fixture("basic");
    let server = serve(site.path());
    let (status, home) = get(server.port, "/");
    assert_eq!(status, 200);
    assert!(home.contains("/__sachhon/live.js"), "live reload injected");
    let (status, _) = get(server.port, "/news");
    assert_eq!(status, 301);
    let (status, body) = get(server.port, "/nope/");
    assert_eq!(status, 404);
    assert!(body.contains("<html lang=\"vi\">"), "the site's 404 page");
    for bad in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/news/..%2f..%2fsite.yaml",
    ] {
        let (status, _) = get(server.port, bad);
        assert!(status == 400 || status == 404, "{bad} gave {status}");
    }
    // An edit shows up (how fast is measured by scripts/bench, never asserted here).
    let about = site.path().join("content/about.en.md");
    std::fs::write(&about, "---\ntitle: About\n---\nFreshly edited text.\n").unwrap();
    wait_for(server.port, "/en/about/", |b| {
        b.contains("Freshly edited text.")
    });
    // A broken edit keeps the last good page, with the overlay.
    std::fs::write(&about, "---\ntitle: [broken\n---\n").unwrap();
    let page = wait_for(server.port, "/en/about/", |b| b.contains("sachhon-overlay"));
    assert!(
        page.contains("content/about.en.md:2:"),
        "overlay names file and line"
    );
    assert!(
        page.contains("The site could not be rebuilt"),
        "overlay heading"
    );
    assert!(
        page.contains("Freshly edited text."),
        "last good page still served"
    );
    std::fs::write(&about, "---\ntitle: About\n---\nFixed.\n").unwrap();
    let page = wait_for(server.port, "/en/about/", |b| b.contains("Fixed."));
    assert!(
        !page.contains("sachhon-overlay"),
        "overlay gone after the fix"
    );
    // A body-only edit of a page with a summary takes the single-page path; lists stay whole.
    let vi = site.path().join("content/about.md");
    let text = std::fs::read_to_string(&vi).unwrap();
    std::fs::write(
        &vi,
        text.replace("Trang giới thiệu.", "Trang giới thiệu đã sửa."),
    )
    .unwrap();
    wait_for(server.port, "/about/", |b| {
        b.contains("Trang giới thiệu đã sửa.")
    });
    let (_, news) = get(server.port, "/news/");
    assert!(
        news.contains("Hội thảo sản xuất sạch hơn tại Đà Nẵng"),
        "lists still served"
    );
    // Nothing was written to disk.
    assert!(!site.path().join("public").exists());
    // Built pages never carry the live-reload script.
    build_ok(site.path(), &[]);
    assert!(!read(site.path(), "index.html").contains("live.js"));
}

#[test]
fn serve_shows_a_new_title_everywhere_at_once_and_the_search_index_follows() {
    let site = fixture("basic");
    let server = serve(site.path());
    let port = server.port;
    let post = site.path().join("content/news/ke-hoach-2018.md");
    let text = std::fs::read_to_string(&post).unwrap();
    let edited = text.replace("Kế hoạch hành động 2018", "Kế hoạch hành động mới");
    std::fs::write(&post, &edited).unwrap();
    // The page, its section's list and its tag's page are rendered again at once...
    for path in ["/news/ke-hoach-2018/", "/news/", "/tags/chinh-sach/"] {
        wait_for(port, path, |b| b.contains("Kế hoạch hành động mới"));
    }
    server.wait_log("Rebuilt in");
    // ...the search index is not (only a whole build makes it)...
    let (_, docs) = get(port, "/search/vi/d-0.js");
    assert!(docs.contains("Kế hoạch hành động 2018"), "{docs}");
    // ...until the whole build that follows once edits pause.
    server.wait_log("brought up to date");
    let (_, docs) = get(port, "/search/vi/d-0.js");
    assert!(docs.contains("Kế hoạch hành động mới"), "{docs}");
    // Saving the file again unchanged rebuilds nothing and reloads no browser.
    let (_, version) = get(port, "/__sachhon/version");
    std::fs::write(&post, &edited).unwrap();
    server.wait_log("Saved without changes");
    assert_eq!(get(port, "/__sachhon/version").1, version);
    // A new date moves the page among the news: a whole build, with nothing left to follow.
    server.log.lock().unwrap().clear();
    std::fs::write(&post, edited.replace("2018-09-28", "2019-01-02")).unwrap();
    server.wait_log("Rebuilt in");
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        !server
            .log
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.contains("brought up to date")),
        "{:?}",
        server.log.lock().unwrap()
    );
}

#[test]
fn serve_sees_site_yaml_saved_by_rename_and_folders_made_later() {
    let site = fixture("basic");
    let server = serve(site.path());
    let config = site.path().join("site.yaml");
    let original = std::fs::read_to_string(&config).unwrap();
    // Many editors save by writing a new file and renaming it over the old one; a watch on the
    // file itself would see only the first such save.
    for title in ["Tiêu đề mới một", "Tiêu đề mới hai"] {
        let edited = original.replacen("title: Kho tri thức thử", &format!("title: {title}"), 1);
        let temporary = site.path().join(".site.yaml.swp");
        std::fs::write(&temporary, edited).unwrap();
        std::fs::rename(&temporary, &config).unwrap();
        wait_for(server.port, "/", |b| b.contains(title));
    }
    // A source folder made after the start is watched too.
    let static_dir = site.path().join("static");
    assert!(
        !static_dir.exists(),
        "the fixture must start without static/"
    );
    std::fs::create_dir(&static_dir).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(static_dir.join("later.txt"), "made later").unwrap();
    wait_for(server.port, "/later.txt", |b| b == "made later");
}

#[test]
fn serve_shows_a_lesson_retitled_in_its_module_and_sibling_lessons() {
    let site = fixture("basic");
    let server = serve(site.path());
    let lesson = site.path().join("content/training/cp-basics/b-thu-hai.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, text.replace("Bài thứ hai", "Bài hai, đã đổi tên")).unwrap();
    for path in [
        "/training/cp-basics/b-thu-hai/",
        "/training/cp-basics/",
        "/training/cp-basics/c-thu-nhat/",
        "/training/cp-basics/a-thu-ba/",
    ] {
        wait_for(server.port, path, |b| b.contains("Bài hai, đã đổi tên"));
    }
    // A new weight moves the lesson: a whole build, after which the order follows it.
    std::fs::write(
        &lesson,
        text.replace("weight: 2", "weight: 9")
            .replace("Bài thứ hai", "Bài cuối"),
    )
    .unwrap();
    let module = wait_for(server.port, "/training/cp-basics/", |b| {
        b.contains("Bài cuối")
    });
    let (first, last) = (module.find("Bài thứ nhất"), module.find("Bài cuối"));
    assert!(
        first.is_some() && first < last,
        "lesson order follows weights"
    );
}

#[test]
fn serve_shows_warnings_collapsed_with_each_code_linked_to_the_guide() {
    let site = fixture_with(
        "minimal",
        &[(
            "content/a.md",
            "---\ntitle: A\nsumary: Tóm tắt\n---\nVăn bản.\n",
        )],
    );
    let server = serve_with(site.path(), &[("SACHHON_GUIDE_URL", "https://guide.test/")]);
    let page = wait_for(server.port, "/a/", |b| b.contains("Văn bản."));
    assert!(page.contains("<aside id=\"sachhon-warnings\""), "{page}");
    assert!(
        !page.contains("sachhon-overlay"),
        "warnings are no error box: {page}"
    );
    assert!(page.contains("<details"), "collapsed: {page}");
    assert!(page.contains("did you mean &quot;summary&quot;?"), "{page}");
    assert!(
        page.contains("[<a href=\"https://guide.test/en/loi/w0170/\""),
        "the code links to its guide page: {page}"
    );
    // Fixed, the warnings go with the next build.
    std::fs::write(
        site.path().join("content/a.md"),
        "---\ntitle: A\nsummary: Tóm tắt\n---\nĐã sửa.\n",
    )
    .unwrap();
    let page = wait_for(server.port, "/a/", |b| b.contains("Đã sửa."));
    let page = if page.contains("sachhon-warnings") {
        wait_for(server.port, "/a/", |b| !b.contains("sachhon-warnings"))
    } else {
        page
    };
    assert!(!page.contains("W0170"), "{page}");
}

#[test]
fn serve_on_a_busy_port_exits_with_two() {
    let site = fixture("minimal");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let r = command("serve", site.path(), &["--port", &port]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains(&port), "{}", r.stderr);
}

#[test]
fn serve_holds_concurrent_load_while_files_change() {
    let site = fixture("basic");
    let server = serve(site.path());
    let port = server.port;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let editor = {
        let stop = stop.clone();
        let about = site.path().join("content/about.en.md");
        std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) && i < 200 {
                std::fs::write(&about, format!("---\ntitle: About\n---\nVersion {i}.\n")).unwrap();
                std::thread::sleep(Duration::from_millis(40));
                i += 1;
            }
        })
    };
    let paths = [
        "/",
        "/en/about/",
        "/news/",
        "/case-studies/det-may-dong-nai/",
        "/style.css",
        "/sitemap.xml",
    ];
    let clients: Vec<_> = (0..16)
        .map(|c| {
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..150 {
                    let path = paths[(c + i) % paths.len()];
                    let (status, body) = get(port, path);
                    let complete = if path.ends_with('/') {
                        body.trim_end().ends_with("</html>")
                    } else {
                        !body.is_empty()
                    };
                    if status != 200 || !complete {
                        failures.push(format!("{path}: {status}"));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    editor.join().unwrap();
    assert!(
        failures.is_empty(),
        "{} failed requests of 2400: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
}

#[test]
fn check_external_fetches_links_to_other_sites_only_when_asked() {
    // A small server on loopback stands in for the other site.
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let handle = std::thread::spawn(move || {
        let mut served = 0;
        while let Ok(Some(request)) = server.recv_timeout(Duration::from_secs(2)) {
            let status = if request.url() == "/ok" { 200 } else { 404 };
            let _ = request.respond(tiny_http::Response::empty(status));
            served += 1;
        }
        served
    });
    let page = format!(
        "---\ntitle: A\n---\n[tốt](http://127.0.0.1:{port}/ok)\n\n[hỏng](http://127.0.0.1:{port}/mat)\n"
    );
    let site = fixture_with("minimal", &[("content/a.md", &page)]);
    let quiet = command("check", site.path(), &[]);
    assert_eq!(
        quiet.status, 0,
        "without --external nothing is fetched:\n{}",
        quiet.stderr
    );
    let r = command("check", site.path(), &["--external"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("content/a.md:6:1: error:") && r.stderr.contains("E0305"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("HTTP 404"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("content/a.md:4:1"),
        "the good link is quiet:\n{}",
        r.stderr
    );
    assert!(handle.join().unwrap() >= 2);
}

/// Sends raw bytes and returns the status of the answer (0 when the server closed without one).
fn raw_status(port: u16, request: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    String::from_utf8_lossy(&raw)
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[test]
fn serve_refuses_hostile_requests_and_warns_on_exposure() {
    let site = fixture("basic");
    let server = serve(site.path());
    for method in ["POST", "DELETE", "PUT"] {
        let request = format!("{method} / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assert_eq!(raw_status(server.port, request.as_bytes()), 405, "{method}");
    }
    let head = raw_status(server.port, b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(head, 200);
    // One endless header line: refused once the head passes 64 KiB, whatever follows.
    let mut endless = b"GET / HTTP/1.1\r\nX-Long: ".to_vec();
    endless.extend(std::iter::repeat_n(b'a', 1 << 20));
    assert_eq!(raw_status(server.port, &endless), 431);
    let long_line = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(9000));
    assert_eq!(raw_status(server.port, long_line.as_bytes()), 414);
    assert_eq!(raw_status(server.port, b"\x16\x03\x01garbage\r\n\r\n"), 400);
    let (status, _) = get(server.port, "/");
    assert_eq!(status, 200, "still serving");
    // Idle sockets take no thread each: the pool stays its size, the excess is refused, and
    // the server answers again once they close.
    let idle: Vec<TcpStream> = (0..400)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", server.port)).ok())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id()));
    if let Ok(status) = status {
        let threads: usize = status
            .lines()
            .find_map(|l| l.strip_prefix("Threads:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        assert!(
            threads > 0 && threads < 40,
            "{threads} threads for 400 idle sockets"
        );
    }
    drop(idle);
    wait_for(server.port, "/", |b| b.contains("<html"));
    drop(server);

    let r = command("serve", site.path(), &["--bind", "notanip"]);
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("notanip") && r.stderr.contains("not an address"),
        "{}",
        r.stderr
    );
    let mut exposed = sachhon()
        .args(["serve", "--port", "0", "--bind", "0.0.0.0", "--root"])
        .arg(site.path())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let first = BufReader::new(exposed.stderr.take().unwrap())
        .lines()
        .next()
        .unwrap()
        .unwrap();
    let _ = exposed.kill();
    let _ = exposed.wait();
    assert!(
        first.contains("0.0.0.0") && first.contains("anyone on the network"),
        "{first}"
    );
}
