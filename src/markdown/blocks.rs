//! Block syntax of other documentation tools, rewritten into Markdown sachhon parses, line for
//! line so that every line keeps its number: MkDocs admonitions (`!!! note "Title"`, any word
//! as the type, and `??? note` / `???+ note` that fold), Docusaurus admonitions (`:::tip Title`
//! ... `:::`) and MkDocs content tabs (`=== "Label"`) each become a block quote (the opening
//! line left blank), which the renderer shows as an alert or a tab panel. Inside MkDocs blocks,
//! the four spaces of indentation become `>   `, so columns stay right too; an MkDocs block
//! indented to a list item's content keeps that indentation in front of its `>`, so it stays in
//! the item. A line that looks like a block's opening line but opens none is reported at its
//! place (W0602, `block`). Other constructs that readers would see as written (icons such as
//! `:material-check:`, attribute lists `{ .class }`, `$$` math, `++ctrl+c++` keys) are
//! reported, once per construct and page (W0602).

mod foreign;
mod lists;
mod opener;

use foreign::{find_foreign, may_hold_foreign};
use lists::Lists;
use memchr::memmem;
use opener::{looks_like_opener, opener};
use std::collections::HashMap;

/// What a rewritten block quote stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// An admonition: the alert's class (`note`, `tip`, `important`, `warning`, `caution`, or
    /// `other` for a type sachhon does not know), its title as written (`None`: the alert's
    /// own), and, for `???`, whether it starts open.
    Alert {
        /// One of the five alert classes, or `other`.
        class: &'static str,
        /// An unknown type as written, when it is a safe class name (`pied-piper`).
        kind: Option<String>,
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

/// Whether `text` (a paragraph's) is the opening line of another tool's block, which, left as
/// a paragraph, opened no block (reported as W0602) and is no page's lead.
pub(super) fn is_block_line(text: &str) -> bool {
    looks_like_opener(text) || text.trim_start().starts_with(":::")
}

/// A construct of another tool found in the text: (line index in the body, column, kind, as
/// written). `kind` is the W0602 selector.
pub type Foreign = (usize, usize, &'static str, String);

enum Container {
    /// MkDocs: content indented by four more spaces than the opening line, which is indented
    /// by `lead` spaces (to a list item's content) past the blocks around it.
    Indented { lead: usize },
    /// Docusaurus: content up to a line of (at least) as many colons.
    Colons(usize),
}

/// What a line that opens another tool's block starts with (after its indentation).
const BLOCK_MARKS: [&[u8]; 4] = [b"!!!", b"???", b":::", b"==="];

/// Rewrites the blocks of `body`; `None` when it has none. Foreign constructs, and lines that
/// look like a block's opening line but open none, are pushed to `foreign`.
pub fn rewrite(body: &str, foreign: &mut Vec<Foreign>) -> Option<Rewritten> {
    // Searches of the whole body decide first: most pages open no block and hold none of the
    // text any foreign construct needs, and then no line needs reading.
    let opens_block = BLOCK_MARKS
        .iter()
        .any(|m| memmem::find(body.as_bytes(), m).is_some())
        && crate::text::lines_inclusive(body).any(|line| {
            let t = line.trim_start().as_bytes();
            BLOCK_MARKS.iter().any(|m| t.starts_with(m))
        });
    if !opens_block {
        if may_hold_foreign(body) {
            scan_lines(body, foreign, None);
        }
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
fn scan_lines(body: &str, foreign: &mut Vec<Foreign>, out: Option<&mut Rewritten>) {
    let mut scan = Scan {
        out,
        foreign,
        stack: Vec::new(),
        fence: None,
        seen: Vec::new(),
        pending: None,
        lists: Lists::default(),
    };
    for (index, line) in crate::text::lines_inclusive(body).enumerate() {
        scan.line(index, line.trim_end_matches('\n'));
    }
    if let Some(p) = scan.pending.take() {
        scan.drop_pending(p);
    }
}

/// A block opened on the line before, waiting for its first `>`.
struct Pending {
    /// Its depth in the stack of blocks.
    depth: usize,
    block: Block,
    /// Where its opening line is, and the line as written, to report it if no body follows.
    index: usize,
    col: usize,
    written: String,
    /// Where its blank opening line is in the text, and the line to write there instead if
    /// no body follows (readers then see what was written, with the warning).
    text_at: usize,
    line: String,
}

/// The state of the pass over the lines.
struct Scan<'f, 'o> {
    out: Option<&'o mut Rewritten>,
    foreign: &'f mut Vec<Foreign>,
    stack: Vec<Container>,
    fence: Option<(char, usize)>,
    seen: Vec<&'static str>,
    pending: Option<Pending>,
    lists: Lists,
}

impl Scan<'_, '_> {
    fn line(&mut self, index: usize, content: &str) {
        let blank = content.trim().is_empty();
        if !blank && self.fence.is_none() {
            close_dedented(&mut self.stack, content);
        }
        let (prefix, marks, rest) = self.prefix(content, blank);
        self.place_pending(&marks);
        let trimmed = rest.trim_start();
        if let Some((c, n)) = self.fence {
            let closes = trimmed.chars().take_while(|&x| x == c).count() >= n
                && trimmed.trim_end_matches(c).trim().is_empty();
            if closes {
                self.fence = None;
            }
            self.push_line(&prefix, rest, blank);
            return;
        }
        if self.out.is_some() {
            self.lists.line(self.stack.len(), rest, blank);
        }
        if let Some(f) = opening_fence(trimmed) {
            self.fence = Some(f);
            self.push_line(&prefix, rest, blank);
            return;
        }
        if self.out.is_some() && self.block_line(index, content, &prefix, rest) {
            return;
        }
        let indent = content.len() - rest.len();
        find_foreign(rest, index, indent, &mut self.seen, self.foreign);
        self.push_line(&prefix, rest, blank);
    }

    /// Each block's marker, in front of what is left of the line: the markers, where each
    /// block's `>` is in them, and the line without its blocks' indentation.
    fn prefix<'l>(&self, content: &'l str, blank: bool) -> (String, Vec<usize>, &'l str) {
        let mut prefix = String::new();
        let mut marks = Vec::with_capacity(self.stack.len());
        let mut rest = content;
        for c in &self.stack {
            match c {
                Container::Indented { lead } => {
                    prefix.push_str(&" ".repeat(*lead));
                    marks.push(prefix.len());
                    prefix.push_str(">   ");
                    if !blank {
                        rest = rest.get(lead + 4..).unwrap_or("");
                    }
                }
                Container::Colons(_) => {
                    marks.push(prefix.len());
                    prefix.push_str("> ");
                }
            }
        }
        (prefix, marks, rest)
    }

    /// The block opened on the line before starts at this line's `>` for it; with none (the
    /// line ends it), it is reported.
    fn place_pending(&mut self, marks: &[usize]) {
        let Some(p) = self.pending.take() else {
            return;
        };
        match (marks.get(p.depth), self.out.as_deref_mut()) {
            (Some(&mark), Some(out)) => {
                out.blocks.insert(out.text.len() + mark, p.block);
            }
            _ => self.drop_pending(p),
        }
    }

    /// A block that got no body: its opening line is written back as it was, and reported.
    fn drop_pending(&mut self, p: Pending) {
        if let Some(out) = self.out.as_deref_mut() {
            out.text.truncate(p.text_at);
            out.text.push_str(&p.line);
            out.text.push('\n');
        }
        self.report(p.index, p.col, p.written);
    }

    /// A block's opening line, or the closing line of a Docusaurus block: rewritten, `true`.
    /// A line that looks like an opening line yet opens nothing is reported.
    fn block_line(&mut self, index: usize, content: &str, prefix: &str, rest: &str) -> bool {
        let indent = rest.len() - rest.trim_start_matches(' ').len();
        let depth = self.stack.len();
        let opened = if indent == 0 {
            opener(rest)
        } else if self.lists.takes_block_at(depth, indent) {
            opener(&rest[indent..]).and_then(|(block, c)| Some((block, c.in_list(indent)?)))
        } else {
            None
        };
        let col = content.len() - rest.len() + indent + 1;
        let Some(out) = self.out.as_deref_mut() else {
            return false;
        };
        if let Some((block, container)) = opened {
            // The opening line is left blank, so that a block right after another is a
            // quote of its own; the block starts with the next line's `>`.
            let text_at = out.text.len();
            out.text.push_str(prefix.trim_end());
            out.text.push('\n');
            self.pending = Some(Pending {
                depth,
                block,
                index,
                col,
                written: rest.trim().to_string(),
                text_at,
                line: format!("{prefix}{rest}"),
            });
            self.stack.push(container);
            return true;
        }
        if let Some(&Container::Colons(n)) = self.stack.last() {
            let closing = rest.trim_end();
            if closing.len() >= n && closing.chars().all(|c| c == ':') {
                self.stack.pop();
                out.text.push_str(&"> ".repeat(self.stack.len()));
                out.text.truncate(out.text.trim_end_matches(' ').len());
                out.text.push('\n');
                return true;
            }
        }
        if looks_like_opener(rest) {
            self.report(index, col, rest.trim().to_string());
        }
        false
    }

    /// A line that looked like a block's opening line but opened none (W0602, `block`).
    fn report(&mut self, index: usize, col: usize, written: String) {
        self.foreign.push((index, col, "block", written));
    }

    fn push_line(&mut self, prefix: &str, rest: &str, blank: bool) {
        if let Some(out) = self.out.as_deref_mut() {
            if blank {
                out.text.push_str(prefix.trim_end());
            } else {
                out.text.push_str(prefix);
                out.text.push_str(rest);
            }
            out.text.push('\n');
        }
    }
}

impl Container {
    /// The container opened at `lead` spaces in a list item: MkDocs blocks only, as the
    /// content of a Docusaurus block is not indented.
    fn in_list(self, lead: usize) -> Option<Container> {
        match self {
            Container::Indented { .. } => Some(Container::Indented { lead }),
            Container::Colons(_) => None,
        }
    }
}

/// Ends the indented containers that a line indented less than their content closes.
fn close_dedented(stack: &mut Vec<Container>, line: &str) {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut column = 0;
    for i in 0..stack.len() {
        if let Container::Indented { lead } = stack[i] {
            column += lead + 4;
            if indent < column {
                stack.truncate(i);
                return;
            }
        }
    }
}

/// ```` ``` ```` or `~~~` (three or more) opening a fenced code block.
fn opening_fence(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
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
            kind: None,
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
