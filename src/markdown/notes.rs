//! Footnotes gathered at the end of the page, numbered in the order they are referenced, each
//! with a link back to its first reference (as Hugo and Zola show them); and the attributes of
//! a code fence's info string (`py title="a.py" linenums="1"`).

use crate::text::{escape_html, heading_id};
use pulldown_cmark::{Event, TagEnd};
use std::collections::HashSet;
use std::ops::Range;

/// The footnotes of one page while it renders.
#[derive(Default)]
pub struct Notes {
    /// Labels in the order of their first reference, with how many references each has.
    referenced: Vec<(String, usize)>,
    /// Definitions: label and the range of their events in the page's events.
    defined: Vec<(String, Range<usize>)>,
    open: Option<(String, usize)>,
}

impl Notes {
    /// The HTML of a reference to `label`.
    pub fn reference(&mut self, label: &str) -> String {
        let n = match self.referenced.iter().position(|(l, _)| l == label) {
            Some(i) => {
                self.referenced[i].1 += 1;
                i
            }
            None => {
                self.referenced.push((label.to_string(), 1));
                self.referenced.len() - 1
            }
        };
        let id = note_id(label, n);
        let count = self.referenced[n].1;
        let ref_id = ref_id(&id, count);
        format!(
            "<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"{ref_id}\">{}</a></sup>",
            n + 1
        )
    }

    /// A definition of `label` starts at event `at`.
    pub fn open(&mut self, label: &str, at: usize) {
        self.open = Some((label.to_string(), at));
    }

    /// The open definition ends at event `at`.
    pub fn close(&mut self, at: usize) {
        if let Some((label, start)) = self.open.take() {
            self.defined.push((label, start..at));
        }
    }

    /// Moves the definitions out of `events` into a list at the end; `raw` (positions of raw
    /// HTML) follows the events it names. Every id written is pushed to `anchors`.
    pub fn gather<'e>(
        self,
        events: Vec<Event<'e>>,
        raw: HashSet<usize>,
        back: &str,
        anchors: &mut Vec<String>,
    ) -> (Vec<Event<'e>>, HashSet<usize>) {
        if self.defined.is_empty() {
            return (events, raw);
        }
        let mut bodies: Vec<Vec<(Event, bool)>> = vec![Vec::new(); self.defined.len()];
        let mut main = Vec::with_capacity(events.len() + 8);
        let mut main_raw = HashSet::new();
        for (i, e) in events.into_iter().enumerate() {
            match self.defined.iter().position(|(_, r)| r.contains(&i)) {
                Some(d) => bodies[d].push((e, raw.contains(&i))),
                None => {
                    if raw.contains(&i) {
                        main_raw.insert(main.len());
                    }
                    main.push(e);
                }
            }
        }
        // Referenced notes by number, then any never referenced.
        let mut order: Vec<(usize, Option<usize>)> = Vec::new();
        for (n, (label, _)) in self.referenced.iter().enumerate() {
            if let Some(d) = self.defined.iter().position(|(l, _)| l == label) {
                order.push((d, Some(n)));
            }
        }
        for d in 0..self.defined.len() {
            if !order.iter().any(|(x, _)| *x == d) {
                order.push((d, None));
            }
        }
        main.push(Event::Html(
            "<section class=\"footnotes\">\n<hr>\n<ol>\n".into(),
        ));
        for (d, number) in order {
            let n = number.unwrap_or(self.referenced.len() + d);
            let id = note_id(&self.defined[d].0, n);
            anchors.push(format!("fn-{id}"));
            main.push(Event::Html(format!("<li id=\"fn-{id}\">\n").into()));
            let mut body = std::mem::take(&mut bodies[d]);
            if let Some(n) = number {
                for k in 1..=self.referenced[n].1 {
                    anchors.push(ref_id(&id, k));
                }
                let link = format!(
                    " <a href=\"#{}\" class=\"footnote-back\" aria-label=\"{}\">↩</a>",
                    ref_id(&id, 1),
                    escape_html(back)
                );
                let before_end = matches!(body.last(), Some((Event::End(TagEnd::Paragraph), _)));
                let at = body.len() - usize::from(before_end);
                body.insert(at, (Event::InlineHtml(link.into()), false));
            }
            for (e, is_raw) in body {
                if is_raw {
                    main_raw.insert(main.len());
                }
                main.push(e);
            }
            main.push(Event::Html("</li>\n".into()));
        }
        main.push(Event::Html("</ol>\n</section>\n".into()));
        (main, main_raw)
    }
}

