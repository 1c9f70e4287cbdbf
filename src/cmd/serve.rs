//! `sachhon serve`: the live preview.

use super::{Out, SiteArgs};
use sachhon::serve::{self, Rebuild, State};

/// Runs the dev server; returns the exit status (2 when the port is taken).
pub fn run(out: &Out, args: &SiteArgs, bind: &str, port: u16) -> anyhow::Result<u8> {
    let mut settings = args.settings()?;
    settings.live_reload = true;
    let server = match tiny_http::Server::http((bind, port)) {
        Ok(s) => s,
        Err(_) => {
            eprintln!(
                "{}",
                out.text("serve-port-busy", &[("port", port.to_string())])
            );
            return Ok(2);
        }
    };
    let address = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_else(|| format!("{bind}:{port}"));
    let url = format!("http://{address}/");
    settings.base_url = Some(url.clone());
    let lang = out.catalogue.lang();
    let format = Box::new(move |diags: &[sachhon::diagnostics::Diagnostic]| {
        let catalogue = sachhon::messages::Catalogue::new(lang);
        diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| catalogue.diagnostic(d, false))
            .collect()
    });
    // Watch before the first build, so that an edit made while it runs is not missed.
    let changes = serve::watch_sources(&settings.root);
    let state = State::new(settings, out.text("overlay-title", &[]), format);
    let (_, diags) = state.rebuild();
    out.diagnostics(&diags);
    eprintln!("{}", out.text("serve-listening", &[("url", url)]));
    serve::run(state, server, changes, move |outcome, ms, diags| {
        let out = super::Out::new(lang);
        out.diagnostics(diags);
        match outcome {
            Rebuild::Ok => eprintln!("{}", out.text("serve-rebuilt", &[("ms", ms.to_string())])),
            Rebuild::Failed => eprintln!("{}", out.text("serve-failed", &[])),
            Rebuild::Unchanged => eprintln!("{}", out.text("serve-unchanged", &[])),
            Rebuild::CaughtUp => {
                eprintln!("{}", out.text("serve-caught-up", &[("ms", ms.to_string())]))
            }
        }
    });
    Ok(0)
}
