//! The site's files as the web editor sees them: paths confined to `content/` and `static/`,
//! the default language's files named as Decap names them, atomic writes.
//!
//! Decap names every language's file with its code (`index.vi.md`, `index.en.md`); sachhon's
//! sites write the default language without one (`index.md`). Paths are translated both ways,
//! so the files on disk keep the site's own names.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The folders the editor may read and write, relative to the site root.
const EDITABLE: [&str; 2] = ["content", "static"];

/// A path the editor may not use (E0801).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outside(pub String);

/// The site's editable files.
pub struct Repo {
    root: PathBuf,
    /// The default language, when the site has others (`vi`).
    default_lang: Option<String>,
}

impl Repo {
    /// The files of the site at `root`; `default_lang` is set when Decap's files carry a
    /// language code.
    pub fn new(root: &Path, default_lang: Option<String>) -> Repo {
        Repo {
            root: root.to_path_buf(),
            default_lang,
        }
    }

    /// The file on disk (site-relative) for Decap's `path`, checked to stay inside
    /// `content/` or `static/`, symbolic links included.
    pub fn disk_path(&self, path: &str) -> Result<String, Outside> {
        let outside = || Outside(path.to_string());
        let rel = path.trim_start_matches("./");
        let parts: Vec<&str> = rel.split('/').collect();
        let bad = rel.is_empty()
            || rel.starts_with('/')
            || rel.contains(['\\', '\0', ':'])
            || parts
                .iter()
                .any(|p| p.is_empty() || *p == "." || *p == "..")
            || !EDITABLE.contains(&parts[0]);
        if bad {
            return Err(outside());
        }
        let rel = self.without_default_lang(rel);
        self.confined(&rel).ok_or_else(outside)?;
        Ok(rel)
    }

    /// `x.vi.md` -> `x.md` unless `x.vi.md` itself is on disk.
    fn without_default_lang(&self, rel: &str) -> String {
        let Some(lang) = self
            .default_lang
            .as_ref()
            .filter(|_| rel.starts_with("content/"))
        else {
            return rel.to_string();
        };
        let suffix = format!(".{lang}.md");
        match rel.strip_suffix(&suffix) {
            Some(base) if !self.root.join(rel).exists() => format!("{base}.md"),
            _ => rel.to_string(),
        }
    }

    /// Decap's name for a file on disk: `x.md` -> `x.vi.md` (a name without a language code is
    /// in the default language).
    pub fn decap_path(&self, rel: &str) -> String {
        let Some(lang) = &self.default_lang else {
            return rel.to_string();
        };
        if !rel.starts_with("content/") {
            return rel.to_string();
        }
        let Some(stem) = rel.strip_suffix(".md") else {
            return rel.to_string();
        };
        let name = stem.rsplit('/').next().unwrap_or(stem);
        let has_lang = name.rsplit_once('.').is_some_and(|(_, l)| {
            (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase())
        });
        if has_lang {
            rel.to_string()
        } else {
            format!("{stem}.{lang}.md")
        }
    }

    /// The absolute path of `rel` when its nearest existing ancestor (the file itself when it
    /// exists) resolves inside an editable folder of the real site root.
    fn confined(&self, rel: &str) -> Option<PathBuf> {
        let root = self.root.canonicalize().ok()?;
        let path = self.root.join(rel);
        let mut existing = path.as_path();
        while std::fs::symlink_metadata(existing).is_err() {
            existing = existing.parent()?;
        }
        let real = existing.canonicalize().ok()?;
        let inside = EDITABLE
            .iter()
            .any(|folder| real.starts_with(root.join(folder)));
        inside.then_some(path)
    }

    /// The bytes of the file at `rel` (already checked), if it is a file.
    pub fn read(&self, rel: &str) -> Option<Vec<u8>> {
        let path = self.confined(rel)?;
        std::fs::read(path).ok()
    }

