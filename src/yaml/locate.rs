//! Finds where a key path (`metrics[0].before`) was written in YAML source text.
//!
//! A parsed YAML value keeps no positions, so this reads the text itself: block mappings,
//! block lists (`- item`) and flow mappings on one line (`- { name: x, before: 8 }`).

/// One step of a key path.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    /// A mapping key.
    Key(&'a str),
    /// A list position, 0-based.
    Index(usize),
}

/// Locates key paths in one YAML text that starts `line_offset` lines into its file.
#[derive(Debug, Clone)]
pub struct Locator {
    text: String,
    /// Where each line of `text` starts and ends, its line break left out (as `str::lines`
    /// gives them): one copy of the text per page, not one string per line.
    lines: Vec<(usize, usize)>,
    line_offset: usize,
    /// Positions known from a parser that keeps them (TOML), by key path.
    known: Option<super::toml::Positions>,
}

impl Locator {
    /// A locator over `text`, whose first line is line `line_offset + 1` of the file.
    pub fn new(text: &str, line_offset: usize) -> Self {
        Locator {
            text: text.to_string(),
            lines: line_ranges(text),
            line_offset,
            known: None,
        }
    }

    /// A locator over positions a parser found (1-based within the text, which starts
    /// `line_offset` lines into its file), by key path (`metrics[0].before`).
    pub fn from_positions(positions: super::toml::Positions, line_offset: usize) -> Self {
        Locator {
            text: String::new(),
            lines: Vec::new(),
            line_offset,
            known: Some(positions),
        }
    }

    /// Line `i` of the text (0-based).
    fn line(&self, i: usize) -> &str {
        let (start, end) = self.lines[i];
        &self.text[start..end]
    }

    fn get_line(&self, i: usize) -> Option<&str> {
        let &(start, end) = self.lines.get(i)?;
        self.text.get(start..end)
    }

    /// The first line of the text in the whole file, where a missing top-level key belongs.
    pub fn start(&self) -> (usize, usize) {
        (self.line_offset + 1, 1)
    }

    /// The 1-based `(line, col)` in the whole file where the path's last step was written.
    pub fn find(&self, path: &[Seg]) -> Option<(usize, usize)> {
        if let Some(known) = &self.known {
            let (line, col) = *known.get(&super::fields::key_name(path))?;
            return Some((line + self.line_offset, col));
        }
        let (mut lo, mut hi) = (0, self.lines.len());
        let mut parent_indent: isize = -1;
        let mut found = None;
        for seg in path {
            match *seg {
                Seg::Key(key) => {
                    let (line, col) = self.shallowest(lo, hi, key, parent_indent)?;
                    let indent = indent_of(self.line(line)) as isize;
                    hi = self.block_end(line, indent, hi);
                    lo = line;
                    parent_indent = col as isize - 1;
                    found = Some((line, col));
                }
                Seg::Index(n) => {
                    let items = self.list_items(lo, hi, parent_indent);
                    let Some(&line) = items.get(n) else {
                        // A flow list on the key's own line: stay there.
                        found = found.or(Some((lo, 1)));
                        continue;
                    };
                    let indent = indent_of(self.line(line));
                    hi = items.get(n + 1).copied().unwrap_or(hi);
                    lo = line;
                    parent_indent = indent as isize;
                    found = Some((line, indent + 1));
                }
            }
        }
        found.map(|(line, col)| (line + 1 + self.line_offset, col))
    }

