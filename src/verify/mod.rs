//! The proof that a built site works, taken from the files sachhon wrote: every reference of
//! every HTML, XML and CSS file resolves to a written file, every `#fragment` to an id of its
//! target, and every feed and sitemap is well-formed XML. `check` runs it over the whole build;
//! `cargo test` runs it over every fixture.

mod extract;
mod resolve;

pub use extract::{facts, Facts};
pub use resolve::{resolve, Resolved};

use crate::output::Sink;
use crate::site::UrlStyle;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io;
use std::sync::Mutex;

/// A sink that reads each file as it is written (references, ids, XML well-formedness) before
/// passing it on.
pub struct Recorder<'a> {
    inner: &'a dyn Sink,
    files: Mutex<HashMap<String, Facts>>,
}

impl<'a> Recorder<'a> {
    /// Records what is written to `inner`.
    pub fn new(inner: &'a dyn Sink) -> Self {
        Recorder {
            inner,
            files: Mutex::default(),
        }
    }

    /// Every file written, with its facts.
    pub fn into_files(self) -> HashMap<String, Facts> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Recorder<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let mut facts = facts(path, bytes);
        facts.refs.sort_unstable();
        facts.refs.dedup();
        self.inner.write(path, bytes)?;
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), facts);
        Ok(())
    }
}

/// What is wrong with one reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No file of the output is there.
    Missing,
    /// No file is there, but one is at the same path in lower case (`/functions/urls/pathunescape/`
    /// for `/functions/urls/PathUnescape/`; addresses are case-sensitive on a web server).
    WrongCase(String),
    /// The target page has no element with this id; the page's id most like it, if one is.
    NoFragment(String, Option<String>),
    /// A folder named without its trailing `/`, which `file://` cannot open.
    FolderWithoutSlash,
    /// Outside the base path, or above the root.
    OutsideSite,
    /// Root-relative in a build for `file://`.
    RootInRelativeBuild,
    /// The file is not well-formed XML: line, column, reason.
    BadXml(usize, usize, String),
}

/// One broken reference of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The output file that holds it (`en/index.html`).
    pub file: String,
    /// The URL as written there (empty for [`Problem::BadXml`]).
    pub url: String,
    /// The site path it leads to, when it resolves to one.
    pub target: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

/// Every broken reference of the output `files`, written in `style`, in file order.
pub fn verify(files: &HashMap<String, Facts>, style: &UrlStyle) -> Vec<Broken> {
    let mut broken: Vec<Broken> = files
        .par_iter()
        .flat_map_iter(|(file, facts)| {
            let xml = facts.xml_error.clone().map(|(line, col, reason)| Broken {
                file: file.clone(),
                url: String::new(),
                target: None,
                problem: Problem::BadXml(line, col, reason),
            });
            let refs = facts
                .refs
                .iter()
                .filter_map(|url| check_one(files, style, file, url));
            let site_refs = facts
                .site_refs
                .iter()
                .filter_map(|path| check_site_path(files, file, path));
            xml.into_iter()
                .chain(refs)
                .chain(site_refs)
                .collect::<Vec<_>>()
        })
        .collect();
    broken.sort_by(|a, b| (&a.file, &a.url).cmp(&(&b.file, &b.url)));
    broken
}

/// Every site path that some file of `files` refers to (the target of a link, an image, a
/// stylesheet), whether or not it exists.
pub fn referenced(files: &HashMap<String, Facts>, style: &UrlStyle) -> HashSet<String> {
    files
        .par_iter()
        .flat_map_iter(|(file, facts)| {
            let refs = facts
                .refs
                .iter()
                .filter_map(move |url| match resolve(style, file, url) {
                    Resolved::Internal { path, .. } => Some(path),
                    _ => None,
                });
            refs.chain(facts.site_refs.iter().cloned())
        })
        .collect()
}

fn check_one(
    files: &HashMap<String, Facts>,
    style: &UrlStyle,
    file: &str,
    url: &str,
) -> Option<Broken> {
    let problem = |target: Option<&str>, problem| {
        Some(Broken {
            file: file.to_string(),
            url: url.to_string(),
            target: target.map(str::to_string),
            problem,
        })
    };
    let (path, fragment) = match resolve(style, file, url) {
        Resolved::Elsewhere => return None,
        Resolved::OutsideSite => return problem(None, Problem::OutsideSite),
        Resolved::RootInRelativeBuild => return problem(None, Problem::RootInRelativeBuild),
        Resolved::Internal { path, fragment } => (path, fragment),
    };
    let found = match lookup(files, &path) {
        Lookup::File(found) => found,
        Lookup::Folder(found) if !style.relative => found,
        Lookup::Folder(_) => return problem(Some(&path), Problem::FolderWithoutSlash),
        Lookup::Missing => {
            let lower = path.to_lowercase();
            let wrong_case = lower != path && !matches!(lookup(files, &lower), Lookup::Missing);
            let found = if wrong_case {
                Problem::WrongCase(format!("/{lower}"))
            } else {
                Problem::Missing
            };
            return problem(Some(&path), found);
        }
    };
    // Only a page's fragments name its ids: an image's (`#gh-dark-mode-only`) or a PDF's
    // (`#page=2`) are for the browser.
    let is_page = found.ends_with(".html");
    match fragment {
        Some(f) if is_page && !f.is_empty() && f != "top" && !files[found].ids.contains(&f) => {
            let near = nearest_id(&f, &files[found].ids);
            problem(Some(&path), Problem::NoFragment(f, near))
        }
        _ => None,
    }
}

