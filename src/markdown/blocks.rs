//! Block syntax of other documentation tools, rewritten into Markdown sachhon parses, line for
//! line so that every line keeps its number: MkDocs admonitions (`!!! note "Title"`, and
//! `??? note` / `???+ note` that fold), Docusaurus admonitions (`:::tip Title` ... `:::`) and
//! MkDocs content tabs (`=== "Label"`) each become a block quote (the opening line left blank),
//! which the renderer shows as an alert or a tab panel. Inside MkDocs blocks, the four spaces of indentation become `>   `,
//! so columns stay right too. Other constructs that readers would see as written (icons such
//! as `:material-check:`, attribute lists `{ .class }`, `$$` math, `++ctrl+c++` keys) are
//! reported, once per construct and page (W0602).

use memchr::{memchr, memchr3};
use std::collections::HashMap;

/// What a rewritten block quote stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// An admonition: the alert's class (`note`, `tip`, `important`, `warning`, `caution`),
    /// its title as written (`None`: the alert's own), and, for `???`, whether it starts open.
    Alert {
        /// One of the five alert classes.
        class: &'static str,
        /// The title written after the type.
        title: Option<String>,
        /// `Some(open)` for a collapsible admonition.
        folds: Option<bool>,
    },
    /// A content tab with its label.
    Tab(String),
}

/// A body with other tools' blocks rewritten.
#[derive(Debug, Default)]
pub struct Rewritten {
    /// The Markdown to parse (same lines as the original).
    pub text: String,
    /// The blocks, by the offset in `text` of the first `>` of each.
    pub blocks: HashMap<usize, Block>,
}

/// A construct of another tool found in the text: (line index in the body, column, kind, as
/// written). `kind` is the W0602 selector.
pub type Foreign = (usize, usize, &'static str, String);

enum Container {
    /// MkDocs: content indented by four more spaces.
    Indented,
    /// Docusaurus: content up to a line of (at least) as many colons.
    Colons(usize),
}

/// Rewrites the blocks of `body`; `None` when it has none. Foreign constructs are pushed to
/// `foreign`.
pub fn rewrite(body: &str, foreign: &mut Vec<Foreign>) -> Option<Rewritten> {
    // One cheap pass decides: most pages open no block, and only the foreign scan runs.
    let opens_block = body.lines().any(|line| {
        let t = line.trim_start().as_bytes();
        t.len() >= 3 && matches!(&t[..3], b"!!!" | b"???" | b":::" | b"===")
    });
    if !opens_block {
        scan_lines(body, foreign, None);
        return None;
    }
    let mut out = Rewritten {
        text: String::with_capacity(body.len() + 64),
        blocks: HashMap::new(),
    };
    scan_lines(body, foreign, Some(&mut out));
    (!out.blocks.is_empty()).then_some(out)
}

/// One pass over the lines: foreign constructs found, and blocks rewritten into `out` if given.
fn scan_lines(body: &str, foreign: &mut Vec<Foreign>, mut out: Option<&mut Rewritten>) {
    let mut stack: Vec<Container> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut seen: Vec<&'static str> = Vec::new();
    // A block opened on the line before, waiting for its first `>` (its depth in `stack`).
    let mut pending: Option<(usize, Block)> = None;
    for (index, line) in body.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches('\n');
        let blank = content.trim().is_empty();
        if !blank && fence.is_none() {
            close_dedented(&mut stack, content);
        }
        if let (Some((depth, block)), Some(out)) = (pending.take(), out.as_deref_mut()) {
            if stack.len() > depth {
                let before: usize = stack[..depth]
                    .iter()
                    .map(|c| match c {
                        Container::Indented if !blank => 4,
                        _ => 2,
                    })
                    .sum();
                out.blocks.insert(out.text.len() + before, block);
            }
        }
        // Each container's marker, in front of what is left of the line.
        let mut prefix = String::new();
        let mut rest = content;
        for c in &stack {
            match c {
                Container::Indented if blank => prefix.push_str("> "),
                Container::Indented => {
                    prefix.push_str(">   ");
                    rest = rest.get(4..).unwrap_or("");
                }
                Container::Colons(_) => prefix.push_str("> "),
            }
        }
        let trimmed = rest.trim_start();
        if let Some((c, n)) = fence {
            let closes = trimmed.chars().take_while(|&x| x == c).count() >= n
                && trimmed.trim_end_matches(c).trim().is_empty();
            if closes {
                fence = None;
            }
            push_line(&mut out, &prefix, rest, blank);
            continue;
        }
        if let Some(f) = opening_fence(trimmed) {
            fence = Some(f);
            push_line(&mut out, &prefix, rest, blank);
            continue;
        }
        if let Some(out) = out.as_deref_mut() {
            if let Some((block, container)) = opener(rest) {
                // The opening line is left blank, so that a block right after another is a
                // quote of its own; the block starts with the next line's `>`.
                out.text.push_str(prefix.trim_end());
                out.text.push('\n');
                pending = Some((stack.len(), block));
                stack.push(container);
                continue;
            }
            if let Some(&Container::Colons(n)) = stack.last() {
                let closing = rest.trim_end();
                if closing.len() >= n && closing.chars().all(|c| c == ':') {
                    stack.pop();
                    out.text.push_str(&"> ".repeat(stack.len()));
                    out.text.truncate(out.text.trim_end_matches(' ').len());
                    out.text.push('\n');
                    continue;
                }
            }
        }
        find_foreign(rest, index, content.len() - rest.len(), &mut seen, foreign);
        push_line(&mut out, &prefix, rest, blank);
    }
}

