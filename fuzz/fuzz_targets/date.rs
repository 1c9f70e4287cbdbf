//! Dates as front matter writes them: never panics; a date that reads writes itself back as
//! the same instant, and shows in any site zone.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sachhon::date::Date;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(date) = Date::parse(text) else { return };
    let zone = i32::from(data.first().copied().unwrap_or(0)) * 7 - 840;
    let again = Date::parse(&date.rfc3339(zone)).expect("RFC 3339 output reads back");
    assert_eq!(again.timestamp(zone), date.timestamp(zone));
    let shown = date.in_zone(zone);
    let _ = (shown.display("vi"), shown.display("en"), shown.iso_date());
});
