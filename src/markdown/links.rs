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
    /// A destination a shortcode's template wrote (located at the shortcode's call).
    Shortcode,
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
    let parts = Parts::split(dest);
    let resolved = if parts.path_part.is_empty() || parts.path_part.starts_with('?') {
        let target = LinkTarget::Page {
            path: cx.page_path.to_string(),
            anchor: parts.anchor(),
        };
        Ok((dest.to_string(), target))
    } else if let Some(key) = content_key(parts.path, cx) {
        resolve_content_link(&parts, &key, cx).ok_or(Code::E0301)
    } else if let Some(site_path) = content_file(parts.path, cx) {
        Ok(resolve_content_file(&parts, site_path, cx))
    } else {
        resolve_site_path(&parts, is_image, cx)
    };
    match resolved {
        Ok((href, target)) => (href, Some(target)),
        Err(code) => {
            diags.push(with_target(
                Diagnostic::error(code, cx.source).at(pos.0, pos.1),
                parts.path_part,
            ));
            (dest.to_string(), Some(LinkTarget::Reported))
        }
    }
}

/// An internal destination split into `path?query#anchor`.
struct Parts<'a> {
    /// The destination as written.
    dest: &'a str,
    /// Path and query, as diagnostics name the target.
    path_part: &'a str,
    /// The path alone: the query is the target page's business, split off before it resolves.
    path: &'a str,
    query: Option<&'a str>,
    /// The `#id` part, without `#`.
    anchor: Option<&'a str>,
}

impl<'a> Parts<'a> {
    fn split(dest: &'a str) -> Self {
        let (path_part, anchor) = match dest.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (dest, None),
        };
        let (path, query) = match path_part.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path_part, None),
        };
        Parts {
            dest,
            path_part,
            path,
            query,
            anchor,
        }
    }

    fn anchor(&self) -> Option<String> {
        self.anchor.map(str::to_string)
    }

    /// `site_path` with the query.
    fn with_query(&self, site_path: &str) -> String {
        match self.query {
            Some(q) => [site_path, "?", q].concat(),
            None => site_path.to_string(),
        }
    }

    /// `site_path` with the query and the anchor.
    fn with_suffix(&self, site_path: &str) -> String {
        let with_query = self.with_query(site_path);
        match self.anchor {
            Some(a) => [&with_query, "#", a].concat(),
            None => with_query,
        }
    }
}

/// The content path a link to a page's source names: `@/news/a.md`, or a `.md` file relative
/// to the page's folder.
fn content_key(path: &str, cx: &Context) -> Option<String> {
    if let Some(key) = path.strip_prefix("@/") {
        Some(key.to_string())
    } else if (path.ends_with(".md") || path.ends_with(".markdown")) && !path.starts_with('/') {
        normalize(&[cx.content_dir, "/", path].concat())
    } else {
        None
    }
}

/// A link to the page whose source is `key`; `None` when no published page has that source.
fn resolve_content_link(parts: &Parts, key: &str, cx: &Context) -> Option<(String, LinkTarget)> {
    let site_path = (cx.resolve)(key)?;
    let href = cx.style.href(cx.page_path, &parts.with_suffix(&site_path));
    let target = LinkTarget::Page {
        path: site_path,
        anchor: parts.anchor(),
    };
    Some((href, target))
}

/// A file beside the source (`shot.png`, `../assets/logo.png`), as an editor previews it.
fn resolve_content_file(parts: &Parts, site_path: String, cx: &Context) -> (String, LinkTarget) {
    let as_written = normalize(&[cx.page_path, parts.path].concat());
    let href = if as_written.is_some_and(|p| percent_decode(&p) == site_path) {
        parts.dest.to_string()
    } else {
        cx.style
            .href(cx.page_path, &parts.with_suffix(&encode_path(&site_path)))
    };
    (href, LinkTarget::File(site_path))
}

