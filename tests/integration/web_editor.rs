//! The web editor: `cms-config`, the admin page of `build` with `cms:`, and `serve` as Decap
//! CMS's local backend, spoken to over HTTP as the admin page speaks to it.

use crate::support::*;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

/// A `sachhon serve` child on a free port; killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Path, args: &[&str]) -> Server {
    let mut child = sachhon()
        .args(["serve", "--port", "0", "--root"])
        .arg(site)
        .args(args)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let port = loop {
        let line = lines.next().expect("server output").unwrap();
        if let Some(at) = line.find("http://") {
            let rest = &line[at + "http://".len()..];
            let address = rest.split('/').next().unwrap();
            break address.rsplit(':').next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
    Server { child, port }
}

/// One raw HTTP exchange: (status, body).
fn exchange(port: u16, request: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    crate::support::status_and_body(&raw)
}

/// A POST to the API with the headers of the admin page served on `host`.
fn post_as(port: u16, host: &str, origin: Option<&str>, body: &str) -> (u16, Value) {
    let origin = origin.map_or(String::new(), |o| format!("Origin: {o}\r\n"));
    let request = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {host}\r\n{origin}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let (status, text) = exchange(port, request.as_bytes());
    let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, value)
}

/// A POST from the admin page itself.
fn post(port: u16, body: &Value) -> (u16, Value) {
    let host = format!("127.0.0.1:{port}");
    post_as(
        port,
        &host,
        Some(&format!("http://{host}")),
        &body.to_string(),
    )
}

fn get(port: u16, path: &str) -> (u16, String) {
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    exchange(port, request.as_bytes())
}

fn persist(path: &str, raw: &str) -> Value {
    json!({"action": "persistEntry", "params": {
        "branch": "main",
        "dataFiles": [{"slug": "x", "path": path, "raw": raw}],
        "assets": [],
        "options": {"commitMessage": "Create", "useWorkflow": false, "status": ""},
    }})
}

fn paths(entries: &Value) -> Vec<String> {
    entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"]["path"].as_str().unwrap().to_string())
        .collect()
}

const NEW_CASE: &str = "---\ntitle: Dệt may Phú Bài\ndate: 2025-02-01\nsector: Phân bón\ntechniques:\n  - good-housekeeping\n  - process-control\nmetrics:\n  - name: Nước\n    unit: m3/ngày\n    before: 120\n    after: 90\n    better: lower\n  - name: Năng suất\n    before: 200\n    after: 300\n    better: higher\n---\nNội dung.\n\n![Xưởng nhuộm](xuong.png)";

