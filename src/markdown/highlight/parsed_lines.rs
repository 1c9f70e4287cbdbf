//! Syntect's line parser, remembered. Parsing a line is a pure function of the parser's state
//! before it and the line's text, and the code of a site repeats lines: blank lines, closing
//! braces, imports, the same snippet with other figures. So each (state, line) is parsed once,
//! and a line seen again in the same state takes its operations and the next state from the
//! first parse. Regex matching is nearly all of highlighting.
//!
//! Parser states hold regex match data that may not cross threads, so each thread keeps its
//! own lines, for as long as it renders a run of pages.

use rustc_hash::{FxBuildHasher, FxHashMap};
use std::hash::BuildHasher;
use syntect::parsing::{ParseState, ParsingError, ScopeStackOp, SyntaxSet};

/// One parse of a line: its text (newline included), the state it started from, its scope
/// operations (at their byte offsets), the state it ended in.
struct Parsed {
    line: String,
    before: ParseState,
    ops: Vec<(usize, ScopeStackOp)>,
    after: ParseState,
}

/// Parses kept at most: past them the lines start afresh, so that a site of long, unique
/// code holds no more than this (a parse takes some hundred bytes).
const MAX_PARSES: usize = 1 << 16;

/// Lines parsed so far, by hash of their text.
pub struct ParsedLines {
    lines: FxHashMap<u64, Vec<Parsed>>,
    /// Parses kept, and the most kept before starting afresh.
    kept: usize,
    limit: usize,
}

impl Default for ParsedLines {
    fn default() -> Self {
        ParsedLines::with_limit(MAX_PARSES)
    }
}

impl ParsedLines {
    fn with_limit(limit: usize) -> Self {
        ParsedLines {
            lines: FxHashMap::default(),
            kept: 0,
            limit,
        }
    }

    /// The scope operations of `line` parsed from `state`, which moves on to the state after
    /// it, as [`ParseState::parse_line`] gives them.
    pub fn parse(
        &mut self,
        state: &mut ParseState,
        line: &str,
        set: &SyntaxSet,
    ) -> Result<&[(usize, ScopeStackOp)], ParsingError> {
        if self.kept >= self.limit {
            self.lines.clear();
            self.kept = 0;
        }
        let parses = self.lines.entry(FxBuildHasher.hash_one(line)).or_default();
        let known = parses
            .iter()
            .position(|p| p.line == line && p.before == *state);
        let at = match known {
            Some(at) => {
                state.clone_from(&parses[at].after);
                at
            }
            None => {
                let before = state.clone();
                let ops = state.parse_line(line, set)?;
                parses.push(Parsed {
                    line: line.to_string(),
                    before,
                    ops,
                    after: state.clone(),
                });
                self.kept += 1;
                parses.len() - 1
            }
        };
        Ok(&parses[at].ops)
    }

    /// How many (state, line) parses are kept.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lines.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_start_afresh_past_the_limit() {
        let set = two_face::syntax::extra_newlines();
        let syntax = set.find_syntax_by_token("python").unwrap();
        let mut lines = ParsedLines::with_limit(3);
        let mut state = ParseState::new(syntax);
        for n in 0..4 {
            lines
                .parse(&mut state, &format!("x = {n}\n"), &set)
                .unwrap();
        }
        assert_eq!(lines.len(), 1, "three kept, then a fresh start");
        let again = lines.parse(&mut state, "x = 3\n", &set).unwrap().to_vec();
        assert_eq!(
            lines.len(),
            1,
            "the line kept after the fresh start is reused"
        );
        assert!(!again.is_empty());
    }
}
