//! The Markdown stage: every page rendered in parallel, reusing the last build's rendering of
//! pages that did not change (dev server).

use crate::diagnostics::{self, Code, Diagnostic, Sink as Diagnostics};
use crate::markdown::{self, Rendered};
use crate::render::Renderer;
use crate::site::Site;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Renders the Markdown `bodies` of every page (in page order), each dropped as soon as it is
/// rendered: a large site never holds all its sources and all their HTML at once.
pub(super) fn render_markdown(
    stage: Stage,
    bodies: Vec<String>,
    diags: &Diagnostics,
    cache: &Cache,
    failed: &HashSet<String>,
) -> Vec<Rendered> {
    let site = stage.site;
    // A page's HTML depends on its body, its place and the URLs its links can reach: when none
    // of these changed since the last build, the last rendering is reused.
    let mut hasher = DefaultHasher::new();
    site.style.relative.hash(&mut hasher);
    site.style.base_url.hash(&mut hasher);
    for page in &site.pages {
        (&page.translation_key, &page.lang, &page.path).hash(&mut hasher);
    }
    // Links to files of `content/` resolve against the files there.
    stage.files.keys().hash(&mut hasher);
    let site_key = hasher.finish();
    let previous = std::mem::take(&mut *cache.lock());
    let results: Vec<(u64, Rendered, Vec<Diagnostic>)> = map_per_thread(
        bodies,
        || cache.highlighter.local(),
        |highlighter, i, body| {
            let page = &site.pages[i];
            // A build without a cache (`build`, `check`) has no use for the key.
            let key = if cache.enabled {
                page_key(site_key, page, &body)
            } else {
                0
            };
            if let Some((rendered, ds)) = previous.get(&key) {
                return (key, rendered.clone(), ds.clone());
            }
            let (rendered, mut ds) =
                render_page(stage, highlighter, page, &body, page.body_line_offset);
            drop_knock_on(&mut ds, &page.dir, failed);
            (key, rendered, ds)
        },
    );
    let mut next = HashMap::with_capacity(results.len());
    let mut rendered = Vec::with_capacity(results.len());
    let mut found = Vec::new();
    for (key, r, ds) in results {
        found.extend(ds.iter().cloned());
        if cache.enabled {
            next.insert(key, (r.clone(), ds));
        }
        rendered.push(r);
    }
    *cache.lock() = next;
    // An unknown code language is said once per build, with the number of its blocks.
    if site.config.markdown.warn_unknown_languages {
        diagnostics::fold_repeats(&mut found, Code::W0105, "lang");
    } else {
        found.retain(|d| d.code != Code::W0105);
    }
    fold_foreign_markdown(&mut found);
    diags.extend(found);
    rendered
}

/// `work` done on every item of `items` (with its index) on every thread of the pool, each
/// thread taking the next item as it is free and making its own state once with `init`; the
/// results in item order, each item dropped once done.
///
/// rayon's `map_init` makes a state for each piece it splits the work into (16 pieces for
/// 10,000 pages on two threads), and the highlighter's state remembers the code lines its
/// thread parsed: one state per thread parses a third fewer lines.
fn map_per_thread<T: Send, S, R: Send>(
    items: Vec<T>,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize, T) -> R + Sync,
) -> Vec<R> {
    let count = items.len();
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, R)>> = rayon::broadcast(|_| {
        let mut state = init();
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = items.get(i) else {
                return done;
            };
            let item = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(item) = item {
                done.push((i, work(&mut state, i, item)));
            }
        }
    });
    let mut results: Vec<Option<R>> = (0..count).map(|_| None).collect();
    for (i, r) in done.into_iter().flatten() {
        results[i] = Some(r);
    }
    results.into_iter().flatten().collect()
}

/// MkDocs Markdown that sachhon does not render (icons, keys, math, attribute lists) is said
/// once per build for each kind, at its first use, with the number of pages using it: a site
/// imported whole would otherwise repeat it on every page. Template syntax of other tools stays
/// at each place, as each must be rewritten.
fn fold_foreign_markdown(found: &mut Vec<Diagnostic>) {
    let is_markdown = |d: &Diagnostic| {
        d.code == Code::W0602
            && d.args.iter().any(|(n, v)| {
                *n == "kind" && matches!(v.as_str(), "icon" | "keys" | "math" | "attributes")
            })
    };
    let (mut markdown, rest): (Vec<Diagnostic>, Vec<Diagnostic>) =
        found.drain(..).partition(is_markdown);
    diagnostics::fold_repeats(&mut markdown, Code::W0602, "kind");
    *found = rest;
    found.extend(markdown);
}

/// What a page's rendering depends on besides the site (`site_key`): its file, body, place in
/// the file and lead image.
fn page_key(site_key: u64, page: &crate::content::Page, body: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    let image = &page.meta.image;
    (site_key, &page.source, body, page.body_line_offset, image).hash(&mut hasher);
    hasher.finish()
}

