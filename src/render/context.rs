//! The template context of each job, and rendering a job into its file.

use super::dashboard;
use super::jobs::{list_path, output_file, page_count, Job};
use super::kinds::{home_context, page_context, paginator, section_context};
use super::structured::{self, Crumb};
use super::switch::{self, Alternate};
use super::values::{self, to_value};
use super::Renderer;
use crate::content::Kind;
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;
use crate::site::Site;
use serde_json::json;
use tera::{Context, Value};

/// Data shared by every job of a build, computed once.
pub struct Model<'a> {
    /// The site.
    pub site: &'a Site,
    /// Rendered Markdown per page.
    pub rendered: &'a [Rendered],
    /// Summary value per page.
    pub summaries: &'a [Value],
    /// Per language (config order): `site`, `t` and `nav` values.
    pub langs: &'a [LangData],
    /// Inject the live-reload script (dev server only).
    pub live_reload: bool,
}

/// What every page of one language shares.
pub struct LangData {
    /// Language code.
    pub code: String,
    /// The `site` value.
    pub site: Value,
    /// UI strings (`t`).
    pub strings: Value,
    /// Main navigation.
    pub nav: Value,
    /// Each taxonomy with its terms, in config order: shown by its own page and by each of
    /// its term pages, so made once.
    pub taxonomies: Vec<Value>,
}

impl Model<'_> {
    /// What every page of language `code` shares.
    pub(super) fn lang(&self, code: &str) -> &LangData {
        self.langs
            .iter()
            .find(|l| l.code == code)
            .unwrap_or(&self.langs[0])
    }

    /// A UI string of `lang` (`t.<key>` in templates); the key itself when missing.
    pub(super) fn text(&self, lang: &str, key: &str) -> String {
        self.text_opt(lang, key).unwrap_or_else(|| key.to_string())
    }

    fn text_opt(&self, lang: &str, key: &str) -> Option<String> {
        let strings = self.lang(lang).strings.as_map()?;
        strings
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .and_then(|(_, v)| v.as_str())
            .map(str::to_string)
    }

    pub(super) fn summaries_of(&self, ids: &[usize]) -> Value {
        Value::from(
            ids.iter()
                .map(|&i| self.summaries[i].clone())
                .collect::<Vec<_>>(),
        )
    }

    /// The context every HTML page starts from.
    fn base(&self, lang: &str, current: &str, alternates: Vec<Alternate>) -> Context {
        let data = self.lang(lang);
        let mut cx = Context::new();
        cx.insert("lang", lang);
        cx.insert_value("site", data.site.clone());
        cx.insert_value("t", data.strings.clone());
        cx.insert_value("nav", data.nav.clone());
        cx.insert("current_path", current);
        // The switch goes where `alternates` go unless the job says otherwise.
        cx.insert("switch", &alternates);
        cx.insert("alternates", &alternates);
        cx.insert("live_reload", &self.live_reload);
        cx.insert("breadcrumbs", &Vec::<Crumb>::new());
        cx.insert("json_ld", "");
        cx
    }

    fn taxonomy_crumb(&self, lang: &str, tax: &crate::site::Taxonomy) -> Crumb {
        Crumb {
            title: self
                .text_opt(lang, &format!("taxonomy_{}", tax.name))
                .unwrap_or_else(|| tax.name.clone()),
            path: tax.path.clone(),
        }
    }

    /// The breadcrumb trail and JSON-LD of a page (`id`) or of a generated page.
    fn orient(&self, cx: &mut Context, id: Option<usize>, trail: Vec<Crumb>) {
        cx.insert("json_ld", &structured::json_ld(self.site, id, &trail));
        cx.insert("breadcrumbs", &trail);
    }

    fn alternates_of(&self, id: usize) -> Vec<Alternate> {
        switch::translations(self.site, id)
    }

    /// Alternates for a generated page that exists at `suffix` under every language's prefix.
    fn generated_alternates(&self, suffix: &str) -> Vec<Alternate> {
        self.site
            .config
            .languages
            .iter()
            .map(|l| Alternate {
                lang: l.code.clone(),
                path: format!("{}{suffix}", self.site.config.lang_prefix(&l.code)),
                title: l.title.clone(),
                exact: true,
            })
            .collect()
    }

    /// The `page` value: the page's summary (made once for every list) and the rest of it.
    fn page_value(&self, id: usize) -> Value {
        let mut page = self.summaries[id].as_map().cloned().unwrap_or_default();
        let view = to_value(&values::page_view(self.site, id, &self.rendered[id]));
        page.extend(view.into_map().unwrap_or_default());
        Value::from(page)
    }
}

