//! The atomic output swap: build beside the target, then exchange it with the target.
//!
//! A failed or killed build leaves the previous output exactly as it was. sachhon only ever
//! replaces a folder that carries its marker file, so `--output .` or `--output content`
//! cannot destroy a user's files. One build at a time writes an output: the lock file beside
//! it is held from preparing to the last cleanup, and the operating system releases it when
//! the process ends, however it ends.
//!
//! On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: the target names a whole site at
//! every instant. Where the file system refuses it, two renames are used, and a build killed
//! between them leaves the target missing until the next build puts the old one back.
//!
//! Folders beside the target, named `.<target>.sachhon-<tag>-<pid>`:
//! - `staging`: the folder a build writes into;
//! - `old`: the previous output, moved aside by the two-rename swap. If the target is missing
//!   (a build killed between the two renames) it is put back at once;
//! - `spare`: the previous output once the swap is done, or the staging folder of a failed
//!   build: the next build reuses it as its staging folder, rewriting only what changed.
//!
//! and `.<target>.sachhon-lock`, the lock file, and `.<target>.sachhon-sums`, the content sums
//! of the files in the output and the spare (see `sums.rs`).

use super::{DirSink, Sink};
use crate::diagnostics::{Code, Diagnostic};
use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The file that marks an output folder as made by sachhon.
pub const MARKER: &str = ".sachhon-output";

/// A staging folder being filled by a build.
#[derive(Debug)]
pub struct Staging {
    /// The staging folder.
    pub dir: PathBuf,
    /// The output folder it will replace.
    pub target: PathBuf,
    /// Writes into the staging folder.
    sink: DirSink,
    /// Held until the staging folder is swapped in or set aside (dropped last).
    _lock: OutputLock,
}

impl Staging {
    /// Where the build writes its files.
    pub fn sink(&self) -> &DirSink {
        &self.sink
    }

    /// Deletes the staging folder instead of keeping it for the next build: after a failure to
    /// write, a folder the next build cannot write into either must not be reused.
    pub fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // After a successful commit the folder is gone; after a failure it is kept aside for
        // the next build to reuse (or to remove, if it never held a whole output).
        if self.dir.exists() && std::fs::rename(&self.dir, sibling(&self.target, "spare")).is_err()
        {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The file beside `target` that keeps the sums of its files and the spare's.
fn sums_file(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".to_string());
    target.with_file_name(format!(".{name}.sachhon-sums"))
}

fn sibling(target: &Path, tag: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".to_string());
    target.with_file_name(format!(".{name}.sachhon-{tag}-{}", std::process::id()))
}

/// The lock on one output folder, released when dropped or when the process ends.
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

/// Why the lock on an output could not be taken at once.
#[derive(Debug)]
pub enum LockError {
    /// Another build holds it; its process id, when it wrote one.
    Held(Option<u32>),
    /// The lock file could not be made or opened.
    Io(io::Error),
}

fn lock_file(target: &Path) -> io::Result<File> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".to_string());
    let path = target.with_file_name(format!(".{name}.sachhon-lock"));
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

/// Records this process as the holder, for a build that waits to say whom it waits for.
fn held(mut file: File) -> OutputLock {
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| write!(file, "{}", std::process::id()));
    OutputLock { _file: file }
}

/// Takes the lock on `target` if no other build holds it.
pub fn try_lock(target: &Path) -> Result<OutputLock, LockError> {
    let mut file = lock_file(target).map_err(LockError::Io)?;
    match file.try_lock() {
        Ok(()) => Ok(held(file)),
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Err(LockError::Held(text.trim().parse().ok()))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(LockError::Io(e)),
    }
}

/// Waits for the lock on `target`.
pub fn lock(target: &Path) -> io::Result<OutputLock> {
    let file = lock_file(target)?;
    file.lock()?;
    Ok(held(file))
}

/// Checks that `target` may be replaced and creates an empty staging folder beside it. `lock`
/// is the lock on `target`: whatever earlier builds left beside it is theirs no more.
pub fn prepare(target: &Path, site_root: &Path, lock: OutputLock) -> Result<Staging, Diagnostic> {
    let shown = target.display().to_string();
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| Diagnostic::error(Code::E0503, &shown).arg("message", e))?;
    let parent_abs = parent
        .canonicalize()
        .map_err(|e| Diagnostic::error(Code::E0503, &shown).arg("message", e))?;
    let name = target
        .file_name()
        .ok_or_else(|| Diagnostic::error(Code::E0502, "").arg("path", &shown))?;
    let target_abs = parent_abs.join(name);
    let root_abs = site_root
        .canonicalize()
        .unwrap_or_else(|_| site_root.to_path_buf());
    // The output must not hold the site, nor sit inside its sources.
    let inside_sources = crate::config::SOURCE_FOLDERS
        .iter()
        .any(|d| target_abs.starts_with(root_abs.join(d)));
    if root_abs.starts_with(&target_abs) || inside_sources {
        return Err(Diagnostic::error(Code::E0502, "").arg("path", &shown));
    }
    let (reusable, mut leftovers) = recover(target, &parent_abs);
    if target_abs.is_dir() {
        let empty = std::fs::read_dir(&target_abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !target_abs.join(MARKER).is_file() {
            return Err(Diagnostic::error(Code::E0501, "").arg("path", &shown));
        }
    } else if target_abs.exists() {
        return Err(Diagnostic::error(Code::E0501, "").arg("path", &shown));
    }
    let dir = sibling(&target_abs, "staging");
    let reused = reusable.and_then(|from| {
        let moved = from == dir || std::fs::rename(&from, &dir).is_ok();
        if moved && std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            Some(DirSink::reusing(&dir, &sums_file(&target_abs)))
        } else {
            leftovers.push(if moved { dir.clone() } else { from });
            None
        }
    });
    let sink = match reused {
        Some(sink) => sink,
        None => {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir)
                .map_err(|e| Diagnostic::error(Code::E0503, &shown).arg("message", e))?;
            if is_whole_output(&target_abs) {
                DirSink::over(&dir, &target_abs, &sums_file(&target_abs))
            } else {
                DirSink::new(&dir, &sums_file(&target_abs))
            }
        }
    };
    // Removed before writing: after a full disk, what a dead build left must not keep the
    // space this build needs.
    for path in leftovers {
        let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
    }
    Ok(Staging {
        dir,
        target: target_abs,
        sink,
        _lock: lock,
    })
}

