//! The impact dashboard of a case-study section: counts, money totals, and breakdowns by
//! sector, province and technique that link to their listings.

use super::values::MoneyView;
use crate::locale::format_number;
use crate::site::{impact, taxonomy, Site};
use serde::Serialize;
use std::collections::HashMap;

/// One bar of a breakdown.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// The term.
    pub name: String,
    /// Case studies with it.
    pub count: usize,
    /// Bar length, 0-100.
    pub bar: usize,
    /// The term page, when the taxonomy is enabled.
    pub path: Option<String>,
}

/// One breakdown (by sector, province or technique).
#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    /// Taxonomy name (`sectors`).
    pub name: String,
    /// Bars, largest first.
    pub bars: Vec<Bar>,
}

/// The change of one unit summed over the case studies that measure in it.
#[derive(Debug, Clone, Serialize)]
pub struct UnitTotal {
    /// The metric's name, as first met.
    pub name: String,
    /// The unit.
    pub unit: String,
    /// Sum of `after - before`, with its sign, formatted.
    pub change: String,
    /// The summed change relative to the summed before values, formatted, when not zero.
    pub percent: Option<String>,
    /// Whether the summed change goes the right way.
    pub improved: bool,
    /// The case studies behind the total.
    pub cases: Vec<CaseLink>,
}

/// A case study behind a total.
#[derive(Debug, Clone, Serialize)]
pub struct CaseLink {
    /// Title.
    pub title: String,
    /// URL path.
    pub path: String,
}

/// The dashboard data.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    /// Number of case studies.
    pub count: usize,
    /// Total investment per currency.
    pub investment: Vec<MoneyView>,
    /// Total yearly savings per currency.
    pub savings: Vec<MoneyView>,
    /// Metrics that improved, over all case studies.
    pub improved_metrics: usize,
    /// Breakdowns.
    pub breakdowns: Vec<Breakdown>,
    /// Change per unit, in first-seen order.
    pub units: Vec<UnitTotal>,
    /// Median payback in months over the case studies that state or allow one.
    pub median_payback: Option<String>,
    /// How many case studies the median is over.
    pub payback_count: usize,
}

/// Sums the change of every metric per unit (and direction) over the case studies `ids`.
fn unit_totals(site: &Site, ids: &[usize], lang: &str) -> Vec<UnitTotal> {
    struct Sum {
        name: String,
        unit: String,
        better: crate::content::Better,
        before: f64,
        after: f64,
        cases: Vec<CaseLink>,
    }
    let mut sums: Vec<Sum> = Vec::new();
    for &id in ids {
        let page = &site.pages[id];
        let Some(case) = &page.meta.case else {
            continue;
        };
        for m in &case.metrics {
            let at = sums
                .iter()
                .position(|s| s.unit == m.unit && s.better == m.better);
            let at = at.unwrap_or_else(|| {
                sums.push(Sum {
                    name: m.name.clone(),
                    unit: m.unit.clone(),
                    better: m.better,
                    before: 0.0,
                    after: 0.0,
                    cases: Vec::new(),
                });
                sums.len() - 1
            });
            let sum = &mut sums[at];
            sum.before += m.before;
            sum.after += m.after;
            // A page's metrics come together: a repeat can only be the last case.
            if sum.cases.last().is_none_or(|c| c.path != page.path) {
                sum.cases.push(CaseLink {
                    title: page.meta.title.clone(),
                    path: page.path.clone(),
                });
            }
        }
    }
    sums.into_iter()
        .map(|s| {
            let metric = crate::content::Metric {
                name: s.name.clone(),
                unit: s.unit.clone(),
                before: s.before,
                after: s.after,
                better: s.better,
            };
            let view = impact::metric_view(&metric, lang);
            UnitTotal {
                name: s.name,
                unit: s.unit,
                change: view.change,
                percent: view.percent,
                improved: view.improved,
                cases: s.cases,
            }
        })
        .collect()
}

