//! The web editor's local backend: Decap CMS's `POST /api/v1` protocol (the one of the npm
//! package `decap-server`) answered over the site's own files.
//!
//! Only the preview's own admin page may write: the `Host` must be this computer (unless
//! remote editing was allowed) and the `Origin`, which browsers send with every POST, must be
//! the preview itself. Every path stays in `content/` and `static/`; a saved entry is read by
//! sachhon's own parser first, and refused with its diagnostics when a build would reject it;
//! a file changed on disk since the editor loaded it is never overwritten.

use super::repo::{file_id, Repo};
use super::server::{Request, Response};
use crate::cms::{self, Collection};
use crate::diagnostics::{Code, Diagnostic};
use base64::Engine;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Who may save through the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// This computer only (the preview listens on loopback).
    Local,
    /// Any computer of the network (`--allow-remote-edit`).
    Remote,
    /// Nobody: the preview listens on the network without `--allow-remote-edit`.
    Off,
}

/// The local backend of one `serve` run.
pub struct Editor {
    root: PathBuf,
    access: Access,
    /// The id of each file as the editor last loaded or saved it, by site-relative path.
    loaded: Mutex<HashMap<String, String>>,
}

/// A refusal: an HTTP status and the diagnostic explaining it.
struct Refused(u16, Vec<Diagnostic>);

type Answer = Result<Value, Refused>;

impl Editor {
    /// The backend of the site at `root`.
    pub fn new(root: &Path, access: Access) -> Editor {
        Editor {
            root: root.to_path_buf(),
            access,
            loaded: Mutex::default(),
        }
    }

    /// Who may save.
    pub fn access(&self) -> Access {
        self.access
    }

    /// Whether the admin page may be served to a request naming `host`.
    pub fn is_allowed_host(&self, host: Option<&str>) -> bool {
        match (self.access, host) {
            (Access::Off, _) | (_, None) => false,
            (Access::Remote, Some(_)) => true,
            (Access::Local, Some(host)) => is_loopback_host(host),
        }
    }

    /// Answers one API request; `format` writes diagnostics in the editor's language.
    pub fn answer(
        &self,
        request: &Request,
        format: &dyn Fn(&[Diagnostic]) -> Vec<String>,
    ) -> Response {
        let result = if self.access == Access::Off {
            Err(Refused(403, vec![Diagnostic::error(Code::E0805, "")]))
        } else {
            self.check_origin(request)
                .and_then(|()| self.dispatch(&request.body))
        };
        match result {
            Ok(value) => json_response(200, &value),
            Err(Refused(status, diags)) => {
                let error = format(&diags).join("\n");
                json_response(status, &json!({ "error": error }))
            }
        }
    }

    fn check_origin(&self, request: &Request) -> Result<(), Refused> {
        let host = request.host.as_deref();
        let expected = host.map(|h| format!("http://{h}"));
        let same_origin = match &request.origin {
            None => true,
            Some(origin) => Some(origin) == expected.as_ref(),
        };
        if self.is_allowed_host(host) && same_origin {
            return Ok(());
        }
        let shown = request
            .origin
            .clone()
            .or_else(|| host.map(str::to_string))
            .unwrap_or_default();
        let d = Diagnostic::error(Code::E0803, "")
            .arg("value", shown)
            .arg("url", expected.map(|e| format!("{e}/")).unwrap_or_default());
        Err(Refused(403, vec![d]))
    }