/// Finds what earlier builds left beside the target (all of it stale: the caller holds the
/// lock). An old output that was moved aside but
/// never replaced (a build killed between its two renames) is put back at once. Of the others,
/// one folder that once held a whole output (it carries the marker) is returned for reuse,
/// preferring the previous output; the rest are returned for removal.
fn recover(target: &Path, parent: &Path) -> (Option<PathBuf>, Vec<PathBuf>) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().to_string()) else {
        return (None, Vec::new());
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return (None, Vec::new());
    };
    let prefix = format!(".{name}.sachhon-");
    let mut found: Vec<(String, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let file = e.file_name().to_string_lossy().to_string();
            file.strip_prefix(&prefix)
                .map(|rest| (rest.to_string(), e.path()))
        })
        .collect();
    // Sorted, `old-` (a whole output) comes before `spare-` and `staging-`.
    found.sort();
    let mut reusable = None;
    let mut leftovers = Vec::new();
    for (rest, path) in found {
        if rest.starts_with("old-") && !parent.join(&name).exists() {
            let _ = std::fs::rename(&path, parent.join(&name));
        } else if rest != "lock" && rest != "sums" {
            if reusable.is_none() && is_whole_output(&path) {
                reusable = Some(path);
            } else {
                leftovers.push(path);
            }
        }
    }
    (reusable, leftovers)
}

/// Whether `path` is a real folder (not a link to one) that holds a whole output (it carries
/// the marker): only such a folder is reused, or linked from.
fn is_whole_output(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) && path.join(MARKER).is_file()
}

/// Marks the staging folder, removes what the build did not write from a reused one, and swaps
/// it in place of the target (in one step where the file system can). The previous output is
/// kept aside for the next build to reuse.
pub fn commit(staging: Staging) -> Result<(), Diagnostic> {
    commit_with(staging, true).map(|_| ())
}

/// How the staging folder took the target's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Swap {
    /// There was no output yet: one rename.
    First,
    /// One `renameat2(RENAME_EXCHANGE)`.
    Exchanged,
    /// Two renames (the file system refused the exchange, or `exchange` was off).
    TwoRenames,
}