/// A site path, absolute (`/news/`) or relative to the page (`../b/`); `Err` holds the code
/// of a path that leaves the site (E0301) or of a file that no one writes (E0303).
fn resolve_site_path(
    parts: &Parts,
    is_image: bool,
    cx: &Context,
) -> Result<(String, LinkTarget), Code> {
    let joined = match parts.path.strip_prefix('/') {
        Some(abs) => normalize(abs),
        None => normalize(&[cx.page_path, parts.path].concat()),
    };
    let site_path = joined.ok_or(Code::E0301)?;
    let is_file = is_image || site_path.rsplit('/').next().is_some_and(has_extension);
    if is_file && is_missing(&site_path, is_image, cx) {
        return Err(Code::E0303);
    }
    let target_path = if is_file || site_path.is_empty() || site_path.ends_with('/') {
        site_path
    } else {
        // A page is a folder: `/news/post` must reach `news/post/` from `file://` too.
        site_path + "/"
    };
    // A relative file (`photo.jpg`) works as written wherever the page is opened.
    let href = if is_file && !parts.path.starts_with('/') {
        parts.dest.to_string()
    } else {
        cx.style
            .href(cx.page_path, &parts.with_suffix(&target_path))
    };
    let target = if is_file {
        LinkTarget::File(percent_decode(&target_path))
    } else {
        LinkTarget::Page {
            path: target_path,
            anchor: parts.anchor(),
        }
    };
    Ok((href, target))
}

/// The site path of the file of `content/` that `path` names from the page's source folder.
fn content_file(path: &str, cx: &Context) -> Option<String> {
    let files = cx.files?;
    if path.starts_with('/') {
        return None;
    }
    let key = normalize(&[cx.content_dir, "/", &percent_decode(path)].concat())?;
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
    // Each value is located at the `<` of its tag (as a Markdown link at its `[`), `pos`
    // being where `html` starts.
    let (mut at, mut counted) = (pos, 0);
    while let Some((before, attr, quote, value, after)) = next_url_attr(rest) {
        let attr_start = html.len() - rest.len() + before.len();
        let tag_start = html[..attr_start].rfind('<').unwrap_or(attr_start);
        if tag_start > counted {
            at = advance(at, &html[counted..tag_start]);
            counted = tag_start;
        }
        result.push_str(before);
        result.push_str(attr);
        result.push(quote);
        let decoded = value.replace("&amp;", "&");
        let written = rewrite(&decoded, attr.starts_with("src"), cx, at, out, diags);
        result.push_str(&crate::text::escape_html(&written));
        result.push(quote);
        rest = after;
    }
    result.push_str(rest);
    result
}

/// Records the `href` and `src` values of a shortcode's output, called at `pos`, that the
/// call's own arguments did not record already: `check` reports a broken one at the call.
pub fn record_shortcode_output(html: &str, pos: (usize, usize), out: &mut Rendered) {
    let mut rest = html;
    while let Some((_, _, _, value, after)) = next_url_attr(rest) {
        rest = after;
        let href = value.replace("&amp;", "&");
        let known = out
            .links
            .iter()
            .any(|l| (l.line, l.col) == pos && l.href == href);
        if !known && !href.is_empty() {
            out.links.push(Link {
                line: pos.0,
                col: pos.1,
                dest: href.clone(),
                href,
                target: LinkTarget::Shortcode,
            });
        }
    }
}

/// `d` (E0301 or E0303) naming the path as written, and where such a path is looked for (the
/// `from` selector of E0303's hint): from the site's root (`/tai-lieu/a.pdf`: static/, then
/// content/) or from the page's folder.
pub fn with_target(d: Diagnostic, path: &str) -> Diagnostic {
    let from = if path.starts_with('/') {
        "root"
    } else {
        "page"
    };
    d.arg("target", path).arg("from", from)
}

/// The line and column (in characters) just after `text` written from `pos`.
fn advance(pos: (usize, usize), text: &str) -> (usize, usize) {
    match text.rfind('\n') {
        Some(i) => (
            pos.0 + text.matches('\n').count(),
            text[i + 1..].chars().count() + 1,
        ),
        None => (pos.0, pos.1 + text.chars().count()),
    }
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
