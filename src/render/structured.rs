//! Orientation and structured data: the breadcrumb trail of a page (shown as a `nav` and
//! given to search engines as a JSON-LD `BreadcrumbList`) and the JSON-LD that describes the
//! page itself (`Article`, `NewsArticle`, `Course`, `LearningResource`, `WebSite`).

use crate::content::Kind;
use crate::site::Site;
use serde::Serialize;
use serde_json::{json, Value};

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

/// The JSON-LD of a page: its own description (when its kind has one) and its trail, as the
/// text of a `<script type="application/ld+json">` element.
pub fn json_ld(site: &Site, id: Option<usize>, trail: &[Crumb]) -> String {
    let mut graph: Vec<Value> = Vec::new();
    if let Some(id) = id {
        if let Some(item) = describe(site, id) {
            graph.push(item);
        }
    }
    if trail.len() > 1 {
        graph.push(json!({
            "@type": "BreadcrumbList",
            "itemListElement": trail.iter().enumerate().map(|(i, c)| json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": c.title,
                "item": site.style.absolute(&c.path),
            })).collect::<Vec<_>>(),
        }));
    }
    if graph.is_empty() {
        return String::new();
    }
    let doc = json!({"@context": "https://schema.org", "@graph": graph});
    script_safe(&doc.to_string())
}

/// The schema.org description of the page `id`, by its kind.
fn describe(site: &Site, id: usize) -> Option<Value> {
    let page = &site.pages[id];
    let url = site.style.absolute(&page.path);
    let li = site.lang_index(&page.lang);
    if site.homes.contains(&Some(id)) {
        let mut item = json!({
            "@type": "WebSite",
            "name": site.config.languages[li].title,
            "url": url,
            "inLanguage": page.lang,
        });
        if site.config.search {
            item["potentialAction"] = json!({
                "@type": "SearchAction",
                "target": format!("{}?q={{search_term_string}}", site.style.absolute(&format!("{}search/", page.path))),
                "query-input": "required name=search_term_string",
            });
        }
        return Some(item);
    }
    let kind = match (page.kind, page.is_section) {
        (Kind::CaseStudy, false) => "Article",
        (Kind::News, false) => "NewsArticle",
        (Kind::Module, _) => "Course",
        (Kind::Lesson, false) => "LearningResource",
        _ => return None,
    };
    let mut item = json!({
        "@type": kind,
        "name": page.meta.title,
        "url": url,
        "inLanguage": page.lang,
    });
    if matches!(kind, "Article" | "NewsArticle") {
        item["headline"] = json!(page.meta.title);
    }
    if let Some(summary) = &page.meta.summary {
        item["description"] = json!(summary);
    }
    if let Some(date) = page.meta.date {
        item["datePublished"] = json!(date.iso_date());
    }
    if let Some(date) = page.meta.updated {
        item["dateModified"] = json!(date.iso_date());
    }
    if kind == "Course" {
        item["provider"] =
            json!({"@type": "Organization", "name": site.config.languages[li].title});
    }
    if kind == "LearningResource" {
        if let Some(nav) = site.lesson_nav[id] {
            item["isPartOf"] = json!({
                "@type": "Course",
                "name": site.pages[nav.module].meta.title,
                "url": site.style.absolute(&site.pages[nav.module].path),
            });
        }
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

    #[test]
    fn script_text_cannot_close_its_element() {
        let text = script_safe(&json!({"name": "</script><!--"}).to_string());
        assert!(!text.contains('<'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "</script><!--");
    }
}
