//! Watching the site's sources and rebuilding, with debouncing.

use super::{Rebuild, State};
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Folders and files whose changes trigger a rebuild.
const WATCHED: [&str; 6] = [
    "content",
    "templates",
    "static",
    "themes",
    "i18n",
    "site.yaml",
];

/// How long edits must pause before a whole build follows single-page updates.
const CATCH_UP_AFTER: Duration = Duration::from_millis(1500);

/// The site's sources being watched: changes queue up from the moment it starts, so none is
/// missed while the first build runs.
pub struct Changes {
    _watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<Vec<PathBuf>>,
}

/// Starts watching the sources of the site at `root`; `None` when the system cannot watch.
pub fn start(root: &Path) -> Option<Changes> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !matches!(event.kind, notify::EventKind::Access(_)) {
                let _ = tx.send(event.paths);
            }
        }
    })
    .ok()?;
    for name in WATCHED {
        let path = root.join(name);
        if path.exists() {
            let _ = watcher.watch(&path, RecursiveMode::Recursive);
        }
    }
    Some(Changes {
        _watcher: watcher,
        rx,
    })
}

/// Waits for changes and rebuilds; never returns while the watcher lives.
pub fn watch(
    state: Arc<State>,
    changes: Changes,
    on_rebuild: impl Fn(Rebuild, u128, &[crate::diagnostics::Diagnostic]),
) {
    let rx = &changes.rx;
    loop {
        // After a single-page update, a whole build catches up once edits pause.
        let first = if state.is_behind() {
            match rx.recv_timeout(CATCH_UP_AFTER) {
                Ok(first) => first,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let started = Instant::now();
                    let (outcome, diags) = state.catch_up();
                    on_rebuild(outcome, started.elapsed().as_millis(), &diags);
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        } else {
            match rx.recv() {
                Ok(first) => first,
                Err(_) => return,
            }
        };
        // Editors write a file in several steps: wait for the burst to end.
        let mut paths: BTreeSet<PathBuf> = first.into_iter().collect();
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(25)) {
            paths.extend(more);
        }
        let paths: Vec<PathBuf> = paths.into_iter().collect();
        let started = Instant::now();
        let (outcome, diags) = state.update(&paths);
        on_rebuild(outcome, started.elapsed().as_millis(), &diags);
    }
}
