//! The walk over pulldown-cmark's events of one page: one method per kind of event, each
//! adding to the HTML events, the plain text, the summary and the facts later stages need.

use super::positions::Positions;
use super::summary::Summary;
use super::{blocks, emoji, links, notes, quote_html, raw_html, Context, Ids, Rendered};
use crate::diagnostics::Diagnostic;
use crate::text::{escape_html, word_count};
use pulldown_cmark::{
    html, BlockQuoteKind, CowStr, Event, OffsetIter, Options, Parser, Tag, TagEnd,
};
use std::collections::{HashMap, HashSet};

mod code;
mod headings;
mod images;
mod raw;

use headings::written_id;

/// Renders one page's Markdown, event by event.
pub(super) struct Renderer<'a, 'cx> {
    cx: &'a Context<'cx>,
    at: Positions<'a>,
    /// Other tools' blocks, rewritten as quotes, by their offset in the body.
    quote_blocks: Option<&'a HashMap<usize, blocks::Block>>,
    iter: OffsetIter<'a>,
    out: Rendered,
    diags: Vec<Diagnostic>,
    /// Plain text of the body, for the summary and the word count (the search index reads the
    /// HTML instead, which the build keeps anyway).
    text: String,
    summary: Summary,
    ids: Ids,
    /// The events to write as HTML.
    events: Vec<Event<'a>>,
    /// Positions in `events` of raw HTML to sanitize: everything else is sachhon's own.
    raw_at: HashSet<usize>,
    /// How each open block quote closes: `None` as a quote, else the alert's or tab's HTML.
    quotes: Vec<Option<&'static str>>,
    notes: notes::Notes,
}

impl<'a, 'cx> Renderer<'a, 'cx> {
    /// A renderer of `input` (the body with its shortcodes expanded); `out` and `diags` hold
    /// what came before the parse.
    pub(super) fn new(
        cx: &'a Context<'cx>,
        input: &'a str,
        at: Positions<'a>,
        quote_blocks: Option<&'a HashMap<usize, blocks::Block>>,
        out: Rendered,
        diags: Vec<Diagnostic>,
    ) -> Self {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_GFM
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_DEFINITION_LIST;
        Renderer {
            cx,
            at,
            quote_blocks,
            iter: Parser::new_ext(input, options).into_offset_iter(),
            out,
            diags,
            // Room for what a page's Markdown usually makes, so that the buffers are not
            // copied as they grow: about an event per 8 bytes, text a little shorter.
            text: String::with_capacity(input.len()),
            summary: Summary::default(),
            ids: Ids::default(),
            events: Vec::with_capacity(input.len() / 8),
            raw_at: HashSet::new(),
            quotes: Vec::new(),
            notes: notes::Notes::default(),
        }
    }

    /// Walks every event, then writes the HTML.
    pub(super) fn run(mut self) -> (Rendered, Vec<Diagnostic>) {
        while let Some((event, range)) = self.iter.next() {
            let event = self.with_emoji(event);
            self.event(event, range.start);
        }
        self.finish()
    }

