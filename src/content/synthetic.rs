//! Pages sachhon makes itself so that every link it writes leads somewhere: the home page of a
//! language that has no `_index.<lang>.md` (its title from `languages.<lang>.title`, no text).

use super::{Kind, Meta, Page};
use crate::config::Config;

/// The home pages missing from `pages`, one per configured language without one.
pub(super) fn missing_homes(config: &Config, pages: &[Page]) -> Vec<Page> {
    config
        .languages
        .iter()
        .filter(|lang| {
            !pages
                .iter()
                .any(|p| p.is_section && p.dir.is_empty() && p.lang == lang.code)
        })
        .map(|lang| {
            let file = if lang.code == config.default_language() {
                "_index.md".to_string()
            } else {
                format!("_index.{}.md", lang.code)
            };
            Page {
                source: format!("content/{file}"),
                abs_source: config.root.join("content").join(&file),
                lang: lang.code.clone(),
                translation_key: "_index.md".to_string(),
                is_section: true,
                kind: Kind::Page,
                children_kind: None,
                is_training: false,
                dir: String::new(),
                parent_section: None,
                path: config.lang_prefix(&lang.code),
                meta: Meta {
                    title: lang.title.clone(),
                    ..Meta::default()
                },
                body: String::new(),
                body_line_offset: 0,
                assets: Vec::new(),
                key_lines: Vec::new(),
            }
        })
        .collect()
}
