//! Text folding shared by slugs, heading ids and the search normaliser.
//!
//! Vietnamese is written with stacked tone marks (`ệ` is `e` + circumflex + dot below) and the
//! letter `đ`, which Unicode does not decompose. Folding removes every combining mark after NFD
//! and maps `đ`/`Đ` to `d`, so `Đồng Nai`, `ĐỒNG NAI` and `dong nai` become the same text.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// Lower-cases `text` and removes its diacritics (`Sản xuất` -> `san xuat`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    // Eight ASCII bytes are lower-cased at once where there are that many in a row (most of an
    // English text, the spaces and punctuation of a Vietnamese one); other ASCII is lower-cased
    // byte by byte; a Latin letter (every Vietnamese one) is looked up in a table by its UTF-8
    // bytes; anything else is decomposed one character at a time (canonical decomposition of
    // each character, then dropping the marks, is the same as NFD followed by mark removal,
    // without reordering buffers). Folded letters that are ASCII, nearly all, gather in a
    // buffer appended a run at a time.
    let table = latin_table();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut run = [0u8; 64];
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        while let Some(word) = ascii_word(bytes, i) {
            if n + 8 > run.len() {
                push_ascii(out, &run[..n]);
                n = 0;
            }
            run[n..n + 8].copy_from_slice(&lower_ascii(word).to_le_bytes());
            n += 8;
            i += 8;
        }
        // Then a character at a time, up to and including the next one that is not ASCII.
        while let Some(&b) = bytes.get(i) {
            let (ascii, len) = if b.is_ascii() {
                (b | (u8::from(b.is_ascii_uppercase()) << 5), 1)
            } else {
                match latin_index(bytes, i).and_then(|(index, len)| Some((*table.get(index)?, len)))
                {
                    Some((f, len)) if f.is_ascii() && f != '\0' => (f as u8, len),
                    _ => (0, 0),
                }
            };
            if len == 0 {
                // Not folded to ASCII: the run so far, then this character.
                push_ascii(out, &run[..n]);
                n = 0;
                let c = text[i..].chars().next().unwrap_or_default();
                fold_char(c, out);
                i += c.len_utf8();
                break;
            }
            if n >= run.len() {
                push_ascii(out, &run);
                n = 0;
            }
            run[n] = ascii;
            n += 1;
            i += len;
            if len > 1 {
                break;
            }
        }
    }
    push_ascii(out, &run[..n]);
}

/// The eight bytes of `bytes` from `i` as an integer (the first lowest), when there are eight
/// and all are ASCII.
#[inline(always)]
fn ascii_word(bytes: &[u8], i: usize) -> Option<u64> {
    let word = u64::from_le_bytes(bytes.get(i..i + 8)?.try_into().ok()?);
    (word & 0x8080_8080_8080_8080 == 0).then_some(word)
}

/// Eight ASCII bytes lower-cased at once: adding to each byte what takes `A` (and what takes the
/// byte after `Z`) to 0x80 sets its high bit from that letter on, without carrying into the next
/// byte (no byte is above 0x7F); the upper-case letters get 0x20 added.
#[inline(always)]
fn lower_ascii(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let from_a = word + ONES * u64::from(0x80 - b'A');
    let after_z = word + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = from_a & !after_z & (ONES * 0x80);
    word | (upper >> 2)
}

/// Appends ASCII bytes to `out` (the check always passes; simdutf8's took a fifth fewer
/// instructions than std's).
#[inline(always)]
fn push_ascii(out: &mut String, run: &[u8]) {
    if let Ok(text) = simdutf8::basic::from_utf8(run) {
        out.push_str(text);
    }
}

