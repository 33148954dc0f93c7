//! One small step a week: choosing one ends the one before, the gentle
//! question comes exactly a week on, and a look back (with its note) ends it.
//! Time is a parameter, so the clock can be anywhere, even moved back.
#![cfg(not(target_arch = "wasm32"))]

use closer_core::checkin::{CheckIns, RelationshipName, Review, StepPlan, FOLLOW_UP_AFTER};
use closer_core::time::{civil_date, DAY};

const T: f64 = 1_796_000_000_000.0;
const MS: f64 = 1.0;

/// A name that keeps the rules, as the views parse it.
fn valid_name(text: &str) -> RelationshipName {
    RelationshipName::parse(text).expect("a valid name")
}

fn two_people() -> CheckIns {
    let mut c = CheckIns::default();
    c.add("r1", valid_name("J."), T);
    c.add("r2", valid_name("K."), T + 1.0);
    c
}

#[test]
fn choosing_a_step_ends_the_one_that_stood() {
    let mut c = two_people();
    assert!(c.current_step("r1").is_none());
    c.choose_step("p1", "r1", "phones-away", T + 10.0);
    assert_eq!(
        c.steps["r1"]["p1"],
        StepPlan {
            step: "phones-away".into(),
            chosen_at: T + 10.0,
            ended_at: None,
            review: None,
        }
    );
    assert!(c.steps["r1"]["p1"].is_current());
    assert_eq!(c.current_step("r1").map(|(id, _)| id), Some("p1"));

    c.choose_step("p2", "r1", "fixed-time", T + 20.0);
    assert_eq!(
        c.steps["r1"]["p1"].ended_at,
        Some(T + 20.0),
        "the old step ends now"
    );
    assert!(!c.steps["r1"]["p1"].is_current());
    assert_eq!(c.steps["r1"]["p2"].ended_at, None);
    assert_eq!(
        c.current_step("r1").map(|(id, s)| (id, s.step.as_str())),
        Some(("p2", "fixed-time"))
    );
    assert_eq!(
        c.steps["r1"].values().filter(|s| s.is_current()).count(),
        1,
        "one step stands per relationship"
    );
    assert_eq!(c.steps.keys().collect::<Vec<_>>(), ["r1"]);

    // Another relationship's step is its own.
    c.choose_step("q1", "r2", "say-yes-once", T + 30.0);
    assert_eq!(c.steps["r1"]["p2"].ended_at, None, "r1's step is untouched");
    assert_eq!(c.current_step("r2").map(|(id, _)| id), Some("q1"));
    assert_eq!(c.steps["r2"].keys().collect::<Vec<_>>(), ["q1"]);

    // Dropping ends it and leaves none standing.
    c.end_step("r1", T + 40.0);
    assert_eq!(c.steps["r1"]["p2"].ended_at, Some(T + 40.0));
    assert!(c.current_step("r1").is_none());
    // Dropping again, with nothing standing, changes nothing.
    let before = c.clone();
    c.end_step("r1", T + 50.0);
    assert_eq!(c, before);
    assert_eq!(c.step_count(), 3, "past steps are kept");
    assert_eq!(c.steps["r1"].len(), 2);
}

#[test]
fn current_steps_follow_the_order_relationships_were_added() {
    let mut c = CheckIns::default();
    c.add("late", valid_name("Added later"), T + 100.0);
    c.add("early", valid_name("Added first"), T);
    c.add("none", valid_name("No step"), T + 50.0);
    c.choose_step("pl", "late", "phones-away", T + 200.0);
    c.choose_step("pe", "early", "fixed-time", T + 300.0);
    c.choose_step("pn", "none", "let-them-help", T + 300.0);
    c.end_step("none", T + 400.0);
    let listed: Vec<(&str, &str, &str)> = c
        .current_steps()
        .into_iter()
        .map(|(rel, id, s)| (rel, id, s.step.as_str()))
        .collect();
    assert_eq!(
        listed,
        [("early", "pe", "fixed-time"), ("late", "pl", "phones-away")]
    );
    assert!(CheckIns::default().current_steps().is_empty());
}

#[test]
fn a_step_for_someone_who_is_not_there_is_not_kept() {
    let mut c = two_people();
    c.choose_step("p1", "nobody", "phones-away", T);
    assert!(c.steps.is_empty());
    c.delete("r1", T + 1.0);
    c.choose_step("p2", "r1", "phones-away", T + 2.0);
    assert!(c.steps.is_empty(), "nor for someone deleted");
    // Ending or reviewing what does not exist does nothing.
    let before = c.clone();
    c.end_step("nobody", T + 3.0);
    c.review_step("r2", "no-such-plan", "tried", "note", T + 4.0);
    c.review_step("nobody", "p1", "tried", "note", T + 4.0);
    assert_eq!(c, before);
}

