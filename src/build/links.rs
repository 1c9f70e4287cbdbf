//! What `check` adds to a build: every internal link, anchor and image must resolve, and
//! pages without a translation are listed.

use crate::diagnostics::{Diagnostic, Sink as Diagnostics};
use crate::markdown::{LinkTarget, Rendered};
use crate::render::jobs;
use crate::site::Site;
use std::collections::HashSet;

/// Every internal link must reach a file of the output, and every anchor a heading.
pub(super) fn check_links(
    site: &Site,
    rendered: &[Rendered],
    files: &HashSet<String>,
    diags: &Diagnostics,
) {
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
                LinkTarget::External(_) => {}
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

/// Every link to another site, with where it is written.
pub(super) fn external_links(site: &Site, rendered: &[Rendered]) -> Vec<crate::external::External> {
    let mut links = Vec::new();
    for (id, r) in rendered.iter().enumerate() {
        for link in &r.links {
            if let LinkTarget::External(url) = &link.target {
                links.push((site.pages[id].source.clone(), link.line, url.clone()));
            }
        }
    }
    links
}

/// Pages of the default language without a version in some other language.
pub(super) fn missing_translations(site: &Site) -> Vec<(String, String)> {
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
