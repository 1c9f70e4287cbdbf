//! Dates and times from front matter: parsing, instants, and display per language.
//!
//! Parsing is `jiff`'s (ISO 8601 / RFC 3339 / RFC 9557), after two spellings editors bring from
//! other tools are made standard: a space before the offset (Jekyll's
//! `2016-02-19 15:24:00 -0800`) and a one-digit hour offset (YAML 1.1 timestamps, `-5`).
//! Nothing here slices text by byte position, so no input can panic it.

use jiff::civil::{DateTime, Time};
use jiff::fmt::temporal::Pieces;
use jiff::tz::Offset;
use jiff::Timestamp;
use std::fmt;

/// The forms a date may be written in, as shown by the unreadable-date error.
pub const ACCEPTED_FORMS: &str = "YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DDTHH:MM:SS, \
YYYY-MM-DD HH:MM:SS.fff, + Z | +07:00 | +0700 | \" -0800\"";

/// A date (and optional time of day) as written in front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Calendar year (also readable through [`Date::civil`]).
    pub year: i32,
    /// The local date and time as written (midnight when only a date is written).
    civil: DateTime,
    /// The UTC offset the date is written in; `None` means the site's time zone.
    offset: Option<Offset>,
}

/// Why a date could not be read, with a corrected spelling when one is obvious.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// A corrected value (`2025-08-13` for `13/08/2025`), when the intent is clear.
    pub suggestion: Option<String>,
}

impl Date {
    /// Parses any of [`ACCEPTED_FORMS`]; a time without offset is in the site's time zone.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        parse_text(text).ok_or_else(|| DateError {
            suggestion: suggest(text),
        })
    }

    fn new(civil: DateTime, offset: Option<Offset>) -> Date {
        Date {
            year: i32::from(civil.year()),
            civil,
            offset,
        }
    }

    /// Today's date in the given UTC offset.
    pub fn today(offset_minutes: i32) -> Date {
        Date::at(Timestamp::now(), offset_minutes)
    }

    /// The local date and time of a UNIX timestamp in the given UTC offset.
    pub fn from_timestamp(ts: i64, offset_minutes: i32) -> Date {
        let instant = Timestamp::from_second(ts).unwrap_or(Timestamp::UNIX_EPOCH);
        Date::at(instant, offset_minutes)
    }

    fn at(instant: Timestamp, offset_minutes: i32) -> Date {
        let offset = offset_of(offset_minutes);
        Date::new(offset.to_datetime(instant), Some(offset))
    }

    /// The instant this date names, reading a date without offset in `site_offset_minutes`.
    fn instant(&self, site_offset_minutes: i32) -> Timestamp {
        let offset = self
            .offset
            .unwrap_or_else(|| offset_of(site_offset_minutes));
        offset
            .to_timestamp(self.civil)
            .unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// Seconds since the UNIX epoch, reading a date without offset in `site_offset_minutes`:
    /// scheduling and ordering compare instants, whatever offset each date is written in.
    pub fn timestamp(&self, site_offset_minutes: i32) -> i64 {
        self.instant(site_offset_minutes).as_second()
    }

    /// The same instant as the site's clocks show it: dates are displayed in the site's time
    /// zone (`2016-02-19 15:24:00 -0800` is 20/02/2016 in Vietnam).
    pub fn in_zone(&self, site_offset_minutes: i32) -> Date {
        Date::at(self.instant(site_offset_minutes), site_offset_minutes)
    }

    /// The local date and time as written.
    pub fn civil(&self) -> DateTime {
        self.civil
    }

    /// `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        self.civil.date().to_string()
    }

    /// RFC 3339 with the offset spelled out, as Atom and the sitemap want.
    pub fn rfc3339(&self, site_offset_minutes: i32) -> String {
        let offset = self
            .offset
            .unwrap_or_else(|| offset_of(site_offset_minutes));
        let seconds = offset.seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.abs() / 60;
        format!(
            "{}T{}{}{:02}:{:02}",
            self.iso_date(),
            self.civil.time().strftime("%H:%M:%S"),
            sign,
            minutes / 60,
            minutes % 60
        )
    }

    /// The date as a reader of `lang` expects it: `17/05/2021` (vi), `17 May 2021` (en).
    pub fn display(&self, lang: &str) -> String {
        let date = self.civil.date();
        match lang {
            "en" => date.strftime("%-d %B %Y").to_string(),
            _ => date.strftime("%d/%m/%Y").to_string(),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso_date())
    }
}