#[test]
fn the_gentle_question_is_due_exactly_a_week_on() {
    assert_eq!(FOLLOW_UP_AFTER, 7.0 * DAY);
    assert_eq!(FOLLOW_UP_AFTER, 604_800_000.0);
    let mut c = two_people();
    c.choose_step("p1", "r1", "phones-away", T);
    let plan = c.steps["r1"]["p1"].clone();
    assert!(!plan.follow_up_due(T));
    assert!(!plan.follow_up_due(T + DAY));
    assert!(
        !plan.follow_up_due(T + FOLLOW_UP_AFTER - MS),
        "a millisecond early"
    );
    assert!(plan.follow_up_due(T + FOLLOW_UP_AFTER), "exactly a week");
    assert!(plan.follow_up_due(T + FOLLOW_UP_AFTER + MS));
    assert!(plan.follow_up_due(T + 30.0 * DAY), "and any time after");
    // A clock moved back, before the step was chosen: not due.
    assert!(!plan.follow_up_due(T - FOLLOW_UP_AFTER));
}

#[test]
fn no_question_after_the_step_was_looked_back_on_or_ended() {
    let week = T + FOLLOW_UP_AFTER;
    let mut c = two_people();
    c.choose_step("p1", "r1", "phones-away", T);
    c.review_step(
        "r1",
        "p1",
        "tried",
        "  We talked for an hour.\n ",
        week + 5.0,
    );
    let plan = &c.steps["r1"]["p1"];
    assert_eq!(
        plan.review,
        Some(Review {
            answer: "tried".into(),
            note: "We talked for an hour.".into(),
            at: week + 5.0,
        }),
        "the note is kept trimmed"
    );
    assert!(!plan.is_current());
    assert!(!plan.follow_up_due(week + DAY));
    assert!(
        c.current_step("r1").is_none(),
        "a reviewed step no longer stands"
    );

    c.choose_step("p2", "r1", "fixed-time", T);
    c.end_step("r1", T + DAY);
    assert!(
        !c.steps["r1"]["p2"].follow_up_due(week),
        "a dropped step asks nothing"
    );
    assert!(!c.steps["r1"]["p2"].follow_up_due(week + 10.0 * DAY));
    // A later review replaces the earlier one of the same plan.
    c.review_step("r1", "p1", "partly", "", week + 10.0);
    assert_eq!(
        c.steps["r1"]["p1"].review.as_ref().unwrap().answer,
        "partly"
    );
    assert_eq!(c.steps["r1"]["p1"].review.as_ref().unwrap().note, "");
}

#[test]
fn step_notes_are_only_those_with_words_newest_first() {
    let mut c = two_people();
    let week = FOLLOW_UP_AFTER;
    for (i, (plan, at, note)) in [
        ("a", 3.0, "third"),
        ("b", 1.0, "first"),
        ("c", 2.0, "   "),
        ("d", 4.0, "fourth"),
        ("e", 2.0, "second"),
        ("f", 9.0, ""),
    ]
    .into_iter()
    .enumerate()
    {
        c.choose_step(plan, "r1", "phones-away", T + i as f64);
        c.review_step("r1", plan, "tried", note, T + week + at);
    }
    // One not looked back on, and one of another relationship.
    c.choose_step("g", "r1", "fixed-time", T + 10.0);
    c.choose_step("h", "r2", "fixed-time", T + 10.0);
    c.review_step("r2", "h", "tried", "someone else's", T + week + 5.0);
    // A review asked under the wrong relationship reaches nothing.
    c.review_step("r2", "g", "tried", "not r2's plan", T + week + 6.0);
    assert!(c.steps["r1"]["g"].review.is_none());

    let notes: Vec<(&str, &str)> = c
        .step_notes("r1")
        .into_iter()
        .map(|(id, plan, review)| {
            assert_eq!(plan.review.as_ref(), Some(review));
            (id, review.note.as_str())
        })
        .collect();
    assert_eq!(
        notes,
        [
            ("d", "fourth"),
            ("a", "third"),
            ("e", "second"),
            ("b", "first")
        ]
    );
    assert_eq!(c.step_notes("r2").len(), 1);
    assert!(c.step_notes("nobody").is_empty());
}

