//! Reminders with no server: an iCalendar file (RFC 5545) that the browser
//! saves like the export, for the person's own calendar to remind them.
//!
//! A reminder says as little as it can. Its title is neutral
//! ([`NEUTRAL_TITLE`]) and it names no one and quotes no note, unless the
//! person asks for the details ([`Details`]). Its time is *floating*: a
//! wall-clock time with no zone, which every calendar places in its own
//! zone, so a reminder set for 9 in the morning stays at 9 in the morning
//! after the clocks change or the phone travels.

use crate::checkin::FOLLOW_UP_AFTER;
use crate::time::{civil_date, Millis, DAY, LATEST, MINUTE};
use std::fmt::Write as _;

/// The title of every reminder unless the person chooses otherwise: it says
/// what the reminder is for without saying who or what it is about. (Its
/// English; the reminder itself takes it through `t!`, in the reader's
/// language.)
pub const NEUTRAL_TITLE: &str = "Closer: a small step";

/// The title of a reminder for quiz reviews (its English, as above).
pub const REVIEW_TITLE: &str = "Closer: quiz review";

/// The hours of the day (local) at which a reminder may ring: the first of
/// them at or after the moment it is for, so none rings in the night.
pub const REMINDER_HOURS: [u32; 2] = [9, 18];

/// How long a reminder's event lasts in the calendar.
const EVENT_MINUTES: u32 = 15;

/// The longest line RFC 5545 allows, in octets, before folding.
const LINE_OCTETS: usize = 75;

/// A wall-clock moment with no time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Floating {
    /// Year, 1970 to 9999.
    pub year: i64,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
    /// Hour, 0 to 23.
    pub hour: u32,
}

impl Floating {
    /// The first of [`REMINDER_HOURS`] at or after `at`, in a time zone
    /// `offset_minutes` ahead of UTC; `None` for a time outside 1970 to 9999.
    pub fn reminder_for(at: Millis, offset_minutes: i32) -> Option<Floating> {
        if !(0.0..=LATEST - 2.0 * DAY).contains(&at) {
            return None;
        }
        let local = at + f64::from(offset_minutes) * MINUTE;
        let into_day = local.rem_euclid(DAY);
        let hour_now = into_day / (60.0 * MINUTE);
        let (day_of, hour) = match REMINDER_HOURS.iter().find(|&&h| f64::from(h) >= hour_now) {
            Some(&h) => (at, h),
            None => (at + DAY, REMINDER_HOURS[0]),
        };
        let (year, month, day) = civil_date(day_of, offset_minutes);
        Some(Floating {
            year,
            month,
            day,
            hour,
        })
    }

    /// As people write it: `13 December 2026 at 09:00`.
    pub fn describe(&self) -> String {
        crate::t!(
            "{date} at {hour}:00",
            date = (crate::i18n::locale().date)(self.year, self.month, self.day, true),
            hour = format!("{:02}", self.hour)
        )
    }

    fn ics(&self) -> String {
        format!(
            "{:04}{:02}{:02}T{:02}0000",
            self.year, self.month, self.day, self.hour
        )
    }
}

/// What a reminder may say beyond its neutral title, when the person asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// What the reminder is about, for instance the relationship's name.
    pub about: String,
    /// The step itself, in the guide's words.
    pub step: String,
}

/// One reminder in the calendar file.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    /// Stable and unique, so that adding the same reminder again updates it
    /// instead of doubling it. Built from ids, never from names.
    pub uid: String,
    /// When it rings.
    pub at: Floating,
    /// The event's title.
    pub title: String,
    /// The event's text.
    pub description: String,
    /// Where the reminder leads: Closer's address, if known.
    pub url: Option<String>,
    /// How many weeks it comes back, counting the first (1 or less: once).
    pub weeks: u32,
}

impl Reminder {
    /// The reminder for a small step: a week after it was chosen (the day
    /// the gentle question about it appears). `rel` is the relationship's
    /// id, which is random and names no one.
    pub fn for_step(
        rel: &str,
        chosen_at: Millis,
        offset_minutes: i32,
        details: Option<&Details>,
    ) -> Option<Reminder> {
        let at = Floating::reminder_for(chosen_at + FOLLOW_UP_AFTER, offset_minutes)?;
        let (title, description) = match details {
            None => (
                crate::t!("Closer: a small step").to_string(),
                crate::t!(
                    "A reminder of the small step you chose. Open Closer to look back on how it went."
                )
                .to_string(),
            ),
            Some(d) => (
                crate::t!("Closer: a small step ({name})", name = d.about),
                crate::t!(
                    "A reminder of the small step you chose for {name}: {step} Open Closer to look back on how it went.",
                    name = d.about,
                    step = d.step
                ),
            ),
        };
        Some(Reminder {
            uid: format!("step-{rel}-{}@closer.invalid", chosen_at.max(0.0) as u64),
            at,
            title,
            description,
            url: None,
            weeks: 1,
        })
    }

    /// The reminder for the quiz's next reviews, due at `due`.
    pub fn for_reviews(due: Millis, offset_minutes: i32) -> Option<Reminder> {
        let at = Floating::reminder_for(due, offset_minutes)?;
        Some(Reminder {
            uid: format!(
                "reviews-{:04}{:02}{:02}@closer.invalid",
                at.year, at.month, at.day
            ),
            at,
            title: crate::t!("Closer: quiz review").to_string(),
            description: crate::t!(
                "Some quiz questions are ready to come back. A few minutes in Closer keeps them fresh."
            )
            .to_string(),
            url: None,
            weeks: 1,
        })
    }

