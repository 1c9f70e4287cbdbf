//! Headings and definition-list terms: unique ids, anchor links, the table of contents.

use super::{plain_text, Renderer};
use crate::markdown::{heading_number, terms, unique_id, Heading};
use crate::text::{escape_html, heading_id};
use pulldown_cmark::{html, CowStr, Event, HeadingLevel, TagEnd};

impl<'a> Renderer<'a, '_> {
    /// The term of a definition list, with an id.
    pub(super) fn term(&mut self, at: usize) {
        let inner = self.inner_until(|e| matches!(e, TagEnd::DefinitionListTitle));
        let inner = self.rewrite_links(inner, at);
        self.text.push_str(&plain_text(&inner));
        self.text.push('\n');
        let dt = terms::term_html(inner, &mut self.ids, &mut self.out.anchors);
        self.events.push(Event::Html(dt.into()));
    }

    /// A heading, with a unique id, an anchor link and (levels 2-3) a table of contents entry.
    pub(super) fn heading(
        &mut self,
        level: HeadingLevel,
        written: Option<CowStr<'a>>,
        classes: &[CowStr<'a>],
        at: usize,
    ) {
        let inner = self.inner_until(|e| matches!(e, TagEnd::Heading(_)));
        let title = plain_text(&inner);
        let base = written
            .map(|i| i.trim_matches(['"', '\'']).to_string())
            .filter(|i| !i.is_empty())
            .unwrap_or_else(|| heading_id(&title));
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let id = unique_id(&base, &mut self.ids);
        let n = heading_number(level);
        if (2..=3).contains(&n) {
            self.out.toc.push(Heading {
                level: n,
                id: id.clone(),
                title: title.clone(),
            });
        }
        self.text.push_str(&title);
        self.text.push('\n');
        self.out.anchors.push(id.clone());
        // Appended piece by piece: a heading is made for every page, and formatting
        // machinery costs more than the copies.
        let (id, level) = (escape_html(&id), char::from(b'0' + n));
        let mut h = String::with_capacity(2 * id.len() + title.len() + 112);
        h.push_str("<h");
        h.push(level);
        h.push_str(" id=\"");
        h.push_str(&id);
        h.push('"');
        if !classes.is_empty() {
            h.push_str(" class=\"");
            h.push_str(&escape_html(&classes.join(" ")));
            h.push('"');
        }
        h.push('>');
        html::push_html(&mut h, self.rewrite_links(inner, at).into_iter());
        h.push_str(" <a class=\"anchor\" href=\"#");
        h.push_str(&id);
        h.push_str("\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h");
        h.push(level);
        h.push_str(">\n");
        self.events.push(Event::Html(h.into()));
    }
}

/// The id written for a heading: `{#id}`, or `{ id="x" }` as MkDocs' attribute lists write it.
pub(super) fn written_id<'a>(
    id: Option<CowStr<'a>>,
    attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
) -> Option<CowStr<'a>> {
    id.or_else(|| {
        attrs
            .into_iter()
            .find_map(|(k, v)| (k.as_ref() == "id").then_some(v).flatten())
    })
}
