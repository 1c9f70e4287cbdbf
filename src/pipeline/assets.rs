//! Files copied or derived rather than rendered: theme and site static files, bundle assets,
//! the code stylesheet, and the images to resize.

use crate::diagnostics::{Diagnostic, Sink as Diagnostics};
use crate::markdown;
use crate::output::Sink;
use crate::site::Site;
use crate::theme::Theme;
use std::collections::HashSet;
use std::path::PathBuf;

/// The image files of the site on disk, by site path: bundle assets and static files.
pub(super) fn image_files(site: &Site, theme: &Theme) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for page in &site.pages {
        for asset in &page.assets {
            let name = asset.file_name().map(|n| n.to_string_lossy().to_string());
            if let Some(name) = name.filter(|n| crate::images::is_image(n)) {
                files.push((format!("{}{name}", page.path), asset.clone()));
            }
        }
    }
    for (path, source) in &theme.static_files {
        if let crate::theme::Source::Disk(file) = source {
            if crate::images::is_image(path) {
                files.push((path.clone(), file.clone()));
            }
        }
    }
    files
}

/// The output files that are copied rather than rendered: what an alias may not replace.
pub(super) fn static_paths(site: &Site, theme: &Theme) -> HashSet<String> {
    let mut paths: HashSet<String> = theme.static_files.keys().cloned().collect();
    paths.insert("syntax.css".to_string());
    for page in &site.pages {
        for asset in &page.assets {
            if let Some(name) = asset.file_name() {
                paths.insert(format!("{}{}", page.path, name.to_string_lossy()));
            }
        }
    }
    paths
}

/// E0303 for each front-matter `image:` that names no file of the site: it would be published
/// as a broken image (and a broken `og:image`), as a missing image in the body would be.
pub(super) fn check_lead_images(site: &Site, static_paths: &HashSet<String>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for page in &site.pages {
        let Some(image) = page.meta.image.as_deref() else {
            continue;
        };
        let Some(path) = crate::render::values::image_path(&page.path, image) else {
            continue;
        };
        if !static_paths.contains(&path) {
            let d = Diagnostic::error("E0303", &page.source).arg("target", image);
            let line = page.line_of("image");
            diags.push(match line {
                Some(line) => d.at(line, 1),
                None => d,
            });
        }
    }
    diags
}

/// Copies theme and site static files, bundle assets and the code stylesheet.
pub(super) fn write_static(
    site: &Site,
    theme: &Theme,
    sink: &dyn Sink,
    diags: &Diagnostics,
) -> Vec<String> {
    let mut written = Vec::new();
    let mut put = |path: String, bytes: std::io::Result<std::borrow::Cow<[u8]>>| match bytes
        .and_then(|b| sink.write(&path, &b))
    {
        Ok(()) => written.push(path),
        Err(e) => diags.push(Diagnostic::error("E0503", &path).arg("message", e)),
    };
    for (path, source) in &theme.static_files {
        put(path.clone(), source.read());
    }
    put(
        "syntax.css".to_string(),
        Ok(std::borrow::Cow::Owned(
            markdown::highlight::stylesheet().into_bytes(),
        )),
    );
    for page in &site.pages {
        for asset in &page.assets {
            let Some(name) = asset.file_name() else {
                continue;
            };
            let path = format!("{}{}", page.path, name.to_string_lossy());
            put(path, std::fs::read(asset).map(std::borrow::Cow::Owned));
        }
    }
    written
}
