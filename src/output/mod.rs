//! Writing the site: to a staging folder swapped in only when the build succeeds, or to memory
//! for the dev server.

mod sums;
mod swap;
mod tree;

pub use swap::{commit, lock, prepare, try_lock, LockError, OutputLock, Staging, MARKER};

use crate::diagnostics::{Code, Diagnostic};
use crate::folder::Folder;
use crate::stamp::Stamp;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use sums::{Entry, Sums};
use tree::Existing;

/// Where rendered files go. Paths are site paths (`news/a/index.html`), checked to stay inside.
pub trait Sink: Sync {
    /// Writes one file.
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;

    /// Writes one file as a copy of a source file (a static file, an image).
    fn copy(&self, path: &str, from: CopyFrom) -> io::Result<()> {
        match from {
            CopyFrom::File(source) => self.write(path, &std::fs::read(source)?),
            CopyFrom::Read(read) => self.write(path, &read.bytes),
        }
    }
}

/// What a copy is made from: a source file to read, or one the build has read already.
#[derive(Debug, Clone, Copy)]
pub enum CopyFrom<'a> {
    File(&'a Path),
    Read(&'a SourceFile),
}

/// A source file read whole, with its stamp as it was read: a build that reads an image to
/// measure it copies it from memory instead of reading it again.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub stamp: Option<Stamp>,
}

/// Whether a site path stays inside the output folder: relative, no `..`, no empty parts.
pub fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != ".." && part != ".")
}

fn unsafe_path(path: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("refusing to write outside the output folder: {path}"),
    )
}

/// Writes files under a folder (the staging folder of a build). When the folder is an earlier
/// output being reused, only files whose bytes changed are written, and [`DirSink::finish`]
/// removes what the build did not write and keeps the sums of what it wrote for the next
/// build. When it is empty, the files that the output it replaces already holds are taken
/// from it by hard link.
#[derive(Debug)]
pub struct DirSink {
    root: Folder,
    /// Where the sums of the output's files are kept (beside the output).
    sums_file: PathBuf,
    previous: Option<Previous>,
    /// Every site path written, with its entry for the sums when the system gives one.
    written: Mutex<FxHashMap<String, Option<Entry>>>,
    /// What a build into an empty folder writes through: an empty listing.
    fresh: Existing,
}

/// What an earlier output gives the build, read in the background while content loads: the
/// listing of the folder it reuses, or the sums of the output it replaces.
#[derive(Debug)]
struct Previous {
    scan: Mutex<Option<JoinHandle<io::Result<Existing>>>>,
    /// `None` when the folder could be neither listed nor emptied: writes then fail.
    existing: OnceLock<Option<Existing>>,
}

impl Previous {
    fn existing(&self, root: &Folder) -> io::Result<&Existing> {
        let existing = self.existing.get_or_init(|| {
            let scan = self.scan.lock().unwrap_or_else(|e| e.into_inner()).take();
            match scan.and_then(|h| h.join().ok()) {
                Some(Ok(existing)) => Some(existing),
                // What a folder listed in part holds could never be removed: start empty (the
                // folder itself stays, as files are made relative to it).
                _ => empty(root.path()).ok().map(|()| Existing::default()),
            }
        });
        existing.as_ref().ok_or_else(|| {
            io::Error::other("the previous output kept for reuse can be neither listed nor removed")
        })
    }
}

impl DirSink {
    /// A sink writing under the empty folder `root`; the output's sums are kept in `sums_file`.
    pub fn new(root: &Path, sums_file: &Path) -> Self {
        DirSink {
            root: Folder::open(root),
            sums_file: sums_file.to_path_buf(),
            previous: None,
            written: Mutex::new(FxHashMap::default()),
            fresh: Existing::default(),
        }
    }

    /// A sink writing under `root`, which holds an earlier output: starts listing it at once.
    pub fn reusing(root: &Path, sums_file: &Path) -> Self {
        let (dir, file) = (root.to_path_buf(), sums_file.to_path_buf());
        DirSink::with_previous(root, sums_file, move || {
            Existing::scan(&dir, Sums::load(&file))
        })
    }

    /// A sink writing under the empty folder `root`, which will replace the output `base`:
    /// the files of `base` that hold what the build writes are linked, not written.
    pub fn over(root: &Path, base: &Path, sums_file: &Path) -> Self {
        let (base, file) = (base.to_path_buf(), sums_file.to_path_buf());
        DirSink::with_previous(root, sums_file, move || {
            Ok(Existing::over(&base, Sums::load(&file)))
        })
    }

