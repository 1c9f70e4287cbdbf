//! Link destinations in Markdown: `@/` content links, relative `.md` links, site-absolute
//! paths, and the record of every internal target for the link checker.

use super::{Context, Rendered};
use crate::diagnostics::Diagnostic;
use crate::site::url::normalize;

/// An internal link found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Line in the source file.
    pub line: usize,
    /// What it points at.
    pub target: LinkTarget,
}

/// The target of an internal link, as a site path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A page (`news/a/`), maybe at an anchor.
    Page {
        /// URL path of the page.
        path: String,
        /// The `#id` part, without `#`.
        anchor: Option<String>,
    },
    /// A file: an image, a PDF, a stylesheet (`case-studies/a/photo.jpg`).
    File(String),
    /// A page of another site (`https://...`), checked only by `check --external`.
    External(String),
}

/// Rewrites one destination and records it; returns the destination to write.
pub fn rewrite(
    dest: &str,
    is_image: bool,
    cx: &Context,
    line: usize,
    out: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let dest = dest.trim();
    if dest.starts_with("http://") || dest.starts_with("https://") {
        out.links.push(Link {
            line,
            target: LinkTarget::External(dest.to_string()),
        });
        return dest.to_string();
    }
    if dest.is_empty() || is_external(dest) {
        return dest.to_string();
    }
    let (path_part, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    let with_anchor = |site_path: &str| match &anchor {
        Some(a) => format!("{site_path}#{a}"),
        None => site_path.to_string(),
    };
    if path_part.is_empty() {
        out.links.push(Link {
            line,
            target: LinkTarget::Page {
                path: cx.page_path.to_string(),
                anchor,
            },
        });
        return dest.to_string();
    }
    let content_key = if let Some(key) = path_part.strip_prefix("@/") {
        Some(key.to_string())
    } else if (path_part.ends_with(".md") || path_part.ends_with(".markdown"))
        && !path_part.starts_with('/')
    {
        normalize(&format!("{}/{}", cx.content_dir, path_part))
    } else {
        None
    };
    if let Some(key) = content_key {
        return match (cx.resolve)(&key) {
            Some(site_path) => {
                let href = cx.style.href(cx.page_path, &with_anchor(&site_path));
                out.links.push(Link {
                    line,
                    target: LinkTarget::Page {
                        path: site_path,
                        anchor,
                    },
                });
                href
            }
            None => {
                diags.push(
                    Diagnostic::error("E0301", cx.source)
                        .at(line, 1)
                        .arg("target", path_part),
                );
                dest.to_string()
            }
        };
    }
    let (site_path, written) = if let Some(abs) = path_part.strip_prefix('/') {
        let href = cx.style.href(cx.page_path, &with_anchor(abs));
        (normalize(abs), href)
    } else {
        (
            normalize(&format!("{}{}", cx.page_path, path_part)),
            dest.to_string(),
        )
    };
    let Some(site_path) = site_path else {
        diags.push(
            Diagnostic::error("E0301", cx.source)
                .at(line, 1)
                .arg("target", path_part),
        );
        return dest.to_string();
    };
    let is_file = is_image
        || site_path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'));
    out.links.push(Link {
        line,
        target: if is_file {
            LinkTarget::File(site_path)
        } else {
            let path = if site_path.is_empty() || site_path.ends_with('/') {
                site_path
            } else {
                format!("{site_path}/")
            };
            LinkTarget::Page { path, anchor }
        },
    });
    written
}

fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !scheme.contains('/')
        })
}
