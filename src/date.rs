//! Dates and times from front matter: parsing, instants, and display per language.
//!
//! Parsing is `jiff`'s (ISO 8601 / RFC 3339 / RFC 9557), after the spellings editors bring from
//! other tools are made standard: YAML 1.1 timestamps (a one-digit month, day or hour:
//! `2024-5-7 8:30:00`; a one-digit hour offset: `-5`), and Jekyll's (a space before the offset:
//! `2016-02-19 15:24:00 -0800`; `UTC` or `GMT` after the time; slashes: `2024/05/17`).
//! Nothing here slices text by byte position, so no input can panic it.

use jiff::civil::{DateTime, Time};
use jiff::fmt::temporal::Pieces;
use jiff::tz::Offset;
use jiff::Timestamp;
use std::fmt;

/// The forms a date may be written in, as shown by the unreadable-date error.
pub const ACCEPTED_FORMS: &str = "YYYY-MM-DD, YYYY/MM/DD, YYYY-MM-DD HH:MM, \
YYYY-MM-DDTHH:MM:SS, YYYY-MM-DD HH:MM:SS.fff, + Z | +07:00 | +0700 | \" -0800\" | \" UTC\"";

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
        // Appended piece by piece: every page's date is written this way for the feeds and
        // the sitemap.
        let time = self.civil.time();
        let mut out = self.iso_date();
        out.push('T');
        for (i, n) in [time.hour(), time.minute(), time.second()]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                out.push(':');
            }
            push_two_digits(&mut out, i32::from(n));
        }
        out.push(sign);
        push_two_digits(&mut out, minutes / 60);
        out.push(':');
        push_two_digits(&mut out, minutes % 60);
        out
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

/// `n` (0 to 99) in two digits.
fn push_two_digits(out: &mut String, n: i32) {
    let n = n.clamp(0, 99) as u8;
    out.push(char::from(b'0' + n / 10));
    out.push(char::from(b'0' + n % 10));
}

/// A whole-minute UTC offset, clamped to what any clock uses (±25 h).
fn offset_of(minutes: i32) -> Offset {
    Offset::from_seconds(minutes.clamp(-1500, 1500) * 60).unwrap_or(Offset::UTC)
}

