//! YAML documents (front matter and site.yaml): the only user of serde_yaml; TOML front
//! matter is read into the same plain data by [`toml`].
//!
//! YAML is parsed into plain `serde_json::Value` data, so the rest of sachhon never sees a YAML
//! type, and a [`Locator`] finds the line and column of a key path in the source text, since the
//! parsed value forgets where each key was written.

mod explain;
mod fields;
mod locate;
mod strict;
pub mod toml;

pub use explain::Cause;
pub use fields::{describe, is_non_finite, number_with_unit, Fields};
pub use locate::{Locator, Seg};

use crate::diagnostics::Code;
use serde_json::{Map, Number, Value};

/// A YAML syntax error, located in the parsed text (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line within the parsed text.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// The parser's own explanation.
    pub message: String,
    /// A key written twice: its name and the line (1-based, in the parsed text) where it was
    /// first written; `line` is where it was written again.
    pub duplicate: Option<(String, usize)>,
    /// The mistake behind the error, in plain terms, when it is a common one.
    pub cause: Option<Box<Cause>>,
}

impl SyntaxError {
    /// The error as a diagnostic of file `path`, whose YAML starts `line_offset` lines in:
    /// E0150 for a key written twice (naming both lines), else `syntax_code`.
    pub fn diagnostic(
        &self,
        syntax_code: Code,
        path: &str,
        line_offset: usize,
    ) -> crate::diagnostics::Diagnostic {
        let d = crate::diagnostics::Diagnostic::error(syntax_code, path);
        match &self.duplicate {
            Some((key, first)) => crate::diagnostics::Diagnostic {
                code: Code::E0150,
                ..d
            }
            .at(self.line + line_offset, self.col)
            .arg("key", key)
            .arg("first", first + line_offset),
            // E0002 says the mistake plainly; the parser's words are a detail for --verbose.
            None if syntax_code == Code::E0002 => match &self.cause {
                Some(c) => d
                    .at(c.line + line_offset, c.col)
                    .arg("cause", c.kind)
                    .arg("key", &c.key)
                    .arg("value", c.value.replace('"', "\\\""))
                    .arg("detail", &self.message),
                None => d
                    .at(self.line + line_offset, self.col)
                    .arg("cause", "other")
                    .arg("detail", &self.message),
            },
            None => d
                .at(self.line + line_offset, self.col)
                .arg("message", &self.message),
        }
    }
}

/// Parses one YAML document into plain data. An empty document is an empty mapping.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    let dups = std::cell::RefCell::new(Vec::new());
    let seed = strict::Strict {
        at: strict::At::Root,
        dups: &dups,
    };
    let parsed =
        serde::de::DeserializeSeed::deserialize(seed, serde_yaml::Deserializer::from_str(text));
    match parsed {
        Ok(v) => match dups.into_inner().first() {
            Some(path) => Err(duplicate(text, path)),
            None => Ok(v),
        },
        // A document the strict reader cannot take (an anchor merge, a complex key): read it
        // through a YAML value, which refuses a duplicate key itself.
        Err(_) => match serde_yaml::from_str::<serde_yaml::Value>(text) {
            Ok(v) => Ok(convert(v)),
            Err(e) => {
                let mut err = syntax_error(&e);
                err.cause = explain::explain(text, err.line).map(Box::new);
                Err(err)
            }
        },
    }
}

/// Writes plain data as a YAML document (the web editor's generated `config.yml`).
pub fn to_text(value: &Value) -> String {
    // Plain data always serialises; an empty document is the only fallback needed.
    serde_yaml::to_string(value).unwrap_or_default()
}

/// A key written twice, located at both places.
fn duplicate(text: &str, path: &[strict::Step]) -> SyntaxError {
    let segs: Vec<Seg> = path
        .iter()
        .map(|s| match s {
            strict::Step::Key(k) => Seg::Key(k),
            strict::Step::Index(i) => Seg::Index(*i),
        })
        .collect();
    let key = segs
        .iter()
        .map(|s| match s {
            Seg::Key(k) => k.to_string(),
            Seg::Index(i) => format!("[{i}]"),
        })
        .collect::<Vec<_>>()
        .join(".")
        .replace(".[", "[");
    let found = Locator::new(text, 0).find_all(&segs);
    let first = found.first().map_or(1, |p| p.0);
    let (line, col) = found.get(1).copied().unwrap_or((first, 1));
    SyntaxError {
        line,
        col,
        message: format!("duplicate key {key}"),
        duplicate: Some((key, first)),
        cause: None,
    }
}

