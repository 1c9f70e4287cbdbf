//! sachhon: a static knowledge-base site generator for cleaner-production campaigns.
//!
//! Data flows one way: [`config`] -> [`content`] -> [`site`] -> [`render`] -> [`output`].
//! [`pipeline`] runs the whole build; the commands in `cmd` (binary side) orchestrate it.

pub mod cms;
pub mod config;
pub mod content;
pub mod date;
pub mod diagnostics;
pub mod external;
pub(crate) mod folder;
pub mod images;
pub(crate) mod locale;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod pipeline;
pub(crate) mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub(crate) mod stamp;
pub(crate) mod term_names;
pub mod text;
pub mod theme;
pub mod verify;
pub(crate) mod yaml;

/// Data flows one way: no module imports a later stage.
#[cfg(test)]
mod layers {
    /// Each module (a file or folder under `src/`) and the modules it must not import.
    const RULES: [(&str, &[&str]); 4] = [
        (
            "config",
            &[
                "content", "site", "markdown", "render", "output", "serve", "build", "search",
            ],
        ),
        (
            "content",
            &[
                "site", "markdown", "render", "output", "serve", "build", "search",
            ],
        ),
        ("site", &["render", "output", "serve", "build", "search"]),
        (
            "markdown",
            &["render", "output", "serve", "build", "search"],
        ),
    ];

    #[test]
    fn no_module_imports_a_later_stage() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        for (module, forbidden) in RULES {
            let file = src.join(format!("{module}.rs"));
            let files = walkdir::WalkDir::new(src.join(module))
                .into_iter()
                .flatten()
                .map(|e| e.into_path())
                .chain(file.exists().then_some(file))
                .filter(|p| p.extension().is_some_and(|e| e == "rs"));
            for path in files {
                let text = std::fs::read_to_string(&path).unwrap();
                for later in forbidden {
                    if text.contains(&format!("crate::{later}::"))
                        || text.contains(&format!("crate::{later};"))
                        || text.contains(&format!("crate::{{{later}"))
                    {
                        found.push(format!("{} imports {later}", path.display()));
                    }
                }
            }
        }
        assert!(found.is_empty(), "{found:#?}");
    }
}
