//! Short terms packed into an integer, for the map of every term of the index, which each
//! page's terms are looked up in: hashing and comparing a packed term is two machine words,
//! with no string to follow (and miss in the cache) and no call to compare bytes.

use rustc_hash::FxHashMap;

/// Longest term packed, in bytes; most words are shorter.
const MAX: usize = 16;

/// A term of at most [`MAX`] bytes, its first byte lowest. No word holds a zero byte, so the
/// zero bytes above it tell where it ends.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Packed(u128);

impl Packed {
    /// `word` packed when it is short enough. When `word` is a slice of `text` with sixteen
    /// bytes of `text` from its start, they are read at once.
    #[inline]
    pub(super) fn of(text: &str, word: &str) -> Option<Packed> {
        let len = word.len();
        if len > MAX {
            return None;
        }
        let at = (word.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        let bytes = text.as_bytes();
        // A word that starts within `text` and ends within it is a slice of it.
        let inside = at.checked_add(len).is_some_and(|end| end <= bytes.len());
        let window = if inside {
            bytes.get(at..at + MAX)
        } else {
            None
        };
        let key = match window {
            // Sixteen bytes read at once, those past the word masked off.
            Some(window) => {
                let mut chunk = [0u8; MAX];
                chunk.copy_from_slice(window);
                let mask = u128::MAX.checked_shr(8 * (MAX - len) as u32).unwrap_or(0);
                u128::from_le_bytes(chunk) & mask
            }
            None => word
                .bytes()
                .rev()
                .fold(0, |key, b| key << 8 | u128::from(b)),
        };
        Some(Packed(key))
    }

    /// The term as text.
    pub(super) fn text(self) -> String {
        let bytes = self.0.to_le_bytes();
        let len = MAX - (self.0.leading_zeros() / 8) as usize;
        String::from_utf8_lossy(&bytes[..len]).into_owned()
    }
}

/// Values by term: a short term by its packed form, a long one by its text.
pub(super) struct TermMap<V> {
    pub(super) short: FxHashMap<Packed, V>,
    pub(super) long: FxHashMap<String, V>,
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
    /// The value of `term` (packed as `packed`, when short), made by `new` when it has none.
    pub(super) fn get_or_insert_with(
        &mut self,
        term: &str,
        packed: Option<Packed>,
        new: impl FnOnce() -> V,
    ) -> &mut V {
        match packed {
            Some(key) => self.short.entry(key).or_insert_with(new),
            // Long terms are few: the text of each lookup is copied.
            None => self.long.entry(term.to_string()).or_insert_with(new),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_terms_read_back_and_differ_from_their_neighbours() {
        let text = "a ab abc 0123456789abcdef 0123456789abcdefg đ tiet";
        let words: Vec<&str> = text.split(' ').collect();
        let packed: Vec<Option<Packed>> = words.iter().map(|w| Packed::of(text, w)).collect();
        for (w, p) in words.iter().zip(&packed) {
            match p {
                Some(p) => assert_eq!(p.text(), *w),
                None => assert!(w.len() > MAX),
            }
        }
        assert!(packed[0] != packed[1] && packed[1] != packed[2]);
        // The last word has fewer than sixteen bytes after its start.
        let tail = Packed::of(text, "tiet");
        assert_eq!(tail.map(Packed::text).as_deref(), Some("tiet"));
        assert!(tail == Packed::of("tiet", "tiet"));
        let elsewhere = String::from("ab");
        assert!(Packed::of(text, &elsewhere) == packed[1]);
    }

    #[test]
    fn long_terms_are_kept_by_their_text() {
        let mut map: TermMap<u32> = TermMap::default();
        let long = "0123456789abcdefg";
        *map.get_or_insert_with(long, None, || 0) += 2;
        *map.get_or_insert_with(long, None, || 0) += 3;
        let short = Packed::of("ab", "ab");
        *map.get_or_insert_with("ab", short, || 7) += 1;
        assert_eq!(map.long.get(long), Some(&5));
        assert_eq!(short.and_then(|k| map.short.get(&k)), Some(&8));
        assert_eq!(map.long.len() + map.short.len(), 2);
    }
}
