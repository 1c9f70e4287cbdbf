//! `sachhon init DIR`: a new site with the default theme and one example of each kind.

use super::Out;
use sachhon::date::Date;
use sachhon::scaffold;
use sachhon::theme::embedded_files;
use std::path::Path;

/// Creates the site; refuses a folder that already holds files.
pub fn run(out: &Out, dir: &Path) -> anyhow::Result<u8> {
    let shown = dir.display().to_string();
    let occupied = std::fs::read_dir(dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if occupied || dir.is_file() {
        super::say(&out.text("init-exists", &[("dir", shown)]));
        return Ok(1);
    }
    let today = Date::today(sachhon::config::DEFAULT_UTC_OFFSET);
    let mut files: Vec<(String, Vec<u8>)> = scaffold::starter_site(out.catalogue.lang(), today)
        .into_iter()
        .map(|(p, t)| (p, t.into_bytes()))
        .collect();
    for (path, bytes) in embedded_files() {
        files.push((format!("themes/default/{path}"), bytes.to_vec()));
    }
    files.push(("static/.gitkeep".to_string(), Vec::new()));
    scaffold::write_new(dir, &files)?;
    super::say(&out.text("init-done", &[("dir", shown)]));
    Ok(0)
}
