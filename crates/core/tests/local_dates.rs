//! Dates in the person's own time zone: an export late in the evening west of
//! Greenwich is named for that evening, not for tomorrow in UTC.

use closer_core::progress::transfer::export_file_name;
use closer_core::time::{civil_date, long_date, short_date, DAY, MINUTE};

// 2026-11-26 03:30 UTC: still the 25th in New York (UTC-5), already the
// 26th in Tokyo (UTC+9) and in London (UTC).
const LATE_EVENING_IN_NEW_YORK: f64 = 1_795_663_800_000.0;

#[test]
fn the_same_moment_has_each_zone_s_own_date() {
    assert_eq!(civil_date(LATE_EVENING_IN_NEW_YORK, 0), (2026, 11, 26));
    assert_eq!(civil_date(LATE_EVENING_IN_NEW_YORK, -300), (2026, 11, 25));
    assert_eq!(civil_date(LATE_EVENING_IN_NEW_YORK, 540), (2026, 11, 26));
}

#[test]
fn an_evening_export_west_of_greenwich_is_named_for_that_evening() {
    assert_eq!(
        export_file_name(LATE_EVENING_IN_NEW_YORK, -300),
        "closer-progress-2026-11-25.json"
    );
    assert_eq!(
        export_file_name(LATE_EVENING_IN_NEW_YORK, 0),
        "closer-progress-2026-11-26.json"
    );
}

#[test]
fn zones_east_of_greenwich_can_be_a_day_ahead() {
    // 2026-12-31 20:00 UTC is already New Year's Day in Auckland (UTC+13).
    let new_year_eve = 1_798_747_200_000.0;
    assert_eq!(civil_date(new_year_eve, 0), (2026, 12, 31));
    assert_eq!(civil_date(new_year_eve, 780), (2027, 1, 1));
    // Half-hour zones move the line by their half hour (India, UTC+5:30).
    // Midnight in India is 18:30 UTC.
    assert_eq!(
        civil_date(new_year_eve - 91.0 * 60_000.0, 330),
        (2026, 12, 31)
    );
    assert_eq!(
        civil_date(new_year_eve - 90.0 * 60_000.0, 330),
        (2027, 1, 1)
    );
}

#[test]
fn long_and_short_dates_are_each_zone_s_own() {
    // Late on the 25th in New York is the 26th in London and Tokyo.
    assert_eq!(
        long_date(LATE_EVENING_IN_NEW_YORK, -300),
        "25 November 2026"
    );
    assert_eq!(short_date(LATE_EVENING_IN_NEW_YORK, -300), "25 Nov");
    assert_eq!(long_date(LATE_EVENING_IN_NEW_YORK, 0), "26 November 2026");
    assert_eq!(short_date(LATE_EVENING_IN_NEW_YORK, 0), "26 Nov");
    assert_eq!(long_date(LATE_EVENING_IN_NEW_YORK, 540), "26 November 2026");
}

#[test]
fn an_offset_can_carry_a_date_across_midnight_and_the_new_year() {
    // 2026-12-31 20:00 UTC: still the old year in London, the new one in Auckland.
    let new_year_eve = 1_798_747_200_000.0;
    assert_eq!(long_date(new_year_eve, 0), "31 December 2026");
    assert_eq!(short_date(new_year_eve, 0), "31 Dec");
    assert_eq!(long_date(new_year_eve, 780), "1 January 2027");
    assert_eq!(short_date(new_year_eve, 780), "1 Jan");
    // Midnight in India (UTC+5:30) is 18:30 UTC: a minute makes the day.
    assert_eq!(
        long_date(new_year_eve - 91.0 * MINUTE, 330),
        "31 December 2026"
    );
    assert_eq!(
        long_date(new_year_eve - 90.0 * MINUTE, 330),
        "1 January 2027"
    );
    // West of Greenwich, an early morning UTC is still the evening before.
    let new_year_morning_utc = new_year_eve + 5.0 * 60.0 * MINUTE; // 01:00 UTC, 1 Jan
    assert_eq!(long_date(new_year_morning_utc, 0), "1 January 2027");
    assert_eq!(long_date(new_year_morning_utc, -300), "31 December 2026");
    assert_eq!(
        short_date(new_year_morning_utc, -60),
        "1 Jan",
        "00:00 exactly is the new day"
    );
    assert_eq!(short_date(new_year_morning_utc - 1.0, -60), "31 Dec");
}

#[test]
fn every_month_has_its_name_and_its_three_letters() {
    let months = [
        ("January", "Jan"),
        ("February", "Feb"),
        ("March", "Mar"),
        ("April", "Apr"),
        ("May", "May"),
        ("June", "Jun"),
        ("July", "Jul"),
        ("August", "Aug"),
        ("September", "Sep"),
        ("October", "Oct"),
        ("November", "Nov"),
        ("December", "Dec"),
    ];
    // The 15th of each month of 2026, at noon UTC.
    let jan_15 = 1_768_478_400_000.0;
    assert_eq!(civil_date(jan_15, 0), (2026, 1, 15));
    let mut t = jan_15;
    for (long, short) in months {
        let (y, _, d) = civil_date(t, 0);
        assert_eq!(d, 15, "{long}");
        assert_eq!(long_date(t, 0), format!("15 {long} {y}"));
        assert_eq!(short_date(t, 0), format!("15 {short}"));
        // On to the 15th of the next month.
        while civil_date(t, 0).2 != 1 {
            t += DAY;
        }
        t += 14.0 * DAY;
    }
    // No leading zero, and a leap day.
    assert_eq!(long_date(0.0, 0), "1 January 1970");
    assert_eq!(short_date(1_709_251_199_000.0, 0), "29 Feb");
    assert_eq!(long_date(1_709_251_199_000.0, 0), "29 February 2024");
    assert_eq!(long_date(1_709_251_199_000.0, 1), "1 March 2024");
}

#[test]
fn impossible_times_are_shown_as_an_unknown_date() {
    // An imported file with absurd times showed "6 June -25252734927764585".
    for t in [
        -1e308,
        1e308,
        f64::NAN,
        -1.0,
        closer_core::time::LATEST + 1.0,
    ] {
        assert_eq!(long_date(t, 0), "an unknown date", "{t}");
        assert_eq!(short_date(t, 0), "?", "{t}");
    }
    assert_eq!(long_date(closer_core::time::LATEST, 0), "31 December 9999");
    assert_eq!(long_date(0.0, 0), "1 January 1970");
}
