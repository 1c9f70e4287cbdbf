//! Templates: the only user of tera. Loads the theme's templates once per build, registers the
//! filters templates use, and renders one output at a time (called in parallel).

mod cached;
pub mod context;
pub mod dashboard;
pub mod jobs;
mod kinds;
pub mod model;
pub mod open_data;
mod shortcodes;
pub mod structured;
mod switch;

pub use kinds::taxonomy_value;
pub mod values;

use crate::diagnostics::{Code, Diagnostic};
use crate::locale::format_number;
use crate::site::UrlStyle;
use crate::theme::Theme;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use tera::{Context, Kwargs, State, Tera};

/// Compiled templates plus where each came from.
pub struct Renderer {
    tera: Arc<Tera>,
    /// What `include_cached` rendered in this build.
    cached: Arc<cached::Cache>,
    origins: HashMap<String, String>,
    /// Shortcode templates (`shortcodes/<name>.html`) and the UI strings they may show.
    shortcodes: shortcodes::Catalogue,
    /// The theme's UI strings by language, for what Markdown rendering writes itself.
    strings: BTreeMap<String, BTreeMap<String, String>>,
}

impl Renderer {
    /// Compiles every template of the theme; a broken one is an error naming its file and line.
    pub fn new(theme: &Theme, style: &UrlStyle) -> Result<Renderer, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ".htm"]);
        let origins: HashMap<String, String> = theme
            .templates
            .iter()
            .map(|t| (t.name.clone(), t.origin.clone()))
            .collect();
        let sources: Vec<(String, String)> = theme
            .templates
            .iter()
            .map(|t| (t.name.clone(), t.text.clone()))
            .collect();
        register_filters(&mut tera, style);
        let cached = Arc::new(cached::Cache::default());
        cached::register(&mut tera, &cached, style.relative);
        if let Err(e) = tera.add_raw_templates(sources) {
            return Err(vec![template_error(&e, &origins, None)]);
        }
        let tera = Arc::new(tera);
        cached.attach(&tera);
        Ok(Renderer {
            tera,
            cached,
            origins,
            shortcodes: shortcodes::Catalogue::new(theme),
            strings: theme.strings.clone(),
        })
    }

    /// Forgets what `include_cached` rendered: the pages it showed may have changed.
    pub fn forget_cached(&self) {
        self.cached.clear();
    }

    /// The theme's UI strings in `lang` (English ones when the theme has none in `lang`).
    pub fn strings(&self, lang: &str) -> &BTreeMap<String, String> {
        static NONE: BTreeMap<String, String> = BTreeMap::new();
        self.strings
            .get(lang)
            .or_else(|| self.strings.get("en"))
            .unwrap_or(&NONE)
    }

    /// The file a template was read from (`templates/base.html`), or its name when embedded.
    pub fn template_file(&self, name: &str) -> String {
        self.origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Renders `template` with `context`; `page` names the content being rendered in errors.
    /// The bytes go out as they are: templates and every value are UTF-8 already.
    pub fn render(
        &self,
        template: &str,
        context: &Context,
        page: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(template, context, &mut out)
            .map_err(|e| template_error(&e, &self.origins, Some(page)))?;
        Ok(out)
    }
}

fn template_error(
    e: &tera::Error,
    origins: &HashMap<String, String>,
    page: Option<&str>,
) -> Diagnostic {
    let Place { name, at, message } = place(e);
    let origin = origins.get(&name).cloned().unwrap_or(name.clone());
    let code = if page.is_some() {
        Code::E0401
    } else {
        Code::E0402
    };
    let mut d = Diagnostic::error(code, &origin)
        .arg("template", &origin)
        .arg("message", message.lines().next().unwrap_or(""));
    if let Some((line, col)) = at {
        d = d.at(line, col);
    }
    if let Some(page) = page {
        d = d.arg("page", page);
    }
    d
}

/// Where a template error is: the template's name, its line and column (1-based) when the
/// engine gives them, and the engine's explanation.
struct Place {
    name: String,
    at: Option<(usize, usize)>,
    message: String,
}

fn place(e: &tera::Error) -> Place {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Place {
            name: r.filename().to_string(),
            at: Some((r.span().start_line, r.span().start_col + 1)),
            message: r.message().to_string(),
        },
        other => Place {
            name: String::new(),
            at: None,
            message: other.to_string(),
        },
    }
}

fn register_filters(tera: &mut Tera, style: &UrlStyle) {
    let links = style.clone();
    // `{{ page.path | url }}`: a link from the page being rendered to a site path.
    tera.register_filter("url", move |path: &str, _: Kwargs, state: &State| {
        // Only a relative link depends on the page it is written in.
        let from: String = match links.relative {
            true => state.get("current_path").ok().flatten().unwrap_or_default(),
            false => String::new(),
        };
        // Site paths have no leading `/`, but template authors often write one.
        links.href(&from, path.trim_start_matches('/'))
    });
    let absolute = style.clone();
    // `{{ page.path | abs_url }}`: the absolute URL, for canonical links, feeds and sitemaps.
    tera.register_filter("abs_url", move |path: &str, _: Kwargs, _: &State| {
        absolute.absolute(path.trim_start_matches('/'))
    });
    // `{{ page.title | urlencode }}`: text as a URL query value (share links).
    tera.register_filter("urlencode", |text: &str, _: Kwargs, _: &State| {
        crate::text::url_encode(text)
    });
    // `{{ 1200000 | num }}`: a number written the way the page's language reads it.
    tera.register_filter("num", |n: f64, kwargs: Kwargs, state: &State| {
        let lang: String = state.get("lang").ok().flatten().unwrap_or_default();
        let decimals: usize = kwargs.get("decimals").ok().flatten().unwrap_or(0);
        format_number(n, decimals, &lang)
    });
}
