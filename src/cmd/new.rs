//! `sachhon new KIND NAME`: a new page from a commented scaffold, as a draft dated today.

use super::Out;
use sachhon::config::Config;
use sachhon::date::Date;
use sachhon::scaffold;
use std::path::Path;

/// Creates the page; refuses to overwrite.
pub fn run(out: &Out, kind: &str, name: &str, root: Option<&Path>) -> anyhow::Result<u8> {
    // Outside a site, `content/...` would be made wherever the terminal happens to be.
    let Some(root) = super::site_root(out, root) else {
        return Ok(1);
    };
    let root = root.as_path();
    let Some(rel) = scaffold::target(kind, name) else {
        super::say(&out.text("new-bad-name", &[("name", name.to_string())]));
        return Ok(2);
    };
    let shown = rel.to_string_lossy().replace('\\', "/");
    let target = root.join(&rel);
    if target.exists() {
        super::say(&out.text("new-exists", &[("path", shown)]));
        return Ok(1);
    }
    let offset = Config::load(root, None)
        .map(|c| c.timezone_minutes)
        .unwrap_or(sachhon::config::DEFAULT_UTC_OFFSET);
    let text = scaffold::scaffold(
        kind,
        out.catalogue.lang(),
        &scaffold::title_from(name),
        Date::today(offset),
    );
    scaffold::write_new(root, &[(shown.clone(), text.into_bytes())])?;
    super::say(&out.text("new-done", &[("path", shown)]));
    Ok(0)
}