/// A whole-minute UTC offset, clamped to what any clock uses (±25 h).
fn offset_of(minutes: i32) -> Offset {
    Offset::from_seconds(minutes.clamp(-1500, 1500) * 60).unwrap_or(Offset::UTC)
}

fn parse_text(text: &str) -> Option<Date> {
    // A date alone must be exactly one: `2024-5-1`, `20240501` and week dates are refused, so
    // a mistyped date never reads as another day.
    let first = text.split(['T', 't', ' ']).next().unwrap_or("");
    if !is_plain_date(first) {
        return None;
    }
    let standard = standard_spelling(text);
    let pieces = Pieces::parse(standard.as_str()).ok()?;
    // Fractions of a second are read and dropped: nothing shows them, and instants compare
    // in whole seconds.
    let time = pieces.time().map_or(Time::midnight(), |t| {
        t.with().subsec_nanosecond(0).build().unwrap_or(t)
    });
    let civil = pieces.date().to_datetime(time);
    let offset = pieces.offset().map(|written| written.to_numeric_offset());
    // Offsets are whole minutes (`-12:33:29` is no one's clock), and no annotation follows.
    if pieces.time_zone_annotation().is_some() || offset.is_some_and(|o| o.seconds() % 60 != 0) {
        return None;
    }
    // The instant must exist for every offset a site may use.
    offset_of(-1500).to_timestamp(civil).ok()?;
    offset_of(1500).to_timestamp(civil).ok()?;
    Some(Date::new(civil, offset))
}

