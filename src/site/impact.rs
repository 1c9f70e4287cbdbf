//! Case-study impact: the change of each metric, badges, payback checks, dashboard totals.

use crate::content::{Better, CaseStudy, Metric, Money};
use crate::locale::format_number;
use serde::Serialize;

/// One metric as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct MetricView {
    /// What was measured.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Value before, formatted for the language.
    pub before: String,
    /// Value after, formatted.
    pub after: String,
    /// Absolute change with its sign (`−2`).
    pub change: String,
    /// Percentage change with its sign (`−25`), when the before value is not zero.
    pub percent: Option<String>,
    /// Whether the change goes the right way.
    pub improved: bool,
    /// `lower` or `higher`.
    pub better: Better,
    /// Bar lengths for the chart, 0-100, the larger value at 100.
    pub before_bar: f64,
    /// See `before_bar`.
    pub after_bar: f64,
}

/// The change of one metric.
pub fn metric_view(m: &Metric, lang: &str) -> MetricView {
    let diff = m.after - m.before;
    let improved = improved(m);
    let max = m.before.abs().max(m.after.abs());
    let bar = |v: f64| {
        if max == 0.0 {
            0.0
        } else {
            (v.abs() / max * 1000.0).round() / 10.0
        }
    };
    MetricView {
        name: m.name.clone(),
        unit: m.unit.clone(),
        before: format_number(m.before, 2, lang),
        after: format_number(m.after, 2, lang),
        change: signed(diff, 2, lang),
        percent: change_percent(m).map(|p| signed(p, 1, lang)),
        improved,
        better: m.better,
        before_bar: bar(m.before),
        after_bar: bar(m.after),
    }
}

/// The change of a metric in per cent of its before value (`-25.0` for 8 -> 6), when that is
/// not zero.
pub fn change_percent(m: &Metric) -> Option<f64> {
    (m.before != 0.0).then(|| (m.after - m.before) / m.before.abs() * 100.0)
}

/// Whether the metric moved the way it should.
pub fn improved(m: &Metric) -> bool {
    match m.better {
        Better::Lower => m.after < m.before,
        Better::Higher => m.after > m.before,
    }
}

