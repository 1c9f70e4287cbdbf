//! `site.yaml` -> one validated [`Config`], loaded once per build.

use crate::diagnostics::{Code, Diagnostic};
use crate::term_names::TermNames;
use crate::yaml::{self, Fields, Locator, Seg};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// Name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "site.yaml";
/// What happens to raw HTML in Markdown (`markdown.raw_html`):
/// the Markdown stage applies it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RawHtml {
    /// Kept as written.
    Allow,
    /// Cleaned of scripts and dangerous URLs, with a warning per removal.
    #[default]
    Sanitize,
    /// Shown as text.
    Escape,
}

impl RawHtml {
    /// `allow`, `sanitize` or `escape`.
    pub fn parse(text: &str) -> Option<RawHtml> {
        match text.trim() {
            "allow" => Some(RawHtml::Allow),
            "sanitize" => Some(RawHtml::Sanitize),
            "escape" => Some(RawHtml::Escape),
            _ => None,
        }
    }
}

/// The folders of a site that hold its sources (besides [`CONFIG_FILE`]).
pub const SOURCE_FOLDERS: [&str; 5] = ["content", "templates", "static", "themes", "i18n"];
/// The time zone of a site whose `site.yaml` names none: Vietnam's, UTC+07:00, in minutes.
pub const DEFAULT_UTC_OFFSET: i32 = 7 * 60;

const KNOWN_KEYS: [&str; 16] = [
    "extra_keys",
    "title",
    "description",
    "base_url",
    "default_language",
    "languages",
    "theme",
    "taxonomies",
    "paginate",
    "timezone",
    "author",
    "search",
    "extra",
    "markdown",
    "cms",
    "term_translations",
];

/// `extra_keys: { news: [source], all: [banner] }`: the keys of each kind key (or `all`), as
/// written; content checks the kind keys, which it owns.
fn read_extra_keys(map: &Map<String, Value>, f: &mut Fields) -> Vec<ExtraKeys> {
    let Some(value) = map.get("extra_keys").filter(|v| !v.is_null()) else {
        return Vec::new();
    };
    let Some(kinds) = value.as_object() else {
        let d = f.error(Code::E0116, &[Seg::Key("extra_keys")]);
        d.args.push(("value", yaml::describe(value)));
        return Vec::new();
    };
    let at = [Seg::Key("extra_keys")];
    kinds
        .keys()
        .map(|kind| ExtraKeys {
            kind: kind.clone(),
            keys: f.text_list(kinds, &at, kind),
            at: f.pos(&[Seg::Key("extra_keys"), Seg::Key(kind)]),
        })
        .collect()
}

/// Front-matter keys a site's templates read, for pages of one kind (`extra_keys:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraKeys {
    /// A kind key (`news`), or `all`.
    pub kind: String,
    /// The keys.
    pub keys: Vec<String>,
    /// Where the kind was written in site.yaml.
    pub at: Option<(usize, usize)>,
}

/// The production backends of the web editor (`cms.backend`).
pub const CMS_BACKENDS: [&str; 4] = ["github", "gitlab", "gitea", "git-gateway"];

/// The web editor's settings (`cms:` in site.yaml): where it saves in production.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CmsSettings {
    /// One of [`CMS_BACKENDS`].
    pub backend: String,
    /// `owner/name` of the repository (not needed by `git-gateway`).
    pub repo: Option<String>,
    /// The branch the editor commits to.
    pub branch: String,
    /// The server of a self-hosted GitLab or Gitea (`api_root` in Decap's terms).
    pub api_root: Option<String>,
    /// A local copy of the Decap CMS script, as a URL path of the site (`/decap/decap-cms.js`),
    /// for offices without Internet access; the official CDN otherwise.
    pub script: Option<String>,
}

/// Markdown settings (`markdown:` in site.yaml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkdownConfig {
    /// `:smile:` codes become emoji characters.
    pub emoji: bool,
    /// Code blocks in a language the highlighter does not know give W0105.
    pub warn_unknown_languages: bool,
    /// What happens to raw HTML in Markdown (`raw_html`, default: sanitize).
    pub raw_html: RawHtml,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            emoji: false,
            warn_unknown_languages: true,
            raw_html: RawHtml::default(),
        }
    }
}

