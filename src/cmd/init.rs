//! `sachhon init`.

use super::Out;
use std::path::Path;

/// Creates a new site.
pub fn run(_out: &Out, _dir: &Path) -> anyhow::Result<u8> {
    anyhow::bail!("init is not available yet")
}