/// The index in [`latin_table`] of the character starting at byte `i` of `bytes` (UTF-8, not
/// ASCII) and its length, when it is in [`LATIN`]: read from its bytes without decoding.
#[inline]
fn latin_index(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    let low6 = |k: usize| bytes.get(i + k).map(|&b| usize::from(b & 0x3f));
    match (bytes[i], bytes.get(i + 1)) {
        // U+00C0-U+023F, and U+0240-U+024F.
        (lead @ 0xc3..=0xc8, _) | (lead @ 0xc9, Some(0x80..=0x8f)) => Some((
            (usize::from(lead & 0x1f) << 6 | low6(1)?) - LATIN[0].0 as usize,
            2,
        )),
        // U+1E00-U+1EFF, after the first block's letters.
        (0xe1, Some(&second @ 0xb8..=0xbb)) => {
            let first = (LATIN[0].1 - LATIN[0].0) as usize;
            Some((first + (usize::from(second & 0x03) << 6 | low6(2)?), 3))
        }
        _ => None,
    }
}

fn fold_char(c: char, out: &mut String) {
    match c {
        'đ' | 'Đ' => out.push('d'),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// The Latin blocks folded ahead: U+00C0-U+024F and U+1E00-U+1EFF.
const LATIN: [(u32, u32); 2] = [(0xc0, 0x250), (0x1e00, 0x1f00)];

/// Whether `c` is in one of the blocks of [`LATIN`].
fn is_latin(c: char) -> bool {
    LATIN
        .iter()
        .any(|&(from, to)| (from..to).contains(&u32::from(c)))
}

/// The characters of [`LATIN`] that are not letters.
const LATIN_SYMBOLS: [char; 2] = ['×', '÷'];

/// The folded form of each letter of [`LATIN`], block after block: `\0` where it is not a
/// single character.
fn latin_table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        LATIN
            .iter()
            .flat_map(|&(from, to)| from..to)
            .map(|n| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(n) {
                    fold_char(c, &mut s);
                }
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(f), None) => f,
                    _ => '\0',
                }
            })
            .collect()
    })
}

/// Lower-cases `text` and normalises it to NFC, keeping its diacritics.
pub fn lower_nfc(text: &str) -> String {
    text.nfc().flat_map(char::to_lowercase).collect()
}

/// Turns any text into a URL slug: lower-case ASCII letters and digits joined by single hyphens.
///
/// Returns an empty string when the text holds no letter or digit at all.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            push_word_piece(&mut out, &mut pending_hyphen, c.encode_utf8(&mut [0; 4]));
        } else {
            pending_hyphen = true;
        }
    }
    out
}

/// Appends a piece of a word to a slug or an id: after a hyphen when a break came before it,
/// never at the start.
fn push_word_piece(out: &mut String, pending_hyphen: &mut bool, piece: &str) {
    if *pending_hyphen && !out.is_empty() {
        out.push('-');
    }
    *pending_hyphen = false;
    out.push_str(piece);
}

/// Turns a heading into its anchor id, as GitHub does but with Vietnamese folded: letters and
/// digits are kept, lower-cased (Vietnamese and other Latin letters without their marks, other
/// scripts such as CJK as written); apostrophes are dropped (`What's` -> `whats`); every other
/// run of characters (spaces, punctuation, symbols, emoji) is one hyphen, never at either end.
///
/// Returns an empty string when the heading holds no letter or digit at all.
pub fn heading_id(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    let mut folded = String::new();
    for c in text.chars() {
        // ASCII, most of any heading, is answered at once; the rest is folded below.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                let lower = c.to_ascii_lowercase();
                push_word_piece(
                    &mut out,
                    &mut pending_hyphen,
                    lower.encode_utf8(&mut [0; 4]),
                );
            } else if c != '\'' {
                pending_hyphen = true;
            }
            continue;
        }
        folded.clear();
        if matches!(c, '\u{2019}' | '\u{2018}') || is_combining_mark(c) {
            continue;
        } else if is_latin(c) {
            fold_into(c.encode_utf8(&mut [0; 4]), &mut folded);
        } else if c.is_alphanumeric() {
            folded.extend(c.to_lowercase());
        }
        if folded.is_empty() || !folded.chars().all(char::is_alphanumeric) {
            pending_hyphen = true;
            continue;
        }
        push_word_piece(&mut out, &mut pending_hyphen, &folded);
    }
    out
}

