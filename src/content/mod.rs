//! Content: discovery, front matter, kinds, slugs -> typed [`Page`]s.

mod discover;
mod foreign;
pub mod frontmatter;
mod keys;
mod meta;
pub mod model;
mod synthetic;
pub mod techniques;

pub use discover::{markdown_stem, site_rel};
pub use keys::SiteKeys;
pub use model::{Better, CaseStudy, Kind, Meta, Metric, Money, Page, Question};

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use crate::folder::Folder;
use crate::text::slugify;
use crate::yaml::{self, Fields, Locator, Seg};
use discover::Found;
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// What to leave out while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Keep drafts and pages dated in the future.
    pub drafts: bool,
    /// "Now" as a UNIX timestamp, for scheduled pages.
    pub now: i64,
}

/// A parsed file before its kind is known.
struct Raw {
    found: Found,
    source: String,
    text: Parsed,
}

/// One file's text cut into front matter (parsed) and body, with their line offsets.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Where each key of the front matter was written.
    pub locator: Locator,
    /// The front matter as plain data.
    pub map: Map<String, Value>,
    /// The Markdown body.
    pub body: String,
    /// Lines of the file before the body.
    pub body_line_offset: usize,
    /// Warnings about the text itself (control characters removed).
    pub warnings: Vec<Diagnostic>,
}

/// How a section shapes its pages.
#[derive(Debug, Clone, Copy, Default)]
struct SectionShape {
    own_kind: Option<Kind>,
    children: Option<Kind>,
    is_training: bool,
}

/// What `content/` holds.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every page and section that is published.
    pub pages: Vec<Page>,
    /// The other files (images, PDFs), as content paths (`news/a/photo.jpg`), sorted.
    pub files: Vec<String>,
    /// The content paths (`news/a.md`) of the pages left out as drafts, scheduled or expired:
    /// a link to one of them is not a broken link but a page not published yet.
    pub unpublished: Vec<String>,
    /// How many pages were left out, and why (the build says so).
    pub withheld: Withheld,
}

/// How many pages a build left out, by reason; `--drafts` publishes them all.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Withheld {
    /// `draft: true`.
    pub drafts: usize,
    /// Dated after the build.
    pub scheduled: usize,
    /// Past their `expiryDate`.
    pub expired: usize,
}

impl Withheld {
    /// Whether any page was left out.
    pub fn any(&self) -> bool {
        self.drafts + self.scheduled + self.expired > 0
    }

    fn count(&mut self, why: LeftOut) {
        match why {
            LeftOut::Draft => self.drafts += 1,
            LeftOut::Scheduled => self.scheduled += 1,
            LeftOut::Expired => self.expired += 1,
        }
    }
}

/// Why a page is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeftOut {
    Draft,
    Scheduled,
    Expired,
}

/// Loads every content file of the site; drafts and scheduled pages are dropped unless asked.
pub fn load(config: &Config, options: LoadOptions) -> (Loaded, Vec<Diagnostic>) {
    // Files are read and parsed while the walk goes on; their order does not matter, as the
    // site model sorts pages by source path.
    let (tx, rx) = std::sync::mpsc::channel();
    let ((mut files, mut diags), parsed): (_, Vec<Result<Raw, Diagnostic>>) = rayon::join(
        move || {
            discover::discover(config, |found| {
                let _ = tx.send(found);
            })
        },
        || {
            let content = Folder::open(&config.root.join("content"));
            rx.into_iter()
                .par_bridge()
                .map(|found| parse_file(&content, found))
                .collect()
        },
    );
    let mut raws = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(raw) => raws.push(raw),
            Err(d) => diags.push(d),
        }
    }
    // Files arrive in any order; what follows (section kinds) must not depend on it.
    raws.sort_unstable_by(|a, b| a.found.rel.cmp(&b.found.rel));
    let shapes = section_shapes(&raws, config);
    let typed: Vec<(Option<Page>, Vec<Diagnostic>)> = raws
        .into_par_iter()
        .map(|raw| type_page(config, raw, &shapes))
        .collect();
    let mut pages = Vec::with_capacity(typed.len());
    let mut unpublished = Vec::new();
    let mut withheld = Withheld::default();
    for (page, ds) in typed {
        diags.extend(ds);
        let Some(page) = page else { continue };
        let left_out = left_out(&page, config, options.now).filter(|_| !options.drafts);
        let Some(why) = left_out else {
            pages.push(page);
            continue;
        };
        withheld.count(why);
        if let Some(key) = page.source.strip_prefix("content/") {
            unpublished.push(key.to_string());
        }
    }
    diags.extend(keys::check_declared_kinds(config));
    // An ignored key is said once per build, however many pages have it.
    crate::diagnostics::fold_repeats(&mut diags, Code::W0603, "key");
    pages.extend(synthetic::missing_homes(config, &pages));
    files.sort_unstable();
    let loaded = Loaded {
        pages,
        files,
        unpublished,
        withheld,
    };
    (loaded, diags)
}

