//! The client-side search index, one per language, written as static scripts loaded with
//! `<script>` tags (never fetch/XHR) so search works from `file://` as well as from a server.
//!
//! Files under `search/<lang>/`:
//! - `meta.js`: document count, facet dictionaries and per-document facet values, dates for
//!   tie-breaking, the list of term shards;
//! - `s-<key>.js`: the postings of every term starting with `<key>` (folded text);
//! - `d-<n>.js`: titles, paths, dates and summaries of documents `n*CHUNK..(n+1)*CHUNK`.
//!
//! A query downloads `meta.js`, the shards of its words and the document chunks of the results
//! it shows: a phone never loads the whole index.

mod index;
mod terms;

pub use index::Index;
pub use terms::{normalize, tokens};

use crate::diagnostics::{Diagnostic, Sink as Diagnostics};
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
    let mut written = Vec::new();
    for lang in &site.config.languages {
        let index = Index::build(site, rendered, &lang.code);
        for (name, body) in index.files() {
            let path = format!("search/{}/{name}", lang.code);
            match sink.write(&path, body.as_bytes()) {
                Ok(()) => written.push(path),
                Err(e) => diags.push(Diagnostic::error("E0503", &path).arg("message", e)),
            }
        }
    }
    written
}