/// The template that renders `job` (the page template for content pages).
pub fn template_of(site: &Site, job: &Job) -> &'static str {
    match job {
        Job::Page(id) | Job::ListPage(id, _) => page_template(site, *id),
        Job::Taxonomy(..) => "taxonomy.html",
        Job::Term(..) => "term.html",
        Job::Dashboard(_) => "dashboard.html",
        Job::OpenData(..) => "(open data)",
        Job::Search(_) => "search.html",
        Job::NotFound(_) => "404.html",
        Job::Alias(..) => "alias.html",
        Job::Feed(..) => "atom.xml",
        Job::Sitemap => "sitemap.xml",
        Job::Robots => "robots.txt",
    }
}

fn page_template(site: &Site, id: usize) -> &'static str {
    let page = &site.pages[id];
    if site.homes.contains(&Some(id)) {
        "index.html"
    } else if page.is_section {
        if page.kind == Kind::Module {
            "module.html"
        } else {
            "section.html"
        }
    } else {
        match page.kind {
            Kind::News => "news.html",
            Kind::CaseStudy => "case-study.html",
            Kind::Lesson => "lesson.html",
            Kind::Module => "module.html",
            Kind::Page => "page.html",
        }
    }
}

/// Renders one job into (output file path, bytes).
pub fn render(
    model: &Model,
    renderer: &Renderer,
    job: &Job,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let site = model.site;
    let per_page = site.config.paginate;
    match job {
        Job::Page(id) | Job::ListPage(id, _) => {
            let id = *id;
            let page = &site.pages[id];
            let number = match job {
                Job::ListPage(_, n) => *n,
                _ => 1,
            };
            let path = list_path(&page.path, number);
            let mut cx = model.base(&page.lang, &path, model.alternates_of(id));
            cx.insert("switch", &switch::for_page(site, id));
            cx.insert_value("page", model.page_value(id));
            model.orient(&mut cx, Some(id), structured::page_trail(site, id));
            if site.homes.contains(&Some(id)) {
                home_context(model, id, &mut cx);
            } else if page.is_section {
                section_context(model, id, number, &mut cx);
            } else {
                page_context(model, id, &mut cx);
            }
            let template = page_template(site, id);
            let html = renderer.render(template, &cx, &page.source)?;
            Ok((output_file(site, job), html))
        }
        Job::Taxonomy(li, ti) => {
            let lang = &site.config.languages[*li].code;
            let tax = &site.taxonomies[*li][*ti];
            let suffix = tax
                .path
                .trim_start_matches(&site.config.lang_prefix(lang))
                .to_string();
            let mut cx = model.base(lang, &tax.path, model.generated_alternates(&suffix));
            let tax_crumb = model.taxonomy_crumb(lang, tax);
            cx.insert_value("taxonomy", model.lang(lang).taxonomies[*ti].clone());
            let trail = structured::generated_trail(site, lang, &[tax_crumb]);
            model.orient(&mut cx, None, trail);
            let html = renderer.render("taxonomy.html", &cx, &tax.path)?;
            Ok((output_file(site, job), html))
        }
        Job::Term(li, ti, term_i, number) => {
            let lang = &site.config.languages[*li].code;
            let tax = &site.taxonomies[*li][*ti];
            let term = &tax.terms[*term_i];
            let path = list_path(&term.path, *number);
            let switch = switch::for_term(site, *ti, &term.slug);
            // hreflang names the same term in the other languages, on its first list page.
            let alternates: Vec<Alternate> = switch
                .iter()
                .filter(|a| a.exact && *number == 1)
                .map(switch::clone)
                .collect();
            let alternates = if alternates.len() > 1 {
                alternates
            } else {
                Vec::new()
            };
            let mut cx = model.base(lang, &path, alternates);
            let tax_crumb = model.taxonomy_crumb(lang, tax);
            cx.insert("switch", &switch);
            cx.insert_value("taxonomy", model.lang(lang).taxonomies[*ti].clone());
            let crumb = Crumb {
                title: term.name.clone(),
                path: term.path.clone(),
            };
            let trail = structured::generated_trail(site, lang, &[tax_crumb, crumb]);
            model.orient(&mut cx, None, trail);
            cx.insert(
                "term",
                &json!({"name": term.name, "slug": term.slug, "path": term.path, "count": term.pages.len()}),
            );
            let start = (number - 1) * per_page;
            let ids: Vec<usize> = term
                .pages
                .iter()
                .skip(start)
                .take(per_page)
                .copied()
                .collect();
            cx.insert_value("pages", model.summaries_of(&ids));
            cx.insert(
                "paginator",
                &paginator(&term.path, *number, page_count(term.pages.len(), per_page)),
            );
            let html = renderer.render("term.html", &cx, &path)?;
            Ok((output_file(site, job), html))
        }
        Job::Dashboard(id) => {
            let page = &site.pages[*id];
            let path = format!("{}impact/", page.path);
            let mut alternates = Vec::new();
            for a in model.alternates_of(*id) {
                alternates.push(Alternate {
                    path: format!("{}impact/", a.path),
                    ..a
                });
            }
            let mut cx = model.base(&page.lang, &path, alternates);
            cx.insert_value("section", model.summaries[*id].clone());
            cx.insert("dashboard", &dashboard::build(site, *id));
            cx.insert("data_path", &page.path);
            let mut trail = structured::page_trail(site, *id);
            trail.push(Crumb {
                title: model.text(&page.lang, "impact_dashboard"),
                path: path.clone(),
            });
            model.orient(&mut cx, None, trail);
            let html = renderer.render("dashboard.html", &cx, &page.source)?;
            Ok((output_file(site, job), html))
        }
        Job::OpenData(id, format) => {
            let rows = super::open_data::rows(site, *id);
            Ok((
                output_file(site, job),
                super::open_data::write(&rows, *format),
            ))
        }
        Job::Search(li) => {
            let lang = &site.config.languages[*li].code;
            let path = format!("{}search/", site.config.lang_prefix(lang));
            let mut cx = model.base(lang, &path, model.generated_alternates("search/"));
            cx.insert("search_index", &crate::search::index_file(lang));
            let crumb = Crumb {
                title: model.text(lang, "search"),
                path: path.clone(),
            };
            model.orient(
                &mut cx,
                None,
                structured::generated_trail(site, lang, &[crumb]),
            );
            cx.insert("facets", &crate::search::facet_names());
            let html = renderer.render("search.html", &cx, &path)?;
            Ok((output_file(site, job), html))
        }
        Job::NotFound(li) => {
            let lang = &site.config.languages[*li].code;
            let path = format!("{}404.html", site.config.lang_prefix(lang));
            let mut cx = model.base(lang, &path, Vec::new());
            // From a missing page, each language's home.
            cx.insert("switch", &model.generated_alternates(""));
            let html = renderer.render("404.html", &cx, &path)?;
            Ok((output_file(site, job), html))
        }
        Job::Alias(from, id) => {
            let page = &site.pages[*id];
            let mut cx = model.base(&page.lang, from, Vec::new());
            cx.insert("target", &page.path);
            cx.insert("title", &page.meta.title);
            let html = renderer.render("alias.html", &cx, &page.source)?;
            Ok((output_file(site, job), html))
        }
        Job::Feed(li, section) => {
            let lang = &site.config.languages[*li].code;
            let (base, ids, title) = match section {
                Some(id) => (
                    site.pages[*id].path.clone(),
                    site.children[*id].clone(),
                    site.pages[*id].meta.title.clone(),
                ),
                None => {
                    let mut ids: Vec<usize> = site.regular_pages(lang).collect();
                    crate::site::order_newest(&mut ids, &site.pages);
                    (
                        site.config.lang_prefix(lang),
                        ids,
                        site.config.languages[*li].title.clone(),
                    )
                }
            };
            let mut ids: Vec<usize> = ids
                .into_iter()
                .filter(|&i| site.pages[i].meta.date.is_some())
                .collect();
            crate::site::order_newest(&mut ids, &site.pages);
            ids.truncate(20);
            let path = format!("{base}atom.xml");
            let updated = ids
                .iter()
                .filter_map(|&i| site.pages[i].meta.updated.or(site.pages[i].meta.date))
                .map(|d| d.timestamp(site.config.timezone_minutes))
                .max()
                .map(|ts| crate::date::Date::from_timestamp(ts, 0).rfc3339(0))
                .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".to_string());
            let mut cx = model.base(lang, &path, Vec::new());
            cx.insert(
                "feed",
                &json!({"title": title, "path": path, "page_path": base, "updated": updated}),
            );
            cx.insert_value("entries", model.summaries_of(&ids));
            let xml = renderer.render("atom.xml", &cx, &path)?;
            Ok((output_file(site, job), xml))
        }
        Job::Sitemap => {
            let mut entries = Vec::new();
            for (id, page) in site.pages.iter().enumerate() {
                let tz = site.config.timezone_minutes;
                let lastmod =
                    (page.meta.updated.or(page.meta.date)).map(|d| d.in_zone(tz).iso_date());
                let alternates: Vec<Alternate> = if site.translations[id].is_empty() {
                    Vec::new()
                } else {
                    model.alternates_of(id)
                };
                entries
                    .push(json!({"path": page.path, "lastmod": lastmod, "alternates": alternates}));
            }
            for taxonomies in &site.taxonomies {
                for tax in taxonomies.iter().filter(|t| !t.terms.is_empty()) {
                    entries.push(json!({"path": tax.path, "alternates": []}));
                    for term in &tax.terms {
                        entries.push(json!({"path": term.path, "alternates": []}));
                    }
                }
            }
            let mut cx = Context::new();
            cx.insert("entries", &entries);
            cx.insert("current_path", "sitemap.xml");
            let xml = renderer.render("sitemap.xml", &cx, "sitemap.xml")?;
            Ok((output_file(site, job), xml))
        }
        Job::Robots => {
            let mut cx = Context::new();
            cx.insert("current_path", "robots.txt");
            let text = renderer.render("robots.txt", &cx, "robots.txt")?;
            Ok((output_file(site, job), text))
        }
    }
}
