//! The dev server: builds the site into memory, serves it on loopback, rebuilds on change,
//! reloads browsers, and shows build errors over every page until they are fixed.
//!
//! All state lives in one [`State`] shared by the HTTP workers and the watcher; nothing is
//! global.

mod http;
mod watch;

pub use http::{resolve_request, Resolved};

use crate::build::{generate_snapshot, Cache, Settings, Snapshot};
use crate::output::MemorySink;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

/// The files of the last good build.
pub type Files = Arc<HashMap<String, Arc<Vec<u8>>>>;

/// Turns a failed build's diagnostics into the overlay's lines.
pub type Formatter = Box<dyn Fn(&[crate::diagnostics::Diagnostic]) -> Vec<String> + Send + Sync>;

/// What the server shares between its threads.
pub struct State {
    files: RwLock<Files>,
    errors: RwLock<Vec<String>>,
    version: AtomicU64,
    settings: Settings,
    cache: Cache,
    snapshot: Mutex<Option<Snapshot>>,
    overlay_title: String,
    /// Formats a failed build's diagnostics for the overlay.
    format: Formatter,
}

/// What a rebuild did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuild {
    /// The new site is served.
    Ok,
    /// The build failed; the last good site is still served, with the overlay.
    Failed,
}

impl State {
    /// A server state for `settings`; `format` turns diagnostics into overlay lines.
    pub fn new(settings: Settings, overlay_title: String, format: Formatter) -> Arc<State> {
        Arc::new(State {
            files: RwLock::new(Arc::new(HashMap::new())),
            errors: RwLock::new(Vec::new()),
            version: AtomicU64::new(0),
            settings,
            cache: Cache::new(),
            snapshot: Mutex::new(None),
            overlay_title,
            format,
        })
    }

    /// Builds the whole site into memory and, when it succeeds, swaps it in at once: a request
    /// never sees half of a build.
    pub fn rebuild(&self) -> (Rebuild, Vec<crate::diagnostics::Diagnostic>) {
        let sink = MemorySink::new();
        let (report, snapshot) = generate_snapshot(&self.settings, &sink, &self.cache);
        *self.snapshot.lock().unwrap_or_else(|e| e.into_inner()) = snapshot;
        let outcome = if report.has_errors() {
            let lines = (self.format)(&report.diagnostics);
            *self.errors.write().unwrap_or_else(|e| e.into_inner()) = lines;
            Rebuild::Failed
        } else {
            *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(sink.into_files());
            self.errors
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .clear();
            Rebuild::Ok
        };
        self.version.fetch_add(1, Ordering::SeqCst);
        (outcome, report.diagnostics)
    }

    /// Applies a change of `paths`: when it is one page whose body alone changed, only that
    /// page is rendered again (milliseconds on any site); otherwise the whole site is rebuilt.
    pub fn update(&self, paths: &[PathBuf]) -> (Rebuild, Vec<crate::diagnostics::Diagnostic>) {
        if let [path] = paths {
            let mut snapshot = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
            let updated = snapshot.as_mut().and_then(|s| s.update_body(path));
            if let Some(changed) = updated {
                let mut files = (*self.files()).clone();
                for (name, bytes) in changed {
                    files.insert(name, Arc::new(bytes));
                }
                *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(files);
                self.version.fetch_add(1, Ordering::SeqCst);
                return (Rebuild::Ok, Vec::new());
            }
        }
        self.rebuild()
    }

    /// The files being served.
    pub fn files(&self) -> Files {
        self.files.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The errors of the last failed build (empty when it succeeded).
    pub fn errors(&self) -> Vec<String> {
        self.errors
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Changes each time a build finishes; browsers reload when it moves.
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    /// The heading of the error overlay, in the editor's language.
    pub fn overlay_title(&self) -> &str {
        &self.overlay_title
    }

    /// The site root being served.
    pub fn root(&self) -> &std::path::Path {
        &self.settings.root
    }
}

/// Serves `state` on `listener` with a few worker threads, and watches the site for changes.
/// Returns when the server stops.
pub fn run(
    state: Arc<State>,
    server: tiny_http::Server,
    on_rebuild: impl Fn(Rebuild, u128, &[crate::diagnostics::Diagnostic]) + Send + 'static,
) {
    let server = Arc::new(server);
    let watcher_state = state.clone();
    std::thread::spawn(move || watch::watch(watcher_state, on_rebuild));
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let server = server.clone();
            let state = state.clone();
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    http::respond(&state, request);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
}
