//! Front-matter keys of other generators (Jekyll, Hugo, Zola): mapped to sachhon's own where
//! sachhon has the same idea, otherwise reported as ignored (W0603, folded to one warning per
//! key per build), never dropped silently.

use super::model::Meta;
use crate::diagnostics::Code;
use crate::yaml::{Fields, Seg};
use serde_json::{Map, Value};

/// Keys sachhon has no equivalent for: kept in `page.extra` for templates, and reported.
const IGNORED: [&str; 16] = [
    "layout",
    "template",
    "author",
    "authors",
    "keywords",
    "cascade",
    "redirect_to",
    "sort_by",
    "hide",
    "icon",
    "status",
    "categories",
    // MkDocs Material: a blog post's related links, social cards, a redirect's target.
    "links",
    "social",
    "location",
    // Zola: a section setting.
    "insert_anchor_links",
];

/// Jekyll's redirect plugin's key, read as `aliases`.
pub(super) const REDIRECT_FROM: &str = "redirect_from";

/// Keys of other generators that sachhon maps or reports (W0603) itself.
const MAPPED: [&str; 8] = [
    REDIRECT_FROM,
    "lastmod",
    "expiryDate",
    "expirydate",
    "expiry_date",
    "url",
    "permalink",
    "taxonomies",
];

/// Whether `key` is another generator's, with a message of its own: not a typo.
pub fn is_foreign(key: &str) -> bool {
    MAPPED.contains(&key) || IGNORED.contains(&key)
}

/// Applies the foreign keys of `map` to `meta`; `taxonomies` are the site's, since
/// `categories` is one when the site declares it.
pub fn apply(map: &Map<String, Value>, f: &mut Fields, meta: &mut Meta, taxonomies: &[String]) {
    // Jekyll's redirect plugin: old addresses of the page.
    meta.aliases.extend(f.text_list(map, &[], REDIRECT_FROM));
    // Hugo's last modification: the update date of feeds and the sitemap.
    if meta.updated.is_none() {
        meta.updated = f.date(map, &[], "lastmod");
    }
    // Hugo's expiry date: not published after it.
    for key in ["expiryDate", "expirydate", "expiry_date"] {
        if meta.expires.is_none() {
            meta.expires = f.date(map, &[], key);
        }
    }
    // Hugo's `url` and a Jekyll page's literal `permalink`: the page's whole path.
    for key in ["url", "permalink"] {
        let Some(path) = f.text(map, &[], key) else {
            continue;
        };
        if path.contains(':') {
            // A Jekyll pattern (`/:year/:title/`): sachhon's own URLs apply.
            ignored(f, key);
        } else if meta.url.is_none() {
            meta.url = Some(path);
        }
    }
    zola_taxonomies(map, f, meta, taxonomies);
    for key in IGNORED {
        let declared = key == "categories" && taxonomies.iter().any(|t| t == key);
        if map.contains_key(key) && !declared {
            ignored(f, key);
        }
    }
    // Zola's `search` is a section setting, not sachhon's yes/no.
    if map
        .get("search")
        .is_some_and(|v| !v.is_boolean() && !v.is_null())
    {
        ignored(f, "search");
    }
}

/// Zola's `[taxonomies]` table: `tags` are tags, a taxonomy the site declares takes its terms;
/// terms of any other are ignored (W0603).
fn zola_taxonomies(map: &Map<String, Value>, f: &mut Fields, meta: &mut Meta, declared: &[String]) {
    let Some(Value::Object(table)) = map.get("taxonomies") else {
        return;
    };
    let at = [Seg::Key("taxonomies")];
    let mut lost = false;
    for (name, values) in table {
        if name == "tags" {
            meta.tags.extend(f.text_list(table, &at, "tags"));
        } else if declared.contains(name) {
            meta.extra
                .entry(name.clone())
                .or_insert_with(|| values.clone());
        } else {
            lost |= values.as_array().is_none_or(|v| !v.is_empty());
        }
    }
    if lost {
        ignored(f, "taxonomies");
    }
}

fn ignored(f: &mut Fields, key: &'static str) {
    f.warning(Code::W0603, &[Seg::Key(key)]);
}

/// A path written in `url:` (`/gioi-thieu/lich-su`) as a site path (`gioi-thieu/lich-su/`), or
/// `None` when it could leave the site (`..`, a scheme, a backslash).
pub fn site_path(written: &str) -> Option<String> {
    let segments: Vec<&str> = written
        .trim()
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let safe = segments
        .iter()
        .all(|s| *s != "." && *s != ".." && !s.contains(['\\', '?', '#']));
    if !safe || written.contains("://") {
        return None;
    }
    if segments.is_empty() {
        return Some(String::new());
    }
    Some(format!("{}/", segments.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths_stay_in_the_site() {
        assert_eq!(
            site_path("/gioi-thieu/lich-su").as_deref(),
            Some("gioi-thieu/lich-su/")
        );
        assert_eq!(site_path("about/").as_deref(), Some("about/"));
        assert_eq!(site_path("/../etc/"), None);
        assert_eq!(site_path("https://x.org/a"), None);
    }
}