/// `YYYY-MM-DD`: four digits, two, two.
fn is_plain_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == 3
        && [4, 2, 2]
            .iter()
            .zip(&parts)
            .all(|(len, p)| p.len() == *len && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Joins a space-separated offset to the time (`15:24:00 -0800` -> `15:24:00-0800`) and pads a
/// one-digit hour offset (`-5` -> `-05`).
fn standard_spelling(text: &str) -> String {
    let Some((head, tail)) = text.rsplit_once(' ') else {
        return pad_offset(text);
    };
    let is_offset = tail.starts_with(['+', '-'])
        && tail.len() > 1
        && tail.chars().skip(1).all(|c| c.is_ascii_digit() || c == ':');
    if is_offset && head.contains(':') {
        pad_offset(&format!("{head}{tail}"))
    } else if tail == "Z" && head.contains(':') {
        format!("{head}Z")
    } else {
        pad_offset(text)
    }
}

fn pad_offset(text: &str) -> String {
    // After the time of day, a sign followed by one digit and nothing else.
    let mut chars = text.chars().rev();
    let (Some(digit), Some(sign), Some(before)) = (chars.next(), chars.next(), chars.next()) else {
        return text.to_string();
    };
    if digit.is_ascii_digit() && matches!(sign, '+' | '-') && before.is_ascii_digit() {
        let head: String = text.chars().take(text.chars().count() - 2).collect();
        return format!("{head}{sign}0{digit}");
    }
    text.to_string()
}

/// `13/08/2025` or `13-08-2025` (day first, as written in Vietnam) -> `2025-08-13`.
fn suggest(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    let day: u32 = digits(day)?;
    let month: u32 = digits(month)?;
    let year: i32 = digits(year)?;
    let candidate = format!("{year:04}-{month:02}-{day:02}");
    parse_text(&candidate).map(|_| candidate)
}

fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_rfc3339_dates() {
        let d = Date::parse("2021-05-17").unwrap();
        assert_eq!(d.iso_date(), "2021-05-17");
        assert_eq!(d.year, 2021);
        let t = Date::parse("2021-05-17T08:30:00+07:00").unwrap();
        assert_eq!(t.rfc3339(0), "2021-05-17T08:30:00+07:00");
    }

    #[test]
    fn reads_every_accepted_form() {
        for (text, rfc) in [
            ("2021-05-17 08:30", "2021-05-17T08:30:00+07:00"),
            ("2021-05-17T08:30:15", "2021-05-17T08:30:15+07:00"),
            ("2021-05-17 08:30:15.250", "2021-05-17T08:30:15+07:00"),
            ("2021-05-17T08:30:00Z", "2021-05-17T08:30:00+00:00"),
            ("2021-05-17 08:30:00 Z", "2021-05-17T08:30:00+00:00"),
            ("2021-05-17t08:30:00z", "2021-05-17T08:30:00+00:00"),
            ("2016-02-19 15:24:00 -0800", "2016-02-19T15:24:00-08:00"),
            ("2016-02-19 15:24:00 -08:00", "2016-02-19T15:24:00-08:00"),
            ("2016-02-19T15:24:00+0530", "2016-02-19T15:24:00+05:30"),
            ("2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43-05:00"),
            ("2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43-05:00"),
        ] {
            assert_eq!(Date::parse(text).unwrap().rfc3339(420), rfc, "{text}");
        }
    }

    #[test]
    fn rejects_impossible_and_mangled_dates() {
        for text in [
            "2024-13-45",
            "2023-02-29",
            "2021-05-1é",
            "2021-05-17T25:00",
            "2021-5-17",
            "20210517",
            "2021-05-17T08:30:00+07:00[Asia/Ho_Chi_Minh]",
            "é",
            "",
            "2021-05-17 08:30 +",
            "9999-12-31T23:59:59-25:00",
            "9994-12-31T23-123329",
        ] {
            assert!(Date::parse(text).is_err(), "{text}");
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn suggests_iso_for_day_first_dates() {
        let err = Date::parse("13/08/2025").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("2025-08-13"));
        assert_eq!(Date::parse("1é/08/2025").unwrap_err().suggestion, None);
    }

    #[test]
    fn displays_per_language_in_the_site_zone() {
        let d = Date::parse("2021-05-17").unwrap();
        assert_eq!(d.display("vi"), "17/05/2021");
        assert_eq!(d.display("en"), "17 May 2021");
        let jekyll = Date::parse("2016-02-19 15:24:00 -0800").unwrap();
        assert_eq!(jekyll.in_zone(420).display("vi"), "20/02/2016");
        assert_eq!(jekyll.in_zone(-480).display("vi"), "19/02/2016");
    }

    #[test]
    fn instants_compare_across_offsets() {
        let a = Date::parse("2024-01-01T00:30:00+07:00").unwrap();
        let b = Date::parse("2023-12-31T18:00:00Z").unwrap();
        assert!(a.timestamp(0) < b.timestamp(0));
        // Without an offset, the site's zone decides.
        let c = Date::parse("2024-01-01 00:30").unwrap();
        assert_eq!(c.timestamp(420), a.timestamp(0));
    }

    #[test]
    fn fractions_of_a_second_are_dropped() {
        let d = Date::parse("0999-12-31T23:58:59,20").unwrap();
        assert_eq!(
            Date::parse(&d.rfc3339(-504)).unwrap().timestamp(-504),
            d.timestamp(-504)
        );
    }

    #[test]
    fn timestamps_round_trip() {
        let d = Date::parse("2018-09-28").unwrap();
        let ts = d.timestamp(420);
        assert_eq!(Date::from_timestamp(ts, 420).iso_date(), "2018-09-28");
        assert_eq!(Date::from_timestamp(i64::MAX, 0).iso_date(), "1970-01-01");
    }
}