/// Ends the indented containers that a line indented less than their content closes.
fn close_dedented(stack: &mut Vec<Container>, line: &str) {
    let mut levels = (line.len() - line.trim_start_matches(' ').len()) / 4;
    for i in 0..stack.len() {
        if let Container::Indented = stack[i] {
            if levels == 0 {
                stack.truncate(i);
                return;
            }
            levels -= 1;
        }
    }
}

fn push_line(out: &mut Option<&mut Rewritten>, prefix: &str, rest: &str, blank: bool) {
    if let Some(out) = out.as_deref_mut() {
        if blank {
            out.text.push_str(prefix.trim_end());
        } else {
            out.text.push_str(prefix);
            out.text.push_str(rest);
        }
        out.text.push('\n');
    }
}

/// ```` ``` ```` or `~~~` (three or more) opening a fenced code block.
fn opening_fence(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
}

/// A block's opening line: `!!! type "Title"`, `??? type`, `???+ type`, `:::type Title`,
/// `=== "Label"`.
fn opener(line: &str) -> Option<(Block, Container)> {
    let line = line.trim_end();
    if let Some(label) = line.strip_prefix("=== ") {
        let label = unquote(label.trim());
        return Some((Block::Tab(label), Container::Indented));
    }
    let (folds, rest) = if let Some(r) = line.strip_prefix("!!! ") {
        (None, r)
    } else if let Some(r) = line.strip_prefix("???+ ") {
        (Some(true), r)
    } else if let Some(r) = line.strip_prefix("??? ") {
        (Some(false), r)
    } else {
        let colons = line.chars().take_while(|&c| c == ':').count();
        let rest = line.get(colons..).filter(|_| colons >= 3)?;
        let (kind, title) = rest.split_once(' ').unwrap_or((rest, ""));
        let class = alert_class(kind.trim())?;
        let title = title.trim();
        let title = title
            .strip_prefix("[")
            .and_then(|t| t.strip_suffix("]"))
            .unwrap_or(title);
        let block = Block::Alert {
            class,
            title: (!title.is_empty()).then(|| title.to_string()),
            folds: None,
        };
        return Some((block, Container::Colons(colons)));
    };
    let (kind, title) = rest.split_once(' ').unwrap_or((rest, ""));
    let class = alert_class(kind.split('.').next().unwrap_or(kind))?;
    let title = title.trim();
    let block = Block::Alert {
        class,
        title: (!title.is_empty()).then(|| unquote(title)),
        folds,
    };
    Some((block, Container::Indented))
}

fn unquote(text: &str) -> String {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
        .to_string()
}

/// The alert that shows an admonition type of MkDocs or Docusaurus.
fn alert_class(kind: &str) -> Option<&'static str> {
    Some(match kind.to_ascii_lowercase().as_str() {
        "note" | "info" | "abstract" | "summary" | "tldr" | "todo" | "example" | "quote"
        | "cite" | "seealso" | "secondary" => "note",
        "tip" | "hint" | "success" | "check" | "done" => "tip",
        "important" | "question" | "help" | "faq" => "important",
        "warning" | "attention" | "caution" => "warning",
        "danger" | "error" | "failure" | "fail" | "missing" | "bug" => "caution",
        _ => return None,
    })
}

