//! The search normaliser: idempotent, and its tokens never hold separators.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sachhon::search::{normalize, tokens};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let once = normalize(text);
    assert_eq!(normalize(&once), once);
    for t in tokens(text) {
        assert!(!t.is_empty() && t.chars().all(char::is_alphanumeric));
    }
});
