//! Building one language's search index: every word of every page with its score and word
//! positions, facets, term shards of bounded size and passage files of a few pages each.
//!
//! Pages are read in batches: each page's text is taken from its rendered HTML, written to its
//! passage file with its neighbours' and its terms added to the postings at once, so the full
//! text of only one batch of pages is ever held.

use super::extract::{blocks, Block};
use super::packed::TermMap;
use super::terms::{page_terms, PageTerms};
use crate::content::Kind;
use crate::markdown::Rendered;
use crate::site::Site;
use crate::text::{push_json_string, truncate};
use rayon::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;

/// Documents per `d-<n>.js` chunk: the results shown first are seldom neighbours, so a
/// small chunk keeps the bytes fetched for them low (16: about 2 KB gzipped each).
pub const CHUNK: usize = 16;
/// Documents per passage file (`p/<n>.js` holds documents `n*PASSAGES..(n+1)*PASSAGES`): each
/// file costs the file system as much as several kilobytes of text, and a site handed out on a
/// USB stick copies slowly file by file, while a result shown fetches its neighbours' text too
/// (4: about 5 KB gzipped a file, against 2 KB for one page alone).
pub const PASSAGES: usize = 4;
/// Pages whose text is read at once (a whole number of passage files).
const BATCH: usize = 64 * PASSAGES;
// A batch's passage files are numbered from its first document: no file may span two batches.
const _: () = assert!(BATCH.is_multiple_of(PASSAGES));
/// Encoded postings per term shard: a shard is closed once it holds this many bytes (a term
/// with more postings than that gets a shard of its own).
const SHARD_BYTES: usize = 24 * 1024;

/// A term's postings as they will be written (see [`encode_doc`]), and the last document
/// added.
#[derive(Default)]
struct Postings {
    /// ASCII (see [`number`]).
    text: Vec<u8>,
    last: u32,
}

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
    postings: Vec<(String, Vec<u8>)>,
    dictionaries: [Vec<String>; 4],
    technique_labels: Vec<String>,
    technique_keys: Vec<String>,
}

impl Index {
    /// Indexes the searchable pages of `lang` (no drafts, no `search: false`, no list pages),
    /// handing each passage file (`p/<n>.js`, the text by heading of [`PASSAGES`] pages) to
    /// `passages` as soon as its pages are read.
    pub fn build(
        site: &Site,
        rendered: &[Rendered],
        lang: &str,
        passages: &(dyn Fn(String, String) + Sync),
    ) -> Index {
        let ids = searchable(site, lang);
        let (dictionaries, technique_keys) = dictionaries(site, &ids);
        let postings = postings(site, rendered, &ids, passages);
        let docs = ids
            .iter()
            .map(|&id| doc(site, rendered, id, lang, &dictionaries, &technique_keys))
            .collect();
        let technique_labels = technique_keys
            .iter()
            .map(|k| {
                crate::content::techniques::label(k, lang)
                    .unwrap_or(k)
                    .to_string()
            })
            .collect();
        Index {
            lang: lang.to_string(),
            docs,
            postings,
            dictionaries,
            technique_labels,
            technique_keys,
        }
    }

    /// Hands each file of the index besides the passages to `put` (file name, contents) as
    /// soon as it is made: the shards together are as big as the postings, and held all at
    /// once they were the build's peak of memory.
    pub fn write_files(&self, put: &(dyn Fn(String, &[u8]) + Sync)) {
        let shards = shards(&self.postings);
        shards
            .par_iter()
            .enumerate()
            .for_each(|(n, terms)| put(format!("s-{n}.js"), &shard_file(n, terms)));
        for (n, chunk) in self.docs.chunks(CHUNK).enumerate() {
            put(format!("d-{n}.js"), docs_file(n, chunk).as_bytes());
        }
        put("meta.js".to_string(), self.meta_file(&shards).as_bytes());
    }

    /// `meta.js`: counts, the first term of each shard, facet dictionaries and values.
    fn meta_file(&self, shards: &[&[(String, Vec<u8>)]]) -> String {
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
            "passages": PASSAGES,
            "shards": shards.iter().map(|s| s[0].0.as_str()).collect::<Vec<_>>(),
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
        format!("window.SachhonSearch=window.SachhonSearch||{{}};SachhonSearch.meta={meta};\n")
    }
}

