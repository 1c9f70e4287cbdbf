//! Markdown -> HTML with pulldown-cmark: heading ids folded from Vietnamese, a table of
//! contents, alerts, internal links (`@/news/a.md`), highlighted code, a summary, and the facts
//! later stages need (links to check, anchors, plain text for search).

mod blocks;
mod emoji;
pub mod highlight;
mod lines;
mod links;
mod notes;
mod positions;
pub mod raw_html;
mod renderer;
pub mod shortcodes;
mod summary;
mod terms;

pub use links::{with_target, Link, LinkTarget};

use crate::diagnostics::{Code, Diagnostic};
use crate::site::UrlStyle;
use crate::text::escape_html;
use pulldown_cmark::{BlockQuoteKind, HeadingLevel};
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
    /// Whether the body has content tabs (the page then offers `tabs.js`).
    pub has_tabs: bool,
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
    /// Highlights code blocks (owned by the build, or by the dev server across builds, as this
    /// thread uses it).
    pub highlighter: &'a highlight::Local<'a>,
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
    // Other tools' blocks (admonitions, tabs) become quotes, line for line.
    let mut foreign = Vec::new();
    let rewritten = blocks::rewrite(body, &mut foreign);
    let body = rewritten.as_ref().map_or(body, |r| r.text.as_str());
    let mut out = Rendered::default();
    let mut diags: Vec<Diagnostic> = foreign
        .into_iter()
        .map(|(index, col, kind, written)| {
            Diagnostic::warning(Code::W0602, cx.source)
                .at(cx.line_offset + index + 1, col)
                .arg("syntax", written)
                .arg("kind", kind)
        })
        .collect();
    let expanded = shortcodes::expand(body, cx, &mut out, &mut diags);
    let input = expanded.as_ref().map_or(body, |e| e.text.as_str());
    let at = positions::Positions::new(body, expanded.as_ref(), cx.line_offset);
    let quote_blocks = rewritten.as_ref().map(|r| &r.blocks);
    let (rendered, mut diags) =
        renderer::Renderer::new(cx, input, at, quote_blocks, out, diags).run();
    fold_foreign_repeats(&mut diags);
    (rendered, diags)
}

/// Template syntax of another tool that a page writes many times over (a Jekyll page with
/// `{{ site.repository }}` in every link) is said once, at its first place, with how many
/// times the page writes it (`repeats`, which every W0602 carries).
fn fold_foreign_repeats(diags: &mut Vec<Diagnostic>) {
    let mut first: std::collections::HashMap<String, usize> = Default::default();
    let mut kept: Vec<(Diagnostic, usize)> = Vec::with_capacity(diags.len());
    for d in diags.drain(..) {
        let foldable = d.code == Code::W0602
            && matches!(
                d.value("kind"),
                Some("hugo" | "liquid" | "output" | "other")
            );
        if foldable {
            let syntax = d.value("syntax").unwrap_or_default().to_string();
            if let Some(&i) = first.get(&syntax) {
                kept[i].1 += 1;
                continue;
            }
            first.insert(syntax, kept.len());
        }
        kept.push((d, 1));
    }
    *diags = kept
        .into_iter()
        .map(|(d, n)| match d.code {
            Code::W0602 => d.arg("repeats", n),
            _ => d,
        })
        .collect();
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
        (
            Some(blocks::Block::Alert {
                class,
                kind,
                title,
                folds: Some(open),
            }),
            _,
        ) => (
            format!(
                "<details class=\"{}\"{}><summary class=\"alert-title\">{}</summary>\n",
                alert_classes(class, kind.as_deref()),
                if *open { " open" } else { "" },
                title_of(class, title.as_ref())
            ),
            "</details>\n",
        ),
        (
            Some(blocks::Block::Alert {
                class,
                kind,
                title,
                folds: None,
            }),
            _,
        ) => (
            alert_open(
                &alert_classes(class, kind.as_deref()),
                &title_of(class, title.as_ref()),
            ),
            "</div>\n",
        ),
        (None, Some(kind)) => {
            let class = alert(kind);
            let classes = alert_classes(class, None);
            (alert_open(&classes, &title_of(class, None)), "</div>\n")
        }
        (None, None) => return None,
    })
}

/// The classes of an alert: `alert alert-tip`; an admonition of a type sachhon does not know
/// has the generic look (`alert-other`) and its type as `admonition-<type>`, which no class of
/// the theme starts with.
fn alert_classes(class: &str, kind: Option<&str>) -> String {
    match kind {
        Some(kind) => format!("alert alert-{class} admonition-{kind}"),
        None => format!("alert alert-{class}"),
    }
}

fn alert_open(classes: &str, title: &str) -> String {
    if title.is_empty() {
        return format!("<div class=\"{classes}\" role=\"note\">\n");
    }
    format!("<div class=\"{classes}\" role=\"note\"><p class=\"alert-title\">{title}</p>\n")
}

#[cfg(test)]
mod tests;
