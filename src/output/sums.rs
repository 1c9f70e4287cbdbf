//! Content sums of the files in the two output folders a build alternates between, so that a
//! build reusing a folder knows which files still hold the bytes it is about to write without
//! reading them back.
//!
//! A sum is trusted for a file only while the file is exactly as sachhon left it: same inode,
//! size, modification and status-change times (`ctime`, which no program can set back), as
//! git's index trusts a file's stat data. Anything else is read and compared as before.
//! The sums live beside the output (`.<output>.sachhon-sums`, next to its lock file), never
//! inside it: they are not part of the site.

use std::collections::HashMap;
use std::fs::Metadata;
use std::io;
use std::path::Path;

/// What identifies a file's state on disk; two equal stamps mean nothing wrote it in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    ino: u64,
    size: u64,
    mtime: i64,
    ctime: i64,
}

impl Stamp {
    /// The stamp of a file's metadata; `None` where the system has no inode numbers.
    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let nanos = |s: i64, ns: i64| s.saturating_mul(1_000_000_000).saturating_add(ns);
        Some(Stamp {
            ino: meta.ino(),
            size: meta.size(),
            mtime: nanos(meta.mtime(), meta.mtime_nsec()),
            ctime: nanos(meta.ctime(), meta.ctime_nsec()),
        })
    }

    #[cfg(not(unix))]
    pub fn of(_: &Metadata) -> Option<Stamp> {
        None
    }

    /// The stamp as the files that keep stamps write it: inode, size, modification and
    /// status-change times, in lower-case hexadecimal, apart by spaces.
    pub fn push_to(&self, text: &mut String) {
        let fields = [self.ino, self.size, self.mtime as u64, self.ctime as u64];
        for (i, n) in fields.into_iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            push_hex(text, n);
        }
    }

    /// A stamp read back from the first four of `fields`, as [`Stamp::push_to`] writes them.
    pub fn read<'a>(fields: &mut impl Iterator<Item = &'a str>) -> Option<Stamp> {
        let mut n = [0u64; 4];
        for slot in &mut n {
            *slot = u64::from_str_radix(fields.next()?, 16).ok()?;
        }
        Some(Stamp::from_fields(n))
    }

    /// A stamp from its four numbers as [`Stamp::push_to`] writes them.
    fn from_fields([ino, size, mtime, ctime]: [u64; 4]) -> Stamp {
        Stamp {
            ino,
            size,
            mtime: mtime as i64,
            ctime: ctime as i64,
        }
    }

    /// Whether the file was last changed well before `saved` (nanoseconds), when the record
    /// holding this stamp was saved: a change within the same tick of the file-system clock
    /// could leave the stamp as it was.
    pub fn settled(&self, saved: i64) -> bool {
        self.mtime.max(self.ctime) < saved.saturating_sub(RACY_NS)
    }

    /// When the file at `path` was last modified, in nanoseconds (0 when unknown): the time a
    /// record kept in that file was saved.
    pub fn saved_at(path: &Path) -> i64 {
        std::fs::metadata(path)
            .ok()
            .and_then(|m| Stamp::of(&m))
            .map_or(0, |s| s.mtime)
    }
}

/// The content sum of some bytes (xxHash3, 64 bits: the files compared are sachhon's own
/// output, never crafted to collide).
pub fn sum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// One file as a build left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub stamp: Stamp,
    pub sum: u64,
}

/// A file changed less than this before the sums were saved may have changed again within the
/// same tick of the file-system clock (coarse, a few milliseconds): its stamp is not trusted.
const RACY_NS: i64 = 100_000_000;

/// The sums read at the start of a build: the files of the last two builds, by inode.
#[derive(Debug, Default)]
pub struct Sums {
    /// The newest build recorded (the current output's).
    generation: u64,
    by_inode: HashMap<u64, (u64, Entry)>,
    /// When the sums were saved (the sums file's modification time), in nanoseconds.
    saved: i64,
}

impl Sums {
    /// Reads the sums file at `path`; a missing or unreadable file gives no sums (every file is
    /// then compared by reading it).
    pub fn load(path: &Path) -> Sums {
        let saved = Stamp::saved_at(path);
        std::fs::read_to_string(path)
            .map(|text| Sums::parse(&text, saved))
            .unwrap_or_default()
    }

    /// Whether no file is known.
    pub fn is_empty(&self) -> bool {
        self.by_inode.is_empty()
    }

