//! Terms of definition lists (`term` then `: definition`) get an id, so that a link can point
//! at the definition of a term (`/tu-dien/#san-xuat-sach-hon`).

use crate::text::{escape_html, heading_id};
use pulldown_cmark::{html, Event};

/// The `<dt>` of a term from its inner events, with an id unique in the page (also pushed to
/// `anchors`).
pub fn term_html(inner: Vec<Event>, ids: &mut super::Ids, anchors: &mut Vec<String>) -> String {
    let mut title = String::new();
    for e in &inner {
        if let Event::Text(t) | Event::Code(t) = e {
            title.push_str(t);
        }
    }
    let base = heading_id(&title);
    let base = if base.is_empty() {
        "term".to_string()
    } else {
        base
    };
    let id = super::unique_id(&base, ids);
    anchors.push(id.clone());
    let mut out = format!("<dt id=\"{}\">", escape_html(&id));
    html::push_html(&mut out, inner.into_iter());
    out.push_str("</dt>\n");
    out
}