/// Runs of consecutive terms (`postings` sorted by term), each closed once it is large enough;
/// a big term gets a run of its own.
fn shards(postings: &[(String, Vec<u8>)]) -> Vec<&[(String, Vec<u8>)]> {
    let mut shards: Vec<&[(String, Vec<u8>)]> = Vec::new();
    let (mut from, mut size) = (0, 0);
    for (i, (term, text)) in postings.iter().enumerate() {
        let own = term.len() + text.len() + 6;
        // A big term is not added to a shard of small ones: a query for any of them would
        // fetch it too.
        if own >= SHARD_BYTES && from < i {
            shards.push(&postings[from..i]);
            (from, size) = (i, 0);
        }
        size += own;
        if size >= SHARD_BYTES {
            shards.push(&postings[from..=i]);
            (from, size) = (i + 1, 0);
        }
    }
    if from < postings.len() {
        shards.push(&postings[from..]);
    }
    shards
}

/// Shard `n`: its terms and their postings. Terms are folded words, written as JSON strings;
/// postings are plain ASCII (see [`number`]), written as they are.
fn shard_file(n: usize, terms: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut body = format!("SachhonSearch.shard({n},{{").into_bytes();
    let mut quoted = String::new();
    for (i, (term, list)) in terms.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        quoted.clear();
        push_json_string(&mut quoted, term);
        body.extend_from_slice(quoted.as_bytes());
        body.extend_from_slice(b":\"");
        body.extend_from_slice(list);
        body.push(b'"');
    }
    body.extend_from_slice(b"});\n");
    body
}

/// The postings of every term of the pages `ids` (document `n` is `ids[n]`), sorted by term.
/// Pages are read in parallel batches; each passage file goes to `passages` once its pages are
/// read.
fn postings(
    site: &Site,
    rendered: &[Rendered],
    ids: &[usize],
    passages: &(dyn Fn(String, String) + Sync),
) -> Vec<(String, Vec<u8>)> {
    let mut postings: TermMap<Postings> = TermMap::default();
    for (b, batch) in ids.chunks(BATCH).enumerate() {
        let first_file = b * BATCH / PASSAGES;
        let read: Vec<Vec<PageTerms>> = batch
            .par_chunks(PASSAGES)
            .enumerate()
            .map(|(i, pages)| read_pages(site, rendered, pages, first_file + i, passages))
            .collect();
        for (i, terms) in read.into_iter().flatten().enumerate() {
            let doc = (b * BATCH + i) as u32;
            for (term, score, positions) in terms.iter() {
                let p = postings.get_or_insert_with(term, Postings::default);
                encode_doc(&mut p.text, doc - p.last, score, positions);
                p.last = doc;
            }
        }
    }
    let mut postings: Vec<(String, Vec<u8>)> =
        postings.into_terms().map(|(t, p)| (t, p.text)).collect();
    postings.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    postings
}

/// The terms of the pages `ids`, the documents of passage file `n`, handing that file to
/// `passages`.
fn read_pages(
    site: &Site,
    rendered: &[Rendered],
    ids: &[usize],
    n: usize,
    passages: &(dyn Fn(String, String) + Sync),
) -> Vec<PageTerms> {
    let blocks: Vec<Vec<Block>> = ids.iter().map(|&id| blocks(&rendered[id].html)).collect();
    let terms = ids
        .iter()
        .zip(&blocks)
        .map(|(&id, b)| page_terms(site, &rendered[id], id, b))
        .collect();
    passages(format!("p/{n}.js"), passages_file(n, &blocks));
    terms
}

/// Result file `n`: each of its documents as `[title, path, kind, date, summary]` (written
/// as it goes: through `json!` and `Display`, every byte took a formatter's call).
fn docs_file(n: usize, docs: &[Doc]) -> String {
    let size: usize = docs
        .iter()
        .map(|d| d.title.len() + d.path.len() + d.date.len() + d.summary.len() + 32)
        .sum();
    script_file("docs", n, size, docs, |out, d| {
        push_json_strings(out, [&d.title, &d.path, d.kind, &d.date, &d.summary]);
    })
}

/// Passage file `n`: the blocks of each of its documents as `[anchor, text]` pairs.
fn passages_file(n: usize, pages: &[Vec<Block>]) -> String {
    let size: usize = pages
        .iter()
        .flatten()
        // Escaping lengthens the text (a line break takes two bytes): an eighth more spares
        // copying the file as it grows.
        .map(|b| b.anchor.len() + b.text.len() + b.text.len() / 8 + 8)
        .sum();
    script_file("passages", n, size, pages, |out, blocks| {
        for (i, b) in blocks.iter().enumerate() {
            out.push_str(if i == 0 { "[" } else { ",[" });
            push_json_strings(out, [b.anchor.as_str(), &b.text]);
            out.push(']');
        }
    })
}

