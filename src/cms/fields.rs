//! The fields of each kind as Decap widgets, in the order of sachhon's scaffolds (Decap
//! writes front matter in the order of its fields), with the checks sachhon makes.

use crate::content::techniques::TECHNIQUES;
use crate::content::Kind;
use crate::messages::Catalogue;
use serde_json::{json, Value};

/// Terms already written in the site, offered as choices.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// Sectors of the case studies.
    pub sectors: Vec<String>,
    /// Provinces of the case studies.
    pub provinces: Vec<String>,
}

/// Labels in the editor's language.
struct Labels<'a> {
    catalogue: &'a Catalogue,
    lang: &'a str,
}

impl Labels<'_> {
    fn get(&self, key: &str) -> String {
        self.catalogue.text(&format!("cms-field-{key}"), &[])
    }
}

/// The fields of an entry of `kind`, labelled in `lang` (the site's default language).
pub fn fields(kind: Kind, lang: &str, terms: &Terms) -> Vec<Value> {
    let catalogue = Catalogue::new(lang);
    let l = Labels {
        catalogue: &catalogue,
        lang,
    };
    let mut list = vec![
        string(&l, "title", true, true),
        date(&l, kind == Kind::News),
        text(&l, "summary"),
        json!({"name": "draft", "label": l.get("draft"), "widget": "boolean", "default": false,
               "required": false, "i18n": "duplicate"}),
    ];
    match kind {
        Kind::CaseStudy => list.extend(case_study(&l, terms)),
        Kind::News => {
            list.push(
                json!({"name": "image", "label": l.get("image"), "widget": "image",
                             "required": false, "i18n": "duplicate"}),
            );
            list.push(string(&l, "image_alt", false, true));
        }
        Kind::Module => {
            list.push(number(&l, "weight", "int", false, "duplicate"));
            list.push(number(&l, "duration", "float", false, "duplicate"));
            list.push(json!({"name": "objectives", "label": l.get("objectives"),
                             "widget": "list", "required": false, "i18n": true}));
        }
        Kind::Lesson => {
            list.push(number(&l, "weight", "int", false, "duplicate"));
            list.push(number(&l, "duration", "float", false, "duplicate"));
            list.push(quiz(&l));
        }
        Kind::Page => list.push(number(&l, "weight", "int", false, "duplicate")),
    }
    list.push(
        json!({"name": "tags", "label": l.get("tags"), "widget": "list",
                     "required": false, "i18n": true}),
    );
    list.push(
        json!({"name": "body", "label": l.get("body"), "widget": "markdown",
                     "required": false, "i18n": true}),
    );
    list
}

/// A case study's fields. `better` has no default: left empty it is not written and sachhon
/// reads it as `lower`, and a metric's keys keep the scaffold's order (a default would be
/// written first).
fn case_study(l: &Labels, terms: &Terms) -> Vec<Value> {
    let techniques: Vec<Value> = TECHNIQUES
        .iter()
        .map(|t| json!({"label": if l.lang == "vi" { t.vi } else { t.en }, "value": t.key}))
        .collect();
    vec![
        string(l, "company", false, false),
        term(l, "province", &terms.provinces),
        term(l, "sector", &terms.sectors),
        json!({"name": "techniques", "label": l.get("techniques"), "widget": "select",
               "multiple": true, "options": techniques, "required": false,
               "i18n": "duplicate"}),
        json!({"name": "year", "label": l.get("year"), "widget": "number", "value_type": "int",
               "min": 1900, "max": 2100, "required": false, "i18n": "duplicate"}),
        string(l, "company_size", false, false),
        money(l, "investment"),
        money(l, "savings_per_year"),
        number(l, "payback_months", "float", false, "duplicate"),
        json!({"name": "metrics", "label": l.get("metrics"), "widget": "list",
        "required": false, "i18n": true, "summary": "{{fields.name}}",
               "collapsed": false, "default": [],
        "fields": [
            string(l, "name", true, true),
            string(l, "unit", false, true),
            number(l, "before", "float", true, "true"),
            number(l, "after", "float", true, "true"),
            {"name": "better", "label": l.get("better"), "widget": "select",
             "options": [{"label": l.get("better-lower"), "value": "lower"},
                         {"label": l.get("better-higher"), "value": "higher"}],
             "required": false, "i18n": true},
        ]}),
    ]
}

fn quiz(l: &Labels) -> Value {
    json!({"name": "quiz", "label": l.get("quiz"), "widget": "list", "required": false,
    "i18n": true, "summary": "{{fields.question}}", "collapsed": false, "default": [],
    "fields": [
        string(l, "question", true, true),
        {"name": "options", "label": l.get("options"), "widget": "list",
         "required": true, "i18n": true},
        string(l, "answer", true, true),
        {"name": "explanation", "label": l.get("explanation"), "widget": "text",
         "required": false, "i18n": true},
    ]})
}

fn string(l: &Labels, name: &str, required: bool, translated: bool) -> Value {
    json!({"name": name, "label": l.get(name), "widget": "string", "required": required,
           "i18n": if translated { json!(true) } else { json!("duplicate") }})
}

fn text(l: &Labels, name: &str) -> Value {
    json!({"name": name, "label": l.get(name), "widget": "text", "required": false,
           "i18n": true})
}

/// A number; `i18n` is `true` inside translated lists, where `duplicate` does not apply.
fn number(l: &Labels, name: &str, value_type: &str, required: bool, i18n: &str) -> Value {
    let i18n = if i18n == "true" {
        json!(true)
    } else {
        json!(i18n)
    };
    json!({"name": name, "label": l.get(name), "widget": "number", "value_type": value_type,
           "required": required, "i18n": i18n})
}

/// Dates as sachhon writes them (`YYYY-MM-DD`): a day in the site's calendar, with no time
/// for a browser in another time zone to shift.
fn date(l: &Labels, required: bool) -> Value {
    json!({"name": "date", "label": l.get("date"), "widget": "datetime",
           "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": false,
           "required": required, "i18n": "duplicate"})
}

/// A select of the terms already written, or free text while there are none.
fn term(l: &Labels, name: &str, options: &[String]) -> Value {
    if options.is_empty() {
        return string(l, name, false, false);
    }
    json!({"name": name, "label": l.get(name), "widget": "select", "options": options,
           "required": false, "i18n": "duplicate"})
}

/// Amount and currency; an object's `i18n` can only be `true`, so its fields carry the
/// `duplicate` (the same figures in every language). Decap checks the fields of an optional
/// object even when it is left empty, so `amount` is not marked required: a figure without
/// its amount is refused by sachhon's own check when saved (E0105).
fn money(l: &Labels, name: &str) -> Value {
    json!({"name": name, "label": l.get(name), "widget": "object", "required": false,
    "collapsed": true, "i18n": true,
    "fields": [
        {"name": "amount", "label": l.get("amount"), "widget": "number",
         "value_type": "float", "min": 0, "required": false, "i18n": "duplicate"},
        {"name": "currency", "label": l.get("currency"), "widget": "string",
         "required": false, "i18n": "duplicate"},
    ]})
}
