//! Orderings of pages in lists, and related case studies.

use crate::content::{Kind, Page};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::collections::HashMap;

/// Sorts a section's pages: lessons and weighted pages by weight then file name; news and
/// case studies newest first; the rest by title.
pub fn sort(ids: &mut [usize], pages: &[Page]) {
    // Sections (menus, module lists) keep the same order in every language: weight, then folder.
    if ids.iter().all(|&i| pages[i].is_section) {
        ids.sort_by(|&a, &b| {
            let (pa, pb) = (&pages[a], &pages[b]);
            (pa.meta.weight.unwrap_or(i64::MAX), &pa.dir)
                .cmp(&(pb.meta.weight.unwrap_or(i64::MAX), &pb.dir))
        });
        return;
    }
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

/// The place of every page in newest-first order (see [`newest_first`]), computed once so that
/// lists are sorted by comparing two numbers.
pub fn newest_ranks(pages: &[Page]) -> Vec<u32> {
    let mut newest: Vec<usize> = (0..pages.len()).collect();
    newest.par_sort_by(|&a, &b| compare_newest(&pages[a], &pages[b]));
    let mut rank = vec![0u32; pages.len()];
    for (r, &id) in newest.iter().enumerate() {
        rank[id] = r as u32;
    }
    rank
}

/// For each case study, up to three others of its language sharing its sector (worth two)
/// or techniques (one each), best score first, then newest. `rank` is [`newest_ranks`].
pub fn related(pages: &[Page], rank: &[u32]) -> Vec<Vec<usize>> {
    let mut newest: Vec<usize> = (0..pages.len()).collect();
    newest.sort_unstable_by_key(|&id| rank[id]);
    let mut by_facet: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for &id in &newest {
        let page = &pages[id];
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
    pages
        .par_iter()
        .enumerate()
        .map_init(FxHashMap::<usize, u32>::default, |score, (id, page)| {
            let Some(case) = &page.meta.case else {
                return Vec::new();
            };
            score.clear();
            let facets = case
                .sector
                .iter()
                .map(|s| (s.as_str(), 2))
                .chain(case.techniques.iter().map(|t| (t.as_str(), 1)));
            for (facet, weight) in facets {
                // The newest few per facet are enough: a reader follows three links at most.
                let ids = by_facet.get(&(page.lang.as_str(), facet));
                for &other in ids.into_iter().flatten().take(60) {
                    if other != id {
                        *score.entry(other).or_default() += weight;
                    }
                }
            }
            let mut best: Vec<(u32, usize)> = score.iter().map(|(&i, &s)| (s, i)).collect();
            let order =
                |a: &(u32, usize), b: &(u32, usize)| b.0.cmp(&a.0).then(rank[a.1].cmp(&rank[b.1]));
            // Only the first three are shown: they are picked, then ordered (ranks differ
            // for every page, so the order is total and the three are always the same).
            if best.len() > 3 {
                best.select_nth_unstable_by(2, order);
                best.truncate(3);
            }
            best.sort_unstable_by(order);
            // A new list of three: collected from `best` itself, it would keep that list's
            // room for every candidate for the whole build (13 MB on 10,000 pages).
            best.iter().map(|&(_, i)| i).collect()
        })
        .collect()
}
