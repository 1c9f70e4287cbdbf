//! Front matter (parsed YAML) -> typed [`Meta`], with a located diagnostic per bad field.

use super::model::{Better, CaseStudy, Kind, Meta, Metric, Money, Question};
use crate::content::techniques::TECHNIQUES;
use crate::diagnostics::Code;
use crate::yaml::{describe, Fields, Seg};
use serde_json::{Map, Value};

/// Every key some kind of page reads (for suggestions): the keys of every kind, then those of
/// training pages, then those of case studies.
pub const ALL_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "summary",
    "slug",
    "draft",
    "tags",
    "weight",
    "kind",
    "aliases",
    "search",
    "image",
    "image_alt",
    "description",
    "duration",
    "objectives",
    "quiz",
    "company",
    "province",
    "sector",
    "techniques",
    "year",
    "company_size",
    "investment",
    "savings_per_year",
    "payback_months",
    "metrics",
];
/// Keys every kind of page reads.
const COMMON: &[&str] = ALL_KEYS.split_at(14).0;
/// Keys of modules and lessons.
const TRAINING: &[&str] = ALL_KEYS.split_at(14).1.split_at(3).0;
/// Keys of case studies.
const CASE_STUDY: &[&str] = ALL_KEYS.split_at(17).1;

/// Keys of a metric, a quiz question and an amount of money.
const METRIC: [&str; 5] = ["name", "unit", "before", "after", "better"];
const QUESTION: [&str; 4] = ["question", "options", "answer", "explanation"];
const MONEY: [&str; 2] = ["amount", "currency"];

/// Whether some kind of page reads `key`.
pub fn is_known(key: &str) -> bool {
    COMMON.contains(&key) || TRAINING.contains(&key) || CASE_STUDY.contains(&key)
}

/// `date:`, or its `created` / `updated` part when it is a mapping, as MkDocs' blog writes it
/// (`date: { created: 2024-05-02, updated: 2024-06-01 }`).
fn dated(map: &Map<String, Value>, f: &mut Fields, part: &str) -> Option<crate::date::Date> {
    match map.get("date") {
        Some(Value::Object(parts)) => f.date(parts, &[crate::yaml::Seg::Key("date")], part),
        _ if part == "created" => f.date(map, &[], "date"),
        _ => None,
    }
}

/// Reads the front matter of a page of `kind`; unknown keys land in `extra`.
pub fn read(map: &Map<String, Value>, f: &mut Fields, kind: Kind) -> Meta {
    let mut meta = Meta {
        title: f.required_text(map, &[], "title").unwrap_or_default(),
        date: dated(map, f, "created"),
        updated: f
            .date(map, &[], "updated")
            .or_else(|| dated(map, f, "updated")),
        summary: f
            .text(map, &[], "summary")
            .or_else(|| f.text(map, &[], "description"))
            .filter(|s| !s.trim().is_empty()),
        slug: f.text(map, &[], "slug"),
        draft: f.boolean(map, &[], "draft").unwrap_or(false),
        tags: f.text_list(map, &[], "tags"),
        weight: f.integer(map, &[], "weight"),
        aliases: f.text_list(map, &[], "aliases"),
        search: match map.get("search") {
            Some(Value::Bool(_)) => f.boolean(map, &[], "search").unwrap_or(true),
            _ => true,
        },
        image: f.text(map, &[], "image"),
        image_alt: f.text(map, &[], "image_alt"),
        ..Meta::default()
    };
    if meta.image.is_some()
        && meta
            .image_alt
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
    {
        f.warning(Code::W0106, &[Seg::Key("image")]);
    }
    let training = matches!(kind, Kind::Module | Kind::Lesson);
    if training {
        meta.duration = f.number(map, &[], "duration");
        meta.objectives = f.text_list(map, &[], "objectives");
        meta.quiz = read_quiz(map, f);
    }
    if kind == Kind::CaseStudy {
        meta.case = Some(read_case_study(map, f));
    }
    for (key, value) in map {
        let known = COMMON.contains(&key.as_str())
            || (training && TRAINING.contains(&key.as_str()))
            || (kind == Kind::CaseStudy && CASE_STUDY.contains(&key.as_str()));
        if !known {
            meta.extra.insert(key.clone(), value.clone());
        }
    }
    meta
}

fn read_case_study(map: &Map<String, Value>, f: &mut Fields) -> CaseStudy {
    let techniques = f.text_list(map, &[], "techniques");
    for (i, t) in techniques.iter().enumerate() {
        if !TECHNIQUES.iter().any(|tech| tech.key == t) {
            let known: Vec<&str> = TECHNIQUES.iter().map(|t| t.key).collect();
            let meant = technique_meant(t);
            let d = f.error(Code::E0113, &[Seg::Key("techniques"), Seg::Index(i)]);
            d.args.push(("value", t.clone()));
            d.args.push(("known", known.join(", ")));
            if let Some(key) = meant {
                d.args.push(("form", "meant".to_string()));
                d.args.push(("suggestion", key.to_string()));
            }
        }
    }
    let mut metrics = Vec::new();
    for (i, m) in f.map_list(map, &[], "metrics") {
        let at = [Seg::Key("metrics"), Seg::Index(i)];
        if let Some(Value::String(name)) = m.get("name") {
            f.name_item("metrics", i, name);
        }
        super::keys::check_nested(m, f, &at, &METRIC);
        let name = f.required_text(m, &at, "name");
        let unit = f.text(m, &at, "unit").unwrap_or_default();
        let before = required_number(f, m, &at, "before");
        let after = required_number(f, m, &at, "after");
        let better = match f.text(m, &at, "better").as_deref() {
            Some("lower") | None => Some(Better::Lower),
            Some("higher") => Some(Better::Higher),
            Some(other) => {
                let mut segs = at.to_vec();
                segs.push(Seg::Key("better"));
                f.error(Code::E0112, &segs)
                    .args
                    .push(("value", other.to_string()));
                None
            }
        };
        if let (Some(name), Some(before), Some(after), Some(better)) = (name, before, after, better)
        {
            metrics.push(Metric {
                name,
                unit,
                before,
                after,
                better,
            });
        }
    }
    CaseStudy {
        company: f.text(map, &[], "company"),
        province: f.text(map, &[], "province"),
        sector: f.text(map, &[], "sector"),
        techniques,
        year: f.integer(map, &[], "year"),
        company_size: f.text(map, &[], "company_size"),
        investment: read_money(map, f, "investment"),
        savings_per_year: read_money(map, f, "savings_per_year"),
        payback_months: f.number(map, &[], "payback_months"),
        metrics,
    }
}

