//! Markdown rendering with sachhon's extensions (heading ids, alerts, links, highlighting).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sachhon::markdown::{render, Context};
use sachhon::site::UrlStyle;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let style = UrlStyle {
        base_url: "https://example.org/kb/".into(),
        base_path: "/kb/".into(),
        relative: data.first().is_some_and(|b| b % 2 == 0),
    };
    let resolve = |key: &str| (key.len() % 3 == 0).then(|| format!("{}/", key.trim_end_matches(".md")));
    let images = sachhon::images::Catalogue::new();
    let cx = Context {
        source: "content/news/a.md",
        lang: "vi",
        page_path: "news/a/",
        content_dir: "news",
        line_offset: 3,
        style: &style,
        resolve: &resolve,
        images: &images,
        emoji: data.len() % 2 == 0,
        shortcodes: None,
        find_file: &|_: &str| None,
        raw_html: sachhon::markdown::raw_html::RawHtml::Sanitize,
    };
    let (out, _) = render(body, &cx);
    let mut ids = std::collections::HashSet::new();
    for h in &out.toc {
        assert!(ids.insert(h.id.clone()), "duplicate heading id {}", h.id);
    }
});
