//! Markdown -> HTML with pulldown-cmark: heading ids folded from Vietnamese, a table of
//! contents, alerts, internal links (`@/news/a.md`), highlighted code, a summary, and the facts
//! later stages need (links to check, anchors, plain text for search).

mod blocks;
mod emoji;
pub mod highlight;
mod links;
mod notes;
pub mod raw_html;
pub mod shortcodes;
mod terms;

pub use links::{Link, LinkTarget};

use crate::diagnostics::Diagnostic;
use crate::site::UrlStyle;
use crate::text::{count_words, escape_html, heading_id};
use pulldown_cmark::{
    html, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// A heading of the page, for the table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Heading {
    /// 1-6.
    pub level: u8,
    /// The anchor id.
    pub id: String,
    /// Plain text of the heading.
    pub title: String,
}

/// What rendering one page's Markdown gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    /// The body as HTML.
    pub html: String,
    /// Plain text of the summary: before `<!-- more -->`, else the first paragraph.
    pub summary: String,
    /// Headings of level 2 and 3.
    pub toc: Vec<Heading>,
    /// Every id a link may point at.
    pub anchors: Vec<String>,
    /// Internal links and images, to check once every page is known.
    pub links: Vec<Link>,
    /// Words in the body.
    pub words: usize,
    /// Whether the body has highlighted code (the page then needs `syntax.css`).
    pub has_code: bool,
    /// The site path of the front matter's `image:`, found like an image of the body.
    pub lead_image: Option<String>,
}

/// What the renderer needs to know about the page it renders.
pub struct Context<'a> {
    /// The page's source, relative to the site root (for diagnostics).
    pub source: &'a str,
    /// The page's language.
    pub lang: &'a str,
    /// The page's URL path.
    pub page_path: &'a str,
    /// The page's folder under `content/` (for relative `.md` links).
    pub content_dir: &'a str,
    /// Lines of the file before the body.
    pub line_offset: usize,
    /// How links are written.
    pub style: &'a UrlStyle,
    /// Content path (`news/a.md`) -> the target's URL path, in the page's language if possible.
    pub resolve: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// The site's images with their sizes and smaller copies, by site path.
    pub images: &'a crate::images::Catalogue,
    /// `:emoji:` codes become emoji (`markdown.emoji`).
    pub emoji: bool,
    /// The shortcode templates; `None` renders no shortcode.
    pub shortcodes: Option<&'a dyn shortcodes::Expander>,
    /// The files of `content/` and where they are published; `None` resolves relative files
    /// against the page's URL and checks none of them.
    pub files: Option<&'a crate::site::Files>,
    /// A file of the page's bundle or of `static/` by name: its site path and size.
    pub find_file: &'a (dyn Fn(&str) -> Option<(String, u64)> + Sync),
    /// What happens to raw HTML (`markdown.raw_html` of site.yaml).
    pub raw_html: crate::config::RawHtml,
    /// Highlights code blocks (owned by the build, or by the dev server across builds).
    pub highlighter: &'a highlight::Highlighter,
    /// The theme's UI strings in the page's language (alert titles, the table label).
    pub strings: &'a BTreeMap<String, String>,
}

impl Context<'_> {
    /// The theme's UI string `key`; the key itself when the theme lacks it (as in templates).
    fn text<'k>(&'k self, key: &'k str) -> &'k str {
        self.strings.get(key).map_or(key, String::as_str)
    }
}