fn commit_with(staging: Staging, exchange: bool) -> Result<Swap, Diagnostic> {
    let shown = staging.target.display().to_string();
    let io = |e: std::io::Error| Diagnostic::error(Code::E0503, &shown).arg("message", e);
    staging
        .sink
        .write(MARKER, b"made by sachhon\n")
        .map_err(io)?;
    staging.sink.finish().map_err(io)?;
    // Kept for the next build to write into, under a name that is never put back in place of
    // the output: deleting `public/` must not bring back an older build.
    let spare = sibling(&staging.target, "spare");
    if std::fs::symlink_metadata(&staging.target).is_err() {
        std::fs::rename(&staging.dir, &staging.target).map_err(io)?;
        return Ok(Swap::First);
    }
    if exchange && exchange_folders(&staging.dir, &staging.target).is_ok() {
        // The staging name now holds the previous output.
        let _ = std::fs::rename(&staging.dir, &spare);
        if staging.dir.exists() {
            let _ = std::fs::remove_dir_all(&staging.dir);
        }
        return Ok(Swap::Exchanged);
    }
    let old = sibling(&staging.target, "old");
    std::fs::rename(&staging.target, &old).map_err(io)?;
    if let Err(e) = std::fs::rename(&staging.dir, &staging.target) {
        let _ = std::fs::rename(&old, &staging.target);
        return Err(io(e));
    }
    let _ = std::fs::rename(&old, &spare);
    Ok(Swap::TwoRenames)
}

