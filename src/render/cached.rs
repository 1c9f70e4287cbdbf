//! `include_cached`: a template rendered once per key and reused wherever it is included again,
//! as Hugo's `partialCached` is. A list of 20 pages shows 20 cards, and the same card appears
//! in every list that holds its page: rendered once, it is copied after that.
//!
//! `{{ include_cached(template="partials/card.html", key=p.path, p=p, card_level=2) }}` renders
//! `template` with the other arguments as its variables, and `lang`, `site`, `t`, `nav` and
//! `live_reload` from the including template. `key` names what the arguments that are objects
//! or lists show; with the template, the language and the arguments that are plain values, it
//! makes the cache key. With relative links (`--relative-urls`) a link depends on the page it
//! is written in: the template is then rendered at each use, with `current_path`.

use rustc_hash::FxHashMap;
use std::fmt::Write;
use std::sync::{Arc, OnceLock, RwLock, Weak};
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

/// What the including template passes on to a cached one.
const INHERITED: [&str; 5] = ["lang", "site", "t", "nav", "live_reload"];
/// The variable counting cached templates within each other, and how many may be.
const DEPTH: &str = "include_cached_depth";
const MAX_DEPTH: i64 = 16;

/// The renderings of one build (the dev server forgets them when pages change).
#[derive(Default)]
pub struct Cache {
    /// The templates, set once they are compiled (the function belongs to them).
    tera: OnceLock<Weak<Tera>>,
    rendered: RwLock<FxHashMap<String, Value>>,
}

impl Cache {
    /// Gives the cache the compiled templates it renders with.
    pub fn attach(&self, tera: &Arc<Tera>) {
        let _ = self.tera.set(Arc::downgrade(tera));
    }