/// Renders `body`; problems (broken `@/` links, unknown code languages, images without alt
/// text) are returned as diagnostics.
pub fn render(body: &str, cx: &Context) -> (Rendered, Vec<Diagnostic>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST;
    // Other tools' blocks (admonitions, tabs) become quotes, line for line.
    let mut foreign = Vec::new();
    let rewritten = blocks::rewrite(body, &mut foreign);
    let body = rewritten.as_ref().map_or(body, |r| r.text.as_str());
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut out = Rendered::default();
    // Plain text of the body, for the summary and the word count (the search index reads the
    // HTML instead, which the build keeps anyway).
    let mut text = String::new();
    let mut diags: Vec<Diagnostic> = foreign
        .into_iter()
        .map(|(index, col, kind, written)| {
            Diagnostic::warning("W0602", cx.source)
                .at(cx.line_offset + index + 1, col)
                .arg("syntax", written)
                .arg("kind", kind)
        })
        .collect();
    let expanded = shortcodes::expand(body, cx, &mut out, &mut diags);
    let original = |offset: usize| expanded.as_ref().map_or(offset, |e| e.original(offset));
    let line_of = |offset: usize| {
        cx.line_offset
            + line_starts
                .partition_point(|&s| s <= original(offset))
                .max(1)
    };
    // Line and column (in characters) of a byte offset of the parsed text, in the body.
    let pos_of = |offset: usize| {
        let offset = original(offset);
        let index = line_starts.partition_point(|&s| s <= offset).max(1);
        let start = line_starts[index - 1];
        let col = body.get(start..offset).map_or(1, |t| t.chars().count() + 1);
        (cx.line_offset + index, col)
    };
    let generated = |offset: usize| expanded.as_ref().is_some_and(|e| e.is_generated(offset));
    let input = expanded.as_ref().map_or(body, |e| e.text.as_str());
    let mut ids = Ids::default();
    let mut events: Vec<Event> = Vec::new();
    let mut iter = Parser::new_ext(input, options)
        .into_offset_iter()
        .peekable();
    let mut more_at: Option<usize> = None;
    let mut first_para: Option<String> = None;
    let mut para_depth = 0usize;
    let mut in_first_para = false;
    // Positions in `events` of raw HTML to sanitize: everything else is sachhon's own.
    let mut raw_at: HashSet<usize> = HashSet::new();
    // How each open block quote closes: `None` as a quote, else the alert's or tab's HTML.
    let mut quotes: Vec<Option<&'static str>> = Vec::new();
    let mut notes = notes::Notes::default();
    while let Some((event, range)) = iter.next() {
        let event = match event {
            Event::Text(t) if cx.emoji => match emoji::replace(&t) {
                Some(replaced) => Event::Text(replaced.into()),
                None => Event::Text(t),
            },
            other => other,
        };
        match event {
            Event::Start(Tag::DefinitionListTitle) => {
                let mut inner = Vec::new();
                for (e, _) in iter.by_ref() {
                    if let Event::End(TagEnd::DefinitionListTitle) = e {
                        break;
                    }
                    inner.push(e);
                }
                let inner = rewrite_links(inner, cx, &pos_of, range.start, &mut out, &mut diags);
                for e in &inner {
                    if let Event::Text(t) | Event::Code(t) = e {
                        text.push_str(t);
                    }
                }
                text.push('\n');
                let dt = terms::term_html(inner, &mut ids, &mut out.anchors);
                events.push(Event::Html(dt.into()));
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let mut inner = Vec::new();
                let mut title = String::new();
                for (e, _) in iter.by_ref() {
                    match e {
                        Event::End(TagEnd::Heading(_)) => break,
                        Event::Text(ref t) | Event::Code(ref t) => title.push_str(t),
                        _ => {}
                    }
                    inner.push(e);
                }
                // `{#id}`, or `{ id="x" }` as MkDocs' attribute lists write it.
                let written = id.or_else(|| {
                    attrs
                        .into_iter()
                        .find_map(|(k, v)| (k.as_ref() == "id").then_some(v).flatten())
                });
                let base = written
                    .map(|i| i.trim_matches(['"', '\'']).to_string())
                    .filter(|i| !i.is_empty())
                    .unwrap_or_else(|| heading_id(&title));
                let base = if base.is_empty() {
                    "section".to_string()
                } else {
                    base
                };
                let id = unique_id(&base, &mut ids);
                let n = heading_number(level);
                if (2..=3).contains(&n) {
                    out.toc.push(Heading {
                        level: n,
                        id: id.clone(),
                        title: title.clone(),
                    });
                }
                text.push_str(&title);
                text.push('\n');
                out.anchors.push(id.clone());
                let class = if classes.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"{}\"", escape_html(&classes.join(" ")))
                };
                let mut h = format!("<h{n} id=\"{}\"{class}>", escape_html(&id));
                html::push_html(
                    &mut h,
                    rewrite_links(inner, cx, &pos_of, range.start, &mut out, &mut diags)
                        .into_iter(),
                );
                h.push_str(&format!(
                    " <a class=\"anchor\" href=\"#{}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{n}>\n",
                    escape_html(&id)
                ));
                events.push(Event::Html(h.into()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let (lang, title) = match &kind {
                    CodeBlockKind::Fenced(info) => notes::fence_info(info),
                    CodeBlockKind::Indented => (String::new(), None),
                };
                let mut code = String::new();
                for (e, _) in iter.by_ref() {
                    match e {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) => code.push_str(&t),
                        _ => {}
                    }
                }
                text.push_str(&code);
                let highlighted = if lang.is_empty() || highlight::is_plain(&lang) {
                    None
                } else {
                    let h = cx.highlighter.highlight(&code, &lang);
                    if h.is_none() {
                        diags.push(
                            Diagnostic::warning("W0105", cx.source)
                                .at(line_of(range.start), 1)
                                .arg("lang", &lang),
                        );
                    }
                    h
                };
                let lang_attr = if lang.is_empty() {
                    String::new()
                } else {
                    format!(" data-lang=\"{}\"", escape_html(&lang))
                };
                out.has_code |= highlighted.is_some();
                let inner = highlighted.unwrap_or_else(|| escape_html(&code));
                let title = title.map_or(String::new(), |t| {
                    format!("<p class=\"code-title\">{}</p>\n", escape_html(&t))
                });
                events.push(Event::Html(
                    format!("{title}<pre class=\"code hl-code\"{lang_attr}><code>{inner}</code></pre>\n")
                        .into(),
                ));
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                let block = rewritten
                    .as_ref()
                    .and_then(|r| r.blocks.get(&original(range.start)));
                match quote_html(kind, block, cx) {
                    Some((open, close)) => {
                        events.push(Event::Html(open.into()));
                        quotes.push(Some(close));
                    }
                    None => {
                        events.push(Event::Start(Tag::BlockQuote(None)));
                        quotes.push(None);
                    }
                }
            }
            Event::End(TagEnd::BlockQuote(kind)) => match quotes.pop().flatten() {
                Some(close) => events.push(Event::Html(close.into())),
                None => events.push(Event::End(TagEnd::BlockQuote(kind))),
            },
            Event::FootnoteReference(label) => {
                events.push(Event::InlineHtml(notes.reference(&label).into()));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                notes.open(&label, events.len());
            }
            Event::End(TagEnd::FootnoteDefinition) => notes.close(events.len()),
            Event::Start(Tag::Table(a)) => {
                // A wide table scrolls inside its box; keyboard users must reach it to scroll.
                let label = escape_html(cx.text("table_label"));
                events.push(Event::Html(
                    format!("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\">")
                        .into(),
                ));
                events.push(Event::Start(Tag::Table(a)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Html(ref h) | Event::InlineHtml(ref h) if raw_html::is_more_mark(h) => {
                if more_at.is_none() {
                    more_at = Some(text.len());
                }
            }
            Event::Start(Tag::Paragraph) => {
                para_depth += 1;
                if first_para.is_none() && para_depth == 1 && !in_first_para {
                    in_first_para = true;
                    first_para = Some(String::new());
                }
                events.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::Paragraph) => {
                para_depth = para_depth.saturating_sub(1);
                in_first_para = false;
                text.push('\n');
                events.push(Event::End(TagEnd::Paragraph));
            }
            Event::Start(Tag::Link { .. }) => {
                let rewritten =
                    rewrite_links(vec![event], cx, &pos_of, range.start, &mut out, &mut diags);
                events.extend(rewritten);
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let (line, col) = pos_of(range.start);
                let recorded = out.links.len();
                let src = links::rewrite(&dest_url, true, cx, (line, col), &mut out, &mut diags);
                // Only the link this image recorded (a `data:` image records none).
                let image = match out.links.get(recorded) {
                    Some(Link {
                        target: LinkTarget::File(path),
                        ..
                    }) => cx.images.get(path),
                    _ => None,
                };
                let mut alt = String::new();
                for (e, _) in iter.by_ref() {
                    match e {
                        Event::End(TagEnd::Image) => break,
                        Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                        _ => {}
                    }
                }
                if alt.trim().is_empty() {
                    diags.push(Diagnostic::warning("W0106", cx.source).at(line, col));
                }
                let tag = crate::images::img_tag(&src, &alt, &title, image);
                events.push(Event::InlineHtml(tag.into()));
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if in_first_para {
                    if let Some(p) = first_para.as_mut() {
                        p.push_str(t);
                    }
                }
                text.push_str(t);
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                if in_first_para {
                    if let Some(p) = first_para.as_mut() {
                        p.push(' ');
                    }
                }
                text.push(' ');
                events.push(event);
            }
            // Shortcode output has its links resolved already, and is the theme's own HTML.
            Event::Html(h) | Event::InlineHtml(h) if generated(range.start) => {
                events.push(Event::Html(h));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                // Links are rewritten in raw HTML that stays HTML; escaped HTML is shown as written.
                let event = if cx.raw_html == crate::config::RawHtml::Escape {
                    event
                } else {
                    let pos = pos_of(range.start);
                    let rewrite = |h: &str, out: &mut Rendered, diags: &mut Vec<Diagnostic>| {
                        CowStr::from(links::rewrite_raw_html(h, cx, pos, out, diags))
                    };
                    match event {
                        Event::Html(h) => Event::Html(rewrite(&h, &mut out, &mut diags)),
                        Event::InlineHtml(h) => {
                            Event::InlineHtml(rewrite(&h, &mut out, &mut diags))
                        }
                        other => other,
                    }
                };
                let line = line_of(range.start);
                let (kept, raw) = raw_html::take(event, cx.raw_html, cx.source, line, &mut diags);
                if raw {
                    raw_at.insert(events.len());
                }
                events.push(kept);
            }
            other => events.push(other),
        }
    }
    // Footnotes are gathered at the end, each with a link back to where it is referenced.
    let (events, raw_at) = notes.gather(events, raw_at, cx.text("footnote_back"), &mut out.anchors);
    if raw_at.is_empty() {
        html::push_html(&mut out.html, events.into_iter());
    } else {
        out.html = raw_html::sanitize_page(events, &raw_at);
    }
    out.summary = match more_at {
        Some(at) => text[..at].split_whitespace().collect::<Vec<_>>().join(" "),
        None => first_para.unwrap_or_default(),
    };
    out.words = count_words(&text, 0).0;
    out.html.shrink_to_fit();
    (out, diags)
}

fn rewrite_links<'e>(
    events: Vec<Event<'e>>,
    cx: &Context,
    pos_of: &dyn Fn(usize) -> (usize, usize),
    offset: usize,
    out: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Event<'e>> {
    events
        .into_iter()
        .map(|e| match e {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = links::rewrite(&dest_url, false, cx, pos_of(offset), out, diags);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(dest),
                    title,
                    id,
                })
            }
            other => other,
        })
        .collect()
}

