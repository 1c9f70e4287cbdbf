//! Responsive images: the only user of the `image` crate.
//!
//! Photos placed beside a page (page bundles) or in `static/` have their size read; those
//! wider than a phone get smaller copies (480, 960 and 1600 pixels wide, exactly) that pages
//! offer with `srcset` when they are lighter than the original. Both are kept between builds
//! under `.sachhon-cache/images/`: sizes in `sizes`, each with the stamp of its file (read
//! again once the file changes), resized copies keyed by the source's content hash and the
//! width, so a rebuild does not redo them.

mod sizes;

use crate::diagnostics::{Code, Diagnostic, Sink as Diagnostics};
use crate::output::{Sink, SourceFile};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use sizes::{ImageFile, Measured, Sizes};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Widths offered to browsers, smallest first.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// One smaller copy of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Site path of the copy (`case-studies/a/photo-480w.jpg`).
    pub path: String,
}

/// An image of the site with its size and smaller copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The source file.
    pub source: PathBuf,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Smaller copies, narrowest first.
    pub variants: Vec<Variant>,
    /// The content hash of the source (xxHash3), which names its copies in the cache; read
    /// once per build, and only for an image that has copies.
    pub key: u64,
}

/// Every image of a build by site path.
pub type Catalogue = BTreeMap<String, Image>;

/// Where resized copies and image sizes are kept from one build to the next.
#[derive(Debug, Clone)]
pub struct Cache {
    /// The folder (`.sachhon-cache/images`).
    pub dir: PathBuf,
    /// Whether new copies and sizes are saved there: `check` only reads it, as it writes
    /// nothing.
    pub save: bool,
}

/// Whether a file name is an image sachhon resizes.
pub fn is_image(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// The image sizes an earlier build kept in its cache: read while the content loads, as the
/// catalogue needs them only once the site is known.
pub struct KnownSizes(Sizes);

/// The sizes kept in `cache`; none when there are none.
pub fn known_sizes(cache: &Cache) -> KnownSizes {
    KnownSizes(Sizes::load(&cache.dir))
}

/// Reads the size of each image (`(site path, file)` pairs), from `known` where its file did
/// not change, and plans its smaller copies: a copy is offered only when it is narrower and
/// smaller in bytes than the original (a resized screenshot is often heavier than the original
/// PNG). The copies are made here, once, and kept in `cache` for [`write_variants`] and the
/// next build, as the sizes are (see [`sizes`]), while the copies are planned. Unreadable
/// images are left out of the catalogue (they are still copied as they are). Also returns
/// the bytes of the images read whole to be measured, for their copies.
pub fn catalogue(
    files: Vec<(String, PathBuf)>,
    cache: &Cache,
    known: KnownSizes,
) -> (Catalogue, Contents) {
    let known = known.0;
    let taken = std::time::SystemTime::now();
    let measured: Vec<(String, ImageFile)> = files
        .into_par_iter()
        .filter(|(path, _)| is_image(path))
        .map(|(path, source)| (path, known.measure(source)))
        .collect();
    let save = || {
        if cache.save {
            known.save(&cache.dir, measured.iter().map(|(_, file)| file), taken);
        }
    };
    let (catalogue, ()) = rayon::join(|| plan(&measured, cache), save);
    (catalogue, Contents::keep(measured))
}

/// Bytes of the images read whole while they were measured, kept for the build to copy them
/// from: at most [`Contents::MAX`] in all (a cold build of 10,000 small images opens and
/// reads each once instead of twice).
#[derive(Debug, Default)]
pub struct Contents(FxHashMap<String, SourceFile>);

impl Contents {
    const MAX: u64 = 32 << 20;

    fn keep(measured: Vec<(String, ImageFile)>) -> Contents {
        let mut kept = 0;
        let files = measured
            .into_iter()
            .filter_map(|(path, file)| {
                let bytes = file.content?;
                kept += bytes.len() as u64;
                let source = SourceFile {
                    path: file.source,
                    bytes,
                    stamp: file.stamp,
                };
                (kept <= Self::MAX).then_some((path, source))
            })
            .collect();
        Contents(files)
    }

    /// The bytes of `source`, published at the site path `path`, if they were kept.
    pub fn get(&self, path: &str, source: &Path) -> Option<&SourceFile> {
        self.0.get(path).filter(|read| read.path == source)
    }
}

/// The measured images with the smaller copies each is offered in.
fn plan(measured: &[(String, ImageFile)], cache: &Cache) -> Catalogue {
    measured
        .par_iter()
        .filter_map(|(path, file)| {
            let Some(Measured::Size(width, height)) = file.measured else {
                return None;
            };
            let mut image = Image {
                source: file.source.clone(),
                width,
                height,
                variants: Vec::new(),
                key: 0,
            };
            let narrower: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
            // Read only for an image that has copies; one that cannot be read gets none.
            let source = match &file.content {
                _ if narrower.is_empty() => None,
                Some(content) => Some(Cow::Borrowed(content.as_slice())),
                None => std::fs::read(&file.source).ok().map(Cow::Owned),
            };
            if let Some(source) = &source {
                image.key = xxhash_rust::xxh3::xxh3_64(source);
                image.variants = narrower
                    .iter()
                    .map(|&w| Variant {
                        width: w,
                        height: scaled_height(width, height, w),
                        path: variant_path(path, w),
                    })
                    .filter(|v| {
                        copy_len(&image, v, cache, source).is_ok_and(|len| len < file.bytes)
                    })
                    .collect();
            }
            Some((path.clone(), image))
        })
        .collect()
}

/// The height of a copy `w` pixels wide of a `width` x `height` image, rounded, at least 1.
fn scaled_height(width: u32, height: u32, w: u32) -> u32 {
    let (width, height, w) = (u64::from(width.max(1)), u64::from(height), u64::from(w));
    ((height * w + width / 2) / width).max(1) as u32
}

/// `a/photo.jpg` at 480 -> `a/photo-480w.jpg`.
fn variant_path(path: &str, width: u32) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{width}w.{ext}"),
        None => format!("{path}-{width}w"),
    }
}

