//! The site model: every page with its URL, translations, section, taxonomies, lesson order
//! and related case studies, all as indexes into one page list. Pure data in, data out.

pub mod files;
pub mod impact;
pub mod order;
pub mod taxonomy;
pub mod url;

pub use files::Files;
pub use order::newest_first as order_newest;
pub use taxonomy::{Taxonomy, Term};
pub use url::UrlStyle;

use crate::config::Config;
use crate::content::{Kind, Page};
use crate::diagnostics::{Code, Diagnostic};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Where a lesson sits in its module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonNav {
    /// The module's page id.
    pub module: usize,
    /// 1-based position.
    pub position: usize,
    /// Lessons in the module.
    pub total: usize,
    /// Previous lesson.
    pub prev: Option<usize>,
    /// Next lesson.
    pub next: Option<usize>,
}

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// How links are written.
    pub style: UrlStyle,
    /// Every page and section of every language.
    pub pages: Vec<Page>,
    /// Page id by URL path.
    pub by_path: HashMap<String, usize>,
    /// Page id by (translation key, language).
    pub by_key: HashMap<(String, String), usize>,
    /// Per page: its versions in the other languages, in the configured language order.
    pub translations: Vec<Vec<usize>>,
    /// Per section: its pages in list order (empty for pages).
    pub children: Vec<Vec<usize>>,
    /// Per section: its sub-sections in order.
    pub subsections: Vec<Vec<usize>>,
    /// Per page: the section it belongs to.
    pub parent: Vec<Option<usize>>,
    /// Per language (config order): the home section, when `content/_index.md` exists.
    pub homes: Vec<Option<usize>>,
    /// Per language (config order): its taxonomies.
    pub taxonomies: Vec<Vec<Taxonomy>>,
    /// Per page: related case studies.
    pub related: Vec<Vec<usize>>,
    /// Per page: its place in its module, for lessons.
    pub lesson_nav: Vec<Option<LessonNav>>,
    /// The content paths (`news/a.md`) of the pages left out of this build as not published
    /// yet (drafts, scheduled and expired pages).
    pub unpublished: HashSet<String>,
}

impl Site {
    /// Builds the indexes over the loaded pages (`unpublished` names the pages left out as not
    /// published yet); URL clashes are errors, dubious data warnings.
    pub fn build(
        config: Config,
        style: UrlStyle,
        pages: Vec<Page>,
        unpublished: Vec<String>,
    ) -> (Site, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut pages = pages;
        // A stable order independent of the file system: by language, then source path.
        pages.sort_by(|a, b| a.source.cmp(&b.source));
        // The look-ups by path and the section tree need the pages only: made at once.
        let ((lookups, found), (placed, placed_diags)) = rayon::join(
            || Lookups::of(&config, &pages),
            || Placement::of(&config, &pages),
        );
        diags.extend(found);
        diags.extend(placed_diags);
        let Lookups {
            by_path,
            by_key,
            translations,
        } = lookups;
        let Placement {
            tree:
                Tree {
                    parent,
                    children,
                    subsections,
                    homes,
                },
            lesson_nav,
            rank,
        } = placed;
        // Every case study's body is read for a table beside the lists.
        let ((taxonomies, related), checks) = rayon::join(
            || lists(&config, &pages, &rank),
            || case_study_checks(&pages),
        );
        diags.extend(taxonomy::untranslated_terms(&config, &taxonomies, &pages));
        diags.extend(checks);
        let site = Site {
            config,
            style,
            pages,
            by_path,
            by_key,
            translations,
            children,
            subsections,
            parent,
            homes,
            taxonomies,
            related,
            lesson_nav,
            unpublished: unpublished.into_iter().collect(),
        };
        (site, diags)
    }

    /// Whether the content path `key` (`news/a.md`) is a page left out of this build as not
    /// published yet.
    pub fn is_unpublished(&self, key: &str) -> bool {
        self.unpublished.contains(key.trim_start_matches('/'))
    }

