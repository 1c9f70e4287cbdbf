//! The collections of the web editor: one per section of the site, shaped by its kind.

use crate::config::Config;
use crate::content::{Kind, Page};

/// How a collection's entries are laid out in its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layout {
    /// A page bundle per entry: `<slug>/index.md`, media beside it (case studies).
    Bundle,
    /// A section per entry: `<slug>/_index.md` (training modules).
    Section,
    /// A file per entry: `<slug>.md` (news, lessons, plain pages).
    Flat,
}

/// One collection of the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collection {
    /// Decap's identifier (`case-studies`, `lessons-training-cp-basics`).
    pub name: String,
    /// The label shown in the editor (the section's title).
    pub label: String,
    /// Folder of the entries relative to the site root (`content/news`).
    pub folder: String,
    /// How entries are laid out.
    pub layout: Layout,
    /// The kind of its entries.
    pub kind: Kind,
}

impl Collection {
    /// Decap's `path` template.
    pub fn path_template(&self) -> &'static str {
        match self.layout {
            Layout::Bundle => "{{slug}}/index",
            Layout::Section => "{{slug}}/_index",
            Layout::Flat => "{{slug}}",
        }
    }

    /// How deep Decap lists the folder.
    pub fn depth(&self) -> usize {
        match self.layout {
            Layout::Flat => 1,
            Layout::Bundle | Layout::Section => 2,
        }
    }

    /// Whether the file at `rel` (relative to the site root) is an entry of this collection.
    pub fn holds(&self, rel: &str) -> bool {
        let Some(inner) = rel
            .strip_prefix(&self.folder)
            .and_then(|r| r.strip_prefix('/'))
        else {
            return false;
        };
        let Some(stem) = crate::content::markdown_stem(inner) else {
            return false;
        };
        // The language suffix (`index.en`) does not change where an entry sits.
        let stem = match stem.rsplit_once('.') {
            Some((base, lang)) if (2..=3).contains(&lang.len()) => base,
            _ => stem,
        };
        let parts: Vec<&str> = stem.split('/').collect();
        match (self.layout, parts.as_slice()) {
            (Layout::Bundle, [dir, "index"]) => !is_hidden(dir),
            (Layout::Section, [dir, "_index"]) => !is_hidden(dir),
            (Layout::Flat, [name]) => !is_hidden(name),
            _ => false,
        }
    }
}

fn is_hidden(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

/// The collections of a site whose pages (drafts included) are `pages`, in a stable order:
/// case studies, news, modules, lessons, then plain pages.
pub fn collections(config: &Config, pages: &[Page]) -> Vec<Collection> {
    let default = config.default_language();
    let catalogue = crate::messages::Catalogue::new(default);
    let title_of = |dir: &str| {
        pages
            .iter()
            .find(|p| p.is_section && p.dir == dir && p.lang == default)
            .map(|p| p.meta.title.clone())
            .filter(|t| !t.trim().is_empty())
    };
    let mut found: Vec<(Layout, Kind, String)> = vec![(Layout::Flat, Kind::Page, String::new())];
    for page in pages.iter().filter(|p| p.lang == default) {
        if page.is_section {
            match (page.children_kind, page.kind, page.is_training) {
                (_, _, true) => found.push((Layout::Section, Kind::Module, page.dir.clone())),
                (_, Kind::Module, _) => found.push((Layout::Flat, Kind::Lesson, page.dir.clone())),
                (Some(Kind::CaseStudy), _, _) => {
                    found.push((Layout::Bundle, Kind::CaseStudy, page.dir.clone()))
                }
                (Some(Kind::News), _, _) => {
                    found.push((Layout::Flat, Kind::News, page.dir.clone()))
                }
                _ => {}
            }
            continue;
        }
        let parent = match page.dir.rsplit_once('/') {
            Some((parent, _)) => parent.to_string(),
            None => String::new(),
        };
        match page.kind {
            Kind::CaseStudy if page.source.ends_with("/index.md") || is_bundle(page) => {
                found.push((Layout::Bundle, Kind::CaseStudy, parent))
            }
            Kind::News if !is_bundle(page) => {
                found.push((Layout::Flat, Kind::News, page.dir.clone()))
            }
            Kind::Lesson if !is_bundle(page) => {
                found.push((Layout::Flat, Kind::Lesson, page.dir.clone()))
            }
            _ => {}
        }
    }
    found.sort_by(|a, b| (order(a.1), &a.2).cmp(&(order(b.1), &b.2)));
    found.dedup_by(|a, b| a.2 == b.2 && a.0 == b.0);
    found
        .into_iter()
        .map(|(layout, kind, dir)| {
            let folder = if dir.is_empty() {
                "content".to_string()
            } else {
                format!("content/{dir}")
            };
            let base = if dir.is_empty() {
                "pages".to_string()
            } else {
                dir.replace('/', "-")
            };
            let name = match kind {
                Kind::Lesson => format!("lessons-{base}"),
                Kind::Module => format!("modules-{base}"),
                _ => base,
            };
            let title = title_of(&dir).unwrap_or_else(|| dir.clone());
            let label = match kind {
                Kind::Page => catalogue.text("cms-collection-pages", &[]),
                Kind::Module => catalogue.text("cms-collection-modules", &[("section", title)]),
                Kind::Lesson => catalogue.text("cms-collection-lessons", &[("module", title)]),
                _ => title,
            };
            Collection {
                name,
                label,
                folder,
                layout,
                kind,
            }
        })
        .collect()
}

/// A page whose file is a bundle's `index` (in any language).
fn is_bundle(page: &Page) -> bool {
    let name = page.source.rsplit('/').next().unwrap_or("");
    crate::content::markdown_stem(name).is_some_and(|s| s == "index" || s.starts_with("index."))
}

fn order(kind: Kind) -> u8 {
    match kind {
        Kind::CaseStudy => 0,
        Kind::News => 1,
        Kind::Module => 2,
        Kind::Lesson => 3,
        Kind::Page => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collection(layout: Layout) -> Collection {
        Collection {
            name: "x".into(),
            label: "x".into(),
            folder: "content/x".into(),
            layout,
            kind: Kind::Page,
        }
    }

    #[test]
    fn entries_match_their_layout() {
        let bundle = collection(Layout::Bundle);
        assert!(bundle.holds("content/x/a/index.md"));
        assert!(bundle.holds("content/x/a/index.en.md"));
        assert!(!bundle.holds("content/x/_index.md"));
        assert!(!bundle.holds("content/x/a/other.md"));
        let section = collection(Layout::Section);
        assert!(section.holds("content/x/m/_index.vi.md"));
        assert!(!section.holds("content/x/m/lesson.md"));
        let flat = collection(Layout::Flat);
        assert!(flat.holds("content/x/a.md"));
        assert!(flat.holds("content/x/a.en.md"));
        assert!(!flat.holds("content/x/_index.md"));
        assert!(!flat.holds("content/y/a.md"));
        assert!(!flat.holds("content/x/a.txt"));
    }
}
