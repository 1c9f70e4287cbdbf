//! The data templates see: page summaries (built once per page and shared by every list that
//! shows the page) and full page values.

use crate::content::techniques;
use crate::content::Page;
use crate::locale::format_number;
use crate::markdown::{Heading, Rendered};
use crate::site::impact::{self, MetricView};
use crate::site::{taxonomy, Site};
use crate::text::truncate;
use serde::Serialize;
use tera::Value;

/// A technique with its label in the page's language.
#[derive(Debug, Clone, Serialize)]
pub struct TechniqueView {
    /// Front-matter key; also the term slug.
    pub key: String,
    /// Label.
    pub label: String,
    /// Term page, when the `techniques` taxonomy is on.
    pub path: Option<String>,
}

/// What lists, cards and feeds show of a page.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Title.
    pub title: String,
    /// URL path (`news/a/`).
    pub path: String,
    /// Kind key (`case-study`).
    pub kind: &'static str,
    /// Language code.
    pub lang: String,
    /// `YYYY-MM-DD`, when dated.
    pub date: Option<String>,
    /// Date as the language writes it.
    pub date_display: Option<String>,
    /// RFC 3339, for feeds.
    pub date_rfc3339: Option<String>,
    /// Last update, RFC 3339.
    pub updated_rfc3339: Option<String>,
    /// Summary text.
    pub summary: String,
    /// Best improvement of a case study (`−25 % water`).
    pub badge: Option<String>,
    /// Minutes to read the body.
    pub reading_time: usize,
    /// Lesson or module duration in minutes.
    pub duration: Option<String>,
    /// Company of a case study.
    pub company: Option<String>,
    /// Sector of a case study.
    pub sector: Option<String>,
    /// Province of a case study.
    pub province: Option<String>,
    /// Year of a case study.
    pub year: Option<i64>,
    /// Techniques of a case study.
    pub techniques: Vec<TechniqueView>,
    /// Lead image, as written.
    pub image: Option<String>,
    /// Lead image as a site path (`news/a/photo.jpg`, `images/x.jpg`), for the `url` filter.
    pub image_path: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Term page of the sector, when the `sectors` taxonomy is on.
    pub sector_path: Option<String>,
    /// Term page of the province, when the `provinces` taxonomy is on.
    pub province_path: Option<String>,
    /// Tags with their term pages.
    pub tag_links: Vec<TermLink>,
    /// Term slug of the sector (`det-may`), for the case-study list's filters.
    pub sector_slug: Option<String>,
    /// Term slug of the province, for the case-study list's filters.
    pub province_slug: Option<String>,
    /// Largest relative improvement in per cent, for sorting the case-study list.
    pub gain: Option<f64>,
    /// Payback in months (stated, else computed), for sorting the case-study list.
    pub payback: Option<f64>,
}

/// A term with the page that lists it.
#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    /// The term as written.
    pub name: String,
    /// Its term page, when the taxonomy is on.
    pub path: Option<String>,
}

/// A lead image as a site path: `/images/x.jpg` from the site root, `x.jpg` beside the page;
/// `None` for external images and paths that leave the site.
/// The site path of a front-matter `image:` of the page at `page_path`; `None` for another
/// site's image.
pub fn image_path(page_path: &str, image: &str) -> Option<String> {
    if image.contains("://") || image.starts_with("//") {
        return None;
    }
    match image.strip_prefix('/') {
        Some(abs) => crate::site::url::normalize(abs),
        None => crate::site::url::normalize(&format!("{page_path}{image}")),
    }
}

/// The term page of the term `slug` in taxonomy `taxonomy`, when the site declares it.
fn term_path(site: &Site, lang: &str, taxonomy: &str, slug: &str) -> Option<String> {
    let li = site.lang_index(lang);
    let tax = site
        .taxonomies
        .get(li)?
        .iter()
        .find(|t| t.name == taxonomy)?;
    tax.term(slug).map(|t| t.path.clone())
}

/// A value of `taxonomy` as the term readers of `lang` see: `(name, slug)`, translated by
/// `term_translations` where the site gives a name.
fn term(site: &Site, lang: &str, taxonomy: &str, value: &str) -> Option<(String, String)> {
    taxonomy::term_of(&site.config.term_names, taxonomy, value, lang)
}

