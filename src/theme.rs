//! The theme: templates, static files and UI strings, from `themes/<name>/` or, for the default
//! theme, from the copy embedded in the binary; the site's `templates/` and `i18n/` override
//! them file by file.

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use crate::yaml;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Where a theme file's bytes come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk.
    Disk(PathBuf),
    /// A file of the embedded default theme.
    Embedded(&'static [u8]),
}

/// One template with where it came from (shown in template errors).
#[derive(Debug, Clone)]
pub struct Template {
    /// Name used by `{% extends %}` and the renderer (`page.html`, `partials/card.html`).
    pub name: String,
    /// The template text.
    pub text: String,
    /// Path relative to the site root, or `(embedded)/...` for the built-in theme.
    pub origin: String,
}

/// The theme a build uses, with the site's overrides applied.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Templates by name.
    pub templates: Vec<Template>,
    /// Static files by output path (`style.css`), theme first, then the site's `static/`.
    pub static_files: BTreeMap<String, Source>,
    /// UI strings per language code.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
}

include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));

/// Every file of the embedded default theme, `(path under themes/default, bytes)`.
pub fn embedded_files() -> &'static [(&'static str, &'static [u8])] {
    EMBEDDED
}

impl Theme {
    /// Loads the configured theme and the site's overrides.
    pub fn load(config: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let files = theme_files(config)?;
        let mut theme = Theme {
            templates: Vec::new(),
            static_files: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        let mut diags = Vec::new();
        let mut templates: BTreeMap<String, Template> = BTreeMap::new();
        for (rel, source, origin) in files {
            if let Some(name) = rel.strip_prefix("templates/").filter(|n| is_template(n)) {
                let text = match read_text(&source) {
                    Ok(text) => text,
                    Err(e) => {
                        diags.push(Diagnostic::error(Code::E0503, origin).arg("message", e));
                        continue;
                    }
                };
                let name = name.to_string();
                let template = Template {
                    name: name.clone(),
                    text,
                    origin,
                };
                templates.insert(name, template);
            } else if let Some(name) = rel.strip_prefix("static/") {
                theme.static_files.insert(name.to_string(), source);
            } else if let Some(lang) = rel
                .strip_prefix("i18n/")
                .and_then(|n| n.strip_suffix(".yaml"))
            {
                let strings = theme.strings.entry(lang.to_string()).or_default();
                if let Err(d) = read_strings(&source, &origin, strings) {
                    diags.push(d);
                }
            }
        }
        theme.fall_back_to_english(config);
        theme.templates = templates.into_values().collect();
        if diags.is_empty() {
            Ok(theme)
        } else {
            Err(diags)
        }
    }

    /// Languages without their own strings fall back to English.
    fn fall_back_to_english(&mut self, config: &Config) {
        let english = self.strings.get("en").cloned().unwrap_or_default();
        for lang in &config.languages {
            let strings = self.strings.entry(lang.code.clone()).or_default();
            for (k, v) in &english {
                strings.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
    }
}

/// Every file of the theme, then the site's `templates/`, `i18n/` and `static/` (which override
/// it): `(path as in the theme, source, origin shown in messages)`.
fn theme_files(config: &Config) -> Result<Vec<(String, Source, String)>, Vec<Diagnostic>> {
    let dir = config.root.join("themes").join(&config.theme);
    let mut files: Vec<(String, Source, String)> = Vec::new();
    if dir.is_dir() {
        for (rel, abs) in walk(&dir) {
            let origin = format!("themes/{}/{rel}", config.theme);
            files.push((rel, Source::Disk(abs), origin));
        }
    } else if config.theme == "default" {
        for (rel, bytes) in EMBEDDED {
            files.push((
                rel.to_string(),
                Source::Embedded(bytes),
                format!("(embedded)/{rel}"),
            ));
        }
    } else {
        return Err(vec![Diagnostic::error(
            Code::E0004,
            crate::config::CONFIG_FILE,
        )
        .arg("theme", &config.theme)]);
    }
    for folder in ["templates", "i18n", "static"] {
        for (rel, abs) in walk(&config.root.join(folder)) {
            let rel = format!("{folder}/{rel}");
            files.push((rel.clone(), Source::Disk(abs), rel));
        }
    }
    Ok(files)
}

impl Source {
    /// The file's bytes.
    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match self {
            Source::Disk(p) => std::fs::read(p).map(std::borrow::Cow::Owned),
            Source::Embedded(b) => Ok(std::borrow::Cow::Borrowed(b)),
        }
    }
}

/// Template files by extension; editor backups (`page.html.bak`, `page.html~`) are ignored.
fn is_template(name: &str) -> bool {
    [".html", ".htm", ".xml", ".txt", ".json"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Adds the UI strings of an `i18n/<lang>.yaml` file to `strings` (later files win).
fn read_strings(
    source: &Source,
    origin: &str,
    strings: &mut BTreeMap<String, String>,
) -> Result<(), Diagnostic> {
    let text =
        read_text(source).map_err(|e| Diagnostic::error(Code::E0503, origin).arg("message", e))?;
    let value = yaml::parse(&text).map_err(|e| e.diagnostic(Code::E0002, origin, 0))?;
    for (k, v) in value.as_object().into_iter().flatten() {
        if let Some(s) = v.as_str() {
            strings.insert(k.clone(), s.to_string());
        }
    }
    Ok(())
}

fn read_text(source: &Source) -> std::io::Result<String> {
    String::from_utf8(source.read()?.into_owned())
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// Files under `dir` as (`/`-separated relative path, absolute path), hidden ones skipped, in
/// no particular order (the theme keeps them by path). Symbolic links are not followed, so
/// nothing outside the site is read.
fn walk(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            (rel, e.path().to_path_buf())
        })
        .collect()
}