/// One language of the site.
#[derive(Debug, Clone)]
pub struct Language {
    /// Code as used in file names and URLs (`vi`, `en`).
    pub code: String,
    /// Site title in this language.
    pub title: String,
    /// Site description in this language.
    pub description: String,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Absolute site root.
    pub root: PathBuf,
    /// Site title in the default language.
    pub title: String,
    /// Absolute base URL, always ending with `/` (`https://example.org/kb/`).
    pub base_url: String,
    /// The path part of `base_url`, starting and ending with `/` (`/kb/`).
    pub base_path: String,
    /// Languages, the default one first.
    pub languages: Vec<Language>,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Taxonomy names (`tags`, `sectors`, ...).
    pub taxonomies: Vec<String>,
    /// Pages per list page.
    pub paginate: usize,
    /// The site's UTC offset in minutes (`+07:00` -> 420).
    pub timezone_minutes: i32,
    /// Author shown in feeds.
    pub author: String,
    /// Whether the search index and page are generated.
    pub search: bool,
    /// Free-form values for templates (`config.extra`).
    pub extra: Map<String, Value>,
    /// Markdown settings.
    pub markdown: MarkdownConfig,
    /// Front-matter keys the site's templates read, by kind key (`news`) or `all`: not typos.
    pub extra_keys: Vec<ExtraKeys>,
    /// The web editor's production backend, when the site publishes its admin page.
    pub cms: Option<CmsSettings>,
    /// Names of taxonomy terms per language (`term_translations`).
    pub term_names: TermNames,
}

impl Config {
    /// Loads `site.yaml` under `root`; every problem is returned, located.
    pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let text = read_text(root)?;
        let value =
            yaml::parse(&text).map_err(|e| vec![e.diagnostic(Code::E0002, CONFIG_FILE, 0)])?;
        let loc = Locator::new(&text, 0);
        let mut f = Fields::new(CONFIG_FILE, &loc);
        let Some(map) = value.as_object() else {
            return Err(vec![Diagnostic::error(Code::E0104, CONFIG_FILE).at(1, 1)]);
        };
        check_known_keys(map, &mut f);
        let title = f.required_text(map, &[], "title").unwrap_or_default();
        let description = f.text(map, &[], "description").unwrap_or_default();
        let (base_url, base_path) = read_base_url(map, &mut f, base_url_override);
        let languages = read_languages(map, &mut f, &title, &description);
        let theme = f
            .text(map, &[], "theme")
            .unwrap_or_else(|| "default".to_string());
        let taxonomies = if map.contains_key("taxonomies") {
            f.text_list(map, &[], "taxonomies")
        } else {
            ["tags", "sectors", "provinces", "techniques"]
                .map(String::from)
                .to_vec()
        };
        let paginate = read_paginate(map, &mut f);
        let timezone_minutes = read_timezone(map, &mut f);
        let author = f.text(map, &[], "author").unwrap_or_else(|| title.clone());
        let search = f.boolean(map, &[], "search").unwrap_or(true);
        let extra = map
            .get("extra")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let markdown = read_markdown(map, &mut f);
        let extra_keys = read_extra_keys(map, &mut f);
        let cms = read_cms(map, &mut f);
        let codes: Vec<String> = languages.iter().map(|l| l.code.clone()).collect();
        let term_names = TermNames::read(map, &mut f, &taxonomies, &codes);
        if !f.diags.is_empty() {
            return Err(f.diags);
        }
        Ok(Config {
            root: root.to_path_buf(),
            title,
            base_url,
            base_path,
            languages,
            theme,
            taxonomies,
            paginate,
            timezone_minutes,
            author,
            search,
            extra,
            markdown,
            extra_keys,
            cms,
            term_names,
        })
    }

    /// The default language code.
    pub fn default_language(&self) -> &str {
        &self.languages[0].code
    }

    /// Whether `code` is one of the site's languages.
    pub fn has_language(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l.code == code)
    }

    /// The URL prefix of a language: empty for the default one, `en/` for the others.
    pub fn lang_prefix(&self, code: &str) -> String {
        if code == self.default_language() {
            String::new()
        } else {
            format!("{code}/")
        }
    }

    /// The language settings for `code` (the default language when unknown).
    pub fn language(&self, code: &str) -> &Language {
        self.languages
            .iter()
            .find(|l| l.code == code)
            .unwrap_or(&self.languages[0])
    }
}

