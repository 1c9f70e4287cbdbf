//! Link destinations in Markdown: `@/` content links, relative `.md` links, site-absolute
//! paths, and the record of every internal target for the link checker.

use super::{Context, Rendered};
use crate::diagnostics::{Code, Diagnostic};
use crate::site::url::{encode_path, normalize, percent_decode};

/// A link or image of a page's Markdown, for `check` to trace a broken reference of the
/// output back to where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Line in the source file.
    pub line: usize,
    /// Column (in characters) of the link in that line.
    pub col: usize,
    /// The destination as the author wrote it.
    pub dest: String,
    /// The destination as written into the HTML.
    pub href: String,
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
    /// A destination already reported as broken while rendering.
    Reported,
}

/// Rewrites one destination written at `pos` (line, column) and records it; returns the
/// destination to write.
pub fn rewrite(
    dest: &str,
    is_image: bool,
    cx: &Context,
    pos: (usize, usize),
    out: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let dest = dest.trim();
    let (href, target) = resolve(dest, is_image, cx, pos, diags);
    if let Some(target) = target {
        out.links.push(Link {
            line: pos.0,
            col: pos.1,
            dest: dest.to_string(),
            href: href.clone(),
            target,
        });
    }
    href
}

/// The destination to write for `dest` and what it points at (`None`: nothing to record).
fn resolve(
    dest: &str,
    is_image: bool,
    cx: &Context,
    pos: (usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> (String, Option<LinkTarget>) {
    if dest.starts_with("http://") || dest.starts_with("https://") {
        return (
            dest.to_string(),
            Some(LinkTarget::External(dest.to_string())),
        );
    }
    if dest.is_empty() || is_external(dest) {
        return (dest.to_string(), None);
    }
    let (path_part, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    let with_anchor = |site_path: &str| match &anchor {
        Some(a) => format!("{site_path}#{a}"),
        None => site_path.to_string(),
    };
    let broken = |diags: &mut Vec<Diagnostic>| {
        diags.push(
            Diagnostic::error(Code::E0301, cx.source)
                .at(pos.0, pos.1)
                .arg("target", path_part),
        );
        (dest.to_string(), Some(LinkTarget::Reported))
    };
    if path_part.is_empty() || path_part.starts_with('?') {
        let target = LinkTarget::Page {
            path: cx.page_path.to_string(),
            anchor,
        };
        return (dest.to_string(), Some(target));
    }
    // The query is the target page's business: it is split off before the path resolves.
    let (path_only, query) = match path_part.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_part, None),
    };
    let with_query = |site_path: &str| match query {
        Some(q) => format!("{site_path}?{q}"),
        None => site_path.to_string(),
    };
    let content_key = if let Some(key) = path_only.strip_prefix("@/") {
        Some(key.to_string())
    } else if (path_only.ends_with(".md") || path_only.ends_with(".markdown"))
        && !path_only.starts_with('/')
    {
        normalize(&format!("{}/{}", cx.content_dir, path_only))
    } else {
        None
    };
    if let Some(key) = content_key {
        return match (cx.resolve)(&key) {
            Some(site_path) => {
                let href = cx
                    .style
                    .href(cx.page_path, &with_anchor(&with_query(&site_path)));
                let target = LinkTarget::Page {
                    path: site_path,
                    anchor,
                };
                (href, Some(target))
            }
            None => broken(diags),
        };
    }
    // A file beside the source (`shot.png`, `../assets/logo.png`), as an editor previews it.
    if let Some(site_path) = content_file(path_only, cx) {
        let as_written = normalize(&format!("{}{}", cx.page_path, path_only));
        let href = if as_written.is_some_and(|p| percent_decode(&p) == site_path) {
            dest.to_string()
        } else {
            cx.style.href(
                cx.page_path,
                &with_anchor(&with_query(&encode_path(&site_path))),
            )
        };
        return (href, Some(LinkTarget::File(site_path)));
    }
    let joined = match path_only.strip_prefix('/') {
        Some(abs) => normalize(abs),
        None => normalize(&format!("{}{}", cx.page_path, path_only)),
    };
    let Some(site_path) = joined else {
        return broken(diags);
    };
    let is_file = is_image || site_path.rsplit('/').next().is_some_and(has_extension);
    if is_file && is_missing(&site_path, is_image, cx) {
        diags.push(
            Diagnostic::error(Code::E0303, cx.source)
                .at(pos.0, pos.1)
                .arg("target", path_part),
        );
        return (dest.to_string(), Some(LinkTarget::Reported));
    }
    let target_path = if is_file || site_path.is_empty() || site_path.ends_with('/') {
        site_path
    } else {
        // A page is a folder: `/news/post` must reach `news/post/` from `file://` too.
        format!("{site_path}/")
    };
    let to = with_query(&target_path);
    // A relative file (`photo.jpg`) works as written wherever the page is opened.
    let href = if is_file && !path_only.starts_with('/') {
        dest.to_string()
    } else {
        cx.style.href(cx.page_path, &with_anchor(&to))
    };
    let target = if is_file {
        LinkTarget::File(percent_decode(&target_path))
    } else {
        LinkTarget::Page {
            path: target_path,
            anchor,
        }
    };
    (href, Some(target))
}

/// The site path of the file of `content/` that `path` names from the page's source folder.
fn content_file(path: &str, cx: &Context) -> Option<String> {
    let files = cx.files?;
    if path.starts_with('/') {
        return None;
    }
    let key = normalize(&format!("{}/{}", cx.content_dir, percent_decode(path)))?;
    files.site_path(&key, cx.lang).map(str::to_string)
}

/// Whether the file a page shows or offers at `site_path` is written by no one: an error of
/// the build. Files that sachhon generates (feeds, the search index, open data) are left to
/// `check`, which reads the whole output.
fn is_missing(site_path: &str, is_image: bool, cx: &Context) -> bool {
    const GENERATED: [&str; 8] = ["html", "htm", "xml", "json", "csv", "txt", "css", "js"];
    let Some(files) = cx.files else {
        return false;
    };
    let ext = site_path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    let generated = ext.is_some_and(|e| GENERATED.contains(&e.as_str()));
    (is_image || !generated) && !files.is_file(&percent_decode(site_path))
}

/// Whether the last segment of a path names a file: `report.pdf`, `photo.JPG`, but not
/// `v1.2` (a version in a page's name).
fn has_extension(segment: &str) -> bool {
    segment.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
            && ext.chars().any(|c| c.is_ascii_alphabetic())
    })
}

