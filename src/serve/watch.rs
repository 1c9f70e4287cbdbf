//! Watching the site's sources and rebuilding, with debouncing.

use super::{Rebuild, State};
use notify::{RecursiveMode, Watcher};
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
                    let _ = tx.send(());
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
    while rx.recv().is_ok() {
        // Editors write a file in several steps: wait for the burst to end.
        while rx.recv_timeout(Duration::from_millis(60)).is_ok() {}
        let started = Instant::now();
        let (outcome, diags) = state.rebuild();
        on_rebuild(outcome, started.elapsed().as_millis(), &diags);
    }
}
