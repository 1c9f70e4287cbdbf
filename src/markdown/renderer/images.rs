//! Images: destinations rewritten and recorded, sizes and smaller copies, alt text.

use super::{plain_text, Renderer};
use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::{links, Link, LinkTarget};
use pulldown_cmark::{Event, TagEnd};

impl Renderer<'_, '_> {
    /// An image: its destination rewritten and recorded, its sizes and smaller copies when the
    /// site has it, and a warning when it has no alt text.
    pub(super) fn image(&mut self, dest_url: &str, title: &str, at: usize) {
        let (line, col) = self.at.pos_of(at);
        let recorded = self.out.links.len();
        let src = links::rewrite(
            dest_url,
            true,
            self.cx,
            (line, col),
            &mut self.out,
            &mut self.diags,
        );
        // Only the link this image recorded (a `data:` image records none).
        let image = match self.out.links.get(recorded) {
            Some(Link {
                target: LinkTarget::File(path),
                ..
            }) => self.cx.images.get(path),
            _ => None,
        };
        let inner = self.inner_until(|e| matches!(e, TagEnd::Image));
        let alt = plain_text(&inner);
        if alt.trim().is_empty() {
            self.diags
                .push(Diagnostic::warning(Code::W0106, self.cx.source).at(line, col));
        }
        let tag = crate::images::img_tag(&src, &alt, title, image);
        self.events.push(Event::InlineHtml(tag.into()));
    }
}