#[test]
fn cms_config_follows_the_schema() {
    let site = fixture("editor");
    let out = sachhon()
        .args(["cms-config", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let config: Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(config["i18n"]["structure"], "multiple_files");
    assert_eq!(config["i18n"]["locales"], json!(["vi", "en"]));
    assert_eq!(config["backend"]["name"], "proxy");
    let collections = config["collections"].as_array().unwrap();
    let find = |name: &str| {
        collections
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("no {name} in {text}"))
    };
    let cases = find("case-studies");
    assert_eq!(cases["folder"], "content/case-studies");
    assert_eq!(cases["path"], "{{slug}}/index");
    assert_eq!(cases["media_folder"], "");
    assert_eq!(cases["label"], "Điển hình áp dụng");
    let field = |c: &Value, name: &str| {
        c["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no field {name}"))
    };
    let names: Vec<&str> = cases["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    // The order of the scaffolds, which Decap keeps when it writes front matter.
    assert_eq!(&names[..3], &["title", "date", "summary"]);
    assert!(
        names.iter().position(|n| *n == "metrics") > names.iter().position(|n| *n == "techniques")
    );
    let techniques = field(cases, "techniques");
    assert_eq!(techniques["widget"], "select");
    assert_eq!(techniques["multiple"], true);
    assert!(techniques["options"]
        .as_array()
        .unwrap()
        .contains(&json!({"label": "Quản lý nội vi tốt", "value": "good-housekeeping"})));
    assert_eq!(field(cases, "sector")["options"], json!(["Phân bón"]));
    assert_eq!(field(cases, "province")["options"], json!(["Quảng Trị"]));
    let metrics = field(cases, "metrics");
    let before = &metrics["fields"][2];
    assert_eq!(
        (&before["name"], &before["widget"]),
        (&json!("before"), &json!("number"))
    );
    assert_eq!(before["value_type"], "float");
    assert_eq!(metrics["fields"][4]["options"][1]["value"], "higher");
    assert_eq!(field(cases, "title")["required"], true);
    assert_eq!(find("news")["path"], "{{slug}}");
    assert_eq!(field(find("news"), "date")["required"], true);
    assert_eq!(find("modules-training")["path"], "{{slug}}/_index");
    assert_eq!(
        find("lessons-training-cp-basics")["folder"],
        "content/training/cp-basics"
    );
    assert_eq!(find("pages")["folder"], "content");
}

#[test]
fn build_with_cms_publishes_an_admin_that_check_accepts() {
    let site = fixture("editor");
    let yaml = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    let with_cms = format!("{yaml}cms: {{ backend: github, repo: office/kb, branch: live }}\n");
    write(site.path(), "site.yaml", with_cms.as_bytes());
    build_ok(site.path(), &[]);
    let html = read(site.path(), "admin/index.html");
    assert!(html.contains("https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js"));
    assert!(html.contains("integrity=\"sha384-"));
    assert!(html.contains("rel=\"cms-config-url\""));
    assert!(html.contains("CMS.registerPreviewStyle(\"../style.css\")"));
    let config: Value = serde_yaml::from_str(&read(site.path(), "admin/config.yml")).unwrap();
    assert_eq!(
        config["backend"],
        json!({"name": "github", "repo": "office/kb", "branch": "live"})
    );
    assert!(config.get("local_backend").is_none());
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("admin/"), "{}", r.stderr);

    // A local copy of Decap, for offices without Internet access.
    let own =
        format!("{yaml}cms: {{ backend: gitea, repo: office/kb, script: /decap/decap-cms.js }}\n");
    write(site.path(), "site.yaml", own.as_bytes());
    write(site.path(), "static/decap/decap-cms.js", b"// Decap\n");
    build_ok(site.path(), &[]);
    let html = read(site.path(), "admin/index.html");
    assert!(
        html.contains("<script src=\"../decap/decap-cms.js\"></script>"),
        "{html}"
    );
    assert!(!html.contains("unpkg"));
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);

    // Without `cms:`, no admin page is published.
    write(site.path(), "site.yaml", yaml.as_bytes());
    build_ok(site.path(), &[]);
    assert!(!exists(site.path(), "admin/index.html"));
}

#[test]
fn wrong_cms_settings_are_located() {
    let site = fixture("editor");
    let yaml = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    let bad = format!("{yaml}cms: {{ backend: ftp, repo: office/kb }}\n");
    write(site.path(), "site.yaml", bad.as_bytes());
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("site.yaml:10:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("[E0114]") && r.stderr.contains("github, gitlab, gitea, git-gateway")
    );
    let missing = format!("{yaml}cms: {{ backend: github }}\n");
    write(site.path(), "site.yaml", missing.as_bytes());
    let r = build(site.path(), &[]);
    assert!(
        r.stderr.contains("[E0105]") && r.stderr.contains("repo"),
        "{}",
        r.stderr
    );
}

#[test]
fn serve_answers_the_admin_with_its_own_backend() {
    let site = fixture("editor");
    let server = serve(site.path(), &[]);
    let (status, html) = get(server.port, "/admin/");
    assert_eq!(status, 200);
    assert!(html.contains("rel=\"cms-config-url\""));
    let (status, yaml) = get(server.port, "/admin/config.yml");
    assert_eq!(status, 200);
    let config: Value = serde_yaml::from_str(&yaml).unwrap();
    let url = format!("http://127.0.0.1:{}/api/v1", server.port);
    assert_eq!(config["local_backend"]["url"], url);
    assert_eq!(config["backend"]["proxy_url"], url);
}

