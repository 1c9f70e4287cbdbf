//! The terms of the search index: the normaliser shared with the browser, and the scored terms
//! of each page.

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

/// The terms of one page with their scores (title 9, summary, headings and facets 5, body
/// 1-4 by frequency) and whether each was found only in the body, in no particular order.
pub(super) fn score_terms(site: &Site, r: &Rendered, id: usize) -> Vec<(String, u8, bool)> {
    let page = &site.pages[id];
    // Fold each kind of text once; the terms are slices of these.
    let title = fold(&page.meta.title);
    let mut strong = fold(page.meta.summary.as_deref().unwrap_or(&r.summary));
    let mut add_strong = |text: &str| {
        strong.push('\n');
        strong.push_str(&fold(text));
    };
    for h in &r.toc {
        add_strong(&h.title);
    }
    for t in ["tags", "sectors", "provinces", "techniques"] {
        for (name, _) in taxonomy::values(page, t) {
            add_strong(&name);
        }
    }
    if let Some(company) = page.meta.case.as_ref().and_then(|c| c.company.as_deref()) {
        add_strong(company);
    }
    // The body's opening (`Rendered::text`, its first words) says what the page is about;
    // indexing every word would multiply the index for little gain in recall.
    let body = fold(&r.text);
    let mut scores: FxHashMap<&str, (u8, bool)> = FxHashMap::default();
    for (text, weight) in [(&title, 9), (&strong, 5)] {
        for t in words(text) {
            let s = scores.entry(t).or_insert((0, false));
            s.0 = s.0.max(weight);
        }
    }
    let mut body_counts: FxHashMap<&str, u8> = FxHashMap::default();
    for t in words(&body) {
        let c = body_counts.entry(t).or_insert(0);
        *c = c.saturating_add(1);
    }
    for (t, count) in body_counts {
        let weight = 1 + (count / 3).min(3);
        scores
            .entry(t)
            .and_modify(|s| s.0 = s.0.max(weight))
            .or_insert((weight, true));
    }
    scores
        .into_iter()
        .map(|(t, (s, b))| (t.to_string(), s, b))
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
