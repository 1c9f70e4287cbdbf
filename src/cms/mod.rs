//! The web editor: a Decap CMS configuration generated from sachhon's schema (kinds, typed
//! fields, technique keys, languages) and the admin page that loads it.
//!
//! The schema is read from the loaded pages: every section becomes a collection of the kind
//! its pages have, and the sectors and provinces already written become the options of their
//! selects. `build` publishes the admin page when `cms:` is set in site.yaml; `serve` answers
//! the same page with its own local backend.

mod admin;
mod collections;
mod fields;

pub use admin::{
    admin_html, config_yml, write_admin, Backend, DECAP_CDN, DECAP_SRI, DECAP_VERSION,
};
pub use collections::{collections, Collection, Layout};

use crate::config::Config;
use crate::content::{self, LoadOptions, Page};
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// The configuration and every page of the site at `root` (drafts included): what the editor's
/// schema is generated from. Content problems come back as the second value; a broken
/// site.yaml is an error.
pub fn load_schema(root: &Path) -> Result<(Config, Vec<Page>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let config = Config::load(root, None)?;
    let (loaded, diags) = content::load(
        &config,
        LoadOptions {
            drafts: true,
            now: i64::MAX,
        },
    );
    Ok((config, loaded.pages, diags))
}