/// At most `max_chars` characters of `text`, cut at a word boundary with `…` when shortened.
pub fn truncate(text: &str, max_chars: usize) -> String {
    // Where the character after the first `max_chars` starts, if there is one.
    let Some((end, _)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let cut = &text[..end];
    let cut = cut.rsplit_once(' ').map_or(cut, |(a, _)| a);
    format!("{cut}…")
}

/// Whether `c` is a letter or a digit: [`char::is_alphanumeric`], answered without the Unicode
/// tables for ASCII and the Latin blocks that hold every Vietnamese letter.
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        c if LATIN_SYMBOLS.contains(&c) => false,
        c if is_latin(c) => true,
        _ => c.is_alphanumeric(),
    }
}

/// The number of words (runs of letters or digits) of `text`, read as [`word_runs`] reads them.
pub fn word_count(text: &str) -> usize {
    // One loop over the characters, counting where a word starts (measured 1.7 times as fast
    // on Vietnamese text as counting the runs of `word_runs`).
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        let (word, len) = match ASCII_WORD.get(usize::from(b)) {
            Some(&word) => (word, 1),
            None => word_char_inline(text, i),
        };
        words += usize::from(word && !in_word);
        in_word = word;
        i += len;
    }
    words
}

/// Whether the character at byte `i` of `text` (a character boundary) is a word character, and
/// its length: ASCII and the Latin blocks (every Vietnamese letter) answered from the bytes,
/// the rest decoded. A call from the loops that find word runs, whose bytes are mostly ASCII
/// once folded (inlined there, they take 2.6 % more instructions); [`word_count`] reads raw
/// text, with marked letters in most words, and takes it inlined ([`word_char_inline`]).
#[inline(never)]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    word_char_inline(text, i)
}

/// [`word_char_at`], always inlined.
#[inline(always)]
fn word_char_inline(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    if bytes[i].is_ascii() {
        return (bytes[i].is_ascii_alphanumeric(), 1);
    }
    match latin_index(bytes, i) {
        Some((index, len)) => {
            let symbol = LATIN_SYMBOLS.map(|c| c as usize - LATIN[0].0 as usize);
            (!symbol.contains(&index), len)
        }
        None => text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
    }
}

/// The runs of word characters of `text` (the non-empty pieces of splitting it at every other
/// character), read as [`word_char_at`] reads them.
pub fn word_runs(text: &str) -> WordRuns<'_> {
    WordRuns { text, at: 0 }
}

/// The iterator of [`word_runs`].
pub struct WordRuns<'a> {
    text: &'a str,
    /// Where the next search starts.
    at: usize,
}

/// Whether each ASCII byte is a letter or a digit.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

impl WordRuns<'_> {
    /// `i` moved past the run of characters that are word characters (`WORD`) or are not
    /// (`!WORD`): the first byte whose character is on the other side. ASCII is answered from
    /// a table in the loop itself, as most of any text is.
    #[inline]
    fn pass<const WORD: bool>(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(i) {
            if let Some(&is_word) = ASCII_WORD.get(usize::from(b)) {
                if is_word != WORD {
                    break;
                }
                i += 1;
            } else {
                let (is_word, len) = word_char_at(self.text, i);
                if is_word != WORD {
                    break;
                }
                i += len;
            }
        }
        i
    }
}

impl<'a> Iterator for WordRuns<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let start = self.pass::<false>(self.at);
        self.at = self.pass::<true>(start);
        (self.at > start).then(|| &self.text[start..self.at])
    }
}

/// The pieces of `text` between line breaks, as `split('\n')` gives them (an empty last piece
/// after a final break included), found with a vectorised search.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(b'\n', r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The lines of `text` with their line breaks, as `split_inclusive('\n')` gives them, found
/// with a vectorised search (Markdown sources are scanned line by line several times).
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