/// The technique key an editor meant by a label (`Quản lý nội vi tốt`, `Good housekeeping`)
/// or a near spelling of a key (`good-houskeeping`).
fn technique_meant(written: &str) -> Option<&'static str> {
    let folded = crate::text::slugify(written);
    TECHNIQUES
        .iter()
        .find(|t| {
            t.key == folded
                || crate::text::slugify(t.vi) == folded
                || crate::text::slugify(t.en) == folded
        })
        .map(|t| t.key)
        .or_else(|| {
            let keys: Vec<&'static str> = TECHNIQUES.iter().map(|t| t.key).collect();
            super::keys::nearest(&folded, &keys)
        })
}

fn required_number(
    f: &mut Fields,
    m: &Map<String, Value>,
    at: &[Seg],
    key: &'static str,
) -> Option<f64> {
    if !m.contains_key(key) || m[key].is_null() {
        let mut segs = at.to_vec();
        segs.push(Seg::Key(key));
        f.error(Code::E0105, &segs);
        return None;
    }
    f.number(m, at, key)
}

/// `{ amount: 120000000, currency: VND }`, or a bare number in VND.
fn read_money(map: &Map<String, Value>, f: &mut Fields, key: &'static str) -> Option<Money> {
    match map.get(key)? {
        Value::Null => None,
        Value::Number(_) => Some(Money {
            amount: f.number(map, &[], key)?,
            currency: "VND".to_string(),
        }),
        Value::String(s) if crate::yaml::is_non_finite(s) => {
            f.number(map, &[], key);
            None
        }
        Value::Object(m) => {
            let at = [Seg::Key(key)];
            super::keys::check_nested(m, f, &at, &MONEY);
            let amount = required_number(f, m, &at, "amount")?;
            let currency = f
                .text(m, &at, "currency")
                .unwrap_or_else(|| "VND".to_string());
            Some(Money { amount, currency })
        }
        other => {
            // The example shows the editor's own amount and currency when they wrote them.
            let written = other.as_str().and_then(crate::yaml::number_with_unit);
            let d = f.error(Code::E0115, &[Seg::Key(key)]);
            d.args.push(("value", describe(other)));
            let (amount, currency) = written.unwrap_or((120_000_000.0, "VND".to_string()));
            let currency = if currency.is_empty() || currency.to_lowercase().starts_with("đ") {
                "VND".to_string()
            } else {
                currency.to_uppercase()
            };
            d.args.push(("amount", amount.to_string()));
            d.args.push(("currency", currency));
            None
        }
    }
}

fn read_quiz(map: &Map<String, Value>, f: &mut Fields) -> Vec<Question> {
    let mut quiz = Vec::new();
    for (i, q) in f.map_list(map, &[], "quiz") {
        let at = [Seg::Key("quiz"), Seg::Index(i)];
        if let Some(Value::String(text)) = q.get("question") {
            f.name_item("quiz", i, text);
        }
        super::keys::check_nested(q, f, &at, &QUESTION);
        let question = f.required_text(q, &at, "question");
        let options = f.text_list(q, &at, "options");
        if options.is_empty() {
            let mut segs = at.to_vec();
            segs.push(Seg::Key("options"));
            f.error(Code::E0105, &segs);
        }
        let answer_text = f.required_text(q, &at, "answer");
        let explanation = f.text(q, &at, "explanation");
        let answer = answer_text
            .as_ref()
            .and_then(|a| options.iter().position(|o| o.trim() == a.trim()));
        if let (Some(a), None, false) = (&answer_text, answer, options.is_empty()) {
            let mut segs = at.to_vec();
            segs.push(Seg::Key("answer"));
            let d = f.error(Code::E0114, &segs);
            d.args.push(("value", a.clone()));
            d.args.push(("known", options.join(" | ")));
        }
        if let (Some(question), Some(answer)) = (question, answer) {
            quiz.push(Question {
                question,
                options,
                answer,
                explanation,
            });
        }
    }
    quiz
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_groups_split_the_one_list_where_they_change() {
        assert_eq!(COMMON.last(), Some(&"description"));
        assert_eq!(TRAINING, ["duration", "objectives", "quiz"]);
        assert_eq!(CASE_STUDY.first(), Some(&"company"));
        assert_eq!(
            COMMON.len() + TRAINING.len() + CASE_STUDY.len(),
            ALL_KEYS.len()
        );
    }
}