    /// The first place in lines `lo..hi` where `key` is written at the shallowest level deeper
    /// than `parent_indent`: a key of the mapping itself, not a same-named key nested in one
    /// of its values (`extra: {aliases: ...}` written before `aliases:`).
    fn shallowest(
        &self,
        lo: usize,
        hi: usize,
        key: &str,
        parent_indent: isize,
    ) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for i in lo..hi {
            let Some(col) = self.key_col(i, key, parent_indent) else {
                continue;
            };
            if best.is_none_or(|(_, c)| col < c) {
                best = Some((i, col));
            }
            // Nothing is shallower than the first column inside the parent.
            if col as isize == parent_indent + 2 {
                break;
            }
        }
        best
    }

    /// The lines of lines `lo..hi` that start an item of the same block list (`- `), the
    /// list being the first one indented at least `parent_indent` (or on line `lo`).
    fn list_items(&self, lo: usize, hi: usize, parent_indent: isize) -> Vec<usize> {
        let mut item_indent = None;
        (lo..hi)
            .filter(|&i| {
                let l = self.line(i);
                let t = l.trim_start();
                if !(t.starts_with("- ") || t == "-") {
                    return false;
                }
                let ind = indent_of(l);
                if (ind as isize) < parent_indent && i != lo {
                    return false;
                }
                *item_indent.get_or_insert(ind) == ind
            })
            .collect()
    }

    /// Every `(line, col)` where the path's last key is written in its mapping: a key written
    /// twice is found twice.
    pub fn find_all(&self, path: &[Seg]) -> Vec<(usize, usize)> {
        let Some((Seg::Key(key), parent)) = path.split_last() else {
            return Vec::new();
        };
        let (lo, hi, parent_indent) = if parent.is_empty() {
            (0, self.lines.len(), -1)
        } else {
            let Some((line, col)) = self.find(parent) else {
                return Vec::new();
            };
            let Some(i) = line.checked_sub(1 + self.line_offset) else {
                return Vec::new();
            };
            let indent = self.get_line(i).map_or(0, indent_of) as isize;
            (
                i,
                self.block_end(i, indent, self.lines.len()),
                col as isize - 1,
            )
        };
        let found: Vec<(usize, usize)> = (lo..hi)
            .filter_map(|i| self.key_col(i, key, parent_indent).map(|col| (i, col)))
            .collect();
        let level = found.iter().map(|&(_, col)| col).min();
        found
            .into_iter()
            .filter(|&(_, col)| Some(col) == level)
            .map(|(i, col)| (i + 1 + self.line_offset, col))
            .collect()
    }

    /// The value of a key path as written (`1.200` in `before: 1.200,`), for scalar values.
    pub fn raw_value(&self, path: &[Seg]) -> Option<String> {
        let key = match path.last()? {
            Seg::Key(k) => *k,
            Seg::Index(_) => return None,
        };
        let (line, col) = self.find(path)?;
        let text = self.get_line(line.checked_sub(1 + self.line_offset)?)?;
        let after = text.get(col - 1 + key.len()..)?.strip_prefix(':')?;
        let value = after.split([',', '}', '#']).next()?.trim();
        (!value.is_empty()).then(|| value.to_string())
    }

    /// What follows `key:` where a key path was written, comments included: `#1 tin` in
    /// `title: #1 tin`, which YAML reads as an empty value and a comment.
    pub fn after_key(&self, path: &[Seg]) -> Option<&str> {
        let Seg::Key(key) = path.last()? else {
            return None;
        };
        let (line, col) = self.find(path)?;
        let text = self.get_line(line.checked_sub(1 + self.line_offset)?)?;
        text.get(col - 1 + key.len()..)?.strip_prefix(':')
    }

    /// Column (1-based) of `key:` on line `i`, as a block key deeper than `parent_indent`
    /// or inside a flow mapping.
    fn key_col(&self, i: usize, key: &str, parent_indent: isize) -> Option<usize> {
        let line = self.line(i);
        let indent = indent_of(line);
        let mut rest = &line[indent..];
        let mut col = indent;
        if let Some(after_dash) = rest.strip_prefix("- ") {
            rest = after_dash;
            col += 2;
        }
        let written = is_key(rest, key)
            || ['"', '\''].iter().any(|&q| {
                rest.strip_prefix(q)
                    .and_then(|r| r.strip_prefix(key))
                    .and_then(|r| r.strip_prefix(q))
                    .is_some_and(|r| r.starts_with(':'))
            });
        if col as isize > parent_indent && written {
            return Some(col + 1);
        }
        // Flow mapping: `{ name: x, before: 8 }` (a vectorised search: most lines are
        // looked at for a key they do not hold, and a summary's has many commas).
        memchr::memchr2_iter(b'{', b',', line.as_bytes()).find_map(|pos| {
            let after = &line[pos + 1..];
            let trimmed = after.trim_start();
            is_key(trimmed, key).then(|| pos + 1 + (after.len() - trimmed.len()) + 1)
        })
    }

    /// First line after `start` that is back at `indent` or less (the end of its block).
    fn block_end(&self, start: usize, indent: isize, limit: usize) -> usize {
        (start + 1..limit)
            .find(|&i| {
                let l = self.line(i);
                let t = l.trim_start();
                !t.is_empty() && !t.starts_with('#') && (indent_of(l) as isize) <= indent && {
                    // A list item at the key's own indent still belongs to the key.
                    !(t.starts_with("- ") && indent_of(l) as isize == indent)
                }
            })
            .unwrap_or(limit)
    }
}

