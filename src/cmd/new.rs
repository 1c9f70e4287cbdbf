//! `sachhon new`.

use super::Out;
use std::path::Path;

/// Creates a new page.
pub fn run(_out: &Out, _kind: &str, _name: &str, _root: &Path) -> anyhow::Result<u8> {
    anyhow::bail!("new is not available yet")
}
