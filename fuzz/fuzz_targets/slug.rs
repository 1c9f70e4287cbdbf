//! Slug folding: always a safe path segment, and stable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sachhon::text::slugify;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let slug = slugify(text);
    assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    assert!(!slug.contains("--") && !slug.starts_with('-') && !slug.ends_with('-'));
    assert_eq!(slugify(&slug), slug);
});
