//! Plain causes of YAML syntax errors. The parser says "found character that cannot start any
//! token" for a Tab and "mapping values are not allowed in this context" for a title with a
//! colon: true, and useless to an editor. When (and only when) a document fails to parse, its
//! lines are read again for the mistakes people really make, so the message can name the mistake
//! and its fix in the editor's language.

/// A mistake found on a line of a YAML text that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    /// 1-based line within the parsed text.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What it is: `tab`, `colon`, `indicator`, `quote`, `curly`, `list`.
    pub kind: &'static str,
    /// The key of the line, when it has one.
    pub key: String,
    /// The value as written (for the fix: `title: "…"`).
    pub value: String,
}

/// The first mistake at or before `error_line` (the parser's, 1-based), else anywhere.
pub fn explain(text: &str, error_line: usize) -> Option<Cause> {
    let causes = scan(text);
    causes
        .iter()
        .filter(|c| c.line <= error_line)
        .min_by_key(|c| (priority(c.kind), c.line))
        .or_else(|| causes.first())
        .cloned()
}

/// Tabs break everything after them: they come first; then what is certain on its line.
fn priority(kind: &str) -> u8 {
    match kind {
        "tab" => 0,
        "curly" => 1,
        "quote" => 2,
        "list" => 3,
        _ => 4,
    }
}

fn scan(text: &str) -> Vec<Cause> {
    let mut causes = Vec::new();
    // Open lists: the column of their items and the indentation of the key holding them.
    let mut lists: Vec<(usize, isize)> = Vec::new();
    let mut opening: Option<isize> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let body = &line[indent..];
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if let Some(pos) = line[..indent].find('\t') {
            causes.push(cause(n, pos + 1, "tab", "", ""));
            continue;
        }
        let at = indent as isize;
        // A line at or left of a list's key closes that list.
        while lists
            .last()
            .is_some_and(|&(col, parent)| parent >= at && col > indent)
        {
            lists.pop();
        }
        if body.starts_with("- ") || body == "-" {
            match (opening.take(), lists.last()) {
                (Some(parent), _) => lists.push((indent, parent)),
                (None, Some(&(col, parent))) if col != indent && at > parent => {
                    causes.push(cause(n, indent + 1, "list", "", body));
                }
                (None, Some(_)) => {}
                (None, None) => lists.push((indent, -1)),
            }
        } else {
            // `key:` with nothing after it opens a block, maybe a list.
            opening = split_key(body).filter(|(_, v)| v.is_empty()).map(|_| at);
        }
        let entry = body.strip_prefix("- ").unwrap_or(body);
        if let Some((key, value)) = split_key(entry) {
            if let Some(c) = value_cause(n, line.len() - value.len() + 1, key, value) {
                causes.push(c);
            }
        }
    }
    causes
}

/// `key: value` at the start of `text` (a plain key without quotes or spaces).
fn split_key(text: &str) -> Option<(&str, &str)> {
    let (key, rest) = text.split_once(':')?;
    let plain = !key.is_empty()
        && !key.contains([' ', '"', '\'', '{', '[', '\t'])
        && (rest.is_empty() || rest.starts_with(' '));
    plain.then(|| (key, rest.trim_start()))
}

/// What is wrong with a value written after `key:` at column `col`.
fn value_cause(line: usize, col: usize, key: &str, value: &str) -> Option<Cause> {
    let value = value.trim_end();
    let first = value.chars().next()?;
    let kind = match first {
        '“' | '”' | '‘' | '’' | '„' | '«' => "curly",
        '"' | '\'' if !closes(value, first) => "quote",
        '"' | '\'' => return None,
        '[' | '{' if !is_closed_flow(value) => "indicator",
        '[' | '{' => return None,
        '*' | '&' | '!' | '%' | '@' | '`' | '|' | '>' if value.len() > 1 => "indicator",
        _ if value.contains(": ") || value.ends_with(':') => "colon",
        _ if value.contains(['“', '”']) => "curly",
        _ => return None,
    };
    Some(cause(line, col, kind, key, value))
}

/// Whether a quoted value ends with its closing quote (a doubled `''` is a quote inside).
fn closes(value: &str, quote: char) -> bool {
    let inner = &value[quote.len_utf8()..];
    let inner = inner.split(" #").next().unwrap_or(inner).trim_end();
    inner.ends_with(quote) && !inner.is_empty()
}

/// `[a, b]` or `{ a: 1 }` closed on its own line.
fn is_closed_flow(value: &str) -> bool {
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    value.ends_with(']') || value.ends_with('}')
}

fn cause(line: usize, col: usize, kind: &'static str, key: &str, value: &str) -> Cause {
    Cause {
        line,
        col,
        kind,
        key: key.to_string(),
        value: value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<&'static str> {
        let line = text.lines().count();
        explain(text, line).map(|c| c.kind)
    }

    #[test]
    fn names_the_common_mistakes() {
        assert_eq!(kind("title: A\n\tdate: 2024-01-01\n"), Some("tab"));
        assert_eq!(kind("title: Hội thảo: tiết kiệm\n"), Some("colon"));
        assert_eq!(kind("title: [Mới] Hội thảo\n"), Some("indicator"));
        assert_eq!(kind("title: *Hội thảo*\n"), Some("indicator"));
        assert_eq!(kind("title: \"Hội thảo\n"), Some("quote"));
        assert_eq!(kind("title: “Hội thảo: mới”\n"), Some("curly"));
        assert_eq!(kind("tags:\n  - a\n - b\n"), Some("list"));
        assert_eq!(kind("m:\n  - a: 1\n    t:\n      - x\n  - b: 2\n"), None);
        assert_eq!(kind("title: \"A: b\"\ntags: [a, b]\n"), None);
    }

    #[test]
    fn locates_the_value() {
        let c = explain("title: A\nsummary: Tóm tắt: ngắn\n", 2).unwrap();
        assert_eq!((c.line, c.col, c.key.as_str()), (2, 10, "summary"));
        assert_eq!(c.value, "Tóm tắt: ngắn");
    }
}