    /// The page a content path points to (`news/a.md`, `news/a.en.md`), preferring `lang`.
    pub fn resolve(&self, key: &str, lang: &str) -> Option<usize> {
        let key = key.trim_start_matches('/');
        if let Some(&id) = self.by_key.get(&(key.to_string(), lang.to_string())) {
            return Some(id);
        }
        // `x.en.md`: an explicit translation.
        for ext in [".md", ".markdown"] {
            let Some(stem) = key.strip_suffix(ext) else {
                continue;
            };
            if let Some((base, suffix)) = stem.rsplit_once('.') {
                if let Some(&id) = self
                    .by_key
                    .get(&(format!("{base}{ext}"), suffix.to_string()))
                {
                    return Some(id);
                }
            }
        }
        // `folder` or `folder/` for a bundle or section.
        let trimmed = key.trim_end_matches('/');
        for name in ["index.md", "_index.md", "index.markdown", "_index.markdown"] {
            let candidate = format!("{trimmed}/{name}");
            if let Some(&id) = self.by_key.get(&(candidate, lang.to_string())) {
                return Some(id);
            }
        }
        let found = self
            .config
            .languages
            .iter()
            .find_map(|l| self.by_key.get(&(key.to_string(), l.code.clone())).copied());
        // A root `index.md` is the home page, known as `_index.md` (MkDocs links `../index.md`).
        match key.strip_prefix("index.") {
            Some(rest) if found.is_none() => self.resolve(&format!("_index.{rest}"), lang),
            _ => found,
        }
    }

    /// Index of a language in the configuration.
    pub fn lang_index(&self, code: &str) -> usize {
        self.config
            .languages
            .iter()
            .position(|l| l.code == code)
            .unwrap_or(0)
    }

    /// The pages of a language that are not sections, in no particular order.
    pub fn regular_pages<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.pages
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.lang == lang && !p.is_section)
            .map(|(id, _)| id)
    }

    /// Every page of `kind` in `lang`, newest first.
    pub fn pages_of_kind(&self, lang: &str, kind: Kind) -> Vec<usize> {
        let mut ids: Vec<usize> = self
            .regular_pages(lang)
            .filter(|&id| self.pages[id].kind == kind)
            .collect();
        order::newest_first(&mut ids, &self.pages);
        ids
    }
}

/// Page ids by URL path and by (translation key, language); two pages at one URL are an error
/// on each.
fn index(
    pages: &[Page],
    diags: &mut Vec<Diagnostic>,
) -> (HashMap<String, usize>, HashMap<(String, String), usize>) {
    let mut by_path: HashMap<String, usize> = HashMap::with_capacity(pages.len());
    let mut by_key = HashMap::with_capacity(pages.len());
    for (id, page) in pages.iter().enumerate() {
        if let Some(&other) = by_path.get(&page.path) {
            diags.push(duplicate(&pages[other], page));
            diags.push(duplicate(page, &pages[other]));
            continue;
        }
        by_path.insert(page.path.clone(), id);
        by_key.insert((page.translation_key.clone(), page.lang.clone()), id);
    }
    (by_path, by_key)
}

