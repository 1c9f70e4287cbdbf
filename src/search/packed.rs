//! Short terms packed into an integer, for the map of every term of the index, which each
//! page's terms are looked up in: hashing and comparing a packed term is two machine words,
//! with no string to follow (and miss in the cache) and no call to compare bytes.

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
        let mut bytes = [0u8; MAX];
        bytes
            .get_mut(..word.len())?
            .copy_from_slice(word.as_bytes());
        Some(Packed(u128::from_le_bytes(bytes)))
    }

    /// The term as text.
    fn text(self) -> String {
        let bytes = self.0.to_le_bytes();
        let len = MAX - (self.0.leading_zeros() / 8) as usize;
        String::from_utf8_lossy(&bytes[..len]).into_owned()
    }
}

/// Values by term: a short term by its packed form, a long one by its text.
pub(super) struct TermMap<V> {
    short: FxHashMap<Packed, V>,
    long: FxHashMap<String, V>,
}

impl<V> Default for TermMap<V> {
    fn default() -> Self {
        TermMap {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<V> TermMap<V> {
    /// The value of `term`, made by `new` when it has none.
    pub(super) fn get_or_insert_with(&mut self, term: &str, new: impl FnOnce() -> V) -> &mut V {
        match Packed::of(term) {
            Some(key) => self.short.entry(key).or_insert_with(new),
            // Long terms are few: the text of each lookup is copied.
            None => self.long.entry(term.to_string()).or_insert_with(new),
        }
    }

    /// Every term with its value, in no particular order.
    pub(super) fn into_terms(self) -> impl Iterator<Item = (String, V)> {
        let short = self.short.into_iter().map(|(t, v)| (t.text(), v));
        short.chain(self.long)
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

    #[test]
    fn long_terms_are_kept_by_their_text() {
        let mut map: TermMap<u32> = TermMap::default();
        let long = "0123456789abcdefg";
        *map.get_or_insert_with(long, || 0) += 2;
        *map.get_or_insert_with(long, || 0) += 3;
        let short = Packed::of("ab");
        *map.get_or_insert_with("ab", || 7) += 1;
        assert_eq!(map.long.get(long), Some(&5));
        assert_eq!(short.and_then(|k| map.short.get(&k)), Some(&8));
        assert_eq!(map.long.len() + map.short.len(), 2);
        let mut terms: Vec<(String, u32)> = map.into_terms().collect();
        terms.sort();
        assert_eq!(terms, [(long.to_string(), 5), ("ab".to_string(), 8)]);
    }
}
