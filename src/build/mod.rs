//! The whole pipeline, config -> content -> site -> render -> output, as one call that writes
//! into any [`Sink`] (a staging folder for `build`, memory for `serve`, nothing for `check`).

use crate::config::Config;
use crate::content::{self, LoadOptions};
use crate::diagnostics::{Diagnostic, Sink as Diagnostics};
use crate::markdown::{self, LinkTarget, Rendered};
use crate::output::Sink;
use crate::render::context::{self, LangData, Model};
use crate::render::jobs;
use crate::render::{values, Renderer};
use crate::site::{Site, UrlStyle};
use crate::theme::Theme;

mod snapshot;
use rayon::prelude::*;
use serde_json::json;
pub use snapshot::Snapshot;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Mutex;

/// Settings of one build, validated from the command line.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The site root.
    pub root: PathBuf,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
    /// Keep drafts and scheduled pages.
    pub drafts: bool,
    /// Write every internal link relative to its page.
    pub relative_urls: bool,
    /// Inject the live-reload script (dev server).
    pub live_reload: bool,
    /// Check every internal link, anchor and image (`sachhon check`); a build only insists on
    /// `@/` content links, which it must resolve to write the page at all.
    pub check_links: bool,
}

/// What a build produced besides files.
#[derive(Debug, Default)]
pub struct Report {
    /// Content pages rendered (pages and sections of every language).
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Every error and warning.
    pub diagnostics: Vec<Diagnostic>,
    /// Pages missing a translation, per language: (source, language) pairs.
    pub missing_translations: Vec<(String, String)>,
}

impl Report {
    /// Whether the build failed.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Runs the whole pipeline into `sink`. On errors the sink may hold a partial site: callers
/// discard it (the staging folder is never swapped in).
pub fn generate(settings: &Settings, sink: &dyn Sink) -> Report {
    generate_cached(settings, sink, &Cache::default())
}

/// [`generate`], reusing the Markdown renderings of `cache` where pages did not change.
pub fn generate_cached(settings: &Settings, sink: &dyn Sink, cache: &Cache) -> Report {
    generate_snapshot(settings, sink, cache).0
}

/// [`generate_cached`], also keeping, when the build succeeds, what the dev server needs to
/// update a page whose body alone changed.
pub fn generate_snapshot(
    settings: &Settings,
    sink: &dyn Sink,
    cache: &Cache,
) -> (Report, Option<Snapshot>) {
    let mut timer = Timer::new();
    let diags = Diagnostics::new();
    let mut report = Report::default();
    let config = match Config::load(&settings.root, settings.base_url.as_deref()) {
        Ok(c) => c,
        Err(ds) => {
            report.diagnostics = ds;
            return (report, None);
        }
    };
    let theme = Theme::load(&config);
    let now = crate::date::Date::today(0).timestamp(0);
    let (pages, ds) = content::load(
        &config,
        LoadOptions {
            drafts: settings.drafts,
            now,
        },
    );
    diags.extend(ds);
    timer.lap("load content");
    let style = UrlStyle {
        base_url: config.base_url.clone(),
        base_path: config.base_path.clone(),
        relative: settings.relative_urls,
    };
    let (site, ds) = Site::build(config, style.clone(), pages);
    diags.extend(ds);
    timer.lap("site model");
    let theme = match theme {
        Ok(t) => t,
        Err(ds) => {
            diags.extend(ds);
            report.diagnostics = diags.sorted();
            return (report, None);
        }
    };
    let renderer = match Renderer::new(&theme, &style) {
        Ok(r) => r,
        Err(ds) => {
            diags.extend(ds);
            report.diagnostics = diags.sorted();
            return (report, None);
        }
    };
    timer.lap("templates");
    let images = crate::images::catalogue(image_files(&site, &theme));
    timer.lap("image sizes");
    let rendered = render_markdown(&site, &images, &diags, cache);
    timer.lap("markdown");
    let summaries: Vec<tera::Value> = (0..site.pages.len())
        .into_par_iter()
        .map(|id| values::to_value(&values::summary(&site, id, &rendered[id])))
        .collect();
    let langs = lang_data(&site, &theme);
    let model = Model {
        site: &site,
        rendered: &rendered,
        summaries: &summaries,
        langs: &langs,
        live_reload: settings.live_reload,
    };
    timer.lap("summaries");
    let (job_list, ds) = jobs::list(&site);
    diags.extend(ds);
    // The search index needs only the rendered Markdown: build it while pages render.
    let (written, search_files) = rayon::join(
        || render_jobs(&model, &renderer, &job_list, sink, &diags),
        || crate::search::write(&site, &rendered, sink, &diags),
    );
    timer.lap("render, write, index");
    let mut files: HashSet<String> = written.into_iter().flatten().collect();
    files.extend(search_files);
    files.extend(write_static(&site, &theme, sink, &diags));
    let cache_dir = settings.root.join(".sachhon-cache").join("images");
    files.extend(crate::images::write_variants(
        &images, &cache_dir, sink, &diags,
    ));
    timer.lap("static files");
    if settings.check_links {
        check_links(&site, &rendered, &files, &diags);
    }
    report.missing_translations = missing_translations(&site);
    report.pages = site.pages.len();
    report.files = files.len();
    report.diagnostics = diags.sorted();
    let snapshot = (!report.has_errors()).then(|| Snapshot {
        site,
        rendered,
        summaries,
        langs,
        renderer,
        images,
        live_reload: settings.live_reload,
    });
    (report, snapshot)
}

/// Renders every job in parallel, writing each file as soon as it is ready.
fn render_jobs(
    model: &Model,
    renderer: &Renderer,
    job_list: &[jobs::Job],
    sink: &dyn Sink,
    diags: &Diagnostics,
) -> Vec<Option<String>> {
    job_list
        .par_iter()
        .map(|job| match context::render(model, renderer, job) {
            Ok((path, body)) => match sink.write(&path, body.as_bytes()) {
                Ok(()) => Some(path),
                Err(e) => {
                    diags.push(Diagnostic::error("E0503", &path).arg("message", e));
                    None
                }
            },
            Err(d) => {
                diags.push(d);
                None
            }
        })
        .collect()
}

/// Prints how long each stage took when `SACHHON_TIMINGS` is set (for profiling).
struct Timer {
    last: Option<std::time::Instant>,
}

impl Timer {
    fn new() -> Self {
        Timer {
            last: std::env::var_os("SACHHON_TIMINGS").map(|_| std::time::Instant::now()),
        }
    }

