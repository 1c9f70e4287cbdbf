//! The stages of one build, each a method of [`Run`]: load, catalogue the files, render the
//! Markdown, render and write every file, and (for `check`) verify what was written.

use super::assets::{self, image_files, write_static};
use super::links::{self, missing_translations, report_broken};
use super::pages::{self, render_markdown, Cache};
use super::timer::Timer;
use super::{failed_sources, generated_home, is_false_w0103, render_jobs, Report, Settings};
use crate::config::Config;
use crate::content::{self, LoadOptions};
use crate::diagnostics::{Code, Diagnostic, Sink as Diagnostics};
use crate::markdown::Rendered;
use crate::output::Sink;
use crate::render::jobs;
use crate::render::model::Model;
use crate::render::Renderer;
use crate::site::{Files, Site, UrlStyle};
use crate::theme::Theme;
use crate::verify::Recorder;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

/// One build's settings, diagnostics and stage timer, with one method per stage.
pub(super) struct Run<'a> {
    pub(super) settings: &'a Settings,
    pub(super) diags: Diagnostics,
    pub(super) timer: Timer,
}

/// What the stages after loading read: the site model, the theme and its templates.
pub(super) struct Inputs {
    pub(super) site: Site,
    pub(super) theme: Theme,
    pub(super) renderer: Renderer,
    /// The content folder's other files (images, PDFs), as content paths.
    content_files: Vec<String>,
    /// The sources that failed to load (see [`failed_sources`]).
    failed: Vec<String>,
    /// The pages left out, by reason.
    pub(super) withheld: content::Withheld,
}

/// What the write stage reads.
pub(super) struct Work<'a> {
    pub(super) model: &'a Model<'a>,
    pub(super) inputs: &'a Inputs,
    pub(super) media: &'a Media,
    /// The content files the pages use (site path -> source).
    pub(super) used: &'a BTreeMap<String, PathBuf>,
    pub(super) job_list: &'a [jobs::Job],
    /// The code blocks highlighted, kept for the next build.
    pub(super) cache: &'a Cache,
}

/// The files a build may publish, and the images among them.
pub(super) struct Media {
    pub(super) files: Files,
    /// Site paths of the files published whatever pages use (static and theme files); the
    /// Markdown stage adds the content files that pages use.
    pub(super) static_paths: HashSet<String>,
    pub(super) images: crate::images::Catalogue,
    /// The images read whole while they were measured, copied from memory.
    contents: crate::images::Contents,
    image_cache: crate::images::Cache,
}

