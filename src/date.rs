//! Calendar dates from front matter: parsing, ordering and display per language.

use std::fmt;

/// A date (and optional time of day) as written in front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Calendar year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Day of the month, 1-31.
    pub day: u32,
    /// Seconds since midnight, local to `offset_minutes`.
    pub seconds: u32,
    /// The UTC offset the date is written in; `None` means the site's time zone.
    pub offset_minutes: Option<i32>,
}

/// Why a date could not be read, with a corrected spelling when one is obvious.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// A corrected value (`2025-08-13` for `13/08/2025`), when the intent is clear.
    pub suggestion: Option<String>,
}

impl Date {
    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time (`2024-05-17T08:30:00+07:00`).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        parse_iso(text).ok_or_else(|| DateError {
            suggestion: suggest(text),
        })
    }

    /// Today's date in the given UTC offset.
    pub fn today(offset_minutes: i32) -> Date {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_timestamp(now, offset_minutes)
    }

    /// The local date and time of a UNIX timestamp in the given UTC offset.
    pub fn from_timestamp(ts: i64, offset_minutes: i32) -> Date {
        let local = ts + i64::from(offset_minutes) * 60;
        let days = local.div_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Date {
            year,
            month,
            day,
            seconds: local.rem_euclid(86_400) as u32,
            offset_minutes: Some(offset_minutes),
        }
    }

    /// Seconds since the UNIX epoch, reading a date without offset in `site_offset_minutes`.
    pub fn timestamp(&self, site_offset_minutes: i32) -> i64 {
        let offset = self.offset_minutes.unwrap_or(site_offset_minutes);
        days_from_civil(self.year, self.month, self.day) * 86_400 + i64::from(self.seconds)
            - i64::from(offset) * 60
    }

    /// `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// RFC 3339 with the offset spelled out, as Atom and the sitemap want.
    pub fn rfc3339(&self, site_offset_minutes: i32) -> String {
        let offset = self.offset_minutes.unwrap_or(site_offset_minutes);
        let sign = if offset < 0 { '-' } else { '+' };
        let abs = offset.abs();
        format!(
            "{}T{:02}:{:02}:{:02}{}{:02}:{:02}",
            self.iso_date(),
            self.seconds / 3600,
            self.seconds / 60 % 60,
            self.seconds % 60,
            sign,
            abs / 60,
            abs % 60
        )
    }

    /// The date as a reader of `lang` expects it: `17/05/2021` (vi), `17 May 2021` (en).
    pub fn display(&self, lang: &str) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match lang {
            "en" => format!(
                "{} {} {}",
                self.day,
                MONTHS[(self.month as usize).saturating_sub(1) % 12],
                self.year
            ),
            _ => format!("{:02}/{:02}/{:04}", self.day, self.month, self.year),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso_date())
    }
}

fn parse_iso(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i32 = digits(&text[0..4])?;
    let month: u32 = digits(&text[5..7])?;
    let day: u32 = digits(&text[8..10])?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut date = Date {
        year,
        month,
        day,
        seconds: 0,
        offset_minutes: None,
    };
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(date);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    if rest.len() < 8 || rest.as_bytes()[2] != b':' || rest.as_bytes()[5] != b':' {
        return None;
    }
    let (h, m, s): (u32, u32, u32) = (
        digits(&rest[0..2])?,
        digits(&rest[3..5])?,
        digits(&rest[6..8])?,
    );
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    date.seconds = h * 3600 + m * 60 + s.min(59);
    let mut zone = &rest[8..];
    if let Some(frac) = zone.strip_prefix('.') {
        zone = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    date.offset_minutes = match zone {
        "" => None,
        "Z" | "z" => Some(0),
        _ => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let z = &zone[1..];
            if z.len() != 5 || z.as_bytes()[2] != b':' {
                return None;
            }
            let (oh, om): (i32, i32) = (digits(&z[0..2])?, digits(&z[3..5])?);
            Some(sign * (oh * 60 + om))
        }
    };
    Some(date)
}

fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// `13/08/2025` or `13-08-2025` (day first, as written in Vietnam) -> `2025-08-13`.
fn suggest(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let day: u32 = digits(parts[0])?;
    let month: u32 = digits(parts[1])?;
    let year: i32 = digits(parts[2])?;
    let candidate = format!("{year:04}-{month:02}-{day:02}");
    parse_iso(&candidate).map(|_| candidate)
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_rfc3339_dates() {
        let d = Date::parse("2021-05-17").unwrap();
        assert_eq!((d.year, d.month, d.day), (2021, 5, 17));
        let t = Date::parse("2021-05-17T08:30:00+07:00").unwrap();
        assert_eq!(t.offset_minutes, Some(420));
        assert_eq!(t.rfc3339(0), "2021-05-17T08:30:00+07:00");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2024-13-45").is_err());
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn suggests_iso_for_day_first_dates() {
        let err = Date::parse("13/08/2025").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("2025-08-13"));
    }

    #[test]
    fn displays_per_language() {
        let d = Date::parse("2021-05-17").unwrap();
        assert_eq!(d.display("vi"), "17/05/2021");
        assert_eq!(d.display("en"), "17 May 2021");
    }

    #[test]
    fn timestamps_round_trip() {
        let d = Date::parse("2018-09-28").unwrap();
        let ts = d.timestamp(420);
        assert_eq!(Date::from_timestamp(ts, 420).iso_date(), "2018-09-28");
    }
}
