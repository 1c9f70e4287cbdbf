//! Orientation and structured data: the breadcrumb trail of a page (shown as a `nav` and
//! given to search engines as a JSON-LD `BreadcrumbList`) and the JSON-LD that describes the
//! page itself (`Article`, `NewsArticle`, `Course`, `LearningResource`, `WebSite`).

use crate::content::Kind;
use crate::site::Site;
use serde::Serialize;

/// One step of the trail above a page; the home comes first, the page itself last.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Crumb {
    /// What the step is called.
    pub title: String,
    /// Its URL path.
    pub path: String,
}

/// The trail from the home of the page's language to the page `id`, both included; empty for
/// a home. The home step is named after the site (templates may write their own word).
pub fn page_trail(site: &Site, id: usize) -> Vec<Crumb> {
    let page = &site.pages[id];
    if site.homes.contains(&Some(id)) {
        return Vec::new();
    }
    let mut steps = vec![Crumb {
        title: page.meta.title.clone(),
        path: page.path.clone(),
    }];
    let mut at = site.parent[id];
    while let Some(section) = at {
        if site.homes.contains(&Some(section)) {
            break;
        }
        steps.push(Crumb {
            title: site.pages[section].meta.title.clone(),
            path: site.pages[section].path.clone(),
        });
        at = site.parent[section];
    }
    steps.push(home(site, &page.lang));
    steps.reverse();
    steps
}

/// The trail of a generated page: the home, the given steps, then the page itself.
pub fn generated_trail(site: &Site, lang: &str, steps: &[Crumb]) -> Vec<Crumb> {
    let mut trail = vec![home(site, lang)];
    trail.extend(steps.iter().cloned());
    trail
}

fn home(site: &Site, lang: &str) -> Crumb {
    Crumb {
        title: site.config.languages[site.lang_index(lang)].title.clone(),
        path: site.config.lang_prefix(lang),
    }
}

/// The JSON-LD document: schema.org items in one graph. Fields are declared in the order of
/// their names, as JSON-LD readers and the build's byte-for-byte output expect keys sorted.
#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<Item<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Thing(Box<Thing<'a>>),
    Trail(Trail<'a>),
}

/// A page described by its kind (`WebSite`, `Article`, `Course`...).
#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(rename = "isPartOf", skip_serializing_if = "Option::is_none")]
    is_part_of: Option<Named<'a>>,
    name: &'a str,
    #[serde(rename = "potentialAction", skip_serializing_if = "Option::is_none")]
    potential_action: Option<SearchAction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<Named<'a>>,
    url: String,
}

/// An organisation or a course, by name (and address, when it has one).
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct SearchAction {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "query-input")]
    query_input: &'static str,
    target: String,
}

#[derive(Serialize)]
struct Trail<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "itemListElement")]
    items: Vec<TrailItem<'a>>,
}

#[derive(Serialize)]
struct TrailItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    item: String,
    name: &'a str,
    position: usize,
}

/// The JSON-LD of a page: its own description (when its kind has one) and its trail, as the
/// text of a `<script type="application/ld+json">` element.
pub fn json_ld(site: &Site, id: Option<usize>, trail: &[Crumb]) -> String {
    let mut graph: Vec<Item> = Vec::new();
    if let Some(item) = id.and_then(|id| describe(site, id)) {
        graph.push(Item::Thing(Box::new(item)));
    }
    if trail.len() > 1 {
        graph.push(Item::Trail(Trail {
            kind: "BreadcrumbList",
            items: trail
                .iter()
                .enumerate()
                .map(|(i, c)| TrailItem {
                    kind: "ListItem",
                    item: site.style.absolute(&c.path),
                    name: &c.title,
                    position: i + 1,
                })
                .collect(),
        }));
    }
    if graph.is_empty() {
        return String::new();
    }
    let doc = Graph {
        context: "https://schema.org",
        graph,
    };
    script_safe(&serde_json::to_string(&doc).unwrap_or_default())
}

/// The schema.org description of the page `id`, by its kind.
fn describe(site: &Site, id: usize) -> Option<Thing<'_>> {
    let page = &site.pages[id];
    let site_title = site.config.languages[site.lang_index(&page.lang)]
        .title
        .as_str();
    let mut item = Thing {
        kind: "WebSite",
        date_modified: None,
        date_published: None,
        description: None,
        headline: None,
        in_language: &page.lang,
        is_part_of: None,
        name: &page.meta.title,
        potential_action: None,
        provider: None,
        url: site.style.absolute(&page.path),
    };
    if site.homes.contains(&Some(id)) {
        item.name = site_title;
        item.potential_action = site.config.search.then(|| SearchAction {
            kind: "SearchAction",
            query_input: "required name=search_term_string",
            target: format!(
                "{}?q={{search_term_string}}",
                site.style.absolute(&format!("{}search/", page.path))
            ),
        });
        return Some(item);
    }
    item.kind = match (page.kind, page.is_section) {
        (Kind::CaseStudy, false) => "Article",
        (Kind::News, false) => "NewsArticle",
        (Kind::Module, _) => "Course",
        (Kind::Lesson, false) => "LearningResource",
        _ => return None,
    };
    if matches!(item.kind, "Article" | "NewsArticle") {
        item.headline = Some(&page.meta.title);
    }
    item.description = page.meta.summary.as_deref();
    item.date_published = page.meta.date.map(|d| d.iso_date());
    item.date_modified = page.meta.updated.map(|d| d.iso_date());
    if item.kind == "Course" {
        item.provider = Some(Named {
            kind: "Organization",
            name: site_title,
            url: None,
        });
    }
    if item.kind == "LearningResource" {
        item.is_part_of = site.lesson_nav[id].map(|nav| Named {
            kind: "Course",
            name: &site.pages[nav.module].meta.title,
            url: Some(site.style.absolute(&site.pages[nav.module].path)),
        });
    }
    Some(item)
}

/// JSON as the text of a script element: `</script>` and `<!--` may not appear in it.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn script_text_cannot_close_its_element() {
        let text = script_safe(&json!({"name": "</script><!--"}).to_string());
        assert!(!text.contains('<'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "</script><!--");
    }
}