/// Why `page` is not published at `now`: a draft, dated after `now`, or expired at `now`.
fn left_out(page: &Page, config: &Config, now: i64) -> Option<LeftOut> {
    let tz = config.timezone_minutes;
    if page.meta.draft {
        Some(LeftOut::Draft)
    } else if page.meta.date.is_some_and(|d| d.timestamp(tz) > now) {
        Some(LeftOut::Scheduled)
    } else if page.meta.expires.is_some_and(|d| d.timestamp(tz) <= now) {
        Some(LeftOut::Expired)
    } else {
        None
    }
}

/// Cuts a file's text (`source` names it in diagnostics) into front matter and body: BOM and
/// line endings normalised, `---` fences found, YAML parsed into a mapping.
pub fn parse_text(source: &str, text: String) -> Result<Parsed, Diagnostic> {
    let (text, removed) = crate::text::strip_controls(text);
    let warnings = removed
        .into_iter()
        .map(|(line, col, c)| {
            Diagnostic::warning(Code::W0120, source)
                .at(line, col)
                .arg("code", format!("U+{:04X}", u32::from(c)))
        })
        .collect();
    let text = frontmatter::normalize(text);
    let split = match frontmatter::split(&text) {
        Ok(split) => split,
        Err(frontmatter::SplitError::Missing)
            if !text.trim().is_empty() && frontmatter::dash_fence(&text).is_none() =>
        {
            return Ok(without_front_matter(source, text, warnings));
        }
        Err(e) => {
            let code = match e {
                frontmatter::SplitError::Missing => Code::E0102,
                frontmatter::SplitError::Unclosed => Code::E0103,
            };
            // A word processor turns `---` into a long dash: say so, on its line.
            return Err(match frontmatter::dash_fence(&text) {
                Some((line, written)) => Diagnostic::error(code, source)
                    .at(line, 1)
                    .arg("form", "dash")
                    .arg("value", written),
                None => Diagnostic::error(code, source).at(1, 1),
            });
        }
    };
    let offset = split.yaml_line_offset;
    let (value, locator) = match split.format {
        frontmatter::Format::Yaml => yaml::parse(split.yaml)
            .map(|v| (v, Locator::new(split.yaml, offset)))
            .map_err(|e| (Code::E0002, e)),
        frontmatter::Format::Toml => yaml::toml::parse(split.yaml)
            .map(|(v, positions)| (v, Locator::from_positions(positions, offset)))
            .map_err(|e| (Code::E0601, e)),
    }
    .map_err(|(code, e)| e.diagnostic(code, source, offset))?;
    let Value::Object(mut map) = value else {
        return Err(Diagnostic::error(Code::E0104, source).at(2, 1));
    };
    // Without `title:`, the first `# ` heading is the title, as in a file without front
    // matter (MkDocs pages set only `icon:` or `status:` there).
    let heading = (!map.contains_key("title"))
        .then(|| frontmatter::heading_title(split.body))
        .flatten();
    let body_line_offset = split.body_line_offset;
    let body = match heading {
        Some((title, rest)) => {
            map.insert("title".to_string(), Value::String(title));
            rest
        }
        // The body runs to the end of the text.
        None => {
            let body_len = split.body.len();
            tail(text, body_len)
        }
    };
    // A section without a title (Zola's redirecting or listing sections) is named by its
    // folder; so is a page whose front matter is empty (Jekyll's `---` `---`, which only asks
    // for the file to be processed), as if it had none.
    let rel = source.strip_prefix("content/").unwrap_or(source);
    let is_section = rel
        .rsplit('/')
        .next()
        .is_some_and(|n| n.starts_with("_index."));
    if (is_section || map.is_empty()) && !map.contains_key("title") {
        let name = frontmatter::humanize_name(rel);
        if !name.is_empty() {
            map.insert("title".to_string(), Value::String(name));
        }
    }
    Ok(Parsed {
        locator,
        map,
        body,
        body_line_offset,
        warnings,
    })
}