/// Appends `text` as a JSON string, quotes included, escaped exactly as serde_json escapes it
/// (`"`, `\\`, and control characters: short forms where JSON has them, else `\u00xx`); runs
/// that need no escape, nearly all of any text, are copied whole.
pub fn push_json_string(out: &mut String, text: &str) {
    let needs_escape = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    out.push('"');
    let bytes = text.as_bytes();
    let mut from = 0;
    // Blocks of 16 bytes are cleared at once, in a loop the compiler vectorises; a block
    // that holds a byte to escape is gone through byte by byte.
    for (n, block) in bytes.chunks(16).enumerate() {
        if !block.iter().fold(false, |any, &b| any | needs_escape(b)) {
            continue;
        }
        for (k, &b) in block.iter().enumerate() {
            if needs_escape(b) {
                let at = n * 16 + k;
                out.push_str(&text[from..at]);
                from = at + 1;
                push_json_escape(out, b);
            }
        }
    }
    out.push_str(&text[from..]);
    out.push('"');
}

/// The JSON escape of an ASCII byte that may not appear in a JSON string as it is.
fn push_json_escape(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        _ => {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Whether `c` may not appear in a page or a feed: C0 controls other than tab, LF and CR,
/// and the noncharacters U+FFFE and U+FFFF (XML 1.0 forbids them all).
pub fn is_forbidden_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// Removes forbidden control characters from `text`; returns the text and, for each one
/// removed, its line, column (in characters) and the character.
pub fn strip_controls(text: String) -> (String, Vec<(usize, usize, char)>) {
    // A first look, byte by byte in blocks the compiler vectorises: a C0 control other than
    // tab, LF and CR, or the lead byte 0xEF of U+F000-U+FFFF, which holds U+FFFE and U+FFFF.
    let suspect_byte =
        |b: u8| (b < b' ') & (b != b'\t') & (b != b'\n') & (b != b'\r') | (b == 0xEF);
    let suspect = text
        .as_bytes()
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |seen, &b| seen | suspect_byte(b)));
    if !suspect || !text.chars().any(is_forbidden_control) {
        return (text, Vec::new());
    }
    let mut removed = Vec::new();
    let (mut line, mut col) = (1, 1);
    let mut kept = String::with_capacity(text.len());
    for c in text.chars() {
        if is_forbidden_control(c) {
            removed.push((line, col, c));
        } else {
            kept.push(c);
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (kept, removed)
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_eight_ascii_bytes_at_once_matches_one_at_a_time() {
        // Every ASCII byte, in every position of an eight-byte block, beside Vietnamese and
        // other letters: the bytes on either side of `A`-`Z` (`@`, `[`, `` ` ``, `{`) stay.
        let ascii: String = (0u8..128).map(char::from).collect();
        let texts = [
            ascii.clone(),
            format!("x{ascii}"),
            format!("Đồng NAI{ascii}Ệ"),
            "In the FIRST phase, Sở Công Thương đo đạc LÒ NUNG tuynel; CO₂ 34% @[`{".to_string(),
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAZ".to_string(),
            "ab".to_string(),
        ];
        for text in &texts {
            assert_eq!(fold(text), fold_each_character(text), "{text:?}");
        }
    }

    /// `text` folded one character at a time, without the table or whole ASCII words.
    fn fold_each_character(text: &str) -> String {
        let mut folded = String::new();
        for c in text.chars() {
            if c.is_ascii() {
                folded.push(c.to_ascii_lowercase());
            } else {
                fold_char(c, &mut folded);
            }
        }
        folded
    }

    #[test]
    fn word_runs_are_the_pieces_between_other_characters() {
        for text in [
            "",
            "  a",
            "một, hai-ba  4×5 ",
            "ĐỒNG nai\nx",
            "日本語 テキスト",
            "!!",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(word_runs(text).collect::<Vec<_>>(), expected, "{text}");
        }
    }

    #[test]
    fn word_characters_read_from_bytes_are_those_read_as_characters() {
        let text: String = (0..0x2100)
            .chain(0x3040..0x3100)
            .filter_map(char::from_u32)
            .collect();
        for (i, c) in text.char_indices() {
            assert_eq!(
                word_char_at(&text, i),
                (is_word_char(c), c.len_utf8()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn folds_vietnamese_letters_and_stacked_marks() {
        assert_eq!(fold("Đồng Nai"), "dong nai");
        assert_eq!(fold("ĐỒNG NAI"), "dong nai");
        assert_eq!(fold("tiết kiệm nước"), "tiet kiem nuoc");
        assert_eq!(fold("Nghệ An"), "nghe an");
    }

    #[test]
    fn every_letter_folds_as_it_decomposes() {
        // The Latin blocks, read from the table by their bytes, and the characters around them
        // (and in other scripts), decomposed one by one: alone and run together.
        let chars: Vec<char> = (0..0x2100)
            .chain(0x3040..0x3100)
            .chain(0x1f600..0x1f650)
            .filter_map(char::from_u32)
            .collect();
        let mut all_slow = String::new();
        for &c in &chars {
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "{c:?}");
            all_slow.push_str(&slow);
        }
        assert_eq!(fold(&chars.iter().collect::<String>()), all_slow);
        assert!(LATIN.iter().all(|&(_, end)| end <= 0x2100));
    }

    #[test]
    fn slugs_fold_vietnamese_titles() {
        assert_eq!(
            slugify("Sản xuất sạch hơn tại Đồng Nai"),
            "san-xuat-sach-hon-tai-dong-nai"
        );
        assert_eq!(slugify("Hội thảo Đà Nẵng"), "hoi-thao-da-nang");
        assert_eq!(slugify("Kết quả đạt được"), "ket-qua-dat-duoc");
        assert_eq!(slugify("  --Dệt may!! 2024 "), "det-may-2024");
    }

    #[test]
    fn word_chars_are_the_alphanumeric_chars() {
        for c in (0..=0x2fff).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn counting_from_bytes_matches_counting_chars(text in "[a-zA-Z0-9 ,.×÷\u{c0}-\u{2ff}\u{300}-\u{36f}\u{1e00}-\u{1eff}\u{2000}-\u{206f}\u{3040}-\u{30ff}]{0,40}") {
            let mut words = 0;
            let mut in_word = false;
            for c in text.chars() {
                let letter = c.is_alphanumeric();
                words += usize::from(letter && !in_word);
                in_word = letter;
            }
            proptest::prop_assert_eq!(word_count(&text), words);
            proptest::prop_assert_eq!(word_runs(&text).count(), words);
        }
    }

    #[test]
    fn counts_words_of_every_script() {
        assert_eq!(word_count("Một hai, ba bốn"), 4);
        assert_eq!(word_count("một"), 1);
        assert_eq!(word_count(" -- 2024: Đà Nẵng"), 3);
        assert_eq!(word_count("2×3÷4 “ɐɓ” ạ—ấ ひらがな"), 7);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("Một hai, ba. 4"), 4);
    }

    proptest::proptest! {
        #[test]
        fn heading_ids_take_ascii_as_the_general_rule_does(
            text in "[ -~]{0,12}(\\PC{0,3}[ -~]{0,12}){0,3}"
        ) {
            // The rule as words: each character folds to letters and digits (kept), to
            // anything else (a break between words) or is dropped; the words are joined by
            // hyphens.
            let piece = |c: char| -> Option<String> {
                if matches!(c, '\'' | '\u{2019}' | '\u{2018}') || is_combining_mark(c) {
                    return None;
                }
                let folded = if is_latin(c) || c.is_ascii() {
                    fold(c.encode_utf8(&mut [0; 4]))
                } else {
                    c.to_lowercase().filter(|_| c.is_alphanumeric()).collect()
                };
                Some(folded).filter(|f| f.chars().all(char::is_alphanumeric))
                    .or(Some(String::new()))
            };
            let mut words = vec![String::new()];
            for p in text.chars().filter_map(piece) {
                match words.last_mut() {
                    Some(word) if !p.is_empty() => word.push_str(&p),
                    _ => words.push(String::new()),
                }
            }
            words.retain(|w| !w.is_empty());
            let expected = words.join("-");
            proptest::prop_assert_eq!(heading_id(&text), expected);
        }
    }

    #[test]
    fn heading_ids_keep_other_scripts_and_drop_apostrophes() {
        assert_eq!(heading_id("Kết quả đạt được"), "ket-qua-dat-duoc");
        assert_eq!(heading_id("What's new?"), "whats-new");
        assert_eq!(heading_id("快速开始 Quick start"), "快速开始-quick-start");
        assert_eq!(heading_id("Привет, мир"), "привет-мир");
        assert_eq!(heading_id("🎉 🚀"), "");
        assert_eq!(
            heading_id("Đồng Nai – \"Xanh\" & sạch (2024)"),
            "dong-nai-xanh-sach-2024"
        );
    }

    #[test]
    fn slug_of_symbols_is_empty() {
        assert_eq!(slugify("!!! ..."), "");
    }

    #[test]
    fn decomposed_and_composed_input_fold_alike() {
        let composed = "Việt";
        let decomposed: String = composed.nfd().collect();
        assert_eq!(slugify(composed), slugify(&decomposed));
    }

    proptest::proptest! {
        #[test]
        fn slugs_are_always_safe_path_segments(text in "\\PC{0,40}") {
            let slug = slugify(&text);
            proptest::prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            proptest::prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
            proptest::prop_assert_eq!(slugify(&slug), slug.clone());
        }

        #[test]
        fn folding_from_the_table_matches_folding_each_character(
            text in "(\\PC{0,40}|([A-Za-z0-9 .,]{1,80}[ĐđÀ-ỹæ’]?){1,8})"
        ) {
            // The second kind: long runs of text that folds to ASCII (the fold gathers it in
            // runs of 64 bytes), with Vietnamese letters and others among it.
            proptest::prop_assert_eq!(fold(&text), fold_each_character(&text));
        }

        #[test]
        fn folding_is_idempotent(text in "\\PC{0,40}") {
            let once = fold(&text);
            proptest::prop_assert_eq!(fold(&once), once.clone());
        }
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_html("<a href=\"x\">'"),
            "&lt;a href=&quot;x&quot;&gt;&#39;"
        );
    }
}

/// Percent-encodes `text` for a URL query value: every byte but the unreserved ones.
pub fn url_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(b))
            }
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
    out
}

#[cfg(test)]
mod json_and_line_tests {
    use super::lines;

    #[test]
    fn lines_are_the_pieces_split_gives() {
        for text in ["", "a", "a\n", "\n\nb", "một\nhai\n\nba\n"] {
            let expected: Vec<&str> = text.split('\n').collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn json_strings_match_serde_json() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for text in [
            "",
            "Tiết kiệm \"nước\"",
            "a\\b\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "</script>",
            &all,
        ] {
            let mut out = String::new();
            super::push_json_string(&mut out, text);
            assert_eq!(out, serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn inclusive_lines_are_the_pieces_split_inclusive_gives() {
        for text in ["", "a", "a\n", "\n\nb", "một\r\nhai\n\nba"] {
            let expected: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(super::lines_inclusive(text).collect::<Vec<_>>(), expected);
        }
    }
}

#[cfg(test)]
mod url_encode_tests {
    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(super::url_encode("a b&c=đ/"), "a%20b%26c%3D%C4%91%2F");
    }
}
