//! The client-side search index, one per language, written as static scripts loaded with
//! `<script>` tags (never fetch/XHR) so search works from `file://` as well as from a server.
//!
//! Every word of every page is indexed, with its word positions (for phrases). Files under
//! `search/<lang>/`:
//! - `meta.js`: document count, facet dictionaries and per-document facet values, the first
//!   term of each term shard;
//! - `s-<n>.js`: the postings (documents, scores, positions) of a run of consecutive terms
//!   (folded text), about 24 KiB each;
//! - `d-<n>.js`: titles, paths, dates and summaries of documents `n*CHUNK..(n+1)*CHUNK`;
//! - `p/<n>.js`: the text by heading of documents `n*PASSAGES..(n+1)*PASSAGES`, for the
//!   passage a result shows.
//!
//! A query downloads `meta.js`, the shards of its words, the document chunks of the results
//! it shows and their passage files: a phone never loads the whole index.

mod extract;
mod index;
mod packed;
mod terms;

pub use index::Index;
pub use terms::{normalize, tokens};

use crate::diagnostics::{Code, Diagnostic, Sink as Diagnostics};
use crate::markdown::Rendered;
use crate::output::Sink;
use crate::site::Site;

/// The site path of a language's search metadata script.
pub fn index_file(lang: &str) -> String {
    format!("search/{lang}/meta.js")
}

/// The facets the search page offers, in order.
pub fn facet_names() -> Vec<&'static str> {
    vec!["kind", "sector", "province", "technique", "year"]
}

/// Writes the search index of every language; returns the files written.
pub fn write(
    site: &Site,
    rendered: &[Rendered],
    sink: &dyn Sink,
    diags: &Diagnostics,
) -> Vec<String> {
    if !site.config.search {
        return Vec::new();
    }
    let written = std::sync::Mutex::new(Vec::new());
    let put = |path: String, body: &[u8]| match sink.write(&path, body) {
        Ok(()) => written.lock().unwrap_or_else(|e| e.into_inner()).push(path),
        Err(e) => diags.push(Diagnostic::error(Code::E0503, &path).arg("message", e)),
    };
    for lang in &site.config.languages {
        let code = &lang.code;
        let passages =
            |name: String, body: String| put(format!("search/{code}/{name}"), body.as_bytes());
        let index = Index::build(site, rendered, code, &passages);
        index.write_files(&|name, body| put(format!("search/{code}/{name}"), body));
    }
    let mut written = written.into_inner().unwrap_or_else(|e| e.into_inner());
    written.sort();
    written
}
