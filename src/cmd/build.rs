//! `sachhon build`: generate into a staging folder, swap it in only on success.

use super::{Out, SiteArgs};
use sachhon::diagnostics::{Code, Diagnostic};
use sachhon::output;
use sachhon::pipeline::generate;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Runs the build; returns the exit status.
pub fn run(
    out: &Out,
    args: &SiteArgs,
    output_dir: Option<PathBuf>,
    no_wait: bool,
) -> anyhow::Result<u8> {
    let started = Instant::now();
    let Some(mut settings) = args.settings(out) else {
        return Ok(1);
    };
    settings.keep_caches = true;
    let target = match output_dir {
        Some(dir) => std::path::absolute(dir)?,
        None => settings.root.join("public"),
    };
    // Only an earlier build can be kept when this one fails.
    let had_output = target.is_dir();
    let Some(lock) = lock_output(out, &target, no_wait) else {
        return Ok(1);
    };
    let staging = match output::prepare(&target, &settings.root, lock) {
        Ok(s) => s,
        Err(d) => {
            out.diagnostics(&[d]);
            return Ok(1);
        }
    };
    let report = generate(&settings, staging.sink());
    let shown = output::summarize_write_errors(&report.diagnostics);
    if report.has_errors() {
        out.diagnostics(&shown);
        // A folder that could not be written into must not be reused by the next build.
        if report.diagnostics.iter().any(|d| d.code == Code::E0503) {
            staging.discard();
        }
        let failed = if had_output {
            "build-failed"
        } else {
            "build-failed-first"
        };
        super::say(&out.text(failed, &[]));
        return Ok(1);
    }
    // The new output goes in place while the warnings are written (a large site can have
    // thousands), on a thread of its own.
    let committed = std::thread::scope(|s| {
        let commit = s.spawn(|| output::commit(staging));
        out.diagnostics(&shown);
        commit.join()
    });
    if let Err(d) = committed.unwrap_or_else(|panic| std::panic::resume_unwind(panic)) {
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
    out.withheld(&report.withheld);
    Ok(0)
}

/// Takes the output's lock: at once, or after the build holding it ends (saying so), or not at
/// all with `--no-wait`.
fn lock_output(out: &Out, target: &Path, no_wait: bool) -> Option<output::OutputLock> {
    let shown = target.display().to_string();
    let held = match output::try_lock(target) {
        Ok(lock) => return Some(lock),
        Err(output::LockError::Held(pid)) => pid.map_or_else(|| "?".to_string(), |p| p.to_string()),
        Err(output::LockError::Io(e)) => {
            let d = Diagnostic::error(Code::E0503, &shown).arg("message", e);
            out.diagnostics(&[d]);
            return None;
        }
    };
    if no_wait {
        let d = Diagnostic::error(Code::E0510, &shown).arg("pid", held);
        out.diagnostics(&[d]);
        return None;
    }
    out.say("build-waiting", &[("pid", held), ("output", shown.clone())]);
    match output::lock(target) {
        Ok(lock) => Some(lock),
        Err(e) => {
            out.diagnostics(&[Diagnostic::error(Code::E0503, &shown).arg("message", e)]);
            None
        }
    }
}
