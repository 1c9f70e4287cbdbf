//! Numbers written the way each language reads them (vi: `1.200.000`, `1,5`; en: `1,200,000`).

/// Formats `value` with at most `decimals` decimals, grouped per language.
pub fn format_number(value: f64, decimals: usize, lang: &str) -> String {
    let (group, point) = if lang == "vi" { ('.', ',') } else { (',', '.') };
    let negative = value < 0.0;
    // Whole numbers (most figures) skip the float formatter, which writes the same digits.
    let text = if value.fract() == 0.0 && value.abs() < 1e15 {
        (value.abs() as u64).to_string()
    } else {
        format!("{:.*}", decimals, value.abs())
    };
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (text, String::new()),
    };
    let mut out = String::new();
    if negative && (int_part != "0" || !frac_part.is_empty()) {
        out.push('−');
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(&frac_part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_per_language() {
        assert_eq!(format_number(1_200_000.0, 0, "vi"), "1.200.000");
        assert_eq!(format_number(1_200_000.0, 0, "en"), "1,200,000");
        assert_eq!(format_number(1.5, 1, "vi"), "1,5");
        assert_eq!(format_number(-25.0, 1, "en"), "−25");
        assert_eq!(format_number(300.0, 2, "vi"), "300");
        assert_eq!(format_number(-0.0, 2, "vi"), "0");
        assert_eq!(format_number(0.25, 1, "en"), format!("{:.1}", 0.25));
        assert_eq!(format_number(1e16, 0, "en"), "10,000,000,000,000,000");
    }
}