/// The last `len` bytes of `text` (a character boundary), in `text`'s own room: no second copy
/// of every page's body. Copied after all when what is cut was most of the text (front matter
/// longer than its body), not to hold that room while the page lives.
fn tail(mut text: String, len: usize) -> String {
    text.drain(..text.len() - len);
    if text.capacity() > 2 * text.len() {
        text.shrink_to_fit();
    }
    text
}

/// A file written without front matter (MkDocs, GitHub wikis) is a page all the same: titled
/// by its first `# ` heading, else by its file name (the home by the site's title, later).
fn without_front_matter(source: &str, text: String, warnings: Vec<Diagnostic>) -> Parsed {
    let (title, body) = match frontmatter::heading_title(&text) {
        Some((title, body)) => (title, body),
        None => {
            let rel = source.strip_prefix("content/").unwrap_or(source);
            (frontmatter::humanize_name(rel), text)
        }
    };
    let mut map = Map::new();
    if !title.is_empty() {
        map.insert("title".to_string(), Value::String(title));
    }
    Parsed {
        locator: Locator::new("", 0),
        map,
        body,
        body_line_offset: 0,
        warnings,
    }
}

/// The typed front matter of parsed text, read as a page of `kind` would read it, with the
/// keys `site` adds.
pub fn read_meta(
    parsed: &Parsed,
    source: &str,
    kind: Kind,
    site: SiteKeys,
) -> (Meta, Vec<Diagnostic>) {
    let mut f = Fields::new(source, &parsed.locator);
    let mut meta = meta::read(&parsed.map, &mut f, kind);
    foreign::apply(&parsed.map, &mut f, &mut meta, site.taxonomies);
    keys::check(&parsed.map, &mut f, kind, site);
    // Problems of the text itself (control characters removed) belong to every reading of it:
    // the dev server's single-page path must not take an edit that has them as clean.
    let mut diags = f.diags;
    diags.extend(parsed.warnings.iter().cloned());
    (meta, diags)
}

/// Reads the front matter of one file's text as a page of `kind` would: splitting, YAML and
/// every typed field. For tools and fuzzing; builds go through [`load`].
pub fn parse_front_matter(text: &str, kind: Kind) -> (Option<Meta>, Vec<Diagnostic>) {
    let source = "content/page.md";
    match parse_text(source, text.to_string()) {
        Ok(parsed) => {
            let (meta, diags) = read_meta(&parsed, source, kind, SiteKeys::default());
            (Some(meta), diags)
        }
        Err(d) => (None, vec![d]),
    }
}

/// Reads and parses the file `found`, read relative to the open `content` folder.
fn parse_file(content: &Folder, found: Found) -> Result<Raw, Diagnostic> {
    let source = format!("content/{}", found.rel);
    // The path as the system has it (`rel` may be a lossy spelling of a name that is not UTF-8).
    let bytes = match found
        .abs
        .strip_prefix(content.path())
        .ok()
        .and_then(|p| p.to_str())
    {
        Some(inside) => content.read_bytes(inside),
        None => std::fs::read(&found.abs),
    }
    .map_err(|e| Diagnostic::error(Code::E0503, &source).arg("message", e))?;
    if let Err(e) = simdutf8::compat::from_utf8(&bytes) {
        let line = memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count() + 1;
        return Err(Diagnostic::error(Code::E0101, &source).at(line, 1));
    }
    // SAFETY: `bytes` was just checked to be UTF-8 (simdutf8's check is several times as fast
    // as std's on Vietnamese text, and taking the bytes as they are spares copying every
    // source).
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    let text = parse_text(&source, text)?;
    Ok(Raw {
        found,
        source,
        text,
    })
}

