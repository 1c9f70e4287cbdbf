//! `sachhon check`: the whole build without writing, then a plain summary.

use super::{Out, SiteArgs};
use sachhon::diagnostics::{Code, Diagnostic};
use sachhon::output::MemorySink;
use sachhon::pipeline::generate;

/// Runs the check; returns the exit status. `strict` fails on warnings too.
pub fn run(out: &Out, args: &SiteArgs, external: bool, strict: bool) -> anyhow::Result<u8> {
    let Some(mut settings) = args.settings(out) else {
        return Ok(1);
    };
    settings.check_links = true;
    let report = generate(&settings, &MemorySink::new());
    let mut diags = report.diagnostics.clone();
    if external {
        diags.extend(sachhon::external::check(report.external_links.clone()));
    }
    for (source, lang) in &report.missing_translations {
        diags.push(Diagnostic::warning(Code::W0104, source).arg("lang", lang));
    }
    diags.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    out.diagnostics(&diags);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let pages = report.pages.to_string();
    let summary = if diags.is_empty() {
        out.text("check-ok", &[("pages", pages)])
    } else {
        out.text(
            "check-summary",
            &[
                ("errors", errors.to_string()),
                ("warnings", warnings.to_string()),
                ("pages", pages),
            ],
        )
    };
    super::say(&summary);
    out.withheld(&report.withheld);
    if !diags.is_empty() {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for d in &diags {
            *counts.entry(d.code.as_str()).or_default() += 1;
        }
        let codes: Vec<String> = counts.iter().map(|(c, n)| format!("{c} ×{n}")).collect();
        out.say("check-codes", &[("codes", codes.join(", "))]);
    }
    Ok(u8::from(errors > 0 || (strict && warnings > 0)))
}