#[test]
fn serve_speaks_every_action_of_the_local_backend() {
    let site = fixture("editor");
    let root = site.path();
    let server = serve(root, &[]);
    let port = server.port;

    let (status, info) = post(port, &json!({"action": "info"}));
    assert_eq!(status, 200);
    assert_eq!(
        (&info["type"], &info["publish_modes"]),
        (&json!("local_fs"), &json!(["simple"]))
    );

    // Entries are listed under Decap's names: the default language's file carries its code.
    let list = |folder: &str, depth: u32| {
        post(
            port,
            &json!({"action": "entriesByFolder", "params": {
            "branch": "main", "folder": folder, "extension": "md", "depth": depth}}),
        )
    };
    let (status, cases) = list("content/case-studies", 2);
    assert_eq!(status, 200);
    assert_eq!(
        paths(&cases),
        [
            "content/case-studies/binh-dien/index.en.md",
            "content/case-studies/binh-dien/index.vi.md"
        ]
    );
    assert!(cases[1]["data"].as_str().unwrap().contains("Bình Điền"));
    assert!(cases[1]["file"]["id"].is_string());
    // Modules list their own pages, not their lessons; the section's page is not an entry.
    assert_eq!(
        paths(&list("content/training", 2).1),
        ["content/training/cp-basics/_index.vi.md"]
    );
    assert_eq!(
        paths(&list("content/news", 1).1),
        ["content/news/ke-hoach-2024.vi.md"]
    );

    let (status, files) = post(
        port,
        &json!({"action": "entriesByFiles", "params": {
        "branch": "main", "files": [{"path": "content/gioi-thieu.vi.md", "label": "About"},
                                    {"path": "content/none.vi.md"}]}}),
    );
    assert_eq!(status, 200);
    assert!(files[0]["data"].as_str().unwrap().contains("Giới thiệu"));
    assert_eq!(files[0]["file"]["label"], "About");
    assert!(files[1]["data"].is_null() && files[1]["file"]["id"].is_null());

    let (status, entry) = post(
        port,
        &json!({"action": "getEntry", "params": {
        "branch": "main", "path": "content/news/ke-hoach-2024.vi.md"}}),
    );
    assert_eq!(status, 200);
    assert!(entry["data"]
        .as_str()
        .unwrap()
        .starts_with("---\ntitle: Kế hoạch"));

    // A new case study, in both languages, with a photo in its bundle.
    let photo = [0x89u8, b'P', b'N', b'G', 0, 1, 2];
    let mut save = persist("content/case-studies/det-may/index.vi.md", NEW_CASE);
    save["params"]["dataFiles"].as_array_mut().unwrap().push(
        json!({"slug": "det-may", "path": "content/case-studies/det-may/index.en.md",
                     "raw": NEW_CASE.replace("Dệt may Phú Bài", "Phu Bai Textiles")}),
    );
    save["params"]["assets"] = json!([{"path": "content/case-studies/det-may/xuong.png",
                                        "content": "iVBORwABAg==", "encoding": "base64"}]);
    let (status, answer) = post(port, &save);
    assert_eq!(status, 200, "{answer}");
    let written =
        std::fs::read_to_string(root.join("content/case-studies/det-may/index.md")).unwrap();
    assert_eq!(
        written,
        format!("{NEW_CASE}\n"),
        "saved as sent, with a final newline"
    );
    assert!(root
        .join("content/case-studies/det-may/index.en.md")
        .is_file());
    assert!(!root
        .join("content/case-studies/det-may/index.vi.md")
        .exists());
    assert_eq!(
        std::fs::read(root.join("content/case-studies/det-may/xuong.png")).unwrap(),
        photo
    );
    // The preview follows, as for any edit.
    let started = std::time::Instant::now();
    loop {
        let (status, html) = get(port, "/case-studies/det-may/");
        if status == 200 && html.contains("Dệt may Phú Bài") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the preview never showed the new case study: {status}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let r = command("check", root, &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        !r.stderr.contains("det-may"),
        "the new case builds cleanly:\n{}",
        r.stderr
    );

    // Media.
    let (status, media) = post(
        port,
        &json!({"action": "getMedia", "params": {
        "branch": "main", "mediaFolder": "static/images"}}),
    );
    assert_eq!(status, 200);
    assert_eq!(media[0]["path"], "static/images/logo.txt");
    assert_eq!(
        (&media[0]["content"], &media[0]["encoding"]),
        (&json!("bG9nbw=="), &json!("base64"))
    );
    let (status, one) = post(
        port,
        &json!({"action": "getMediaFile", "params": {
        "branch": "main", "path": "static/images/logo.txt"}}),
    );
    assert_eq!((status, &one["name"]), (200, &json!("logo.txt")));
    let (status, stored) = post(
        port,
        &json!({"action": "persistMedia", "params": {
        "branch": "main", "asset": {"path": "static/images/a.png", "content": "iVBORwABAg==",
        "encoding": "base64"}, "options": {"commitMessage": "Upload"}}}),
    );
    assert_eq!((status, &stored["name"]), (200, &json!("a.png")));
    assert_eq!(
        std::fs::read(root.join("static/images/a.png")).unwrap(),
        photo
    );

    // Deletions.
    let (status, _) = post(
        port,
        &json!({"action": "deleteFile", "params": {
        "branch": "main", "path": "static/images/a.png", "options": {"commitMessage": "Delete"}}}),
    );
    assert_eq!(status, 200);
    assert!(!root.join("static/images/a.png").exists());
    let (status, _) = post(
        port,
        &json!({"action": "deleteFiles", "params": {
        "branch": "main", "paths": ["content/case-studies/det-may/index.vi.md",
        "content/case-studies/det-may/index.en.md"], "options": {"commitMessage": "Delete"}}}),
    );
    assert_eq!(status, 200);
    assert!(!root.join("content/case-studies/det-may/index.md").exists());
    assert!(!root
        .join("content/case-studies/det-may/index.en.md")
        .exists());
}

/// Everything under `content/` and `static/`, to prove a refused request wrote nothing.
fn sources(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut all = snapshot(&root.join("content"));
    all.extend(
        snapshot(&root.join("static"))
            .into_iter()
            .map(|(k, v)| (format!("static/{k}"), v)),
    );
    all
}

#[test]
fn serve_refuses_bad_requests_and_writes_nothing() {
    let site = fixture("editor");
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), root.join("content/link-out")).unwrap();
    let server = serve(root, &[]);
    let port = server.port;
    let before = sources(root);
    let good = persist(
        "content/news/moi.vi.md",
        "---\ntitle: Mới\ndate: 2025-01-01\n---\n",
    );
    let host = format!("127.0.0.1:{port}");

    // Another web page, or a name other than this computer's (DNS rebinding): 403.
    let (status, body) = post_as(port, &host, Some("http://evil.example"), &good.to_string());
    assert_eq!(status, 403);
    assert!(
        body["error"].as_str().unwrap().contains("[E0803]"),
        "{body}"
    );
    let (status, _) = post_as(
        port,
        "evil.example",
        Some("http://evil.example"),
        &good.to_string(),
    );
    assert_eq!(status, 403);
    let (status, _) = post_as(port, "evil.example", None, &good.to_string());
    assert_eq!(status, 403);

    // Paths outside content/ and static/: 400.
    for path in [
        "content/../site.yaml",
        "/etc/passwd",
        "site.yaml",
        "templates/page.html",
        "content/link-out/x.md",
        "content/news/../../site.yaml",
    ] {
        let (status, body) = post(port, &persist(path, "---\ntitle: X\n---\n"));
        assert_eq!(status, 400, "{path}: {body}");
        assert!(
            body["error"].as_str().unwrap().contains("[E0801]"),
            "{body}"
        );
        let (status, _) = post(
            port,
            &json!({"action": "getEntry", "params": {"branch": "main", "path": path}}),
        );
        assert_eq!(status, 400, "{path}");
    }
    let (status, _) = post(
        port,
        &json!({"action": "persistMedia", "params": {"branch": "main",
        "asset": {"path": "static/../x.png", "content": "AA==", "encoding": "base64"},
        "options": {"commitMessage": "x"}}}),
    );
    assert_eq!(status, 400);
    let (status, _) = post(
        port,
        &json!({"action": "deleteFile", "params": {"branch": "main",
        "path": "site.yaml", "options": {"commitMessage": "x"}}}),
    );
    assert_eq!(status, 400);
    assert!(root.join("site.yaml").is_file());

    // Malformed JSON, and requests without what an action needs: 400.
    for body in [
        "{\"action\":",
        "not json",
        "[]",
        "{\"action\":\"getEntry\",\"params\":{}}",
    ] {
        let (status, answer) = post_as(port, &host, Some(&format!("http://{host}")), body);
        assert_eq!(status, 400, "{body}");
        assert!(
            answer["error"].as_str().unwrap().contains("[E0804]"),
            "{answer}"
        );
    }
    let (status, _) = post(port, &json!({"action": "publishEverything"}));
    assert_eq!(status, 422);

    // An entry sachhon would reject: 422 with the diagnostic, located in the file.
    let bad = "---\ntitle: Hỏng\nmetrics:\n  - { name: Nước, before: nhiều, after: 90 }\n---\n";
    let (status, body) = post(port, &persist("content/case-studies/hong/index.vi.md", bad));
    assert_eq!(status, 422);
    let error = body["error"].as_str().unwrap();
    assert!(
        error.contains("content/case-studies/hong/index.md:4:")
            && error.contains("before of metric 1 (Nước)")
            && error.contains("[E0106]"),
        "{error}"
    );
    // A file without front matter is a page (titled by its heading or name); an empty one is not.
    let (status, body) = post(port, &persist("content/news/x.vi.md", "\n\n"));
    assert_eq!(status, 422);
    assert!(
        body["error"].as_str().unwrap().contains("[E0102]"),
        "{body}"
    );

    // Nothing of the above wrote anything.
    assert_eq!(sources(root), before);

    // A file changed on disk since the editor loaded it: 409, the disk's version kept.
    let path = "content/news/ke-hoach-2024.vi.md";
    let load = json!({"action": "getEntry", "params": {"branch": "main", "path": path}});
    assert_eq!(post(port, &load).0, 200);
    let changed = "---\ntitle: Sửa bằng tay\ndate: 2024-01-15\n---\n";
    write(root, "content/news/ke-hoach-2024.md", changed.as_bytes());
    let (status, body) = post(
        port,
        &persist(path, "---\ntitle: Sửa trên web\ndate: 2024-01-15\n---\n"),
    );
    assert_eq!(status, 409);
    assert!(
        body["error"].as_str().unwrap().contains("[E0802]"),
        "{body}"
    );
    let on_disk = std::fs::read_to_string(root.join("content/news/ke-hoach-2024.md")).unwrap();
    assert_eq!(on_disk, changed);
    // Loaded again, it saves.
    assert_eq!(post(port, &load).0, 200);
    let (status, _) = post(
        port,
        &persist(path, "---\ntitle: Sửa trên web\ndate: 2024-01-15\n---\n"),
    );
    assert_eq!(status, 200);
    // An existing file the editor never loaded is not overwritten either.
    let (status, _) = post(
        port,
        &persist("content/gioi-thieu.vi.md", "---\ntitle: Đè\n---\n"),
    );
    assert_eq!(status, 409);
}