/// The ids given so far in a page, and the next number to try after each base.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

/// `base`, else `base-1`, `base-2`...: the first not taken. Each base remembers where it got
/// to, so a page repeating one heading 10,000 times does not try 50 million ids.
fn unique_id(base: &str, ids: &mut Ids) -> String {
    if ids.taken.insert(base.to_string()) {
        return base.to_string();
    }
    let n = ids.next.entry(base.to_string()).or_insert(1);
    loop {
        let id = format!("{base}-{n}");
        *n += 1;
        if ids.taken.insert(id.clone()) {
            return id;
        }
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// An alert's class and the UI string key of its title.
fn alert(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
}

/// The opening and closing HTML of a block quote that is a GitHub alert, an admonition of
/// another tool or a content tab; `None` for a plain quote.
fn quote_html(
    kind: Option<BlockQuoteKind>,
    block: Option<&blocks::Block>,
    cx: &Context,
) -> Option<(String, &'static str)> {
    let title_of = |class: &str, title: Option<&String>| match title {
        Some(t) => escape_html(t),
        None => escape_html(cx.text(&format!("alert_{class}"))),
    };
    Some(match (block, kind) {
        (Some(blocks::Block::Tab(label)), _) => (
            format!(
                "<div class=\"tab-panel\"><p class=\"tab-label\">{}</p>\n",
                escape_html(label)
            ),
            "</div>\n",
        ),
        (Some(blocks::Block::Alert { class, title, folds: Some(open) }), _) => (
            format!(
                "<details class=\"alert alert-{class}\"{}><summary class=\"alert-title\">{}</summary>\n",
                if *open { " open" } else { "" },
                title_of(class, title.as_ref())
            ),
            "</details>\n",
        ),
        (Some(blocks::Block::Alert { class, title, folds: None }), _) => (
            alert_open(class, &title_of(class, title.as_ref())),
            "</div>\n",
        ),
        (None, Some(kind)) => {
            let class = alert(kind);
            (alert_open(class, &title_of(class, None)), "</div>\n")
        }
        (None, None) => return None,
    })
}

fn alert_open(class: &str, title: &str) -> String {
    if title.is_empty() {
        return format!("<div class=\"alert alert-{class}\" role=\"note\">\n");
    }
    format!(
        "<div class=\"alert alert-{class}\" role=\"note\"><p class=\"alert-title\">{title}</p>\n"
    )
}

#[cfg(test)]
mod tests;
