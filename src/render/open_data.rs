//! Open data: the figures of every case study of a section as `data.json` and `data.csv`,
//! one row per case study and metric, for reuse in a spreadsheet or another program.

use crate::site::{impact, Site};
use serde::Serialize;

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

/// One metric of one case study.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub title: String,
    pub company: String,
    pub sector: String,
    pub province: String,
    /// Technique keys, separated by `;` in the CSV file.
    pub techniques: Vec<String>,
    pub year: Option<i64>,
    pub metric: String,
    pub unit: String,
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
pub fn rows(site: &Site, section: usize) -> Vec<Row> {
    let names = &site.config.term_names;
    let mut rows = Vec::new();
    for &id in &site.children[section] {
        let page = &site.pages[id];
        let Some(case) = &page.meta.case else {
            continue;
        };
        // Sectors and provinces as the list shows them, translated where the site names them.
        let named = |taxonomy: &str, value: Option<&str>| {
            value
                .map(|v| {
                    names
                        .name_in(taxonomy, v, &page.lang)
                        .unwrap_or(v)
                        .to_string()
                })
                .unwrap_or_default()
        };
        for m in &case.metrics {
            let change = m.after - m.before;
            rows.push(Row {
                title: page.meta.title.clone(),
                company: case.company.clone().unwrap_or_default(),
                sector: named("sectors", case.sector.as_deref()),
                province: named("provinces", case.province.as_deref()),
                techniques: case.techniques.clone(),
                year: case.year.or(page.meta.date.map(|d| i64::from(d.year))),
                metric: m.name.clone(),
                unit: m.unit.clone(),
                before: m.before,
                after: m.after,
                change: round(change),
                change_percent: (m.before != 0.0).then(|| round(change / m.before.abs() * 100.0)),
                improved: impact::improved(m),
                url: site.style.absolute(&page.path),
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
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            r.title.clone(),
            r.company.clone(),
            r.sector.clone(),
            r.province.clone(),
            r.techniques.join(";"),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.metric.clone(),
            r.unit.clone(),
            r.before.to_string(),
            r.after.to_string(),
            r.change.to_string(),
            r.change_percent.map(|p| p.to_string()).unwrap_or_default(),
            r.improved.to_string(),
            r.url.clone(),
        ];
        let line: Vec<String> = cells.iter().map(|c| quote(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. A cell that
/// a spreadsheet would run as a formula (`=`, `+`, `-`, `@` before a letter) gets a leading `'`.
fn quote(cell: &str) -> String {
    let formula = cell.starts_with(['=', '@'])
        || (cell.starts_with(['+', '-']) && cell.parse::<f64>().is_err());
    let cell = if formula {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(quote("-2"), "-2");
        assert_eq!(quote("Nước"), "Nước");
    }
}
