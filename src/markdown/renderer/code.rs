//! Code blocks: highlighting, line marks and numbers, titles.

use super::Renderer;
use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::{highlight, lines, notes};
use crate::text::escape_html;
use pulldown_cmark::{CodeBlockKind, Event, TagEnd};

impl Renderer<'_, '_> {
    /// A code block, highlighted when its language is known, with its title if it has one.
    pub(super) fn code_block(&mut self, kind: &CodeBlockKind, at: usize) {
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
    pub(super) fn highlight(&mut self, code: &str, lang: &str, at: usize) -> Option<String> {
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
}
