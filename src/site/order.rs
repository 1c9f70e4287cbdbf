//! Orderings of pages in lists, and related case studies.

use crate::content::{Kind, Page};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Sorts a section's pages: lessons and weighted pages by weight then file name; news and
/// case studies newest first; the rest by title.
pub fn sort(ids: &mut [usize], pages: &[Page]) {
    let weighted = ids
        .iter()
        .any(|&i| pages[i].meta.weight.is_some() || pages[i].kind == Kind::Lesson);
    if weighted {
        ids.sort_by(|&a, &b| {
            let (pa, pb) = (&pages[a], &pages[b]);
            pa.meta
                .weight
                .unwrap_or(i64::MAX)
                .cmp(&pb.meta.weight.unwrap_or(i64::MAX))
                .then_with(|| pa.source.cmp(&pb.source))
        });
    } else {
        newest_first(ids, pages);
    }
}

/// Newest first, then by title, then by source path so the order is always the same.
pub fn newest_first(ids: &mut [usize], pages: &[Page]) {
    ids.sort_by(|&a, &b| compare_newest(&pages[a], &pages[b]));
}

fn compare_newest(a: &Page, b: &Page) -> Ordering {
    let key = |p: &Page| p.meta.date.map(|d| d.timestamp(0));
    key(b)
        .cmp(&key(a))
        .then_with(|| a.meta.title.cmp(&b.meta.title))
        .then_with(|| a.source.cmp(&b.source))
}

/// For each case study, up to three others of its language sharing its sector or techniques.
pub fn related(pages: &[Page]) -> Vec<Vec<usize>> {
    let mut by_facet: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (id, page) in pages.iter().enumerate() {
        let Some(case) = &page.meta.case else {
            continue;
        };
        if page.is_section {
            continue;
        }
        if let Some(sector) = &case.sector {
            by_facet.entry((&page.lang, sector)).or_default().push(id);
        }
        for t in &case.techniques {
            by_facet.entry((&page.lang, t)).or_default().push(id);
        }
    }
    let mut related = vec![Vec::new(); pages.len()];
    for (id, page) in pages.iter().enumerate() {
        let Some(case) = &page.meta.case else {
            continue;
        };
        let mut score: HashMap<usize, u32> = HashMap::new();
        let facets = case
            .sector
            .iter()
            .map(|s| (s.as_str(), 2))
            .chain(case.techniques.iter().map(|t| (t.as_str(), 1)));
        for (facet, weight) in facets {
            // Cap the candidates per facet: a sector with thousands of studies adds nothing
            // a reader could use beyond its newest few.
            let ids = by_facet.get(&(page.lang.as_str(), facet));
            for &other in ids.into_iter().flatten().take(200) {
                if other != id {
                    *score.entry(other).or_default() += weight;
                }
            }
        }
        let mut ranked: Vec<(usize, u32)> = score.into_iter().collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| compare_newest(&pages[a.0], &pages[b.0]))
        });
        related[id] = ranked.into_iter().take(3).map(|(i, _)| i).collect();
    }
    related
}