/// Exchanges two folders in one step, where the system and file system can.
#[cfg(target_os = "linux")]
fn exchange_folders(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange_folders(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(target: &Path, site: &Path) -> Result<Staging, Diagnostic> {
        prepare(target, site, lock(target).unwrap())
    }

    /// A temporary folder holding an empty site and the path of its output (not made yet).
    fn site_and_output() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        let out = dir.path().join("public");
        (dir, site, out)
    }

    #[test]
    fn refuses_a_foreign_non_empty_folder_and_the_site_root() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("mine");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "keep").unwrap();
        assert_eq!(prep(dir.path(), dir.path()).unwrap_err().code, Code::E0502);
        let site = dir.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        assert_eq!(prep(&out, &site).unwrap_err().code, Code::E0501);
        assert_eq!(
            prep(&site.join("content/x"), &site).unwrap_err().code,
            Code::E0502
        );
    }

    #[test]
    fn swaps_and_replaces_its_own_output() {
        let (_dir, site, out) = site_and_output();
        let s = prep(&out, &site).unwrap();
        s.sink().write("a.html", b"1").unwrap();
        commit(s).unwrap();
        let s = prep(&out, &site).unwrap();
        s.sink().write("b.html", b"2").unwrap();
        commit(s).unwrap();
        assert!(!out.join("a.html").exists());
        assert!(out.join("b.html").exists() && out.join(MARKER).exists());
    }

    #[test]
    fn dropped_staging_leaves_the_output_alone() {
        let (_dir, site, out) = site_and_output();
        let s = prep(&out, &site).unwrap();
        s.sink().write("a.html", b"1").unwrap();
        commit(s).unwrap();
        let s = prep(&out, &site).unwrap();
        let staging = s.dir.clone();
        drop(s);
        assert!(!staging.exists());
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "1");
    }

    #[cfg(unix)]
    #[test]
    fn the_next_build_reuses_the_previous_output() {
        use std::os::unix::fs::MetadataExt;
        let (dir, site, out) = site_and_output();
        for _ in 0..2 {
            let s = prep(&out, &site).unwrap();
            s.sink().write("a/index.html", b"same").unwrap();
            commit(s).unwrap();
        }
        let inode = std::fs::metadata(out.join("a/index.html")).unwrap().ino();
        // Two builds later the folder that held the first output is written into again: the
        // unchanged file keeps its inode, a changed one gets its new bytes.
        for text in [&b"same"[..], b"same"] {
            let s = prep(&out, &site).unwrap();
            s.sink().write("a/index.html", text).unwrap();
            s.sink().write("b.html", b"new").unwrap();
            commit(s).unwrap();
        }
        assert_eq!(
            std::fs::metadata(out.join("a/index.html")).unwrap().ino(),
            inode
        );
        let s = prep(&out, &site).unwrap();
        s.sink().write("a/index.html", b"changed").unwrap();
        commit(s).unwrap();
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"changed");
        assert!(!out.join("b.html").exists());
        assert!(out.join(MARKER).is_file());
        let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(
            beside.len(),
            5,
            "site, public, the lock file, the sums and one folder kept for reuse"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_named_like_a_kept_output_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&site).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join(MARKER), "made by sachhon").unwrap();
        std::fs::write(elsewhere.join("precious.txt"), "keep").unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(".public.sachhon-spare-999999"))
            .unwrap();
        let out = dir.path().join("public");
        let s = prep(&out, &site).unwrap();
        s.sink().write("a.html", b"1").unwrap();
        commit(s).unwrap();
        assert_eq!(
            std::fs::read_to_string(elsewhere.join("precious.txt")).unwrap(),
            "keep"
        );
        assert!(!elsewhere.join("a.html").exists());
        assert!(std::fs::symlink_metadata(&out).unwrap().is_dir());
    }

    #[test]
    fn a_discarded_staging_folder_is_not_kept_for_reuse() {
        let (dir, site, out) = site_and_output();
        let s = prep(&out, &site).unwrap();
        s.sink().write("a.html", b"1").unwrap();
        s.discard();
        let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(beside.len(), 2, "only the site and the lock file are left");
    }

    #[test]
    fn a_deleted_output_is_not_brought_back() {
        let (_dir, site, out) = site_and_output();
        for text in [b"1", b"2"] {
            let s = prep(&out, &site).unwrap();
            s.sink().write("a.html", text).unwrap();
            commit(s).unwrap();
        }
        std::fs::remove_dir_all(&out).unwrap();
        let s = prep(&out, &site).unwrap();
        assert!(!out.exists(), "an older build came back");
        drop(s);
        assert!(!out.exists());
    }

    #[test]
    fn a_failed_build_never_takes_the_place_of_a_missing_output() {
        let (_dir, site, out) = site_and_output();
        let s = prep(&out, &site).unwrap();
        s.sink().write("half.html", b"1").unwrap();
        drop(s);
        let s = prep(&out, &site).unwrap();
        assert!(!out.exists());
        s.sink().write("whole.html", b"2").unwrap();
        commit(s).unwrap();
        assert!(!out.join("half.html").exists());
        assert!(out.join("whole.html").is_file());
    }

    /// Builds `out` twice with the given swap and returns how the second swap went.
    fn second_swap(exchange: bool) -> (tempfile::TempDir, PathBuf, Swap) {
        let (dir, site, out) = site_and_output();
        let s = prep(&out, &site).unwrap();
        s.sink().write("a.html", b"1").unwrap();
        assert_eq!(commit_with(s, exchange).unwrap(), Swap::First);
        let s = prep(&out, &site).unwrap();
        s.sink().write("a.html", b"2").unwrap();
        let how = commit_with(s, exchange).unwrap();
        assert_eq!(std::fs::read(out.join("a.html")).unwrap(), b"2");
        let beside: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(
            beside.len(),
            5,
            "site, public, lock, sums and one spare: {beside:?}"
        );
        assert!(beside
            .iter()
            .any(|n| n.starts_with(".public.sachhon-spare-")));
        (dir, out, how)
    }

    #[test]
    fn the_swap_exchanges_in_one_step_where_it_can() {
        let (_dir, _out, how) = second_swap(true);
        // RENAME_EXCHANGE is refused by some file systems; then the fallback is taken.
        assert!(matches!(how, Swap::Exchanged | Swap::TwoRenames));
        #[cfg(target_os = "linux")]
        if how == Swap::TwoRenames {
            eprintln!("note: this file system refused RENAME_EXCHANGE; fallback tested");
        }
    }

    #[test]
    fn the_two_rename_fallback_swaps_too() {
        let (_dir, out, how) = second_swap(false);
        assert_eq!(how, Swap::TwoRenames);
        assert!(out.join(MARKER).is_file());
    }

    #[test]
    fn a_second_build_waits_for_the_lock() {
        let (_dir, site, out) = site_and_output();
        let s = prep(&out, &site).unwrap();
        match try_lock(&out) {
            Err(LockError::Held(pid)) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("lock not held: {other:?}"),
        }
        commit(s).unwrap();
        assert!(try_lock(&out).is_ok(), "released after the swap");
    }

    #[test]
    fn stale_folders_of_any_process_are_removed_under_the_lock() {
        let (dir, site, out) = site_and_output();
        for name in [".public.sachhon-staging-1", ".public.sachhon-spare-2"] {
            std::fs::create_dir_all(dir.path().join(name).join("big")).unwrap();
        }
        let s = prep(&out, &site).unwrap();
        assert!(!dir.path().join(".public.sachhon-staging-1").exists());
        assert!(!dir.path().join(".public.sachhon-spare-2").exists());
        commit(s).unwrap();
    }
}
