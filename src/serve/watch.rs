//! Watching the site's sources and rebuilding, with debouncing.

use super::{Rebuild, State};
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::PathBuf;
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

/// Waits for changes and rebuilds; never returns while the watcher lives.
pub fn watch(
    state: Arc<State>,
    on_rebuild: impl Fn(Rebuild, u128, &[crate::diagnostics::Diagnostic]),
) {
    let (tx, rx) = mpsc::channel();
    let Ok(mut watcher) =
        notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event {
                if !matches!(event.kind, notify::EventKind::Access(_)) {
                    let _ = tx.send(event.paths);
                }
            }
        })
    else {
        return;
    };
    for name in WATCHED {
        let path = state.root().join(name);
        if path.exists() {
            let _ = watcher.watch(&path, RecursiveMode::Recursive);
        }
    }
    while let Ok(first) = rx.recv() {
        // Editors write a file in several steps: wait for the burst to end.
        let mut paths: BTreeSet<PathBuf> = first.into_iter().collect();
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(60)) {
            paths.extend(more);
        }
        let paths: Vec<PathBuf> = paths.into_iter().collect();
        let started = Instant::now();
        let (outcome, diags) = state.update(&paths);
        on_rebuild(outcome, started.elapsed().as_millis(), &diags);
    }
}
