//! Open data: the figures of every case study of a section as `data.json` and `data.csv`,
//! one row per case study and metric, for reuse in a spreadsheet or another program.

use crate::site::{impact, Site};
use serde::Serialize;
use std::fmt::Write;

/// The two files of a case-study section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `data.json`: an array of rows.
    Json,
    /// `data.csv`: UTF-8 with a byte-order mark, so that Excel reads Vietnamese correctly.
    Csv,
}

impl Format {
    /// The file name under the section.
    pub fn file(self) -> &'static str {
        match self {
            Format::Json => "data.json",
            Format::Csv => "data.csv",
        }
    }
}

/// One metric of one case study: its texts are the page's own.
#[derive(Debug, Clone, Serialize)]
pub struct Row<'a> {
    pub title: &'a str,
    pub company: &'a str,
    pub sector: &'a str,
    pub province: &'a str,
    /// Technique keys, separated by `;` in the CSV file.
    pub techniques: &'a [String],
    pub year: Option<i64>,
    pub metric: &'a str,
    pub unit: &'a str,
    pub before: f64,
    pub after: f64,
    /// `after - before`.
    pub change: f64,
    /// The change relative to `before`, in per cent (none when `before` is zero).
    pub change_percent: Option<f64>,
    pub improved: bool,
    /// The case study's absolute URL.
    pub url: String,
}

/// The rows of the case studies of section `section`, in list order.
pub fn rows<'a>(site: &'a Site, section: usize) -> Vec<Row<'a>> {
    let names = &site.config.term_names;
    let mut rows = Vec::new();
    for &id in &site.children[section] {
        let page = &site.pages[id];
        let Some(case) = &page.meta.case else {
            continue;
        };
        // Sectors and provinces as the list shows them, translated where the site names them.
        let named = |taxonomy: &str, value: Option<&'a String>| match value {
            Some(v) => names.name_in(taxonomy, v, &page.lang).unwrap_or(v),
            None => "",
        };
        // One URL for the page's rows (a page has a row per metric).
        let url = site.style.absolute(&page.path);
        for m in &case.metrics {
            let change = m.after - m.before;
            rows.push(Row {
                title: &page.meta.title,
                company: case.company.as_deref().unwrap_or_default(),
                sector: named("sectors", case.sector.as_ref()),
                province: named("provinces", case.province.as_ref()),
                techniques: &case.techniques,
                year: case.year.or(page.meta.date.map(|d| i64::from(d.year))),
                metric: &m.name,
                unit: &m.unit,
                before: m.before,
                after: m.after,
                change: round(change),
                change_percent: impact::change_percent(m).map(round),
                improved: impact::improved(m),
                url: url.clone(),
            });
        }
    }
    rows
}

/// Rounds away floating-point noise (`0.30000000000000004`).
fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// The file's bytes.
pub fn write(rows: &[Row], format: Format) -> Vec<u8> {
    match format {
        Format::Json => {
            let mut out = serde_json::to_vec_pretty(rows).unwrap_or_default();
            out.push(b'\n');
            out
        }
        Format::Csv => csv(rows),
    }
}

const HEADER: [&str; 14] = [
    "title",
    "company",
    "sector",
    "province",
    "techniques",
    "year",
    "metric",
    "unit",
    "before",
    "after",
    "change",
    "change_percent",
    "improved",
    "url",
];

fn csv(rows: &[Row]) -> Vec<u8> {
    let mut out = String::with_capacity(rows.len() * 320 + 160);
    out.push('\u{feff}');
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    let mut number = String::new();
    for r in rows {
        let mut put = |cell: &str| {
            push_cell(&mut out, cell);
            out.push(',');
        };
        put(r.title);
        put(r.company);
        put(r.sector);
        put(r.province);
        put(&r.techniques.join(";"));
        put(&r.year.map(|y| y.to_string()).unwrap_or_default());
        put(r.metric);
        put(r.unit);
        for n in [
            Some(r.before),
            Some(r.after),
            Some(r.change),
            r.change_percent,
        ] {
            number.clear();
            if let Some(n) = n {
                let _ = write!(number, "{n}");
            }
            put(&number);
        }
        put(if r.improved { "true" } else { "false" });
        put(&r.url);
        // The row ends where its last comma was.
        out.pop();
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Appends a CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. A
/// cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` before a letter) gets a
/// leading `'`.
fn push_cell(out: &mut String, cell: &str) {
    let formula = cell.starts_with(['=', '@'])
        || (cell.starts_with(['+', '-']) && cell.parse::<f64>().is_err());
    // Byte by byte: a search for any of four characters takes a call per character.
    let quoted = cell
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quoted {
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(cell: &str) -> String {
        let mut out = String::new();
        push_cell(&mut out, cell);
        out
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(quote("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(quote("-2"), "-2");
        assert_eq!(quote("Nước"), "Nước");
    }
}
