//! Taxonomies (`tags`, `sectors`, `provinces`, `techniques`, or any the site declares) and
//! their terms, per language.

use crate::config::Config;
use crate::content::techniques;
use crate::content::Page;
use crate::diagnostics::Code;
use crate::term_names::TermNames;
use crate::text::{fold, slugify};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;

/// One term of a taxonomy with the pages that carry it.
#[derive(Debug, Clone)]
pub struct Term {
    /// The term as first written (or the technique's label).
    pub name: String,
    /// Folded slug (`det-may`).
    pub slug: String,
    /// URL path of the term page (`sectors/det-may/`).
    pub path: String,
    /// Pages, newest first.
    pub pages: Vec<usize>,
}

/// A taxonomy in one language.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// Its name in site.yaml (`sectors`).
    pub name: String,
    /// URL path of its list page (`sectors/`, `en/sectors/`).
    pub path: String,
    /// Terms sorted by name.
    pub terms: Vec<Term>,
    /// Position in `terms` by slug: summaries look terms up for every page.
    by_slug: HashMap<String, usize>,
}

impl Taxonomy {
    /// The term with this slug.
    pub fn term(&self, slug: &str) -> Option<&Term> {
        self.by_slug.get(slug).map(|&i| &self.terms[i])
    }
}

/// The values a page has for taxonomy `name`: `(display name, slug)` pairs.
pub fn values(names: &TermNames, page: &Page, name: &str) -> Vec<(String, String)> {
    raw_values(page, name)
        .into_iter()
        .filter_map(|v| term_of(names, name, v, &page.lang))
        .collect()
}

/// The values a page has for taxonomy `name` as written (technique keys for `techniques`).
pub fn raw_values<'a>(page: &'a Page, name: &str) -> Vec<&'a str> {
    let case = page.meta.case.as_ref();
    match name {
        "tags" => page.meta.tags.iter().map(String::as_str).collect(),
        "sectors" => case.and_then(|c| c.sector.as_deref()).into_iter().collect(),
        "provinces" => case
            .and_then(|c| c.province.as_deref())
            .into_iter()
            .collect(),
        "techniques" => case
            .map(|c| c.techniques.iter().map(String::as_str).collect())
            .unwrap_or_default(),
        other => match page.meta.extra.get(other) {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        },
    }
}

/// A value of taxonomy `name` as a term in language `lang`: `(display name, slug)`, or `None`
/// when it has no letter or digit. A value that `term_translations` names in `lang` takes
/// that name (`Phân bón` on an English page is `Fertilizer`, slug `fertilizer`).
pub fn term_of(names: &TermNames, name: &str, value: &str, lang: &str) -> Option<(String, String)> {
    let term = if name == "techniques" {
        let label = techniques::label(value, lang).unwrap_or(value);
        (label.to_string(), value.to_string())
    } else {
        let shown = names.name_in(name, value, lang).unwrap_or(value);
        (shown.to_string(), slugify(shown))
    };
    (!term.1.is_empty()).then_some(term)
}

/// Gathers the taxonomies of language `lang`; `rank` orders pages newest first
/// ([`super::order::newest_ranks`]).
pub fn collect(config: &Config, lang: &str, pages: &[Page], rank: &[u32]) -> Vec<Taxonomy> {
    config
        .taxonomies
        .par_iter()
        .map(|name| collect_one(config, lang, name, pages, rank))
        .collect()
}

/// Taxonomy `name` of language `lang`, its terms sorted by name.
fn collect_one(config: &Config, lang: &str, name: &str, pages: &[Page], rank: &[u32]) -> Taxonomy {
    let prefix = config.lang_prefix(lang);
    let tax_slug = slugify(name);
    let mut table = TermTable::default();
    for (id, page) in pages.iter().enumerate() {
        if page.lang != lang || page.is_section {
            continue;
        }
        for value in raw_values(page, name) {
            let at = table.find(value, || {
                let (display, slug) = term_of(&config.term_names, name, value, lang)?;
                Some(Term {
                    path: format!("{prefix}{tax_slug}/{slug}/"),
                    name: display,
                    slug,
                    pages: Vec::new(),
                })
            });
            let Some(term) = at.map(|at| &mut table.terms[at]) else {
                continue;
            };
            if term.pages.last() != Some(&id) {
                term.pages.push(id);
            }
        }
    }
    let mut terms = table.terms;
    for term in &mut terms {
        term.pages.sort_unstable_by_key(|&id| rank[id]);
    }
    terms.sort_by(|a, b| fold(&a.name).cmp(&fold(&b.name)).then(a.slug.cmp(&b.slug)));
    let by_slug = terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.slug.clone(), i))
        .collect();
    Taxonomy {
        name: name.to_string(),
        path: format!("{prefix}{tax_slug}/"),
        terms,
        by_slug,
    }
}

/// The terms of one taxonomy as pages name them: values written alike, or with the same slug,
/// are one term.
#[derive(Default)]
struct TermTable<'p> {
    terms: Vec<Term>,
    by_slug: HashMap<String, usize>,
    /// Values as written: most values were met before.
    seen: HashMap<&'p str, usize>,
}

impl<'p> TermTable<'p> {
    /// The index of the term of `value`, made by `make` when new; `None` when `value` makes
    /// no term.
    fn find(&mut self, value: &'p str, make: impl FnOnce() -> Option<Term>) -> Option<usize> {
        if let Some(&at) = self.seen.get(value) {
            return Some(at);
        }
        let term = make()?;
        let at = match self.by_slug.get(&term.slug) {
            Some(&at) => at,
            None => {
                self.by_slug.insert(term.slug.clone(), self.terms.len());
                self.terms.push(term);
                self.terms.len() - 1
            }
        };
        self.seen.insert(value, at);
        Some(at)
    }
}

/// W0180 for each term of a language other than the default one that carries the very name
/// (as written) of a default-language term without a name of its own in `term_translations`:
/// an English page that copied `sector: Phân bón` from its Vietnamese original. Reported once
/// per term, at the newest of its pages.
pub fn untranslated_terms(
    config: &Config,
    taxonomies: &[Vec<Taxonomy>],
    pages: &[Page],
) -> Vec<crate::diagnostics::Diagnostic> {
    let mut diags = Vec::new();
    let Some(defaults) = taxonomies.first() else {
        return diags;
    };
    for (lang, taxonomies) in config.languages.iter().zip(taxonomies).skip(1) {
        for (tax, default_tax) in taxonomies.iter().zip(defaults) {
            if tax.name == "techniques" {
                continue;
            }
            for term in &tax.terms {
                // `Dong Nai` beside `Đồng Nai` is an English spelling, not a copied name.
                let shared = default_tax
                    .term(&term.slug)
                    .is_some_and(|t| t.name == term.name);
                if !shared
                    || config
                        .term_names
                        .has_name_in(&tax.name, &term.slug, &lang.code)
                {
                    continue;
                }
                let Some(&first) = term.pages.first() else {
                    continue;
                };
                let page = &pages[first];
                let key = match tax.name.as_str() {
                    "sectors" => "sector",
                    "provinces" => "province",
                    other => other,
                };
                diags.push(
                    crate::diagnostics::Diagnostic::warning(Code::W0180, &page.source)
                        .at_opt(page.line_of(key).map(|l| (l, 1)))
                        .arg("taxonomy", &tax.name)
                        .arg("term", &term.name)
                        .arg("lang", &lang.code),
                );
            }
        }
    }
    diags
}