/// Folder of a file relative to `content/` (`news` for `news/a.md`, `` at the top).
fn dir_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(d, _)| d)
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(d, _)| d))
    }
}

/// Decides, for every section folder, its own kind and its children's, parents first.
fn section_shapes(raws: &[Raw], config: &Config) -> HashMap<String, SectionShape> {
    let mut explicit: HashMap<String, Option<String>> = HashMap::new();
    for raw in raws.iter().filter(|r| r.found.is_section) {
        let dir = dir_of(&raw.found.rel).to_string();
        let kind = raw
            .text
            .map
            .get("kind")
            .and_then(Value::as_str)
            .map(str::to_string);
        // The default language's `_index.md` decides; translations follow it.
        if raw.found.lang == config.default_language() || !explicit.contains_key(&dir) {
            explicit.insert(dir, kind);
        }
    }
    // The home always exists (sachhon makes it when no `_index.md` does): top-level pages
    // and sections belong to it.
    explicit.entry(String::new()).or_insert(None);
    let mut dirs: Vec<&String> = explicit.keys().collect();
    dirs.sort_by_key(|d| {
        (
            d.matches('/').count() + usize::from(!d.is_empty()),
            d.to_string(),
        )
    });
    let mut shapes: HashMap<String, SectionShape> = HashMap::new();
    for dir in dirs {
        let parent = nearest_section(parent_dir(dir), &shapes);
        let parent_shape = parent
            .and_then(|p| shapes.get(p))
            .copied()
            .unwrap_or_default();
        let shape = match explicit[dir].as_deref() {
            Some("module") => module_shape(),
            Some("training") => training_shape(),
            Some(key) => match Kind::parse(key) {
                Some(kind) => SectionShape {
                    own_kind: None,
                    children: Some(kind),
                    is_training: false,
                },
                None => {
                    // Reported with its line when the section itself is typed.
                    SectionShape::default()
                }
            },
            None if dir == "news" => children_shape(Kind::News),
            None if dir == "case-studies" => children_shape(Kind::CaseStudy),
            None if dir == "training" => training_shape(),
            None if parent_shape.is_training => module_shape(),
            None if kind_of_folder(dir) == Some(Kind::Lesson) => module_shape(),
            None => SectionShape {
                own_kind: None,
                children: parent_shape.children,
                is_training: false,
            },
        };
        shapes.insert(dir.clone(), shape);
    }
    shapes
}

fn module_shape() -> SectionShape {
    SectionShape {
        own_kind: Some(Kind::Module),
        children: Some(Kind::Lesson),
        is_training: false,
    }
}

fn training_shape() -> SectionShape {
    SectionShape {
        own_kind: None,
        children: None,
        is_training: true,
    }
}

fn children_shape(kind: Kind) -> SectionShape {
    SectionShape {
        own_kind: None,
        children: Some(kind),
        is_training: false,
    }
}

/// The nearest folder at or above `dir` that has a section.
fn nearest_section<'a, T>(
    mut dir: Option<&'a str>,
    shapes: &HashMap<String, T>,
) -> Option<&'a str> {
    while let Some(d) = dir {
        if shapes.contains_key(d) {
            return Some(d);
        }
        dir = parent_dir(d);
    }
    None
}

