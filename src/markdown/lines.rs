//! Line numbers and highlighted lines of a code block (`linenums="1"`, `hl_lines="2 4-5"`, as
//! MkDocs and Zola write them), drawn over the block's HTML.

/// What a fence asks to draw besides the code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// The number of the first line, when lines are numbered.
    pub first_number: Option<usize>,
    /// Lines to highlight, counted from 1 at the block's first line, as inclusive ranges.
    pub highlighted: Vec<(usize, usize)>,
}

impl Marks {
    /// Whether there is anything to draw.
    pub fn is_empty(&self) -> bool {
        self.first_number.is_none() && self.highlighted.is_empty()
    }

    fn is_highlighted(&self, line: usize) -> bool {
        self.highlighted
            .iter()
            .any(|&(from, to)| (from..=to).contains(&line))
    }
}

/// `linenums="3"` (`true` or any non-number starts at 1; `0` or `false` numbers nothing).
pub fn first_number(value: &str) -> Option<usize> {
    match value.trim() {
        "0" | "false" | "no" => None,
        v => Some(v.parse::<usize>().unwrap_or(1)),
    }
}

/// `hl_lines="2 4-5"` (spaces or commas between items); items that are not numbers are skipped.
pub fn ranges(value: &str) -> Vec<(usize, usize)> {
    value
        .split([' ', ','])
        .filter(|item| !item.is_empty())
        .filter_map(|item| {
            let (from, to) = item.split_once('-').unwrap_or((item, item));
            let (from, to) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
            (from >= 1 && from <= to).then_some((from, to))
        })
        .collect()
}

/// The block's HTML (`html`: escaped or highlighted code) with each line in a
/// `<span class="line">` (`line hl` when highlighted), led by its number when numbered. Spans
/// of the highlighter that run over a line's end are closed there and opened again on the next
/// line, so every line is well nested.
pub fn draw(html: &str, marks: &Marks) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 2);
    let mut open: Vec<String> = Vec::new();
    let body = html.strip_suffix('\n').unwrap_or(html);
    let mut lines: Vec<String> = body.split('\n').map(str::to_string).collect();
    // The highlighter closes its spans after the last line end: that is no line of its own.
    if lines.len() > 1 && lines.last().is_some_and(|l| is_only_tags(l)) {
        let tail = lines.pop().unwrap_or_default();
        if let Some(last) = lines.last_mut() {
            last.push_str(&tail);
        }
    }
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        let class = if marks.is_highlighted(number) {
            "line hl"
        } else {
            "line"
        };
        out.push_str(&format!("<span class=\"{class}\">"));
        if let Some(first) = marks.first_number {
            out.push_str(&format!(
                "<span class=\"ln\" aria-hidden=\"true\">{}</span>",
                first + index
            ));
        }
        open.iter().for_each(|tag| out.push_str(tag));
        out.push_str(line);
        track_spans(line, &mut open);
        open.iter().for_each(|_| out.push_str("</span>"));
        out.push_str("</span>\n");
    }
    out
}

/// Whether `line` holds tags and nothing a reader sees.
fn is_only_tags(line: &str) -> bool {
    let mut in_tag = false;
    line.chars().all(|c| {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => return false,
            _ => {}
        }
        true
    })
}

/// Updates the stack of `<span ...>` tags left open after `line`.
fn track_spans(line: &str, open: &mut Vec<String>) {
    let mut rest = line;
    while let Some(at) = rest.find('<') {
        let tail = &rest[at..];
        let Some(end) = tail.find('>') else {
            break;
        };
        let tag = &tail[..=end];
        if tag.starts_with("</span") {
            open.pop();
        } else if tag.starts_with("<span") {
            open.push(tag.to_string());
        }
        rest = &tail[end + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_closed_after_the_last_line_end_make_no_line() {
        let html = "<span class=\"s\"><span class=\"k\">x</span>\n</span>";
        let marks = Marks {
            first_number: None,
            highlighted: vec![(1, 1)],
        };
        assert_eq!(
            draw(html, &marks),
            "<span class=\"line hl\"><span class=\"s\"><span class=\"k\">x</span></span></span>\n"
        );
    }

    #[test]
    fn reads_ranges_and_first_numbers() {
        assert_eq!(ranges("2 4-5,7"), [(2, 2), (4, 5), (7, 7)]);
        assert_eq!(ranges("x 0 3-1 2"), [(2, 2)]);
        assert_eq!(first_number("1"), Some(1));
        assert_eq!(first_number("12"), Some(12));
        assert_eq!(first_number("true"), Some(1));
        assert_eq!(first_number("0"), None);
    }

    #[test]
    fn spans_over_a_line_end_are_closed_and_reopened() {
        let html = "<span class=\"c\">/* a\nb */</span> x\ny\n";
        let marks = Marks {
            first_number: Some(3),
            highlighted: vec![(2, 2)],
        };
        assert_eq!(
            draw(html, &marks),
            "<span class=\"line\"><span class=\"ln\" aria-hidden=\"true\">3</span><span class=\"c\">/* a</span></span>\n\
             <span class=\"line hl\"><span class=\"ln\" aria-hidden=\"true\">4</span><span class=\"c\">b */</span> x</span>\n\
             <span class=\"line\"><span class=\"ln\" aria-hidden=\"true\">5</span>y</span>\n"
        );
    }
}
