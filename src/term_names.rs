//! Names of taxonomy terms in each language (`term_translations:` in site.yaml), so that an
//! English page that writes `sector: Phân bón` shows "Fertilizer", both languages' pages share
//! one term, and the language switch of a term page leads to the same term.
//!
//! ```yaml
//! term_translations:
//!   sectors:
//!     Phân bón: { en: Fertilizer }
//! ```

use crate::diagnostics::Code;
use crate::text::slugify;
use crate::yaml::{self, Fields, Seg};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// The names of one term, by language code (the default language's name included).
type Names = BTreeMap<String, String>;

/// Every translated term of the site.
#[derive(Debug, Clone, Default)]
pub struct TermNames {
    /// One entry per term: its taxonomy and its names.
    terms: Vec<(String, Names)>,
    /// `(taxonomy, slug of any of its names)` -> index in `terms`.
    by_slug: HashMap<(String, String), usize>,
}

impl TermNames {
    /// Reads `term_translations:` of site.yaml; `taxonomies` are the site's, `languages` its
    /// language codes with the default one (the language of the keys) first. Problems go to `f`.
    pub fn read(
        map: &Map<String, Value>,
        f: &mut Fields,
        taxonomies: &[String],
        languages: &[String],
    ) -> TermNames {
        let mut names = TermNames::default();
        let Some(value) = map.get("term_translations") else {
            return names;
        };
        let Some(by_taxonomy) = object(value, f, &[Seg::Key("term_translations")]) else {
            return names;
        };
        // Techniques carry their labels in both languages already.
        let named: Vec<String> = taxonomies
            .iter()
            .filter(|t| *t != "techniques")
            .cloned()
            .collect();
        for (taxonomy, terms) in by_taxonomy {
            let at = [Seg::Key("term_translations"), Seg::Key(taxonomy)];
            if !named.contains(taxonomy) {
                unknown(f, &at, taxonomy, &named);
                continue;
            }
            let Some(terms) = object(terms, f, &at) else {
                continue;
            };
            for (term, translations) in terms {
                let at = [at[0], at[1], Seg::Key(term)];
                let Some(translations) = object(translations, f, &at) else {
                    continue;
                };
                let mut term_names = Names::new();
                term_names.insert(languages[0].clone(), term.clone());
                for lang in translations.keys() {
                    if !languages.contains(lang) {
                        unknown(f, &[at[0], at[1], at[2], Seg::Key(lang)], lang, languages);
                    } else if let Some(name) = f.text(translations, &at, lang) {
                        term_names.insert(lang.clone(), name);
                    }
                }
                names.add(taxonomy, term_names);
            }
        }
        names
    }

    fn add(&mut self, taxonomy: &str, term_names: Names) {
        let index = self.terms.len();
        for name in term_names.values() {
            self.by_slug
                .entry((taxonomy.to_string(), slugify(name)))
                .or_insert(index);
        }
        self.terms.push((taxonomy.to_string(), term_names));
    }

    /// Whether the site translates any term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The translated names of the term whose name (in any language) has slug `slug`.
    fn names(&self, taxonomy: &str, slug: &str) -> Option<&Names> {
        let key = (taxonomy.to_string(), slug.to_string());
        self.by_slug.get(&key).map(|&i| &self.terms[i].1)
    }

    /// The name in `lang` of the term written `value` (in any language), when one is given.
    pub fn name_in(&self, taxonomy: &str, value: &str, lang: &str) -> Option<&str> {
        if self.is_empty() {
            return None;
        }
        self.names(taxonomy, &slugify(value))?
            .get(lang)
            .map(String::as_str)
    }

    /// Whether the term with slug `slug` has a name given in `lang`.
    pub fn has_name_in(&self, taxonomy: &str, slug: &str, lang: &str) -> bool {
        self.names(taxonomy, slug)
            .is_some_and(|names| names.contains_key(lang))
    }

    /// The slug in `lang` of the term with slug `slug` (in another language), when its name
    /// in `lang` is given.
    pub fn slug_in(&self, taxonomy: &str, slug: &str, lang: &str) -> Option<String> {
        self.names(taxonomy, slug)?.get(lang).map(|n| slugify(n))
    }
}

fn object<'v>(value: &'v Value, f: &mut Fields, at: &[Seg]) -> Option<&'v Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map),
        Value::Null => None,
        other => {
            f.error(Code::E0116, at)
                .args
                .push(("value", yaml::describe(other)));
            None
        }
    }
}

fn unknown(f: &mut Fields, at: &[Seg], value: &str, known: &[String]) {
    let d = f.error(Code::E0180, at);
    d.args.push(("value", value.to_string()));
    d.args.push(("known", known.join(", ")));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> TermNames {
        let mut n = TermNames::default();
        let mut fertilizer = Names::new();
        fertilizer.insert("vi".into(), "Phân bón".into());
        fertilizer.insert("en".into(), "Fertilizer".into());
        n.add("sectors", fertilizer);
        n
    }

    #[test]
    fn a_term_is_found_by_any_of_its_names_and_named_in_each_language() {
        let n = names();
        assert_eq!(n.name_in("sectors", "Phân bón", "en"), Some("Fertilizer"));
        assert_eq!(n.name_in("sectors", "fertilizer", "vi"), Some("Phân bón"));
        assert_eq!(n.name_in("sectors", "Phân Bón", "en"), Some("Fertilizer"));
        assert_eq!(n.name_in("provinces", "Phân bón", "en"), None);
        assert_eq!(n.name_in("sectors", "Phân bón", "fr"), None);
        assert_eq!(
            n.slug_in("sectors", "phan-bon", "en").as_deref(),
            Some("fertilizer")
        );
        assert!(n.has_name_in("sectors", "phan-bon", "en"));
        assert!(!n.has_name_in("sectors", "giay", "en"));
    }
}