/// The text of `site.yaml` under `root`, without a byte-order mark and with `\n` line ends.
fn read_text(root: &Path) -> Result<String, Vec<Diagnostic>> {
    let text = std::fs::read_to_string(root.join(CONFIG_FILE))
        .map_err(|e| vec![Diagnostic::error(Code::E0001, CONFIG_FILE).arg("message", e)])?;
    Ok(text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n"))
}

/// E0003 for each top-level key sachhon does not know.
fn check_known_keys(map: &Map<String, Value>, f: &mut Fields) {
    for key in map.keys() {
        if !KNOWN_KEYS.contains(&key.as_str()) {
            f.error(Code::E0003, &[Seg::Key(key)])
                .args
                .push(("known", KNOWN_KEYS.join(", ")));
        }
    }
}

/// `base_url` (or the command line's): the absolute base URL and its path.
fn read_base_url(
    map: &Map<String, Value>,
    f: &mut Fields,
    base_url_override: Option<&str>,
) -> (String, String) {
    let raw = base_url_override
        .map(str::to_string)
        .or_else(|| f.text(map, &[], "base_url"))
        .unwrap_or_else(|| "/".to_string());
    normalize_base_url(&raw).unwrap_or_else(|| {
        f.error(Code::E0005, &[Seg::Key("base_url")])
            .args
            .push(("value", raw.clone()));
        ("/".to_string(), "/".to_string())
    })
}

/// `default_language` and `languages`: the default language first, each titled (the site's
/// title and description unless the language gives its own).
fn read_languages(
    map: &Map<String, Value>,
    f: &mut Fields,
    title: &str,
    description: &str,
) -> Vec<Language> {
    let default_language = f
        .text(map, &[], "default_language")
        .unwrap_or_else(|| "vi".to_string());
    let mut languages = vec![Language {
        code: default_language.clone(),
        title: title.to_string(),
        description: description.to_string(),
    }];
    match map.get("languages").map(|v| (v, v.as_object())) {
        None => {}
        Some((_, Some(langs))) => {
            let others = langs.iter().filter(|(code, _)| **code != default_language);
            for (code, settings) in others {
                languages.push(read_language(f, code, settings, title, description));
            }
        }
        Some((langs, None)) => {
            let d = f.error(Code::E0116, &[Seg::Key("languages")]);
            d.args.push(("value", yaml::describe(langs)));
        }
    }
    for lang in &languages {
        if !is_language_code(&lang.code) {
            let key = if lang.code == default_language {
                Seg::Key("default_language")
            } else {
                Seg::Key("languages")
            };
            f.error(Code::E0006, &[key])
                .args
                .push(("value", lang.code.clone()));
        }
    }
    languages
}

/// One language other than the default: `en: { title: ..., description: ... }`.
fn read_language(
    f: &mut Fields,
    code: &str,
    settings: &Value,
    title: &str,
    description: &str,
) -> Language {
    let at = [Seg::Key("languages"), Seg::Key(code)];
    let empty = Map::new();
    let settings = settings.as_object().unwrap_or(&empty);
    Language {
        code: code.to_string(),
        title: f
            .text(settings, &at, "title")
            .unwrap_or_else(|| title.to_string()),
        description: f
            .text(settings, &at, "description")
            .unwrap_or_else(|| description.to_string()),
    }
}

/// `paginate`: pages per list page, at least 1 (10 when not given or wrong).
fn read_paginate(map: &Map<String, Value>, f: &mut Fields) -> usize {
    match f.integer(map, &[], "paginate") {
        Some(n) if n >= 1 => n as usize,
        Some(n) => {
            let d = f.error(Code::E0106, &[Seg::Key("paginate")]);
            d.args.push(("value", n.to_string()));
            d.args.push(("suggestion", "10".to_string()));
            10
        }
        None => 10,
    }
}

/// `timezone` (`+07:00`) in minutes; [`DEFAULT_UTC_OFFSET`] when not given or wrong.
fn read_timezone(map: &Map<String, Value>, f: &mut Fields) -> i32 {
    match f.text(map, &[], "timezone") {
        None => DEFAULT_UTC_OFFSET,
        Some(raw) => parse_offset(&raw).unwrap_or_else(|| {
            f.error(Code::E0005, &[Seg::Key("timezone")])
                .args
                .push(("value", raw.clone()));
            DEFAULT_UTC_OFFSET
        }),
    }
}

/// `markdown: { emoji: true, warn_unknown_languages: false, raw_html: sanitize }`.
fn read_markdown(map: &Map<String, Value>, f: &mut Fields) -> MarkdownConfig {
    let mut settings = MarkdownConfig::default();
    let at = [Seg::Key("markdown")];
    match map.get("markdown") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) => {
            const KEYS: [&str; 3] = ["emoji", "warn_unknown_languages", "raw_html"];
            for key in m.keys().filter(|k| !KEYS.contains(&k.as_str())) {
                f.error(Code::E0003, &[Seg::Key("markdown"), Seg::Key(key)])
                    .args
                    .push(("known", KEYS.join(", ")));
            }
            if let Some(b) = f.boolean(m, &at, "emoji") {
                settings.emoji = b;
            }
            if let Some(b) = f.boolean(m, &at, "warn_unknown_languages") {
                settings.warn_unknown_languages = b;
            }
            if let Some(policy) = read_raw_html(m, f) {
                settings.raw_html = policy;
            }
        }
        Some(other) => {
            f.error(Code::E0116, &at)
                .args
                .push(("value", yaml::describe(other)));
        }
    }
    settings
}

