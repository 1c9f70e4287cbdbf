//! Raw HTML written in Markdown, by the site's policy `markdown.raw_html`:
//! - `allow`: kept as written;
//! - `sanitize` (the default): cleaned by `ammonia` — scripts, event handlers and
//!   `javascript:`/`vbscript:`/`data:` URLs go (a `data:image/...` picture stays), tables,
//!   `figure`, `details` and videos from a few hosts in `iframe` stay — with a warning for each
//!   thing removed, at its line;
//! - `escape`: shown as text.

use crate::config::RawHtml;
use crate::diagnostics::{Code, Diagnostic};
use pulldown_cmark::{html, CowStr, Event};
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasher;

/// Hosts whose video players may be embedded with `<iframe>`.
const VIDEO_HOSTS: [&str; 4] = [
    "https://www.youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://player.vimeo.com/video/",
    "https://www.facebook.com/plugins/video.php",
];

/// One raw HTML event of the page: escaped, or checked (warnings at `line`) and kept for the
/// page's final cleaning. Returns whether the page needs that cleaning.
pub fn take<'e>(
    event: Event<'e>,
    policy: RawHtml,
    source: &str,
    line: usize,
    diags: &mut Vec<Diagnostic>,
) -> (Event<'e>, bool) {
    let (Event::Html(html) | Event::InlineHtml(html)) = &event else {
        return (event, false);
    };
    match policy {
        RawHtml::Allow => (event, false),
        RawHtml::Escape => (Event::Text(CowStr::from(html.to_string())), false),
        // Comments are all the sanitizer would remove from it: dropped here, sparing the
        // page a pass through the sanitizer.
        RawHtml::Sanitize if only_comments(html) => {
            (Event::InlineHtml(CowStr::Borrowed("")), false)
        }
        RawHtml::Sanitize => {
            for what in removals(html) {
                diags.push(
                    Diagnostic::warning(Code::W0150, source)
                        .at(line, 1)
                        .arg("what", what),
                );
            }
            (event, true)
        }
    }
}

/// Whether `html` is the summary mark, `<!-- more -->` (also without spaces, as Hugo writes it).
pub fn is_more_mark(html: &str) -> bool {
    comment_text(html.trim()).is_some_and(|inner| inner.trim().eq_ignore_ascii_case("more"))
}

/// The inside of `html` when it is one whole comment.
fn comment_text(html: &str) -> Option<&str> {
    let inner = html.strip_prefix("<!--")?.strip_suffix("-->")?;
    (!inner.contains("-->")).then_some(inner)
}

/// Whether `html` holds nothing but whole comments and white space.
fn only_comments(html: &str) -> bool {
    let mut rest = html.trim_start();
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix("<!--") else {
            return false;
        };
        let Some(end) = after.find("-->") else {
            return false;
        };
        rest = after[end + 3..].trim_start();
    }
    true
}

fn builder() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_tags([
        "figure",
        "figcaption",
        "details",
        "summary",
        "iframe",
        "input",
    ])
    .add_tags([
        "video", "audio", "source", "picture", "mark", "section", "aside",
    ])
    .add_generic_attributes(["id", "class", "role", "tabindex", "title", "lang", "dir"])
    .add_generic_attributes(["data-lang", "aria-label", "aria-hidden", "aria-describedby"])
    .add_tag_attributes("img", ["srcset", "sizes", "loading", "decoding"])
    .add_tag_attributes("img", ["width", "height"])
    .add_tag_attributes("source", ["src", "srcset", "sizes", "type", "media"])
    .add_tag_attributes("video", ["src", "controls", "poster", "width", "height"])
    .add_tag_attributes("audio", ["src", "controls"])
    .add_tag_attributes("iframe", ["src", "width", "height", "allowfullscreen"])
    .add_tag_attributes("iframe", ["allow", "loading", "frameborder"])
    .add_tag_attributes("input", ["type", "checked", "disabled"])
    .add_tag_attributes("details", ["open"])
    // Markdown's own table alignment.
    .add_tag_attributes("th", ["style"])
    .add_tag_attributes("td", ["style"])
    .filter_style_properties(["text-align"].into_iter().collect())
    .add_url_schemes(["data"])
    .link_rel(None)
    .attribute_filter(|element, attribute, value| {
        keep_attribute(element, attribute, value).then(|| Cow::Owned(value.to_string()))
    });
    b
}

