//! The terms of the search index: the normaliser shared with the browser, and the scored terms
//! of each page.

use super::extract::Block;
use super::packed::TermMap;
use crate::markdown::Rendered;
use crate::site::{taxonomy, Site};
use crate::text::{fold, fold_into, lines, word_runs};

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

/// A page's terms while they are counted: (start, end) in the folded text, weight, body
/// occurrences.
type Counted = (u32, u32, u8, u32);

/// The terms of one page. The word stream is the title, then every line of `blocks` (the
/// body), then the labels that are not part of the body (front-matter summary, taxonomy
/// values, company and metric names, objectives: a lesson's are its module's).
pub(super) fn page_terms(site: &Site, r: &Rendered, id: usize, blocks: &[Block]) -> PageTerms {
    let (folded, runs) = word_stream(site, id, blocks);
    let mut index: TermMap<u32> = TermMap::with_capacity(folded.len() / 16);
    let (mut terms, all) = count_terms(&folded, &runs, &mut index);
    // A summary taken from the body: its words are in the stream already, it raises scores.
    if site.pages[id].meta.summary.is_none() {
        let summary = fold(&r.summary);
        for w in words(&summary) {
            if let Some(&t) = index.get(w) {
                terms[t as usize].2 = terms[t as usize].2.max(5);
            }
        }
    }
    drop(index);
    let (starts, positions) = group_positions(terms.len(), &all);
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

/// The page's text folded into one string, and its runs: title, body lines (a block's first
/// line is its heading), then the labels.
fn word_stream(site: &Site, id: usize, blocks: &[Block]) -> (String, Vec<Run>) {
    let mut folded =
        String::with_capacity(blocks.iter().map(|b| b.text.len()).sum::<usize>() + 256);
    let mut runs: Vec<Run> = Vec::new();
    push_label(&mut folded, &mut runs, &site.pages[id].meta.title, 9);
    for b in blocks {
        let start = folded.len();
        fold_into(&b.text, &mut folded);
        folded.push('\n');
        if !b.anchor.is_empty() {
            // The first line of a block is its heading.
            let end = memchr::memchr(b'\n', &folded.as_bytes()[start..])
                .map_or(folded.len(), |i| start + i + 1);
            runs.push((start, end, 5, false));
            runs.push((end, folded.len(), 0, true));
        } else {
            runs.push((start, folded.len(), 0, true));
        }
    }
    for text in labels(site, id) {
        push_label(&mut folded, &mut runs, &text, 5);
    }
    (folded, runs)
}

/// Adds `text` to the folded text as a run of its own, its words weighing `weight`.
fn push_label(folded: &mut String, runs: &mut Vec<Run>, text: &str, weight: u8) {
    let start = folded.len();
    fold_into(text, folded);
    folded.push('\n');
    runs.push((start, folded.len(), weight, false));
}

/// The texts a page shows besides its body, each weighted as a heading: summary, taxonomy
/// values, company and metric names, objectives (a lesson shows its module's).
fn labels(site: &Site, id: usize) -> Vec<String> {
    let page = &site.pages[id];
    let mut out: Vec<String> = page.meta.summary.iter().cloned().collect();
    for t in ["tags", "sectors", "provinces", "techniques"] {
        out.extend(
            taxonomy::values(&site.config.term_names, page, t)
                .into_iter()
                .map(|(name, _)| name),
        );
    }
    if let Some(case) = &page.meta.case {
        out.extend(case.company.iter().cloned());
        out.extend(case.metrics.iter().map(|m| m.name.clone()));
    }
    let module = site.lesson_nav[id].map(|nav| nav.module);
    out.extend(
        page.meta
            .objectives
            .iter()
            .chain(module.iter().flat_map(|&m| &site.pages[m].meta.objectives))
            .cloned(),
    );
    out
}

/// Gives every word of `runs` the next position (lines and runs are apart) and its term an
/// index in `index`: the terms as counted, and (term, position) of each word.
fn count_terms(
    folded: &str,
    runs: &[Run],
    index: &mut TermMap<u32>,
) -> (Vec<Counted>, Vec<(u32, u32)>) {
    let mut terms: Vec<Counted> = Vec::with_capacity(folded.len() / 16);
    let mut all: Vec<(u32, u32)> = Vec::with_capacity(folded.len() / 5);
    let mut pos: u32 = 0;
    for &(start, end, weight, body) in runs {
        for line in lines(&folded[start..end]) {
            for w in word_runs(line) {
                if w.len() > MAX_TOKEN && w.chars().count() > MAX_TOKEN {
                    continue;
                }
                let t = *index.get_or_insert_with(w, || {
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
    (terms, all)
}

/// Positions grouped by term with a counting sort (in order within each term): where each
/// term's positions start, and the positions.
fn group_positions(terms: usize, all: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>) {
    let mut starts: Vec<u32> = vec![0; terms + 1];
    for &(t, _) in all {
        starts[t as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut positions = vec![0u32; all.len()];
    for &(t, p) in all {
        positions[next[t as usize] as usize] = p;
        next[t as usize] += 1;
    }
    (starts, positions)
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
