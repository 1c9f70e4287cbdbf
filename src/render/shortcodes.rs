//! Shortcodes rendered by the theme's and the site's `shortcodes/<name>.html` templates: the
//! Markdown stage finds and checks the calls, this renders them with tera.

use super::Renderer;
use crate::diagnostics::Diagnostic;
use crate::markdown::shortcodes::{Declaration, Expander};
use crate::theme::Theme;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The declared shortcodes of a theme (with the site's templates over it) and its UI strings.
pub(super) struct Catalogue {
    declarations: BTreeMap<String, Declaration>,
    strings: BTreeMap<String, tera::Value>,
}

impl Catalogue {
    pub(super) fn new(theme: &Theme) -> Catalogue {
        let declarations = theme
            .templates
            .iter()
            .filter_map(|t| {
                let name = t.name.strip_prefix("shortcodes/")?.strip_suffix(".html")?;
                Some((name.to_string(), Declaration::parse(&t.text)))
            })
            .collect();
        let strings = theme
            .strings
            .iter()
            .map(|(lang, s)| (lang.clone(), super::values::to_value(s)))
            .collect();
        Catalogue {
            declarations,
            strings,
        }
    }
}

impl Expander for Renderer {
    fn declaration(&self, name: &str) -> Option<&Declaration> {
        self.shortcodes.declarations.get(name)
    }

    fn names(&self) -> Vec<String> {
        self.shortcodes.declarations.keys().cloned().collect()
    }

    fn render(
        &self,
        name: &str,
        values: Map<String, Value>,
        lang: &str,
        page: &str,
    ) -> Result<String, Diagnostic> {
        let mut cx = tera::Context::new();
        for (key, value) in values {
            cx.insert(key, &value);
        }
        cx.insert("lang", lang);
        if let Some(strings) = self.shortcodes.strings.get(lang) {
            cx.insert_value("t", strings.clone());
        }
        let bytes = Renderer::render(self, &format!("shortcodes/{name}.html"), &cx, page)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}