    fn parse(text: &str, saved: i64) -> Sums {
        let mut sums = Sums {
            saved,
            ..Sums::default()
        };
        'lines: for line in text.lines() {
            // Six hexadecimal numbers, no more: anything else is not a line of ours.
            let mut fields = line.split(' ').map(|f| u64::from_str_radix(f, 16));
            let mut n = [0u64; 6];
            for slot in &mut n {
                match fields.next() {
                    Some(Ok(v)) => *slot = v,
                    _ => continue 'lines,
                }
            }
            if fields.next().is_some() {
                continue;
            }
            let [generation, ino, size, mtime, ctime, sum] = n;
            let stamp = Stamp::from_fields([ino, size, mtime, ctime]);
            sums.generation = sums.generation.max(generation);
            sums.by_inode
                .insert(ino, (generation, Entry { stamp, sum }));
        }
        sums
    }

    /// Whether a file whose stamp is `stamp` holds bytes whose sum is `sum`: known only when
    /// the file is as a recorded build left it, and was written well before the sums were saved.
    pub fn holds(&self, stamp: &Stamp, sum: u64) -> Option<bool> {
        let (_, entry) = self.by_inode.get(&stamp.ino)?;
        (entry.stamp == *stamp && stamp.settled(self.saved)).then_some(entry.sum == sum)
    }

    /// Writes the sums of this build's files (`written`) and of the previous build's (the
    /// folder the next build will reuse) to `path`, replacing the file in one step.
    pub fn save<'a>(
        &self,
        path: &Path,
        written: impl Iterator<Item = &'a Entry>,
    ) -> io::Result<()> {
        let generation = self.generation + 1;
        let mut text = String::new();
        let line = |text: &mut String, generation: u64, e: &Entry| {
            push_hex(text, generation);
            text.push(' ');
            e.stamp.push_to(text);
            text.push(' ');
            push_hex(text, e.sum);
            text.push('\n');
        };
        for e in written {
            line(&mut text, generation, e);
        }
        for (g, e) in self.by_inode.values() {
            if *g == self.generation {
                line(&mut text, *g, e);
            }
        }
        // `.<output>.sachhon-sums-partial-<pid>`: a name the next build removes if this one
        // dies here; made new, so that nothing planted there is written through.
        let mut name = path.as_os_str().to_owned();
        name.push(format!("-partial-{}", std::process::id()));
        let partial = std::path::PathBuf::from(name);
        let _ = std::fs::remove_file(&partial);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&partial)?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        drop(file);
        std::fs::rename(&partial, path)
    }
}

/// Appends `n` in lower-case hexadecimal, as `{:x}` writes it (tens of thousands of lines are
/// written at the end of every build, where the formatting machinery showed).
fn push_hex(text: &mut String, n: u64) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digits = (64 - n.leading_zeros()).div_ceil(4).max(1);
    for k in (0..digits).rev() {
        text.push(char::from(DIGITS[(n >> (4 * k) & 0xf) as usize]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_written_as_format_writes_it() {
        for n in [0, 1, 0xf, 0x10, 0xabc, u64::MAX, 1 << 63, 0x1234_5678_9abc] {
            let mut text = String::new();
            push_hex(&mut text, n);
            assert_eq!(text, format!("{n:x}"));
        }
    }

    fn entry(ino: u64, sum: u64) -> Entry {
        Entry {
            stamp: Stamp {
                ino,
                size: 4,
                mtime: 1_700_000_000_123_456_789,
                ctime: 1_700_000_000_123_456_789,
            },
            sum,
        }
    }

    /// Sums saved with `entries`, read back as if saved a second after them.
    fn saved(entries: &[Entry]) -> Sums {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sums");
        Sums::default().save(&path, entries.iter()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        Sums::parse(&text, entries[0].stamp.mtime + 1_000_000_000)
    }

    #[test]
    fn sums_are_trusted_only_for_an_untouched_file() {
        let a = entry(7, sum(b"same"));
        let sums = saved(&[a]);
        assert_eq!(sums.holds(&a.stamp, sum(b"same")), Some(true));
        assert_eq!(sums.holds(&a.stamp, sum(b"sane")), Some(false));
        let touched = Stamp {
            ctime: a.stamp.ctime + 1,
            ..a.stamp
        };
        assert_eq!(sums.holds(&touched, sum(b"same")), None);
        assert_eq!(sums.holds(&entry(8, 0).stamp, sum(b"same")), None);
    }

    #[test]
    fn a_file_written_just_before_the_sums_is_read_again() {
        let a = entry(7, sum(b"same"));
        let mut sums = saved(&[a]);
        sums.saved = a.stamp.mtime + RACY_NS / 2;
        assert_eq!(sums.holds(&a.stamp, sum(b"same")), None);
    }

    #[test]
    fn the_last_two_builds_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sums");
        Sums::default().save(&path, [entry(1, 1)].iter()).unwrap();
        Sums::load(&path).save(&path, [entry(2, 2)].iter()).unwrap();
        Sums::load(&path).save(&path, [entry(3, 3)].iter()).unwrap();
        let mut sums = Sums::load(&path);
        sums.saved = entry(1, 0).stamp.mtime + 1_000_000_000;
        assert_eq!(sums.holds(&entry(1, 0).stamp, 1), None);
        assert_eq!(sums.holds(&entry(2, 0).stamp, 2), Some(true));
        assert_eq!(sums.holds(&entry(3, 0).stamp, 3), Some(true));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_partial_name_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep me").unwrap();
        let path = dir.path().join(".public.sachhon-sums");
        let partial = format!(".public.sachhon-sums-partial-{}", std::process::id());
        std::os::unix::fs::symlink(&victim, dir.path().join(partial)).unwrap();
        Sums::default().save(&path, [entry(1, 1)].iter()).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        assert!(std::fs::symlink_metadata(&path).unwrap().is_file());
    }

    #[test]
    fn a_damaged_file_gives_no_sums() {
        let sums = Sums::parse("zz 1 2 3 4 5 6\n1 2 3 4 5 6 7 8\n\u{0}", 0);
        assert!(sums.by_inode.is_empty());
    }
}
