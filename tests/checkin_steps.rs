//! One small step a week: choosing one ends the one before, the gentle
//! question comes exactly a week on, and a look back (with its note) ends it.
//! Time is a parameter, so the clock can be anywhere, even moved back.
#![cfg(not(target_arch = "wasm32"))]

use closer::checkin::{CheckIns, Review, StepPlan, FOLLOW_UP_AFTER};
use closer::time::{civil_date, DAY};

const T: f64 = 1_796_000_000_000.0;
const MS: f64 = 1.0;

fn two_people() -> CheckIns {
    let mut c = CheckIns::default();
    c.add("r1", "J.", T).unwrap();
    c.add("r2", "K.", T + 1.0).unwrap();
    c
}

#[test]
fn choosing_a_step_ends_the_one_that_stood() {
    let mut c = two_people();
    assert!(c.current_step("r1").is_none());
    c.choose_step("p1", "r1", "phones-away", T + 10.0);
    assert_eq!(
        c.steps["p1"],
        StepPlan {
            relationship: "r1".into(),
            step: "phones-away".into(),
            chosen_at: T + 10.0,
            ended_at: None,
            review: None,
        }
    );
    assert!(c.steps["p1"].is_current());
    assert_eq!(c.current_step("r1").map(|(id, _)| id), Some("p1"));

    c.choose_step("p2", "r1", "fixed-time", T + 20.0);
    assert_eq!(
        c.steps["p1"].ended_at,
        Some(T + 20.0),
        "the old step ends now"
    );
    assert!(!c.steps["p1"].is_current());
    assert_eq!(c.steps["p2"].ended_at, None);
    assert_eq!(
        c.current_step("r1").map(|(id, s)| (id, s.step.as_str())),
        Some(("p2", "fixed-time"))
    );
    assert_eq!(
        c.steps.values().filter(|s| s.is_current()).count(),
        1,
        "one step stands per relationship"
    );

    // Another relationship's step is its own.
    c.choose_step("q1", "r2", "say-yes-once", T + 30.0);
    assert_eq!(c.steps["p2"].ended_at, None, "r1's step is untouched");
    assert_eq!(c.current_step("r2").map(|(id, _)| id), Some("q1"));

    // Dropping ends it and leaves none standing.
    c.end_step("r1", T + 40.0);
    assert_eq!(c.steps["p2"].ended_at, Some(T + 40.0));
    assert!(c.current_step("r1").is_none());
    // Dropping again, with nothing standing, changes nothing.
    let before = c.clone();
    c.end_step("r1", T + 50.0);
    assert_eq!(c, before);
    assert_eq!(c.steps.len(), 3, "past steps are kept");
}

#[test]
fn current_steps_follow_the_order_relationships_were_added() {
    let mut c = CheckIns::default();
    c.add("late", "Added later", T + 100.0).unwrap();
    c.add("early", "Added first", T).unwrap();
    c.add("none", "No step", T + 50.0).unwrap();
    c.choose_step("pl", "late", "phones-away", T + 200.0);
    c.choose_step("pe", "early", "fixed-time", T + 300.0);
    c.choose_step("pn", "none", "let-them-help", T + 300.0);
    c.end_step("none", T + 400.0);
    let ids: Vec<&str> = c.current_steps().into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["pe", "pl"]);
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
    c.review_step("no-such-plan", "tried", "note", T + 4.0);
    assert_eq!(c, before);
}

#[test]
fn the_gentle_question_is_due_exactly_a_week_on() {
    assert_eq!(FOLLOW_UP_AFTER, 7.0 * DAY);
    assert_eq!(FOLLOW_UP_AFTER, 604_800_000.0);
    let mut c = two_people();
    c.choose_step("p1", "r1", "phones-away", T);
    let plan = c.steps["p1"].clone();
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
    c.review_step("p1", "tried", "  We talked for an hour.\n ", week + 5.0);
    let plan = &c.steps["p1"];
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
        !c.steps["p2"].follow_up_due(week),
        "a dropped step asks nothing"
    );
    assert!(!c.steps["p2"].follow_up_due(week + 10.0 * DAY));
    // A later review replaces the earlier one of the same plan.
    c.review_step("p1", "partly", "", week + 10.0);
    assert_eq!(c.steps["p1"].review.as_ref().unwrap().answer, "partly");
    assert_eq!(c.steps["p1"].review.as_ref().unwrap().note, "");
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
        c.review_step(plan, "tried", note, T + week + at);
    }
    // One not looked back on, and one of another relationship.
    c.choose_step("g", "r1", "fixed-time", T + 10.0);
    c.choose_step("h", "r2", "fixed-time", T + 10.0);
    c.review_step("h", "tried", "someone else's", T + week + 5.0);

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
    let plan = c.steps["p1"].clone();
    let seventh_morning = midnight + 6.0 * DAY;
    assert_eq!(civil_date(seventh_morning, 0), (2026, 12, 7));
    assert!(!plan.follow_up_due(seventh_morning));
    assert!(plan.follow_up_due(chosen + FOLLOW_UP_AFTER));
    assert_eq!(civil_date(chosen + FOLLOW_UP_AFTER, 0), (2026, 12, 7));

    // The clock moved back between two choices: the new step still stands
    // and the old one ends at the (earlier) time it was replaced.
    c.choose_step("p2", "r1", "fixed-time", chosen - DAY);
    assert_eq!(c.steps["p1"].ended_at, Some(chosen - DAY));
    assert_eq!(c.current_step("r1").map(|(id, _)| id), Some("p2"));
    assert!(!c.steps["p2"].follow_up_due(chosen + FOLLOW_UP_AFTER - DAY - MS));
    assert!(c.steps["p2"].follow_up_due(chosen + FOLLOW_UP_AFTER - DAY));
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
    b.steps.remove("pa");
    b.choose_step("pz", "r1", "fixed-time", T + 10.0);
    let m = a.merge(&b);
    assert_eq!(m.current_step("r1").map(|(id, _)| id), Some("pz"));
    assert_eq!(b.merge(&a).current_step("r1").map(|(id, _)| id), Some("pz"));
}
