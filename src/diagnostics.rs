//! One sink for every error and warning of a run, each with a stable code and a location.
//!
//! Stages push [`Diagnostic`]s as they find problems and carry on, so a run reports all of them.
//! The wording lives in the message catalogue (`crate::messages`), keyed by the code, so the
//! same problem reads in Vietnamese or English while its `path:line:col` prefix stays the same.

use std::sync::Mutex;

/// How bad a problem is: errors fail the run, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Fails the build or check (exit status 1).
    Error,
    /// Reported, never fails.
    Warning,
}

/// The stable code of a diagnostic (`E0105`), also its message id in the catalogue
/// (`src/messages/*.ftl`). The catalogue is where codes are defined: the constants (`Code::E0105`)
/// are generated from it, so a code without a message does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(&'static str);

include!(concat!(env!("OUT_DIR"), "/codes.rs"));

impl Code {
    /// The code as written in reports and the catalogue (`E0105`).
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// One problem, located in a file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code (`E0105`), also the message id in the catalogue.
    pub code: Code,
    /// Path relative to the site root, with `/` separators; empty when not about a file.
    pub path: String,
    /// 1-based line in the whole file, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub col: Option<usize>,
    /// Named values the message shows (`key`, `value`, ...).
    pub args: Vec<(&'static str, String)>,
}

impl Diagnostic {
    /// An error about `path`.
    pub fn error(code: Code, path: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: path.into(),
            line: None,
            col: None,
            args: Vec::new(),
        }
    }

    /// A warning about `path`.
    pub fn warning(code: Code, path: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path)
        }
    }

    /// Sets the line (and column) where the problem is.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
    }

    /// Sets the location from an optional `(line, col)`.
    pub fn at_opt(self, pos: Option<(usize, usize)>) -> Self {
        match pos {
            Some((line, col)) => self.at(line, col),
            None => self,
        }
    }

    /// Adds a named value for the message.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The named value `name` of the message, if it has one.
    pub fn value(&self, name: &str) -> Option<&str> {
        let found = self.args.iter().find(|(n, _)| *n == name);
        found.map(|(_, v)| v.as_str())
    }

    /// `path:line:col`, the part of the report that never changes with the language.
    pub fn location(&self) -> String {
        match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.path),
            (Some(l), None) => format!("{}:{l}", self.path),
            _ => self.path.clone(),
        }
    }

    /// Whether this one fails the run.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Folds the diagnostics with `code` into one per value of their `arg`: the first by location
/// is kept, with a `count` of how many there were. For problems repeated on many pages that
/// the editor fixes once (an ignored key, an unknown code language).
pub fn fold_repeats(diags: &mut Vec<Diagnostic>, code: Code, arg: &str) {
    let value_of = |d: &Diagnostic| d.value(arg).unwrap_or_default().to_string();
    let mut groups: std::collections::BTreeMap<String, (Diagnostic, usize)> = Default::default();
    let mut rest = Vec::with_capacity(diags.len());
    for d in diags.drain(..) {
        if d.code != code {
            rest.push(d);
            continue;
        }
        let key = value_of(&d);
        let at = |d: &Diagnostic| (d.path.clone(), d.line, d.col);
        match groups.get_mut(&key) {
            Some((first, n)) => {
                *n += 1;
                if at(&d) < at(first) {
                    *first = d;
                }
            }
            None => {
                groups.insert(key, (d, 1));
            }
        }
    }
    for (_, (d, n)) in groups {
        rest.push(d.arg("count", n));
    }
    *diags = rest;
}

/// Collects diagnostics from every stage, including parallel per-page work.
#[derive(Debug, Default)]
pub struct Sink {
    items: Mutex<Vec<Diagnostic>>,
}

impl Sink {
    /// An empty sink.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one diagnostic.
    pub fn push(&self, d: Diagnostic) {
        self.lock().push(d);
    }

    /// Records many diagnostics.
    pub fn extend(&self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.lock().extend(ds);
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.lock().iter().any(Diagnostic::is_error)
    }

    /// Number of errors and warnings.
    pub fn counts(&self) -> (usize, usize) {
        let items = self.lock();
        let errors = items.iter().filter(|d| d.is_error()).count();
        (errors, items.len() - errors)
    }

    /// Every diagnostic in a stable order (file, line, column, code), duplicates removed.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.lock().clone();
        items.sort_by(|a, b| {
            (&a.path, a.line, a.col, a.code, &a.args)
                .cmp(&(&b.path, b.line, b.col, b.code, &b.args))
        });
        items.dedup();
        items
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Diagnostic>> {
        // A panic while holding the lock leaves plain data behind; keep reporting it.
        self.items.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_has_path_line_and_column() {
        let d = Diagnostic::error(Code::E0105, "content/a.md").at(3, 1);
        assert_eq!(d.location(), "content/a.md:3:1");
    }

    #[test]
    fn repeats_fold_into_one_with_a_count() {
        let mut ds = vec![
            Diagnostic::warning(Code::W0603, "content/b.md").arg("key", "layout"),
            Diagnostic::warning(Code::W0603, "content/a.md").arg("key", "layout"),
            Diagnostic::warning(Code::W0603, "content/a.md").arg("key", "author"),
            Diagnostic::error(Code::E0105, "content/a.md"),
        ];
        fold_repeats(&mut ds, Code::W0603, "key");
        assert_eq!(ds.len(), 3);
        let layout = ds
            .iter()
            .find(|d| d.args.contains(&("key", "layout".into())));
        let layout = layout.unwrap();
        assert_eq!(layout.path, "content/a.md");
        assert!(layout.args.contains(&("count", "2".to_string())));
    }

    #[test]
    fn sink_counts_and_sorts() {
        let sink = Sink::new();
        sink.push(Diagnostic::warning(Code::W0101, "b.md"));
        sink.push(Diagnostic::error(Code::E0105, "a.md").at(2, 1));
        assert_eq!(sink.counts(), (1, 1));
        assert!(sink.has_errors());
        assert_eq!(sink.sorted()[0].path, "a.md");
    }
}