/// `SachhonSearch.<call>(<n>,[...]);`, each of `items` written by `item` between its own
/// brackets; `size` is about what the items take.
fn script_file<T>(
    call: &str,
    n: usize,
    size: usize,
    items: &[T],
    mut item: impl FnMut(&mut String, &T),
) -> String {
    let mut out = String::with_capacity(size + 48);
    out.push_str("SachhonSearch.");
    out.push_str(call);
    out.push('(');
    out.push_str(&n.to_string());
    out.push_str(",[");
    for (i, t) in items.iter().enumerate() {
        out.push_str(if i == 0 { "[" } else { ",[" });
        item(&mut out, t);
        out.push(']');
    }
    out.push_str("]);\n");
    out
}

/// Texts as JSON strings apart by commas (the inside of an array).
fn push_json_strings<'a>(out: &mut String, texts: impl IntoIterator<Item = &'a str>) {
    for (i, text) in texts.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(out, text);
    }
}

/// What a result shows of page `id`, and its facet values as indexes into `dictionaries`.
fn doc(
    site: &Site,
    rendered: &[Rendered],
    id: usize,
    lang: &str,
    dictionaries: &[Vec<String>; 4],
    technique_keys: &[String],
) -> Doc {
    let find = |d: &[String], v: &str| d.iter().position(|x| x == v).map_or(-1, |i| i as i64);
    let page = &site.pages[id];
    let summary = page
        .meta
        .summary
        .as_deref()
        .unwrap_or(&rendered[id].summary);
    let case = page.meta.case.as_ref();
    let mut mask = 0u32;
    for t in case.map(|c| c.techniques.as_slice()).unwrap_or_default() {
        if let Some(i) = technique_keys.iter().position(|k| k == t) {
            mask |= 1 << i;
        }
    }
    Doc {
        title: page.meta.title.clone(),
        path: page.path.clone(),
        kind: page.kind.key(),
        date: page.meta.date.map(|d| d.display(lang)).unwrap_or_default(),
        summary: truncate(summary, 160),
        facets: [
            find(&dictionaries[0], page.kind.key()),
            case.and_then(|c| c.sector.as_deref()).map_or(-1, |s| {
                find(&dictionaries[1], shown(site, "sectors", s, lang))
            }),
            case.and_then(|c| c.province.as_deref()).map_or(-1, |s| {
                find(&dictionaries[2], shown(site, "provinces", s, lang))
            }),
            year_of(site, id).map_or(-1, |y| find(&dictionaries[3], &y.to_string())),
        ],
        techniques: mask,
    }
}

/// The pages of `lang` the index holds, newest first (their order gives document ids).
fn searchable(site: &Site, lang: &str) -> Vec<usize> {
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
    ids
}

/// A sector or province as the page's readers see it: its name in `lang` when
/// `term_translations` gives one.
fn shown<'a>(site: &'a Site, taxonomy: &str, value: &'a str, lang: &str) -> &'a str {
    site.config
        .term_names
        .name_in(taxonomy, value, lang)
        .unwrap_or(value)
}

/// The facet values of `ids` (kind, sector, province, year) and their technique keys, sorted.
fn dictionaries(site: &Site, ids: &[usize]) -> ([Vec<String>; 4], Vec<String>) {
    let mut dict: [BTreeSet<String>; 4] = Default::default();
    let mut techniques: BTreeSet<String> = BTreeSet::new();
    for &id in ids {
        let page = &site.pages[id];
        dict[0].insert(page.kind.key().to_string());
        if let Some(case) = &page.meta.case {
            let lang = page.lang.as_str();
            let shown = |tax: &str, v: &Option<String>| {
                v.as_deref().map(|v| shown(site, tax, v, lang).to_string())
            };
            dict[1].extend(shown("sectors", &case.sector));
            dict[2].extend(shown("provinces", &case.province));
            techniques.extend(case.techniques.iter().cloned());
        }
        if let Some(year) = year_of(site, id) {
            dict[3].insert(year.to_string());
        }
    }
    (
        dict.map(|d| d.into_iter().collect()),
        techniques.into_iter().collect(),
    )
}