    fn dispatch(&self, body: &[u8]) -> Answer {
        let request: Value =
            serde_json::from_slice(body).map_err(|e| bad_request(e.to_string()))?;
        let action = request
            .get("action")
            .and_then(Value::as_str)
            .ok_or_else(|| bad_request("no \"action\"".to_string()))?;
        let empty = Value::Object(Map::new());
        let params = request.get("params").unwrap_or(&empty);
        let repo = self.repo();
        match action {
            "info" => Ok(json!({
                "repo": self.root.file_name().map(|n| n.to_string_lossy().to_string()),
                "publish_modes": ["simple"],
                "type": "local_fs",
            })),
            "entriesByFolder" => self.entries_by_folder(&repo, params),
            "entriesByFiles" => {
                let files = array(params, "files")?;
                let entries: Result<Vec<Value>, Refused> = files
                    .iter()
                    .map(|f| self.entry(&repo, text(f, "path")?, f.get("label")))
                    .collect();
                Ok(Value::Array(entries?))
            }
            "getEntry" => self.entry(&repo, text(params, "path")?, None),
            "persistEntry" => self.persist_entry(&repo, params),
            "getMedia" => {
                let folder = repo
                    .disk_path(text(params, "mediaFolder")?)
                    .map_err(outside)?;
                let files = repo.list(&folder, "", 1);
                Ok(Value::Array(
                    files.iter().filter_map(|f| self.media(&repo, f)).collect(),
                ))
            }
            "getMediaFile" => {
                let rel = repo.disk_path(text(params, "path")?).map_err(outside)?;
                self.media(&repo, &rel).ok_or_else(|| not_found(&rel))
            }
            "persistMedia" => {
                let asset = params.get("asset").unwrap_or(&Value::Null);
                let rel = repo.disk_path(text(asset, "path")?).map_err(outside)?;
                let bytes = decode(asset)?;
                repo.write(&rel, &bytes).map_err(|e| io_error(&rel, e))?;
                self.media(&repo, &rel).ok_or_else(|| not_found(&rel))
            }
            "deleteFile" => {
                let path = text(params, "path")?;
                self.delete(&repo, &[path])?;
                Ok(json!({ "message": format!("deleted file {path}") }))
            }
            "deleteFiles" => {
                let paths: Vec<&str> = array(params, "paths")?
                    .iter()
                    .filter_map(Value::as_str)
                    .collect();
                self.delete(&repo, &paths)?;
                Ok(json!({ "message": format!("deleted files {}", paths.join(", ")) }))
            }
            "getDeployPreview" => Ok(Value::Null),
            other => Err(Refused(
                422,
                vec![Diagnostic::error(Code::E0804, "")
                    .arg("message", format!("unknown action {other}"))],
            )),
        }
    }

    fn repo(&self) -> Repo {
        let lang = crate::config::Config::load(&self.root, None)
            .ok()
            .filter(|c| c.languages.len() > 1)
            .map(|c| c.default_language().to_string());
        Repo::new(&self.root, lang)
    }

    fn entries_by_folder(&self, repo: &Repo, params: &Value) -> Answer {
        let folder = repo.disk_path(text(params, "folder")?).map_err(outside)?;
        let extension = text(params, "extension")?;
        let depth = params
            .get("depth")
            .and_then(Value::as_u64)
            .ok_or_else(|| bad_request("\"depth\" should be a number".to_string()))?;
        let collections = self.collections();
        let collection = collections.iter().find(|c| c.folder == folder);
        let files = repo.list(&folder, extension, depth.min(16) as usize);
        let entries: Result<Vec<Value>, Refused> = files
            .iter()
            .filter(|f| collection.is_none_or(|c| c.holds(f)))
            .map(|f| self.entry(repo, &repo.decap_path(f), None))
            .collect();
        Ok(Value::Array(entries?))
    }

    /// One entry: its text and id, or `data: null` when the file is not there.
    fn entry(&self, repo: &Repo, path: &str, label: Option<&Value>) -> Answer {
        let rel = repo.disk_path(path).map_err(outside)?;
        let label = label.cloned().unwrap_or(Value::Null);
        Ok(match repo.read(&rel) {
            Some(bytes) => {
                let id = file_id(&bytes);
                self.remember(&rel, &id);
                json!({
                    "data": String::from_utf8_lossy(&bytes),
                    "file": { "path": path, "label": label, "id": id },
                })
            }
            None => json!({ "data": null, "file": { "path": path, "label": label, "id": null } }),
        })
    }

