//! Building one language's search index: tokens, weighted postings, facets, shards.

use super::terms::score_terms;
use crate::content::Kind;
use crate::markdown::Rendered;
use crate::site::Site;
use crate::text::truncate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Documents per `d-<n>.js` chunk.
pub const CHUNK: usize = 64;
/// A body-only term in more than this share of documents says nothing about any of them.
const COMMON_SHARE: f64 = 0.5;
/// A term in more than this share of documents keeps only its strong postings (title,
/// summary, headings, facets): in Vietnamese, common syllables would otherwise make up most
/// of the index. The browser treats such terms as optional in a query.
const PARTIAL_SHARE: f64 = 0.25;

/// A term's documents with their scores, by ascending document id.
type Postings = Vec<(u32, u8)>;

/// One document as the index keeps it.
struct Doc {
    title: String,
    path: String,
    kind: &'static str,
    date: String,
    summary: String,
    facets: [i64; 4],
    techniques: u32,
}

/// The index of one language, ready to be written.
pub struct Index {
    lang: String,
    docs: Vec<Doc>,
    postings: BTreeMap<String, Postings>,
    stop: Vec<String>,
    partial: Vec<String>,
    dictionaries: [Vec<String>; 4],
    technique_labels: Vec<String>,
    technique_keys: Vec<String>,
    shard_len: usize,
}

impl Index {
    /// Indexes the searchable pages of `lang` (no drafts, no `search: false`, no list pages).
    pub fn build(site: &Site, rendered: &[Rendered], lang: &str) -> Index {
        let mut ids: Vec<usize> = site
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.lang == lang
                    && p.meta.search
                    && !p.meta.draft
                    && (!p.is_section || p.kind == Kind::Module)
            })
            .map(|(id, _)| id)
            .collect();
        crate::site::order_newest(&mut ids, &site.pages);
        let mut dict: [BTreeSet<String>; 4] = Default::default();
        let mut techniques: BTreeSet<String> = BTreeSet::new();
        for &id in &ids {
            let page = &site.pages[id];
            dict[0].insert(page.kind.key().to_string());
            if let Some(case) = &page.meta.case {
                dict[1].extend(case.sector.clone());
                dict[2].extend(case.province.clone());
                techniques.extend(case.techniques.iter().cloned());
            }
            if let Some(year) = year_of(site, id) {
                dict[3].insert(year.to_string());
            }
        }
        let dictionaries: [Vec<String>; 4] = dict.map(|d| d.into_iter().collect());
        let technique_keys: Vec<String> = techniques.into_iter().collect();
        let find = |d: &[String], v: &str| d.iter().position(|x| x == v).map_or(-1, |i| i as i64);
        // Scoring each document is independent: do it in parallel, then merge in order.
        let scored: Vec<Vec<(String, u8, bool)>> = ids
            .par_iter()
            .map(|&id| score_terms(site, &rendered[id], id))
            .collect();
        let mut postings: FxHashMap<String, Postings> = FxHashMap::default();
        let mut body_only: FxHashMap<String, usize> = FxHashMap::default();
        let mut docs = Vec::with_capacity(ids.len());
        for (doc_id, (&id, terms)) in ids.iter().zip(scored).enumerate() {
            let page = &site.pages[id];
            let r = &rendered[id];
            for (t, score, only_in_body) in terms {
                if only_in_body {
                    match body_only.get_mut(&t) {
                        Some(n) => *n += 1,
                        None => {
                            body_only.insert(t.clone(), 1);
                        }
                    }
                }
                match postings.get_mut(&t) {
                    Some(list) => list.push((doc_id as u32, score)),
                    None => {
                        postings.insert(t, vec![(doc_id as u32, score)]);
                    }
                }
            }
            let summary = page.meta.summary.as_deref().unwrap_or(&r.summary);
            let case = page.meta.case.as_ref();
            let mut mask = 0u32;
            for t in case.map(|c| c.techniques.as_slice()).unwrap_or_default() {
                if let Some(i) = technique_keys.iter().position(|k| k == t) {
                    mask |= 1 << i;
                }
            }
            docs.push(Doc {
                title: page.meta.title.clone(),
                path: page.path.clone(),
                kind: page.kind.key(),
                date: page.meta.date.map(|d| d.display(lang)).unwrap_or_default(),
                summary: truncate(summary, 160),
                facets: [
                    find(&dictionaries[0], page.kind.key()),
                    case.and_then(|c| c.sector.as_deref())
                        .map_or(-1, |s| find(&dictionaries[1], s)),
                    case.and_then(|c| c.province.as_deref())
                        .map_or(-1, |s| find(&dictionaries[2], s)),
                    year_of(site, id).map_or(-1, |y| find(&dictionaries[3], &y.to_string())),
                ],
                techniques: mask,
            });
        }
        // Terms found in the bodies of most documents only match everything: drop them, and
        // tell the browser so a query with them ignores them instead of finding nothing.
        let limit = (docs.len() as f64 * COMMON_SHARE).max(20.0) as usize;
        let mut stop: Vec<String> = postings
            .iter()
            .filter(|(t, p)| {
                p.len() > limit && body_only.get(*t).is_some_and(|&n| n * 10 >= p.len() * 9)
            })
            .map(|(t, _)| t.clone())
            .collect();
        stop.sort();
        for t in &stop {
            postings.remove(t);
        }
        let partial_limit = (docs.len() as f64 * PARTIAL_SHARE).max(40.0) as usize;
        let mut partial: Vec<String> = Vec::new();
        for (t, list) in postings.iter_mut() {
            if list.len() > partial_limit {
                list.retain(|&(_, score)| score >= 5);
                partial.push(t.clone());
            }
        }
        postings.retain(|_, list| !list.is_empty());
        partial.sort();
        let postings: BTreeMap<String, Postings> = postings.into_iter().collect();
        let technique_labels = technique_keys
            .iter()
            .map(|k| {
                crate::site::techniques::label(k, lang)
                    .unwrap_or(k)
                    .to_string()
            })
            .collect();
        Index {
            lang: lang.to_string(),
            shard_len: if docs.len() > 3000 { 2 } else { 1 },
            docs,
            postings,
            stop,
            partial,
            dictionaries,
            technique_labels,
            technique_keys,
        }
    }

    /// The files of the index: `(file name, contents)`.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut shards: BTreeMap<String, Vec<(&String, &Postings)>> = BTreeMap::new();
        for (term, list) in &self.postings {
            shards
                .entry(shard_key(term, self.shard_len))
                .or_default()
                .push((term, list));
        }
        let shards: Vec<(&String, &Vec<(&String, &Postings)>)> = shards.iter().collect();
        let mut files: Vec<(String, String)> = shards
            .par_iter()
            .map(|(key, terms)| {
                // Terms are plain folded words and postings plain ASCII: write them directly.
                let mut body = format!("SachhonSearch.shard({},{{", json!(key));
                for (i, (term, list)) in terms.iter().enumerate() {
                    if i > 0 {
                        body.push(',');
                    }
                    body.push_str(&json!(term).to_string());
                    body.push_str(":\"");
                    body.push_str(&encode(list));
                    body.push('"');
                }
                body.push_str("});\n");
                (format!("s-{key}.js"), body)
            })
            .collect();
        for (n, chunk) in self.docs.chunks(CHUNK).enumerate() {
            let rows: Vec<serde_json::Value> = chunk
                .iter()
                .map(|d| json!([d.title, d.path, d.kind, d.date, d.summary]))
                .collect();
            files.push((
                format!("d-{n}.js"),
                format!("SachhonSearch.docs({n},{});\n", json!(rows)),
            ));
        }
        let facets: Vec<serde_json::Value> = self
            .docs
            .iter()
            .map(|d| {
                json!([
                    d.facets[0],
                    d.facets[1],
                    d.facets[2],
                    d.facets[3],
                    d.techniques
                ])
            })
            .collect();
        let meta = json!({
            "lang": self.lang,
            "count": self.docs.len(),
            "chunk": CHUNK,
            "shardLen": self.shard_len,
            "shards": shards.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            "stop": self.stop,
            "partial": self.partial,
            "dict": {
                "kind": self.dictionaries[0],
                "sector": self.dictionaries[1],
                "province": self.dictionaries[2],
                "year": self.dictionaries[3],
                "technique": self.technique_keys,
                "techniqueLabel": self.technique_labels,
            },
            "facets": facets,
        });
        files.push((
            "meta.js".to_string(),
            format!("window.SachhonSearch=window.SachhonSearch||{{}};SachhonSearch.meta={meta};\n"),
        ));
        files
    }
}

