//! Front-matter splitting, YAML parsing and typed fields of every kind: never panics, and every
//! diagnostic has a line inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sachhon::content::{parse_front_matter, Kind};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Lines as YAML counts them: CRLF, LF and a lone CR each end one.
    let lines = text.replace("\r\n", "\n").replace('\r', "\n").lines().count() + 2;
    for kind in [Kind::Page, Kind::News, Kind::CaseStudy, Kind::Module, Kind::Lesson] {
        let (_, diags) = parse_front_matter(text, kind);
        for d in diags {
            if let Some(line) = d.line {
                assert!(line >= 1 && line <= lines, "line {line} outside {lines} lines");
            }
        }
    }
});
