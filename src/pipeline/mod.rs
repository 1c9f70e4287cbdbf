//! The whole pipeline, config -> content -> site -> render -> output, as one call that writes
//! into any [`Sink`] (a staging folder for `build`, memory for `serve`, nothing for `check`).

use crate::diagnostics::{Code, Diagnostic, Sink as Diagnostics};
use crate::markdown::Rendered;
use crate::output::Sink;
use crate::render::context;
use crate::render::jobs;
use crate::render::model::{LangData, Model};
use crate::render::{values, Renderer};
use crate::site::Site;
use crate::theme::Theme;
use std::path::PathBuf;

mod assets;
mod links;
mod pages;
mod snapshot;
mod stages;
mod timer;

pub use pages::Cache;
pub use snapshot::{Snapshot, Update};

use crate::verify::Recorder;
use pages::render_page;
use rayon::prelude::*;
use serde_json::json;
use stages::{Run, Work};
use timer::Timer;

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
    /// Save what makes the next build faster (highlighted code in `.sachhon-cache/`): `build`
    /// does, `check` and the dev server (which renders only what changed) do not.
    pub keep_caches: bool,
}

/// What a build produced besides files.
#[derive(Debug, Default)]
pub struct Report {
    /// Content pages rendered (pages and sections of every language).
    pub pages: usize,
    /// Every error and warning.
    pub diagnostics: Vec<Diagnostic>,
    /// Pages missing a translation, per language: (source, language) pairs (`check` only).
    pub missing_translations: Vec<(String, String)>,
    /// Links to other sites: (source, line, URL), for `check --external` (`check` only).
    pub external_links: Vec<crate::external::External>,
    /// The pages left out (drafts, scheduled, expired), by reason.
    pub withheld: crate::content::Withheld,
}

impl Report {
    /// Whether the build failed.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Runs the whole pipeline into `sink`, for a command that ends once it has reported (`build`,
/// `check`). On errors the sink may hold a partial site: callers discard it (the staging
/// folder is never swapped in).
///
/// What the build made (the site model, every page's HTML, the highlighted code) is left for
/// the system to take back when the process ends: freeing it took 12 ms of a core at the end of
/// a 10,000-page build, while the warnings were written and the output swapped in on the
/// other two.
pub fn generate(settings: &Settings, sink: &dyn Sink) -> Report {
    let cache = Cache::default();
    let (report, snapshot) = generate_snapshot(settings, sink, &cache);
    std::mem::forget((snapshot, cache));
    report
}

/// [`generate`], also keeping, when the build succeeds, what the dev server needs to
/// update a page whose body alone changed.
pub fn generate_snapshot(
    settings: &Settings,
    sink: &dyn Sink,
    cache: &Cache,
) -> (Report, Option<Snapshot>) {
    let mut run = Run {
        settings,
        diags: Diagnostics::new(),
        timer: Timer::new(),
    };
    let mut report = Report::default();
    let (mut inputs, image_sizes) = match run.load(cache) {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            report.diagnostics = diagnostics;
            return (report, None);
        }
    };
    let mut media = run.catalogue_media(&inputs, image_sizes);
    let (rendered, used) = run.render_markdown(&mut inputs, &mut media, cache);
    let (site, static_paths) = (&inputs.site, &media.static_paths);
    // The job list is made on one thread while the others take the page summaries.
    let ((summaries, langs), (job_list, ds)) = rayon::join(
        || (summaries(site, &rendered), lang_data(site, &inputs.theme)),
        || {
            let (job_list, mut ds) = jobs::list(site, static_paths);
            ds.extend(assets::check_lead_images(site, &rendered, static_paths));
            (job_list, ds)
        },
    );
    run.diags.extend(ds);
    let model = Model {
        site,
        rendered: &rendered,
        summaries: &summaries,
        langs: &langs,
        live_reload: settings.live_reload,
    };
    run.timer.lap("summaries and jobs");
    // `check` reads every file as it is written, to prove the output works.
    let recorder = settings.check_links.then(|| Recorder::new(sink));
    let sink: &dyn Sink = match &recorder {
        Some(r) => r,
        None => sink,
    };
    let work = Work {
        model: &model,
        inputs: &inputs,
        media: &media,
        used: &used,
        job_list: &job_list,
        cache,
    };
    let written = run.write(work, sink);
    if let Some(recorder) = recorder {
        let origins: links::Origins = written
            .iter()
            .zip(&job_list)
            .filter_map(|(path, job)| Some((path.as_deref()?, job)))
            .collect();
        run.verify(
            recorder,
            &inputs,
            &rendered,
            &media.files,
            &origins,
            &mut report,
        );
    }
    report.pages = inputs.site.pages.len();
    report.withheld = inputs.withheld;
    report.diagnostics = run.diags.sorted();
    let snapshot = (!report.has_errors()).then(|| Snapshot {
        site: inputs.site,
        rendered,
        summaries,
        langs,
        renderer: inputs.renderer,
        images: media.images,
        files: media.files,
        live_reload: settings.live_reload,
    });
    (report, snapshot)
}

