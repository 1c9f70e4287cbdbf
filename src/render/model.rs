//! What every render job of a build shares: the site, its rendered Markdown, the values made
//! once (page summaries, each language's strings, navigation and taxonomies), and the context
//! every page starts from.

use super::structured::{self, Crumb};
use super::switch::{self, Alternate};
use super::values::{self, to_value};
use crate::markdown::Rendered;
use crate::site::Site;
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
    /// The site path of each entry of `nav`, in order.
    pub nav_paths: Vec<String>,
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

    pub(super) fn text_opt(&self, lang: &str, key: &str) -> Option<String> {
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
    pub(super) fn base(&self, lang: &str, current: &str, alternates: Vec<Alternate>) -> Context {
        let data = self.lang(lang);
        let mut cx = Context::new();
        cx.insert("lang", lang);
        cx.insert_value("site", data.site.clone());
        cx.insert_value("t", data.strings.clone());
        cx.insert_value("nav", data.nav.clone());
        cx.insert("nav_current", &nav_current(&data.nav_paths, current));
        cx.insert("current_path", current);
        // The switch goes where `alternates` go unless the job says otherwise.
        let alternates = to_value(&alternates);
        cx.insert_value("switch", alternates.clone());
        cx.insert_value("alternates", alternates);
        cx.insert("live_reload", &self.live_reload);
        cx.insert("breadcrumbs", &Vec::<Crumb>::new());
        cx.insert("json_ld", "");
        cx
    }

    pub(super) fn taxonomy_crumb(&self, lang: &str, tax: &crate::site::Taxonomy) -> Crumb {
        Crumb {
            title: self
                .text_opt(lang, &format!("taxonomy_{}", tax.name))
                .unwrap_or_else(|| tax.name.clone()),
            path: tax.path.clone(),
        }
    }

    /// The breadcrumb trail and JSON-LD of a page (`id`) or of a generated page.
    pub(super) fn orient(&self, cx: &mut Context, id: Option<usize>, trail: Vec<Crumb>) {
        cx.insert("json_ld", &structured::json_ld(self.site, id, &trail));
        cx.insert("breadcrumbs", &trail);
    }

    pub(super) fn alternates_of(&self, id: usize) -> Vec<Alternate> {
        switch::translations(self.site, id)
    }

    /// Alternates for a generated page that exists at `suffix` under every language's prefix.
    pub(super) fn generated_alternates(&self, suffix: &str) -> Vec<Alternate> {
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
    pub(super) fn page_value(&self, id: usize) -> Value {
        let mut page = self.summaries[id].as_map().cloned().unwrap_or_default();
        let view = to_value(&values::page_view(self.site, id, &self.rendered[id]));
        page.extend(view.into_map().unwrap_or_default());
        Value::from(page)
    }
}

/// The `nav` entries a page at `current` is under (`current_path` starts with their path), as
/// their positions in `nav`, each followed by a space after a leading one (` 0 `): a plain
/// value, so a template can test an entry with `(" " ~ loop.index0 ~ " ") in nav_current` and
/// render the menu once per language and current entries (`include_cached`). A position holds
/// no space, as a path may (`url: /gioi thieu/`).
fn nav_current(nav_paths: &[String], current: &str) -> String {
    let mut out = String::from(" ");
    for (i, path) in nav_paths.iter().enumerate() {
        if current.starts_with(path.as_str()) {
            out.push_str(&i.to_string());
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::nav_current;

    #[test]
    fn the_current_menu_entries_are_those_the_page_is_under() {
        let nav = ["case-studies/".to_string(), "news/".to_string()];
        assert_eq!(nav_current(&nav, "case-studies/x/"), " 0 ");
        assert_eq!(nav_current(&nav, "news/"), " 1 ");
        assert_eq!(nav_current(&nav, ""), " ");
        // An entry inside another: both are current.
        let nested = ["b/".to_string(), "a/b/".to_string(), "a/".to_string()];
        assert_eq!(nav_current(&nested, "a/b/c/"), " 1 2 ");
        // A path with a space (`url:` front matter) is never mistaken for another.
        let spaced = ["gioi thieu/".to_string(), "thieu/".to_string()];
        assert_eq!(nav_current(&spaced, "gioi thieu/x/"), " 0 ");
    }
}
