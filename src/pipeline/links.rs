//! What `check` adds to a build: every reference the output holds must resolve (located back
//! to the Markdown or the template that wrote it), and pages without a translation are listed.

use crate::diagnostics::{Code, Diagnostic, Sink as Diagnostics};
use crate::markdown::{Link, LinkTarget, Rendered};
use crate::render::context;
use crate::render::jobs::Job;
use crate::render::Renderer;
use crate::site::url::percent_decode;
use crate::site::Site;
use crate::verify::{Broken, Problem};
use std::collections::HashMap;

/// Where an output file came from: the job that rendered it.
pub(super) type Origins<'a> = HashMap<&'a str, &'a Job>;

/// Turns the broken references found in the output into diagnostics, located where each was
/// written: the Markdown line and column for a page's own links, else the template.
pub(super) fn report_broken(
    site: &Site,
    rendered: &[Rendered],
    renderer: &Renderer,
    origins: &Origins,
    broken: Vec<Broken>,
    diags: &Diagnostics,
) {
    for b in broken {
        let job = origins.get(b.file.as_str()).copied();
        let page = match job {
            Some(Job::Page(id) | Job::ListPage(id, _)) => Some(*id),
            _ => None,
        };
        if let Some(id) = page {
            if report_in_markdown(&site.pages[id].source, &rendered[id], &b, diags) {
                continue;
            }
        }
        let diag = match job {
            // Files no template renders (static files, the search index) name themselves.
            Some(j) => {
                let template = renderer.template_file(context::template_of(site, j));
                output_diagnostic(&template, &b)
            }
            None => output_diagnostic(&b.file.clone(), &b),
        };
        diags.push(diag);
    }
}

/// Reports broken reference `b` at every place the Markdown of `source` wrote it (each
/// occurrence, not only the first); whether the page's Markdown accounts for it.
fn report_in_markdown(source: &str, r: &Rendered, b: &Broken, diags: &Diagnostics) -> bool {
    let links = written_as(r, &b.url);
    for link in &links {
        // Destinations reported while rendering are not reported twice.
        if link.target != LinkTarget::Reported {
            diags.push(content_diagnostic(source, link, b));
        }
    }
    // A missing lead image (`image:`) was reported where it is written (E0303).
    !links.is_empty() || (r.lead_image.is_some() && b.target == r.lead_image)
}

/// The links of a page that wrote `url` into the HTML: compared percent-decoded too, since the
/// HTML writer encodes what the author wrote (a space in `[a](<no such page>)` as `%20`).
fn written_as<'r>(r: &'r Rendered, url: &str) -> Vec<&'r Link> {
    let decoded = percent_decode(url);
    r.links
        .iter()
        .filter(|l| l.href == url || percent_decode(&l.href) == decoded)
        .collect()
}

/// A broken link written in Markdown (or raw HTML) of `source`.
fn content_diagnostic(source: &str, link: &Link, b: &Broken) -> Diagnostic {
    let at = |code| Diagnostic::error(code, source).at(link.line, link.col);
    match (&b.problem, &link.target) {
        (Problem::NoFragment(anchor, near), _) => with_near(at(Code::E0302), near.as_deref())
            .arg("target", format!("/{}", b.target.as_deref().unwrap_or("")))
            .arg("anchor", anchor),
        (_, LinkTarget::File(_)) => crate::markdown::with_target(at(Code::E0303), &link.dest),
        (_, LinkTarget::Shortcode) => at(Code::E0607).arg("url", &b.url),
        (Problem::WrongCase(near), _) => {
            with_near(at(Code::E0301), Some(near)).arg("target", &link.dest)
        }
        _ => at(Code::E0301).arg("target", &link.dest),
    }
}

/// A broken reference that a template, a feed or a static file wrote into `file`.
fn output_diagnostic(template: &str, b: &Broken) -> Diagnostic {
    match &b.problem {
        Problem::BadXml(line, col, message) => Diagnostic::error(Code::E0308, template)
            .arg("file", &b.file)
            .arg("position", format!("{line}:{col}"))
            .arg("message", message),
        Problem::NoFragment(anchor, near) => {
            with_near(Diagnostic::error(Code::E0307, template), near.as_deref())
                .arg("file", &b.file)
                .arg("url", &b.url)
                .arg("anchor", anchor)
        }
        problem => Diagnostic::error(Code::E0306, template)
            .arg("file", &b.file)
            .arg("url", &b.url)
            .arg("reason", reason(problem)),
    }
}

/// `d` with what a broken reference was most likely meant to be (an anchor, or an address in
/// lower case), for "did you mean" (`suggest`).
fn with_near(d: Diagnostic, near: Option<&str>) -> Diagnostic {
    match near {
        Some(id) => d.arg("suggest", "yes").arg("near", id),
        None => d.arg("suggest", "no"),
    }
}

/// Why a reference cannot work, as the message's selector.
fn reason(problem: &Problem) -> &'static str {
    match problem {
        Problem::FolderWithoutSlash => "folder",
        Problem::OutsideSite => "outside",
        Problem::RootInRelativeBuild => "root",
        _ => "missing",
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
