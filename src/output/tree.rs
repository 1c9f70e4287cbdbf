//! Writing into a folder that already holds an earlier output of the same site.
//!
//! Creating tens of thousands of files and folders costs more file-system work than rendering
//! them (inode allocation dominates a fresh 10,000-page output), and deleting the old output
//! costs as much again. So a build reuses the previous output set aside by the swap: it
//! rewrites a file only when its bytes changed, creates only the folders that are new, and at
//! the end removes what the site no longer has. Whether a file changed is told from the sums
//! of the build that wrote it ([`Sums`]) while the file is untouched, else by reading it.

use super::sums::{sum, Entry, Sums};
use super::CopyFrom;
use crate::folder::{read_all, Folder};
use crate::stamp::Stamp;
use rustc_hash::{FxHashMap, FxHashSet};
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// What a reused folder held before the build: its files (with their stamps when there are
/// sums to check them against) and its folders, as site paths (`news/a/index.html`).
#[derive(Debug, Default)]
pub struct Existing {
    files: FxHashMap<String, Option<Stamp>>,
    dirs: FxHashSet<String>,
    sums: Sums,
    /// The folders this build made.
    made: Folders,
    /// For an empty folder, the output it will replace.
    base: Option<Base>,
}

/// The output that an empty staging folder will replace. A file of it that holds the bytes the
/// build would write (its sums tell, while it is as a recorded build left it) is taken by a
/// hard link: one file under two names, never written again. Making a file costs the file
/// system an inode and a page per 4 KiB; a link costs a name. Files are never written in
/// place (a changed one is replaced by a new file), so a later build cannot change the
/// output's bytes through the other name.
#[derive(Debug)]
struct Base {
    folder: Folder,
    /// Cleared when the file system refuses a link (no hard links, as on FAT; the output on
    /// another file system): every file is then written.
    links: AtomicBool,
}

impl Existing {
    /// An empty folder that will replace the output `base`, whose files' sums are `sums`.
    pub fn over(base: &Path, sums: Sums) -> Existing {
        Existing {
            sums,
            base: Some(Base {
                folder: Folder::open(base),
                links: AtomicBool::new(true),
            }),
            ..Existing::default()
        }
    }

    /// Lists the folder `root`. Anything that is neither a plain file nor a folder, or whose
    /// name is not UTF-8, is removed at once: sachhon never writes such entries, and a
    /// symbolic link planted here must not send a later write outside the output. A folder
    /// that cannot be listed whole is an error: what it holds could never be removed.
    ///
    /// Entries are read with their folder's listing (`std::fs::read_dir`), which tells their
    /// kind without a system call and stamps each file relative to the open folder: the
    /// kernel does not walk the whole path again for each of tens of thousands of files.
    pub fn scan(root: &Path, sums: Sums) -> io::Result<Existing> {
        let stamped = !sums.is_empty();
        let mut existing = Existing {
            sums,
            ..Existing::default()
        };
        // A root that is a symbolic link is not listed: nothing is followed out of it.
        if std::fs::symlink_metadata(root)?.file_type().is_symlink() {
            return Ok(existing);
        }
        let mut folders = vec![String::new()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(root.join(&folder))? {
                let entry = entry?;
                let kind = entry.file_type()?;
                let name = entry.file_name();
                let site_path = name.to_str().map(|name| match folder.as_str() {
                    "" => name.to_string(),
                    _ => format!("{folder}/{name}"),
                });
                match site_path {
                    Some(p) if kind.is_dir() => {
                        existing.dirs.insert(p.clone());
                        folders.push(p);
                    }
                    Some(p) if kind.is_file() => {
                        let stamp = stamped
                            .then(|| entry.metadata().ok().and_then(|m| Stamp::of(&m)))
                            .flatten();
                        existing.files.insert(p, stamp);
                    }
                    _ if kind.is_dir() => std::fs::remove_dir_all(entry.path())?,
                    _ => std::fs::remove_file(entry.path())?,
                }
            }
        }
        Ok(existing)
    }