fn signed(v: f64, decimals: usize, lang: &str) -> String {
    let text = format_number(v, decimals, lang);
    if v > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// The headline of a case study: its best improvement (`−25 % Packaging workers`).
pub fn badge(case: &CaseStudy, lang: &str) -> Option<String> {
    let (m, percent) = best_improvement(case)?;
    Some(format!(
        "{} % {}",
        signed(percent, 1, lang),
        m.name.to_lowercase()
    ))
}

/// The largest relative improvement of a case study, in per cent of the before value (`25.0`
/// for 8 -> 6 workers): what the case-study list sorts by.
pub fn best_gain(case: &CaseStudy) -> Option<f64> {
    best_improvement(case).map(|(_, percent)| percent.abs())
}

/// The improved metric with the largest relative change (the last of equals), and that
/// change in per cent.
fn best_improvement(case: &CaseStudy) -> Option<(&Metric, f64)> {
    case.metrics
        .iter()
        .filter(|m| improved(m))
        .filter_map(|m| Some((m, change_percent(m)?)))
        .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
}

/// Payback computed from investment and yearly savings, in months, when both share a currency.
pub fn computed_payback(case: &CaseStudy) -> Option<f64> {
    let (inv, sav) = (case.investment.as_ref()?, case.savings_per_year.as_ref()?);
    (inv.currency == sav.currency && sav.amount > 0.0).then(|| inv.amount / sav.amount * 12.0)
}

/// Whether the stated payback is more than 20 % away from the computed one.
pub fn payback_mismatch(case: &CaseStudy) -> Option<(f64, f64)> {
    let stated = case.payback_months?;
    let computed = computed_payback(case)?;
    ((stated - computed).abs() > 0.2 * computed).then_some((stated, computed))
}

/// Adds amounts per currency, keeping currencies in first-seen order.
pub fn add_money(totals: &mut Vec<Money>, m: &Money) {
    match totals.iter_mut().find(|t| t.currency == m.currency) {
        Some(t) => t.amount += m.amount,
        None => totals.push(m.clone()),
    }
}

/// The line (0-based, in `body`) of a Markdown table that repeats the case study's metrics:
/// one whose rows name at least two of them (or the only one) in their first cell. The page
/// already shows the metrics as a table and charts, so the body's copy shows them twice.
pub fn repeated_table(case: &CaseStudy, body: &str) -> Option<usize> {
    let names: Vec<String> = case.metrics.iter().map(|m| m.name.to_lowercase()).collect();
    let needed = names.len().min(2);
    if needed == 0 {
        return None;
    }
    let mut start: Option<usize> = None;
    let mut named: Vec<bool> = vec![false; names.len()];
    for (i, line) in body.lines().chain(std::iter::once("")).enumerate() {
        let line = line.trim();
        if line.starts_with('|') {
            start.get_or_insert(i);
            let first = line.trim_start_matches('|').split('|').next().unwrap_or("");
            let first = first.to_lowercase();
            for (seen, name) in named.iter_mut().zip(&names) {
                *seen |= first.contains(name.as_str());
            }
        } else if let Some(at) = start.take() {
            if named.iter().filter(|&&n| n).count() >= needed {
                return Some(at);
            }
            named.iter_mut().for_each(|n| *n = false);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(before: f64, after: f64, better: Better) -> Metric {
        Metric {
            name: "Water".into(),
            unit: "m3/day".into(),
            before,
            after,
            better,
        }
    }

    #[test]
    fn lower_is_better_decrease_is_an_improvement() {
        let v = metric_view(&metric(120.0, 90.0, Better::Lower), "en");
        assert_eq!(v.percent.as_deref(), Some("−25"));
        assert_eq!(v.change, "−30");
        assert!(v.improved);
        assert_eq!((v.before_bar, v.after_bar), (100.0, 75.0));
    }

    #[test]
    fn higher_is_better_increase_is_an_improvement() {
        let v = metric_view(&metric(200.0, 300.0, Better::Higher), "vi");
        assert_eq!(v.percent.as_deref(), Some("+50"));
        assert!(v.improved);
        let worse = metric_view(&metric(200.0, 300.0, Better::Lower), "vi");
        assert!(!worse.improved);
    }

    #[test]
    fn zero_before_has_no_percentage() {
        assert_eq!(
            metric_view(&metric(0.0, 5.0, Better::Higher), "en").percent,
            None
        );
    }

    #[test]
    fn payback_mismatch_over_twenty_percent() {
        let mut case = CaseStudy {
            investment: Some(Money {
                amount: 120.0,
                currency: "VND".into(),
            }),
            savings_per_year: Some(Money {
                amount: 60.0,
                currency: "VND".into(),
            }),
            payback_months: Some(24.0),
            ..CaseStudy::default()
        };
        assert_eq!(payback_mismatch(&case), None);
        case.payback_months = Some(12.0);
        assert_eq!(payback_mismatch(&case), Some((12.0, 24.0)));
    }

    #[test]
    fn a_body_table_of_the_metrics_is_found() {
        let case = CaseStudy {
            metrics: vec![
                Metric {
                    name: "Packaging workers".into(),
                    ..metric(8.0, 6.0, Better::Lower)
                },
                metric(200.0, 300.0, Better::Higher),
            ],
            ..CaseStudy::default()
        };
        let body = "## Results\n\n| Metric | Before |\n|---|---|\n| Packaging workers (people) | 8 |\n| water | 200 |\n";
        assert_eq!(repeated_table(&case, body), Some(2));
        let other = "| Step | Time |\n|---|---|\n| Packaging workers | 3 |\n\nWater use fell.\n";
        assert_eq!(repeated_table(&case, other), None);
        assert_eq!(repeated_table(&CaseStudy::default(), body), None);
    }

    #[test]
    fn badge_names_the_best_improvement() {
        let case = CaseStudy {
            metrics: vec![
                metric(8.0, 6.0, Better::Lower),
                metric(200.0, 300.0, Better::Higher),
            ],
            ..CaseStudy::default()
        };
        assert_eq!(badge(&case, "en").as_deref(), Some("+50 % water"));
    }

    proptest::proptest! {
        #[test]
        fn the_badge_is_the_change_the_best_metric_shows(
            figures in proptest::collection::vec((-50i32..50, -50i32..50, proptest::bool::ANY), 0..5)
        ) {
            let metrics: Vec<Metric> = figures
                .iter()
                .map(|&(b, a, lower)| {
                    let better = if lower { Better::Lower } else { Better::Higher };
                    metric(f64::from(b), f64::from(a), better)
                })
                .collect();
            // The metric of the largest relative improvement (the last of equals), as its
            // chart writes it.
            let mut best: Option<(&Metric, f64)> = None;
            for m in metrics.iter().filter(|m| m.before != 0.0 && metric_view(m, "vi").improved) {
                let gain = ((m.after - m.before) / m.before).abs();
                if best.is_none_or(|(_, g)| gain >= g) {
                    best = Some((m, gain));
                }
            }
            let expected = best.and_then(|(m, _)| {
                let percent = metric_view(m, "vi").percent?;
                Some(format!("{percent} % water"))
            });
            let case = CaseStudy { metrics, ..CaseStudy::default() };
            proptest::prop_assert_eq!(badge(&case, "vi"), expected);
        }
    }
}