/// Rewrites the `href` and `src` attributes of a piece of raw HTML written at `pos` like
/// Markdown links: root-relative URLs get the base path (or become relative for `file://`),
/// pages get their trailing `/`, and each is recorded for `check`.
pub fn rewrite_raw_html(
    html: &str,
    cx: &Context,
    pos: (usize, usize),
    out: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let mut result = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((before, attr, quote, value, after)) = next_url_attr(rest) {
        result.push_str(before);
        result.push_str(attr);
        result.push(quote);
        let decoded = value.replace("&amp;", "&");
        let written = rewrite(&decoded, attr.starts_with("src"), cx, pos, out, diags);
        result.push_str(&crate::text::escape_html(&written));
        result.push(quote);
        rest = after;
    }
    result.push_str(rest);
    result
}

/// The next quoted `href=` or `src=` value of `html`: (text before, `href=`, quote, value,
/// text after the closing quote).
fn next_url_attr(html: &str) -> Option<(&str, &str, char, &str, &str)> {
    let mut from = 0;
    loop {
        let rel = html[from..].find(['h', 's', 'H', 'S'])?;
        let at = from + rel;
        let preceded = html[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace);
        let lower = html[at..].get(..5).map(str::to_ascii_lowercase);
        let name_len = match lower.as_deref() {
            Some("href=") => 5,
            Some(l) if l.starts_with("src=") => 4,
            _ => 0,
        };
        if preceded && name_len > 0 {
            let after_name = &html[at + name_len..];
            if let Some(quote) = after_name
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'')
            {
                let value_start = at + name_len + 1;
                if let Some(len) = html[value_start..].find(quote) {
                    let end = value_start + len;
                    return Some((
                        &html[..at],
                        &html[at..at + name_len],
                        quote,
                        &html[value_start..end],
                        &html[end + 1..],
                    ));
                }
            }
        }
        from = at + 1;
    }
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
