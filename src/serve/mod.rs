//! The dev server: builds the site into memory, serves it on loopback, rebuilds on change,
//! reloads browsers, and shows build errors over every page until they are fixed.
//!
//! All state lives in one [`State`] shared by the HTTP workers and the watcher; nothing is
//! global.

mod editor;
mod http;
mod overlay;
mod repo;
pub mod server;
mod watch;

pub use editor::{Access, Editor};
pub use http::{resolve_request, Resolved};
pub use overlay::{OverlayText, Problems};
pub use watch::{start as watch_sources, Changes};

use crate::output::MemorySink;
use crate::pipeline::{generate_snapshot, Cache, Settings, Snapshot, Update};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

/// The files of the last good build.
pub type Files = Arc<HashMap<String, Arc<Vec<u8>>>>;

/// Turns diagnostics into message lines, one per diagnostic, for the overlay.
pub type Formatter = Box<dyn Fn(&[crate::diagnostics::Diagnostic]) -> Vec<String> + Send + Sync>;

/// What the server shares between its threads.
pub struct State {
    files: RwLock<Files>,
    problems: RwLock<Problems>,
    version: AtomicU64,
    settings: Settings,
    cache: Cache,
    snapshot: Mutex<Option<Snapshot>>,
    /// Set after a single-page update: what only a whole build computes may lag behind.
    behind: AtomicBool,
    overlay: OverlayText,
    /// Formats diagnostics for the overlay (and the editor's refusals).
    format: Formatter,
    /// The web editor's local backend.
    editor: Editor,
}

/// What a rebuild did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuild {
    /// The new site is served.
    Ok,
    /// The build failed; the last good site is still served, with the overlay.
    Failed,
    /// Nothing the site shows changed (a file saved as it was).
    Unchanged,
    /// The whole build after single-page updates finished.
    CaughtUp,
}

impl State {
    /// A server state for `settings`; `overlay` holds the overlay's words, `format` turns
    /// diagnostics into its lines; `access` says who may save through the web editor.
    pub fn new(
        settings: Settings,
        overlay: OverlayText,
        format: Formatter,
        access: Access,
    ) -> Arc<State> {
        let editor = Editor::new(&settings.root, access);
        Arc::new(State {
            editor,
            files: RwLock::new(Arc::new(HashMap::new())),
            problems: RwLock::new(Problems::default()),
            version: AtomicU64::new(0),
            settings,
            cache: Cache::new(),
            snapshot: Mutex::new(None),
            behind: AtomicBool::new(false),
            overlay,
            format,
        })
    }

    /// Builds the whole site into memory and, when it succeeds, swaps it in at once: a request
    /// never sees half of a build.
    pub fn rebuild(&self) -> (Rebuild, Vec<crate::diagnostics::Diagnostic>) {
        self.build(true)
    }

    /// Builds the whole site; browsers reload when it fails, or, when `always_reload` is not
    /// set, only if a page changed.
    fn build(&self, always_reload: bool) -> (Rebuild, Vec<crate::diagnostics::Diagnostic>) {
        self.behind.store(false, Ordering::SeqCst);
        let sink = MemorySink::new();
        let (report, snapshot) = generate_snapshot(&self.settings, &sink, &self.cache);
        *self.snapshot.lock().unwrap_or_else(|e| e.into_inner()) = snapshot;
        let (errors, warnings): (Vec<_>, Vec<_>) = report
            .diagnostics
            .iter()
            .cloned()
            .partition(|d| d.is_error());
        let problems = Problems {
            errors: (self.format)(&errors),
            warnings: (self.format)(&warnings),
        };
        let failed = report.has_errors();
        *self.problems.write().unwrap_or_else(|e| e.into_inner()) = problems;
        let (outcome, reload) = if failed {
            (Rebuild::Failed, true)
        } else {
            let files = sink.into_files();
            let reload = always_reload || pages_differ(&self.files(), &files);
            *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(files);
            (Rebuild::Ok, reload)
        };
        if reload {
            self.version.fetch_add(1, Ordering::SeqCst);
        }
        (outcome, report.diagnostics)
    }