/// The id of `ids` that `anchor` was most likely meant to be: the same letters and digits
/// (`people--body` written for `people-body`, as GitHub and Hugo make ids), else one or two
/// letters apart.
fn nearest_id(anchor: &str, ids: &[String]) -> Option<String> {
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = bare(anchor);
    if let Some(same) = ids.iter().find(|id| bare(id) == wanted) {
        return Some(same.clone());
    }
    let budget = if wanted.chars().count() > 6 { 2 } else { 1 };
    ids.iter()
        .map(|id| (strsim::damerau_levenshtein(anchor, id), id))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id.clone())
}

/// A site path named by a data file: it must be a written page or file.
fn check_site_path(files: &HashMap<String, Facts>, file: &str, path: &str) -> Option<Broken> {
    match lookup(files, path) {
        Lookup::File(_) => None,
        _ => Some(Broken {
            file: file.to_string(),
            url: path.to_string(),
            target: Some(path.to_string()),
            problem: Problem::Missing,
        }),
    }
}

enum Lookup<'a> {
    File(&'a str),
    Folder(&'a str),
    Missing,
}

/// The written file a site path names: `a/` and `a/index.html` alike; `a` is the folder `a/`.
fn lookup<'a>(files: &'a HashMap<String, Facts>, path: &str) -> Lookup<'a> {
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    if let Some((k, _)) = files.get_key_value(&key) {
        return Lookup::File(k);
    }
    match files.get_key_value(&format!("{path}/index.html")) {
        Some((k, _)) if !path.ends_with('/') => Lookup::Folder(k),
        _ => Lookup::Missing,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_missing_anchor_names_the_id_it_was_likely_meant_to_be() {
        let ids: Vec<String> = ["people-body", "html-xml-tags", "ket-qua"]
            .map(String::from)
            .to_vec();
        for (anchor, near) in [
            ("people--body", Some("people-body")),
            ("htmlxml-tags", Some("html-xml-tags")),
            ("ket-quaa", Some("ket-qua")),
            ("loi-ich", None),
        ] {
            assert_eq!(nearest_id(anchor, &ids).as_deref(), near, "{anchor}");
        }
    }

    use super::*;

    fn site(relative: bool) -> (HashMap<String, Facts>, UrlStyle) {
        let mut files = HashMap::new();
        let page = |refs: &[&str], ids: &[&str]| Facts {
            refs: refs.iter().map(|s| s.to_string()).collect(),
            ids: ids.iter().map(|s| s.to_string()).collect(),
            ..Facts::default()
        };
        files.insert(
            "index.html".into(),
            page(
                &[
                    "/kb/a/#h",
                    "/kb/a/#nope",
                    "/kb/b/",
                    "/kb/a",
                    "/kb/p.png#dark",
                ],
                &[],
            ),
        );
        files.insert("p.png".into(), Facts::default());
        files.insert(
            "a/index.html".into(),
            page(&["../index.html", "../a"], &["h"]),
        );
        let style = UrlStyle {
            base_url: "https://e.org/kb/".into(),
            base_path: "/kb/".into(),
            relative,
        };
        (files, style)
    }

    #[test]
    fn finds_missing_files_and_fragments() {
        let (files, style) = site(false);
        let broken = verify(&files, &style);
        let problems: Vec<_> = broken
            .iter()
            .map(|b| (b.url.as_str(), &b.problem))
            .collect();
        assert_eq!(
            problems,
            [
                ("/kb/a/#nope", &Problem::NoFragment("nope".into(), None)),
                ("/kb/b/", &Problem::Missing)
            ]
        );
    }

    #[test]
    fn folders_need_their_slash_from_file_urls() {
        let (files, style) = site(true);
        let broken = verify(&files, &style);
        assert!(broken
            .iter()
            .any(|b| b.file == "a/index.html" && b.problem == Problem::FolderWithoutSlash));
        assert!(broken
            .iter()
            .any(|b| b.file == "index.html" && b.problem == Problem::RootInRelativeBuild));
    }
}