    fn with_emoji(&self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::Text(t) if self.cx.emoji => match emoji::replace(&t) {
                Some(replaced) => Event::Text(replaced.into()),
                None => Event::Text(t),
            },
            other => other,
        }
    }

    /// One event, found at offset `at` of the parsed text.
    fn event(&mut self, event: Event<'a>, at: usize) {
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag),
            Event::Text(_) | Event::Code(_) => self.text(event),
            Event::SoftBreak | Event::HardBreak => self.space(event),
            Event::FootnoteReference(label) => {
                let reference = self.notes.reference(&label);
                self.events.push(Event::InlineHtml(reference.into()));
            }
            Event::Html(_) | Event::InlineHtml(_) => self.html(event, at),
            other => self.events.push(other),
        }
    }

    fn start(&mut self, tag: Tag<'a>, at: usize) {
        match tag {
            Tag::DefinitionListTitle => self.term(at),
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                let written = written_id(id, attrs);
                self.heading(level, written, &classes, at);
            }
            Tag::CodeBlock(kind) => self.code_block(&kind, at),
            Tag::BlockQuote(kind) => self.open_quote(kind, at),
            Tag::FootnoteDefinition(label) => self.notes.open(&label, self.events.len()),
            Tag::Table(alignments) => {
                // A wide table scrolls inside its box; keyboard users must reach it to scroll.
                let label = escape_html(self.cx.text("table_label"));
                self.events.push(Event::Html(
                    format!("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\">")
                        .into(),
                ));
                self.events.push(Event::Start(Tag::Table(alignments)));
            }
            Tag::Paragraph => {
                self.summary.open_paragraph();
                self.events.push(Event::Start(Tag::Paragraph));
            }
            link @ Tag::Link { .. } => {
                let rewritten = self.rewrite_links(vec![Event::Start(link)], at);
                self.events.extend(rewritten);
            }
            Tag::Image {
                dest_url, title, ..
            } => self.image(&dest_url, &title, at),
            other => self.events.push(Event::Start(other)),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::BlockQuote(kind) => match self.quotes.pop().flatten() {
                Some(close) => self.events.push(Event::Html(close.into())),
                None => self.events.push(Event::End(TagEnd::BlockQuote(kind))),
            },
            TagEnd::FootnoteDefinition => self.notes.close(self.events.len()),
            TagEnd::Table => {
                self.events.push(Event::End(TagEnd::Table));
                self.events.push(Event::Html("</div>\n".into()));
            }
            TagEnd::Paragraph => {
                self.summary.close_paragraph();
                self.text.push('\n');
                self.events.push(Event::End(TagEnd::Paragraph));
            }
            other => self.events.push(Event::End(other)),
        }
    }

    fn text(&mut self, event: Event<'a>) {
        if let Event::Text(t) | Event::Code(t) = &event {
            self.summary.push_str(t);
            self.text.push_str(t);
        }
        self.events.push(event);
    }

    fn space(&mut self, event: Event<'a>) {
        self.summary.push_str(" ");
        self.text.push(' ');
        self.events.push(event);
    }

    /// The events up to the end of the element just opened (its end is consumed, not returned).
    fn inner_until(&mut self, is_end: impl Fn(&TagEnd) -> bool) -> Vec<Event<'a>> {
        let mut inner = Vec::new();
        for (e, _) in self.iter.by_ref() {
            if matches!(&e, Event::End(end) if is_end(end)) {
                break;
            }
            inner.push(e);
        }
        inner
    }

    /// A block quote: a plain quote, or an alert, admonition or tab.
    fn open_quote(&mut self, kind: Option<BlockQuoteKind>, at: usize) {
        let block = self
            .quote_blocks
            .and_then(|blocks| blocks.get(&self.at.original(at)));
        self.out.has_tabs |= matches!(block, Some(blocks::Block::Tab(_)));
        match quote_html(kind, block, self.cx) {
            Some((open, close)) => {
                self.events.push(Event::Html(open.into()));
                self.quotes.push(Some(close));
            }
            None => {
                self.events.push(Event::Start(Tag::BlockQuote(None)));
                self.quotes.push(None);
            }
        }
    }

    /// `events` with the destination of each link rewritten and recorded.
    fn rewrite_links(&mut self, events: Vec<Event<'a>>, at: usize) -> Vec<Event<'a>> {
        let mut rewritten = Vec::with_capacity(events.len());
        for e in events {
            rewritten.push(match e {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest = links::rewrite(
                        &dest_url,
                        false,
                        self.cx,
                        self.at.pos_of(at),
                        &mut self.out,
                        &mut self.diags,
                    );
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url: CowStr::from(dest),
                        title,
                        id,
                    })
                }
                other => other,
            });
        }
        rewritten
    }

    /// Footnotes gathered at the end, each with a link back to where it is referenced; the
    /// HTML, the summary and the word count.
    fn finish(self) -> (Rendered, Vec<Diagnostic>) {
        let mut out = self.out;
        let (events, raw_at) = self.notes.gather(
            self.events,
            self.raw_at,
            self.cx.text("footnote_back"),
            &mut out.anchors,
        );
        if raw_at.is_empty() {
            // A page's HTML is about half as long again as its text.
            out.html.reserve(self.text.len() + self.text.len() / 2);
            html::push_html(&mut out.html, events.into_iter());
        } else {
            out.html = raw_html::sanitize_page(events, &raw_at);
        }
        out.summary = self.summary.finish(&self.text);
        out.words = word_count(&self.text);
        out.html.shrink_to_fit();
        (out, self.diags)
    }
}

/// The text of the `Text` and `Code` events.
fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        if let Event::Text(t) | Event::Code(t) = e {
            text.push_str(t);
        }
    }
    text
}
