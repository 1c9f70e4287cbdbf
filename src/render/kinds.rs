//! What each kind of page adds to its template context: lessons and related pages, section
//! lists with their paginator, the home page's latest items and dashboard, taxonomies.

use super::dashboard;
use super::jobs::{is_paginated, list_path, page_count};
use super::model::Model;
use crate::content::Kind;
use serde::Serialize;
use serde_json::json;
use tera::{Context, Value};

/// Where a list page sits among its siblings.
#[derive(Serialize)]
pub(super) struct Paginator {
    number: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

/// A link to one list page.
#[derive(Serialize)]
struct PageLink {
    number: usize,
    path: String,
    /// Whether page numbers are left out before this one.
    gap_before: bool,
}

/// How many list pages on each side of the current one get a link of their own.
const PAGE_WINDOW: usize = 2;

/// The paginator of page `number` of `total` of the list at `base`. It links the first and
/// last pages and those near the current one: a list of thousands of pages must not link
/// every page from every page (that would grow with the square of the site).
pub(super) fn paginator(base: &str, number: usize, total: usize) -> Paginator {
    let near = number.saturating_sub(PAGE_WINDOW).max(1)..=(number + PAGE_WINDOW).min(total);
    let mut shown: Vec<usize> = std::iter::once(1)
        .chain(near)
        .chain(std::iter::once(total))
        .collect();
    shown.dedup();
    Paginator {
        number,
        total,
        prev: (number > 1).then(|| list_path(base, number - 1)),
        next: (number < total).then(|| list_path(base, number + 1)),
        pages: shown
            .iter()
            .enumerate()
            .map(|(i, &n)| PageLink {
                number: n,
                path: list_path(base, n),
                gap_before: i > 0 && n > shown[i - 1] + 1,
            })
            .collect(),
    }
}

/// A taxonomy with its terms, as templates see it.
pub fn taxonomy_value(tax: &crate::site::Taxonomy) -> serde_json::Value {
    let max = tax
        .terms
        .iter()
        .map(|t| t.pages.len())
        .max()
        .unwrap_or(1)
        .max(1);
    json!({
        "name": tax.name,
        "path": tax.path,
        "terms": tax.terms.iter().map(|t| json!({
            "name": t.name, "slug": t.slug, "path": t.path, "count": t.pages.len(),
            "bar": (t.pages.len() * 100) / max,
        })).collect::<Vec<_>>(),
    })
}

pub(super) fn page_context(model: &Model, id: usize, cx: &mut Context) {
    let site = model.site;
    cx.insert_value("related", model.summaries_of(&site.related[id]));
    if let Some(nav) = site.lesson_nav[id] {
        let lessons = &site.children[nav.module];
        let lang = &site.pages[id].lang;
        // "Bài 2/5", "Lesson 2 of 5": worded by the theme's strings, not assembled from words.
        let label = model
            .text(lang, "lesson_position")
            .replace("{position}", &nav.position.to_string())
            .replace("{total}", &nav.total.to_string());
        cx.insert(
            "lesson",
            &json!({"position": nav.position, "total": nav.total, "label": label}),
        );
        cx.insert_value("module", model.summaries[nav.module].clone());
        cx.insert("module_objectives", &site.pages[nav.module].meta.objectives);
        cx.insert_value("lessons", model.summaries_of(lessons));
        if let Some(p) = nav.prev {
            cx.insert_value("prev", model.summaries[p].clone());
        }
        if let Some(n) = nav.next {
            cx.insert_value("next", model.summaries[n].clone());
        }
    }
}

pub(super) fn section_context(model: &Model, id: usize, number: usize, cx: &mut Context) {
    let site = model.site;
    let children = &site.children[id];
    let page = &site.pages[id];
    let ids: Vec<usize> = if is_paginated(site, id) {
        let per_page = site.config.paginate;
        let total = page_count(children.len(), per_page);
        cx.insert("paginator", &paginator(&page.path, number, total));
        children
            .iter()
            .skip((number - 1) * per_page)
            .take(per_page)
            .copied()
            .collect()
    } else {
        children.clone()
    };
    cx.insert_value("pages", model.summaries_of(&ids));
    cx.insert_value("subsections", model.summaries_of(&site.subsections[id]));
    if page.kind == Kind::Module {
        let minutes: f64 = children
            .iter()
            .filter_map(|&c| site.pages[c].meta.duration)
            .sum();
        cx.insert(
            "total_duration",
            &crate::locale::format_number(minutes, 0, &page.lang),
        );
    }
    if page.children_kind == Some(Kind::CaseStudy) {
        cx.insert("dashboard_path", &format!("{}impact/", page.path));
        cx.insert("data_path", &page.path);
        cx.insert_value("case_filters", case_filters(model, &page.lang));
        cx.insert("case_count", &children.len().to_string());
    }
    if is_paginated(site, id) {
        cx.insert("feed_path", &format!("{}atom.xml", page.path));
    }
}

/// The taxonomies a case-study list filters by, as URL query names.
pub(super) const CASE_FILTERS: [&str; 3] = ["sectors", "provinces", "techniques"];

/// The taxonomies of [`CASE_FILTERS`] the site declares, each with its terms in `lang`: the
/// list links them (without JavaScript) and offers them as filters (with it). Made from the
/// taxonomy values every term page already shares, so a list page adds no pass over the site.
fn case_filters(model: &Model, lang: &str) -> Value {
    let site = model.site;
    let taxonomies = &model.lang(lang).taxonomies;
    Value::from(
        CASE_FILTERS
            .iter()
            .filter_map(|name| {
                let ti = site.config.taxonomies.iter().position(|t| t == name)?;
                taxonomies.get(ti).cloned()
            })
            .collect::<Vec<_>>(),
    )
}

pub(super) fn home_context(model: &Model, id: usize, cx: &mut Context) {
    let site = model.site;
    let lang = &site.pages[id].lang;
    let news = site.pages_of_kind(lang, Kind::News);
    let cases = site.pages_of_kind(lang, Kind::CaseStudy);
    cx.insert_value(
        "latest_news",
        model.summaries_of(&news[..news.len().min(3)]),
    );
    cx.insert_value(
        "latest_cases",
        model.summaries_of(&cases[..cases.len().min(6)]),
    );
    cx.insert_value("subsections", model.summaries_of(&site.subsections[id]));
    let case_section = site.subsections[id]
        .iter()
        .copied()
        .find(|&s| site.pages[s].children_kind == Some(Kind::CaseStudy));
    if let Some(section) = case_section {
        cx.insert("dashboard", &dashboard::build(site, section));
        cx.insert(
            "dashboard_path",
            &format!("{}impact/", site.pages[section].path),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(number: usize, total: usize) -> Vec<(usize, bool)> {
        paginator("news/", number, total)
            .pages
            .iter()
            .map(|p| (p.number, p.gap_before))
            .collect()
    }

    #[test]
    fn paginator_links_the_ends_and_the_pages_near_the_current_one() {
        assert_eq!(shown(1, 3), [(1, false), (2, false), (3, false)]);
        assert_eq!(
            shown(50, 3000),
            [
                (1, false),
                (48, true),
                (49, false),
                (50, false),
                (51, false),
                (52, false),
                (3000, true)
            ]
        );
        assert_eq!(shown(3000, 3000).len(), 4);
        let first = paginator("news/", 1, 1);
        assert_eq!(first.pages.len(), 1);
        assert_eq!(first.pages[0].path, "news/");
    }
}
