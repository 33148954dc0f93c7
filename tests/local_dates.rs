//! Dates in the person's own time zone: an export late in the evening west of
//! Greenwich is named for that evening, not for tomorrow in UTC.

use closer::progress::transfer::export_file_name;
use closer::time::civil_date;

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