/// Writes every smaller copy, from the cache when it has it; returns the site paths written.
pub fn write_variants(
    catalogue: &Catalogue,
    cache: &Cache,
    sink: &dyn Sink,
    diags: &Diagnostics,
) -> Vec<String> {
    let jobs: Vec<(&Image, &Variant)> = catalogue
        .values()
        .flat_map(|img| img.variants.iter().map(move |v| (img, v)))
        .collect();
    jobs.par_iter()
        .filter_map(|(img, variant)| match resized(img, variant, cache) {
            Ok(bytes) => match sink.write(&variant.path, &bytes) {
                Ok(()) => Some(variant.path.clone()),
                Err(e) => {
                    diags.push(Diagnostic::error(Code::E0503, &variant.path).arg("message", e));
                    None
                }
            },
            Err(message) => {
                let shown = img.source.display().to_string();
                diags.push(Diagnostic::error(Code::E0503, shown).arg("message", message));
                None
            }
        })
        .collect()
}

/// Why a smaller copy of an image could not be made.
#[derive(Debug)]
enum ResizeError {
    /// The original could not be read.
    Read(std::io::Error),
    /// The original could not be decoded, or the copy encoded.
    Image(image::ImageError),
}

impl std::fmt::Display for ResizeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResizeError::Read(e) => e.fmt(f),
            ResizeError::Image(e) => e.fmt(f),
        }
    }
}

/// The format of a copy, from its file name: `jpg`, `png` or (any other) WebP.
fn extension(variant: &Variant) -> String {
    variant
        .path
        .rsplit('.')
        .next()
        .unwrap_or("img")
        .to_ascii_lowercase()
}

/// Where the cache keeps the copy `variant` of `img`.
fn cached_copy(img: &Image, variant: &Variant, cache: &Cache) -> PathBuf {
    let ext = extension(variant);
    cache
        .dir
        .join(format!("{:016x}-{}.{ext}", img.key, variant.width))
}

/// The length of the copy `variant` of `img` (whose bytes are `source`): its cached file's,
/// else made (and kept) now.
fn copy_len(
    img: &Image,
    variant: &Variant,
    cache: &Cache,
    source: &[u8],
) -> Result<u64, ResizeError> {
    match std::fs::metadata(cached_copy(img, variant, cache)) {
        Ok(meta) => Ok(meta.len()),
        Err(_) => make_copy(img, variant, cache, source).map(|b| b.len() as u64),
    }
}

