//! What the dev server keeps of its last build to update one page in milliseconds: when an
//! edit changes only a page's Markdown body (not its front matter, nor the summary that lists
//! show), that page alone is rendered again.

use crate::content::{parse_text, read_meta};
use crate::images::Catalogue;
use crate::markdown::Rendered;
use crate::render::context::{self, LangData, Model};
use crate::render::jobs::Job;
use crate::render::Renderer;
use crate::site::Site;
use std::path::Path;

/// The state of a successful build, ready for single-page updates.
pub struct Snapshot {
    pub(super) site: Site,
    pub(super) rendered: Vec<Rendered>,
    pub(super) summaries: Vec<tera::Value>,
    pub(super) langs: Vec<LangData>,
    pub(super) renderer: Renderer,
    pub(super) images: Catalogue,
    pub(super) live_reload: bool,
}

impl Snapshot {
    /// Renders again the page whose source file is `path`, when only its body changed.
    /// Returns the files to replace, or `None` when the change needs a whole build (front
    /// matter or summary changed, a new problem, a file that is not a page).
    pub fn update_body(&mut self, path: &Path) -> Option<Vec<(String, Vec<u8>)>> {
        let id = self.site.pages.iter().position(|p| p.abs_source == path)?;
        let page = &self.site.pages[id];
        if page.is_section {
            return None;
        }
        let parsed = parse_text(&page.source, std::fs::read_to_string(path).ok()?).ok()?;
        let (meta, diags) = read_meta(&parsed, &page.source, page.kind);
        if !diags.is_empty() || meta != page.meta {
            return None;
        }
        let (rendered, diags) = super::render_page(
            &self.site,
            &self.images,
            page,
            &parsed.body,
            parsed.body_line_offset,
        );
        let summary_shown = page.meta.summary.is_none();
        if !diags.is_empty() || (summary_shown && rendered.summary != self.rendered[id].summary) {
            return None;
        }
        let (body, line_offset) = (parsed.body, parsed.body_line_offset);
        self.rendered[id] = rendered;
        let page = &mut self.site.pages[id];
        page.body = body;
        page.body_line_offset = line_offset;
        let model = Model {
            site: &self.site,
            rendered: &self.rendered,
            summaries: &self.summaries,
            langs: &self.langs,
            live_reload: self.live_reload,
        };
        let (file, html) = context::render(&model, &self.renderer, &Job::Page(id)).ok()?;
        Some(vec![(file, html)])
    }
}
