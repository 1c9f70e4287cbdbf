//! Reading typed fields out of parsed YAML, with a located diagnostic for each problem.

use super::locate::{Locator, Seg};
use crate::date::Date;
use crate::diagnostics::{Code, Diagnostic};
use serde_json::{Map, Value};

/// Numbers must stay below this in size (10^15): larger ones are typing mistakes, and sums
/// and ratios of them would lose precision or overflow.
pub const MAX_NUMBER: f64 = 1e15;

/// `.nan`, `.inf`, `-.inf` in any of YAML's spellings, as the strict reader keeps them.
pub fn is_non_finite(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        ".nan" | ".inf" | "+.inf" | "-.inf"
    )
}

/// Reads fields of one YAML document and collects what is wrong with them.
pub struct Fields<'a> {
    path: &'a str,
    loc: &'a Locator,
    /// Every problem found so far.
    pub diags: Vec<Diagnostic>,
    /// Names of list items (`metrics`, index, the metric's name), shown beside their position.
    names: Vec<(&'static str, usize, String)>,
}

impl<'a> Fields<'a> {
    /// A reader for the document of file `path` (relative to the site root).
    pub fn new(path: &'a str, loc: &'a Locator) -> Self {
        Fields {
            path,
            loc,
            diags: Vec::new(),
            names: Vec::new(),
        }
    }

    /// Names item `index` of list `list` (a metric by its name), for the messages about it.
    pub fn name_item(&mut self, list: &'static str, index: usize, name: &str) {
        let mut name: String = name.trim().chars().take(40).collect();
        if name.chars().count() == 40 {
            name.push('…');
        }
        self.names.push((list, index, name));
    }

    /// Where a key path was written, `(line, col)` in the whole file.
    pub fn pos(&self, segs: &[Seg]) -> Option<(usize, usize)> {
        self.loc.find(segs).or_else(|| {
            // Fall back to the nearest written ancestor (a missing key sits in its parent),
            // then to the start of the document.
            (1..segs.len())
                .rev()
                .find_map(|n| self.loc.find(&segs[..n]))
                .or(Some(self.loc.start()))
        })
    }

    /// Records an error with code `code` about the key path `segs`.
    pub fn error(&mut self, code: Code, segs: &[Seg]) -> &mut Diagnostic {
        let field = segs.iter().rev().find_map(|s| match s {
            Seg::Key(k) => Some(*k),
            Seg::Index(_) => None,
        });
        let mut d = Diagnostic::error(code, self.path)
            .at_opt(self.pos(segs))
            .arg("key", key_name(segs))
            .arg("field", field.unwrap_or(""));
        if let [Seg::Key(list), Seg::Index(i), ..] = segs {
            let name = self.names.iter().find(|(l, n, _)| l == list && n == i);
            if let Some((_, _, name)) = name {
                d = d.arg("item", name);
            }
        }
        self.diags.push(d);
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    /// Records a warning with code `code` about the key path `segs`.
    pub fn warning(&mut self, code: Code, segs: &[Seg]) -> &mut Diagnostic {
        self.error(code, segs).severity = crate::diagnostics::Severity::Warning;
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    /// Text at `key`; numbers and booleans are read as their text.
    pub fn text(&mut self, map: &Map<String, Value>, at: &[Seg], key: &str) -> Option<String> {
        match map.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                let segs = join(at, key);
                let found = describe(other);
                self.error(Code::E0107, &segs).args.push(("value", found));
                None
            }
        }
    }

    /// Text at `key` that must be present and not blank.
    pub fn required_text(
        &mut self,
        map: &Map<String, Value>,
        at: &[Seg],
        key: &str,
    ) -> Option<String> {
        let value = self.text(map, at, key);
        if value.as_deref().is_none_or(|v| v.trim().is_empty()) && !self.has_error_for(key) {
            let segs = join(at, key);
            // `title: #1 tin`: YAML reads `#` as the start of a comment, so the value is empty.
            let comment = map
                .get(key)
                .is_some_and(Value::is_null)
                .then(|| self.loc.after_key(&segs))
                .flatten()
                .map(str::trim)
                .filter(|t| t.starts_with('#'))
                .map(str::to_string);
            let d = self.error(Code::E0105, &segs);
            if let Some(written) = comment {
                d.args.push(("form", "hash".to_string()));
                d.args.push(("value", written));
            }
            return None;
        }
        value
    }

