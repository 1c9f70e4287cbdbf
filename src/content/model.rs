//! The typed content of one file: common front matter plus the fields of its kind.

use crate::date::Date;
use serde::Serialize;
use serde_json::{Map, Value};
use std::path::PathBuf;

/// What a page is, which decides its template and the fields it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A plain page (`about.md`) or a plain section list.
    Page,
    /// A news post.
    News,
    /// A case study with its impact figures.
    CaseStudy,
    /// A training module (a section holding lessons).
    Module,
    /// A lesson of a module.
    Lesson,
}

impl Kind {
    /// Every key an editor may write as `kind:`.
    pub const KEYS: [&'static str; 5] = ["case-study", "news", "module", "lesson", "page"];

    /// Reads a `kind:` value.
    pub fn parse(key: &str) -> Option<Kind> {
        Some(match key {
            "case-study" => Kind::CaseStudy,
            "news" => Kind::News,
            "module" => Kind::Module,
            "lesson" => Kind::Lesson,
            "page" => Kind::Page,
            _ => return None,
        })
    }

    /// The key as written in front matter and used as the template name.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::News => "news",
            Kind::CaseStudy => "case-study",
            Kind::Module => "module",
            Kind::Lesson => "lesson",
        }
    }
}

/// Whether a lower or a higher value of a metric is an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// Less is better (water, workers, dust).
    Lower,
    /// More is better (capacity, yield).
    Higher,
}

/// One before/after figure of a case study.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    /// What was measured.
    pub name: String,
    /// Unit of both values.
    pub unit: String,
    /// Value before the measure.
    pub before: f64,
    /// Value after the measure.
    pub after: f64,
    /// Which direction is an improvement.
    pub better: Better,
}

/// An amount of money with its currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    /// The amount.
    pub amount: f64,
    /// ISO currency code or the editor's label (`VND`, `USD`).
    pub currency: String,
}

/// The fields only a case study has.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CaseStudy {
    /// The company that applied the measure.
    pub company: Option<String>,
    /// Province, as written (also a taxonomy term).
    pub province: Option<String>,
    /// Industry sector, as written (also a taxonomy term).
    pub sector: Option<String>,
    /// Cleaner-production technique keys.
    pub techniques: Vec<String>,
    /// Year the measure was applied.
    pub year: Option<i64>,
    /// Company size (`small`, `medium`, `large` or the editor's words).
    pub company_size: Option<String>,
    /// What the measure cost.
    pub investment: Option<Money>,
    /// What it saves each year.
    pub savings_per_year: Option<Money>,
    /// Stated payback time in months.
    pub payback_months: Option<f64>,
    /// Before/after figures.
    pub metrics: Vec<Metric>,
}

/// One self-check question of a lesson.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// The question.
    pub question: String,
    /// The choices, in order.
    pub options: Vec<String>,
    /// Index of the right choice in `options`.
    pub answer: usize,
    /// Why that choice is right.
    pub explanation: Option<String>,
}

/// Front matter every kind shares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// Title (required).
    pub title: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// Summary for lists and meta descriptions.
    pub summary: Option<String>,
    /// The slug the editor chose, as written.
    pub slug: Option<String>,
    /// Left out of builds unless `--drafts`.
    pub draft: bool,
    /// Tags.
    pub tags: Vec<String>,
    /// Order within a list (lower first).
    pub weight: Option<i64>,
    /// Old URLs that redirect here.
    pub aliases: Vec<String>,
    /// Not published after this date (`expiryDate`).
    pub expires: Option<Date>,
    /// The page's whole URL path, written in `url:` (or a literal `permalink:`).
    pub url: Option<String>,
    /// Whether the page enters the search index.
    pub search: bool,
    /// Lead image (a path relative to the page, or site-absolute).
    pub image: Option<String>,
    /// Text alternative of the lead image.
    pub image_alt: Option<String>,
    /// Lesson or module duration in minutes.
    pub duration: Option<f64>,
    /// Learning objectives of a module.
    pub objectives: Vec<String>,
    /// Quiz of a lesson.
    pub quiz: Vec<Question>,
    /// Case-study fields, for case studies.
    pub case: Option<CaseStudy>,
    /// Unknown keys, kept for templates as `page.extra`.
    pub extra: Map<String, Value>,
}

/// One content file, loaded and typed.
#[derive(Debug, Clone)]
pub struct Page {
    /// Source path relative to the site root, `/`-separated (`content/news/a.md`).
    pub source: String,
    /// Absolute source path.
    pub abs_source: PathBuf,
    /// The file's language code.
    pub lang: String,
    /// The key shared by a page and its translations (`news/a.md`).
    pub translation_key: String,
    /// Whether this is a section's `_index.md`.
    pub is_section: bool,
    /// The kind of the page (for a section: the kind of the section itself).
    pub kind: Kind,
    /// The kind of this section's children, for sections.
    pub children_kind: Option<Kind>,
    /// Whether this section's sub-sections are training modules.
    pub is_training: bool,
    /// Content folder of the file relative to `content/` (`news`, `training/cp-basics`), or
    /// the bundle folder for a page bundle.
    pub dir: String,
    /// The translation key of the section this page belongs to (`news/_index.md`), if any.
    pub parent_section: Option<String>,
    /// URL path relative to the site root, with the language prefix, ending in `/` (`en/news/a/`);
    /// empty for the home page.
    pub path: String,
    /// The front matter.
    pub meta: Meta,
    /// The Markdown body (emptied by a build once rendered).
    pub body: String,
    /// Lines of the file before the body.
    pub body_line_offset: usize,
    /// Co-located files of a bundle, absolute paths.
    pub assets: Vec<PathBuf>,
    /// Lines where some keys were written, for warnings found later (`payback_months`).
    pub key_lines: Vec<(&'static str, usize)>,
}

impl Page {
    /// The line where `key` was written, when recorded.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.key_lines
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| *l)
    }
}