/// Types one parsed file: its kind, place, metadata and URL; `None` when it has errors or no
/// URL can be made for it.
fn type_page(
    config: &Config,
    mut raw: Raw,
    shapes: &HashMap<String, SectionShape>,
) -> (Option<Page>, Vec<Diagnostic>) {
    title_home(config, &mut raw);
    let (map, loc) = (&raw.text.map, &raw.text.locator);
    let mut f = Fields::new(&raw.source, loc);
    let found = &raw.found;
    let file_dir = dir_of(&found.rel);
    // A bundle's page lives in its folder's parent section.
    let page_dir = if found.is_bundle {
        parent_dir(file_dir).unwrap_or("")
    } else {
        file_dir
    };
    let place = if found.is_section {
        place_section(map, &mut f, file_dir, shapes)
    } else {
        place_page(map, &mut f, page_dir, shapes)
    };
    let kind = place.kind;
    let mut meta = meta::read(map, &mut f, kind);
    foreign::apply(map, &mut f, &mut meta, &config.taxonomies);
    keys::check(map, &mut f, kind, SiteKeys::of(config));
    let name = page_name(found, file_dir);
    // `2019-03-05-hoi-nghi.md`: the name dates the page when `date:` does not.
    let dated = dated_name(&name).filter(|_| !found.is_section);
    if meta.date.is_none() {
        meta.date = dated.map(|(date, _)| date);
    }
    let name = dated.map_or(name.as_str(), |(_, rest)| rest);
    let path = url_path(config, found, file_dir, page_dir, name, &meta, &mut f);
    let key_lines = key_lines(map, loc);
    let mut diags = f.diags;
    diags.extend(raw.text.warnings);
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let Some(path) = path else {
        return (None, diags);
    };
    let page = Page {
        source: raw.source,
        abs_source: found.abs.clone(),
        lang: found.lang.clone(),
        translation_key: found.key.clone(),
        is_section: found.is_section,
        kind,
        children_kind: place.children_kind,
        is_training: place.is_training,
        dir: file_dir.to_string(),
        parent_section: place.parent_section,
        path,
        meta,
        body: raw.text.body,
        body_line_offset: raw.text.body_line_offset,
        assets: found.assets.clone(),
        key_lines,
    };
    (Some(page), diags)
}

/// A home written without front matter and without a heading is titled like the site.
fn title_home(config: &Config, raw: &mut Raw) {
    let is_home = raw.found.is_section && dir_of(&raw.found.rel).is_empty();
    if is_home && raw.text.map.is_empty() {
        if let Some(lang) = config.languages.iter().find(|l| l.code == raw.found.lang) {
            let title = Value::String(lang.title.clone());
            raw.text.map.insert("title".to_string(), title);
        }
    }
}

/// Where a page or section sits: its kind, its children's kind and its parent section.
struct Place {
    kind: Kind,
    children_kind: Option<Kind>,
    is_training: bool,
    parent_section: Option<String>,
}

/// A section's place: its shape (see [`section_shapes`]) decides its kind; `kind:` is only
/// checked here.
fn place_section(
    map: &Map<String, Value>,
    f: &mut Fields,
    dir: &str,
    shapes: &HashMap<String, SectionShape>,
) -> Place {
    let shape = shapes.get(dir).copied().unwrap_or_default();
    let explicit = f.text(map, &[], "kind");
    if let Some(k) = &explicit {
        if Kind::parse(k).is_none() && k != "training" {
            unknown_kind(f, k);
        }
    }
    Place {
        kind: shape.own_kind.unwrap_or(Kind::Page),
        children_kind: shape.children,
        is_training: shape.is_training,
        parent_section: nearest_section(parent_dir(dir), shapes).map(str::to_string),
    }
}

/// A page's place: its own `kind:`, else the kind its section gives its children, else the
/// kind its folder's name gives.
fn place_page(
    map: &Map<String, Value>,
    f: &mut Fields,
    page_dir: &str,
    shapes: &HashMap<String, SectionShape>,
) -> Place {
    let section = nearest_section(Some(page_dir), shapes);
    let inherited = section
        .and_then(|s| shapes.get(s))
        .and_then(|s| s.children)
        .or_else(|| kind_of_folder(page_dir));
    let kind = match f.text(map, &[], "kind") {
        Some(k) => Kind::parse(&k).unwrap_or_else(|| {
            unknown_kind(f, &k);
            Kind::Page
        }),
        None => inherited.unwrap_or(Kind::Page),
    };
    Place {
        kind,
        children_kind: None,
        is_training: false,
        parent_section: section.map(str::to_string),
    }
}

