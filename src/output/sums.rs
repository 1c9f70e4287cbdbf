//! Content sums of the files in the two output folders a build alternates between, so that a
//! build reusing a folder knows which files still hold the bytes it is about to write without
//! reading them back.
//!
//! A sum is trusted for a file only while the file is exactly as sachhon left it: same inode,
//! size, modification and status-change times (`ctime`, which no program can set back), as
//! git's index trusts a file's stat data. Anything else is read and compared as before.
//! The sums live beside the output (`.<output>.sachhon-sums`, next to its lock file), never
//! inside it: they are not part of the site.

use crate::stamp::{modified_nanos, push_hex, replace_file, Stamp};
use std::collections::HashMap;
use std::io;
use std::path::Path;

/// The content sum of some bytes (xxHash3, 64 bits: the files compared are sachhon's own
/// output, never crafted to collide).
pub fn sum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// One file as a build left it, and for a copy of a file (a static file, an image) the stamp
/// its source had when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub stamp: Stamp,
    pub sum: u64,
    pub source: Option<Stamp>,
}

impl Entry {
    /// A file the build wrote from its own bytes (not a copy).
    pub fn new(stamp: Stamp, sum: u64) -> Entry {
        Entry {
            stamp,
            sum,
            source: None,
        }
    }
}

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
        let saved = modified_nanos(path);
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
        // Tens of thousands of lines: found with a vectorised search.
        for line in crate::text::lines(text) {
            // Six hexadecimal numbers (ten for a copy, with its source's stamp), no more:
            // anything else is not a line of ours.
            let mut fields = line.split(' ').peekable();
            let hex = |f: Option<&str>| f.and_then(|f| u64::from_str_radix(f, 16).ok());
            let Some(generation) = hex(fields.next()) else {
                continue;
            };
            let (Some(stamp), Some(sum)) = (Stamp::read(&mut fields), hex(fields.next())) else {
                continue;
            };
            let source = match fields.peek() {
                None => None,
                Some(_) => match Stamp::read(&mut fields) {
                    Some(source) => Some(source),
                    None => continue,
                },
            };
            if fields.next().is_some() {
                continue;
            }
            sums.generation = sums.generation.max(generation);
            let entry = Entry { stamp, sum, source };
            sums.by_inode.insert(stamp.ino(), (generation, entry));
        }
        sums
    }

    /// Whether a file whose stamp is `stamp` holds bytes whose sum is `sum`: known only when
    /// the file is as a recorded build left it, and was written well before the sums were saved.
    pub fn holds(&self, stamp: &Stamp, sum: u64) -> Option<bool> {
        let (_, entry) = self.by_inode.get(&stamp.ino())?;
        (entry.stamp == *stamp && stamp.settled(self.saved)).then_some(entry.sum == sum)
    }

    /// The entry of a file whose stamp is `stamp` when it is a copy a recorded build made of a
    /// source whose stamp was `source` then, and neither was touched since: the file still
    /// holds the source's bytes, which need not be read.
    pub fn copy_of(&self, stamp: &Stamp, source: &Stamp) -> Option<Entry> {
        let (_, entry) = self.by_inode.get(&stamp.ino())?;
        let untouched = entry.stamp == *stamp && entry.source == Some(*source);
        (untouched && stamp.settled(self.saved) && source.settled(self.saved)).then_some(*entry)
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
            if let Some(source) = &e.source {
                text.push(' ');
                source.push_to(text);
            }
            text.push('\n');
        };
        // A file this build linked from the previous output is one file in both: its entry
        // is this build's (linking changed its stamp).
        let mut inodes = rustc_hash::FxHashSet::default();
        for e in written {
            line(&mut text, generation, e);
            inodes.insert(e.stamp.ino());
        }
        for (g, e) in self.by_inode.values() {
            if *g == self.generation && !inodes.contains(&e.stamp.ino()) {
                line(&mut text, *g, e);
            }
        }
        replace_file(path, text.as_bytes(), None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(ino: u64, sum: u64) -> Entry {
        Entry {
            stamp: Stamp::from_fields([
                ino,
                4,
                1_700_000_000_123_456_789,
                1_700_000_000_123_456_789,
            ]),
            sum,
            source: None,
        }
    }

    /// Sums saved with `entries`, read back as if saved a second after them.
    fn saved(entries: &[Entry]) -> Sums {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sums");
        Sums::default().save(&path, entries.iter()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        Sums::parse(&text, entries[0].stamp.changed() + 1_000_000_000)
    }

    #[test]
    fn sums_are_trusted_only_for_an_untouched_file() {
        let a = entry(7, sum(b"same"));
        let sums = saved(&[a]);
        assert_eq!(sums.holds(&a.stamp, sum(b"same")), Some(true));
        assert_eq!(sums.holds(&a.stamp, sum(b"sane")), Some(false));
        let touched =
            Stamp::from_fields([7, 4, 1_700_000_000_123_456_789, 1_700_000_000_123_456_790]);
        assert_eq!(sums.holds(&touched, sum(b"same")), None);
        assert_eq!(sums.holds(&entry(8, 0).stamp, sum(b"same")), None);
    }

    #[test]
    fn a_file_written_just_before_the_sums_is_read_again() {
        let a = entry(7, sum(b"same"));
        let mut sums = saved(&[a]);
        sums.saved = a.stamp.changed() + crate::stamp::RACY_NS / 2;
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
        sums.saved = entry(1, 0).stamp.changed() + 1_000_000_000;
        assert_eq!(sums.holds(&entry(1, 0).stamp, 1), None);
        assert_eq!(sums.holds(&entry(2, 0).stamp, 2), Some(true));
        assert_eq!(sums.holds(&entry(3, 0).stamp, 3), Some(true));
    }

    #[test]
    fn a_file_linked_into_the_next_output_keeps_the_newer_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sums");
        Sums::default().save(&path, [entry(1, 1)].iter()).unwrap();
        // The same inode, its status-change time moved by the link.
        let linked = Entry {
            stamp: Stamp::from_fields([1, 4, 1_700_000_000_123_456_789, 1_700_000_000_223_456_789]),
            sum: 1,
            source: None,
        };
        Sums::load(&path).save(&path, [linked].iter()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        let sums = Sums::parse(&text, linked.stamp.changed() + 1_000_000_000);
        assert_eq!(sums.holds(&linked.stamp, 1), Some(true));
        assert_eq!(sums.holds(&entry(1, 1).stamp, 1), None);
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
    fn a_copy_is_known_while_neither_it_nor_its_source_changed() {
        let source =
            Stamp::from_fields([90, 4, 1_600_000_000_000_000_000, 1_600_000_000_000_000_000]);
        let copy = Entry {
            source: Some(source),
            ..entry(7, sum(b"same"))
        };
        let other = entry(8, sum(b"made"));
        let sums = saved(&[copy, other]);
        assert_eq!(sums.copy_of(&copy.stamp, &source), Some(copy));
        // The source was written again, or the copy was.
        let edited =
            Stamp::from_fields([90, 4, 1_600_000_000_000_000_000, 1_650_000_000_000_000_000]);
        assert_eq!(sums.copy_of(&copy.stamp, &edited), None);
        let touched =
            Stamp::from_fields([7, 4, 1_700_000_000_123_456_789, 1_700_000_000_999_999_999]);
        assert_eq!(sums.copy_of(&touched, &source), None);
        // A file the build rendered is no copy; its sum still holds.
        assert_eq!(sums.copy_of(&other.stamp, &source), None);
        assert_eq!(sums.holds(&other.stamp, sum(b"made")), Some(true));
    }

    #[test]
    fn a_damaged_file_gives_no_sums() {
        let sums = Sums::parse("zz 1 2 3 4 5 6\n1 2 3 4 5 6 7 8\n\u{0}", 0);
        assert!(sums.by_inode.is_empty());
    }
}
