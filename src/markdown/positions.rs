//! Where a byte offset of the text pulldown-cmark parsed is in the page's file (for
//! diagnostics and recorded links), through the rewrites made before the parse.

use super::shortcodes;

/// Where a byte offset of the parsed text is in the page's file.
pub(super) struct Positions<'a> {
    /// The body as parsed before shortcodes were expanded (same lines as the file's body).
    body: &'a str,
    /// The byte offset of each line of `body`.
    line_starts: Vec<usize>,
    /// The body with its shortcodes expanded, when it has any.
    expanded: Option<&'a shortcodes::Expanded>,
    /// Lines of the file before the body.
    line_offset: usize,
}

impl<'a> Positions<'a> {
    pub(super) fn new(
        body: &'a str,
        expanded: Option<&'a shortcodes::Expanded>,
        line_offset: usize,
    ) -> Self {
        // A vectorised search: a page has dozens of lines.
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|i| i + 1))
            .collect();
        Positions {
            body,
            line_starts,
            expanded,
            line_offset,
        }
    }

    /// The offset in the body before shortcodes were expanded.
    pub(super) fn original(&self, offset: usize) -> usize {
        self.expanded.map_or(offset, |e| e.original(offset))
    }

    /// The line in the file.
    pub(super) fn line_of(&self, offset: usize) -> usize {
        let original = self.original(offset);
        self.line_offset + self.line_starts.partition_point(|&s| s <= original).max(1)
    }

    /// Line and column (in characters) in the file.
    pub(super) fn pos_of(&self, offset: usize) -> (usize, usize) {
        let offset = self.original(offset);
        let index = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[index - 1];
        let col = self
            .body
            .get(start..offset)
            .map_or(1, |t| t.chars().count() + 1);
        (self.line_offset + index, col)
    }

    /// Whether the offset is in a shortcode's output.
    pub(super) fn is_generated(&self, offset: usize) -> bool {
        self.expanded.is_some_and(|e| e.is_generated(offset))
    }
}