/// URLs: `data:` only as a picture in `img`, an `iframe` only from a video host.
fn keep_attribute(element: &str, attribute: &str, value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    if lower.starts_with("data:") {
        return element == "img" && attribute == "src" && lower.starts_with("data:image/");
    }
    if element == "iframe" && attribute == "src" {
        return VIDEO_HOSTS.iter().any(|h| lower.starts_with(h));
    }
    true
}

/// HTML cleaned by the sanitizer.
pub fn sanitize(html: &str) -> String {
    builder().clean(html).to_string()
}

/// The page's HTML with its raw HTML (the events at `raw_at`) and Markdown's own markup cleaned
/// by the sanitizer, while what sachhon and the theme made (headings, code, alerts, pictures,
/// shortcodes) stays byte for byte: it waits behind markers no author can guess.
pub fn sanitize_page(events: Vec<Event>, raw_at: &HashSet<usize>) -> String {
    let nonce = format!(
        "{:016x}",
        std::collections::hash_map::RandomState::new().hash_one(raw_at.len())
    );
    let mut kept: Vec<String> = Vec::new();
    let events = events.into_iter().enumerate().map(|(i, e)| match e {
        Event::Html(h) | Event::InlineHtml(h) if !raw_at.contains(&i) => {
            let marker = format!("\u{E000}{nonce}-{}\u{E001}", kept.len());
            kept.push(h.to_string());
            Event::InlineHtml(marker.into())
        }
        other => other,
    });
    let mut page = String::new();
    html::push_html(&mut page, events);
    restore(&sanitize(&page), &nonce, &kept)
}