/// Per page: its versions in the other languages, in the configured language order; a
/// translation without an original in the default language is W0103.
fn translations(
    config: &Config,
    pages: &[Page],
    by_key: &HashMap<(String, String), usize>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Vec<usize>> {
    let mut translations = vec![Vec::new(); pages.len()];
    for (id, page) in pages.iter().enumerate() {
        // Walking the configured languages keeps the versions in their order.
        let others: Vec<usize> = config
            .languages
            .iter()
            .filter(|l| l.code != page.lang)
            .filter_map(|l| by_key.get(&(page.translation_key.clone(), l.code.clone())))
            .copied()
            .collect();
        if page.lang != config.default_language()
            && !by_key.contains_key(&(
                page.translation_key.clone(),
                config.default_language().to_string(),
            ))
        {
            diags.push(Diagnostic::warning(Code::W0103, &page.source).arg("lang", &page.lang));
        }
        translations[id] = others;
    }
    translations
}

/// The sections' tree: see the fields of the same names in [`Site`].
struct Tree {
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    subsections: Vec<Vec<usize>>,
    homes: Vec<Option<usize>>,
}

/// Each page under its section, in list order; each language's home.
fn tree(config: &Config, pages: &[Page]) -> Tree {
    let mut section_by_dir: HashMap<(&str, &str), usize> = HashMap::new();
    for (id, page) in pages.iter().enumerate() {
        if page.is_section {
            section_by_dir.insert((page.lang.as_str(), page.dir.as_str()), id);
        }
    }
    let mut parent = vec![None; pages.len()];
    let mut children = vec![Vec::new(); pages.len()];
    let mut subsections = vec![Vec::new(); pages.len()];
    for (id, page) in pages.iter().enumerate() {
        let Some(dir) = &page.parent_section else {
            continue;
        };
        let Some(&sec) = section_by_dir.get(&(page.lang.as_str(), dir.as_str())) else {
            continue;
        };
        if sec == id {
            continue;
        }
        parent[id] = Some(sec);
        if page.is_section {
            subsections[sec].push(id);
        } else {
            children[sec].push(id);
        }
    }
    for list in children.iter_mut().chain(subsections.iter_mut()) {
        order::sort(list, pages);
    }
    let homes = config
        .languages
        .iter()
        .map(|l| section_by_dir.get(&(l.code.as_str(), "")).copied())
        .collect();
    Tree {
        parent,
        children,
        subsections,
        homes,
    }
}

/// The pages by URL path and by content path, and the translations of each.
struct Lookups {
    by_path: HashMap<String, usize>,
    by_key: HashMap<(String, String), usize>,
    translations: Vec<Vec<usize>>,
}

impl Lookups {
    fn of(config: &Config, pages: &[Page]) -> (Lookups, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let (by_path, by_key) = index(pages, &mut diags);
        let translations = translations(config, pages, &by_key, &mut diags);
        let lookups = Lookups {
            by_path,
            by_key,
            translations,
        };
        (lookups, diags)
    }
}

/// Where each page is: its section tree, a lesson's neighbours, its rank from the newest.
struct Placement {
    tree: Tree,
    lesson_nav: Vec<Option<LessonNav>>,
    rank: Vec<u32>,
}

impl Placement {
    fn of(config: &Config, pages: &[Page]) -> (Placement, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let tree = tree(config, pages);
        let lesson_nav = lesson_nav(pages, &tree.children, &mut diags);
        let rank = order::newest_ranks(pages);
        let placement = Placement {
            tree,
            lesson_nav,
            rank,
        };
        (placement, diags)
    }
}

/// Each language's taxonomies, and each case study's related case studies.
fn lists(config: &Config, pages: &[Page], rank: &[u32]) -> (Vec<Vec<Taxonomy>>, Vec<Vec<usize>>) {
    rayon::join(
        || {
            config
                .languages
                .iter()
                .map(|l| taxonomy::collect(config, &l.code, pages, rank))
                .collect()
        },
        || order::related(pages, rank),
    )
}

/// The warnings of every case study (see [`check_case_study`]), read in parallel.
fn case_study_checks(pages: &[Page]) -> Vec<Diagnostic> {
    pages.par_iter().flat_map_iter(check_case_study).collect()
}

/// A case study's payback that its figures contradict (W0101), or a table repeating its
/// metrics (W0108).
fn check_case_study(page: &Page) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let Some(case) = &page.meta.case else {
        return diags;
    };
    if let Some((stated, computed)) = impact::payback_mismatch(case) {
        let line = page.line_of("payback_months");
        diags.push(
            Diagnostic::warning(Code::W0101, &page.source)
                .at_opt(line.map(|l| (l, 1)))
                .arg("stated", crate::locale::format_number(stated, 1, "en"))
                .arg("computed", crate::locale::format_number(computed, 1, "en")),
        );
    }
    if let Some(line) = impact::repeated_table(case, &page.body) {
        diags.push(
            Diagnostic::warning(Code::W0108, &page.source).at(page.body_line_offset + line + 1, 1),
        );
    }
    diags
}

fn duplicate(page: &Page, other: &Page) -> Diagnostic {
    Diagnostic::error(Code::E0202, &page.source)
        .arg("url", format!("/{}", page.path))
        .arg("other", &other.source)
}

fn lesson_nav(
    pages: &[Page],
    children: &[Vec<usize>],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Option<LessonNav>> {
    let mut nav = vec![None; pages.len()];
    for (module, lessons) in children.iter().enumerate() {
        if pages[module].kind != Kind::Module {
            continue;
        }
        let lessons: Vec<usize> = lessons
            .iter()
            .copied()
            .filter(|&l| pages[l].kind == Kind::Lesson)
            .collect();
        let mut seen: HashMap<i64, usize> = HashMap::new();
        for (i, &lesson) in lessons.iter().enumerate() {
            if let Some(w) = pages[lesson].meta.weight {
                if let Some(&first) = seen.get(&w) {
                    diags.push(
                        Diagnostic::warning(Code::W0102, &pages[lesson].source)
                            .at_opt(pages[lesson].line_of("weight").map(|l| (l, 1)))
                            .arg("weight", w)
                            .arg("other", &pages[first].source),
                    );
                } else {
                    seen.insert(w, lesson);
                }
            }
            nav[lesson] = Some(LessonNav {
                module,
                position: i + 1,
                total: lessons.len(),
                prev: i.checked_sub(1).map(|p| lessons[p]),
                next: lessons.get(i + 1).copied(),
            });
        }
    }
    nav
}
