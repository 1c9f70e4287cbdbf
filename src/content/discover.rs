//! Walks `content/` and finds the content files, their languages and bundle assets.

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// File name endings read as Markdown content.
const EXTENSIONS: [&str; 2] = [".md", ".markdown"];

/// The name without its Markdown ending, if it has one (`a.en.markdown` -> `a.en`).
pub fn markdown_stem(name: &str) -> Option<&str> {
    EXTENSIONS.iter().find_map(|ext| name.strip_suffix(ext))
}

/// A Markdown file found under `content/`.
#[derive(Debug, Clone)]
pub struct Found {
    /// Path relative to `content/`, `/`-separated (`news/a.en.md`).
    pub rel: String,
    /// Absolute path.
    pub abs: PathBuf,
    /// Language code from the file name, or the default language.
    pub lang: String,
    /// `rel` without the language suffix (`news/a.md`, `news/b.markdown`): shared by
    /// translations.
    pub key: String,
    /// `_index.md`: a section.
    pub is_section: bool,
    /// `index.md`: a page bundle whose folder is the page.
    pub is_bundle: bool,
    /// Other files of a bundle's folder.
    pub assets: Vec<PathBuf>,
}

/// Finds the content files under `root/content`, handing each to `found` as soon as it is
/// seen (so that reading them overlaps the walk); returns the other files (content paths:
/// images, PDFs, which pages may use) and the problems with names and links it cannot use.
pub fn discover(config: &Config, mut found: impl FnMut(Found)) -> (Vec<String>, Vec<Diagnostic>) {
    let walk = Walk {
        config,
        content: config.root.join("content"),
        root_canon: config
            .root
            .canonicalize()
            .unwrap_or_else(|_| config.root.clone()),
    };
    let mut diags = Vec::new();
    let mut others = Vec::new();
    let walker = WalkDir::new(&walk.content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name().to_string_lossy().as_ref()));
    for entry in walker {
        match walk.classify(entry) {
            Entry::Skip => {}
            Entry::Markdown(f) => found(f),
            // Published where pages use it (or beside its bundle's page).
            Entry::Other(rel) => others.push(rel),
            Entry::Problem(d) => diags.push(d),
        }
    }
    (others, diags)
}

/// What one entry of `content/` is.
enum Entry {
    /// A folder, or a link to a folder inside the site.
    Skip,
    Markdown(Found),
    /// Another file (an image, a PDF), as a content path.
    Other(String),
    /// An entry that cannot be used, and why.
    Problem(Diagnostic),
}

/// The walk of `content/`.
struct Walk<'a> {
    config: &'a Config,
    /// `root/content`.
    content: PathBuf,
    /// The site root, with links resolved.
    root_canon: PathBuf,
}

impl Walk<'_> {
    fn classify(&self, entry: walkdir::Result<walkdir::DirEntry>) -> Entry {
        let config = self.config;
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| site_rel(config, p)).unwrap_or_default();
                return Entry::Problem(Diagnostic::error(Code::E0503, path).arg("message", e));
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            if let Some(refused) = self.refused_link(path) {
                return refused;
            }
        } else if !entry.file_type().is_file() {
            return Entry::Skip;
        }
        let rel = path
            .strip_prefix(&self.content)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let name = entry.file_name().to_string_lossy().to_string();
        match markdown_stem(&name) {
            Some(stem) => self.markdown(path, rel, &name[stem.len()..], stem),
            None => Entry::Other(rel),
        }
    }

    /// Never read through a link that leaves the site, nor one that loops; `None` for a link
    /// to a file inside the site, read as the file.
    fn refused_link(&self, path: &Path) -> Option<Entry> {
        let config = self.config;
        match path.canonicalize() {
            Ok(target) if target.starts_with(&self.root_canon) => {
                target.is_dir().then_some(Entry::Skip)
            }
            Ok(_) => Some(Entry::Problem(Diagnostic::error(
                Code::E0117,
                site_rel(config, path),
            ))),
            Err(e) => Some(Entry::Problem(
                Diagnostic::error(Code::E0503, site_rel(config, path)).arg("message", e),
            )),
        }
    }

    /// A Markdown file at `rel`, whose name is `stem` (with its language) and `ext`.
    fn markdown(&self, path: &Path, rel: String, ext: &str, stem: &str) -> Entry {
        let (base, lang) = match self.language(path, stem) {
            Ok(found) => found,
            Err(d) => return Entry::Problem(d),
        };
        let at_root = !rel.contains('/');
        let base = if at_root && base == "index" {
            match self.root_index(path, &rel) {
                Ok(base) => base,
                Err(d) => return Entry::Problem(d),
            }
        } else {
            base
        };
        let key = match rel.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{base}{ext}"),
            None => format!("{base}{ext}"),
        };
        let is_bundle = base == "index";
        let assets = if is_bundle {
            bundle_assets(path.parent().unwrap_or(&self.content))
        } else {
            Vec::new()
        };
        Entry::Markdown(Found {
            rel,
            abs: path.to_path_buf(),
            lang,
            key,
            is_section: base == "_index",
            is_bundle,
            assets,
        })
    }

    /// The name without its language and the language (`a.en` -> `a`, `en`); the default
    /// language when the name has none.
    fn language(&self, path: &Path, stem: &str) -> Result<(String, String), Diagnostic> {
        let config = self.config;
        match stem.rsplit_once('.') {
            Some((base, suffix)) if looks_like_language(suffix) => {
                if !config.has_language(suffix) {
                    let known: Vec<&str> =
                        config.languages.iter().map(|l| l.code.as_str()).collect();
                    return Err(Diagnostic::error(Code::E0203, site_rel(config, path))
                        .arg("lang", suffix)
                        .arg("known", known.join(", ")));
                }
                Ok((base.to_string(), suffix.to_string()))
            }
            _ => Ok((stem.to_string(), config.default_language().to_string())),
        }
    }

    /// `content/index.md` (MkDocs, Docusaurus) is the home page, as `_index.md` is: its base
    /// name, or the warning when both are there.
    fn root_index(&self, path: &Path, rel: &str) -> Result<String, Diagnostic> {
        let section = rel.replacen("index", "_index", 1);
        if self.content.join(&section).is_file() {
            return Err(
                Diagnostic::warning(Code::W0160, site_rel(self.config, path))
                    .arg("home", format!("content/{section}")),
            );
        }
        Ok("_index".to_string())
    }
}

/// Files and folders starting with `.` or `_` are not content (`_index.md` aside).
fn is_hidden(name: &str) -> bool {
    (name.starts_with('.') || name.starts_with('_')) && !name.starts_with("_index.")
}

fn looks_like_language(suffix: &str) -> bool {
    (2..=3).contains(&suffix.len()) && suffix.chars().all(|c| c.is_ascii_lowercase())
}

fn bundle_assets(dir: &Path) -> Vec<PathBuf> {
    let mut assets: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            markdown_stem(&name).is_none()
                && !is_hidden(&name)
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|e| e.path())
        .collect();
    assets.sort();
    assets
}

/// A path relative to the site root, `/`-separated, for messages.
pub fn site_rel(config: &Config, path: &Path) -> String {
    path.strip_prefix(&config.root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
