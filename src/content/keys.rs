//! Front-matter keys that nothing reads. A typo (`sumary:`) would otherwise land silently in
//! `page.extra` while the page loses its summary, so each such key is a warning (W0170) with
//! the nearest known key as a suggestion, unless the site declares it (`extra_keys:` in
//! site.yaml) or it sits under `extra:`. Keys of other generators keep their own message
//! (W0603, `foreign`).

use super::{foreign, meta, Kind};
use crate::config::{Config, ExtraKeys};
use crate::diagnostics::{Code, Diagnostic};
use crate::yaml::{Fields, Seg};
use serde_json::{Map, Value};

/// What a site adds to the keys sachhon knows: its taxonomies and its declared extra keys.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteKeys<'a> {
    /// Taxonomy names of site.yaml (a page lists its terms under the taxonomy's name).
    pub taxonomies: &'a [String],
    /// `extra_keys:` of site.yaml.
    pub extra_keys: &'a [ExtraKeys],
}

impl<'a> SiteKeys<'a> {
    /// The keys `config` adds.
    pub fn of(config: &'a Config) -> Self {
        SiteKeys {
            taxonomies: &config.taxonomies,
            extra_keys: &config.extra_keys,
        }
    }

    fn declares(&self, kind: Kind, key: &str) -> bool {
        self.taxonomies.iter().any(|t| t == key)
            || self
                .extra_keys
                .iter()
                .filter(|e| e.kind == kind.key() || e.kind == "all")
                .any(|e| e.keys.iter().any(|k| k == key))
    }
}

/// E0111 for each kind of `extra_keys:` in site.yaml that is no kind of page.
pub fn check_declared_kinds(config: &Config) -> Vec<Diagnostic> {
    let mut known = Kind::KEYS.to_vec();
    known.push("all");
    config
        .extra_keys
        .iter()
        .filter(|e| !known.contains(&e.kind.as_str()))
        .map(|e| {
            Diagnostic::error(Code::E0111, crate::config::CONFIG_FILE)
                .at_opt(e.at)
                .arg("key", format!("extra_keys.{}", e.kind))
                .arg("value", &e.kind)
                .arg("known", known.join(", "))
        })
        .collect()
}

/// Warns about every top-level key of `map` that no kind of page reads and the site does not
/// declare. Cheap: a few comparisons per key; the suggestion is only sought for an unknown one.
pub fn check(map: &Map<String, Value>, f: &mut Fields, kind: Kind, site: SiteKeys) {
    for key in map.keys() {
        let known = meta::is_known(key) || foreign::is_foreign(key) || key == "extra";
        if !known && !site.declares(kind, key) {
            unknown(f, &[Seg::Key(key)], key, meta::ALL_KEYS, "top");
        }
    }
}

/// Warns about every key of a list item or a nested mapping (`metrics[2]`, `investment`) that
/// is not one of `known`.
pub fn check_nested(m: &Map<String, Value>, f: &mut Fields, at: &[Seg], known: &[&str]) {
    for key in m.keys() {
        if !known.contains(&key.as_str()) {
            let mut segs = at.to_vec();
            segs.push(Seg::Key(key));
            unknown(f, &segs, key, known, "nested");
        }
    }
}

fn unknown(f: &mut Fields, segs: &[Seg], key: &str, candidates: &[&str], form: &str) {
    let suggestion = nearest(key, candidates).unwrap_or("none");
    let d = f.warning(Code::W0170, segs);
    d.args.push(("suggestion", suggestion.to_string()));
    d.args.push(("form", form.to_string()));
}

/// The known key closest to `written` by edit distance, when it is close enough to be a typo:
/// `sumary` -> `summary`, `Title` -> `title`, `image-alt` -> `image_alt`.
pub fn nearest<'k>(written: &str, candidates: &[&'k str]) -> Option<&'k str> {
    let fold = |s: &str| s.to_lowercase().replace(['-', ' '], "_");
    let folded = fold(written);
    let budget = match folded.chars().count() {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&folded, &fold(c)), *c))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_the_key_meant() {
        assert_eq!(nearest("sumary", meta::ALL_KEYS), Some("summary"));
        assert_eq!(nearest("Title", meta::ALL_KEYS), Some("title"));
        assert_eq!(nearest("image-alt", meta::ALL_KEYS), Some("image_alt"));
        assert_eq!(nearest("techniqes", meta::ALL_KEYS), Some("techniques"));
        assert_eq!(nearest("nguoi_viet", meta::ALL_KEYS), None);
    }

    #[test]
    fn declared_and_extra_keys_are_quiet() {
        let src = "title: A\nsumary: x\nnguon: y\nextra: { z: 1 }\nlayout: post\n";
        let v = crate::yaml::parse(src).unwrap();
        let loc = crate::yaml::Locator::new(src, 1);
        let mut f = Fields::new("a.md", &loc);
        let declared = [ExtraKeys {
            kind: "news".to_string(),
            keys: vec!["nguon".to_string()],
            at: None,
        }];
        let site = SiteKeys {
            taxonomies: &[],
            extra_keys: &declared,
        };
        check(v.as_object().unwrap(), &mut f, Kind::News, site);
        assert_eq!(f.diags.len(), 1, "{:?}", f.diags);
        assert_eq!((f.diags[0].code, f.diags[0].line), (Code::W0170, Some(3)));
        assert!(f.diags[0]
            .args
            .contains(&("suggestion", "summary".to_string())));
    }
}