#[test]
fn refusals_speak_the_editors_language() {
    let site = fixture("editor");
    let server = serve(site.path(), &["--lang", "vi"]);
    let bad = "---\ntitle: Hỏng\nmetrics:\n  - { name: Nước, before: nhiều, after: 90 }\n---\n";
    let (status, body) = post(
        server.port,
        &persist("content/case-studies/hong/index.vi.md", bad),
    );
    assert_eq!(status, 422);
    assert!(
        body["error"].as_str().unwrap().contains("không phải là số"),
        "{body}"
    );
}

#[test]
fn serve_on_the_network_keeps_the_editor_closed_unless_allowed() {
    let site = fixture("editor");
    let closed = serve(site.path(), &["--bind", "0.0.0.0"]);
    let (status, body) = post(closed.port, &json!({"action": "info"}));
    assert_eq!(status, 403);
    assert!(
        body["error"].as_str().unwrap().contains("[E0805]"),
        "{body}"
    );
    assert_eq!(get(closed.port, "/admin/config.yml").0, 404);
    drop(closed);

    let open = serve(site.path(), &["--bind", "0.0.0.0", "--allow-remote-edit"]);
    let host = format!("192.0.2.7:{}", open.port);
    let origin = format!("http://{host}");
    let (status, _) = post_as(open.port, &host, Some(&origin), "{\"action\":\"info\"}");
    assert_eq!(status, 200);
    let (status, _) = post_as(
        open.port,
        &host,
        Some("http://evil.example"),
        "{\"action\":\"info\"}",
    );
    assert_eq!(status, 403);
}
