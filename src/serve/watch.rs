//! Watching the site's sources and rebuilding, with debouncing.

use super::{Rebuild, State};
use crate::config::{CONFIG_FILE, SOURCE_FOLDERS};
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long edits must pause before a whole build follows single-page updates.
const CATCH_UP_AFTER: Duration = Duration::from_millis(1500);

/// The site's sources being watched: changes queue up from the moment it starts, so none is
/// missed while the first build runs.
pub struct Changes {
    watcher: notify::RecommendedWatcher,
    root: PathBuf,
    /// The source folders watched so far (one made later is added when it appears).
    folders: BTreeSet<PathBuf>,
    rx: mpsc::Receiver<Vec<PathBuf>>,
}

/// Starts watching the sources of the site at `root`; `None` when the system cannot watch.
///
/// The root itself is watched too (not recursively), so `site.yaml` is seen however an editor
/// saves it (many write a new file and rename it over the old one, which a watch on the file
/// itself would lose) and a source folder made after the start is picked up.
pub fn start(root: &Path) -> Option<Changes> {
    let (tx, rx) = mpsc::channel();
    let sources = root.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        // The root also holds the output and its staging folder: only sources count.
        let paths: Vec<PathBuf> = event
            .paths
            .into_iter()
            .filter(|p| is_source(&sources, p))
            .collect();
        if !paths.is_empty() {
            let _ = tx.send(paths);
        }
    })
    .ok()?;
    watcher.watch(root, RecursiveMode::NonRecursive).ok()?;
    let mut changes = Changes {
        watcher,
        root: root.to_path_buf(),
        folders: BTreeSet::new(),
        rx,
    };
    changes.watch_new_folders();
    Some(changes)
}

impl Changes {
    /// Watches each source folder that exists and is not watched yet.
    fn watch_new_folders(&mut self) {
        for name in SOURCE_FOLDERS {
            let path = self.root.join(name);
            if path.is_dir()
                && !self.folders.contains(&path)
                && self.watcher.watch(&path, RecursiveMode::Recursive).is_ok()
            {
                self.folders.insert(path);
            }
        }
    }
}

/// Whether `path` is `site.yaml` or inside one of the source folders of the site at `root`.
fn is_source(root: &Path, path: &Path) -> bool {
    let first = path
        .strip_prefix(root)
        .ok()
        .and_then(|rest| rest.components().next())
        .and_then(|c| c.as_os_str().to_str());
    first.is_some_and(|name| name == CONFIG_FILE || SOURCE_FOLDERS.contains(&name))
}

/// Waits for changes and rebuilds; never returns while the watcher lives.
pub fn watch(
    state: Arc<State>,
    mut changes: Changes,
    on_rebuild: impl Fn(Rebuild, u128, &[crate::diagnostics::Diagnostic]),
) {
    loop {
        let rx = &changes.rx;
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
        changes.watch_new_folders();
        let started = Instant::now();
        let (outcome, diags) = state.update(&paths);
        on_rebuild(outcome, started.elapsed().as_millis(), &diags);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_count() {
        let root = Path::new("/site");
        for source in [
            "/site/site.yaml",
            "/site/content/a.md",
            "/site/i18n/vi.yaml",
        ] {
            assert!(is_source(root, Path::new(source)), "{source}");
        }
        for other in [
            "/site/public/index.html",
            "/site/.public.staging",
            "/site/site.yaml.swp",
            "/elsewhere/site.yaml",
        ] {
            assert!(!is_source(root, Path::new(other)), "{other}");
        }
    }
}
