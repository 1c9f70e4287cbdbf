//! The size of each image, kept between builds in the cache folder (`sizes`): reading a size
//! opens the image, and a site has thousands. A kept size is trusted while its file keeps the
//! stamp it had then, settled before the sizes were taken (as the output's sums are); an image
//! that could not be decoded is kept as such, one that could not be read this time is not kept.

use crate::folder::read_rest;
use crate::stamp::{modified_nanos, replace_file, Stamp};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Seek};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What reading an image told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measured {
    /// Width and height in pixels.
    Size(u32, u32),
    /// Not an image sachhon can decode.
    Unreadable,
}

/// An image file, measured.
pub(super) struct ImageFile {
    pub(super) source: PathBuf,
    pub(super) stamp: Option<Stamp>,
    /// `None` when the file could not be read this time (the system refused, not the image).
    pub(super) measured: Option<Measured>,
    /// Length in bytes.
    pub(super) bytes: u64,
    /// The file's bytes, when it was read whole to be measured.
    pub(super) content: Option<Vec<u8>>,
}

/// Largest image read whole to be measured: its bytes then serve the build's copy of it and
/// the hash naming its smaller copies, instead of each reading the file again. A larger one is
/// read only as far as its decoder needs.
const READ_WHOLE: u64 = 1 << 20;

/// Measures the image at `source` by reading it (whole, up to [`READ_WHOLE`] bytes).
fn read(source: PathBuf) -> ImageFile {
    let opened = File::open(&source).and_then(|file| Ok((file.metadata()?, file)));
    let Ok((meta, file)) = opened else {
        // Not readable this time: nothing is kept.
        return ImageFile {
            source,
            stamp: None,
            measured: None,
            bytes: u64::MAX,
            content: None,
        };
    };
    let (measured, content) = if meta.len() <= READ_WHOLE {
        match read_rest(file, meta.len()) {
            Ok(content) => (dimensions(Cursor::new(&content), &source), Some(content)),
            Err(_) => (None, None),
        }
    } else {
        (dimensions(BufReader::new(file), &source), None)
    };
    ImageFile {
        stamp: Stamp::of(&meta),
        bytes: meta.len(),
        source,
        measured,
        content,
    }
}

/// The size of the image `reader` holds, decoded as the extension of `source` says (as
/// `image::image_dimensions` does); `None` when reading failed.
fn dimensions(reader: impl BufRead + Seek, source: &Path) -> Option<Measured> {
    let mut image = image::ImageReader::new(reader);
    if let Some(format) = source
        .extension()
        .and_then(image::ImageFormat::from_extension)
    {
        image.set_format(format);
    }
    match image.into_dimensions() {
        Ok((width, height)) => Some(Measured::Size(width, height)),
        Err(image::ImageError::IoError(_)) => None,
        Err(_) => Some(Measured::Unreadable),
    }
}

/// The sizes kept by an earlier build.
#[derive(Default)]
pub(super) struct Sizes {
    by_source: HashMap<PathBuf, (Stamp, Measured)>,
    /// When they were taken, in nanoseconds.
    taken: i64,
}

impl Sizes {
    /// The file in the cache folder.
    pub(super) const FILE: &'static str = "sizes";

    /// The sizes kept in `dir`; none when the file is missing or unreadable. A line is a stamp,
    /// the width and height (`- -` for an unreadable image), then the source's path (the rest
    /// of the line).
    pub(super) fn load(dir: &Path) -> Sizes {
        let file = dir.join(Self::FILE);
        let Ok(text) = std::fs::read_to_string(&file) else {
            return Sizes::default();
        };
        let by_source = text
            .lines()
            .filter_map(|line| {
                let mut fields = line.splitn(7, ' ');
                let stamp = Stamp::read(&mut fields)?;
                let measured = match (fields.next()?, fields.next()?) {
                    ("-", "-") => Measured::Unreadable,
                    (w, h) => Measured::Size(w.parse().ok()?, h.parse().ok()?),
                };
                Some((PathBuf::from(fields.next()?), (stamp, measured)))
            })
            .collect();
        Sizes {
            by_source,
            taken: modified_nanos(&file),
        }
    }

    /// The image at `source`, measured: from the kept sizes when its file is as it was then,
    /// else by reading it (see [`read`]).
    pub(super) fn measure(&self, source: PathBuf) -> ImageFile {
        // Only a file the sizes know is asked for its stamp by path (one system call); any
        // other is opened at once, and its stamp taken from the open file.
        if self.by_source.contains_key(&source) {
            let meta = std::fs::metadata(&source).ok();
            let stamp = meta.as_ref().and_then(Stamp::of);
            if let Some(measured) = stamp.and_then(|s| self.get(&source, &s)) {
                return ImageFile {
                    bytes: meta.map_or(u64::MAX, |m| m.len()),
                    source,
                    stamp,
                    measured: Some(measured),
                    content: None,
                };
            }
        }
        read(source)
    }

    /// What is kept for `source`, if its file still has `stamp` and had it well before the
    /// sizes were taken.
    fn get(&self, source: &Path, stamp: &Stamp) -> Option<Measured> {
        let (known, measured) = self.by_source.get(source)?;
        (known == stamp && stamp.settled(self.taken)).then_some(*measured)
    }

    /// Keeps the sizes of `files`, measured after `taken`, in `dir`, unless they are the ones
    /// kept already. The cache only saves time: a failure to write it is not an error.
    pub(super) fn save<'a>(
        &self,
        dir: &Path,
        files: impl Iterator<Item = &'a ImageFile>,
        taken: SystemTime,
    ) {
        let fresh: BTreeMap<&str, (Stamp, Measured)> = files
            .filter_map(|f| {
                let source = f.source.to_str().filter(|p| !p.contains('\n'))?;
                Some((source, (f.stamp?, f.measured?)))
            })
            .collect();
        let same = fresh.len() == self.by_source.len()
            && fresh.iter().all(|(source, (stamp, measured))| {
                self.get(Path::new(source), stamp) == Some(*measured)
            });
        if same {
            return;
        }
        let mut text = String::new();
        for (source, (stamp, measured)) in fresh {
            stamp.push_to(&mut text);
            let _ = match measured {
                Measured::Size(width, height) => writeln!(text, " {width} {height} {source}"),
                Measured::Unreadable => writeln!(text, " - - {source}"),
            };
        }
        if std::fs::create_dir_all(dir).is_ok() {
            let _ = replace_file(&dir.join(Self::FILE), text.as_bytes(), Some(taken));
        }
    }
}
