//! The terms of the search index: the normaliser shared with the browser, and the scored terms
//! of each page.

use super::extract::Block;
use crate::markdown::Rendered;
use crate::site::{taxonomy, Site};
use crate::text::{fold, is_word_char};
use rustc_hash::FxHashMap;

/// Longest token indexed; longer runs are not words anyone types.
const MAX_TOKEN: usize = 24;
/// Lower case, Unicode NFD, combining marks removed, `đ` -> `d`: the form both the indexer and
/// the browser (`search.js`) compare.
pub fn normalize(text: &str) -> String {
    fold(text)
}

/// The normalized words of `text`.
pub fn tokens(text: &str) -> impl Iterator<Item = String> {
    let folded = normalize(text);
    words(&folded)
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Positions skipped between separate runs of text (title, lines, labels), so that words on
/// either side of a break never count as adjacent.
const GAP: u32 = 3;

/// One term of a page: the term, its score (title 9; summary, headings and labels 5; body 1-4
/// by frequency) and the positions of its occurrences in the page's word stream.
pub(super) type PageTerm = (String, u8, Vec<u32>);

/// The terms of one page with their scores and word positions, in no particular order. The
/// word stream is the title, then every line of `blocks` (the body), then the labels that are
/// not part of the body (front-matter summary, taxonomy values, company, objectives).
pub(super) fn page_terms(site: &Site, r: &Rendered, id: usize, blocks: &[Block]) -> Vec<PageTerm> {
    let page = &site.pages[id];
    let mut labels: Vec<String> = Vec::new();
    if let Some(s) = &page.meta.summary {
        labels.push(s.clone());
    }
    for t in ["tags", "sectors", "provinces", "techniques"] {
        labels.extend(taxonomy::values(page, t).into_iter().map(|(name, _)| name));
    }
    if let Some(company) = page.meta.case.as_ref().and_then(|c| c.company.as_deref()) {
        labels.push(company.to_string());
    }
    labels.extend(page.meta.objectives.iter().cloned());
    // (text, weight of its words, whether it is body text counted by frequency)
    let mut runs: Vec<(String, u8, bool)> = vec![(fold(&page.meta.title), 9, false)];
    for b in blocks {
        for (i, line) in b.text.split('\n').enumerate() {
            let heading = i == 0 && !b.anchor.is_empty();
            runs.push((fold(line), if heading { 5 } else { 0 }, !heading));
        }
    }
    runs.extend(labels.iter().map(|l| (fold(l), 5, false)));
    let mut terms: FxHashMap<&str, (u8, u8, Vec<u32>)> = FxHashMap::default();
    let mut pos: u32 = 0;
    for (text, weight, body) in &runs {
        for t in words(text) {
            let e = terms.entry(t).or_insert((0, 0, Vec::new()));
            e.0 = e.0.max(*weight);
            e.1 = e.1.saturating_add(u8::from(*body));
            e.2.push(pos);
            pos += 1;
        }
        pos += GAP;
    }
    // A summary taken from the body: its words are in the stream already, it raises scores.
    let summary = if page.meta.summary.is_none() {
        fold(&r.summary)
    } else {
        String::new()
    };
    for t in words(&summary) {
        if let Some(e) = terms.get_mut(t) {
            e.0 = e.0.max(5);
        }
    }
    terms
        .into_iter()
        .filter(|(_, (_, _, p))| !p.is_empty())
        .map(|(t, (weight, count, p))| {
            let score = weight.max(if count > 0 { 1 + (count / 3).min(3) } else { 0 });
            (t.to_string(), score.max(1), p)
        })
        .collect()
}

/// The words of folded text that the index keeps.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty() && w.chars().count() <= MAX_TOKEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_vietnamese_queries_alike() {
        assert_eq!(normalize("Đồng Nai"), "dong nai");
        assert_eq!(normalize("ĐỒNG NAI"), "dong nai");
        assert_eq!(normalize("dong nai"), "dong nai");
        assert_eq!(normalize("Tiết kiệm NƯỚC"), "tiet kiem nuoc");
    }

    #[test]
    fn stacked_tone_marks_fold() {
        // ệ = e + circumflex + dot below, ở = o + horn + hook above.
        assert_eq!(normalize("Nghệ"), "nghe");
        assert_eq!(normalize("Thừa Thiên Huế"), "thua thien hue");
        assert_eq!(normalize("ở"), "o");
    }

    #[test]
    fn tokens_split_on_punctuation() {
        let t: Vec<String> = tokens("Dệt may, Đồng Nai (2024)").collect();
        assert_eq!(t, ["det", "may", "dong", "nai", "2024"]);
    }
}
