//! YAML documents (front matter and site.yaml): the only user of serde_yaml; TOML front
//! matter is read into the same plain data by [`toml`].
//!
//! YAML is parsed into plain `serde_json::Value` data, so the rest of sachhon never sees a YAML
//! type, and a [`Locator`] finds the line and column of a key path in the source text, since the
//! parsed value forgets where each key was written.

mod fields;
mod locate;
pub mod toml;

pub use fields::{describe, Fields};
pub use locate::{Locator, Seg};

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
}

/// Parses one YAML document into plain data. An empty document is an empty mapping.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    // Straight into plain data when every key is text (nearly always); through a YAML value
    // when a key is a number or a list, which plain data cannot hold as such.
    if let Ok(v) = serde_yaml::from_str::<Value>(text) {
        return Ok(v);
    }
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(v) => Ok(convert(v)),
        Err(e) => {
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
            Err(SyntaxError { line, col, message })
        }
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
    fn empty_document_is_an_empty_mapping() {
        assert!(parse("\n").unwrap().as_object().unwrap().is_empty());
    }
}