/// The lines of `text` as `str::lines` splits it (a line break is `\n` or `\r\n`; no empty
/// line after a final break), as byte ranges.
fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut start = 0;
    crate::text::lines_inclusive(text)
        .map(|line| {
            let body = line
                .strip_suffix('\n')
                .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l));
            let range = (start, start + body.len());
            start += line.len();
            range
        })
        .collect()
}

/// Whether `text` starts with `key:`.
fn is_key(text: &str, key: &str) -> bool {
    text.strip_prefix(key).is_some_and(|r| r.starts_with(':'))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lines_split_as_str_lines_does(text in "[a\r\n ]{0,12}") {
            let loc = Locator::new(&text, 0);
            let lines: Vec<&str> = (0..loc.lines.len()).map(|i| loc.line(i)).collect();
            proptest::prop_assert_eq!(lines, text.lines().collect::<Vec<_>>());
        }
    }

    const FM: &str = "title: A\nmetrics:\n  - { name: W, before: 8, after: 6 }\n  - name: C\n    before: nhiều\nquiz:\n- question: Q\n  answer: x\n";

    #[test]
    fn a_key_is_found_at_its_own_level_not_nested_in_an_earlier_value() {
        let fm = "title: A\nextra:\n  aliases: [x]\n  more:\n    aliases: [y]\naliases: [/a/]\n";
        let loc = Locator::new(fm, 1);
        assert_eq!(loc.find(&[Seg::Key("aliases")]), Some((7, 1)));
        assert_eq!(
            loc.find(&[Seg::Key("extra"), Seg::Key("aliases")]),
            Some((4, 3))
        );
        assert_eq!(loc.find_all(&[Seg::Key("aliases")]), vec![(7, 1)]);
    }

    #[test]
    fn finds_top_level_keys_with_offset() {
        let loc = Locator::new(FM, 1);
        assert_eq!(loc.find(&[Seg::Key("title")]), Some((2, 1)));
        assert_eq!(loc.find(&[Seg::Key("quiz")]), Some((7, 1)));
    }

    #[test]
    fn finds_keys_in_flow_and_block_list_items() {
        let loc = Locator::new(FM, 0);
        let flow = loc.find(&[Seg::Key("metrics"), Seg::Index(0), Seg::Key("before")]);
        assert_eq!(flow, Some((3, 16)));
        let block = loc.find(&[Seg::Key("metrics"), Seg::Index(1), Seg::Key("before")]);
        assert_eq!(block, Some((5, 5)));
        let unindented = loc.find(&[Seg::Key("quiz"), Seg::Index(0), Seg::Key("answer")]);
        assert_eq!(unindented, Some((8, 3)));
    }

    #[test]
    fn reads_values_as_written() {
        let loc = Locator::new("a: 1.200\nm:\n  - { before: 1.200.000, after: 3 }\n", 1);
        assert_eq!(loc.raw_value(&[Seg::Key("a")]).as_deref(), Some("1.200"));
        let before = [Seg::Key("m"), Seg::Index(0), Seg::Key("before")];
        assert_eq!(loc.raw_value(&before).as_deref(), Some("1.200.000"));
    }

    #[test]
    fn finds_a_key_written_twice() {
        let loc = Locator::new("title: A\nm:\n  a: 1\n  b: 2\n  a: 3\ntitle: B\n", 1);
        assert_eq!(loc.find_all(&[Seg::Key("title")]), vec![(2, 1), (7, 1)]);
        let nested = loc.find_all(&[Seg::Key("m"), Seg::Key("a")]);
        assert_eq!(nested, vec![(4, 3), (6, 3)]);
    }

    #[test]
    fn missing_key_is_none() {
        assert_eq!(Locator::new(FM, 0).find(&[Seg::Key("nope")]), None);
    }
}