    /// The same reminder, leading to `url`.
    pub fn leading_to(mut self, url: impl Into<String>) -> Reminder {
        self.url = Some(url.into());
        self
    }

    /// The same reminder, back each week for `weeks` weeks in all.
    pub fn weekly(mut self, weeks: u32) -> Reminder {
        self.weeks = weeks;
        self
    }
}

/// The calendar file holding `reminders`, stamped (`DTSTAMP`) at `now`.
/// Lines end in CRLF and are folded at 75 octets, as RFC 5545 asks.
pub fn calendar_file(reminders: &[Reminder], now: Millis) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Closer//Reminders//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let stamp = utc_stamp(now);
    for r in reminders {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", text(&r.uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART:{}", r.at.ics()));
        lines.push(format!("DURATION:PT{EVENT_MINUTES}M"));
        if r.weeks > 1 {
            lines.push(format!("RRULE:FREQ=WEEKLY;COUNT={}", r.weeks));
        }
        lines.push(format!("SUMMARY:{}", text(&r.title)));
        lines.push(format!("DESCRIPTION:{}", text(&r.description)));
        if let Some(url) = &r.url {
            // A URI value: not escaped as text (RFC 5545, 3.3.13).
            lines.push(format!("URL:{url}"));
        }
        // Private, and shown as free time: a reminder, not an appointment.
        lines.push("CLASS:PRIVATE".into());
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("BEGIN:VALARM".into());
        lines.push("ACTION:DISPLAY".into());
        lines.push(format!("DESCRIPTION:{}", text(&r.title)));
        lines.push("TRIGGER:PT0S".into());
        lines.push("END:VALARM".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold_into(&mut out, &line);
    }
    out
}

/// `YYYYMMDDTHHMMSSZ` for a UTC time (clamped to 1970 to 9999).
fn utc_stamp(now: Millis) -> String {
    let now = now.clamp(0.0, LATEST);
    let (y, m, d) = civil_date(now, 0);
    let secs = (now.rem_euclid(DAY) / 1000.0) as u64;
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A TEXT value: backslash, semicolon and comma escaped, each run of white
/// space (line breaks too) as one space, and control characters left out.
/// Reminder texts are a line or two, and some readers trim white space at
/// the ends of lines, so none is written there (see [`fold_into`]).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_control() {
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded so no line passes [`LINE_OCTETS`]
/// octets. A fold never splits a character, and never leaves white space
/// at the end of a line (common readers, the `ical` crate among them, trim
/// it): the space moves to the start of the next line, after the fold's own.
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > LINE_OCTETS {
            // The continuation's leading space counts towards its length.
            used = 1;
            match out.chars().next_back().filter(|w| w.is_whitespace()) {
                Some(w) => {
                    out.pop();
                    out.push_str("\r\n ");
                    out.push(w);
                    used += w.len_utf8();
                }
                None => out.push_str("\r\n "),
            }
        }
        out.push(c);
        used += len;
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-12-06 01:00 UTC.
    const SUNDAY_1AM: Millis = 1_796_518_800_000.0;

    #[test]
    fn a_reminder_rings_at_the_first_daytime_hour_after_its_moment() {
        let at = |ms, off| Floating::reminder_for(ms, off).unwrap();
        // 01:00 UTC in London: 9 that morning.
        assert_eq!(
            at(SUNDAY_1AM, 0),
            Floating {
                year: 2026,
                month: 12,
                day: 6,
                hour: 9
            }
        );
        // 10:00: 6 in the evening.
        assert_eq!(at(SUNDAY_1AM + 9.0 * 60.0 * MINUTE, 0).hour, 18);
        // 20:00: 9 the next morning.
        assert_eq!(
            at(SUNDAY_1AM + 19.0 * 60.0 * MINUTE, 0),
            Floating {
                year: 2026,
                month: 12,
                day: 7,
                hour: 9
            }
        );
        // 01:00 UTC is 20:00 the day before in New York.
        assert_eq!(
            at(SUNDAY_1AM, -300),
            Floating {
                year: 2026,
                month: 12,
                day: 6,
                hour: 9
            }
        );
        // Exactly 9:00 rings then.
        assert_eq!(at(SUNDAY_1AM + 8.0 * 60.0 * MINUTE, 0).hour, 9);
    }

    #[test]
    fn a_ring_time_reads_as_people_write_it() {
        let f = Floating::reminder_for(SUNDAY_1AM, 0).unwrap();
        assert_eq!(f.describe(), "6 December 2026 at 09:00");
    }

    #[test]
    fn times_outside_the_calendar_make_no_reminder() {
        assert_eq!(Floating::reminder_for(-1.0, 0), None);
        assert_eq!(Floating::reminder_for(LATEST, 0), None);
        assert_eq!(Floating::reminder_for(f64::NAN, 0), None);
    }

    #[test]
    fn text_is_escaped_and_long_lines_fold_without_splitting_a_character() {
        assert_eq!(text(" a,b;c\\d\n\te\u{7} "), "a\\,b\\;c\\\\d e");
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "é".repeat(80));
        fold_into(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                line.len() <= LINE_OCTETS,
                "{line:?} is {} octets",
                line.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
    }

    #[test]
    fn the_stamp_is_utc() {
        assert_eq!(utc_stamp(SUNDAY_1AM + 61_000.0), "20261206T010101Z");
    }
}
