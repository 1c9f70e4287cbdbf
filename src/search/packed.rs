//! Short terms packed into an integer, for the maps that every word is looked up in (each
//! page's terms as its words are counted, then every term of the index as pages are added):
//! hashing and comparing a packed term is two machine words, with no string to follow (and
//! miss in the cache) and no call to compare bytes.

use rustc_hash::FxHashMap;

/// Longest term packed, in bytes; most words are shorter.
const MAX: usize = 16;

/// A term of at most [`MAX`] bytes, its first byte lowest. No word holds a zero byte, so the
/// zero bytes above it tell where it ends.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Packed(u128);

impl Packed {
    /// `word` packed, when it is short enough.
    fn of(word: &str) -> Option<Packed> {
        let bytes = word.as_bytes();
        // Read with a few fixed-size loads, never through a buffer: copying the word into one
        // and reading it back as an integer stalls the read until the copy's narrower writes
        // land, which would be a fifth of the index merge's time.
        let packed = match bytes.len() {
            0..=8 => u128::from(low(bytes)),
            9..=MAX => {
                let (first, rest) = bytes.split_at(8);
                u128::from(low(first)) | u128::from(low(rest)) << 64
            }
            _ => return None,
        };
        Some(Packed(packed))
    }

    /// The term as text.
    fn text(self) -> String {
        let bytes = self.0.to_le_bytes();
        let len = MAX - (self.0.leading_zeros() / 8) as usize;
        String::from_utf8_lossy(&bytes[..len]).into_owned()
    }
}

/// Up to eight bytes as an integer, the first lowest: two loads that overlap when there are
/// fewer than eight (the bytes they share are the same), or one byte at a time for up to three.
fn low(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let word = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, |b: [u8; 4]| u64::from(u32::from_le_bytes(b)))
    };
    match n {
        8 => bytes.try_into().map_or(0, u64::from_le_bytes),
        4..=7 => word(0) | word(n - 4) << (8 * (n - 4)),
        1..=3 => bytes
            .iter()
            .enumerate()
            .fold(0, |p, (i, &b)| p | u64::from(b) << (8 * i)),
        _ => 0,
    }
}

/// Values by term: a short term by its packed form, a long one by its text (the text is
/// copied only when the term is new, twice as it is rare, as each page's words are looked up
/// here).
pub(super) struct TermMap<V> {
    short: FxHashMap<Packed, V>,
    /// Where each long term is in `long_terms`.
    long: FxHashMap<String, usize>,
    /// The long terms with their values, in the order they came.
    long_terms: Vec<(String, V)>,
}

impl<V> Default for TermMap<V> {
    fn default() -> Self {
        TermMap::with_capacity(0)
    }
}

impl<V> TermMap<V> {
    /// A map with room for `terms` short terms.
    pub(super) fn with_capacity(terms: usize) -> Self {
        TermMap {
            short: FxHashMap::with_capacity_and_hasher(terms, Default::default()),
            long: FxHashMap::default(),
            long_terms: Vec::new(),
        }
    }

    /// The value of `term`, if it has one.
    pub(super) fn get(&self, term: &str) -> Option<&V> {
        match Packed::of(term) {
            Some(key) => self.short.get(&key),
            None => self.long.get(term).map(|&i| &self.long_terms[i].1),
        }
    }

    /// The value of `term`, made by `new` when it has none.
    pub(super) fn get_or_insert_with(&mut self, term: &str, new: impl FnOnce() -> V) -> &mut V {
        if let Some(key) = Packed::of(term) {
            return self.short.entry(key).or_insert_with(new);
        }
        let at = match self.long.get(term) {
            Some(&at) => at,
            None => {
                self.long_terms.push((term.to_string(), new()));
                self.long
                    .insert(term.to_string(), self.long_terms.len() - 1);
                self.long_terms.len() - 1
            }
        };
        &mut self.long_terms[at].1
    }

    /// Every term with its value, in no particular order.
    pub(super) fn into_terms(self) -> impl Iterator<Item = (String, V)> {
        let short = self.short.into_iter().map(|(t, v)| (t.text(), v));
        short.chain(self.long_terms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_terms_read_back_and_differ_from_their_neighbours() {
        let text = "a ab abc 0123456789abcdef 0123456789abcdefg đ tiet";
        let words: Vec<&str> = text.split(' ').collect();
        let packed: Vec<Option<Packed>> = words.iter().map(|w| Packed::of(w)).collect();
        for (w, p) in words.iter().zip(&packed) {
            match p {
                Some(p) => assert_eq!(p.text(), *w),
                None => assert!(w.len() > MAX),
            }
        }
        assert!(packed[0] != packed[1] && packed[1] != packed[2]);
        // The same word packs alike wherever its text is.
        let tail = Packed::of(&text[text.len() - 4..]);
        assert_eq!(tail.map(Packed::text).as_deref(), Some("tiet"));
        assert!(tail == Packed::of("tiet"));
        let elsewhere = String::from("ab");
        assert!(Packed::of(&elsewhere) == packed[1]);
    }

    proptest::proptest! {
        #[test]
        fn every_length_packs_byte_by_byte(word in "[a-z0-9\u{e0}-\u{ff}]{0,16}") {
            let packed = Packed::of(&word);
            if word.len() <= MAX {
                let expected = word
                    .bytes()
                    .enumerate()
                    .fold(0u128, |p, (i, b)| p | u128::from(b) << (8 * i));
                proptest::prop_assert!(packed == Some(Packed(expected)));
                proptest::prop_assert_eq!(packed.map(Packed::text), Some(word));
            } else {
                proptest::prop_assert!(packed.is_none());
            }
        }
    }

    #[test]
    fn long_terms_are_kept_by_their_text() {
        let mut map: TermMap<u32> = TermMap::default();
        let long = "0123456789abcdefg";
        *map.get_or_insert_with(long, || 0) += 2;
        *map.get_or_insert_with(long, || 0) += 3;
        let short = Packed::of("ab");
        *map.get_or_insert_with("ab", || 7) += 1;
        assert_eq!(map.get(long), Some(&5));
        assert_eq!(map.long.len(), 1);
        assert_eq!(short.and_then(|k| map.short.get(&k)), Some(&8));
        assert_eq!(map.long.len() + map.short.len(), 2);
        let mut terms: Vec<(String, u32)> = map.into_terms().collect();
        terms.sort();
        assert_eq!(terms, [(long.to_string(), 5), ("ab".to_string(), 8)]);
    }
}