/// The lines of the keys that later stages warn about.
fn key_lines(map: &Map<String, Value>, loc: &Locator) -> Vec<(&'static str, usize)> {
    const KEYS: [&str; 8] = [
        "payback_months",
        "weight",
        "title",
        "image",
        "aliases",
        "sector",
        "province",
        "tags",
    ];
    // Jekyll's `redirect_from` is read as `aliases` (content/foreign.rs).
    let written_as = |key: &'static str| match key {
        "aliases" if !map.contains_key(key) => foreign::REDIRECT_FROM,
        _ => key,
    };
    KEYS.into_iter()
        .filter(|key| map.contains_key(written_as(key)))
        .filter_map(|key| Some((key, loc.find(&[Seg::Key(written_as(key))])?.0)))
        .collect()
}

/// The kind a folder gives its pages by name alone, for sections without an `_index.md`.
fn kind_of_folder(dir: &str) -> Option<Kind> {
    let mut parts = dir.split('/');
    match (parts.next(), parts.next()) {
        (Some("news"), _) => Some(Kind::News),
        (Some("case-studies"), _) => Some(Kind::CaseStudy),
        (Some("training"), Some(_)) => Some(Kind::Lesson),
        _ => None,
    }
}

fn unknown_kind(f: &mut Fields, value: &str) {
    let d = f.error(Code::E0111, &[Seg::Key("kind")]);
    d.args.push(("value", value.to_string()));
    d.args.push(("known", Kind::KEYS.join(", ")));
}

/// The name a page's slug comes from: a bundle's folder, else the file name without its
/// language and Markdown ending.
fn page_name(found: &Found, file_dir: &str) -> String {
    if found.is_bundle {
        return file_dir.rsplit('/').next().unwrap_or("").to_string();
    }
    let name = found.rel.rsplit('/').next().unwrap_or(&found.rel);
    let stem = discover::markdown_stem(name).unwrap_or(name);
    stem.strip_suffix(&format!(".{}", found.lang))
        .unwrap_or(stem)
        .to_string()
}