fn parse_text(text: &str) -> Option<Date> {
    let standard = standard_spelling(text)?;
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

/// The text as jiff's ISO 8601 parser reads it: the date read and written `YYYY-MM-DD`, then
/// `T` and the time with a two-digit hour and its offset joined to it. `None` when the date
/// itself is not one of the accepted forms.
fn standard_spelling(text: &str) -> Option<String> {
    let (date, time) = split_date_time(text);
    let date = read_date(date)?;
    Some(match time {
        None => date.to_string(),
        Some(time) => join_offset(&format!("{date}T{}", pad_hour(time))),
    })
}

/// `2024-05-17 08:30` -> (`2024-05-17`, `08:30`). Date and time are separated by a `T` or by
/// spaces or tabs, as YAML 1.1 timestamps are.
fn split_date_time(text: &str) -> (&str, Option<&str>) {
    let date = text.split(['T', 't', ' ', '\t']).next().unwrap_or("");
    let rest = text.strip_prefix(date).unwrap_or("");
    let time = rest.strip_prefix(['T', 't']).or_else(|| {
        let time = rest.trim_start_matches([' ', '\t']);
        (time.len() < rest.len()).then_some(time)
    });
    (date, time)
}

/// Reads a date written year first: `2024-05-07`, with a one-digit month or day as YAML 1.1
/// timestamps allow (`2024-5-7`), or with slashes as Jekyll's posts write it (`2024/05/07`).
/// Only the shape is checked here; jiff reads the numbers and refuses days that do not exist.
/// A date must be exactly one of these: `20240507`, `17/05/2024` and week dates are refused,
/// so a mistyped date never reads as another day.
fn read_date(text: &str) -> Option<jiff::civil::Date> {
    let (separator, format) = if text.contains('/') {
        ('/', "%Y/%m/%d")
    } else {
        ('-', "%Y-%m-%d")
    };
    let parts: Vec<&str> = text.split(separator).collect();
    let is_shaped = parts.len() == 3
        && [4..=4, 1..=2, 1..=2]
            .iter()
            .zip(&parts)
            .all(|(len, p)| len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if !is_shaped {
        return None;
    }
    jiff::fmt::strtime::parse(format, text).ok()?.to_date().ok()
}

/// `8:30` -> `08:30`: YAML 1.1 timestamps allow a one-digit hour, ISO 8601 wants two.
fn pad_hour(time: &str) -> String {
    match time.split_once(':') {
        Some((hour, rest)) if hour.len() == 1 && hour.bytes().all(|b| b.is_ascii_digit()) => {
            format!("0{hour}:{rest}")
        }
        _ => time.to_string(),
    }
}

/// Joins a space-separated offset to the time (`15:24:00 -0800` -> `15:24:00-0800`), reads
/// `UTC`, `GMT` and `Z` after a space as `Z` (Jekyll's `2024-05-17 08:30:00 UTC`), and pads a
/// one-digit hour offset (`-5` -> `-05`).
fn join_offset(text: &str) -> String {
    let Some((head, tail)) = text.rsplit_once([' ', '\t']) else {
        return pad_offset(text);
    };
    let head = head.trim_end_matches([' ', '\t']);
    let is_offset = tail.starts_with(['+', '-'])
        && tail.len() > 1
        && tail.chars().skip(1).all(|c| c.is_ascii_digit() || c == ':');
    let is_utc = ["Z", "UTC", "GMT"]
        .iter()
        .any(|name| tail.eq_ignore_ascii_case(name));
    if is_offset && head.contains(':') {
        pad_offset(&format!("{head}{tail}"))
    } else if is_utc && head.contains(':') {
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

/// The editor's value corrected, when its day, month and year can be told apart and the
/// correction is read: `13/08/2025` (day first, as written in Vietnam) -> `2025-08-13`,
/// `17.05.2024 08:30` -> `2024-05-17 08:30`, `2024.05.17` -> `2024-05-17`. When the time
/// still cannot be read, the corrected date alone.
fn suggest(text: &str) -> Option<String> {
    let (date, time) = split_date_time(text);
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    let [first, month, last] = parts.as_slice() else {
        return None;
    };
    let (year, day) = match (first.len(), last.len()) {
        (_, 4) => (last, first),
        (4, _) => (first, last),
        _ => return None,
    };
    let day: u32 = digits(day)?;
    let month: u32 = digits(month)?;
    let year: i32 = digits(year)?;
    let date = format!("{year:04}-{month:02}-{day:02}");
    let with_time = time.map(|time| format!("{date} {time}"));
    with_time
        .into_iter()
        .chain([date])
        .find(|candidate| parse_text(candidate).is_some())
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
    fn reads_yaml_1_1_and_jekyll_spellings() {
        // Written -> the local date and time read, and the offset written in minutes (`None`:
        // the site's time zone).
        for (text, civil, offset) in [
            ("2024-5-7", "2024-05-07T00:00:00", None),
            ("2024-5-17", "2024-05-17T00:00:00", None),
            ("2024-12-7", "2024-12-07T00:00:00", None),
            ("2024-5-7 8:30:00", "2024-05-07T08:30:00", None),
            ("2024-05-07 8:30", "2024-05-07T08:30:00", None),
            ("2024-05-07 8:30:00 -5", "2024-05-07T08:30:00", Some(-300)),
            ("2024-05-07T8:30:00Z", "2024-05-07T08:30:00", Some(0)),
            ("2024-5-7t8:30:00.5+05:30", "2024-05-07T08:30:00", Some(330)),
            (
                "2024-05-07 \t 21:59:43.10\tZ",
                "2024-05-07T21:59:43",
                Some(0),
            ),
            ("2024-05-17 08:30:00 UTC", "2024-05-17T08:30:00", Some(0)),
            ("2024-05-17 08:30:00 GMT", "2024-05-17T08:30:00", Some(0)),
            ("2024-05-17 08:30:00 Z", "2024-05-17T08:30:00", Some(0)),
            ("2024-05-17 08:30 utc", "2024-05-17T08:30:00", Some(0)),
            ("2024/05/17", "2024-05-17T00:00:00", None),
            ("2024/05/17 08:30", "2024-05-17T08:30:00", None),
            ("2024/5/7 8:30:00 +07:00", "2024-05-07T08:30:00", Some(420)),
        ] {
            let d = Date::parse(text).unwrap_or_else(|_| panic!("{text} is refused"));
            assert_eq!(d.civil().to_string(), civil, "{text}");
            assert_eq!(d.offset.map(|o| o.seconds() / 60), offset, "{text}");
        }
        // The same instant as the ISO spelling.
        let yaml = Date::parse("2024-05-07 8:30:00 -5").unwrap();
        let iso = Date::parse("2024-05-07T13:30:00Z").unwrap();
        assert_eq!(yaml.timestamp(420), iso.timestamp(420));
    }

    #[test]
    fn rejects_ambiguous_and_half_written_spellings() {
        for text in [
            "2024-02-30",
            "2024/02/30",
            "2024-5-32",
            "2024-005-07",
            "2024-5-",
            "24-5-7",
            "2024/05-17",
            "2024- 5-7",
            "2024-+5-7",
            "5/17/2024",
            "13/08/2025",
            "2024-05-07 8",
            "2024-05-07 8:3",
            "2024-05-07 108:30",
            "2024-05-07T 08:30",
            "2024-05-17 UTC",
            "2024-05-17 08:30 EST",
            "2024-05-17 08:30 UTC+7",
        ] {
            assert!(Date::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn suggests_the_editors_value_corrected() {
        for (text, suggestion) in [
            ("13/08/2025", Some("2025-08-13")),
            ("13-08-2025", Some("2025-08-13")),
            ("17.05.2024", Some("2024-05-17")),
            ("7/5/2024", Some("2024-05-07")),
            ("2024.5.7", Some("2024-05-07")),
            ("17/5/2024 8:30", Some("2024-05-17 8:30")),
            (
                "17/05/2024 08:30:00 +0700",
                Some("2024-05-17 08:30:00 +0700"),
            ),
            // The time cannot be read either: the date alone.
            ("17/05/2024 8h30", Some("2024-05-17")),
            ("2024-5-7 25:00", Some("2024-05-07")),
            ("2024-02-30", None),
            ("5/17/2024", None),
            ("1é/08/2025", None),
            ("hôm nay", None),
        ] {
            let err = Date::parse(text).unwrap_err();
            assert_eq!(err.suggestion.as_deref(), suggestion, "{text}");
        }
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