    /// Applies a change of `paths`: when it is one page whose place in the site did not move,
    /// that page and the pages showing it are rendered again (milliseconds on any site);
    /// otherwise the whole site is rebuilt.
    pub fn update(&self, paths: &[PathBuf]) -> (Rebuild, Vec<crate::diagnostics::Diagnostic>) {
        if let [path] = paths {
            let mut snapshot = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
            match snapshot
                .as_mut()
                .and_then(|s| s.update_page(path, &self.cache))
            {
                Some(Update::Unchanged) => return (Rebuild::Unchanged, Vec::new()),
                Some(Update::Files(changed)) => {
                    let mut files = (*self.files()).clone();
                    for (name, bytes) in changed {
                        files.insert(name, Arc::new(bytes));
                    }
                    *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(files);
                    self.behind.store(true, Ordering::SeqCst);
                    self.version.fetch_add(1, Ordering::SeqCst);
                    return (Rebuild::Ok, Vec::new());
                }
                None => {}
            }
        }
        self.rebuild()
    }

    /// Whether a single-page update left work for a whole build (the search index, related
    /// rankings).
    pub fn is_behind(&self) -> bool {
        self.behind.load(Ordering::SeqCst)
    }

    /// The whole build that follows single-page updates once edits pause. Browsers reload only
    /// if it changed a page they may show.
    pub fn catch_up(&self) -> (Rebuild, Vec<crate::diagnostics::Diagnostic>) {
        match self.build(false) {
            (Rebuild::Ok, diags) => (Rebuild::CaughtUp, diags),
            other => other,
        }
    }

    /// The files being served.
    pub fn files(&self) -> Files {
        self.files.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The errors (none when it succeeded) and warnings of the last whole build.
    pub fn problems(&self) -> Problems {
        self.problems
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Changes each time a build finishes; browsers reload when it moves.
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    /// The overlay's words, in the editor's language.
    pub fn overlay_text(&self) -> &OverlayText {
        &self.overlay
    }

    /// The web editor's local backend.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// Formats diagnostics in the editor's language.
    pub fn format(&self, diags: &[crate::diagnostics::Diagnostic]) -> Vec<String> {
        let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).cloned().collect();
        (self.format)(&errors)
    }

    /// The site root being served.
    pub fn root(&self) -> &std::path::Path {
        &self.settings.root
    }
}

/// Whether two builds differ in a file a browser shows as a page (HTML, styles, scripts other
/// than the search index).
fn pages_differ(old: &HashMap<String, Arc<Vec<u8>>>, new: &HashMap<String, Arc<Vec<u8>>>) -> bool {
    let shown = |name: &str| !name.starts_with("search/") || !name.ends_with(".js");
    old.keys().filter(|n| shown(n)).count() != new.keys().filter(|n| shown(n)).count()
        || new
            .iter()
            .filter(|(n, _)| shown(n))
            .any(|(n, bytes)| old.get(n).is_none_or(|o| o != bytes))
}

/// Serves `state` on `listener` with a fixed pool of workers, and rebuilds on `changes`.
/// Returns when the listener fails.
pub fn run(
    state: Arc<State>,
    listener: std::net::TcpListener,
    changes: Option<Changes>,
    on_rebuild: impl Fn(Rebuild, u128, &[crate::diagnostics::Diagnostic]) + Send + 'static,
) {
    let watcher_state = state.clone();
    if let Some(changes) = changes {
        std::thread::spawn(move || watch::watch(watcher_state, changes, on_rebuild));
    }
    server::run(listener, move |request| http::respond(&state, request));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> HashMap<String, Arc<Vec<u8>>> {
        list.iter()
            .map(|(n, b)| (n.to_string(), Arc::new(b.as_bytes().to_vec())))
            .collect()
    }

    #[test]
    fn only_a_changed_page_reloads_browsers() {
        let old = files(&[("index.html", "a"), ("search/vi/meta.js", "1")]);
        assert!(!pages_differ(&old, &old.clone()));
        let index_only = files(&[("index.html", "a"), ("search/vi/meta.js", "2")]);
        assert!(!pages_differ(&old, &index_only), "a new search index alone");
        let page = files(&[("index.html", "b"), ("search/vi/meta.js", "1")]);
        assert!(pages_differ(&old, &page));
        let added = files(&[
            ("index.html", "a"),
            ("new.html", "c"),
            ("search/vi/meta.js", "1"),
        ]);
        assert!(pages_differ(&old, &added));
    }
}