/// Builds the summary of page `id` (its Markdown already rendered).
pub fn summary(site: &Site, id: usize, rendered: &Rendered) -> Summary {
    let page = &site.pages[id];
    let tz = site.config.timezone_minutes;
    let case = page.meta.case.as_ref();
    let lang = page.lang.as_str();
    let sector = case
        .and_then(|c| c.sector.as_deref())
        .and_then(|v| term(site, lang, "sectors", v));
    let province = case
        .and_then(|c| c.province.as_deref())
        .and_then(|v| term(site, lang, "provinces", v));
    let summary = page
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| truncate(&rendered.summary, 300));
    Summary {
        title: page.meta.title.clone(),
        path: page.path.clone(),
        kind: page.kind.key(),
        lang: page.lang.clone(),
        date: page.meta.date.map(|d| d.in_zone(tz).iso_date()),
        date_display: page.meta.date.map(|d| d.in_zone(tz).display(&page.lang)),
        date_rfc3339: page.meta.date.map(|d| d.rfc3339(tz)),
        updated_rfc3339: page.meta.updated.or(page.meta.date).map(|d| d.rfc3339(tz)),
        summary,
        badge: case.and_then(|c| impact::badge(c, &page.lang)),
        reading_time: rendered.words.div_ceil(200).max(1),
        duration: page.meta.duration.map(|d| format_number(d, 0, &page.lang)),
        company: case.and_then(|c| c.company.clone()),
        sector: sector.as_ref().map(|t| t.0.clone()),
        province: province.as_ref().map(|t| t.0.clone()),
        // A case study without `year` is dated by its publication.
        year: case.and_then(|c| c.year.or(page.meta.date.map(|d| i64::from(d.year)))),
        techniques: case
            .map(|c| technique_views(site, &c.techniques, &page.lang))
            .unwrap_or_default(),
        image: page.meta.image.clone(),
        image_path: rendered.lead_image.clone(),
        tags: page.meta.tags.clone(),
        sector_path: sector
            .as_ref()
            .and_then(|t| term_path(site, lang, "sectors", &t.1)),
        province_path: province
            .as_ref()
            .and_then(|t| term_path(site, lang, "provinces", &t.1)),
        tag_links: page
            .meta
            .tags
            .iter()
            .map(|t| match term(site, lang, "tags", t) {
                Some((name, slug)) => TermLink {
                    path: term_path(site, lang, "tags", &slug),
                    name,
                },
                None => TermLink {
                    name: t.clone(),
                    path: None,
                },
            })
            .collect(),
        sector_slug: sector.map(|t| t.1),
        province_slug: province.map(|t| t.1),
        gain: case.and_then(impact::best_gain),
        payback: case.and_then(|c| c.payback_months.or_else(|| impact::computed_payback(c))),
    }
}

/// Techniques with their labels in `lang` and their term pages.
fn technique_views(site: &Site, keys: &[String], lang: &str) -> Vec<TechniqueView> {
    keys.iter()
        .map(|k| TechniqueView {
            key: k.clone(),
            label: techniques::label(k, lang).unwrap_or(k).to_string(),
            path: term_path(site, lang, "techniques", k),
        })
        .collect()
}

/// Money as shown on a case study.
#[derive(Debug, Clone, Serialize)]
pub struct MoneyView {
    /// Amount formatted for the language.
    pub amount: String,
    /// Currency.
    pub currency: String,
}

/// One quiz question as the lesson shows it.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    /// The question.
    pub question: String,
    /// The options.
    pub options: Vec<String>,
    /// 0-based index of the answer.
    pub answer: usize,
    /// The answer's text.
    pub answer_text: String,
    /// Why.
    pub explanation: Option<String>,
}

/// What a page template may show of its page besides its [`Summary`] fields (the template
/// sees both in one `page` value). Borrows from the site: it is turned into a template value
/// at once.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    /// Body HTML (templates write it with `| safe`).
    pub content: &'a str,
    /// Table of contents.
    pub toc: &'a [Heading],
    /// Words in the body.
    pub word_count: usize,
    /// Whether the body has highlighted code.
    pub has_code: bool,
    /// Whether the body has content tabs.
    pub has_tabs: bool,
    /// Whether this is a section.
    pub is_section: bool,
    /// Source path, for "edit this page" links.
    pub source: &'a str,
    /// Unknown front-matter keys.
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    /// Case-study metrics with their changes.
    pub metrics: Vec<MetricView>,
    /// Case-study money figures.
    pub investment: Option<MoneyView>,
    /// Yearly savings.
    pub savings_per_year: Option<MoneyView>,
    /// Payback time in months, as stated (or computed when not stated).
    pub payback_months: Option<String>,
    /// Company size.
    pub company_size: Option<String>,
    /// Learning objectives.
    pub objectives: &'a [String],
    /// Quiz.
    pub quiz: Vec<QuestionView>,
    /// Alternative text of the lead image.
    pub image_alt: Option<String>,
}

/// The view of page `id` beyond its summary.
pub fn page_view<'a>(site: &'a Site, id: usize, rendered: &'a Rendered) -> PageView<'a> {
    let page: &Page = &site.pages[id];
    let lang = page.lang.as_str();
    let case = page.meta.case.as_ref();
    let money = |m: &crate::content::Money| MoneyView {
        amount: format_number(m.amount, 2, lang),
        currency: m.currency.clone(),
    };
    PageView {
        content: &rendered.html,
        toc: &rendered.toc,
        word_count: rendered.words,
        has_code: rendered.has_code,
        has_tabs: rendered.has_tabs,
        is_section: page.is_section,
        source: &page.source,
        extra: &page.meta.extra,
        metrics: case
            .map(|c| {
                c.metrics
                    .iter()
                    .map(|m| impact::metric_view(m, lang))
                    .collect()
            })
            .unwrap_or_default(),
        investment: case.and_then(|c| c.investment.as_ref()).map(money),
        savings_per_year: case.and_then(|c| c.savings_per_year.as_ref()).map(money),
        payback_months: case
            .and_then(|c| c.payback_months.or_else(|| impact::computed_payback(c)))
            .map(|m| format_number(m, 1, lang)),
        company_size: case.and_then(|c| c.company_size.clone()),
        objectives: &page.meta.objectives,
        quiz: page
            .meta
            .quiz
            .iter()
            .map(|q| QuestionView {
                question: q.question.clone(),
                options: q.options.clone(),
                answer: q.answer,
                answer_text: q.options.get(q.answer).cloned().unwrap_or_default(),
                explanation: q.explanation.clone(),
            })
            .collect(),
        image_alt: page.meta.image_alt.clone(),
    }
}

/// Serializes template data; our own types always serialize.
pub fn to_value<T: Serialize>(v: &T) -> Value {
    Value::from_serializable(v)
}
