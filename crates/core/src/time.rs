//! Time as the pure core sees it: a number the caller passes in. Only
//! `env` (browser code) reads a clock, so native tests choose every time.

/// Milliseconds since the Unix epoch, as `Date.now()` gives them.
pub type Millis = f64;

/// One day in [`Millis`].
pub const DAY: Millis = 24.0 * 60.0 * 60.0 * 1000.0;

/// One minute in [`Millis`].
pub const MINUTE: Millis = 60.0 * 1000.0;

/// Year, month (1 to 12) and day (1 to 31) of a time, in a time zone
/// `offset_minutes` ahead of UTC (negative west of Greenwich: New York in
/// winter is -300).
pub fn civil_date(millis: Millis, offset_minutes: i32) -> (i64, u32, u32) {
    let local = millis + f64::from(offset_minutes) * MINUTE;
    // Howard Hinnant's days-to-civil algorithm.
    let days = (local / DAY).floor() as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

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

/// The last moment a date is written for: 31 December 9999 (UTC). Times
/// outside 1970 to 9999 can only come from damaged or crafted data.
pub const LATEST: Millis = 253_402_300_799_999.0;

/// What a date outside 1970 to 9999 is shown as, in the reader's language.
pub fn unknown_date() -> &'static str {
    crate::t!("an unknown date")
}

fn plausible(millis: Millis) -> bool {
    (0.0..=LATEST).contains(&millis)
}

/// A date as people write it, in their own time zone: `2 December 2026`
/// (or "an unknown date" for a time outside 1970 to 9999).
pub fn long_date(millis: Millis, offset_minutes: i32) -> String {
    if !plausible(millis) {
        return unknown_date().into();
    }
    let (y, m, d) = civil_date(millis, offset_minutes);
    (crate::i18n::locale().date)(y, m, d, true)
}

/// A short date for chart labels: `2 Dec` (`?` for a time outside 1970 to 9999).
pub fn short_date(millis: Millis, offset_minutes: i32) -> String {
    if !plausible(millis) {
        return "?".into();
    }
    let (y, m, d) = civil_date(millis, offset_minutes);
    (crate::i18n::locale().date)(y, m, d, false)
}

/// A date in English, long (`2 December 2026`) or short (`2 Dec`): the
/// format when no other language's is installed ([`crate::i18n::Locale`]).
pub fn english_date(y: i64, m: u32, d: u32, long: bool) -> String {
    let month = MONTHS[(m as usize + 11) % 12];
    if long {
        format!("{d} {month} {y}")
    } else {
        format!("{d} {}", &month[..3])
    }
}
