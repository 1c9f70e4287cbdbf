//! Values of a case study's front matter (dates, money, figures, payback) put where editors
//! write them, never panics, and every diagnostic has a line
//! inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sachhon::content::{parse_front_matter, Kind};

const KEYS: [&str; 7] = [
    "date",
    "updated",
    "payback_months",
    "investment",
    "savings_per_year",
    "year",
    "weight",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut yaml = String::from("title: A\nprovince: X\nsector: Y\n");
    let mut values = text.split('\u{1}');
    for (i, value) in values.by_ref().take(KEYS.len()).enumerate() {
        yaml.push_str(&format!("{}: {}\n", KEYS[i], value.replace(['\n', '\r'], " ")));
    }
    let before = values.next().unwrap_or("1").replace(['\n', '\r', ',', '}'], " ");
    let after = values.next().unwrap_or("1").replace(['\n', '\r'], " ");
    yaml.push_str(&format!(
        "metrics:\n  - {{ name: W, unit: kWh, before: {before}, after: 1, better: lower }}\n  \
         - name: V\n    unit: m3\n    before: 2\n    after: {after}\n"
    ));
    let file = format!("---\n{yaml}---\nBody\n");
    let lines = file.lines().count() + 2;
    let (_, diags) = parse_front_matter(&file, Kind::CaseStudy);
    for d in diags {
        if let Some(line) = d.line {
            assert!(line >= 1 && line <= lines, "line {line} outside {lines} lines");
        }
    }
});