    fn media(&self, repo: &Repo, rel: &str) -> Option<Value> {
        let bytes = repo.read(rel)?;
        let id = file_id(&bytes);
        self.remember(rel, &id);
        Some(json!({
            "id": id,
            "content": base64::engine::general_purpose::STANDARD.encode(&bytes),
            "encoding": "base64",
            "path": rel,
            "name": rel.rsplit('/').next().unwrap_or(rel),
        }))
    }

    fn persist_entry(&self, repo: &Repo, params: &Value) -> Answer {
        let files: Vec<&Value> = match (params.get("dataFiles"), params.get("entry")) {
            (Some(Value::Array(list)), _) => list.iter().collect(),
            (_, Some(entry @ Value::Object(_))) => vec![entry],
            _ => return Err(bad_request("no \"dataFiles\" or \"entry\"".to_string())),
        };
        // Every path is checked, every entry read and every conflict found before anything
        // is written.
        let mut writes = Vec::new();
        for file in &files {
            let rel = repo.disk_path(text(file, "path")?).map_err(outside)?;
            let target = match file.get("newPath").and_then(Value::as_str) {
                Some(new) => Some(repo.disk_path(new).map_err(outside)?),
                None => None,
            };
            let mut raw = text(file, "raw")?.to_string();
            if !raw.ends_with('\n') {
                raw.push('\n');
            }
            self.validate(target.as_deref().unwrap_or(&rel), &raw)?;
            self.check_unchanged(repo, &rel)?;
            if let Some(target) = &target {
                self.check_unchanged(repo, target)?;
            }
            writes.push((rel, target, raw.into_bytes()));
        }
        let mut assets = Vec::new();
        for asset in params
            .get("assets")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let rel = repo.disk_path(text(asset, "path")?).map_err(outside)?;
            assets.push((rel, decode(asset)?));
        }
        for (rel, target, bytes) in writes {
            let to = target.as_deref().unwrap_or(&rel);
            repo.write(to, &bytes).map_err(|e| io_error(to, e))?;
            self.remember(to, &file_id(&bytes));
            if target.is_some() {
                repo.delete(&rel).map_err(|e| io_error(&rel, e))?;
            }
        }
        for (rel, bytes) in assets {
            repo.write(&rel, &bytes).map_err(|e| io_error(&rel, e))?;
            self.remember(&rel, &file_id(&bytes));
        }
        Ok(json!({ "message": "entry persisted" }))
    }

    /// Reads an entry as the build would (front matter, typed fields of its kind); its errors
    /// refuse the save (422).
    fn validate(&self, rel: &str, raw: &str) -> Result<(), Refused> {
        if !rel.starts_with("content/") || crate::content::markdown_stem(rel).is_none() {
            return Ok(());
        }
        let kind = self
            .collections()
            .iter()
            .find(|c| c.holds(rel))
            .map_or(crate::content::Kind::Page, |c| c.kind);
        let diags = match crate::content::parse_text(rel, raw.to_string()) {
            // Only errors refuse a save: the keys a site declares change warnings alone.
            Ok(parsed) => {
                let keys = crate::content::SiteKeys::default();
                crate::content::read_meta(&parsed, rel, kind, keys).1
            }
            Err(d) => vec![d],
        };
        let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Refused(422, errors))
        }
    }

    /// A file on disk may be replaced only in the version the editor loaded (409 otherwise).
    fn check_unchanged(&self, repo: &Repo, rel: &str) -> Result<(), Refused> {
        let Some(bytes) = repo.read(rel) else {
            return Ok(());
        };
        let loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        if loaded.get(rel) == Some(&file_id(&bytes)) {
            return Ok(());
        }
        Err(Refused(
            409,
            vec![Diagnostic::error(Code::E0802, rel).arg("value", rel)],
        ))
    }

    fn delete(&self, repo: &Repo, paths: &[&str]) -> Result<(), Refused> {
        let rels: Result<Vec<String>, Refused> = paths
            .iter()
            .map(|p| repo.disk_path(p).map_err(outside))
            .collect();
        for rel in rels? {
            repo.delete(&rel).map_err(|e| io_error(&rel, e))?;
            self.loaded
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&rel);
        }
        Ok(())
    }

    fn remember(&self, rel: &str, id: &str) {
        self.loaded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(rel.to_string(), id.to_string());
    }

    fn collections(&self) -> Vec<Collection> {
        match cms::load_schema(&self.root) {
            Ok((config, pages, _)) => cms::collections(&config, &pages),
            Err(_) => Vec::new(),
        }
    }
}