#[test]
fn a_week_is_seven_times_24_hours_whatever_the_calendar_says() {
    // Chosen a millisecond before midnight UTC: the calendar shows the
    // seventh day at the next midnight plus six days, but the question
    // waits for the full week.
    let midnight = 1_796_083_200_000.0; // 2026-12-01 00:00 UTC
    assert_eq!(civil_date(midnight, 0), (2026, 12, 1));
    let chosen = midnight - MS;
    assert_eq!(civil_date(chosen, 0), (2026, 11, 30));
    let mut c = two_people();
    c.choose_step("p1", "r1", "phones-away", chosen);
    let plan = c.steps["r1"]["p1"].clone();
    let seventh_morning = midnight + 6.0 * DAY;
    assert_eq!(civil_date(seventh_morning, 0), (2026, 12, 7));
    assert!(!plan.follow_up_due(seventh_morning));
    assert!(plan.follow_up_due(chosen + FOLLOW_UP_AFTER));
    assert_eq!(civil_date(chosen + FOLLOW_UP_AFTER, 0), (2026, 12, 7));

    // The clock moved back between two choices: the new step still stands
    // and the old one ends at the (earlier) time it was replaced.
    c.choose_step("p2", "r1", "fixed-time", chosen - DAY);
    assert_eq!(c.steps["r1"]["p1"].ended_at, Some(chosen - DAY));
    assert_eq!(c.current_step("r1").map(|(id, _)| id), Some("p2"));
    assert!(!c.steps["r1"]["p2"].follow_up_due(chosen + FOLLOW_UP_AFTER - DAY - MS));
    assert!(c.steps["r1"]["p2"].follow_up_due(chosen + FOLLOW_UP_AFTER - DAY));
}

#[test]
fn of_two_standing_steps_the_latest_chosen_stands() {
    // Two tabs may each have chosen one before they saw each other.
    let mut a = two_people();
    let mut b = a.clone();
    a.choose_step("pa", "r1", "phones-away", T + 10.0);
    b.choose_step("pb", "r1", "fixed-time", T + 20.0);
    let m = a.merge(&b);
    assert_eq!(m.current_step("r1").map(|(id, _)| id), Some("pb"));
    assert_eq!(m.current_steps().len(), 1);
    // Chosen at the same moment: the larger id, the same in every tab.
    let mut b = a.clone();
    b.steps.get_mut("r1").unwrap().remove("pa");
    b.choose_step("pz", "r1", "fixed-time", T + 10.0);
    let m = a.merge(&b);
    assert_eq!(m.current_step("r1").map(|(id, _)| id), Some("pz"));
    assert_eq!(b.merge(&a).current_step("r1").map(|(id, _)| id), Some("pz"));
}

/// What "This week" lists, as (relationship, plan, step).
fn this_week(c: &CheckIns, now: f64) -> Vec<(&str, &str, &str)> {
    c.this_week(now)
        .into_iter()
        .map(|(rel, id, s)| (rel, id, s.step.as_str()))
        .collect()
}

#[test]
fn this_week_lists_the_standing_steps_in_the_order_relationships_were_added() {
    let mut c = CheckIns::default();
    // Ids in the opposite order to the order they were added.
    c.add("z-first", valid_name("Added first"), T);
    c.add("m-second", valid_name("Added second"), T + 10.0);
    c.add("a-third", valid_name("Added third"), T + 20.0);
    c.add("no-step", valid_name("Never chose one"), T + 5.0);
    assert!(this_week(&c, T + 30.0).is_empty(), "no step chosen yet");
    c.choose_step("p-a", "a-third", "phones-away", T + 100.0);
    c.choose_step("p-z", "z-first", "fixed-time", T + 200.0);
    c.choose_step("p-m", "m-second", "say-yes-once", T + 300.0);
    let now = T + DAY;
    assert_eq!(
        this_week(&c, now),
        [
            ("z-first", "p-z", "fixed-time"),
            ("m-second", "p-m", "say-yes-once"),
            ("a-third", "p-a", "phones-away"),
        ]
    );
    // The same as the standing steps, while nothing was looked back on.
    assert_eq!(c.this_week(now), c.current_steps());
    // A standing step stays listed however long ago it was chosen.
    assert_eq!(this_week(&c, now + 60.0 * DAY).len(), 3);
    // One entry per relationship: the step that replaced another, only.
    c.choose_step("p-z2", "z-first", "say-it-back", now);
    assert_eq!(
        this_week(&c, now + 1.0)[0],
        ("z-first", "p-z2", "say-it-back")
    );
    assert_eq!(this_week(&c, now + 1.0).len(), 3);
    // A deleted relationship's step goes with it.
    c.delete("m-second", now + 2.0);
    assert_eq!(
        this_week(&c, now + 3.0),
        [
            ("z-first", "p-z2", "say-it-back"),
            ("a-third", "p-a", "phones-away"),
        ]
    );
    assert!(CheckIns::default().this_week(now).is_empty());
}