fn note_id(label: &str, n: usize) -> String {
    let id = heading_id(label);
    if id.is_empty() {
        format!("{}", n + 1)
    } else {
        id
    }
}

fn ref_id(id: &str, k: usize) -> String {
    if k <= 1 {
        format!("fnref-{id}")
    } else {
        format!("fnref-{id}-{k}")
    }
}

/// What a fence's info string says: the language, a title, lines to number and highlight.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fence {
    /// The language (`rust`), empty when none is given.
    pub lang: String,
    /// The title shown above the block (`title="a.py"`).
    pub title: Option<String>,
    /// `linenums` and `hl_lines`.
    pub marks: super::lines::Marks,
}

/// A fence's language, title and line marks from its info string: `rust`, `py title="a.py"`,
/// `{.python linenums="1" title="x"}`, `py hl_lines="2 3"`, Zola's `rust,linenos,hl_lines=2 4`.
/// Other attributes are set aside, never taken as the language.
pub fn fence_info(info: &str) -> Fence {
    let info = info.trim();
    let info = info
        .strip_prefix('{')
        .map_or(info, |i| i.trim_end().trim_end_matches('}'));
    let mut fence = Fence::default();
    let mut rest = info.trim_start();
    while !rest.is_empty() {
        let token_end = attr_end(rest);
        let token = &rest[..token_end];
        if let Some((key, value)) = token.split_once('=').filter(|(k, _)| !k.contains(',')) {
            attribute(&mut fence, key, value.trim_matches(['"', '\'']));
        } else if fence.lang.is_empty() && !token.starts_with('{') {
            // Zola: `rust,linenos,hl_lines=2 4-5` (the ranges may run on after a space).
            let mut parts = token.trim_start_matches('.').split(',');
            fence.lang = parts.next().unwrap_or("").to_string();
            for part in parts {
                let (key, value) = part.split_once('=').unwrap_or((part, "1"));
                let value = if key == "hl_lines" {
                    with_more_ranges(value, &rest[token_end..])
                } else {
                    value.to_string()
                };
                attribute(&mut fence, key, &value);
            }
        }
        rest = rest[token_end..].trim_start();
    }
    fence.title = fence.title.filter(|t| !t.is_empty());
    fence
}

/// Zola's `hl_lines=2 4-5`: `value` with the ranges that run on after it in `more`.
fn with_more_ranges(value: &str, more: &str) -> String {
    let is_range = |w: &&str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '-');
    let extra: Vec<&str> = more.trim_start().split(' ').take_while(is_range).collect();
    format!("{value} {}", extra.join(" "))
}

/// One `key=value` attribute of a fence.
fn attribute(fence: &mut Fence, key: &str, value: &str) {
    match key {
        "title" => fence.title = Some(value.to_string()),
        "linenums" | "linenos" => fence.marks.first_number = super::lines::first_number(value),
        "linenostart" => {
            if let Ok(n) = value.parse() {
                fence.marks.first_number = Some(n);
            }
        }
        "hl_lines" => fence.marks.highlighted = super::lines::ranges(value),
        _ => {}
    }
}

/// The length of the first attribute of `text`: up to a space outside quotes.
fn attr_end(text: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c.is_whitespace() => return i,
            None => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fence_attributes_are_not_the_language() {
        let short = |info: &str| {
            let f = fence_info(info);
            (f.lang, f.title)
        };
        assert_eq!(short("rust"), ("rust".into(), None));
        assert_eq!(short("rust,ignore"), ("rust".into(), None));
        let py = fence_info("py title=\"bộ lọc.py\" linenums=\"1\" hl_lines=\"2 3-4\"");
        assert_eq!(
            (py.lang.as_str(), py.title.as_deref()),
            ("py", Some("bộ lọc.py"))
        );
        assert_eq!(py.marks.first_number, Some(1));
        assert_eq!(py.marks.highlighted, [(2, 2), (3, 4)]);
        assert_eq!(
            short("{.yaml title='site.yaml'}"),
            ("yaml".into(), Some("site.yaml".into()))
        );
        assert_eq!(short("title=\"x\""), (String::new(), Some("x".into())));
        assert_eq!(
            short("py title=\"a,b.py\""),
            ("py".into(), Some("a,b.py".into()))
        );
        // Zola's form.
        let zola = fence_info("rust,linenos,hl_lines=2 4-5");
        assert_eq!(zola.lang, "rust");
        assert_eq!(zola.marks.first_number, Some(1));
        assert_eq!(zola.marks.highlighted, [(2, 2), (4, 5)]);
    }
}