/// Constructs of other tools in one line of text (outside code): the first of each kind in
/// the page is recorded.
fn find_foreign(
    text: &str,
    index: usize,
    indent: usize,
    seen: &mut Vec<&'static str>,
    foreign: &mut Vec<Foreign>,
) {
    // Every construct has one of these characters: most lines have none.
    let bytes = text.as_bytes();
    if memchr3(b'$', b':', b'+', bytes).is_none() && memchr(b'}', bytes).is_none() {
        return;
    }
    let trimmed = text.trim();
    let mut found: Vec<(usize, &'static str, String)> = Vec::new();
    if trimmed.starts_with("$$") {
        found.push((text.find("$$").unwrap_or(0), "math", "$$".to_string()));
    }
    let colons = memchr(b':', bytes).is_some();
    for prefix in [":material-", ":fontawesome-", ":octicons-", ":simple-"] {
        if !colons {
            break;
        }
        if let Some(at) = text.find(prefix) {
            let end = text[at + 1..].find(':').map_or(text.len(), |e| at + e + 2);
            found.push((at, "icon", text[at..end].to_string()));
        }
    }
    if let Some(at) = memchr(b'+', bytes).and_then(|_| text.find("++")) {
        let inner = &text[at + 2..];
        if let Some(end) = inner.find("++") {
            let keys = &inner[..end];
            if !keys.is_empty()
                && keys
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-_".contains(c))
            {
                found.push((at, "keys", text[at..at + end + 4].to_string()));
            }
        }
    }
    if !trimmed.starts_with('#') && trimmed.ends_with('}') {
        if let Some(at) = text.rfind('{') {
            let attrs = text[at + 1..].trim_end().trim_end_matches('}').trim();
            let attrs = attrs.strip_prefix(':').unwrap_or(attrs).trim_start();
            if attrs.starts_with(['.', '#']) {
                found.push((at, "attributes", text[at..].trim_end().to_string()));
            }
        }
    }
    for (at, kind, written) in found {
        let in_code = text[..at].matches('`').count() % 2 == 1;
        if in_code || seen.contains(&kind) {
            continue;
        }
        seen.push(kind);
        let col = indent + text[..at].chars().count() + 1;
        foreign.push((index, col, kind, written));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(body: &str) -> Rewritten {
        rewrite(body, &mut Vec::new()).unwrap()
    }

    #[test]
    fn mkdocs_admonitions_become_quotes_line_for_line() {
        let r = rewritten(
            "Intro\n\n!!! warning \"Hot\"\n    Careful.\n\n    ```sh\n    ls\n    ```\n\nAfter\n",
        );
        assert_eq!(
            r.text,
            "Intro\n\n\n>   Careful.\n>\n>   ```sh\n>   ls\n>   ```\n>\nAfter\n"
        );
        let block = Block::Alert {
            class: "warning",
            title: Some("Hot".into()),
            folds: None,
        };
        assert_eq!(r.blocks.get(&8), Some(&block));
    }

    #[test]
    fn docusaurus_admonitions_and_tabs() {
        let r = rewritten(
            ":::tip Hay dùng\nMột mẹo.\n:::\n\n=== \"A\"\n    Tab A\n=== \"B\"\n    Tab B\n",
        );
        assert_eq!(r.text, "\n> Một mẹo.\n\n\n\n>   Tab A\n\n>   Tab B\n");
        assert!(matches!(
            r.blocks.get(&1),
            Some(Block::Alert { class: "tip", .. })
        ));
        assert_eq!(r.blocks.get(&19), Some(&Block::Tab("A".into())));
        assert_eq!(r.blocks.get(&30), Some(&Block::Tab("B".into())));
    }

    #[test]
    fn nested_blocks_keep_their_markers() {
        let r = rewritten("!!! note\n    === \"A\"\n        text\n");
        assert_eq!(r.text, "\n>\n>   >   text\n");
        assert_eq!(r.blocks.len(), 2);
        assert!(r.blocks.contains_key(&1) && r.blocks.contains_key(&7));
    }

    #[test]
    fn foreign_constructs_are_found_once_each_outside_code() {
        let mut found = Vec::new();
        let body = "Press ++ctrl+c++ :material-check: and `++a++`\n\n$$\nx\n$$\n\nText { .big }\n\n```\n$$\n```\n";
        assert!(rewrite(body, &mut found).is_none());
        let kinds: Vec<&str> = found.iter().map(|f| f.2).collect();
        assert_eq!(kinds, ["icon", "keys", "math", "attributes"]);
        assert_eq!((found[0].0, found[0].1), (0, 18));
    }
}
