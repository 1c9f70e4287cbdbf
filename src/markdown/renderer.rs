//! The walk over pulldown-cmark's events of one page: one method per kind of event, each
//! adding to the HTML events, the plain text, the summary and the facts later stages need.

use super::positions::Positions;
use super::summary::Summary;
use super::{
    blocks, emoji, heading_number, highlight, lines, links, notes, quote_html, raw_html, terms,
    unique_id, Context, Heading, Ids, Link, LinkTarget, Rendered,
};
use crate::config::RawHtml;
use crate::diagnostics::{Code, Diagnostic};
use crate::text::{count_words, escape_html, heading_id};
use pulldown_cmark::{
    html, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, OffsetIter, Options, Parser,
    Tag, TagEnd,
};
use std::collections::{HashMap, HashSet};

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
            text: String::new(),
            summary: Summary::default(),
            ids: Ids::default(),
            events: Vec::new(),
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

    /// The term of a definition list, with an id.
    fn term(&mut self, at: usize) {
        let inner = self.inner_until(|e| matches!(e, TagEnd::DefinitionListTitle));
        let inner = self.rewrite_links(inner, at);
        self.text.push_str(&plain_text(&inner));
        self.text.push('\n');
        let dt = terms::term_html(inner, &mut self.ids, &mut self.out.anchors);
        self.events.push(Event::Html(dt.into()));
    }

    /// A heading, with a unique id, an anchor link and (levels 2-3) a table of contents entry.
    fn heading(
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
        let class = if classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape_html(&classes.join(" ")))
        };
        let mut h = format!("<h{n} id=\"{}\"{class}>", escape_html(&id));
        html::push_html(&mut h, self.rewrite_links(inner, at).into_iter());
        h.push_str(&format!(
            " <a class=\"anchor\" href=\"#{}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{n}>\n",
            escape_html(&id)
        ));
        self.events.push(Event::Html(h.into()));
    }

    /// A code block, highlighted when its language is known, with its title if it has one.
    fn code_block(&mut self, kind: &CodeBlockKind, at: usize) {
        let notes::Fence { lang, title, marks } = match kind {
            CodeBlockKind::Fenced(info) => notes::fence_info(info),
            CodeBlockKind::Indented => notes::Fence::default(),
        };
        let mut code = String::new();
        for e in self.inner_until(|e| matches!(e, TagEnd::CodeBlock)) {
            if let Event::Text(t) = e {
                code.push_str(&t);
            }
        }
        self.text.push_str(&code);
        let highlighted = self.highlight(&code, &lang, at);
        let lang_attr = if lang.is_empty() {
            String::new()
        } else {
            format!(" data-lang=\"{}\"", escape_html(&lang))
        };
        self.out.has_code |= highlighted.is_some();
        let inner = highlighted.unwrap_or_else(|| escape_html(&code));
        let (inner, numbered) = if marks.is_empty() {
            (inner, "")
        } else {
            let numbered = if marks.first_number.is_some() {
                " numbered"
            } else {
                ""
            };
            (lines::draw(&inner, &marks), numbered)
        };
        let title = title.map_or(String::new(), |t| {
            format!("<p class=\"code-title\">{}</p>\n", escape_html(&t))
        });
        self.events.push(Event::Html(
            format!("{title}<pre class=\"code hl-code{numbered}\"{lang_attr}><code>{inner}</code></pre>\n")
                .into(),
        ));
    }

    /// The highlighted HTML of `code`; `None` for plain text, or (with a warning) for a
    /// language the highlighter does not know.
    fn highlight(&mut self, code: &str, lang: &str, at: usize) -> Option<String> {
        if lang.is_empty() || highlight::is_plain(lang) {
            return None;
        }
        let h = self.cx.highlighter.highlight(code, lang);
        if h.is_none() {
            self.diags.push(
                Diagnostic::warning(Code::W0105, self.cx.source)
                    .at(self.at.line_of(at), 1)
                    .arg("lang", lang),
            );
        }
        h
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

    /// An image: its destination rewritten and recorded, its sizes and smaller copies when the
    /// site has it, and a warning when it has no alt text.
    fn image(&mut self, dest_url: &str, title: &str, at: usize) {
        let (line, col) = self.at.pos_of(at);
        let recorded = self.out.links.len();
        let src = links::rewrite(
            dest_url,
            true,
            self.cx,
            (line, col),
            &mut self.out,
            &mut self.diags,
        );
        // Only the link this image recorded (a `data:` image records none).
        let image = match self.out.links.get(recorded) {
            Some(Link {
                target: LinkTarget::File(path),
                ..
            }) => self.cx.images.get(path),
            _ => None,
        };
        let inner = self.inner_until(|e| matches!(e, TagEnd::Image));
        let alt = plain_text(&inner);
        if alt.trim().is_empty() {
            self.diags
                .push(Diagnostic::warning(Code::W0106, self.cx.source).at(line, col));
        }
        let tag = crate::images::img_tag(&src, &alt, title, image);
        self.events.push(Event::InlineHtml(tag.into()));
    }

    /// Raw HTML: the `<!-- more -->` mark, a shortcode's output, or the writer's own HTML.
    fn html(&mut self, event: Event<'a>, at: usize) {
        if matches!(&event, Event::Html(h) | Event::InlineHtml(h) if raw_html::is_more_mark(h)) {
            self.summary.mark_more(self.text.len());
            return;
        }
        // Shortcode output has its links resolved already, and is the theme's own HTML.
        if self.at.is_generated(at) {
            if let Event::Html(h) | Event::InlineHtml(h) = event {
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
            html::push_html(&mut out.html, events.into_iter());
        } else {
            out.html = raw_html::sanitize_page(events, &raw_at);
        }
        out.summary = self.summary.finish(&self.text);
        out.words = count_words(&self.text, 0).0;
        out.html.shrink_to_fit();
        (out, self.diags)
    }
}

/// The id written for a heading: `{#id}`, or `{ id="x" }` as MkDocs' attribute lists write it.
fn written_id<'a>(
    id: Option<CowStr<'a>>,
    attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
) -> Option<CowStr<'a>> {
    id.or_else(|| {
        attrs
            .into_iter()
            .find_map(|(k, v)| (k.as_ref() == "id").then_some(v).flatten())
    })
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