    /// A number at `key`. Text that is a number written the Vietnamese way (`1.200.000`,
    /// `1,5`) is an error whose message shows the number to write instead.
    pub fn number(&mut self, map: &Map<String, Value>, at: &[Seg], key: &str) -> Option<f64> {
        match map.get(key)? {
            Value::Null => None,
            Value::Number(n) if n.as_f64().is_none_or(|x| x.abs() >= MAX_NUMBER) => {
                self.out_of_range(at, key, n.to_string())
            }
            Value::String(s) if is_non_finite(s) => self.out_of_range(at, key, s.clone()),
            Value::Number(n) => {
                // `1.200` reads as one point two, but a Vietnamese editor may mean 1200. Only a
                // number read as a fraction can have been written so.
                let segs = join(at, key);
                let raw = || self.loc.raw_value(&segs).filter(|r| looks_grouped(r));
                if let Some(raw) = n.is_f64().then(raw).flatten() {
                    let d = self.warning(Code::W0107, &segs);
                    d.args.push(("value", raw.clone()));
                    d.args.push(("suggestion", raw.replace('.', "")));
                }
                n.as_f64()
            }
            other => {
                let segs = join(at, key);
                let suggestion = other.as_str().and_then(vietnamese_number);
                // `50 m3`: the number and its unit, which has a field of its own.
                let with_unit = other.as_str().and_then(number_with_unit);
                let d = self.error(Code::E0106, &segs);
                d.args.push(("value", describe(other)));
                match with_unit.filter(|(_, unit)| !unit.is_empty()) {
                    Some((n, unit)) => {
                        d.args.push(("suggestion", n.to_string()));
                        d.args.push(("unit", unit));
                        d.args.push(("form", "unit".to_string()));
                    }
                    None => d.args.push((
                        "suggestion",
                        suggestion.map_or_else(|| "120".to_string(), |n| n.to_string()),
                    )),
                }
                None
            }
        }
    }

    /// E0151 for a number that is not finite or too large for any figure of a case.
    fn out_of_range(&mut self, at: &[Seg], key: &str, shown: String) -> Option<f64> {
        let segs = join(at, key);
        let written = self.loc.raw_value(&segs).unwrap_or(shown);
        self.error(Code::E0151, &segs).args.push(("value", written));
        None
    }

    /// A whole number at `key`.
    pub fn integer(&mut self, map: &Map<String, Value>, at: &[Seg], key: &str) -> Option<i64> {
        let n = self.number(map, at, key)?;
        if n.fract() != 0.0 {
            let segs = join(at, key);
            let d = self.error(Code::E0106, &segs);
            d.args.push(("value", n.to_string()));
            d.args.push(("suggestion", n.round().to_string()));
            return None;
        }
        Some(n as i64)
    }

    /// `true` or `false` at `key`.
    pub fn boolean(&mut self, map: &Map<String, Value>, at: &[Seg], key: &str) -> Option<bool> {
        match map.get(key)? {
            Value::Null => None,
            Value::Bool(b) => Some(*b),
            other => {
                let segs = join(at, key);
                self.error(Code::E0109, &segs)
                    .args
                    .push(("value", describe(other)));
                None
            }
        }
    }

    /// A date at `key` (`YYYY-MM-DD` or RFC 3339).
    pub fn date(&mut self, map: &Map<String, Value>, at: &[Seg], key: &str) -> Option<Date> {
        let value = map.get(key)?;
        if value.is_null() {
            return None;
        }
        let text = match value {
            Value::String(s) => s.clone(),
            other => describe(other),
        };
        match Date::parse(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                let segs = join(at, key);
                let d = self.error(Code::E0110, &segs);
                d.args.push(("value", text));
                d.args.push((
                    "suggestion",
                    e.suggestion.unwrap_or_else(|| "2024-05-17".to_string()),
                ));
                d.args
                    .push(("forms", crate::date::ACCEPTED_FORMS.to_string()));
                None
            }
        }
    }

    /// A list of texts at `key`; a single text is a list of one.
    pub fn text_list(&mut self, map: &Map<String, Value>, at: &[Seg], key: &str) -> Vec<String> {
        if let Some(Value::String(s)) = map.get(key) {
            return vec![s.clone()];
        }
        let item = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        self.list(map, at, key, Code::E0107, item)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    /// A list of mappings at `key` (metrics, quiz questions), with their positions.
    pub fn map_list<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        at: &[Seg],
        key: &str,
    ) -> Vec<(usize, &'v Map<String, Value>)> {
        self.list(map, at, key, Code::E0116, Value::as_object)
    }

    /// The items of the list at `key` that `item` accepts; each other item is an error with
    /// code `wrong_item`, and a value that is not a list is E0108.
    fn list<'v, T>(
        &mut self,
        map: &'v Map<String, Value>,
        at: &[Seg],
        key: &str,
        wrong_item: Code,
        item: impl Fn(&'v Value) -> Option<T>,
    ) -> Vec<(usize, T)> {
        let items = match map.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                let segs = join(at, key);
                self.error(Code::E0108, &segs)
                    .args
                    .push(("value", describe(other)));
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, value) in items.iter().enumerate() {
            match item(value) {
                Some(v) => out.push((i, v)),
                None => {
                    let mut segs = join(at, key);
                    segs.push(Seg::Index(i));
                    self.error(wrong_item, &segs)
                        .args
                        .push(("value", describe(value)));
                }
            }
        }
        out
    }

    fn has_error_for(&self, key: &str) -> bool {
        self.diags
            .iter()
            .any(|d| d.args.iter().any(|(n, v)| *n == "key" && v == key))
    }
}

