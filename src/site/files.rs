//! The files of `content/` that are not Markdown (images, PDFs, spreadsheets) and where each is
//! published, so that a page's relative link resolves against its source file's folder, as an
//! editor's preview (GitHub, VS Code, MkDocs) shows it.
//!
//! A file in a page bundle's folder (`a/index.md` beside `a/photo.jpg`) is published beside
//! that page in each of its languages (`a/photo.jpg`, `en/a/photo.jpg`); deeper files of a
//! bundle follow it (`a/img/x.png`). Every other file is published once, at its own path under
//! `content/` (`blog/posts/zensical/shot.png`, `assets/logo.png`), and only when a page uses it.

use super::Site;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Where the files of `content/` are published, and which site paths hold a file at all.
#[derive(Debug, Default)]
pub struct Files {
    /// Content path (`news/a/photo.jpg`) -> the site path per language of the page bundle that
    /// holds it (default language first), or one site path for every language (`""`).
    published: HashMap<String, Vec<(String, String)>>,
    /// Site path -> source, for files written only when a page uses them.
    on_demand: HashMap<String, PathBuf>,
    /// Site paths written whatever uses them: static files, bundle assets, the code stylesheet.
    fixed: HashSet<String>,
    /// Every content path, sorted.
    keys: Vec<String>,
}

/// A file of `content/` that no written file refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unused {
    /// Its content path (`news/danh-sach.xlsx`).
    pub key: String,
    /// Whether it is published anyway (a page bundle's file is copied beside the page).
    pub published: bool,
    /// Whether a page of the site has its address (`content/index.html`, `content/404.html`),
    /// so that it can never be published.
    pub shadowed: bool,
}

impl Files {
    /// The files `keys` (content paths, `/`-separated) of `site`; `fixed` are the site paths
    /// written whatever uses them.
    pub fn new(site: &Site, keys: &[String], fixed: HashSet<String>) -> Files {
        let content = site.config.root.join("content");
        let mut bundles: HashMap<&str, Vec<(String, String)>> = HashMap::new();
        for page in site.pages.iter().filter(|p| is_bundle(p)) {
            let entry = bundles.entry(page.dir.as_str()).or_default();
            let at = usize::from(page.lang != site.config.default_language()) * entry.len();
            entry.insert(at, (page.lang.clone(), page.path.clone()));
        }
        let mut published = HashMap::with_capacity(keys.len());
        let mut on_demand = HashMap::new();
        for key in keys {
            let places = match bundle_of(key, &bundles) {
                Some((pages, rest)) => pages
                    .iter()
                    .map(|(lang, path)| (lang.clone(), format!("{path}{rest}")))
                    .collect(),
                None => vec![(String::new(), key.clone())],
            };
            for (_, path) in &places {
                if !fixed.contains(path) {
                    on_demand.insert(path.clone(), content.join(key));
                }
            }
            published.insert(key.clone(), places);
        }
        let mut keys = keys.to_vec();
        keys.sort_unstable();
        Files {
            published,
            on_demand,
            fixed,
            keys,
        }
    }

    /// Every content path (`news/a/photo.jpg`), sorted: what a page's links may find.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The site path of the content file `key` for a page in `lang`.
    pub fn site_path(&self, key: &str, lang: &str) -> Option<&str> {
        let places = self.published.get(key)?;
        let place = places.iter().find(|(l, _)| l == lang).or(places.first())?;
        Some(place.1.as_str())
    }

    /// Whether a file is written at `site_path` (static files, bundle assets, and the files of
    /// `content/` that pages use).
    pub fn is_file(&self, site_path: &str) -> bool {
        self.fixed.contains(site_path) || self.on_demand.contains_key(site_path)
    }

    /// The source of the file published at `site_path` when a page uses it.
    pub fn on_demand(&self, site_path: &str) -> Option<&PathBuf> {
        self.on_demand.get(site_path)
    }

    /// Every file written only when used, by site path.
    pub fn all_on_demand(&self) -> impl Iterator<Item = (&String, &PathBuf)> {
        self.on_demand.iter()
    }

    /// The content files none of whose site paths `is_used` (and not `is_taken` by a page of
    /// the site, whose links to that address are the page's), sorted.
    pub fn unused(
        &self,
        is_used: impl Fn(&str) -> bool,
        is_taken: impl Fn(&str) -> bool,
    ) -> Vec<Unused> {
        let mut unused: Vec<Unused> = self
            .published
            .iter()
            .filter(|(_, places)| !places.iter().any(|(_, p)| is_used(p) && !is_taken(p)))
            .map(|(key, places)| Unused {
                key: key.clone(),
                published: places.iter().any(|(_, p)| self.fixed.contains(p)),
                shadowed: places.iter().any(|(_, p)| is_taken(p)),
            })
            .collect();
        unused.sort_by(|a, b| a.key.cmp(&b.key));
        unused
    }
}

/// Whether `page` is a bundle (`a/index.md`): its folder is the page.
fn is_bundle(page: &crate::content::Page) -> bool {
    !page.is_section
        && page
            .translation_key
            .rsplit('/')
            .next()
            .and_then(crate::content::markdown_stem)
            == Some("index")
}

/// The pages of the nearest bundle folder holding `key`, and the rest of `key` below it.
fn bundle_of<'b, 'k>(
    key: &'k str,
    bundles: &'b HashMap<&str, Vec<(String, String)>>,
) -> Option<(&'b Vec<(String, String)>, &'k str)> {
    let mut dir = key;
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if let Some(pages) = bundles.get(parent) {
            return Some((pages, &key[parent.len() + 1..]));
        }
        dir = parent;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_below_a_bundle_folder_follow_the_bundle() {
        let mut bundles = HashMap::new();
        let pages = vec![("vi".to_string(), "case-studies/a/".to_string())];
        bundles.insert("case-studies/A b", pages.clone());
        assert_eq!(
            bundle_of("case-studies/A b/img/x.png", &bundles),
            Some((&pages, "img/x.png"))
        );
        assert_eq!(bundle_of("case-studies/other/x.png", &bundles), None);
        assert_eq!(bundle_of("x.png", &bundles), None);
    }
}
