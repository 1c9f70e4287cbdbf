//! Answering one HTTP request from the in-memory site.

use super::server::{Request, Response};
use super::State;

/// What a request path maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file of the site.
    File(String),
    /// A folder without its slash: redirect to it.
    Redirect(String),
    /// Nothing there: the site's 404 page.
    NotFound,
    /// A request that tries to leave the site or is malformed.
    Bad,
}

/// Maps a raw request URL to a site file, refusing traversal in every encoding.
pub fn resolve_request(url: &str, exists: &dyn Fn(&str) -> bool) -> Resolved {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let Some(rest) = path.strip_prefix('/') else {
        return Resolved::Bad;
    };
    let Some(decoded) = percent_decode(rest) else {
        return Resolved::Bad;
    };
    if decoded.contains('\\')
        || decoded.contains('\0')
        || decoded.starts_with('/')
        || decoded.split('/').any(|p| p == ".." || p == ".")
    {
        return Resolved::Bad;
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        let index = format!("{decoded}index.html");
        return if exists(&index) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if exists(&decoded) {
        return Resolved::File(decoded);
    }
    if exists(&format!("{decoded}/index.html")) {
        return Resolved::Redirect(format!("/{rest}/"));
    }
    Resolved::NotFound
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "pdf" => "application/pdf",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// The script that reloads the page when a build finishes.
const LIVE_JS: &str = r#"(function(){var v=null;function poll(){fetch('/__sachhon/version',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload();return}v=t;setTimeout(poll,400)}).catch(function(){setTimeout(poll,1000)})}poll()})();"#;

/// Answers one request (already checked to be a GET or HEAD, or a POST to the editor's API).
pub fn respond(state: &State, request: &Request) -> Response {
    let url = request.url.as_str();
    if request.method == "POST" {
        return state.editor().answer(request, &|d| state.format(d));
    }
    if url == "/admin" {
        let mut response = Response::text(301, "");
        response.headers = vec![("Location", "/admin/".to_string())];
        return response;
    }
    if url.starts_with("/admin/") {
        let stylesheet = state.files().contains_key("style.css");
        if let Some((body, kind)) =
            super::editor::admin_file(state.editor(), url, request.host.as_deref(), stylesheet)
        {
            return Response {
                status: 200,
                headers: vec![
                    ("Content-Type", kind.to_string()),
                    ("Cache-Control", "no-store".to_string()),
                ],
                body,
            };
        }
    }
    let (status, body, kind) = match url {
        "/__sachhon/live.js" => (
            200,
            LIVE_JS.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        ),
        "/__sachhon/version" => (
            200,
            state.version().to_string().into_bytes(),
            "text/plain; charset=utf-8",
        ),
        _ => {
            let files = state.files();
            let exists = |p: &str| files.contains_key(p);
            match resolve_request(url, &exists) {
                Resolved::File(path) => {
                    let bytes = files.get(&path).map(|b| b.to_vec()).unwrap_or_default();
                    let kind = content_type(&path);
                    (200, with_overlay(state, bytes, kind), kind)
                }
                Resolved::Redirect(to) => {
                    let mut response = Response::text(301, "");
                    response.headers = vec![("Location", to)];
                    return response;
                }
                Resolved::NotFound => {
                    let page = files
                        .get("404.html")
                        .map(|b| b.to_vec())
                        .unwrap_or_else(|| b"<!DOCTYPE html><title>404</title><p>404</p>".to_vec());
                    let kind = "text/html; charset=utf-8";
                    (404, with_overlay(state, page, kind), kind)
                }
                Resolved::Bad => (400, b"bad request".to_vec(), "text/plain; charset=utf-8"),
            }
        }
    };
    Response {
        status,
        headers: vec![
            ("Content-Type", kind.to_string()),
            ("Cache-Control", "no-store".to_string()),
        ],
        body,
    }
}

/// Puts the overlay into HTML pages while the last build had errors or warnings.
fn with_overlay(state: &State, body: Vec<u8>, kind: &str) -> Vec<u8> {
    if !kind.starts_with("text/html") {
        return body;
    }
    let Some(overlay) = super::overlay::html(&state.problems(), state.overlay_text()) else {
        return body;
    };
    let mut html = String::from_utf8(body).unwrap_or_default();
    match html.rfind("</body>") {
        Some(at) => html.insert_str(at, &overlay),
        None => html.push_str(&overlay),
    }
    html.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(p: &str) -> bool {
        ["index.html", "news/index.html", "style.css"].contains(&p)
    }

    #[test]
    fn maps_folders_files_and_redirects() {
        assert_eq!(
            resolve_request("/", &site),
            Resolved::File("index.html".into())
        );
        assert_eq!(
            resolve_request("/news/?x=1", &site),
            Resolved::File("news/index.html".into())
        );
        assert_eq!(
            resolve_request("/news", &site),
            Resolved::Redirect("/news/".into())
        );
        assert_eq!(
            resolve_request("/style.css", &site),
            Resolved::File("style.css".into())
        );
        assert_eq!(resolve_request("/nope/", &site), Resolved::NotFound);
    }

    #[test]
    fn refuses_traversal_in_every_encoding() {
        for url in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/news/..%2f..%2fsecret",
            "//etc/passwd",
            "/a\\..\\b",
            "http://evil/x",
            "/%00",
            "/%zz",
        ] {
            assert_eq!(resolve_request(url, &site), Resolved::Bad, "{url}");
        }
    }
}