/// Puts each kept fragment back in place of its marker.
fn restore(clean: &str, nonce: &str, kept: &[String]) -> String {
    let mut out = String::with_capacity(clean.len() + kept.iter().map(String::len).sum::<usize>());
    let mut rest = clean;
    while let Some(at) = rest.find('\u{E000}') {
        out.push_str(&rest[..at]);
        let after = &rest[at + '\u{E000}'.len_utf8()..];
        let fragment = after
            .strip_prefix(nonce)
            .and_then(|r| r.strip_prefix('-'))
            .and_then(|r| r.split_once('\u{E001}'))
            .and_then(|(n, tail)| Some((kept.get(n.parse::<usize>().ok()?)?, tail)));
        match fragment {
            Some((html, tail)) => {
                out.push_str(html);
                rest = tail;
            }
            None => {
                out.push('\u{E000}');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the sanitizer removes from one fragment, for the warnings: `<script>`, `onerror`,
/// `javascript:`. Read from the fragment's own tags (a fragment may open a tag it does not
/// close).
pub fn removals(fragment: &str) -> Vec<String> {
    let allowed = builder().clone_tags();
    let mut found = Vec::new();
    for tag in fragment.split('<').skip(1) {
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !allowed.contains(name.as_str()) {
            found.push(format!("<{name}>"));
            continue;
        }
        let inside = tag.split('>').next().unwrap_or("");
        for (attribute, value) in attributes(inside.get(name.len()..).unwrap_or("")) {
            if attribute.starts_with("on") {
                found.push(attribute.clone());
            } else if !keep_attribute(&name, &attribute, &value)
                || ["javascript:", "vbscript:"]
                    .iter()
                    .any(|s| value.trim().to_ascii_lowercase().starts_with(s))
            {
                found.push(format!("{attribute}=\"{}\"", shorten(&value)));
            }
        }
    }
    found
}

/// `name="value"` pairs of a tag's inside, lower-cased names.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = inside;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '/')
            .collect();
        if name.is_empty() {
            return out;
        }
        rest = rest.get(name.len()..).unwrap_or("").trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = after.get(1..).unwrap_or("");
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = v.to_string();
            rest = next;
        }
        out.push((name.to_ascii_lowercase(), value));
    }
}

fn shorten(value: &str) -> String {
    let mut short: String = value.chars().take(40).collect();
    if short.len() < value.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_summary_mark_in_any_spacing() {
        for mark in ["<!-- more -->", "<!--more-->", "  <!--  MORE -->\n"] {
            assert!(is_more_mark(mark), "{mark}");
        }
        for other in [
            "<!-- more than this -->",
            "<!-- more --> x",
            "<!-- a --><!-- more -->",
        ] {
            assert!(!is_more_mark(other), "{other}");
        }
    }

    #[test]
    fn comments_alone_skip_the_sanitizer() {
        let mut diags = Vec::new();
        let comment = Event::Html("<!-- note --> <!-- two -->\n".into());
        let (kept, raw) = take(comment, RawHtml::Sanitize, "a.md", 1, &mut diags);
        assert_eq!((kept, raw), (Event::InlineHtml("".into()), false));
        for mixed in ["<!-- a --><script>x</script>", "<!-- open", "<b>", "-->"] {
            let (_, raw) = take(
                Event::Html(mixed.into()),
                RawHtml::Sanitize,
                "a.md",
                1,
                &mut diags,
            );
            assert!(raw, "{mixed}");
        }
        let (kept, _) = take(
            Event::Html("<!-- x -->".into()),
            RawHtml::Allow,
            "a.md",
            1,
            &mut diags,
        );
        assert_eq!(kept, Event::Html("<!-- x -->".into()));
    }

    #[test]
    fn finds_what_sanitizing_removes() {
        assert_eq!(removals("<script>alert(1)</script>"), vec!["<script>"]);
        assert_eq!(removals("<img src=x onerror=alert(1)>"), vec!["onerror"]);
        assert_eq!(
            removals("<a href=\"javascript:alert(1)\">x</a>"),
            vec!["href=\"javascript:alert(1)\""]
        );
        assert_eq!(
            removals("<iframe src=\"https://evil.example/\"></iframe>"),
            vec!["src=\"https://evil.example/\""]
        );
        assert!(
            removals("<figure><img src=\"data:image/png;base64,AA\" alt=\"x\"></figure>")
                .is_empty()
        );
        assert!(removals("<details><summary>Hỏi</summary>Đáp</details>").is_empty());
        assert!(removals("<table><tr><td>1</td></tr></table>").is_empty());
        assert!(removals("<a href=\"data:text/html,x\">").len() == 1);
    }

    #[test]
    fn sanitizing_keeps_what_editors_use() {
        let clean = sanitize(
            "<figure><img src=\"a.png\" alt=\"A\" onerror=\"x()\"></figure>\
             <script>x()</script><a href=\"javascript:x()\">l</a>\
             <iframe src=\"https://www.youtube.com/embed/abc\"></iframe>\
             <iframe src=\"https://evil.example/\"></iframe>",
        );
        assert!(
            clean.contains("<figure><img src=\"a.png\" alt=\"A\"></figure>"),
            "{clean}"
        );
        assert!(
            !clean.contains("script") && !clean.contains("onerror"),
            "{clean}"
        );
        assert!(!clean.contains("javascript"), "{clean}");
        assert!(clean.contains("youtube.com/embed/abc"), "{clean}");
        assert!(!clean.contains("evil"), "{clean}");
    }

    #[test]
    fn sachhons_own_html_is_kept_byte_for_byte() {
        let events = vec![
            Event::Html("<h2 id=\"a\" style=\"x\">A</h2>\n".into()),
            Event::Html("<script>x()</script>".into()),
            Event::Text("\u{E000}0000000000000000-0\u{E001} <b>".into()),
        ];
        let page = sanitize_page(events, &[1].into_iter().collect());
        assert!(
            page.starts_with("<h2 id=\"a\" style=\"x\">A</h2>\n"),
            "{page}"
        );
        assert!(!page.contains("script"), "{page}");
        // An author's text cannot name a kept fragment.
        assert!(
            page.contains("\u{E000}0000000000000000-0\u{E001} &lt;b&gt;"),
            "{page}"
        );
    }

    #[test]
    fn fragments_never_panic_on_odd_text() {
        for text in [
            "<",
            "<a",
            "<a b=",
            "<a b='",
            "<é onclick=x",
            "<<>>",
            "<a =x>",
        ] {
            let _ = removals(text);
        }
    }
}
