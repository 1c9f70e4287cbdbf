//! What tells whether a file changed since it was last seen, without reading it: its stamp
//! (inode, size, modification and status-change times; `ctime` no program can set back), as
//! git's index trusts a file's stat data. The output's sums and the image sizes kept between
//! builds are trusted only for files whose stamp is unchanged, and settled before the record
//! was taken.

use std::fs::Metadata;
use std::io;
use std::path::Path;
use std::time::SystemTime;

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

    /// The stamp of a file as `statx` tells it.
    #[cfg(target_os = "linux")]
    pub fn of_statx(x: &rustix::fs::Statx) -> Stamp {
        let nanos = |t: rustix::fs::StatxTimestamp| {
            t.tv_sec
                .saturating_mul(1_000_000_000)
                .saturating_add(i64::from(t.tv_nsec))
        };
        Stamp {
            ino: x.stx_ino,
            size: x.stx_size,
            mtime: nanos(x.stx_mtime),
            ctime: nanos(x.stx_ctime),
        }
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
    pub(crate) fn from_fields([ino, size, mtime, ctime]: [u64; 4]) -> Stamp {
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
        self.changed() < saved.saturating_sub(RACY_NS)
    }

    /// The inode number, which tells files apart.
    pub fn ino(&self) -> u64 {
        self.ino
    }

    /// When the file last changed (its modification or status-change time, the later), in
    /// nanoseconds.
    pub fn changed(&self) -> i64 {
        self.mtime.max(self.ctime)
    }
}

/// A file changed less than this before a record of stamps was taken may have changed again
/// within the same tick of the file-system clock (coarse, a few milliseconds): its stamp is not
/// trusted.
pub(crate) const RACY_NS: i64 = 100_000_000;

/// When the file at `path` was last modified, in nanoseconds (0 when unknown): for a file
/// holding stamps, the time they were taken.
pub fn modified_nanos(path: &Path) -> i64 {
    std::fs::metadata(path)
        .ok()
        .and_then(|m| Stamp::of(&m))
        .map_or(0, |s| s.mtime)
}

/// Replaces the file at `path` with `bytes` in one step, dated `taken` when given (the time
/// the stamps it holds were taken, older than its writing). It is written first to
/// `<path>-partial-<pid>`, a name the next writer removes if this one dies there, made new so
/// that nothing planted at that name is written through.
pub fn replace_file(path: &Path, bytes: &[u8], taken: Option<SystemTime>) -> io::Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(format!("-partial-{}", std::process::id()));
    let partial = std::path::PathBuf::from(name);
    let _ = std::fs::remove_file(&partial);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial)?;
    std::io::Write::write_all(&mut file, bytes)?;
    if let Some(taken) = taken {
        file.set_modified(taken)?;
    }
    drop(file);
    std::fs::rename(&partial, path)
}

/// Appends `n` in lower-case hexadecimal, as `{:x}` writes it (tens of thousands of lines are
/// written at the end of every build, where the formatting machinery showed).
pub(crate) fn push_hex(text: &mut String, n: u64) {
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

    #[test]
    fn a_stamp_reads_back_as_written() {
        let stamp = Stamp::from_fields([7, 4, 1_700_000_000_123_456_789, 1]);
        let mut text = String::new();
        stamp.push_to(&mut text);
        assert_eq!(text, format!("7 4 {:x} 1", 1_700_000_000_123_456_789u64));
        assert_eq!(Stamp::read(&mut text.split(' ')), Some(stamp));
        assert_eq!(Stamp::read(&mut "7 4 x 1".split(' ')), None);
        assert!(stamp.settled(stamp.changed() + RACY_NS + 1));
        assert!(!stamp.settled(stamp.changed() + RACY_NS / 2));
    }
}
