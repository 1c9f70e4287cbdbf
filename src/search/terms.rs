//! The terms of the search index: the normaliser shared with the browser, and the scored terms
//! of each page.

use super::extract::Block;
use crate::markdown::Rendered;
use crate::site::{taxonomy, Site};
use crate::text::{fold, fold_into, word_runs};
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

/// The terms of one page: each with its score (title 9; summary, headings and labels 5; body
/// 1-4 by frequency) and the positions of its occurrences in the page's word stream, sorted
/// in no particular order. Terms are slices of one folded text, positions slices of one list.
#[derive(Default)]
pub(super) struct PageTerms {
    folded: String,
    /// (start, end) in `folded`, score, (start, end) in `positions`.
    terms: Vec<(u32, u32, u8, u32, u32)>,
    positions: Vec<u32>,
}

impl PageTerms {
    /// Each term with its score and positions.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, u8, &[u32])> {
        self.terms.iter().map(|&(a, b, score, p, q)| {
            (
                &self.folded[a as usize..b as usize],
                score,
                &self.positions[p as usize..q as usize],
            )
        })
    }
}

/// A run of folded text: its range, the weight of its words, whether it is body text (whose
/// words score by frequency).
type Run = (usize, usize, u8, bool);

/// The terms of one page. The word stream is the title, then every line of `blocks` (the
/// body), then the labels that are not part of the body (front-matter summary, taxonomy
/// values, company and metric names, objectives: a lesson's are its module's).
pub(super) fn page_terms(site: &Site, r: &Rendered, id: usize, blocks: &[Block]) -> PageTerms {
    let page = &site.pages[id];
    let mut folded =
        String::with_capacity(blocks.iter().map(|b| b.text.len()).sum::<usize>() + 256);
    // (range in `folded`, weight of its words, whether it is body text counted by frequency)
    let mut runs: Vec<Run> = Vec::new();
    let run = |folded: &mut String, runs: &mut Vec<Run>, text: &str, weight: u8| {
        let start = folded.len();
        fold_into(text, folded);
        folded.push('\n');
        runs.push((start, folded.len(), weight, false));
    };
    run(&mut folded, &mut runs, &page.meta.title, 9);
    for b in blocks {
        let start = folded.len();
        fold_into(&b.text, &mut folded);
        folded.push('\n');
        if !b.anchor.is_empty() {
            // The first line of a block is its heading.
            let end = folded[start..]
                .find('\n')
                .map_or(folded.len(), |i| start + i + 1);
            runs.push((start, end, 5, false));
            runs.push((end, folded.len(), 0, true));
        } else {
            runs.push((start, folded.len(), 0, true));
        }
    }
    if let Some(s) = &page.meta.summary {
        run(&mut folded, &mut runs, s, 5);
    }
    for t in ["tags", "sectors", "provinces", "techniques"] {
        for (name, _) in taxonomy::values(&site.config.term_names, page, t) {
            run(&mut folded, &mut runs, &name, 5);
        }
    }
    if let Some(case) = &page.meta.case {
        if let Some(company) = &case.company {
            run(&mut folded, &mut runs, company, 5);
        }
        for m in &case.metrics {
            run(&mut folded, &mut runs, &m.name, 5);
        }
    }
    // A lesson shows its module's objectives.
    let module = site.lesson_nav[id].map(|nav| nav.module);
    for o in page
        .meta
        .objectives
        .iter()
        .chain(module.iter().flat_map(|&m| &site.pages[m].meta.objectives))
    {
        run(&mut folded, &mut runs, o, 5);
    }
    // Every word gets the next position (lines and runs are apart); its term an index.
    let mut index: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(folded.len() / 16, Default::default());
    // (start, end, weight, body words) of each term; (term, position) of each word.
    let mut terms: Vec<(u32, u32, u8, u32)> = Vec::new();
    let mut all: Vec<(u32, u32)> = Vec::with_capacity(folded.len() / 5);
    let mut pos: u32 = 0;
    for &(start, end, weight, body) in &runs {
        for line in folded[start..end].split('\n') {
            for w in word_runs(line) {
                if w.len() > MAX_TOKEN && w.chars().count() > MAX_TOKEN {
                    continue;
                }
                let t = *index.entry(w).or_insert_with(|| {
                    let at = (w.as_ptr() as usize - folded.as_ptr() as usize) as u32;
                    terms.push((at, at + w.len() as u32, 0, 0));
                    terms.len() as u32 - 1
                });
                let e = &mut terms[t as usize];
                e.2 = e.2.max(weight);
                e.3 += u32::from(body);
                all.push((t, pos));
                pos += 1;
            }
            pos += GAP;
        }
    }
    // A summary taken from the body: its words are in the stream already, it raises scores.
    if page.meta.summary.is_none() {
        let summary = fold(&r.summary);
        for w in words(&summary) {
            if let Some(&t) = index.get(w) {
                terms[t as usize].2 = terms[t as usize].2.max(5);
            }
        }
    }
    drop(index);
    // Positions grouped by term (a counting sort: in order within each term).
    let mut starts: Vec<u32> = vec![0; terms.len() + 1];
    for &(t, _) in &all {
        starts[t as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut positions = vec![0u32; all.len()];
    for &(t, p) in &all {
        positions[next[t as usize] as usize] = p;
        next[t as usize] += 1;
    }
    PageTerms {
        terms: terms
            .iter()
            .enumerate()
            .map(|(i, &(a, b, weight, count))| {
                let body = if count > 0 {
                    1 + (count / 3).min(3) as u8
                } else {
                    0
                };
                (a, b, weight.max(body).max(1), starts[i], starts[i + 1])
            })
            .collect(),
        positions,
        folded,
    }
}

/// The words of folded text that the index keeps.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    word_runs(folded).filter(|w| w.chars().count() <= MAX_TOKEN)
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