/// The median of the paybacks (stated, else computed) of the case studies `ids`.
fn median_payback(site: &Site, ids: &[usize]) -> (Option<f64>, usize) {
    let mut months: Vec<f64> = ids
        .iter()
        .filter_map(|&id| site.pages[id].meta.case.as_ref())
        .filter_map(|c| c.payback_months.or_else(|| impact::computed_payback(c)))
        .collect();
    months.sort_by(f64::total_cmp);
    let n = months.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(months[n / 2]),
        _ => Some((months[n / 2 - 1] + months[n / 2]) / 2.0),
    };
    (median, n)
}

/// Builds the dashboard over the case studies of section `section`.
pub fn build(site: &Site, section: usize) -> Dashboard {
    let lang = site.pages[section].lang.as_str();
    let ids = &site.children[section];
    let mut investment = Vec::new();
    let mut savings = Vec::new();
    let mut improved_metrics = 0;
    for &id in ids {
        let Some(case) = &site.pages[id].meta.case else {
            continue;
        };
        if let Some(m) = &case.investment {
            impact::add_money(&mut investment, m);
        }
        if let Some(m) = &case.savings_per_year {
            impact::add_money(&mut savings, m);
        }
        improved_metrics += case.metrics.iter().filter(|m| impact::improved(m)).count();
    }
    let money = |list: Vec<crate::content::Money>| {
        list.into_iter()
            .map(|m| MoneyView {
                amount: format_number(m.amount, 0, lang),
                currency: m.currency,
            })
            .collect()
    };
    let breakdowns = ["sectors", "provinces", "techniques"]
        .iter()
        .map(|name| breakdown(site, ids, name, lang))
        .collect();
    let (median, payback_count) = median_payback(site, ids);
    Dashboard {
        units: unit_totals(site, ids, lang),
        median_payback: median.map(|m| format_number(m, 1, lang)),
        payback_count,
        count: ids.len(),
        investment: money(investment),
        savings: money(savings),
        improved_metrics,
        breakdowns,
    }
}

/// The breakdown of the case studies `ids` by the terms of taxonomy `name`, largest first.
fn breakdown(site: &Site, ids: &[usize], name: &str, lang: &str) -> Breakdown {
    let mut counts = term_counts(site, ids, name, lang);
    counts.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    let max = counts.first().map_or(1, |c| c.2.max(1));
    let li = site.lang_index(lang);
    let tax = site.taxonomies[li].iter().find(|t| t.name == name);
    Breakdown {
        name: name.to_string(),
        bars: counts
            .into_iter()
            .map(|(display, slug, count)| Bar {
                path: tax.and_then(|t| t.term(&slug)).map(|t| t.path.clone()),
                name: display,
                count,
                bar: count * 100 / max,
            })
            .collect(),
    }
}

/// (display name, slug, case studies) per term of taxonomy `name`, in first-met order.
fn term_counts(site: &Site, ids: &[usize], name: &str, lang: &str) -> Vec<(String, String, usize)> {
    // Count each value as written, then make terms of the few distinct ones: values written
    // differently but with one slug are one term, named as first met.
    let mut by_value: HashMap<&str, (usize, usize)> = HashMap::new();
    for &id in ids {
        for value in taxonomy::raw_values(&site.pages[id], name) {
            let first = by_value.len();
            by_value.entry(value).or_insert((first, 0)).1 += 1;
        }
    }
    let mut distinct: Vec<(&str, (usize, usize))> = by_value.into_iter().collect();
    distinct.sort_by_key(|(_, (first, _))| *first);
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for (value, (_, n)) in distinct {
        let names = &site.config.term_names;
        let Some((display, slug)) = taxonomy::term_of(names, name, value, lang) else {
            continue;
        };
        match counts.iter_mut().find(|c| c.1 == slug) {
            Some(c) => c.2 += n,
            None => counts.push((display, slug, n)),
        }
    }
    counts
}
