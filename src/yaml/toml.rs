//! TOML front matter (`+++` fences, the Zola and Hugo default): the only user of the `toml`
//! crate. Read into the same plain data as YAML, with the position of every key path, so that
//! typed fields give the same located diagnostics whichever format the editor wrote.

use super::SyntaxError;
use serde_json::{Map, Number, Value};
use std::collections::HashMap;
use toml::de::{DeTable, DeValue};

/// Positions `(line, col)`, 1-based within the parsed text, by key path (`metrics[0].before`).
pub type Positions = HashMap<String, (usize, usize)>;

/// Parses one TOML document into plain data and the positions of its keys.
pub fn parse(text: &str) -> Result<(Value, Positions), SyntaxError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |span| line_col(text, span.start));
        SyntaxError {
            line,
            col,
            message: e.message().trim().to_string(),
            // TOML refuses a key written twice itself, with its own message.
            duplicate: None,
            cause: None,
        }
    })?;
    let mut positions = Positions::new();
    if let Ok(spanned) = DeTable::parse(text) {
        walk_table(spanned.get_ref(), "", text, &mut positions);
    }
    Ok((convert(toml::Value::Table(table)), positions))
}

fn walk_table(table: &DeTable, prefix: &str, text: &str, out: &mut Positions) {
    for (key, value) in table {
        let name = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        out.insert(name.clone(), line_col(text, key.span().start));
        walk_value(value.get_ref(), &name, text, out);
    }
}

fn walk_value(value: &DeValue, name: &str, text: &str, out: &mut Positions) {
    match value {
        DeValue::Table(t) => walk_table(t, name, text, out),
        DeValue::Array(items) => {
            for (i, item) in items.into_iter().enumerate() {
                let item_name = format!("{name}[{i}]");
                out.insert(item_name.clone(), line_col(text, item.span().start));
                walk_value(item.get_ref(), &item_name, text, out);
            }
        }
        _ => {}
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// TOML values as plain data; dates and times become text, as YAML's do.
fn convert(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::Number(i.into()),
        toml::Value::Float(f) => Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
        toml::Value::Table(t) => {
            let map: Map<String, Value> = t.into_iter().map(|(k, v)| (k, convert(v))).collect();
            Value::Object(map)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_and_key_positions() {
        let text = "title = \"A\"\ndate = 2019-03-05\n\n[[metrics]]\nname = \"Nước\"\nbefore = 8\n";
        let (v, pos) = parse(text).unwrap();
        assert_eq!(v["title"], "A");
        assert_eq!(v["date"], "2019-03-05");
        assert_eq!(v["metrics"][0]["before"], 8);
        assert_eq!(pos["date"], (2, 1));
        assert_eq!(pos["metrics[0].before"], (6, 1));
    }

    #[test]
    fn syntax_errors_are_located() {
        let err = parse("title = \"A\"\ndate = \n").unwrap_err();
        assert_eq!(err.line, 2, "{err:?}");
        assert!(!err.message.is_empty());
    }
}