    /// Writes `bytes` to the site path `path` under `root` unless the file already holds them;
    /// returns the file's entry for the next build's sums.
    pub fn write(&self, root: &Folder, path: &str, bytes: &[u8]) -> io::Result<Option<Entry>> {
        let sum = sum(bytes);
        let existed = self.files.get(path);
        if let Some(&stamp) = existed {
            if let Some(stamp) = self.holds_bytes(root, path, stamp, sum, bytes) {
                return Ok(stamp.map(|stamp| Entry::new(stamp, sum)));
            }
        } else if let Some(entry) = self.link(root, path, |base, stamp| {
            let same = self.holds_bytes(base, path, Some(*stamp), sum, bytes);
            same.map(|_| Entry::new(*stamp, sum))
        }) {
            return Ok(entry);
        }
        let existed = existed.is_some();
        let parent_exists = path
            .rsplit_once('/')
            .is_none_or(|(parent, _)| self.dirs.contains(parent));
        if existed {
            // A changed file gets a new inode: a hard link to the old one (the output this
            // folder was linked with, a snapshot made with `cp -al` or `rsync --link-dest`)
            // keeps its bytes. A file that cannot be removed is not written through.
            if let Err(e) = root.remove_file(path) {
                // A folder where the file goes: the write below clears the way.
                let folder = std::fs::symlink_metadata(root.join(path)).is_ok_and(|m| m.is_dir());
                if e.kind() != io::ErrorKind::NotFound && !folder {
                    return Err(e);
                }
            }
        }
        let stamp = self
            .made
            .put(path, parent_exists, |make| {
                write_file(root, path, bytes, make)
            })
            .or_else(|_| {
                // A file where a folder is now needed, or the other way round.
                clear_way(root.path(), path);
                write_file(root, path, bytes, true)
            })?;
        Ok(stamp.map(|stamp| Entry::new(stamp, sum)))
    }

    /// Copies a source file (read now, or already) to the site path `path` under `root`, unless
    /// the file there is the copy a recorded build made of it and neither changed since: then
    /// the source is not even read (a site's static images are thousands of files). Returns the
    /// file's entry.
    pub fn copy(&self, root: &Folder, path: &str, from: CopyFrom) -> io::Result<Option<Entry>> {
        // Asked by path: one system call, where reading takes four.
        let source_stamp = || match from {
            CopyFrom::Read(read) => read.stamp,
            CopyFrom::File(source) => std::fs::metadata(source).ok().and_then(|m| Stamp::of(&m)),
        };
        match self.files.get(path) {
            Some(Some(stamp)) => {
                if let Some(entry) = source_stamp().and_then(|s| self.sums.copy_of(stamp, &s)) {
                    return Ok(Some(entry));
                }
            }
            // Not in this folder: in the output it replaces, perhaps.
            None if self.base.is_some() => {
                let source = source_stamp();
                let known =
                    |_: &Folder, s: &Stamp| source.and_then(|source| self.sums.copy_of(s, &source));
                if let Some(entry) = self.link(root, path, known) {
                    return Ok(entry);
                }
            }
            _ => {}
        }
        let read_now;
        let (bytes, source_stamp) = match from {
            CopyFrom::Read(read) => (read.bytes.as_slice(), read.stamp),
            CopyFrom::File(source) => {
                let (bytes, meta) = read_all(File::open(source)?)?;
                read_now = bytes;
                (read_now.as_slice(), Stamp::of(&meta))
            }
        };
        let entry = self.write(root, path, bytes)?;
        Ok(entry.map(|e| Entry {
            source: source_stamp,
            ..e
        }))
    }

    /// Whether the file at `path` in `folder`, whose stamp is `stamp`, holds `bytes` (whose sum
    /// is `sum`): told by the sums while the file is as a recorded build left it, else by
    /// reading it (written in a build's last moments, restored from a copy of the output,
    /// edited by hand), which costs less than writing it. `Some` with its stamp when it does.
    fn holds_bytes(
        &self,
        folder: &Folder,
        path: &str,
        stamp: Option<Stamp>,
        sum: u64,
        bytes: &[u8],
    ) -> Option<Option<Stamp>> {
        match stamp.and_then(|s| self.sums.holds(&s, sum)) {
            Some(true) => Some(stamp),
            Some(false) => None,
            None => holds(folder, path, bytes),
        }
    }

