//! The searchable text of a page, read back from its rendered body HTML: one block per heading
//! (the text under it, with the heading's anchor), image alt text and table cells included.
//!
//! Reading the HTML the build keeps anyway (rather than a second copy of every page's text)
//! means a page's full text exists only while its search terms are taken from it.

/// Text under one heading: `anchor` is the heading's id (empty before the first heading).
/// Lines (`\n`) separate paragraphs, list items, cells and headings.
#[derive(Debug, Default, PartialEq)]
pub struct Block {
    pub anchor: String,
    pub text: String,
}

/// What an element is to the text around it.
#[derive(Clone, Copy, PartialEq)]
enum Element {
    /// Its start or end separates the text on either side (`p`, `li`, `td`...).
    Break,
    /// `h1` to `h6`: a break, and with an `id` the start of a block.
    Heading,
    /// Its content is not text a reader sees (`script`, `style`...): skipped to its end tag.
    Skipped,
    Img,
    A,
    /// Anything else: its text runs on.
    Inline,
}

/// What the element named `name` (any case) is.
fn element(name: &str) -> Element {
    let mut lower = [0u8; 10];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return Element::Inline;
    };
    for (l, b) in lower.iter_mut().zip(name.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    match &*lower {
        b"p" | b"li" | b"td" | b"th" | b"tr" | b"br" | b"div" | b"pre" | b"blockquote" | b"ul"
        | b"ol" | b"dl" | b"dt" | b"dd" | b"table" | b"figure" | b"figcaption" | b"section"
        | b"aside" | b"details" | b"summary" | b"hr" => Element::Break,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => Element::Heading,
        b"script" | b"style" | b"template" | b"svg" | b"noscript" => Element::Skipped,
        b"img" => Element::Img,
        b"a" => Element::A,
        _ => Element::Inline,
    }
}

/// The blocks of `html`, in order; blocks without text are left out.
pub fn blocks(html: &str) -> Vec<Block> {
    let mut out = vec![Block::default()];
    let mut rest = html;
    while let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        let end = tag_end(rest);
        let tag = match rest[..end].strip_suffix('>') {
            Some(t) => &t[1..],
            None => &rest[1..end],
        };
        rest = &rest[end..];
        let closing = tag.starts_with('/');
        let bare = tag.trim_start_matches('/');
        let name = &bare[..bare
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bare.len())];
        if tag.starts_with("!--") {
            continue;
        }
        match element(name) {
            Element::Skipped if !closing => {
                rest = match find_ci(rest, &format!("</{name}")) {
                    Some(i) => &rest[i..],
                    None => "",
                };
            }
            Element::Heading if !closing => match attr(tag, "id") {
                Some(anchor) => out.push(Block {
                    anchor,
                    text: String::new(),
                }),
                None => push_break(&mut out),
            },
            Element::Img => {
                if let Some(alt) = attr(tag, "alt") {
                    push_break(&mut out);
                    push_text(&mut out, &alt);
                    push_break(&mut out);
                }
            }
            Element::Break | Element::Heading => push_break(&mut out),
            // The `#` link beside a heading.
            Element::A if is_anchor_link(tag) => {
                rest = match find_ci(rest, "</a") {
                    Some(i) => &rest[i..],
                    None => "",
                };
            }
            _ => {}
        }
    }
    push_text(&mut out, rest);
    for b in &mut out {
        let trimmed = b.text.trim_end();
        b.text.truncate(trimmed.len());
    }
    out.retain(|b| !b.text.is_empty());
    out
}

/// The length of the tag at the start of `s` (which starts with `<`), quotes respected.
fn tag_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 1;
    while let Some(k) = memchr::memchr3(b'>', b'"', b'\'', &bytes[i..]) {
        let at = i + k;
        let quote = bytes[at];
        if quote == b'>' {
            return at + 1;
        }
        match memchr::memchr(quote, &bytes[at + 1..]) {
            Some(close) => i = at + 1 + close + 1,
            None => break,
        }
    }
    s.len()
}

/// Whether the inside of an `a` start tag has the class `anchor` (the `#` link beside a
/// heading). Tags without the word, or an entity that could spell it, are passed at once.
fn is_anchor_link(tag: &str) -> bool {
    // The searcher is made once: making it costs more than searching a tag.
    static ANCHOR: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let anchor = ANCHOR.get_or_init(|| memchr::memmem::Finder::new(b"anchor"));
    let may_be =
        anchor.find(tag.as_bytes()).is_some() || memchr::memchr(b'&', tag.as_bytes()).is_some();
    may_be && attr(tag, "class").is_some_and(|c| c.contains("anchor"))
}