/// The admin page and its `config.yml` for a request naming `host`, or `None` when the editor
/// is not open to it (the site's own files are served then).
pub fn admin_file(
    editor: &Editor,
    url: &str,
    host: Option<&str>,
    stylesheet: bool,
) -> Option<(Vec<u8>, &'static str)> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let host = host.filter(|h| editor.is_allowed_host(Some(h)))?;
    let (config, pages, _) = cms::load_schema(&editor.root).ok()?;
    match path {
        "/admin/" | "/admin/index.html" => Some((
            cms::admin_html(&config, stylesheet).into_bytes(),
            "text/html; charset=utf-8",
        )),
        "/admin/config.yml" => {
            let api_url = format!("http://{host}/api/v1");
            let name = match host.rsplit_once(':') {
                Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
                _ => host,
            };
            let backend = cms::Backend::Local {
                api_url: &api_url,
                host: name.trim_start_matches('[').trim_end_matches(']'),
                production: config.cms.as_ref(),
            };
            Some((
                cms::config_yml(&config, &pages, backend).into_bytes(),
                "text/yaml; charset=utf-8",
            ))
        }
        _ => None,
    }
}

/// `localhost`, `127.0.0.1`, `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn json_response(status: u16, value: &Value) -> Response {
    Response {
        status,
        headers: vec![
            (
                "Content-Type",
                "application/json; charset=utf-8".to_string(),
            ),
            ("Cache-Control", "no-store".to_string()),
        ],
        body: value.to_string().into_bytes(),
    }
}

fn text<'v>(value: &'v Value, key: &str) -> Result<&'v str, Refused> {
    value
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| bad_request(format!("\"{key}\" should be text")))
}

fn array<'v>(value: &'v Value, key: &str) -> Result<&'v Vec<Value>, Refused> {
    value
        .get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| bad_request(format!("\"{key}\" should be a list")))
}

fn decode(asset: &Value) -> Result<Vec<u8>, Refused> {
    if asset.get("encoding").and_then(Value::as_str) != Some("base64") {
        return Err(bad_request("\"encoding\" should be base64".to_string()));
    }
    base64::engine::general_purpose::STANDARD
        .decode(text(asset, "content")?)
        .map_err(|e| bad_request(e.to_string()))
}

fn bad_request(message: String) -> Refused {
    Refused(
        400,
        vec![Diagnostic::error(Code::E0804, "").arg("message", message)],
    )
}

fn outside(e: super::repo::Outside) -> Refused {
    Refused(
        400,
        vec![Diagnostic::error(Code::E0801, "").arg("value", e.0)],
    )
}

fn not_found(rel: &str) -> Refused {
    Refused(
        404,
        vec![Diagnostic::error(Code::E0503, rel).arg("message", "not found")],
    )
}

fn io_error(rel: &str, e: std::io::Error) -> Refused {
    Refused(
        500,
        vec![Diagnostic::error(Code::E0503, rel).arg("message", e)],
    )
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn loopback_hosts() {
        for host in [
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "127.0.0.1",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "example.org",
            "192.168.1.5:1111",
            "evil.localhost.example:80",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
