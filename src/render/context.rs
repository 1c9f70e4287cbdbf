//! The template context of each job, and rendering a job into its file.

use super::dashboard;
use super::jobs::{list_path, output_file, page_count, Job};
use super::kinds::{home_context, page_context, paginator, section_context};
use super::model::Model;
use super::structured::{self, Crumb};
use super::switch::{self, Alternate};
use super::Renderer;
use crate::content::Kind;
use crate::diagnostics::Diagnostic;
use crate::site::Site;
use serde_json::json;
use tera::Context;

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
    let body = match *job {
        Job::Page(id) => page(model, renderer, id, 1)?,
        Job::ListPage(id, number) => page(model, renderer, id, number)?,
        Job::Taxonomy(li, ti) => taxonomy(model, renderer, li, ti)?,
        Job::Term(li, ti, term_i, number) => term(model, renderer, li, ti, term_i, number)?,
        Job::Dashboard(id) => dashboard(model, renderer, id)?,
        Job::OpenData(id, format) => {
            super::open_data::write(&super::open_data::rows(model.site, id), format)
        }
        Job::Search(li) => search_page(model, renderer, li)?,
        Job::NotFound(li) => not_found(model, renderer, li)?,
        Job::Alias(ref from, id) => alias(model, renderer, from, id)?,
        Job::Feed(li, section) => feed(model, renderer, li, section)?,
        Job::Sitemap => sitemap(model, renderer)?,
        Job::Robots => robots(renderer)?,
    };
    Ok((output_file(model.site, job), body))
}

/// Content page `id`, or page `number` of a section's list.
fn page(
    model: &Model,
    renderer: &Renderer,
    id: usize,
    number: usize,
) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let page = &site.pages[id];
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
    Ok(html)
}

/// The list of a taxonomy's terms.
fn taxonomy(
    model: &Model,
    renderer: &Renderer,
    li: usize,
    ti: usize,
) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let lang = &site.config.languages[li].code;
    let tax = &site.taxonomies[li][ti];
    let suffix = tax
        .path
        .trim_start_matches(&site.config.lang_prefix(lang))
        .to_string();
    let mut cx = model.base(lang, &tax.path, model.generated_alternates(&suffix));
    let tax_crumb = model.taxonomy_crumb(lang, tax);
    cx.insert_value("taxonomy", model.lang(lang).taxonomies[ti].clone());
    let trail = structured::generated_trail(site, lang, &[tax_crumb]);
    model.orient(&mut cx, None, trail);
    let html = renderer.render("taxonomy.html", &cx, &tax.path)?;
    Ok(html)
}

/// Page `number` of a term's pages.
fn term(
    model: &Model,
    renderer: &Renderer,
    li: usize,
    ti: usize,
    term_i: usize,
    number: usize,
) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let per_page = site.config.paginate;
    let lang = &site.config.languages[li].code;
    let tax = &site.taxonomies[li][ti];
    let term = &tax.terms[term_i];
    let path = list_path(&term.path, number);
    let switch = switch::for_term(site, ti, &term.slug);
    // hreflang names the same term in the other languages, on its first list page.
    let alternates: Vec<Alternate> = switch
        .iter()
        .filter(|a| a.exact && number == 1)
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
    cx.insert_value("taxonomy", model.lang(lang).taxonomies[ti].clone());
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
        &paginator(&term.path, number, page_count(term.pages.len(), per_page)),
    );
    let html = renderer.render("term.html", &cx, &path)?;
    Ok(html)
}

/// The impact dashboard of case-study section `id`.
fn dashboard(model: &Model, renderer: &Renderer, id: usize) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let page = &site.pages[id];
    let path = format!("{}impact/", page.path);
    let mut alternates = Vec::new();
    for a in model.alternates_of(id) {
        alternates.push(Alternate {
            path: format!("{}impact/", a.path),
            ..a
        });
    }
    let mut cx = model.base(&page.lang, &path, alternates);
    cx.insert_value("section", model.summaries[id].clone());
    cx.insert("dashboard", &dashboard::build(site, id));
    cx.insert("data_path", &page.path);
    let mut trail = structured::page_trail(site, id);
    trail.push(Crumb {
        title: model.text(&page.lang, "impact_dashboard"),
        path: path.clone(),
    });
    model.orient(&mut cx, None, trail);
    let html = renderer.render("dashboard.html", &cx, &page.source)?;
    Ok(html)
}

/// The search page of a language.
fn search_page(model: &Model, renderer: &Renderer, li: usize) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let lang = &site.config.languages[li].code;
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
    Ok(html)
}

/// The 404 page of a language.
fn not_found(model: &Model, renderer: &Renderer, li: usize) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let lang = &site.config.languages[li].code;
    let path = format!("{}404.html", site.config.lang_prefix(lang));
    let mut cx = model.base(lang, &path, Vec::new());
    // From a missing page, each language's home.
    cx.insert("switch", &model.generated_alternates(""));
    let html = renderer.render("404.html", &cx, &path)?;
    Ok(html)
}

/// A page that sends an old URL (`from`) to page `id`.
fn alias(model: &Model, renderer: &Renderer, from: &str, id: usize) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let page = &site.pages[id];
    let mut cx = model.base(&page.lang, from, Vec::new());
    cx.insert("target", &page.path);
    cx.insert("title", &page.meta.title);
    let html = renderer.render("alias.html", &cx, &page.source)?;
    Ok(html)
}

/// The Atom feed of a language, or of one section.
fn feed(
    model: &Model,
    renderer: &Renderer,
    li: usize,
    section: Option<usize>,
) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let lang = &site.config.languages[li].code;
    let (base, ids, title) = match section {
        Some(id) => (
            site.pages[id].path.clone(),
            site.children[id].clone(),
            site.pages[id].meta.title.clone(),
        ),
        None => {
            let mut ids: Vec<usize> = site.regular_pages(lang).collect();
            crate::site::order_newest(&mut ids, &site.pages);
            (
                site.config.lang_prefix(lang),
                ids,
                site.config.languages[li].title.clone(),
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
    Ok(xml)
}

/// `sitemap.xml`.
fn sitemap(model: &Model, renderer: &Renderer) -> Result<Vec<u8>, Diagnostic> {
    let site = model.site;
    let mut entries = Vec::new();
    for (id, page) in site.pages.iter().enumerate() {
        let tz = site.config.timezone_minutes;
        let lastmod = (page.meta.updated.or(page.meta.date)).map(|d| d.in_zone(tz).iso_date());
        let alternates: Vec<Alternate> = if site.translations[id].is_empty() {
            Vec::new()
        } else {
            model.alternates_of(id)
        };
        entries.push(json!({"path": page.path, "lastmod": lastmod, "alternates": alternates}));
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
    Ok(xml)
}

/// `robots.txt`.
fn robots(renderer: &Renderer) -> Result<Vec<u8>, Diagnostic> {
    let mut cx = Context::new();
    cx.insert("current_path", "robots.txt");
    let text = renderer.render("robots.txt", &cx, "robots.txt")?;
    Ok(text)
}