fn syntax_error(e: &serde_yaml::Error) -> SyntaxError {
    let (mut line, mut col) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    // libyaml names where the broken construct began ("while parsing a flow sequence
    // at line 1 column 8"): that is where the editor has to look.
    let full = e.to_string();
    if let Some((_, context)) = full.split_once(", while ") {
        if let Some(pos) = context
            .rsplit_once(" at line ")
            .and_then(|(_, p)| parse_position(p))
        {
            (line, col) = pos;
        }
    }
    let message = full.split(" at line ").next().unwrap_or(&full).to_string();
    SyntaxError {
        line,
        col,
        message,
        duplicate: None,
        cause: None,
    }
}

/// `3 column 7` -> (3, 7).
fn parse_position(text: &str) -> Option<(usize, usize)> {
    let (line, rest) = text.split_once(" column ")?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, col.parse().ok()?))
}

fn convert(v: serde_yaml::Value) -> Value {
    match v {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Number(i.into())
            } else if let Some(u) = n.as_u64() {
                Value::Number(u.into())
            } else {
                n.as_f64()
                    .and_then(Number::from_f64)
                    .map(Value::Number)
                    .unwrap_or(Value::Null)
            }
        }
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(seq) => Value::Array(seq.into_iter().map(convert).collect()),
        serde_yaml::Value::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                let key = match k {
                    serde_yaml::Value::String(s) => s,
                    other => scalar_text(&convert(other)),
                };
                out.insert(key, convert(v));
            }
            Value::Object(out)
        }
        serde_yaml::Value::Tagged(t) => convert(t.value),
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mappings_and_keeps_dates_as_text() {
        let v = parse("title: Hello\ndate: 2018-09-28\nn: 3\n").unwrap();
        assert_eq!(v["title"], "Hello");
        assert_eq!(v["date"], "2018-09-28");
        assert_eq!(v["n"], 3);
    }

    #[test]
    fn reports_syntax_errors_where_the_construct_began() {
        let err = parse("title: a\nbad: [1, 2\nx: y\n").unwrap_err();
        assert_eq!(err.line, 2, "{err:?}");
    }

    #[test]
    fn non_text_keys_become_text() {
        let v = parse("1: one\ntrue: yes\n").unwrap();
        assert_eq!(v["1"], "one");
        assert_eq!(v["true"], "yes");
    }

    #[test]
    fn a_key_written_twice_names_both_lines() {
        let err = parse("title: A\nbase_url: /a/\nx: 1\nbase_url: /b/\n").unwrap_err();
        assert_eq!(err.duplicate, Some(("base_url".to_string(), 2)));
        assert_eq!(err.line, 4);
        let err = parse("m:\n  - { a: 1, b: 2 }\n  - a: 1\n    a: 2\n").unwrap_err();
        assert_eq!(err.duplicate, Some(("m[1].a".to_string(), 3)));
        assert_eq!(err.line, 4);
    }

    #[test]
    fn non_finite_numbers_stay_visible() {
        let v = parse("a: .nan\nb: -.inf\nc: 1e308\nd: 99999999999999999999999\n").unwrap();
        assert_eq!(v["a"], ".nan");
        assert_eq!(v["b"], "-.inf");
        assert!(v["c"].is_number() && v["d"].is_number());
    }

    #[test]
    fn tags_are_dropped() {
        let v = parse("a: !custom 3\nb: !!str 4\n").unwrap();
        assert_eq!(v["a"], 3);
    }

    #[test]
    fn empty_document_is_an_empty_mapping() {
        assert!(parse("\n").unwrap().as_object().unwrap().is_empty());
    }
}
