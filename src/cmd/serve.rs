//! `sachhon serve`: the live preview.

use super::{Out, SiteArgs};
use sachhon::serve::{self, Access, Rebuild, State};

/// Runs the dev server; returns the exit status (2 when the port is taken).
pub fn run(
    out: &Out,
    args: &SiteArgs,
    bind: &str,
    port: u16,
    allow_remote_edit: bool,
) -> anyhow::Result<u8> {
    let Some(mut settings) = args.settings(out) else {
        return Ok(1);
    };
    settings.live_reload = true;
    let Some(ip) = parse_bind(bind) else {
        out.say("serve-bad-bind", &[("bind", bind.to_string())]);
        return Ok(2);
    };
    let access = access(out, bind, ip.is_loopback(), allow_remote_edit);
    let Some(listener) = listen(out, ip, bind, port) else {
        return Ok(2);
    };
    let address = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| format!("{bind}:{port}"));
    let url = format!("http://{address}/");
    settings.base_url = Some(url.clone());
    let lang = out.catalogue.lang();
    let verbose = out.catalogue.is_verbose();
    let format = Box::new(move |diags: &[sachhon::diagnostics::Diagnostic]| {
        let catalogue = sachhon::messages::Catalogue::new(lang).verbose(verbose);
        diags
            .iter()
            .map(|d| catalogue.diagnostic(d, false))
            .collect()
    });
    // Watch before the first build, so that an edit made while it runs is not missed.
    let changes = serve::watch_sources(&settings.root);
    let overlay = serve::OverlayText {
        title: out.text("overlay-title", &[]),
        warnings: out.text("overlay-warnings", &[]),
        guide: out.catalogue.guide_prefix(),
    };
    let state = State::new(settings, overlay, format, access);
    let (_, diags) = state.rebuild();
    out.diagnostics(&diags);
    super::say(&out.text("serve-listening", &[("url", url.clone())]));
    if access != Access::Off {
        super::say(&out.text("serve-admin", &[("url", url)]));
    }
    serve::run(state, listener, changes, move |outcome, ms, diags| {
        let out = super::Out::new(lang, verbose);
        out.diagnostics(diags);
        say_rebuilt(&out, outcome, ms);
    });
    Ok(0)
}

/// Who may use the web editor; says so when the server is reachable from other machines.
fn access(out: &Out, bind: &str, is_loopback: bool, allow_remote_edit: bool) -> Access {
    if is_loopback {
        return Access::Local;
    }
    out.say("serve-exposed", &[("bind", bind.to_string())]);
    if allow_remote_edit {
        Access::Remote
    } else {
        out.say("serve-remote-edit", &[("bind", bind.to_string())]);
        Access::Off
    }
}

/// The server's socket; `None` (said why) when the address cannot be listened on.
fn listen(out: &Out, ip: std::net::IpAddr, bind: &str, port: u16) -> Option<std::net::TcpListener> {
    match std::net::TcpListener::bind((ip, port)) {
        Ok(l) => Some(l),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            out.say("serve-port-busy", &[("port", port.to_string())]);
            None
        }
        Err(e) => {
            let shown = format!("{bind}:{port}");
            out.say(
                "serve-cannot-listen",
                &[("address", shown), ("message", e.to_string())],
            );
            None
        }
    }
}

/// What a rebuild did, in one line.
fn say_rebuilt(out: &Out, outcome: Rebuild, ms: u128) {
    match outcome {
        Rebuild::Ok => super::say(&out.text("serve-rebuilt", &[("ms", ms.to_string())])),
        Rebuild::Failed => super::say(&out.text("serve-failed", &[])),
        Rebuild::Unchanged => super::say(&out.text("serve-unchanged", &[])),
        Rebuild::CaughtUp => super::say(&out.text("serve-caught-up", &[("ms", ms.to_string())])),
    }
}

/// `--bind`: an IPv4 or IPv6 address, or `localhost`.
fn parse_bind(text: &str) -> Option<std::net::IpAddr> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("localhost") {
        return Some(std::net::Ipv4Addr::LOCALHOST.into());
    }
    text.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::parse_bind;

    #[test]
    fn bind_addresses() {
        assert!(parse_bind("127.0.0.1").is_some_and(|ip| ip.is_loopback()));
        assert!(parse_bind("localhost").is_some_and(|ip| ip.is_loopback()));
        assert!(parse_bind("[::1]").is_some_and(|ip| ip.is_loopback()));
        assert!(parse_bind("0.0.0.0").is_some_and(|ip| !ip.is_loopback()));
        assert_eq!(parse_bind("notanip"), None);
        assert_eq!(parse_bind("127.0.0.1:80"), None);
    }
}