fn year_of(site: &Site, id: usize) -> Option<i64> {
    let page = &site.pages[id];
    page.meta
        .case
        .as_ref()
        .and_then(|c| c.year)
        .or_else(|| page.meta.date.map(|d| i64::from(d.year)))
}

/// The shard a term lives in: its first `len` characters.
pub fn shard_key(term: &str, len: usize) -> String {
    term.chars().take(len).collect()
}

/// Postings as text: for each document, its score digit (1-9) then the gap from the previous
/// document id in base 36, comma-separated (`9a,50,31` = docs 10, 10+0?..). Ids ascend.
fn encode(list: &[(u32, u8)]) -> String {
    let mut out = String::with_capacity(list.len() * 3);
    let mut prev = 0u32;
    for (i, &(doc, score)) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{}{}", score.clamp(1, 9), base36(doc - prev));
        prev = doc;
    }
    out
}

fn base36(mut n: u32) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".to_string();
    }
    let mut buf = Vec::new();
    while n > 0 {
        buf.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    buf.reverse();
    String::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_gap_encoded() {
        assert_eq!(encode(&[(0, 9), (10, 5), (46, 1)]), "90,5a,110");
        assert_eq!(base36(35), "z");
    }

    #[test]
    fn shards_by_leading_characters() {
        assert_eq!(shard_key("dong", 1), "d");
        assert_eq!(shard_key("dong", 2), "do");
        assert_eq!(shard_key("d", 2), "d");
    }
}