#[test]
fn a_step_looked_back_on_stays_in_this_week_for_one_day() {
    let mut c = two_people();
    c.choose_step("p1", "r1", "phones-away", T);
    c.choose_step("q1", "r2", "fixed-time", T + 1.0);
    let reviewed = T + FOLLOW_UP_AFTER + 123.0;
    c.review_step("r1", "p1", "tried", "We did it.", reviewed);
    assert!(c.current_step("r1").is_none(), "it no longer stands");
    assert_eq!(
        c.current_steps()
            .into_iter()
            .map(|(rel, id, _)| (rel, id))
            .collect::<Vec<_>>(),
        [("r2", "q1")]
    );
    // Still shown, with its reply, for a day; r2's standing step too.
    for now in [
        reviewed,
        reviewed + 1.0,
        reviewed + DAY / 2.0,
        reviewed + DAY - MS,
    ] {
        assert_eq!(
            this_week(&c, now),
            [("r1", "p1", "phones-away"), ("r2", "q1", "fixed-time")],
            "{} ms after the review",
            now - reviewed
        );
        let (_, _, plan) = c.this_week(now)[0];
        assert_eq!(
            plan.review.as_ref().map(|r| r.note.as_str()),
            Some("We did it.")
        );
    }
    // Gone at exactly one day, and after.
    for now in [reviewed + DAY, reviewed + DAY + MS, reviewed + 30.0 * DAY] {
        assert_eq!(
            this_week(&c, now),
            [("r2", "q1", "fixed-time")],
            "{} ms after the review",
            now - reviewed
        );
    }
    // A clock moved back to before the review: it was just looked back on.
    assert_eq!(this_week(&c, reviewed - DAY).len(), 2);

    // Two looked back on within the day, none standing: the later chosen.
    c.choose_step("p2", "r1", "say-yes-once", reviewed + 10.0);
    c.review_step("r1", "p2", "partly", "", reviewed + 20.0);
    assert_eq!(
        this_week(&c, reviewed + 30.0)[0],
        ("r1", "p2", "say-yes-once")
    );
    // Reviewing the earlier one again does not bring it back over the later.
    c.review_step("r1", "p1", "partly", "again", reviewed + 40.0);
    assert_eq!(
        this_week(&c, reviewed + 50.0)[0],
        ("r1", "p2", "say-yes-once")
    );
}

#[test]
fn a_dropped_step_never_shows_in_this_week() {
    let mut c = two_people();
    c.choose_step("p1", "r1", "phones-away", T);
    c.end_step("r1", T + 10.0);
    for now in [T + 10.0, T + 11.0, T + DAY, T + FOLLOW_UP_AFTER] {
        assert!(this_week(&c, now).is_empty(), "{now}");
    }
    // Not even when it is looked back on after it was dropped.
    c.review_step("r1", "p1", "not-this-week", "", T + 20.0);
    assert!(c.steps["r1"]["p1"].review.is_some());
    for now in [T + 20.0, T + 21.0, T + DAY] {
        assert!(this_week(&c, now).is_empty(), "{now}");
    }
    // A step replaced by another is dropped too: only the new one shows,
    // and once that one is dropped, nothing.
    c.choose_step("p2", "r1", "fixed-time", T + 30.0);
    c.choose_step("p3", "r1", "say-it-back", T + 40.0);
    assert_eq!(this_week(&c, T + 50.0), [("r1", "p3", "say-it-back")]);
    c.end_step("r1", T + 60.0);
    assert!(this_week(&c, T + 70.0).is_empty());
}

#[test]
fn choosing_a_new_step_after_a_review_shows_only_the_new_one() {
    let mut c = two_people();
    c.choose_step("p1", "r1", "phones-away", T);
    let reviewed = T + FOLLOW_UP_AFTER;
    c.review_step("r1", "p1", "tried", "Good week.", reviewed);
    assert_eq!(this_week(&c, reviewed + 1.0), [("r1", "p1", "phones-away")]);
    // Kept going (the same step again) or a new one: within the day of the
    // review, only the new plan shows.
    c.choose_step("p2", "r1", "phones-away", reviewed + 2.0);
    assert_eq!(this_week(&c, reviewed + 3.0), [("r1", "p2", "phones-away")]);
    c.choose_step("p3", "r1", "fixed-time", reviewed + 4.0);
    assert_eq!(this_week(&c, reviewed + 5.0), [("r1", "p3", "fixed-time")]);
    // The looked-back-on plan keeps its review and is not marked dropped.
    assert_eq!(c.steps["r1"]["p1"].ended_at, None);
    assert_eq!(
        c.steps["r1"]["p1"]
            .review
            .as_ref()
            .map(|r| r.answer.as_str()),
        Some("tried")
    );
    assert_eq!(c.steps["r1"]["p2"].ended_at, Some(reviewed + 4.0));
    // Dropping the new one while the review is under a day old leaves the
    // relationship with no step: the looked-back-on step does not come back,
    // since a step was chosen after it.
    c.end_step("r1", reviewed + 6.0);
    assert!(this_week(&c, reviewed + 7.0).is_empty());
    assert!(this_week(&c, reviewed + DAY).is_empty());
}