/// `metrics[0].before` for `[Key("metrics"), Index(0), Key("before")]`.
pub fn key_name(segs: &[Seg]) -> String {
    let mut out = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn join<'s>(at: &[Seg<'s>], key: &'s str) -> Vec<Seg<'s>> {
    let mut segs = at.to_vec();
    segs.push(Seg::Key(key));
    segs
}

/// A short, quoted rendering of a value for messages: `"nhiều"`, `[1, 2]`.
pub fn describe(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{s}\""),
        Value::Array(_) => "[…]".to_string(),
        Value::Object(_) => "{…}".to_string(),
        other => other.to_string(),
    }
}

/// `1.200` or `12.500`: digits grouped by three after a dot, the Vietnamese way of writing
/// thousands.
fn looks_grouped(raw: &str) -> bool {
    let mut parts = raw.split('.');
    let head = parts.next().unwrap_or("");
    let groups: Vec<&str> = parts.collect();
    !groups.is_empty()
        && (1..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_digit())
        && groups
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// `50 m3` -> (50, "m3"), `1.200.000 đồng` -> (1200000, "đồng"), `12` -> (12, ""): a number
/// written first, the Vietnamese way or not, and the words after it.
pub fn number_with_unit(text: &str) -> Option<(f64, String)> {
    let text = text.trim();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-'))
        .unwrap_or(text.len());
    let (number, rest) = text.split_at(end);
    let number = number.trim_end_matches(['.', ',']);
    if number.is_empty() || !number.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = vietnamese_number(number).or_else(|| number.parse::<f64>().ok())?;
    Some((n, rest.trim().to_string()))
}

/// `1.200.000` -> 1200000 and `1,5` -> 1.5 (Vietnamese digit grouping and decimal comma).
fn vietnamese_number(text: &str) -> Option<f64> {
    let t = text.trim().replace(' ', "");
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let (int_part, frac_part) = match t.rsplit_once(',') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (t.clone(), None),
    };
    let groups: Vec<&str> = int_part.split('.').collect();
    if groups.len() > 1 && groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    let mut number = groups.concat();
    if let Some(f) = frac_part {
        number.push('.');
        number.push_str(&f);
    }
    number.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_vietnamese_numbers_for_hints() {
        assert_eq!(vietnamese_number("1.200.000"), Some(1_200_000.0));
        assert_eq!(vietnamese_number("1,5"), Some(1.5));
        assert_eq!(vietnamese_number("nhiều"), None);
    }

    #[test]
    fn text_for_a_number_is_a_located_error_with_a_hint() {
        let src = "title: A\ninvestment: 1.200.000\n";
        let loc = Locator::new(src, 1);
        let v = crate::yaml::parse(src).unwrap();
        let mut f = Fields::new("content/a.md", &loc);
        assert_eq!(f.number(v.as_object().unwrap(), &[], "investment"), None);
        let d = &f.diags[0];
        assert_eq!((d.code, d.line), (Code::E0106, Some(3)));
        assert!(d.args.contains(&("suggestion", "1200000".to_string())));
    }

    #[test]
    fn a_number_grouped_by_thousands_warns() {
        let src = "title: A\nbefore: 1.200\nafter: 1.25\n";
        let loc = Locator::new(src, 1);
        let v = crate::yaml::parse(src).unwrap();
        let mut f = Fields::new("a.md", &loc);
        assert_eq!(f.number(v.as_object().unwrap(), &[], "before"), Some(1.2));
        assert_eq!(f.number(v.as_object().unwrap(), &[], "after"), Some(1.25));
        assert_eq!(f.diags.len(), 1);
        assert_eq!((f.diags[0].code, f.diags[0].line), (Code::W0107, Some(3)));
        assert!(f.diags[0]
            .args
            .contains(&("suggestion", "1200".to_string())));
    }

    #[test]
    fn missing_required_text_is_an_error() {
        let loc = Locator::new("summary: x\n", 1);
        let v = crate::yaml::parse("summary: x\n").unwrap();
        let mut f = Fields::new("a.md", &loc);
        assert_eq!(f.required_text(v.as_object().unwrap(), &[], "title"), None);
        assert_eq!(f.diags[0].code, Code::E0105);
    }

    #[test]
    fn numbers_with_units_split() {
        assert_eq!(number_with_unit("50 m3"), Some((50.0, "m3".to_string())));
        assert_eq!(
            number_with_unit("1.200.000 đồng"),
            Some((1_200_000.0, "đồng".to_string()))
        );
        assert_eq!(number_with_unit("nhiều"), None);
    }

    #[test]
    fn names_nested_keys() {
        let segs = [Seg::Key("metrics"), Seg::Index(0), Seg::Key("before")];
        assert_eq!(key_name(&segs), "metrics[0].before");
    }
}
