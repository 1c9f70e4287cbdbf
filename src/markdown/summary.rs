//! The summary of a page: the text before `<!-- more -->`, else its first paragraph.

/// The summary as it is being found: before `<!-- more -->`, else the first paragraph.
#[derive(Default)]
pub(super) struct Summary {
    /// Where `<!-- more -->` is in the plain text.
    more_at: Option<usize>,
    first_para: Option<String>,
    para_depth: usize,
    in_first_para: bool,
}

impl Summary {
    pub(super) fn open_paragraph(&mut self) {
        self.para_depth += 1;
        if self.first_para.is_none() && self.para_depth == 1 && !self.in_first_para {
            self.in_first_para = true;
            self.first_para = Some(String::new());
        }
    }

    pub(super) fn close_paragraph(&mut self) {
        self.para_depth = self.para_depth.saturating_sub(1);
        // A block line of another tool that opened no block (reported as W0602) is no lead:
        // the next paragraph is.
        let is_block_line = |p: &String| super::blocks::is_block_line(p);
        if self.in_first_para && self.first_para.as_ref().is_some_and(is_block_line) {
            self.first_para = None;
        }
        self.in_first_para = false;
    }

    pub(super) fn push_str(&mut self, s: &str) {
        if self.in_first_para {
            if let Some(p) = self.first_para.as_mut() {
                p.push_str(s);
            }
        }
    }

    pub(super) fn mark_more(&mut self, at: usize) {
        if self.more_at.is_none() {
            self.more_at = Some(at);
        }
    }

    pub(super) fn finish(self, text: &str) -> String {
        match self.more_at {
            Some(at) => text[..at].split_whitespace().collect::<Vec<_>>().join(" "),
            None => self.first_para.unwrap_or_default(),
        }
    }
}