    fn lap(&mut self, stage: &str) {
        if let Some(last) = self.last {
            eprintln!("timing: {stage:<18} {:>6} ms", last.elapsed().as_millis());
            self.last = Some(std::time::Instant::now());
        }
    }
}

fn render_markdown(
    site: &Site,
    images: &crate::images::Catalogue,
    diags: &Diagnostics,
    cache: &Cache,
) -> Vec<Rendered> {
    // A page's HTML depends on its body, its place and the URLs its links can reach: when none
    // of these changed since the last build, the last rendering is reused.
    let mut hasher = DefaultHasher::new();
    site.style.relative.hash(&mut hasher);
    site.style.base_url.hash(&mut hasher);
    for page in &site.pages {
        (&page.translation_key, &page.lang, &page.path).hash(&mut hasher);
    }
    let site_key = hasher.finish();
    let previous = std::mem::take(&mut *cache.lock());
    let results: Vec<(u64, Rendered, Vec<Diagnostic>)> = site
        .pages
        .par_iter()
        .map(|page| {
            let mut hasher = DefaultHasher::new();
            (site_key, &page.source, &page.body, page.body_line_offset).hash(&mut hasher);
            let key = hasher.finish();
            if let Some((rendered, ds)) = previous.get(&key) {
                return (key, rendered.clone(), ds.clone());
            }
            let (rendered, ds) = render_page(site, images, page, &page.body, page.body_line_offset);
            (key, rendered, ds)
        })
        .collect();
    let mut next = HashMap::with_capacity(results.len());
    let mut rendered = Vec::with_capacity(results.len());
    for (key, r, ds) in results {
        diags.extend(ds.iter().cloned());
        if cache.enabled {
            next.insert(key, (r.clone(), ds));
        }
        rendered.push(r);
    }
    *cache.lock() = next;
    rendered
}

/// Renders one page's Markdown `body` (which starts `line_offset` lines into its file).
pub(crate) fn render_page(
    site: &Site,
    images: &crate::images::Catalogue,
    page: &crate::content::Page,
    body: &str,
    line_offset: usize,
) -> (Rendered, Vec<Diagnostic>) {
    let resolve = |key: &str| {
        site.resolve(key, &page.lang)
            .map(|id| site.pages[id].path.clone())
    };
    let cx = markdown::Context {
        source: &page.source,
        lang: &page.lang,
        page_path: &page.path,
        content_dir: &page.dir,
        line_offset,
        style: &site.style,
        resolve: &resolve,
        images,
    };
    markdown::render(body, &cx)
}

/// Markdown renderings kept from one build to the next by the dev server, so an edit re-renders
/// only the pages it touched.
#[derive(Debug, Default)]
pub struct Cache {
    enabled: bool,
    markdown: Mutex<HashMap<u64, (Rendered, Vec<Diagnostic>)>>,
}

impl Cache {
    /// A cache that keeps renderings between builds.
    pub fn new() -> Self {
        Cache {
            enabled: true,
            markdown: Mutex::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, (Rendered, Vec<Diagnostic>)>> {
        self.markdown.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn lang_data(site: &Site, theme: &Theme) -> Vec<LangData> {
    let config = &site.config;
    config
        .languages
        .iter()
        .enumerate()
        .map(|(li, lang)| {
            let nav: Vec<serde_json::Value> = match site.homes[li] {
                Some(home) => site.subsections[home]
                    .iter()
                    .chain(site.children[home].iter())
                    .map(|&id| json!({"title": site.pages[id].meta.title, "path": site.pages[id].path}))
                    .collect(),
                None => Vec::new(),
            };
            let languages: Vec<serde_json::Value> = config
                .languages
                .iter()
                .map(|l| json!({"code": l.code, "title": l.title, "path": config.lang_prefix(&l.code)}))
                .collect();
            let site_value = json!({
                "title": lang.title,
                "description": lang.description,
                "lang": lang.code,
                "home": config.lang_prefix(&lang.code),
                "base_url": config.base_url,
                "author": config.author,
                "languages": languages,
                "search": config.search,
                "extra": config.extra,
                "default_language": config.default_language(),
            });
            let strings = theme.strings.get(&lang.code).cloned().unwrap_or_default();
            LangData {
                code: lang.code.clone(),
                site: values::to_value(&site_value),
                strings: values::to_value(&strings),
                nav: values::to_value(&nav),
            }
        })
        .collect()
}

/// The image files of the site on disk, by site path: bundle assets and static files.
fn image_files(site: &Site, theme: &Theme) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for page in &site.pages {
        for asset in &page.assets {
            let name = asset.file_name().map(|n| n.to_string_lossy().to_string());
            if let Some(name) = name.filter(|n| crate::images::is_image(n)) {
                files.push((format!("{}{name}", page.path), asset.clone()));
            }
        }
    }
    for (path, source) in &theme.static_files {
        if let crate::theme::Source::Disk(file) = source {
            if crate::images::is_image(path) {
                files.push((path.clone(), file.clone()));
            }
        }
    }
    files
}

/// Copies theme and site static files, bundle assets and the code stylesheet.
fn write_static(site: &Site, theme: &Theme, sink: &dyn Sink, diags: &Diagnostics) -> Vec<String> {
    let mut written = Vec::new();
    let mut put = |path: String, bytes: std::io::Result<std::borrow::Cow<[u8]>>| match bytes
        .and_then(|b| sink.write(&path, &b))
    {
        Ok(()) => written.push(path),
        Err(e) => diags.push(Diagnostic::error("E0503", &path).arg("message", e)),
    };
    for (path, source) in &theme.static_files {
        put(path.clone(), source.read());
    }
    put(
        "syntax.css".to_string(),
        Ok(std::borrow::Cow::Owned(
            markdown::highlight::stylesheet().into_bytes(),
        )),
    );
    for page in &site.pages {
        for asset in &page.assets {
            let Some(name) = asset.file_name() else {
                continue;
            };
            let path = format!("{}{}", page.path, name.to_string_lossy());
            put(path, std::fs::read(asset).map(std::borrow::Cow::Owned));
        }
    }
    written
}

/// Every internal link must reach a file of the output, and every anchor a heading.
fn check_links(site: &Site, rendered: &[Rendered], files: &HashSet<String>, diags: &Diagnostics) {
    for (id, r) in rendered.iter().enumerate() {
        let page = &site.pages[id];
        for link in &r.links {
            match &link.target {
                LinkTarget::Page { path, anchor } => {
                    let exists = files.contains(&jobs::file_for(path));
                    if !exists {
                        diags.push(
                            Diagnostic::error("E0301", &page.source)
                                .at(link.line, 1)
                                .arg("target", format!("/{path}")),
                        );
                        continue;
                    }
                    if let (Some(anchor), Some(&target)) = (anchor, site.by_path.get(path)) {
                        if !anchor.is_empty()
                            && !rendered[target].anchors.iter().any(|a| a == anchor)
                        {
                            diags.push(
                                Diagnostic::error("E0302", &page.source)
                                    .at(link.line, 1)
                                    .arg("target", format!("/{path}"))
                                    .arg("anchor", anchor),
                            );
                        }
                    }
                }
                LinkTarget::File(path) => {
                    if !files.contains(path) {
                        diags.push(
                            Diagnostic::error("E0303", &page.source)
                                .at(link.line, 1)
                                .arg("target", path),
                        );
                    }
                }
            }
        }
    }
}

/// Pages of the default language without a version in some other language.
fn missing_translations(site: &Site) -> Vec<(String, String)> {
    let default = site.config.default_language();
    let mut missing = Vec::new();
    for (id, page) in site.pages.iter().enumerate() {
        if page.lang != default {
            continue;
        }
        for lang in site.config.languages.iter().skip(1) {
            if !site.translations[id]
                .iter()
                .any(|&t| site.pages[t].lang == lang.code)
            {
                missing.push((page.source.clone(), lang.code.clone()));
            }
        }
    }
    missing
}
