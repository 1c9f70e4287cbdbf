//! Constructs of other tools that sachhon does not render, found in a line of text (W0602).

use super::Foreign;
use memchr::{memchr, memchr3, memmem};

/// The icon shortcodes of MkDocs Material (`:material-check:`), by their prefix.
const ICONS: [&str; 4] = [":material-", ":fontawesome-", ":octicons-", ":simple-"];

/// Whether `text` holds what a construct [`find_foreign`] reports needs (`$$`, an icon's
/// prefix, `++`, a closing `}`): when it does not, none of its lines holds one.
pub(super) fn may_hold_foreign(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr(b'}', bytes).is_some()
        || ["$$", "++"]
            .iter()
            .chain(&ICONS)
            .any(|needle| memmem::find(bytes, needle.as_bytes()).is_some())
}

/// Constructs of other tools in one line of text (outside code): the first of each kind in
/// the page is recorded.
pub(super) fn find_foreign(
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
    for prefix in ICONS {
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

    /// Every construct `find_foreign` reports passes the whole-text check that lets a page
    /// without any skip reading its lines.
    #[test]
    fn every_reported_construct_passes_the_quick_check() {
        let lines = [
            "$$ x^2 $$",
            "Done :material-check: here",
            ":fontawesome-brands-github:",
            ":octicons-mark-github-16:",
            ":simple-python:",
            "Press ++ctrl+c++ now",
            "A paragraph { .note }",
        ];
        for line in lines {
            let mut found = Vec::new();
            find_foreign(line, 0, 0, &mut Vec::new(), &mut found);
            assert_eq!(found.len(), 1, "{line}");
            assert!(may_hold_foreign(line), "{line}");
        }
        assert!(!may_hold_foreign(
            "Công ty: giảm 20 % điện năng; $5 + 3 = 8 (x) [y] {z"
        ));
    }
}