fn year_of(site: &Site, id: usize) -> Option<i64> {
    let page = &site.pages[id];
    page.meta
        .case
        .as_ref()
        .and_then(|c| c.year)
        .or_else(|| page.meta.date.map(|d| i64::from(d.year)))
}

/// Digits of the self-delimiting numbers of postings: a number is written in 5-bit groups,
/// most significant first, every group but the last from `MORE`, the last from `LAST`.
const LAST: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Appends one document to a term's postings: the gap from the previous document id, then
/// `score + 16 * (number of positions - 1)`, then each position as the gap from the one
/// before (the first from 0). `search.js` decodes it (`decode`).
fn encode_doc(out: &mut Vec<u8>, gap: u32, score: u8, positions: &[u32]) {
    number(out, gap);
    let extra = positions.len().saturating_sub(1) as u32;
    number(out, u32::from(score.clamp(1, 15)) + 16 * extra);
    let mut prev = 0;
    for &p in positions {
        number(out, p - prev);
        prev = p;
    }
}

fn number(out: &mut Vec<u8>, n: u32) {
    // Most numbers (gaps, scores, positions) take one or two digits: appended as they are.
    // A copy of a length known only at run time is a call to `memcpy`, which took 1.5 % of the
    // 10,000-page build's CPU.
    if n < 32 {
        out.push(LAST[n as usize]);
        return;
    }
    if n < 32 * 32 {
        out.extend_from_slice(&[MORE[(n >> 5) as usize], LAST[(n & 31) as usize]]);
        return;
    }
    // Written from the last group back, then appended at once.
    let mut digits = [0u8; 7];
    let mut at = digits.len() - 1;
    digits[at] = LAST[(n & 31) as usize];
    let mut rest = n >> 5;
    while rest != 0 {
        at -= 1;
        digits[at] = MORE[(rest & 31) as usize];
        rest >>= 5;
    }
    out.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_delimit_themselves() {
        let mut out = Vec::new();
        for n in [0, 31, 32, 1000, u32::MAX] {
            number(&mut out, n);
        }
        assert_eq!(out, b"0vx0_8z_____v");
        // Either side of the two-digit and three-digit boundaries.
        let mut out = Vec::new();
        for n in [1023, 1024] {
            number(&mut out, n);
        }
        assert_eq!(out, b"_vxw0");
    }

    #[test]
    fn a_big_term_gets_a_shard_of_its_own() {
        let term = |t: &str, len: usize| (t.to_string(), vec![b'0'; len]);
        let postings = [
            term("a", 100),
            term("b", 100),
            term("do", SHARD_BYTES),
            term("e", 100),
            term("f", SHARD_BYTES - 50),
            term("g", 100),
        ];
        let firsts: Vec<Vec<&str>> = shards(&postings)
            .iter()
            .map(|s| s.iter().map(|(t, _)| t.as_str()).collect())
            .collect();
        assert_eq!(
            firsts,
            [vec!["a", "b"], vec!["do"], vec!["e", "f"], vec!["g"]]
        );
    }

    #[test]
    fn a_passage_file_holds_the_blocks_of_each_of_its_pages() {
        let block = |anchor: &str, text: &str| Block {
            anchor: anchor.to_string(),
            text: text.to_string(),
        };
        let pages = [
            vec![block("", "Mở \"đầu\""), block("ket-qua", "Kết quả\nTốt")],
            vec![],
            vec![block("", "Một")],
        ];
        let file = passages_file(7, &pages);
        assert_eq!(
            file,
            "SachhonSearch.passages(7,[[[\"\",\"Mở \\\"đầu\\\"\"],[\"ket-qua\",\"Kết quả\\nTốt\"]],[],[[\"\",\"Một\"]]]);\n"
        );
        let json = file
            .strip_prefix("SachhonSearch.passages(7,")
            .and_then(|f| f.strip_suffix(");\n"));
        let parsed: Vec<Vec<(String, String)>> =
            serde_json::from_str(json.unwrap_or_default()).unwrap();
        assert_eq!(parsed.len(), 3);
        assert_eq!(parsed[0][1], ("ket-qua".into(), "Kết quả\nTốt".into()));
    }

    #[test]
    fn postings_hold_gap_score_and_positions() {
        let mut out = Vec::new();
        encode_doc(&mut out, 3, 9, &[4, 40]);
        assert_eq!(out, b"3p4x4");
    }
}
