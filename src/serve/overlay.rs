//! What the preview puts over its pages: the last build's errors (a red box that stays until
//! they are fixed) and its warnings (collapsed, so they never hide the page), each code linked
//! to its page in the editor's guide.

use crate::text::escape_html;

/// The last build's problems, as message lines in the editor's language.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    /// Error lines; the build failed when there is any.
    pub errors: Vec<String>,
    /// Warning lines.
    pub warnings: Vec<String>,
}

impl Problems {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty()
    }
}

/// The overlay's own words and where the guide's code pages are.
#[derive(Debug, Clone)]
pub struct OverlayText {
    /// Heading of the error box.
    pub title: String,
    /// Label of the collapsed warnings (their count follows it).
    pub warnings: String,
    /// The guide's address for code pages: a code's page is this followed by `e0106/`.
    pub guide: String,
}

/// The overlay's HTML, or `None` when there is no problem.
pub fn html(problems: &Problems, text: &OverlayText) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let warnings = warnings_html(&problems.warnings, text);
    if problems.errors.is_empty() {
        return Some(format!(
            "<aside id=\"sachhon-warnings\" aria-label=\"{}\" style=\"position:fixed;right:1rem;bottom:1rem;max-width:min(40rem,calc(100vw - 2rem));max-height:50vh;overflow:auto;z-index:99999;background:#fffbe6;color:#4a3800;border:2px solid #b58900;border-radius:.4rem;padding:.5rem 1rem;font:14px/1.5 ui-monospace,monospace\">{warnings}</aside>",
            escape_html(&text.warnings)
        ));
    }
    let mut out = String::from(
        "<div id=\"sachhon-overlay\" role=\"alert\" style=\"position:fixed;inset:0 0 auto 0;max-height:60vh;overflow:auto;z-index:99999;background:#fff4f4;color:#5c0000;border-bottom:3px solid #b00020;padding:1rem 1.5rem;font:14px/1.5 ui-monospace,monospace\">",
    );
    out.push_str(&format!(
        "<p style=\"margin:0 0 .5rem;font:bold 16px/1.4 system-ui,sans-serif\">{}</p>",
        escape_html(&text.title)
    ));
    out.push_str(&list(&problems.errors, text));
    out.push_str(&warnings);
    out.push_str("</div>");
    Some(out)
}

/// The warnings, collapsed under their count.
fn warnings_html(warnings: &[String], text: &OverlayText) -> String {
    if warnings.is_empty() {
        return String::new();
    }
    format!(
        "<details style=\"margin-top:.5rem\"><summary style=\"cursor:pointer;font:bold 14px/1.4 system-ui,sans-serif\">{} ({})</summary>{}</details>",
        escape_html(&text.warnings),
        warnings.len(),
        list(warnings, text)
    )
}

fn list(lines: &[String], text: &OverlayText) -> String {
    let mut out = String::from("<ul style=\"margin:0;padding-left:1.2rem\">");
    for line in lines {
        out.push_str(&format!("<li>{}</li>", line_html(line, text)));
    }
    out.push_str("</ul>");
    out
}

/// One message line, its closing `[E0106]` a link to the guide's page about that code.
fn line_html(line: &str, text: &OverlayText) -> String {
    let code = line
        .strip_suffix(']')
        .and_then(|l| l.rsplit_once(" ["))
        .filter(|(_, code)| is_code(code));
    match code {
        Some((message, code)) => format!(
            "{} [<a href=\"{}{}/\" target=\"_blank\" rel=\"noopener\" style=\"color:inherit\">{code}</a>]",
            escape_html(message),
            escape_html(&text.guide),
            code.to_lowercase()
        ),
        None => escape_html(line),
    }
}

fn is_code(code: &str) -> bool {
    code.len() == 5
        && (code.starts_with('E') || code.starts_with('W'))
        && code[1..].chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> OverlayText {
        OverlayText {
            title: "Không dựng lại được trang web".into(),
            warnings: "Cảnh báo".into(),
            guide: "https://example.org/huong-dan/loi/".into(),
        }
    }

    #[test]
    fn nothing_to_show_without_problems() {
        assert_eq!(html(&Problems::default(), &text()), None);
    }

    #[test]
    fn errors_come_with_the_warnings_collapsed_and_codes_linked() {
        let problems = Problems {
            errors: vec!["content/a.md:2:1: error: thiếu title <x> [E0105]".into()],
            warnings: vec!["content/b.md: warning: bài này chưa có bản tiếng Anh [W0104]".into()],
        };
        let html = html(&problems, &text()).unwrap();
        assert!(html.contains("role=\"alert\""), "{html}");
        assert!(html.contains("thiếu title &lt;x&gt;"), "{html}");
        assert!(
            html.contains("[<a href=\"https://example.org/huong-dan/loi/e0105/\""),
            "{html}"
        );
        assert!(html.contains("<details"), "{html}");
        assert!(html.contains("<summary"), "{html}");
        assert!(html.contains("Cảnh báo (1)"), "{html}");
        assert!(html.contains("loi/w0104/"), "{html}");
        assert!(!html.contains("<details open"), "collapsed: {html}");
    }

    #[test]
    fn warnings_alone_are_a_small_collapsed_box_not_an_alert() {
        let problems = Problems {
            errors: Vec::new(),
            warnings: vec![
                "content/b.md:3:1: warning: before: 1.200 được hiểu là số thập phân [W0107]".into(),
            ],
        };
        let html = html(&problems, &text()).unwrap();
        assert!(html.starts_with("<aside id=\"sachhon-warnings\""), "{html}");
        assert!(!html.contains("role=\"alert\""), "{html}");
        assert!(html.contains("loi/w0107/"), "{html}");
    }

    #[test]
    fn a_line_without_a_code_is_kept_as_text() {
        assert_eq!(line_html("a [b] <c>", &text()), "a [b] &lt;c&gt;");
    }
}