/// Every page's summary as a template value.
fn summaries(site: &Site, rendered: &[Rendered]) -> Vec<tera::Value> {
    (0..site.pages.len())
        .into_par_iter()
        .map(|id| values::to_value(&values::summary(site, id, &rendered[id])))
        .collect()
}

/// The default language's home page, when sachhon made it for want of `content/_index.md`.
fn generated_home(site: &Site) -> Option<String> {
    let home = site.homes.first().copied().flatten()?;
    let page = &site.pages[home];
    (!page.abs_source.is_file()).then(|| page.source.clone())
}

/// The files that failed to load (an error in their front matter): not pages, yet not missing.
fn failed_sources(diags: &[Diagnostic]) -> Vec<String> {
    let mut failed: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.path.clone())
        .collect();
    failed.sort_unstable();
    failed.dedup();
    failed
}

/// W0103 ("no original beside this translation") about `x.en.md` when `x.md` exists but only
/// failed to load: its own error says what to fix, and the warning would send the editor to
/// look for a file that is there.
fn is_false_w0103(d: &Diagnostic, failed: &[String]) -> bool {
    if d.code != Code::W0103 {
        return false;
    }
    let Some(lang) = d.value("lang") else {
        return false;
    };
    ["md", "markdown"].iter().any(|ext| {
        d.path
            .strip_suffix(&format!(".{lang}.{ext}"))
            .is_some_and(|stem| failed.binary_search(&format!("{stem}.{ext}")).is_ok())
    })
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
        // Runs of at most 32 jobs (a few milliseconds): the thread that finishes the static
        // files and search index takes over part of what remains, instead of one thread
        // rendering the last quarter of the site alone.
        .with_max_len(32)
        .map(|job| match context::render(model, renderer, job) {
            Ok((path, body)) => match sink.write(&path, &body) {
                Ok(()) => Some(path),
                Err(e) => {
                    diags.push(Diagnostic::error(Code::E0503, &path).arg("message", e));
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

fn lang_data(site: &Site, theme: &Theme) -> Vec<LangData> {
    let config = &site.config;
    config
        .languages
        .iter()
        .enumerate()
        .map(|(li, lang)| {
            let entries: Vec<usize> = match site.homes[li] {
                Some(home) => site.subsections[home]
                    .iter()
                    .chain(site.children[home].iter())
                    .copied()
                    .collect(),
                None => Vec::new(),
            };
            let nav: Vec<serde_json::Value> = entries
                .iter()
                .map(|&id| json!({"title": site.pages[id].meta.title, "path": site.pages[id].path}))
                .collect();
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
                nav_paths: entries.iter().map(|&id| site.pages[id].path.clone()).collect(),
                taxonomies: site.taxonomies[li]
                    .iter()
                    .map(|tax| values::to_value(&crate::render::taxonomy_value(tax)))
                    .collect(),
            }
        })
        .collect()
}
