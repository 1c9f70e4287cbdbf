//! The language switch: for each language of the site, where a reader of this page goes.
//! A translation when there is one; else that language's nearest existing ancestor (the
//! section's translation, then the home), so the switch never leads to a missing page.

use crate::site::Site;
use serde::Serialize;

/// A version of the page in one language, for the switcher and hreflang links.
#[derive(Serialize)]
pub(super) struct Alternate {
    pub lang: String,
    pub path: String,
    pub title: String,
    /// A true translation of the page (hreflang links name only these), not a fallback.
    pub exact: bool,
}

/// The page `id` and its translations, in the configured language order.
pub(super) fn translations(site: &Site, id: usize) -> Vec<Alternate> {
    let mut ids = vec![id];
    ids.extend(site.translations[id].iter().copied());
    ids.sort_by_key(|&i| site.lang_index(&site.pages[i].lang));
    ids.into_iter()
        .map(|i| Alternate {
            lang: site.pages[i].lang.clone(),
            path: site.pages[i].path.clone(),
            title: site.pages[i].meta.title.clone(),
            exact: true,
        })
        .collect()
}

/// Every language's place for the page `id`: its translation or its nearest ancestor's.
pub(super) fn for_page(site: &Site, id: usize) -> Vec<Alternate> {
    let exact = translations(site, id);
    site.config
        .languages
        .iter()
        .filter_map(|lang| {
            if let Some(a) = exact.iter().find(|a| a.lang == lang.code) {
                return Some(Alternate { ..clone(a) });
            }
            let ancestor = ancestor_in(site, id, &lang.code)?;
            Some(Alternate {
                lang: lang.code.clone(),
                path: site.pages[ancestor].path.clone(),
                title: lang.title.clone(),
                exact: false,
            })
        })
        .collect()
}

/// The nearest section above `id` that exists in `lang`, else that language's home.
fn ancestor_in(site: &Site, id: usize, lang: &str) -> Option<usize> {
    let mut at = site.parent[id];
    while let Some(section) = at {
        let key = (
            site.pages[section].translation_key.clone(),
            lang.to_string(),
        );
        if let Some(&found) = site.by_key.get(&key) {
            return Some(found);
        }
        at = site.parent[section];
    }
    site.homes[site.lang_index(lang)]
}

/// Every language's place for a term page: the same term (under its name in that language
/// when `term_translations` gives one, `Phân bón` -> `Fertilizer`), else that language's list
/// of the taxonomy.
pub(super) fn for_term(site: &Site, ti: usize, slug: &str) -> Vec<Alternate> {
    let names = &site.config.term_names;
    site.config
        .languages
        .iter()
        .enumerate()
        .filter_map(|(li, lang)| {
            let tax = site.taxonomies[li].get(ti)?;
            let translated = names.slug_in(&tax.name, slug, &lang.code);
            let term = translated
                .and_then(|s| tax.term(&s))
                .or_else(|| tax.term(slug));
            let (path, exact) = match term {
                Some(term) => (term.path.clone(), true),
                None => (tax.path.clone(), false),
            };
            Some(Alternate {
                lang: lang.code.clone(),
                path,
                title: lang.title.clone(),
                exact,
            })
        })
        .collect()
}

/// A copy of `a`.
pub(super) fn clone(a: &Alternate) -> Alternate {
    Alternate {
        lang: a.lang.clone(),
        path: a.path.clone(),
        title: a.title.clone(),
        exact: a.exact,
    }
}
