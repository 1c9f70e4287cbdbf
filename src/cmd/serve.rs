//! `sachhon serve`.

use super::{Out, SiteArgs};

/// Runs the dev server.
pub fn run(_out: &Out, _args: &SiteArgs, _bind: &str, _port: u16) -> anyhow::Result<u8> {
    anyhow::bail!("serve is not available yet")
}