/// The copy `variant` of `img`: the cached one, else made (and kept) now.
fn resized(img: &Image, variant: &Variant, cache: &Cache) -> Result<Vec<u8>, ResizeError> {
    if let Ok(bytes) = std::fs::read(cached_copy(img, variant, cache)) {
        return Ok(bytes);
    }
    let source = std::fs::read(&img.source).map_err(ResizeError::Read)?;
    make_copy(img, variant, cache, &source)
}

/// Makes the copy `variant` of `img` from its bytes `source`, and keeps it in the cache.
fn make_copy(
    img: &Image,
    variant: &Variant,
    cache: &Cache,
    source: &[u8],
) -> Result<Vec<u8>, ResizeError> {
    let (ext, cached) = (extension(variant), cached_copy(img, variant, cache));
    let decoded = image::load_from_memory(source).map_err(ResizeError::Image)?;
    // Exactly the width the `srcset` promises (`resize` keeps the ratio and may give 479).
    let small = decoded.resize_exact(
        variant.width,
        variant.height,
        image::imageops::FilterType::Triangle,
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let result = match ext.as_str() {
        "jpg" | "jpeg" => {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 78);
            small.to_rgb8().write_with_encoder(encoder)
        }
        "png" => small.write_to(&mut out, image::ImageFormat::Png),
        _ => small.write_to(&mut out, image::ImageFormat::WebP),
    };
    result.map_err(ResizeError::Image)?;
    let bytes = out.into_inner();
    // The cache only saves time: a failure to keep a copy is not an error.
    if cache.save && std::fs::create_dir_all(&cache.dir).is_ok() {
        let _ = std::fs::write(&cached, &bytes);
    }
    Ok(bytes)
}

