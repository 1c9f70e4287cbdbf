//! The list items open around a line, as far as the block rewriting needs them: an MkDocs
//! block may open inside a list item, indented to the item's content.

/// One open list item.
struct Item {
    /// The depth of blocks the item is in.
    depth: usize,
    /// The indentation of its marker.
    marker: usize,
    /// The indentation of its content (CommonMark's: after the marker and its spaces).
    content: usize,
}

/// The open list items, innermost last.
#[derive(Default)]
pub(super) struct Lists {
    items: Vec<Item>,
    after_blank: bool,
}

impl Lists {
    /// Follows one line outside code; `rest` is the line without the markers of the `depth`
    /// blocks around it.
    pub(super) fn line(&mut self, depth: usize, rest: &str, blank: bool) {
        self.items.retain(|item| item.depth <= depth);
        if blank {
            self.after_blank = true;
            return;
        }
        let indent = rest.len() - rest.trim_start_matches(' ').len();
        let marker = marker_width(&rest[indent..]);
        // A line less indented than an item's content ends it, unless it continues the
        // item's paragraph.
        if marker.is_some() || self.after_blank {
            self.items
                .retain(|item| item.depth < depth || item.content <= indent);
        }
        if let Some(width) = marker {
            self.items.push(Item {
                depth,
                marker: indent,
                content: indent + width,
            });
        }
        self.after_blank = false;
    }

    /// Whether a block may open at `indent` in the innermost list item at `depth`: from the
    /// item's content (CommonMark) to four spaces past its marker (Python-Markdown).
    pub(super) fn takes_block_at(&self, depth: usize, indent: usize) -> bool {
        self.items
            .last()
            .filter(|item| item.depth == depth)
            .is_some_and(|item| {
                (item.content..=item.content.max(item.marker + 4)).contains(&indent)
            })
    }
}

/// The width of a list marker (`-`, `*`, `+`, `1.`, `1)`) at the start of `line` with the
/// spaces after it, as CommonMark counts them.
fn marker_width(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let width = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        _ if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => {
            digits + 1
        }
        _ => return None,
    };
    let after = &bytes[width..];
    let spaces = after.iter().take_while(|&&b| b == b' ').count();
    match spaces {
        _ if spaces == after.len() => Some(width + 1),
        0 => None,
        1..=4 => Some(width + spaces),
        _ => Some(width + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_their_content() {
        assert_eq!(marker_width("- a"), Some(2));
        assert_eq!(marker_width("1. a"), Some(3));
        assert_eq!(marker_width("10)  a"), Some(5));
        assert_eq!(marker_width("-"), Some(2));
        assert_eq!(marker_width("**bold**"), None);
        assert_eq!(marker_width("---"), None);
        assert_eq!(marker_width("2024. a"), Some(6));
        assert_eq!(marker_width("1234567890. a"), None);
    }

    #[test]
    fn an_item_takes_blocks_until_a_line_ends_it() {
        let mut lists = Lists::default();
        lists.line(0, "- Activate:", false);
        lists.line(0, "", true);
        assert!(lists.takes_block_at(0, 4));
        assert!(lists.takes_block_at(0, 2));
        assert!(!lists.takes_block_at(0, 8));
        assert!(!lists.takes_block_at(1, 4));
        lists.line(0, "    - nested", false);
        assert!(lists.takes_block_at(0, 8) && !lists.takes_block_at(0, 4));
        lists.line(0, "", true);
        lists.line(0, "Outside", false);
        assert!(!lists.takes_block_at(0, 4));
    }
}