/// `2019-03-05-hoi-nghi` -> the date and `hoi-nghi`; `None` unless the name starts with a real
/// date and a dash and has more after it. The month and day may have one digit
/// (`2019-3-5-hoi-nghi`), as Jekyll's post names and front-matter dates may.
fn dated_name(name: &str) -> Option<(crate::date::Date, &str)> {
    let mut parts = name.splitn(4, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let rest = parts.next().filter(|r| !r.is_empty())?;
    // Digits only: `Date::parse` also reads a time, and `2019-03-05T08` names no day.
    let is_digits = [year, month, day]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !is_digits {
        return None;
    }
    let date = crate::date::Date::parse(&format!("{year}-{month}-{day}")).ok()?;
    Some((date, rest))
}

/// The page's URL path: folders and slug folded, under its language prefix.
#[allow(clippy::too_many_arguments)]
fn url_path(
    config: &Config,
    found: &Found,
    file_dir: &str,
    page_dir: &str,
    name: &str,
    meta: &Meta,
    f: &mut Fields,
) -> Option<String> {
    let mut path = config.lang_prefix(&found.lang);
    let dir = if found.is_section { file_dir } else { page_dir };
    for part in dir.split('/').filter(|p| !p.is_empty()) {
        let slug = slugify(part);
        if slug.is_empty() {
            let d = f.error(Code::E0201, &[]);
            d.args.retain(|(n, _)| *n != "key");
            d.args.push(("key", format!("content/{dir}")));
            d.args.push(("value", part.to_string()));
            return None;
        }
        path.push_str(&slug);
        path.push('/');
    }
    if found.is_section {
        return Some(path);
    }
    if let Some(url) = &meta.url {
        return match foreign::site_path(url) {
            Some(site_path) => Some(site_path),
            None => {
                f.error(Code::E0201, &[Seg::Key("url")])
                    .args
                    .push(("value", url.clone()));
                None
            }
        };
    }
    let written = match &meta.slug {
        Some(slug) => {
            if !is_safe_segment(slug) {
                f.error(Code::E0201, &[Seg::Key("slug")])
                    .args
                    .push(("value", slug.clone()));
                return None;
            }
            slug.clone()
        }
        None => name.to_string(),
    };
    let slug = slugify(&written);
    if slug.is_empty() {
        f.error(Code::E0201, &[Seg::Key("slug")])
            .args
            .push(("value", written));
        return None;
    }
    path.push_str(&slug);
    path.push('/');
    if meta.slug.as_deref().is_some_and(|w| w.trim() != slug) {
        // `slug: mkdocs-2.0` is published as `/mkdocs-2-0/`: say so, with the address.
        let d = f.warning(Code::W0360, &[Seg::Key("slug")]);
        d.args.push(("value", written));
        d.args.push(("url", format!("/{path}")));
    }
    Some(path)
}

/// A slug must stay one path segment: no separators, no `..`, not absolute.
pub fn is_safe_segment(slug: &str) -> bool {
    let s = slug.trim();
    !s.is_empty() && !s.contains(['/', '\\']) && !s.contains("..") && !s.starts_with('~')
}

#[cfg(test)]
mod tests {
    use super::dated_name;

    #[test]
    fn file_names_starting_with_a_date_give_it() {
        for (name, date, rest) in [
            ("2019-03-05-hoi-nghi", "2019-03-05", "hoi-nghi"),
            ("2019-3-5-hoi-nghi", "2019-03-05", "hoi-nghi"),
            ("2019-12-5-2-ngay", "2019-12-05", "2-ngay"),
        ] {
            let (d, r) = dated_name(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!((d.iso_date().as_str(), r), (date, rest), "{name}");
        }
        for name in [
            "2019-03-05",
            "2019-03-05-",
            "2019-02-30-hoi-nghi",
            "2019-003-05-hoi-nghi",
            "19-3-5-hoi-nghi",
            "2019-03-05T08-hoi-nghi",
            "2019/03/05-hoi-nghi",
            "hoi-nghi",
        ] {
            assert!(dated_name(name).is_none(), "{name}");
        }
    }
}

#[cfg(test)]
mod front_matter_tests {
    use super::parse_text;
    use serde_json::Value;

    #[test]
    fn empty_front_matter_titles_a_page_as_no_front_matter_does() {
        let title = |source: &str, text: &str| {
            let parsed = parse_text(source, text.to_string()).unwrap();
            parsed
                .map
                .get("title")
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let page = "content/docs/rendering-process.md";
        assert_eq!(
            title(page, "---\n---\nText.\n").as_deref(),
            Some("Rendering process")
        );
        assert_eq!(title(page, "Text.\n").as_deref(), Some("Rendering process"));
        assert_eq!(
            title(page, "---\n---\n# Heading\n").as_deref(),
            Some("Heading")
        );
        // Front matter with keys but no title is still the editor's mistake to be told of.
        assert_eq!(title(page, "---\ndate: 2024-05-17\n---\nText.\n"), None);
    }

    #[test]
    fn the_body_is_the_text_after_the_closing_fence() {
        let body = |text: &str| {
            let parsed = parse_text("content/a.md", text.to_string()).unwrap();
            (parsed.body, parsed.body_line_offset)
        };
        let expected = ("Văn bản.\n\n## Kết quả\n".to_string(), 3);
        assert_eq!(
            body("---\ntitle: A\n---\nVăn bản.\n\n## Kết quả\n"),
            expected
        );
        // A byte-order mark, Windows line ends and blank lines before the opening fence.
        let windows = "\u{feff}\r\n---\r\ntitle: A\r\n---\r\nVăn bản.\r\n\r\n## Kết quả\r\n";
        assert_eq!(body(windows), ("Văn bản.\n\n## Kết quả\n".to_string(), 4));
        assert_eq!(body("---\ntitle: A\n---\n"), (String::new(), 3));
        // Front matter that is most of the file: the body does not keep its room.
        let long = format!(
            "---\ntitle: A\nsummary: {}\n---\nVăn bản.\n",
            "x".repeat(4000)
        );
        let parsed = parse_text("content/a.md", long).unwrap();
        assert_eq!(parsed.body, "Văn bản.\n");
        assert!(parsed.body.capacity() <= 2 * parsed.body.len());
    }
}
