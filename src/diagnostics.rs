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

/// One problem, located in a file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code (`E0105`), also the message id in the catalogue.
    pub code: &'static str,
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
    pub fn error(code: &'static str, path: impl Into<String>) -> Self {
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
    pub fn warning(code: &'static str, path: impl Into<String>) -> Self {
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
        let d = Diagnostic::error("E0105", "content/a.md").at(3, 1);
        assert_eq!(d.location(), "content/a.md:3:1");
    }

    #[test]
    fn sink_counts_and_sorts() {
        let sink = Sink::new();
        sink.push(Diagnostic::warning("W0101", "b.md"));
        sink.push(Diagnostic::error("E0105", "a.md").at(2, 1));
        assert_eq!(sink.counts(), (1, 1));
        assert!(sink.has_errors());
        assert_eq!(sink.sorted()[0].path, "a.md");
    }
}
