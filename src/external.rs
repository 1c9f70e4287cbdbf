//! `check --external`: links to other sites, each fetched once, a few at a time.

use crate::diagnostics::{Code, Diagnostic};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

/// A link to another site found in a page: `(source file, line, URL)`.
pub type External = (String, usize, String);

/// Fetches every distinct URL and reports each that fails, at every place it is written.
pub fn check(links: Vec<External>) -> Vec<Diagnostic> {
    let mut places: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for (source, line, url) in links {
        places.entry(url).or_default().push((source, line));
    }
    let urls: Vec<String> = places.keys().cloned().collect();
    let queue = Mutex::new(urls.into_iter());
    let failures = Mutex::new(Vec::new());
    // Network waits, not CPU: more workers than cores, but few enough to be polite to servers.
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| loop {
                let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                let Some(url) = next else { break };
                if let Err(reason) = fetch(&url) {
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((url, reason));
                }
            });
        }
    });
    let mut diags = Vec::new();
    for (url, reason) in failures.into_inner().unwrap_or_else(|e| e.into_inner()) {
        for (source, line) in &places[&url] {
            diags.push(
                Diagnostic::error(Code::E0305, source)
                    .at(*line, 1)
                    .arg("target", &url)
                    .arg("message", &reason),
            );
        }
    }
    diags
}

/// Why a link to another site is reported as broken; shown to the editor as the reason.
#[derive(Debug)]
enum Failure {
    /// The server answered with an error status (400 and above).
    #[cfg_attr(not(feature = "external-links"), allow(dead_code))]
    Status(u16),
    /// No answer: the name, the connection, TLS or the time limit failed.
    #[cfg(feature = "external-links")]
    Request(ureq::Error),
    /// This binary cannot fetch anything.
    #[cfg(not(feature = "external-links"))]
    NotBuilt,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Status(status) => write!(f, "HTTP {status}"),
            #[cfg(feature = "external-links")]
            Failure::Request(e) => e.fmt(f),
            #[cfg(not(feature = "external-links"))]
            Failure::NotBuilt => {
                f.write_str("this sachhon was built without the external-links feature")
            }
        }
    }
}

#[cfg(feature = "external-links")]
fn fetch(url: &str) -> Result<(), Failure> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(15)))
        .http_status_as_error(false)
        .user_agent("sachhon link checker")
        .build()
        .into();
    let status = match agent.head(url).call() {
        // Some servers refuse HEAD: ask again with GET before calling the link broken.
        Ok(r) if r.status().as_u16() != 405 && r.status().as_u16() != 501 => r.status().as_u16(),
        _ => agent
            .get(url)
            .call()
            .map_err(Failure::Request)?
            .status()
            .as_u16(),
    };
    if status < 400 {
        Ok(())
    } else {
        Err(Failure::Status(status))
    }
}

#[cfg(not(feature = "external-links"))]
fn fetch(_url: &str) -> Result<(), Failure> {
    let _ = Duration::from_secs(0);
    Err(Failure::NotBuilt)
}