/// The `<img>` element for an image: `srcset`, `sizes`, intrinsic size and lazy loading.
/// `src` is the link as the page writes it to the original file.
pub fn img_tag(src: &str, alt: &str, title: &str, image: Option<&Image>) -> String {
    use crate::text::escape_html;
    let mut tag = format!(
        "<img src=\"{}\" alt=\"{}\"",
        escape_html(src),
        escape_html(alt)
    );
    if !title.is_empty() {
        tag.push_str(&format!(" title=\"{}\"", escape_html(title)));
    }
    if let Some(img) = image {
        if !img.variants.is_empty() {
            // Copies sit beside the original: only the file name changes.
            let base = src.rsplit_once('/').map_or("", |(dir, _)| dir);
            let join = |path: &str| {
                let name = path.rsplit('/').next().unwrap_or(path);
                if base.is_empty() {
                    name.to_string()
                } else {
                    format!("{base}/{name}")
                }
            };
            let mut set: Vec<String> = img
                .variants
                .iter()
                .map(|v| format!("{} {}w", join(&v.path), v.width))
                .collect();
            set.push(format!("{src} {}w", img.width));
            tag.push_str(&format!(
                " srcset=\"{}\" sizes=\"(max-width: 48rem) 100vw, 46rem\"",
                escape_html(&set.join(", "))
            ));
        }
        tag.push_str(&format!(
            " width=\"{}\" height=\"{}\"",
            img.width, img.height
        ));
    }
    tag.push_str(" loading=\"lazy\" decoding=\"async\">");
    tag
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stamp::Stamp;

    fn photo(dir: &std::path::Path, w: u32, h: u32) -> PathBuf {
        let path = dir.join("photo.jpg");
        image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        })
        .save(&path)
        .unwrap();
        path
    }

    /// A cache under `dir` that new copies and sizes are saved to.
    fn saving_cache(dir: &std::path::Path) -> Cache {
        Cache {
            dir: dir.join("cache"),
            save: true,
        }
    }

    /// Checks that the sizes file `file` keeps `kept` for `image`, then puts `forged` there
    /// instead, dated well after the image last changed (so that it is trusted).
    fn forge_size(file: &std::path::Path, image: &std::path::Path, kept: &str, forged: &str) {
        let text = std::fs::read_to_string(file).unwrap();
        let line = |size: &str| format!(" {size} {}\n", image.display());
        assert!(text.ends_with(&line(kept)), "{text}");
        std::fs::write(file, text.replace(&line(kept), &line(forged))).unwrap();
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(file)
            .and_then(|f| f.set_modified(later))
            .unwrap();
    }

    #[test]
    fn an_image_read_to_be_measured_is_kept_for_its_copy() {
        let dir = tempfile::tempdir().unwrap();
        let src = photo(dir.path(), 300, 200);
        let cache = saving_cache(dir.path());
        let list = || vec![("a/photo.jpg".to_string(), src.clone())];
        // Sizes taken well after the image was made are trusted by the next build.
        std::thread::sleep(std::time::Duration::from_millis(150));
        let (cat, contents) = catalogue(list(), &cache, known_sizes(&cache));
        assert_eq!(cat["a/photo.jpg"].width, 300);
        let read = contents.get("a/photo.jpg", &src).unwrap();
        assert_eq!(read.bytes, std::fs::read(&src).unwrap());
        assert_eq!(
            read.stamp,
            std::fs::metadata(&src).ok().and_then(|m| Stamp::of(&m))
        );
        // Kept for that file at that path only.
        assert!(contents
            .get("a/photo.jpg", &dir.path().join("other.jpg"))
            .is_none());
        assert!(contents.get("b/photo.jpg", &src).is_none());
        // Its size known from the cache, the image is not read again, and nothing is kept.
        let (cat, contents) = catalogue(list(), &cache, known_sizes(&cache));
        assert_eq!(cat["a/photo.jpg"].height, 200);
        assert!(contents.get("a/photo.jpg", &src).is_none());
    }

    #[test]
    fn a_kept_size_is_used_while_the_image_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let src = photo(dir.path(), 1200, 800);
        let cache = saving_cache(dir.path());
        let size = |cache: &Cache| {
            let (cat, _) = catalogue(
                vec![("a/photo.jpg".into(), src.clone())],
                cache,
                known_sizes(cache),
            );
            (cat["a/photo.jpg"].width, cat["a/photo.jpg"].height)
        };
        assert_eq!(size(&cache), (1200, 800));
        let file = cache.dir.join(Sizes::FILE);
        // A size read back from the cache, not from the image.
        forge_size(&file, &src, "1200 800", "640 480");
        assert_eq!(size(&cache), (640, 480));
        // The image changes: its size is read again, and kept.
        photo(dir.path(), 300, 200);
        assert_eq!(size(&cache), (300, 200));
        let kept = std::fs::read_to_string(&file).unwrap();
        assert!(
            kept.ends_with(&format!(" 300 200 {}\n", src.display())),
            "{kept}"
        );
        // `check` reads the cache but never writes it.
        std::fs::remove_file(&file).unwrap();
        let check = Cache {
            save: false,
            ..cache
        };
        assert_eq!(size(&check), (300, 200));
        assert!(!file.exists());
    }

    #[test]
    fn an_unreadable_image_is_kept_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let broken = dir.path().join("broken.jpg");
        std::fs::write(&broken, b"not a picture").unwrap();
        let cache = saving_cache(dir.path());
        let list = || vec![("broken.jpg".to_string(), broken.clone())];
        assert!(catalogue(list(), &cache, known_sizes(&cache)).0.is_empty());
        // Taken from the cache while the file is unchanged: forged, it is believed.
        forge_size(&cache.dir.join(Sizes::FILE), &broken, "- -", "10 20");
        let (cat, _) = catalogue(list(), &cache, known_sizes(&cache));
        assert_eq!(
            (cat["broken.jpg"].width, cat["broken.jpg"].height),
            (10, 20)
        );
    }

    #[test]
    fn plans_narrower_copies_only() {
        let dir = tempfile::tempdir().unwrap();
        let src = photo(dir.path(), 1200, 800);
        let cache = saving_cache(dir.path());
        let (cat, _) = catalogue(
            vec![("a/photo.jpg".into(), src)],
            &cache,
            known_sizes(&cache),
        );
        let img = &cat["a/photo.jpg"];
        assert_eq!((img.width, img.height), (1200, 800));
        let widths: Vec<u32> = img.variants.iter().map(|v| v.width).collect();
        assert_eq!(widths, [480, 960]);
        assert_eq!(img.variants[0].path, "a/photo-480w.jpg");
        assert_eq!(img.variants[0].height, 320);
    }

    #[test]
    fn resizes_and_reuses_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let src = photo(dir.path(), 1000, 500);
        // Saved at the highest quality, so that both copies are lighter.
        let pixels = image::open(&src).unwrap().to_rgb8();
        let mut bytes = std::io::Cursor::new(Vec::new());
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 100);
        pixels.write_with_encoder(encoder).unwrap();
        std::fs::write(&src, bytes.into_inner()).unwrap();
        let cache = saving_cache(dir.path());
        let (cat, _) = catalogue(vec![("photo.jpg".into(), src)], &cache, known_sizes(&cache));
        let sink = crate::output::MemorySink::new();
        let diags = Diagnostics::new();
        let written = write_variants(&cat, &cache, &sink, &diags);
        assert_eq!(written.len(), 2);
        let copies = std::fs::read_dir(&cache.dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension() == Some("jpg".as_ref()))
            .count();
        assert_eq!(copies, 2, "copies cached");
        let files = sink.into_files();
        let small = image::load_from_memory(&files["photo-480w.jpg"]).unwrap();
        assert_eq!((small.width(), small.height()), (480, 240));
    }

    #[test]
    fn copies_are_kept_by_the_content_of_their_source() {
        let dir = tempfile::tempdir().unwrap();
        let src = photo(dir.path(), 1000, 500);
        let cache = saving_cache(dir.path());
        let copy = || {
            let (cat, _) = catalogue(
                vec![("p.jpg".into(), src.clone())],
                &cache,
                known_sizes(&cache),
            );
            let sink = crate::output::MemorySink::new();
            write_variants(&cat, &cache, &sink, &Diagnostics::new());
            (cat["p.jpg"].key, sink.into_files()["p-480w.jpg"].to_vec())
        };
        let (key, made) = copy();
        assert_eq!(
            key,
            xxhash_rust::xxh3::xxh3_64(&std::fs::read(&src).unwrap())
        );
        // The copy comes from the cache while the source holds the same bytes: a forged one
        // (as long as the real one, so that it is still offered) is believed.
        let kept = cache.dir.join(format!("{key:016x}-480.jpg"));
        let forged = vec![b'x'; made.len()];
        std::fs::write(&kept, &forged).unwrap();
        assert_eq!(copy().1, forged);
        // Other bytes, another key: the copy is made again.
        photo(dir.path(), 1000, 600);
        let (other, remade) = copy();
        assert_ne!(other, key);
        assert_eq!(image::load_from_memory(&remade).unwrap().height(), 288);
    }

    #[test]
    fn copies_are_exactly_as_wide_as_offered_and_lighter_than_the_original() {
        let dir = tempfile::tempdir().unwrap();
        // A noisy photo saved at a very low quality: copies at quality 78 that are not much
        // narrower are heavier than it, and are not offered.
        let noisy = image::RgbImage::from_fn(1999, 1333, |x, y| {
            let n = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)).wrapping_mul(2_654_435_761);
            image::Rgb([(n >> 24) as u8, (n >> 16) as u8, (n >> 8) as u8])
        });
        let path = dir.path().join("noisy.jpg");
        let mut bytes = std::io::Cursor::new(Vec::new());
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 5);
        noisy.write_with_encoder(encoder).unwrap();
        std::fs::write(&path, bytes.into_inner()).unwrap();
        let original = std::fs::metadata(&path).unwrap().len();
        let cache = saving_cache(dir.path());
        let (cat, _) = catalogue(
            vec![("noisy.jpg".into(), path)],
            &cache,
            known_sizes(&cache),
        );
        let img = &cat["noisy.jpg"];
        assert!(!img.variants.iter().any(|v| v.width == 1600), "{img:?}");
        assert_eq!(scaled_height(1999, 1333, 480), 320);
        let sink = crate::output::MemorySink::new();
        write_variants(&cat, &cache, &sink, &Diagnostics::new());
        let files = sink.into_files();
        for v in &img.variants {
            let copy = image::load_from_memory(&files[&v.path]).unwrap();
            assert_eq!((copy.width(), copy.height()), (v.width, v.height));
            assert!((files[&v.path].len() as u64) < original);
        }
    }

    #[test]
    fn img_tag_offers_every_width() {
        let img = Image {
            key: 0,
            source: PathBuf::new(),
            width: 1200,
            height: 800,
            variants: vec![Variant {
                width: 480,
                height: 320,
                path: "a/p-480w.jpg".into(),
            }],
        };
        let tag = img_tag("../a/p.jpg", "Máy \"đóng gói\"", "", Some(&img));
        assert!(
            tag.contains("srcset=\"../a/p-480w.jpg 480w, ../a/p.jpg 1200w\""),
            "{tag}"
        );
        assert!(tag.contains("width=\"1200\" height=\"800\" loading=\"lazy\""));
        assert!(tag.contains("alt=\"Máy &quot;đóng gói&quot;\""));
    }
}