    /// Writes `bytes` to `rel` (already checked) through a temporary file renamed over it, so
    /// that a reader (the preview's watcher) never sees half a file.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self
            .confined(rel)
            .ok_or(std::io::ErrorKind::PermissionDenied)?;
        let dir = path.parent().ok_or(std::io::ErrorKind::InvalidInput)?;
        std::fs::create_dir_all(dir)?;
        // The folders just made must not lead out of the site either.
        self.confined(rel)
            .ok_or(std::io::ErrorKind::PermissionDenied)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = dir.join(format!(".{name}.sachhon-{}", std::process::id()));
        let result = std::fs::File::create(&temp)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
            .and_then(|()| std::fs::rename(&temp, &path));
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }

    /// Deletes the file at `rel` (already checked); a missing file is not an error.
    pub fn delete(&self, rel: &str) -> std::io::Result<()> {
        let path = self
            .confined(rel)
            .ok_or(std::io::ErrorKind::PermissionDenied)?;
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// The files under `folder` (already checked) ending in `extension`, at most `depth` levels
    /// down, site-relative and sorted; hidden files and links are left out.
    pub fn list(&self, folder: &str, extension: &str, depth: usize) -> Vec<String> {
        let Some(base) = self.confined(folder) else {
            return Vec::new();
        };
        let mut files = Vec::new();
        let walker = walkdir::WalkDir::new(&base)
            .max_depth(depth)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker.flatten() {
            let name = entry.file_name().to_string_lossy();
            if !entry.file_type().is_file() || !name.ends_with(extension) {
                continue;
            }
            if let Ok(rel) = entry.path().strip_prefix(&self.root) {
                files.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
        files
    }
}

/// A short, stable identity of a file's bytes: Decap's `id`, and how the editor tells that a
/// file changed on disk since it was loaded.
pub fn file_id(bytes: &[u8]) -> String {
    // FNV-1a over the bytes, with the length: not a defence against forgery (the editor is
    // the site's own), only a check that the file is still the one the editor loaded.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}{:x}", bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> (tempfile::TempDir, Repo) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/news")).unwrap();
        std::fs::create_dir_all(dir.path().join("static")).unwrap();
        std::fs::write(dir.path().join("content/news/a.md"), "---\ntitle: A\n---\n").unwrap();
        let repo = Repo::new(dir.path(), Some("vi".to_string()));
        (dir, repo)
    }

    #[test]
    fn paths_stay_in_content_and_static() {
        let (_dir, repo) = repo();
        assert_eq!(
            repo.disk_path("content/news/a.vi.md"),
            Ok("content/news/a.md".into())
        );
        assert_eq!(
            repo.disk_path("content/news/a.en.md"),
            Ok("content/news/a.en.md".into())
        );
        assert_eq!(
            repo.disk_path("static/images/x.png"),
            Ok("static/images/x.png".into())
        );
        for bad in [
            "",
            "/etc/passwd",
            "site.yaml",
            "content/../site.yaml",
            "content/./a.md",
            "content//a.md",
            "templates/base.html",
            "content\\..\\x",
            "C:/x",
        ] {
            assert!(repo.disk_path(bad).is_err(), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_site_are_refused() {
        let (dir, repo) = repo();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("content/out")).unwrap();
        assert!(repo.disk_path("content/out/x.md").is_err());
        assert!(repo.disk_path("content/out/new/x.md").is_err());
    }

    #[test]
    fn default_language_names_both_ways() {
        let (_dir, repo) = repo();
        assert_eq!(repo.decap_path("content/news/a.md"), "content/news/a.vi.md");
        assert_eq!(
            repo.decap_path("content/news/a.en.md"),
            "content/news/a.en.md"
        );
        assert_eq!(repo.decap_path("static/x.md"), "static/x.md");
        assert_eq!(
            repo.list("content/news", ".md", 1),
            vec!["content/news/a.md"]
        );
    }

    #[test]
    fn writes_replace_files_whole() {
        let (dir, repo) = repo();
        repo.write("content/news/b.md", b"---\ntitle: B\n---\n")
            .unwrap();
        assert!(dir.path().join("content/news/b.md").is_file());
        let left: Vec<_> = std::fs::read_dir(dir.path().join("content/news"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .collect();
        assert!(left.is_empty());
        assert_ne!(file_id(b"a"), file_id(b"b"));
    }
}