    /// Takes the file at `path` from the base by a hard link when `known` (given the base
    /// folder and the file's stamp there) gives the entry that shows it holds what this build
    /// writes there; returns the new name's entry.
    fn link(
        &self,
        root: &Folder,
        path: &str,
        known: impl FnOnce(&Folder, &Stamp) -> Option<Entry>,
    ) -> Option<Option<Entry>> {
        let base = self.base.as_ref()?;
        if !base.links.load(Ordering::Relaxed) {
            return None;
        }
        let entry = known(&base.folder, &base.folder.stamp(path)?)?;
        match self.made.put(path, false, |make| {
            if make {
                make_parent(root, path)?;
            }
            root.link_from(&base.folder, path)
        }) {
            // Linking changed the file's status-change time: its stamp is taken again.
            Ok(()) => Some(root.stamp(path).map(|stamp| Entry { stamp, ..entry })),
            Err(_) => {
                base.links.store(false, Ordering::Relaxed);
                None
            }
        }
    }

    /// The sums this folder was checked against.
    pub fn sums(&self) -> &Sums {
        &self.sums
    }

    /// Removes every file and folder that the build did not write (`written` holds site paths).
    pub fn prune<V>(&self, root: &Path, written: &FxHashMap<String, V>) -> io::Result<()> {
        let mut needed: FxHashSet<&str> = FxHashSet::default();
        for path in written.keys() {
            let mut rest = path.as_str();
            while let Some((parent, _)) = rest.rsplit_once('/') {
                if !needed.insert(parent) {
                    break;
                }
                rest = parent;
            }
        }
        let mut gone: Vec<&String> = self
            .dirs
            .iter()
            .filter(|d| !needed.contains(d.as_str()))
            .collect();
        gone.sort();
        let mut removed: Option<&str> = None;
        for dir in gone {
            if removed.is_some_and(|r| dir.strip_prefix(r).is_some_and(|t| t.starts_with('/'))) {
                continue;
            }
            gone_already(std::fs::remove_dir_all(root.join(dir)))?;
            removed = Some(dir);
        }
        for file in self.files.keys().filter(|f| !written.contains_key(*f)) {
            gone_already(std::fs::remove_file(root.join(file)))?;
        }
        Ok(())
    }
}

/// A removal that found nothing to remove (or found a folder where a file was, now the parent
/// of new pages) did its job.
fn gone_already(result: io::Result<()>) -> io::Result<()> {
    use io::ErrorKind::{DirectoryNotEmpty, IsADirectory, NotADirectory, NotFound};
    match result {
        Err(e)
            if !matches!(
                e.kind(),
                NotFound | NotADirectory | IsADirectory | DirectoryNotEmpty
            ) =>
        {
            Err(e)
        }
        _ => Ok(()),
    }
}

/// Whether the file at `path` under `root` holds exactly `bytes`: `Some` with its stamp (when
/// the system gives one) if it does.
fn holds(root: &Folder, path: &str, bytes: &[u8]) -> Option<Option<Stamp>> {
    let file = root.read(path).ok()?;
    let meta = file.metadata().ok()?;
    if meta.len() != bytes.len() as u64 {
        return None;
    }
    let mut current = Vec::with_capacity(bytes.len() + 1);
    // One byte more than expected tells a file that grew meanwhile.
    file.take(bytes.len() as u64 + 1)
        .read_to_end(&mut current)
        .ok()?;
    (current == bytes).then(|| Stamp::of(&meta))
}

/// The folders a build made, so that each is made once however many files it holds (making a
/// folder that exists costs two system calls).
#[derive(Debug, Default)]
struct Folders(Mutex<FxHashSet<String>>);

impl Folders {
    /// Makes the file at the site path `path` with `make_file`, which is told
    /// whether to make its folder first: unless the folder is `known` to exist or this build
    /// made it.
    fn put<T>(
        &self,
        path: &str,
        known: bool,
        make_file: impl FnOnce(bool) -> io::Result<T>,
    ) -> io::Result<T> {
        let make = !known
            && path
                .rsplit_once('/')
                .is_some_and(|(parent, _)| !self.made().contains(parent));
        let made_file = make_file(make)?;
        if make {
            let mut made = self.made();
            let mut rest = path;
            // The folders above it exist too; once one is known, so are those above it.
            while let Some((parent, _)) = rest.rsplit_once('/') {
                if !made.insert(parent.to_string()) {
                    break;
                }
                rest = parent;
            }
        }
        Ok(made_file)
    }

