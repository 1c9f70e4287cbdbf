//! sachhon: a static knowledge-base site generator for cleaner-production campaigns.
//!
//! Data flows one way: [`config`] -> [`content`] -> [`site`] -> [`render`] -> [`output`].
//! [`build`] runs the whole pipeline; the commands in `cmd` (binary side) orchestrate it.

pub mod build;
pub mod cms;
pub mod config;
pub mod content;
pub mod date;
pub mod diagnostics;
pub mod external;
pub mod images;
pub mod locale;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod term_names;
pub mod text;
pub mod theme;
pub mod verify;
pub mod yaml;
