//! Raw HTML in Markdown: the summary mark, shortcode output, and the writer's own HTML with
//! its links rewritten and, unless trusted, sanitized or escaped.

use super::Renderer;
use crate::config::RawHtml;
use crate::markdown::{links, raw_html};
use pulldown_cmark::{CowStr, Event};

impl<'a> Renderer<'a, '_> {
    /// Raw HTML: the `<!-- more -->` mark, a shortcode's output, or the writer's own HTML.
    pub(super) fn html(&mut self, event: Event<'a>, at: usize) {
        if matches!(&event, Event::Html(h) | Event::InlineHtml(h) if raw_html::is_more_mark(h)) {
            self.summary.mark_more(self.text.len());
            return;
        }
        // Shortcode output has its links resolved already, and is the theme's own HTML.
        if self.at.is_generated(at) {
            if let Event::Html(h) | Event::InlineHtml(h) = event {
                links::record_shortcode_output(&h, self.at.pos_of(at), &mut self.out);
                self.events.push(Event::Html(h));
            }
            return;
        }
        // Links are rewritten in raw HTML that stays HTML; escaped HTML is shown as written.
        let event = if self.cx.raw_html == RawHtml::Escape {
            event
        } else {
            let pos = self.at.pos_of(at);
            match event {
                Event::Html(h) => Event::Html(self.rewrite_raw_links(&h, pos)),
                Event::InlineHtml(h) => Event::InlineHtml(self.rewrite_raw_links(&h, pos)),
                other => other,
            }
        };
        let line = self.at.line_of(at);
        let (kept, raw) = raw_html::take(
            event,
            self.cx.raw_html,
            self.cx.source,
            line,
            &mut self.diags,
        );
        if raw {
            self.raw_at.insert(self.events.len());
        }
        self.events.push(kept);
    }

    fn rewrite_raw_links(&mut self, html: &str, pos: (usize, usize)) -> CowStr<'a> {
        CowStr::from(links::rewrite_raw_html(
            html,
            self.cx,
            pos,
            &mut self.out,
            &mut self.diags,
        ))
    }
}
