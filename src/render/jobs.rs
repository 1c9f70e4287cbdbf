//! Every file a build renders, as a list of independent jobs run in parallel.

use super::open_data::Format;
use crate::content::Kind;
use crate::diagnostics::{Code, Diagnostic};
use crate::site::Site;
use std::collections::HashSet;

mod aliases;
use aliases::alias_path;

/// One file to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// A page or a section's first list page.
    Page(usize),
    /// Page `number` (2 and up) of a section list.
    ListPage(usize, usize),
    /// A taxonomy's list of terms: (language index, taxonomy index).
    Taxonomy(usize, usize),
    /// A term page: (language, taxonomy, term, page number).
    Term(usize, usize, usize, usize),
    /// The impact dashboard of a case-study section.
    Dashboard(usize),
    /// The open data of a case-study section (`data.json`, `data.csv`).
    OpenData(usize, super::open_data::Format),
    /// The search page of a language.
    Search(usize),
    /// The not-found page of a language.
    NotFound(usize),
    /// A redirect from an old URL path to a page.
    Alias(String, usize),
    /// The Atom feed of a language (`None`) or of a section.
    Feed(usize, Option<usize>),
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
}

/// How many list pages `n` items make.
pub fn page_count(n: usize, per_page: usize) -> usize {
    n.div_ceil(per_page.max(1)).max(1)
}

/// The URL path of page `number` of a list at `base`.
pub fn list_path(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{number}/")
    }
}

