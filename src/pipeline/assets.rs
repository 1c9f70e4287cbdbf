//! Files copied or derived rather than rendered: theme and site static files, bundle assets,
//! the code stylesheet, and the images to resize.

use crate::diagnostics::{Code, Diagnostic, Sink as Diagnostics};
use crate::images::Contents;
use crate::markdown::{self, LinkTarget, Rendered};
use crate::output::{CopyFrom, Sink};
use crate::site::Files;
use crate::site::Site;
use crate::theme::{Source, Theme};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The files of `content/` outside page bundles that pages use, by site path: each is
/// published once, at its path under `content/`.
pub(super) fn used_files(rendered: &[Rendered], files: &Files) -> BTreeMap<String, PathBuf> {
    let mut used = BTreeMap::new();
    for r in rendered {
        let links = r.links.iter().filter_map(|l| match &l.target {
            LinkTarget::File(path) => Some(path),
            _ => None,
        });
        for path in links.chain(&r.lead_image) {
            if let Some(source) = files.on_demand(path) {
                used.insert(path.clone(), source.clone());
            }
        }
    }
    used
}

/// W0660 for each file of `content/` that no written file refers to (`check` only).
pub(super) fn unused_files(
    files: &Files,
    written: &std::collections::HashMap<String, crate::verify::Facts>,
    style: &crate::site::UrlStyle,
    origins: &super::links::Origins,
) -> Vec<Diagnostic> {
    let referenced = crate::verify::referenced(written, style);
    files
        .unused(
            |path| referenced.contains(path),
            |path| origins.contains_key(path),
        )
        .into_iter()
        .map(|u| {
            let state = match (u.shadowed, u.published) {
                (true, _) => "shadowed",
                (false, true) => "yes",
                (false, false) => "no",
            };
            Diagnostic::warning(Code::W0660, format!("content/{}", u.key)).arg("published", state)
        })
        .collect()
}

/// The image files of the site on disk, by site path: bundle assets, static files, and the
/// other images of `content/` (pages may use them).
pub(super) fn image_files(site: &Site, theme: &Theme, content: &Files) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = content
        .all_on_demand()
        .filter(|(path, _)| crate::images::is_image(path))
        .map(|(path, source)| (path.clone(), source.clone()))
        .collect();
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
pub(super) fn check_lead_images(
    site: &Site,
    rendered: &[Rendered],
    static_paths: &HashSet<String>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (page, rendered) in site.pages.iter().zip(rendered) {
        let (Some(image), Some(path)) = (page.meta.image.as_deref(), &rendered.lead_image) else {
            continue;
        };
        if !static_paths.contains(path) {
            let d =
                crate::markdown::with_target(Diagnostic::error(Code::E0303, &page.source), image);
            let line = page.line_of("image");
            diags.push(match line {
                Some(line) => d.at(line, 1),
                None => d,
            });
        }
    }
    diags
}

/// Copies theme and site static files, bundle assets, the files of `content/` that pages
/// use, and the code stylesheet.
pub(super) fn write_static(
    site: &Site,
    theme: &Theme,
    used: &BTreeMap<String, PathBuf>,
    contents: &Contents,
    sink: &dyn Sink,
    diags: &Diagnostics,
) -> Vec<String> {
    // An image read whole while it was measured is copied from memory.
    let copy = |path: &str, source: &Path| {
        let from = contents
            .get(path, source)
            .map_or(CopyFrom::File(source), CopyFrom::Read);
        sink.copy(path, from)
    };
    let mut written = Vec::new();
    let mut put = |path: String, result: std::io::Result<()>| match result {
        Ok(()) => written.push(path),
        Err(e) => diags.push(Diagnostic::error(Code::E0503, &path).arg("message", e)),
    };
    for (path, source) in &theme.static_files {
        let result = match source {
            Source::Disk(file) => copy(path, file),
            Source::Embedded(bytes) => sink.write(path, bytes),
        };
        put(path.clone(), result);
    }
    let stylesheet = markdown::highlight::stylesheet();
    put(
        "syntax.css".to_string(),
        sink.write("syntax.css", stylesheet.as_bytes()),
    );
    for page in &site.pages {
        for asset in &page.assets {
            let Some(name) = asset.file_name() else {
                continue;
            };
            let path = format!("{}{}", page.path, name.to_string_lossy());
            let result = copy(&path, asset);
            put(path, result);
        }
    }
    for (path, source) in used {
        put(path.clone(), copy(path, source));
    }
    written
}