    /// Forgets every rendering.
    pub fn clear(&self) {
        self.rendered
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

/// Registers `include_cached` on `tera`; `relative` tells whether links depend on the page.
pub fn register(tera: &mut Tera, cache: &Arc<Cache>, relative: bool) {
    let cache = Arc::clone(cache);
    tera.register_function(
        "include_cached",
        move |kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            include(&cache, relative, &kwargs, state)
        },
    );
}

fn include(cache: &Cache, relative: bool, kwargs: &Kwargs, state: &State) -> TeraResult<Value> {
    let template: &str = kwargs.must_get("template")?;
    // With relative links every use renders, so no key is made; `key=` is still required, so
    // a theme works in both modes.
    let key = if relative {
        key_of(kwargs)?;
        None
    } else {
        Some(cache_key(template, kwargs, state)?)
    };
    if let Some(key) = &key {
        let known = cache.rendered.read().unwrap_or_else(|e| e.into_inner());
        if let Some(html) = known.get(key) {
            return Ok(html.clone());
        }
    }
    let tera = cache
        .tera
        .get()
        .and_then(Weak::upgrade)
        .ok_or_else(|| tera::Error::message("include_cached: the templates are not ready"))?;
    let html = tera
        .render(template, &context(kwargs, state, relative)?)
        .map_err(|e| inner_error(template, &e))?;
    let html = Value::safe_string(&html);
    if let Some(key) = key {
        let mut known = cache.rendered.write().unwrap_or_else(|e| e.into_inner());
        known.insert(key, html.clone());
    }
    Ok(html)
}

/// An error of the cached template, said with its own place (the engine reports it at the
/// call): `in partials/card.html:1:30: Variable ...`.
fn inner_error(template: &str, e: &tera::Error) -> tera::Error {
    let place = super::place(e);
    let name = if place.name.is_empty() {
        template
    } else {
        &place.name
    };
    let message = match place.at {
        Some((line, col)) => format!("in {name}:{line}:{col}: {}", place.message),
        None => format!("in {name}: {}", place.message),
    };
    tera::Error::message(message)
}

/// The arguments a cached template gets as variables: all but `template` and `key`.
fn arguments(kwargs: &Kwargs) -> impl Iterator<Item = (&str, &Value)> {
    kwargs
        .iter()
        .filter_map(|(name, value)| Some((name.as_str()?, value)))
        .filter(|(name, _)| *name != "template" && *name != "key")
}

/// The variables of a cached template: its arguments, what it inherits, and how deep it is
/// among cached templates (one that includes itself ends in an error, not without end).
fn context(kwargs: &Kwargs, state: &State, relative: bool) -> TeraResult<Context> {
    let depth: i64 = state.get(DEPTH)?.unwrap_or(0);
    if depth >= MAX_DEPTH {
        return Err(tera::Error::message(format!(
            "include_cached: more than {MAX_DEPTH} templates include each other"
        )));
    }
    let mut cx = Context::new();
    cx.insert(DEPTH, &(depth + 1));
    let inherited = INHERITED.iter().chain(relative.then_some(&"current_path"));
    for &name in inherited {
        if let Some(value) = state.get::<Value>(name)? {
            cx.insert_value(name, value);
        }
    }
    for (name, value) in arguments(kwargs) {
        cx.insert_value(name.to_string(), value.clone());
    }
    Ok(cx)
}

/// The template, the language, `key` and every argument that is a plain value, in the order
/// written (a call written with its arguments in another order is another key). Made for
/// every card of every list, so values are appended as they are, not formatted.
fn cache_key(template: &str, kwargs: &Kwargs, state: &State) -> TeraResult<String> {
    let key = key_of(kwargs)?;
    let lang: Option<Value> = state.get("lang")?;
    let mut out = String::with_capacity(128);
    out.push_str(template);
    out.push('\0');
    if let Some(lang) = &lang {
        push_value(&mut out, lang);
    }
    out.push('\0');
    push_value(&mut out, key);
    let plain = arguments(kwargs).filter(|(_, v)| v.as_map().is_none() && v.as_array().is_none());
    for (name, value) in plain {
        out.push('\0');
        out.push_str(name);
        out.push('=');
        push_value(&mut out, value);
    }
    Ok(out)
}

/// Appends `value` as a template writes it: a string as it is, anything else formatted.
fn push_value(out: &mut String, value: &Value) {
    match value.as_str() {
        Some(text) => out.push_str(text),
        None => {
            let _ = write!(out, "{value}");
        }
    }
}

/// The `key=` argument, which every call must have.
fn key_of(kwargs: &Kwargs) -> TeraResult<&Value> {
    kwargs.get::<&Value>("key")?.ok_or_else(|| {
        tera::Error::message(
            "include_cached needs key= (what the objects passed to the template show)",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Templates with `include_cached`, and the cache behind it.
    fn templates(relative: bool, extra: &[(&str, &str)]) -> (Arc<Tera>, Arc<Cache>) {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html"]);
        let cache = Arc::new(Cache::default());
        register(&mut tera, &cache, relative);
        let card = "<h{{ level | default(value=3) }}>{{ p.title }}</h{{ level | default(value=3) }}>\
                    {{ t.more }}{% if current_path is defined %} from {{ current_path }}{% endif %}";
        let mut all = vec![("card.html", card)];
        all.extend_from_slice(extra);
        tera.add_raw_templates(all).unwrap();
        let tera = Arc::new(tera);
        cache.attach(&tera);
        (tera, cache)
    }

    fn context(pages: &[&str]) -> Context {
        let mut cx = Context::new();
        let pages: Vec<_> = pages
            .iter()
            .map(|t| serde_json::json!({"title": t, "path": t.to_lowercase()}))
            .collect();
        cx.insert("pages", &pages);
        cx.insert("lang", "vi");
        cx.insert("t", &serde_json::json!({"more": "Xem & đọc"}));
        cx.insert("current_path", "news/");
        cx
    }

    #[test]
    fn a_cached_include_renders_as_an_include_does() {
        let list = "{% for p in pages %}{% include \"card.html\" %}|{% endfor %}";
        let cached = "{% for p in pages %}{{ include_cached(template=\"card.html\", key=p.path, p=p) }}|{% endfor %}";
        let (tera, _) = templates(false, &[("list.html", list), ("cached.html", cached)]);
        let cx = context(&["A <b>", "B"]);
        let plain = tera.render("list.html", &cx).unwrap();
        let got = tera.render("cached.html", &cx).unwrap();
        // The include sees `current_path`, the cached one does not: compare the rest.
        assert_eq!(got, plain.replace(" from news/", ""));
        assert!(got.contains("<h3>A &lt;b&gt;</h3>Xem &amp; đọc|"), "{got}");
    }

    #[test]
    fn a_key_is_rendered_once_and_plain_arguments_are_part_of_it() {
        let list = "{% for p in pages %}{{ include_cached(template=\"card.html\", key=\"same\", p=p) }}|\
                    {{ include_cached(template=\"card.html\", key=\"same\", p=p, level=2) }}|{% endfor %}";
        let (tera, cache) = templates(false, &[("list.html", list)]);
        let got = tera.render("list.html", &context(&["A", "B"])).unwrap();
        // The key says what the object shows: B's card is A's.
        assert_eq!(
            got,
            "<h3>A</h3>Xem &amp; đọc|<h2>A</h2>Xem &amp; đọc|".repeat(2)
        );
        cache.clear();
        let got = tera.render("list.html", &context(&["B"])).unwrap();
        assert!(got.starts_with("<h3>B</h3>"), "{got}");
    }

    #[test]
    fn relative_links_render_at_each_use_from_the_page() {
        let list = "{% for p in pages %}{{ include_cached(template=\"card.html\", key=\"same\", p=p) }}|{% endfor %}";
        let (tera, _) = templates(true, &[("list.html", list)]);
        let got = tera.render("list.html", &context(&["A", "B"])).unwrap();
        assert_eq!(
            got,
            "<h3>A</h3>Xem &amp; đọc from news/|<h3>B</h3>Xem &amp; đọc from news/|"
        );
    }

    /// The error of rendering `name` among `extra` templates.
    fn error_of(name: &str, extra: &[(&str, &str)]) -> String {
        let (tera, _) = templates(false, extra);
        let e = tera.render(name, &context(&["A"])).unwrap_err();
        format!("{e:?}")
    }

    #[test]
    fn a_template_that_includes_itself_is_an_error() {
        let own = "{{ include_cached(template=\"own.html\", key=\"k\") }}";
        let e = error_of("own.html", &[("own.html", own)]);
        assert!(e.contains("more than 16"), "{e}");
    }

    #[test]
    fn a_call_without_a_key_is_an_error() {
        let list = "{{ include_cached(template=\"card.html\", p=pages[0]) }}";
        let e = error_of("list.html", &[("list.html", list)]);
        assert!(e.contains("key="), "{e}");
    }

    #[test]
    fn an_error_in_the_cached_template_names_its_line() {
        let broken = "line one\n{{ page.title }}";
        let list = "{{ include_cached(template=\"broken.html\", key=1) }}";
        let e = error_of("list.html", &[("broken.html", broken), ("list.html", list)]);
        assert!(e.contains("in broken.html:2:4:"), "{e}");
    }
}