    fn made(&self) -> std::sync::MutexGuard<'_, FxHashSet<String>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Writes `bytes` to the site path `path` under `root`, creating its folders first when asked;
/// returns the new file's stamp.
fn write_file(
    root: &Folder,
    path: &str,
    bytes: &[u8],
    create_parent: bool,
) -> io::Result<Option<Stamp>> {
    if create_parent {
        make_parent(root, path)?;
    }
    let mut file = root.create(path)?;
    file.write_all(bytes)?;
    Ok(file.metadata().ok().and_then(|m| Stamp::of(&m)))
}

/// Makes the folders of the site path `path` under `root`.
fn make_parent(root: &Folder, path: &str) -> io::Result<()> {
    match path.rsplit_once('/') {
        Some((parent, _)) => root.make_folders(parent),
        None => Ok(()),
    }
}

/// Removes a file standing where a folder of `path` must be, and a folder standing where the
/// file itself must be.
fn clear_way(root: &Path, path: &str) {
    let mut at = root.to_path_buf();
    let mut parts = path.split('/').peekable();
    while let Some(part) = parts.next() {
        at.push(part);
        let Ok(meta) = std::fs::symlink_metadata(&at) else {
            return;
        };
        let last = parts.peek().is_none();
        if last && meta.is_dir() {
            let _ = std::fs::remove_dir_all(&at);
        } else if !last && !meta.is_dir() {
            let _ = std::fs::remove_file(&at);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::SourceFile;

    /// Writes `bytes` at `path` under `dir` as a build does, through `existing`.
    fn put(existing: &Existing, dir: &Path, path: &str, bytes: &[u8]) -> Option<Entry> {
        existing.write(&Folder::open(dir), path, bytes).unwrap()
    }

    fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let target = dir.path().join(path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, text).unwrap();
        }
        dir
    }

    #[test]
    fn unchanged_files_are_not_rewritten() {
        let dir = tree(&[("a/index.html", "same")]);
        let existing = Existing::scan(dir.path(), Sums::default()).unwrap();
        let target = dir.path().join("a/index.html");
        let before = std::fs::metadata(&target).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        put(&existing, dir.path(), "a/index.html", b"same");
        assert_eq!(
            std::fs::metadata(&target).unwrap().modified().unwrap(),
            before
        );
        put(&existing, dir.path(), "a/index.html", b"sane");
        assert_eq!(std::fs::read(&target).unwrap(), b"sane");
    }

    /// Records the sums of `entries`, the files of the folder `dir`, in a file beside it, once
    /// they are settled (sums saved in the same clock tick as the files are not trusted).
    #[cfg(unix)]
    fn recorded(dir: &Path, entries: &[Entry]) -> std::path::PathBuf {
        std::thread::sleep(std::time::Duration::from_millis(150));
        let sums = dir.with_extension("sums");
        Sums::default().save(&sums, entries.iter()).unwrap();
        sums
    }

    /// Makes a fresh folder as a build would with `make` (which returns the entries of what it
    /// wrote), records their sums, lets `edit` change the folder, and lists it again against
    /// the sums, as the next build does.
    #[cfg(unix)]
    fn rebuilt(
        make: impl Fn(&Existing, &Path) -> Vec<Entry>,
        edit: impl Fn(&Path),
    ) -> (tempfile::TempDir, Existing) {
        let dir = tree(&[]);
        let first = Existing::scan(dir.path(), Sums::default()).unwrap();
        let sums = recorded(dir.path(), &make(&first, dir.path()));
        edit(dir.path());
        let existing = Existing::scan(dir.path(), Sums::load(&sums)).unwrap();
        std::fs::remove_file(sums).unwrap();
        (dir, existing)
    }

    /// [`rebuilt`] with `files` written.
    #[cfg(unix)]
    fn built(files: &[(&str, &str)], edit: impl Fn(&Path)) -> (tempfile::TempDir, Existing) {
        let make = |first: &Existing, dir: &Path| {
            files
                .iter()
                .map(|(path, text)| put(first, dir, path, text.as_bytes()).unwrap())
                .collect()
        };
        rebuilt(make, edit)
    }

    /// [`rebuilt`] with `sources` (site path, source file) copied.
    #[cfg(unix)]
    fn copied(sources: &[(&str, &Path)], edit: impl Fn(&Path)) -> (tempfile::TempDir, Existing) {
        let make = |first: &Existing, dir: &Path| {
            let root = Folder::open(dir);
            let entries: Vec<Entry> = sources
                .iter()
                .map(|(path, source)| {
                    first
                        .copy(&root, path, CopyFrom::File(source))
                        .unwrap()
                        .unwrap()
                })
                .collect();
            assert!(entries.iter().all(|e| e.source.is_some()));
            entries
        };
        rebuilt(make, edit)
    }

    /// A folder made as a build makes it, with `files` written and `sources` copied and their
    /// sums recorded; an empty folder that will replace it, and what that build starts from.
    #[cfg(unix)]
    fn replacing(
        files: &[(&str, &str)],
        sources: &[(&str, &Path)],
    ) -> (tempfile::TempDir, tempfile::TempDir, Existing) {
        let base = tree(&[]);
        let first = Existing::scan(base.path(), Sums::default()).unwrap();
        let root = Folder::open(base.path());
        let mut entries: Vec<Entry> = files
            .iter()
            .map(|(path, text)| put(&first, base.path(), path, text.as_bytes()).unwrap())
            .collect();
        entries.extend(sources.iter().map(|(path, source)| {
            first
                .copy(&root, path, CopyFrom::File(source))
                .unwrap()
                .unwrap()
        }));
        let sums = recorded(base.path(), &entries);
        let existing = Existing::over(base.path(), Sums::load(&sums));
        std::fs::remove_file(sums).unwrap();
        (base, tree(&[]), existing)
    }

    #[test]
    fn a_source_read_already_is_copied_from_memory() {
        let src = tree(&[("a.png", "on disk")]);
        let a = src.path().join("a.png");
        let out = tempfile::tempdir().unwrap();
        let existing = Existing::default();
        let stamp = std::fs::metadata(&a).ok().and_then(|m| Stamp::of(&m));
        // The bytes given are the bytes written: the source is not read again.
        let read = SourceFile {
            path: a.clone(),
            bytes: b"as read".to_vec(),
            stamp,
        };
        let root = Folder::open(out.path());
        let entry = existing
            .copy(&root, "img/a.png", CopyFrom::Read(&read))
            .unwrap();
        assert_eq!(
            std::fs::read(out.path().join("img/a.png")).unwrap(),
            b"as read"
        );
        assert_eq!(entry.unwrap().source, stamp);
    }

    #[cfg(unix)]
    #[test]
    fn an_empty_folder_links_the_unchanged_files_of_the_output_it_replaces() {
        use std::os::unix::fs::MetadataExt;
        let src = tree(&[("a.png", "aaaa"), ("b.png", "bbbb")]);
        let [a, b] = ["a.png", "b.png"].map(|n| src.path().join(n));
        let (base, staging, existing) = replacing(
            &[("same/index.html", "same"), ("changed/index.html", "old")],
            &[("img/a.png", &a), ("img/b.png", &b)],
        );
        std::fs::write(&b, "BBBB").unwrap();
        let (old, new) = (base.path(), staging.path());
        let meta = |dir: &Path, path: &str| std::fs::metadata(dir.join(path)).unwrap();
        let read = |dir: &Path, path: &str| std::fs::read(dir.join(path)).unwrap();
        let entry = put(&existing, new, "same/index.html", b"same").unwrap();
        assert_eq!(
            meta(new, "same/index.html").ino(),
            meta(old, "same/index.html").ino()
        );
        // The entry is the file as the link left it.
        assert_eq!(Some(entry.stamp), Stamp::of(&meta(new, "same/index.html")));
        put(&existing, new, "changed/index.html", b"new");
        assert_ne!(
            meta(new, "changed/index.html").ino(),
            meta(old, "changed/index.html").ino()
        );
        assert_eq!(read(old, "changed/index.html"), b"old");
        assert_eq!(read(new, "changed/index.html"), b"new");
        let root = Folder::open(new);
        let copy = existing
            .copy(&root, "img/a.png", CopyFrom::File(&a))
            .unwrap()
            .unwrap();
        assert!(copy.source.is_some());
        assert_eq!(meta(new, "img/a.png").ino(), meta(old, "img/a.png").ino());
        // A source written again is copied again.
        existing
            .copy(&root, "img/b.png", CopyFrom::File(&b))
            .unwrap();
        assert_eq!(read(new, "img/b.png"), b"BBBB");
        assert_eq!(read(old, "img/b.png"), b"bbbb");
        // A file the sums do not know is read: linked when it holds the bytes, else written.
        std::fs::write(old.join("unknown.html"), "same bytes").unwrap();
        std::fs::write(old.join("other.html"), "old bytes").unwrap();
        put(&existing, new, "unknown.html", b"same bytes");
        put(&existing, new, "other.html", b"new bytes");
        assert_eq!(
            meta(new, "unknown.html").ino(),
            meta(old, "unknown.html").ino()
        );
        assert_ne!(meta(new, "other.html").ino(), meta(old, "other.html").ino());
        assert_eq!(read(old, "other.html"), b"old bytes");
        // The next build, reusing the old output, leaves the new one's bytes alone.
        let next = Existing::scan(old, Sums::default()).unwrap();
        put(&next, old, "same/index.html", b"next");
        assert_eq!(read(new, "same/index.html"), b"same");
    }

    #[cfg(unix)]
    #[test]
    fn an_unchanged_copy_stays_and_changed_sources_and_copies_are_copied_again() {
        let src = tree(&[("a.png", "aaaa"), ("b.png", "bbbb"), ("c.png", "cccc")]);
        let [a, b, c] = ["a.png", "b.png", "c.png"].map(|n| src.path().join(n));
        let edit = |dir: &Path| {
            // A source written again (same size), and a copy edited by hand.
            std::fs::write(&b, "BBBB").unwrap();
            std::fs::write(dir.join("img/c.png"), "CCCC").unwrap();
        };
        let (dir, existing) = copied(
            &[("img/a.png", &a), ("img/b.png", &b), ("img/c.png", &c)],
            edit,
        );
        let root = Folder::open(dir.path());
        let copy_a = dir.path().join("img/a.png");
        let before = std::fs::metadata(&copy_a).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let entry = existing
            .copy(&root, "img/a.png", CopyFrom::File(&a))
            .unwrap()
            .unwrap();
        assert_eq!(entry.sum, sum(b"aaaa"));
        assert_eq!(
            std::fs::metadata(&copy_a).unwrap().modified().unwrap(),
            before
        );
        existing
            .copy(&root, "img/b.png", CopyFrom::File(&b))
            .unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("img/b.png")).unwrap(),
            b"BBBB"
        );
        existing
            .copy(&root, "img/c.png", CopyFrom::File(&c))
            .unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("img/c.png")).unwrap(),
            b"cccc"
        );
    }

    #[cfg(unix)]
    #[test]
    fn sums_tell_unchanged_files_and_edits_are_still_seen() {
        // Someone edits the output by hand, keeping the size: the build puts its bytes back.
        let edit = |dir: &Path| std::fs::write(dir.join("b/index.html"), "edit").unwrap();
        let (dir, existing) = built(&[("a/index.html", "same"), ("b/index.html", "bbbb")], edit);
        let a = dir.path().join("a/index.html");
        let before = std::fs::metadata(&a).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let entry = put(&existing, dir.path(), "a/index.html", b"same");
        assert!(entry.is_some());
        assert_eq!(std::fs::metadata(&a).unwrap().modified().unwrap(), before);
        put(&existing, dir.path(), "b/index.html", b"bbbb");
        assert_eq!(
            std::fs::read(dir.path().join("b/index.html")).unwrap(),
            b"bbbb"
        );
        put(&existing, dir.path(), "a/index.html", b"sane");
        assert_eq!(std::fs::read(&a).unwrap(), b"sane");
    }

    #[test]
    fn what_the_build_did_not_write_is_removed() {
        let dir = tree(&[
            ("keep/index.html", "1"),
            ("old/deep/index.html", "2"),
            ("stale.xml", "3"),
        ]);
        let existing = Existing::scan(dir.path(), Sums::default()).unwrap();
        put(&existing, dir.path(), "keep/index.html", b"1");
        put(&existing, dir.path(), "new/index.html", b"4");
        let written: FxHashMap<String, ()> = ["keep/index.html", "new/index.html"]
            .iter()
            .map(|s| (s.to_string(), ()))
            .collect();
        existing.prune(dir.path(), &written).unwrap();
        assert!(dir.path().join("keep/index.html").is_file());
        assert!(dir.path().join("new/index.html").is_file());
        assert!(!dir.path().join("old").exists());
        assert!(!dir.path().join("stale.xml").exists());
    }

    #[test]
    fn a_file_and_a_folder_may_trade_places() {
        let dir = tree(&[("a", "file"), ("b/index.html", "x")]);
        let existing = Existing::scan(dir.path(), Sums::default()).unwrap();
        put(&existing, dir.path(), "a/index.html", b"now a page");
        put(&existing, dir.path(), "b", b"now a file");
        assert_eq!(
            std::fs::read(dir.path().join("a/index.html")).unwrap(),
            b"now a page"
        );
        assert_eq!(std::fs::read(dir.path().join("b")).unwrap(), b"now a file");
    }

    #[test]
    fn a_changed_file_leaves_hard_links_to_it_alone() {
        let dir = tree(&[("a/index.html", "old")]);
        let snapshot = dir.path().join("kept.html");
        std::fs::hard_link(dir.path().join("a/index.html"), &snapshot).unwrap();
        let existing = Existing::scan(dir.path(), Sums::default()).unwrap();
        put(&existing, dir.path(), "a/index.html", b"new");
        assert_eq!(
            std::fs::read(dir.path().join("a/index.html")).unwrap(),
            b"new"
        );
        assert_eq!(std::fs::read(&snapshot).unwrap(), b"old");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_removed() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tree(&[("a/index.html", "x")]);
        let odd = std::ffi::OsStr::from_bytes(b"caf\xe9");
        std::fs::write(dir.path().join("a").join(odd), "x").unwrap();
        std::fs::create_dir(dir.path().join(odd)).unwrap();
        std::fs::write(dir.path().join(odd).join("index.html"), "x").unwrap();
        let existing = Existing::scan(dir.path(), Sums::default()).unwrap();
        assert_eq!(existing.files.keys().collect::<Vec<_>>(), ["a/index.html"]);
        assert_eq!(existing.dirs.iter().collect::<Vec<_>>(), ["a"]);
        assert!(!dir.path().join(odd).exists());
        assert!(!dir.path().join("a").join(odd).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_root_that_is_a_link_is_not_listed() {
        let real = tree(&[("index.html", "keep me")]);
        let holder = tree(&[]);
        let link = holder.path().join("public");
        std::os::unix::fs::symlink(real.path(), &link).unwrap();
        let existing = Existing::scan(&link, Sums::default()).unwrap();
        assert!(existing.files.is_empty() && existing.dirs.is_empty());
        assert!(real.path().join("index.html").exists());
    }

    #[cfg(unix)]
    #[test]
    fn planted_links_are_removed_not_followed() {
        let outside = tree(&[("victim.html", "keep me")]);
        let dir = tree(&[("index.html", "x")]);
        std::os::unix::fs::symlink(outside.path(), dir.path().join("news")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("victim.html"),
            dir.path().join("page.html"),
        )
        .unwrap();
        let existing = Existing::scan(dir.path(), Sums::default()).unwrap();
        put(&existing, dir.path(), "news/victim.html", b"evil");
        put(&existing, dir.path(), "page.html", b"evil");
        assert_eq!(
            std::fs::read_to_string(outside.path().join("victim.html")).unwrap(),
            "keep me"
        );
    }
}