impl Run<'_> {
    /// Config, theme, content and the site model ([`Run::load_site`]), while the code blocks
    /// the last build highlighted are read into `cache` and the image sizes it kept are read
    /// (returned for [`Run::catalogue_media`]).
    pub(super) fn load(
        &mut self,
        cache: &Cache,
    ) -> Result<(Inputs, crate::images::KnownSizes), Vec<Diagnostic>> {
        let highlights = self.highlight_file();
        let image_cache = self.image_cache();
        let (inputs, ((), sizes)) = rayon::join(
            || self.load_site(),
            || {
                rayon::join(
                    || cache.highlighter.load_saved(&highlights),
                    || crate::images::known_sizes(&image_cache),
                )
            },
        );
        inputs.map(|inputs| (inputs, sizes))
    }

    /// Where image sizes and smaller copies are kept from one build to the next. `check`
    /// writes nothing, not even this cache; the dev server keeps it, as it rebuilds often.
    fn image_cache(&self) -> crate::images::Cache {
        crate::images::Cache {
            dir: self.settings.root.join(".sachhon-cache").join("images"),
            save: !self.settings.check_links,
        }
    }

    /// Where highlighted code is kept from one build to the next.
    fn highlight_file(&self) -> PathBuf {
        self.settings
            .root
            .join(".sachhon-cache")
            .join("highlight.json")
    }

    /// Config, theme, content and the site model; `Err` holds the diagnostics of a build that
    /// cannot go on (no config, theme or templates).
    fn load_site(&mut self) -> Result<Inputs, Vec<Diagnostic>> {
        let settings = self.settings;
        let diags = &self.diags;
        let config = Config::load(&settings.root, settings.base_url.as_deref())?;
        let now = crate::date::Date::today(0).timestamp(0);
        let options = LoadOptions {
            drafts: settings.drafts,
            now,
        };
        // The theme lists the site's `static/` folder, thousands of files in a large site.
        let (theme, (loaded, ds)) =
            rayon::join(|| Theme::load(&config), || content::load(&config, options));
        let failed = failed_sources(&ds);
        diags.extend(ds);
        self.timer.lap("load content");
        let style = UrlStyle {
            base_url: config.base_url.clone(),
            base_path: config.base_path.clone(),
            relative: settings.relative_urls,
        };
        let (site, ds) = Site::build(config, style.clone(), loaded.pages, loaded.unpublished);
        diags.extend(ds.into_iter().filter(|d| !is_false_w0103(d, &failed)));
        self.timer.lap("site model");
        let on_failure = |ds: Vec<Diagnostic>| {
            diags.extend(ds);
            diags.sorted()
        };
        let theme = theme.map_err(on_failure)?;
        let renderer = Renderer::new(&theme, &style).map_err(on_failure)?;
        self.timer.lap("templates");
        Ok(Inputs {
            site,
            theme,
            renderer,
            content_files: loaded.files,
            failed,
            withheld: loaded.withheld,
        })
    }

    /// The files a build may publish, and the sizes of the images among them.
    pub(super) fn catalogue_media(
        &mut self,
        inputs: &Inputs,
        known: crate::images::KnownSizes,
    ) -> Media {
        let image_cache = self.image_cache();
        let (site, theme) = (&inputs.site, &inputs.theme);
        let static_paths = assets::static_paths(site, theme);
        let files = Files::new(site, &inputs.content_files, static_paths.clone());
        let list = image_files(site, theme, &files);
        let (images, contents) = crate::images::catalogue(list, &image_cache, known);
        self.timer.lap("image sizes");
        Media {
            files,
            static_paths,
            images,
            contents,
            image_cache,
        }
    }

    /// Every page's Markdown, and the content files the pages use (site path -> source): only
    /// those are published, and only the images among them keep their place in `media`.
    pub(super) fn render_markdown(
        &mut self,
        inputs: &mut Inputs,
        media: &mut Media,
        cache: &Cache,
    ) -> (Vec<Rendered>, BTreeMap<String, PathBuf>) {
        // Nothing reads the Markdown sources after this: each is freed once rendered.
        let bodies = inputs
            .site
            .pages
            .iter_mut()
            .map(|p| std::mem::take(&mut p.body))
            .collect();
        // Links to files that failed to load are not reported again.
        let failed_keys: HashSet<String> = inputs
            .failed
            .iter()
            .filter_map(|p| p.strip_prefix("content/"))
            .map(str::to_string)
            .collect();
        let stage = pages::Stage {
            site: &inputs.site,
            images: &media.images,
            renderer: &inputs.renderer,
            files: &media.files,
        };
        let rendered = render_markdown(stage, bodies, &self.diags, cache, &failed_keys);
        // Files of `content/` are published where pages use them, and only then.
        let used = assets::used_files(&rendered, &media.files);
        let files = &media.files;
        media
            .images
            .retain(|path, _| files.on_demand(path).is_none() || used.contains_key(path));
        media.static_paths.extend(used.keys().cloned());
        self.timer.lap("markdown");
        (rendered, used)
    }

    /// Renders every job and writes it with the search index, the static files, the web
    /// editor and the image variants, and keeps the code the Markdown highlighted for the
    /// next build; returns the path each job wrote, if it did.
    pub(super) fn write(&mut self, work: Work, sink: &dyn Sink) -> Vec<Option<String>> {
        let Work {
            model,
            inputs,
            media,
            used,
            job_list,
            cache,
        } = work;
        let (site, theme, diags) = (&inputs.site, &inputs.theme, &self.diags);
        let highlights = self.highlight_file();
        let highlights = self.settings.keep_caches.then_some(highlights.as_path());
        // The search index needs only the rendered Markdown, the static files nothing rendered:
        // both are written while pages render.
        let (written, ()) = rayon::join(
            || render_jobs(model, &inputs.renderer, job_list, sink, diags),
            || {
                // Copies first: a file written in the build's last moments is read back by
                // the next build instead of trusted by its sums (`Stamp::settled`).
                write_static(site, theme, used, &media.contents, sink, diags);
                crate::search::write(site, model.rendered, sink, diags);
                let stylesheet = theme.static_files.iter().any(|(p, _)| p == "style.css");
                crate::cms::write_admin(&site.config, &site.pages, stylesheet, sink, diags);
                crate::images::write_variants(&media.images, &media.image_cache, sink, diags);
                cache.highlighter.save_used(highlights);
            },
        );
        self.timer.lap("render, write, index, static files");
        written
    }

    /// `check`'s proof that the written site works, and what it reports besides errors.
    pub(super) fn verify(
        &mut self,
        recorder: Recorder,
        inputs: &Inputs,
        rendered: &[Rendered],
        files: &Files,
        origins: &links::Origins,
        report: &mut Report,
    ) {
        let (site, diags) = (&inputs.site, &self.diags);
        let written_files = recorder.into_files();
        let broken = crate::verify::verify(&written_files, &site.style);
        diags.extend(assets::unused_files(
            files,
            &written_files,
            &site.style,
            origins,
        ));
        report_broken(site, rendered, &inputs.renderer, origins, broken, diags);
        report.missing_translations = missing_translations(site);
        if let Some(home) = generated_home(site) {
            diags.push(Diagnostic::warning(Code::W0161, home));
        }
        report.external_links = links::external_links(site, rendered);
        self.timer.lap("verify output");
    }
}
