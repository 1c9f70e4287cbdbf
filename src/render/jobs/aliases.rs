//! Redirects from old URLs (`aliases:`): each one must own its file. An alias that would
//! replace a page, a generated page, a static file or another page's alias is an error naming
//! both sides; one equal to its own page's URL is dropped with a warning.

use super::{file_for, output_file, Job};
use crate::diagnostics::{Code, Diagnostic};
use crate::site::Site;
use std::collections::{HashMap, HashSet};

/// What already writes an output file.
enum Owner {
    /// A job other than an alias.
    Job(usize),
    /// A static file or a bundle asset.
    Static,
    /// An alias of a page.
    Alias(usize),
}

/// The alias jobs of the site; collisions go to `diags`.
pub(super) fn list(
    site: &Site,
    jobs: &[Job],
    reserved: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Job> {
    let mut owners: HashMap<String, Owner> = jobs
        .iter()
        .enumerate()
        .map(|(i, job)| (output_file(site, job), Owner::Job(i)))
        .collect();
    for file in reserved {
        owners.entry(file.clone()).or_insert(Owner::Static);
    }
    let mut aliases = Vec::new();
    for (id, page) in site.pages.iter().enumerate() {
        let at = page.line_of("aliases").map(|l| (l, 1));
        for alias in &page.meta.aliases {
            let Some(path) = alias_path(alias, &site.config.base_path) else {
                diags.push(
                    Diagnostic::error(Code::E0204, &page.source)
                        .at_opt(at)
                        .arg("value", alias),
                );
                continue;
            };
            let file = file_for(&path);
            if file == file_for(&page.path) {
                diags.push(
                    Diagnostic::warning(Code::W0301, &page.source)
                        .at_opt(at)
                        .arg("url", format!("/{path}")),
                );
                continue;
            }
            // A file where the alias needs a folder (`/logo.svg/`) is taken as well.
            let owner = file
                .match_indices('/')
                .find_map(|(i, _)| owners.get(&file[..i]))
                .or_else(|| owners.get(&file));
            match owner {
                None => {
                    owners.insert(file, Owner::Alias(id));
                    aliases.push(Job::Alias(path, id));
                }
                Some(owner) => {
                    diags.extend(clash(site, id, &path, owner, jobs));
                }
            }
        }
    }
    aliases
}

/// The errors of the alias `path` of page `id` on a file that `owner` writes.
fn clash(site: &Site, id: usize, path: &str, owner: &Owner, jobs: &[Job]) -> Vec<Diagnostic> {
    let page = &site.pages[id];
    let located = |p: usize| {
        let other = &site.pages[p];
        match other.line_of("aliases").or(other.line_of("title")) {
            Some(line) => format!("{}:{line}", other.source),
            None => other.source.clone(),
        }
    };
    let error = |kind: &str, other: String| {
        Diagnostic::error(Code::E0205, &page.source)
            .at_opt(page.line_of("aliases").map(|l| (l, 1)))
            .arg("url", format!("/{path}"))
            .arg("owner", kind)
            .arg("other", other)
    };
    match owner {
        Owner::Job(i) => match &jobs[*i] {
            Job::Page(p) => vec![error("page", located(*p))],
            _ => vec![error("generated", format!("/{path}"))],
        },
        Owner::Static => vec![error("static", format!("/{path}"))],
        Owner::Alias(other) => {
            let mut both = vec![error("alias", located(*other))];
            if let Some(line) = site.pages[*other].line_of("aliases") {
                both.push(
                    Diagnostic::error(Code::E0205, &site.pages[*other].source)
                        .at(line, 1)
                        .arg("url", format!("/{path}"))
                        .arg("owner", "alias")
                        .arg("other", located(id)),
                );
            }
            both
        }
    }
}

/// An alias as a site path (`/old/url/` -> `old/url/`), or `None` when unusable.
pub(super) fn alias_path(alias: &str, base_path: &str) -> Option<String> {
    let trimmed = alias.trim();
    let without_base = trimmed
        .strip_prefix(base_path)
        .or_else(|| trimmed.strip_prefix('/'))
        .unwrap_or(trimmed);
    if trimmed.contains("://") || without_base.contains('\\') {
        return None;
    }
    let normalized = crate::site::url::normalize(without_base)?;
    if normalized.is_empty() || without_base.split('/').any(|p| p == "..") {
        return None;
    }
    let path = if normalized.ends_with(".html") || normalized.ends_with('/') {
        normalized
    } else {
        format!("{normalized}/")
    };
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_stay_inside() {
        assert_eq!(alias_path("/old/url", "/kb/"), Some("old/url/".into()));
        assert_eq!(alias_path("/kb/old.html", "/kb/"), Some("old.html".into()));
        assert_eq!(alias_path("/../x", "/"), None);
        assert_eq!(alias_path("https://evil.example/", "/"), None);
        assert_eq!(alias_path("/index.html", "/"), Some("index.html".into()));
    }
}
