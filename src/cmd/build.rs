//! `sachhon build`: generate into a staging folder, swap it in only on success.

use super::{Out, SiteArgs};
use sachhon::build::generate;
use sachhon::output;
use std::path::PathBuf;
use std::time::Instant;

/// Runs the build; returns the exit status.
pub fn run(out: &Out, args: &SiteArgs, output_dir: Option<PathBuf>) -> anyhow::Result<u8> {
    let started = Instant::now();
    let mut settings = args.settings()?;
    settings.keep_caches = true;
    let target = match output_dir {
        Some(dir) => std::path::absolute(dir)?,
        None => settings.root.join("public"),
    };
    let staging = match output::prepare(&target, &settings.root) {
        Ok(s) => s,
        Err(d) => {
            out.diagnostics(&[d]);
            return Ok(1);
        }
    };
    let report = generate(&settings, staging.sink());
    out.diagnostics(&report.diagnostics);
    if report.has_errors() {
        // A folder that could not be written into must not be reused by the next build.
        if report.diagnostics.iter().any(|d| d.code == "E0503") {
            staging.discard();
        }
        super::say(&out.text("build-failed", &[]));
        return Ok(1);
    }
    if let Err(d) = output::commit(staging) {
        out.diagnostics(&[d]);
        return Ok(1);
    }
    super::say(&out.text(
        "build-done",
        &[
            ("pages", report.pages.to_string()),
            ("output", target.display().to_string()),
            ("ms", started.elapsed().as_millis().to_string()),
        ],
    ));
    Ok(0)
}