/// The file a URL path is written to (`news/a/` -> `news/a/index.html`).
pub fn file_for(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Whether a section's list is split into pages.
pub fn is_paginated(site: &Site, id: usize) -> bool {
    let page = &site.pages[id];
    page.is_section
        && page.kind != Kind::Module
        && !page.path.is_empty()
        && !page.is_training
        && site.homes.iter().all(|h| *h != Some(id))
}

/// The jobs whose files show something of the regular page `id` (its title, summary,
/// figures), for the dev server to render again when only that page's content changed: the
/// page and its aliases, the list pages of its section and terms that hold it, the pages that
/// show it as related, as a lesson of the same module or as a translation, the home pages,
/// feeds and its section's dashboard. Its place in every list is assumed unchanged.
pub fn showing(site: &Site, id: usize) -> Vec<Job> {
    let per_page = site.config.paginate.max(1);
    let page = &site.pages[id];
    let li = site.lang_index(&page.lang);
    let number_in = |list: &[usize]| list.iter().position(|&i| i == id).map(|p| p / per_page + 1);
    let mut jobs = vec![Job::Page(id)];
    if let Some(parent) = site.parent[id] {
        match number_in(&site.children[parent]) {
            Some(n) if n > 1 && is_paginated(site, parent) => jobs.push(Job::ListPage(parent, n)),
            _ => jobs.push(Job::Page(parent)),
        }
        if is_paginated(site, parent) {
            jobs.push(Job::Feed(li, Some(parent)));
        }
        if site.pages[parent].children_kind == Some(Kind::CaseStudy) {
            jobs.push(Job::Dashboard(parent));
            jobs.push(Job::OpenData(parent, Format::Json));
            jobs.push(Job::OpenData(parent, Format::Csv));
        }
        if site.lesson_nav[id].is_some() {
            // A lesson lists its module's lessons; the training list shows module totals.
            jobs.extend(site.children[parent].iter().map(|&l| Job::Page(l)));
            jobs.extend(site.parent[parent].map(Job::Page));
        }
    }
    jobs.extend(site.homes.iter().flatten().map(|&h| Job::Page(h)));
    jobs.push(Job::Feed(li, None));
    jobs.extend(
        (0..site.pages.len())
            .filter(|&other| site.related[other].contains(&id))
            .map(Job::Page),
    );
    jobs.extend(site.translations[id].iter().map(|&t| Job::Page(t)));
    for (ti, tax) in site.taxonomies[li].iter().enumerate() {
        for (term_i, term) in tax.terms.iter().enumerate() {
            if let Some(n) = number_in(&term.pages) {
                jobs.push(Job::Term(li, ti, term_i, n));
            }
        }
    }
    for alias in &page.meta.aliases {
        jobs.extend(alias_path(alias, &site.config.base_path).map(|path| Job::Alias(path, id)));
    }
    let mut unique = Vec::with_capacity(jobs.len());
    for job in jobs {
        if !unique.contains(&job) {
            unique.push(job);
        }
    }
    unique
}

/// Lists every job of the build. `reserved` holds the output files that are not rendered
/// (static files, bundle assets): an alias may not replace them either. Invalid aliases are
/// reported.
pub fn list(site: &Site, reserved: &HashSet<String>) -> (Vec<Job>, Vec<Diagnostic>) {
    let mut jobs = Vec::new();
    let per_page = site.config.paginate;
    for (id, page) in site.pages.iter().enumerate() {
        jobs.push(Job::Page(id));
        if is_paginated(site, id) {
            for n in 2..=page_count(site.children[id].len(), per_page) {
                jobs.push(Job::ListPage(id, n));
            }
            jobs.push(Job::Feed(site.lang_index(&page.lang), Some(id)));
        }
        if page.is_section && page.children_kind == Some(Kind::CaseStudy) {
            jobs.push(Job::Dashboard(id));
            jobs.push(Job::OpenData(id, Format::Json));
            jobs.push(Job::OpenData(id, Format::Csv));
        }
    }
    for (li, taxonomies) in site.taxonomies.iter().enumerate() {
        // Every language lists every taxonomy, even before it has terms: menus and language
        // switches link there.
        for (ti, tax) in taxonomies.iter().enumerate() {
            jobs.push(Job::Taxonomy(li, ti));
            for (term_i, term) in tax.terms.iter().enumerate() {
                for n in 1..=page_count(term.pages.len(), per_page) {
                    jobs.push(Job::Term(li, ti, term_i, n));
                }
            }
        }
        if site.config.search {
            jobs.push(Job::Search(li));
        }
        jobs.push(Job::NotFound(li));
        jobs.push(Job::Feed(li, None));
    }
    jobs.push(Job::Sitemap);
    jobs.push(Job::Robots);
    let mut diags = generated_clashes(site, &jobs);
    let aliases = aliases::list(site, &jobs, reserved, &mut diags);
    jobs.extend(aliases);
    // Jobs over a whole site or section take many times a page's time: started first, the
    // last of them never leaves one core working alone while the other waits.
    jobs.sort_by_key(|job| !shows_many_pages(job));
    (jobs, diags)
}

/// Whether a job lists every page of a site, language or section (not a page of a list).
fn shows_many_pages(job: &Job) -> bool {
    matches!(
        job,
        Job::Sitemap | Job::Feed(..) | Job::Dashboard(_) | Job::OpenData(..) | Job::Taxonomy(..)
    )
}

/// A content page on the URL of a generated one (`search.md`, a case study named `impact`)
/// would be overwritten without a word: say so.
fn generated_clashes(site: &Site, jobs: &[Job]) -> Vec<Diagnostic> {
    let pages: std::collections::HashMap<String, usize> = site
        .by_path
        .iter()
        .map(|(path, &id)| (file_for(path), id))
        .collect();
    let mut diags = Vec::new();
    for job in jobs.iter().filter(|job| is_generated(job)) {
        let file = output_file(site, job);
        if let Some(&id) = pages.get(&file) {
            let url = file.strip_suffix("index.html").unwrap_or(&file);
            diags.push(
                Diagnostic::error(Code::E0202, &site.pages[id].source)
                    .at_opt(site.pages[id].line_of("title").map(|l| (l, 1)))
                    .arg("url", format!("/{url}"))
                    .arg("other", "(sachhon)"),
            );
        }
    }
    diags
}

/// The file a job writes (`news/a/` -> `news/a/index.html`).
pub fn output_file(site: &Site, job: &Job) -> String {
    let lang = |li: usize| site.config.lang_prefix(&site.config.languages[li].code);
    match job {
        Job::Page(id) => file_for(&site.pages[*id].path),
        Job::ListPage(id, n) => file_for(&list_path(&site.pages[*id].path, *n)),
        Job::Taxonomy(li, ti) => file_for(&site.taxonomies[*li][*ti].path),
        Job::Term(li, ti, term, n) => {
            file_for(&list_path(&site.taxonomies[*li][*ti].terms[*term].path, *n))
        }
        Job::Dashboard(id) => format!("{}impact/index.html", site.pages[*id].path),
        Job::OpenData(id, format) => format!("{}{}", site.pages[*id].path, format.file()),
        Job::Search(li) => format!("{}search/index.html", lang(*li)),
        Job::NotFound(li) => format!("{}404.html", lang(*li)),
        Job::Alias(from, _) => file_for(from),
        Job::Feed(li, section) => match section {
            Some(id) => format!("{}atom.xml", site.pages[*id].path),
            None => format!("{}atom.xml", lang(*li)),
        },
        Job::Sitemap => "sitemap.xml".to_string(),
        Job::Robots => "robots.txt".to_string(),
    }
}

/// Whether `job` writes a page sachhon makes itself on a URL a content page could also have.
fn is_generated(job: &Job) -> bool {
    matches!(
        job,
        Job::ListPage(..)
            | Job::Taxonomy(..)
            | Job::Term(..)
            | Job::Dashboard(_)
            | Job::OpenData(..)
            | Job::Search(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn pagination_covers_every_item_once(n in 0usize..500, per in 1usize..40) {
            let pages = page_count(n, per);
            proptest::prop_assert!(pages >= 1);
            proptest::prop_assert!(pages * per >= n);
            proptest::prop_assert!(n == 0 || (pages - 1) * per < n);
            proptest::prop_assert_eq!(list_path("news/", 1), "news/");
            proptest::prop_assert_eq!(list_path("news/", pages + 1), format!("news/page/{}/", pages + 1));
        }
    }

    #[test]
    fn output_files_of_paths() {
        assert_eq!(file_for(""), "index.html");
        assert_eq!(file_for("news/a/"), "news/a/index.html");
        assert_eq!(file_for("404.html"), "404.html");
    }
}