/// `markdown.raw_html`: the policy, if written and known (else an error).
fn read_raw_html(m: &Map<String, Value>, f: &mut Fields) -> Option<RawHtml> {
    let text = f.text(m, &[Seg::Key("markdown")], "raw_html")?;
    let policy = RawHtml::parse(&text);
    if policy.is_none() {
        let d = f.error(Code::E0114, &[Seg::Key("markdown"), Seg::Key("raw_html")]);
        d.args.push(("value", text));
        d.args
            .push(("known", "allow, sanitize, escape".to_string()));
    }
    policy
}

/// `cms: { backend: github, repo: office/kb, branch: main }`.
fn read_cms(map: &Map<String, Value>, f: &mut Fields) -> Option<CmsSettings> {
    let at = [Seg::Key("cms")];
    let m = match map.get("cms")? {
        Value::Null => return None,
        Value::Object(m) => m,
        other => {
            let d = f.error(Code::E0116, &at);
            d.args.push(("value", yaml::describe(other)));
            return None;
        }
    };
    const KEYS: [&str; 5] = ["backend", "repo", "branch", "api_root", "script"];
    for key in m.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        f.error(Code::E0003, &[Seg::Key("cms"), Seg::Key(key)])
            .args
            .push(("known", KEYS.join(", ")));
    }
    let backend = f.required_text(m, &at, "backend")?;
    if !CMS_BACKENDS.contains(&backend.as_str()) {
        let d = f.error(Code::E0114, &[Seg::Key("cms"), Seg::Key("backend")]);
        d.args.push(("value", backend));
        d.args.push(("known", CMS_BACKENDS.join(", ")));
        return None;
    }
    let repo = if backend == "git-gateway" {
        f.text(m, &at, "repo")
    } else {
        Some(f.required_text(m, &at, "repo")?)
    };
    Some(CmsSettings {
        backend,
        repo,
        branch: f
            .text(m, &at, "branch")
            .unwrap_or_else(|| "main".to_string()),
        api_root: f.text(m, &at, "api_root"),
        script: f.text(m, &at, "script"),
    })
}

/// `https://example.org/kb` -> (`https://example.org/kb/`, `/kb/`); `/` and `/kb/` are allowed
/// too, for sites that never need absolute links.
fn normalize_base_url(raw: &str) -> Option<(String, String)> {
    let raw = raw.trim();
    let with_slash = if raw.ends_with('/') {
        raw.to_string()
    } else {
        format!("{raw}/")
    };
    let path = if let Some(rest) = with_slash
        .strip_prefix("https://")
        .or_else(|| with_slash.strip_prefix("http://"))
    {
        let slash = rest.find('/')?;
        if slash == 0 {
            return None;
        }
        rest[slash..].to_string()
    } else if with_slash.starts_with('/') {
        with_slash.clone()
    } else {
        return None;
    };
    if path.contains("..") || path.contains(['?', '#', '"', '<', '>', ' ']) {
        return None;
    }
    Some((with_slash, path))
}

fn parse_offset(raw: &str) -> Option<i32> {
    let raw = raw.trim();
    if raw == "Z" || raw == "UTC" {
        return Some(0);
    }
    let sign = match raw.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let (h, m) = raw[1..].split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_its_sub_path() {
        assert_eq!(
            normalize_base_url("https://example.org/kb"),
            Some(("https://example.org/kb/".into(), "/kb/".into()))
        );
        assert_eq!(normalize_base_url("/"), Some(("/".into(), "/".into())));
        assert_eq!(normalize_base_url("example.org"), None);
        assert_eq!(normalize_base_url("https://example.org/../x"), None);
    }

    #[test]
    fn parses_offsets() {
        assert_eq!(parse_offset("+07:00"), Some(420));
        assert_eq!(parse_offset("-03:30"), Some(-210));
        assert_eq!(parse_offset("7"), None);
    }

    #[test]
    fn language_codes() {
        assert!(is_language_code("vi"));
        assert!(is_language_code("pt-BR"));
        assert!(!is_language_code("Vietnamese"));
    }
}