    fn with_previous(
        root: &Path,
        sums_file: &Path,
        read: impl FnOnce() -> io::Result<Existing> + Send + 'static,
    ) -> Self {
        DirSink {
            previous: Some(Previous {
                scan: Mutex::new(Some(std::thread::spawn(read))),
                existing: OnceLock::new(),
            }),
            ..DirSink::new(root, sums_file)
        }
    }

    /// Ends the build's writing: removes from a reused folder every file this build did not
    /// write, and records the sums of the files written with those of the output this build
    /// replaces (the folder the next build will reuse), both at once. A failure to record the
    /// sums costs the next build time only (it compares by reading), so only the removal's is
    /// returned.
    pub fn finish(&self) -> io::Result<()> {
        let written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        let (pruned, _) = rayon::join(|| self.prune(&written), || self.save_sums(&written));
        pruned
    }

    fn prune(&self, written: &FxHashMap<String, Option<Entry>>) -> io::Result<()> {
        match &self.previous {
            Some(previous) => previous
                .existing(&self.root)?
                .prune(self.root.path(), written),
            None => Ok(()),
        }
    }

    fn save_sums(&self, written: &FxHashMap<String, Option<Entry>>) -> io::Result<()> {
        let loaded;
        let sums = match self.previous.as_ref().map(|r| r.existing(&self.root)) {
            Some(Ok(existing)) => existing.sums(),
            _ => {
                loaded = Sums::load(&self.sums_file);
                &loaded
            }
        };
        sums.save(&self.sums_file, written.values().flatten())
    }
}

/// Removes everything inside the folder `root`.
fn empty(root: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(root)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

impl Sink for DirSink {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.put(path, |existing| existing.write(&self.root, path, bytes))
    }

    fn copy(&self, path: &str, from: CopyFrom) -> io::Result<()> {
        self.put(path, |existing| existing.copy(&self.root, path, from))
    }
}

impl DirSink {
    /// Writes the file at `path` through `write` (given what the folder held), and records it.
    fn put(
        &self,
        path: &str,
        write: impl FnOnce(&Existing) -> io::Result<Option<Entry>>,
    ) -> io::Result<()> {
        if !is_safe_path(path) {
            return Err(unsafe_path(path));
        }
        let existing = match &self.previous {
            Some(previous) => previous.existing(&self.root),
            None => Ok(&self.fresh),
        };
        let result = existing.and_then(write);
        let entry = result.as_ref().ok().copied().flatten();
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), entry);
        result.map(|_| ())
    }
}

/// Write errors as the editor reads them: the first few, then one error counting the rest (a
/// full disk fails every file, and thousands of lines would hide the cause).
pub fn summarize_write_errors(diags: &[Diagnostic]) -> Vec<Diagnostic> {
    const SHOWN: usize = 3;
    let failed = diags.iter().filter(|d| d.code == Code::E0503).count();
    let mut kept = 0;
    let mut out: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| {
            let shown = d.code != Code::E0503 || kept < SHOWN;
            kept += usize::from(d.code == Code::E0503);
            shown
        })
        .cloned()
        .collect();
    if failed > SHOWN {
        out.push(Diagnostic::error(Code::E0511, "").arg("count", failed - SHOWN));
    }
    out
}

/// Keeps the whole site in memory, as the dev server serves it.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<HashMap<String, Arc<Vec<u8>>>>,
}

impl MemorySink {
    /// An empty in-memory site.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the files written so far.
    pub fn into_files(self) -> HashMap<String, Arc<Vec<u8>>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        if !is_safe_path(path) {
            return Err(unsafe_path(path));
        }
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), Arc::new(bytes.to_vec()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_must_stay_inside() {
        assert!(is_safe_path("news/a/index.html"));
        assert!(!is_safe_path("../x"));
        assert!(!is_safe_path("/etc/passwd"));
        assert!(!is_safe_path("a//b"));
        assert!(!is_safe_path("a/./b"));
    }

    #[test]
    fn write_errors_are_summarised() {
        let mut diags: Vec<Diagnostic> = (0..1000)
            .map(|i| Diagnostic::error(Code::E0503, format!("p{i}.html")).arg("message", "full"))
            .collect();
        diags.push(Diagnostic::error(Code::E0110, "content/a.md"));
        let shown = summarize_write_errors(&diags);
        assert_eq!(shown.len(), 5);
        assert_eq!(shown[4].code, Code::E0511);
        assert_eq!(shown[4].args, vec![("count", "997".to_string())]);
        assert!(shown.iter().any(|d| d.code == Code::E0110));
    }

    #[test]
    fn memory_sink_refuses_traversal() {
        let sink = MemorySink::new();
        assert!(sink.write("a/../../b", b"x").is_err());
        sink.write("a/index.html", b"x").unwrap();
        assert_eq!(sink.into_files().len(), 1);
    }
}
