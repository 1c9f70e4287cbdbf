//! What the dev server keeps of its last build to update one page in milliseconds: when an
//! edit changes a page's body or the front matter it shows (title, summary, figures), but not
//! where the page sits in the site (URL, date, section, terms, order), that page and the pages
//! showing it are rendered again, and nothing else.

use super::Cache;
use crate::content::{parse_text, read_meta, Meta};
use crate::images::Catalogue;
use crate::markdown::Rendered;
use crate::render::context;
use crate::render::jobs;
use crate::render::model::{LangData, Model};
use crate::render::values;
use crate::render::Renderer;
use crate::site::{order, Site};
use std::path::Path;

/// The state of a successful build, ready for single-page updates.
pub struct Snapshot {
    pub(super) site: Site,
    pub(super) rendered: Vec<Rendered>,
    pub(super) summaries: Vec<tera::Value>,
    pub(super) langs: Vec<LangData>,
    pub(super) renderer: Renderer,
    pub(super) images: Catalogue,
    pub(super) files: crate::site::Files,
    pub(super) live_reload: bool,
}

/// What a single-page update did.
#[derive(Debug)]
pub enum Update {
    /// The file was saved without a change the site shows.
    Unchanged,
    /// These files changed. What only a whole build computes (the search index, related
    /// rankings) may lag behind until the next one.
    Files(Vec<(String, Vec<u8>)>),
}

impl Snapshot {
    /// Renders again the page whose source file is `path`, and the pages showing it. Returns
    /// `None` when the change needs a whole build: a section, a file that is not a page, a
    /// new problem, or a change of where the page sits.
    pub fn update_page(&mut self, path: &Path, cache: &Cache) -> Option<Update> {
        let id = self.site.pages.iter().position(|p| p.abs_source == path)?;
        let page = &self.site.pages[id];
        if page.is_section {
            return None;
        }
        let parsed = parse_text(&page.source, std::fs::read_to_string(path).ok()?).ok()?;
        let keys = crate::content::SiteKeys::of(&self.site.config);
        let (meta, diags) = read_meta(&parsed, &page.source, page.kind, keys);
        if !diags.is_empty() || placement(&meta) != placement(&page.meta) {
            return None;
        }
        let stage = super::pages::Stage {
            site: &self.site,
            images: &self.images,
            renderer: &self.renderer,
            files: &self.files,
        };
        let highlighter = cache.highlighter.local();
        let (rendered, diags) = super::render_page(
            stage,
            &highlighter,
            page,
            &parsed.body,
            parsed.body_line_offset,
        );
        if !diags.is_empty() || self.uses_new_file(&rendered, id) {
            return None;
        }
        if meta == page.meta && rendered == self.rendered[id] {
            return Some(Update::Unchanged);
        }
        let title_changed = meta.title != page.meta.title;
        self.site.pages[id].meta = meta;
        self.site.pages[id].body_line_offset = parsed.body_line_offset;
        self.rendered[id] = rendered;
        // Titles order some lists: a new title that moves the page needs a whole build.
        if title_changed && !order_kept(&self.site, id) {
            return None;
        }
        // The page's own summary, and its section's (module totals come from lessons).
        let mut owner = Some(id);
        while let Some(at) = owner {
            let summary = values::summary(&self.site, at, &self.rendered[at]);
            self.summaries[at] = values::to_value(&summary);
            owner = self.site.parent[at];
        }
        // The cards of the page and its section show what changed.
        self.renderer.forget_cached();
        let model = Model {
            site: &self.site,
            rendered: &self.rendered,
            summaries: &self.summaries,
            langs: &self.langs,
            live_reload: self.live_reload,
        };
        let files = jobs::showing(&self.site, id)
            .iter()
            .map(|job| context::render(&model, &self.renderer, job).ok())
            .collect::<Option<Vec<_>>>()?;
        Some(Update::Files(files))
    }
}

impl Snapshot {
    /// Whether `rendered` uses a file of `content/` that page `id` did not use, which only a
    /// whole build publishes.
    fn uses_new_file(&self, rendered: &Rendered, id: usize) -> bool {
        let files = |r: &Rendered| -> Vec<String> {
            r.links
                .iter()
                .filter_map(|l| match &l.target {
                    crate::markdown::LinkTarget::File(p) => Some(p.clone()),
                    _ => None,
                })
                .filter(|p| self.files.on_demand(p).is_some())
                .collect()
        };
        let before = files(&self.rendered[id]);
        files(rendered).iter().any(|p| !before.contains(p))
    }
}

/// The front matter that decides where a page sits (URL, date, section order, terms, related
/// pages, images): everything but what the page and the lists showing it display.
fn placement(meta: &Meta) -> Meta {
    let mut meta = meta.clone();
    meta.title.clear();
    meta.summary = None;
    meta.image_alt = None;
    meta.duration = None;
    meta.objectives.clear();
    meta.quiz.clear();
    // `extra` stays: custom taxonomies are read from it.
    if let Some(case) = meta.case.as_mut() {
        case.company = None;
        case.company_size = None;
        case.investment = None;
        case.savings_per_year = None;
        case.payback_months = None;
        case.metrics.clear();
    }
    meta
}

/// Whether the lists holding page `id` (its section's, its terms') keep their order.
fn order_kept(site: &Site, id: usize) -> bool {
    let sorted = |list: &[usize], sort: fn(&mut [usize], &[crate::content::Page])| {
        let mut again = list.to_vec();
        sort(&mut again, &site.pages);
        again == list
    };
    let section_kept = site.parent[id].is_none_or(|p| sorted(&site.children[p], order::sort));
    section_kept
        && site.taxonomies.iter().flatten().all(|tax| {
            tax.terms
                .iter()
                .filter(|t| t.pages.contains(&id))
                .all(|t| sorted(&t.pages, order::newest_first))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_ignores_what_is_shown_but_not_where_the_page_sits() {
        let meta = Meta {
            title: "Một".to_string(),
            tags: vec!["a".to_string()],
            ..Meta::default()
        };
        let retitled = Meta {
            title: "Hai".to_string(),
            summary: Some("Tóm tắt".to_string()),
            ..meta.clone()
        };
        assert!(placement(&meta) == placement(&retitled));
        let retagged = Meta {
            tags: vec!["b".to_string()],
            ..meta.clone()
        };
        assert!(placement(&meta) != placement(&retagged));
        // Custom taxonomies live in `extra`.
        let mut custom = meta.clone();
        custom
            .extra
            .insert("regions".to_string(), serde_json::json!("Bắc Trung Bộ"));
        assert!(placement(&meta) != placement(&custom));
    }
}
