//! The reminders' calendar file, read back by an iCalendar parser (the
//! `ical` crate) as a calendar app would read it.
#![cfg(not(target_arch = "wasm32"))]

use closer_core::calendar::{calendar_file, Details, Floating, Reminder, NEUTRAL_TITLE};
use closer_core::time::{DAY, MINUTE};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use proptest::prelude::*;

// 2026-12-06 01:00 UTC.
const NOW: f64 = 1_796_518_800_000.0;

fn parse(file: &str) -> IcalCalendar {
    let mut calendars = ical::IcalParser::new(file.as_bytes());
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("a calendar the parser reads");
    assert!(calendars.next().is_none(), "only one calendar");
    calendar
}

fn value<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn one_event(file: &str) -> IcalEvent {
    let mut calendar = parse(file);
    assert_eq!(value(&calendar.properties, "VERSION"), Some("2.0"));
    assert!(value(&calendar.properties, "PRODID").is_some());
    assert_eq!(calendar.events.len(), 1);
    calendar.events.remove(0)
}

#[test]
fn a_steps_reminder_rings_a_week_on_with_a_neutral_title_and_an_alarm() {
    // Chosen on Sunday at 01:00 UTC; London is at UTC in December.
    let reminder = Reminder::for_step("a1b2c3", NOW, 0, None)
        .unwrap()
        .leading_to("https://example.org/closer/checkin");
    let file = calendar_file(&[reminder], NOW);
    assert!(file.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !file.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    let event = one_event(&file);
    let p = &event.properties;
    assert_eq!(
        value(p, "DTSTART"),
        Some("20261213T090000"),
        "the next Sunday, 9 in the morning, floating"
    );
    assert_eq!(value(p, "DURATION"), Some("PT15M"));
    assert_eq!(value(p, "DTSTAMP"), Some("20261206T010000Z"));
    assert_eq!(value(p, "SUMMARY"), Some(NEUTRAL_TITLE));
    assert_eq!(value(p, "URL"), Some("https://example.org/closer/checkin"));
    assert_eq!(value(p, "CLASS"), Some("PRIVATE"));
    assert_eq!(
        value(p, "UID"),
        Some("step-a1b2c3-1796518800000@closer.invalid")
    );
    assert_eq!(value(p, "RRULE"), None, "once, unless asked");
    assert_eq!(event.alarms.len(), 1);
    let alarm = &event.alarms[0].properties;
    assert_eq!(value(alarm, "ACTION"), Some("DISPLAY"));
    assert_eq!(value(alarm, "TRIGGER"), Some("PT0S"));
    assert_eq!(value(alarm, "DESCRIPTION"), Some(NEUTRAL_TITLE));
}

#[test]
fn a_reminder_names_no_one_unless_asked_and_then_escapes_what_it_says() {
    let details = Details {
        about: "Sam, my sister".into(),
        step: "Ask about her week; listen.".into(),
    };
    let plain = calendar_file(&[Reminder::for_step("ff", NOW, 60, None).unwrap()], NOW);
    for private in ["Sam", "sister", "listen"] {
        assert!(!plain.contains(private), "{private} in {plain}");
    }
    let named = calendar_file(
        &[Reminder::for_step("ff", NOW, 60, Some(&details)).unwrap()],
        NOW,
    );
    let event = one_event(&named);
    let summary = value(&event.properties, "SUMMARY").unwrap();
    // The parser leaves escapes as written: the comma is escaped, not a separator.
    assert_eq!(summary, "Closer: a small step (Sam\\, my sister)");
    let description = value(&event.properties, "DESCRIPTION").unwrap();
    assert!(
        description.contains("Ask about her week\\; listen."),
        "{description}"
    );
}

#[test]
fn a_weekly_reminder_repeats_by_count() {
    let reminder = Reminder::for_step("ab", NOW, 0, None).unwrap().weekly(4);
    let event = one_event(&calendar_file(&[reminder], NOW));
    assert_eq!(
        value(&event.properties, "RRULE"),
        Some("FREQ=WEEKLY;COUNT=4")
    );
}

#[test]
fn a_review_reminder_is_for_the_day_the_next_reviews_are_due() {
    // Due on Tuesday at 14:30 UTC, read in Madrid (UTC+1): 15:30, so 18:00.
    let due = NOW + 2.0 * DAY + 13.5 * 60.0 * MINUTE;
    let event = one_event(&calendar_file(
        &[Reminder::for_reviews(due, 60).unwrap()],
        NOW,
    ));
    assert_eq!(value(&event.properties, "DTSTART"), Some("20261208T180000"));
    assert_eq!(
        value(&event.properties, "UID"),
        Some("reviews-20261208@closer.invalid")
    );
}

#[test]
fn two_reminders_make_two_events_in_one_calendar() {
    let file = calendar_file(
        &[
            Reminder::for_step("ab", NOW, 0, None).unwrap(),
            Reminder::for_reviews(NOW + DAY, 0).unwrap(),
        ],
        NOW,
    );
    assert_eq!(parse(&file).events.len(), 2);
}

/// A TEXT value as a calendar shows it.
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

proptest! {
    // Whatever the name and step say (any Unicode, separators, line
    // breaks), the file stays one calendar of one event whose lines fit.
    #[test]
    fn any_details_keep_the_file_well_formed(about in ".{0,120}", step in ".{0,300}", offset in -720i32..=840, at in 0.0f64..4.0e12) {
        let details = Details { about: about.clone(), step: step.clone() };
        let Some(reminder) = Reminder::for_step("ab", at, offset, Some(&details)) else {
            return Ok(());
        };
        let file = calendar_file(&[reminder], at);
        for line in file.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
        }
        let calendar = parse(&file);
        prop_assert_eq!(calendar.events.len(), 1);
        let start = value(&calendar.events[0].properties, "DTSTART").unwrap().to_string();
        prop_assert_eq!(start.len(), 15);
        prop_assert!(start.ends_with("090000") || start.ends_with("180000"));
        // Unfolded and unescaped, the text is what was given (less control characters).
        let description = unescape(value(&calendar.events[0].properties, "DESCRIPTION").unwrap());
        // Each run of white space is written as one space, and the ends trimmed.
        let visible = |s: &str| {
            s.split(char::is_whitespace)
                .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        prop_assert!(description.contains(&visible(&step)), "{:?} lost {:?}", description, step);
        prop_assert!(description.contains(&visible(&about)));
    }
}

#[test]
fn the_ring_time_is_never_before_the_moment() {
    // Every quarter hour over two days, in three zones.
    for offset in [-300, 0, 330] {
        for q in 0..(2 * 24 * 4) {
            let at = NOW + f64::from(q) * 15.0 * MINUTE;
            let f = Floating::reminder_for(at, offset).unwrap();
            let local = at + f64::from(offset) * MINUTE;
            let (y, m, d) = closer_core::time::civil_date(at, offset);
            let same_day = (f.year, f.month, f.day) == (y, m, d);
            let hour_now = local.rem_euclid(DAY) / (60.0 * MINUTE);
            if same_day {
                assert!(f64::from(f.hour) >= hour_now, "{f:?} before {hour_now} h");
            } else {
                assert!(hour_now > 18.0 && f.hour == 9, "{f:?} from {hour_now} h");
            }
        }
    }
}