/// Where `needle` (ASCII) first is in `haystack`, in any case: candidates are found by their
/// first byte with a vectorised search (a closing tag may be far into the page).
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let (&first, rest) = needle.as_bytes().split_first()?;
    let mut from = 0;
    while let Some(k) = memchr::memchr2(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &h[from..],
    ) {
        let at = from + k;
        let candidate = h.get(at + 1..at + 1 + rest.len())?;
        if candidate.eq_ignore_ascii_case(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The unescaped value of attribute `name` in the inside of a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(i) = find_ci(&tag[from..], name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let after = tag[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value = after[1..].trim_start();
        let (quote, body) = match value.as_bytes().first() {
            Some(b'"') => ('"', &value[1..]),
            Some(b'\'') => ('\'', &value[1..]),
            _ => (' ', value),
        };
        let end = body.find(quote).unwrap_or(body.len());
        return Some(unescape(&body[..end]));
    }
    None
}

fn push_break(out: &mut [Block]) {
    if let Some(b) = out.last_mut() {
        if !b.text.is_empty() && !b.text.ends_with('\n') {
            let trimmed = b.text.trim_end_matches(' ').len();
            b.text.truncate(trimmed);
            b.text.push('\n');
        }
    }
}

/// Appends text with its entities decoded and its white space collapsed.
fn push_text(out: &mut [Block], raw: &str) {
    let Some(b) = out.last_mut() else { return };
    let decoded;
    let text = if memchr::memchr(b'&', raw.as_bytes()).is_some() {
        decoded = unescape(raw);
        decoded.as_str()
    } else {
        raw
    };
    if spaced_singly(text) {
        // Most text between tags: words apart by single spaces, perhaps one at either end.
        let words = text.trim_matches(' ');
        if text.starts_with(' ') {
            push_space(&mut b.text);
        }
        b.text.push_str(words);
        if text.ends_with(' ') && !words.is_empty() {
            push_space(&mut b.text);
        }
    } else {
        push_collapsed(&mut b.text, text);
    }
}

/// Appends `text` with its runs of ASCII white space as one space (other spaces separate
/// words all the same). Text between such runs, single spaces between words included, is
/// copied whole.
fn push_collapsed(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while let Some(&c) = bytes.get(i) {
            if c > b' ' {
                i += 1;
                continue;
            }
            let single_space = c == b' '
                && i > start
                && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
            if c.is_ascii_whitespace() && !single_space {
                break;
            }
            i += 1;
        }
        out.push_str(&text[start..i]);
        if i < bytes.len() {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            push_space(out);
        }
    }
}

/// Whether the only white space (or control character) of `text` is single spaces. Read
/// without a branch per byte: one on every space would mostly mispredict.
fn spaced_singly(text: &str) -> bool {
    let (mut other, mut prev_space) = (false, false);
    for &c in text.as_bytes() {
        let space = c == b' ';
        other |= (c < b' ') | (space & prev_space);
        prev_space = space;
    }
    !other
}

/// A space after text that does not end with one or with a line break.
fn push_space(text: &mut String) {
    if !text.is_empty() && !text.ends_with([' ', '\n']) {
        text.push(' ');
    }
}

/// Decodes the entities the renderer writes (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`), named
/// `&nbsp;` and numeric references.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.bytes().take(12).position(|b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_headings_and_keeps_their_anchors() {
        let html = "<p>Mở đầu &amp; <em>giới</em>thiệu</p>\n<h2 id=\"ket-qua\">Kết quả <a class=\"anchor\" href=\"#ket-qua\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>\n<p>Tiết kiệm <strong>nước</strong>.</p><ul><li>Một</li><li>Hai</li></ul>";
        let b = blocks(html);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].anchor, "");
        assert_eq!(b[0].text, "Mở đầu & giớithiệu");
        assert_eq!(b[1].anchor, "ket-qua");
        assert_eq!(b[1].text, "Kết quả\nTiết kiệm nước.\nMột\nHai");
    }

    #[test]
    fn keeps_alt_text_and_cells_and_skips_scripts() {
        let html = "<img src=\"a.jpg\" alt=\"Lò hơi &quot;mới&quot;\"><table><tr><td>1.200</td><td>m³</td></tr></table><script>var x = '<p>';</script><p>Cuối</p>";
        let b = blocks(html);
        assert_eq!(b[0].text, "Lò hơi \"mới\"\n1.200\nm³\nCuối");
    }

    #[test]
    fn tags_end_outside_quotes() {
        let tag = "<a title=\"x>y\" data-x='>'>";
        assert_eq!(tag_end(&format!("{tag}rest")), tag.len());
        assert_eq!(tag_end("<a title=\"x>y"), "<a title=\"x>y".len());
        assert_eq!(tag_end("<br>"), 4);
        assert!(is_anchor_link(" class=\"anchor\" href=\"#x\""));
        assert!(is_anchor_link(" class=\"&#97;nchor\""));
        assert!(!is_anchor_link(" href=\"#x\""));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<",
            "<p",
            "<h2 id=",
            "&#xZZ;",
            "a &",
            "<img alt='x",
            "<script>",
            "&#1114112;",
        ] {
            let _ = blocks(html);
        }
        assert_eq!(blocks("&quot;thu hồi&x hồi")[0].text, "\"thu hồi&x hồi");
    }

    proptest::proptest! {
        #[test]
        fn text_spaced_singly_is_collapsed_as_any_other(
            before in "[a \n]{0,3}",
            text in "[ ab\n\t\r\x0c\x01ồ]{0,12}",
        ) {
            let mut fast = vec![Block { anchor: String::new(), text: before.clone() }];
            push_text(&mut fast, &text);
            let mut slow = before;
            push_collapsed(&mut slow, &text);
            proptest::prop_assert_eq!(&fast[0].text, &slow);
        }

        #[test]
        fn a_needle_is_found_first_in_any_case(
            haystack in "[<>/aAbBđ ]{0,40}",
            needle in "[</aAbB]{1,4}",
        ) {
            let (h, n) = (haystack.as_bytes(), needle.as_bytes());
            let first = (0..=h.len().saturating_sub(n.len()))
                .find(|&i| h.get(i..i + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)));
            proptest::prop_assert_eq!(find_ci(&haystack, &needle), first);
        }

        #[test]
        fn any_text_reads_without_panicking(html in "[<>&;#x/a-z=\"' hồđ\u{300}]{0,60}") {
            let _ = blocks(&html);
        }
    }
}