/// What rendering any page's Markdown needs.
#[derive(Clone, Copy)]
pub(crate) struct Stage<'a> {
    pub site: &'a Site,
    pub images: &'a crate::images::Catalogue,
    pub renderer: &'a Renderer,
    pub files: &'a crate::site::Files,
}

/// Renders one page's Markdown `body` (which starts `line_offset` lines into its file).
pub(crate) fn render_page(
    stage: Stage,
    highlighter: &crate::markdown::highlight::Local,
    page: &crate::content::Page,
    body: &str,
    line_offset: usize,
) -> (Rendered, Vec<Diagnostic>) {
    let Stage {
        site,
        images,
        renderer,
        ..
    } = stage;
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
        raw_html: site.config.markdown.raw_html,
        emoji: site.config.markdown.emoji,
        shortcodes: Some(renderer),
        files: Some(stage.files),
        find_file: &|name: &str| find_file(site, page, name),
        strings: renderer.strings(&page.lang),
        highlighter,
    };
    let (mut rendered, mut diags) = markdown::render(body, &cx);
    rendered.lead_image = page
        .meta
        .image
        .as_deref()
        .and_then(|image| lead_image(stage, page, image));
    // A content link that leads nowhere may lead to a page left out of this build (a draft, a
    // scheduled or an expired page): say so.
    for d in diags.iter_mut().filter(|d| d.code == Code::E0301) {
        if linked_key(d, &page.dir).is_some_and(|k| site.is_unpublished(&k)) {
            d.code = Code::E0304;
        }
    }
    (rendered, diags)
}

/// The site path of a page's `image:`: a file of `content/` from the folder of the page's
/// file (as in the body), else a path from the page's URL, or from the site root with `/`.
fn lead_image(stage: Stage, page: &crate::content::Page, image: &str) -> Option<String> {
    if image.contains("://") || image.starts_with("//") {
        return None;
    }
    let decoded = crate::site::url::percent_decode(image);
    let found = crate::site::url::normalize(&format!("{}/{decoded}", page.dir))
        .filter(|_| !image.starts_with('/'))
        .and_then(|key| stage.files.site_path(&key, &page.lang));
    match found {
        Some(path) => Some(path.to_string()),
        None => crate::render::values::image_path(&page.path, &decoded),
    }
}

/// The content file (`news/a.md`) a link diagnostic names, for `@/` and relative `.md` links.
fn linked_key(d: &Diagnostic, dir: &str) -> Option<String> {
    let target = d.args.iter().find(|(n, _)| *n == "target")?.1.as_str();
    let target = target.split(['#', '?']).next()?;
    let key = match target.strip_prefix("@/") {
        Some(key) => Some(key.to_string()),
        None => crate::site::url::normalize(&format!("{dir}/{target}")),
    }?;
    (!key.split('/').any(|s| s == "..")).then_some(key)
}

/// Drops the link errors that only repeat another error: a link to a file that failed to
/// load (its own errors say why) is not broken once they are fixed.
fn drop_knock_on(diags: &mut Vec<Diagnostic>, dir: &str, failed: &HashSet<String>) {
    if failed.is_empty() {
        return;
    }
    diags.retain(|d| {
        !(matches!(d.code, Code::E0301 | Code::E0304)
            && linked_key(d, dir).is_some_and(|k| failed.contains(&k)))
    });
}

/// A file a shortcode names (`file="rapport.pdf"`): one of the page's bundle, else one of the
/// site's `static/` folder: its site path and size.
fn find_file(site: &Site, page: &crate::content::Page, name: &str) -> Option<(String, u64)> {
    let size = |path: &std::path::Path| std::fs::metadata(path).ok().map(|m| m.len());
    let bundled = page
        .assets
        .iter()
        .find(|a| a.file_name().is_some_and(|n| n.to_string_lossy() == name));
    if let Some(asset) = bundled {
        return Some((format!("{}{name}", page.path), size(asset)?));
    }
    let rel = name.trim_start_matches('/');
    let safe = !rel.is_empty() && !rel.split('/').any(|s| s == ".." || s.contains('\\'));
    let path = site.config.root.join("static").join(rel);
    (safe && path.is_file()).then(|| Some((rel.to_string(), size(&path)?)))?
}

/// Markdown renderings kept from one build to the next by the dev server, so an edit re-renders
/// only the pages it touched.
#[derive(Debug, Default)]
pub struct Cache {
    enabled: bool,
    markdown: Mutex<HashMap<u64, (Rendered, Vec<Diagnostic>)>>,
    /// Highlighted code blocks, kept as long as the cache.
    pub(crate) highlighter: crate::markdown::highlight::Highlighter,
}

impl Cache {
    /// A cache that keeps renderings between builds.
    pub fn new() -> Self {
        Cache {
            enabled: true,
            markdown: Mutex::default(),
            highlighter: Default::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, (Rendered, Vec<Diagnostic>)>> {
        self.markdown.lock().unwrap_or_else(|e| e.into_inner())
    }
}
