//! Progress: decoding, resume logic, and what "Continue" leads to.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::{CheckIns, Rating};
use closer_core::progress::{
    migrate, DecodeError, LessonProgress, LessonState, Progress, Response, SCHEMA,
};
use closer_core::quiz::{QuizProgress, Scope};
use guide::{checkin_guide, course};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn lesson(id: &str) -> &'static closer_core::content::Lesson {
    course().lesson(id).expect("lesson exists")
}

#[test]
fn a_fresh_progress_has_nothing_started() {
    let p = Progress::default();
    assert_eq!(p.schema, SCHEMA);
    let first = course().lessons().next().unwrap();
    assert_eq!(p.lesson_state(first), LessonState::NotStarted);
    assert_eq!(p.done_count(course()), 0);
    // Continue on a first visit starts at the first card of the first lesson.
    let (l, card) = p.continue_at(course()).unwrap();
    assert_eq!((l.id.as_ref(), card), (first.id.as_ref(), 0));
}

#[test]
fn encode_then_decode_is_the_same_progress() {
    let mut p = Progress::default();
    let l = lesson("kinds/physical");
    p.visit(&l.id, l.cards[2].id(), 1_000.0);
    p.respond(&l.id, l.cards[1].id(), Response::Revealed { at: 5.0 });
    p.respond(
        &l.id,
        "note",
        Response::Reflected {
            text: "<b>mine</b> \"quoted\"".into(),
            at: 6.0,
        },
    );
    assert_eq!(Progress::decode(&p.encode()), Ok(p));
}

#[test]
fn a_stored_schema_one_value_migrates_unchanged_in_meaning() {
    // The exact form schema 1 wrote, committed as a fixture.
    let stored = include_str!("fixtures/progress-v1.json");
    let p = Progress::decode(stored).unwrap();
    assert_eq!(p.schema, SCHEMA);
    assert_eq!(p.last_lesson.as_deref(), Some("basics/what-is-intimacy"));
    assert!(p.is_done("kinds/physical"));
    assert!(!p.is_done("basics/what-is-intimacy"));
    assert_eq!(p.lessons["basics/what-is-intimacy"].card, "closeness");
    assert_eq!(
        p.lessons["basics/what-is-intimacy"].updated,
        1_732_400_000_000.0
    );
    assert_eq!(p.responses.len(), 3);
    assert_eq!(
        p.response("kinds/physical", "note"),
        Some(&Response::Reflected {
            text: "Hugs with my sister".into(),
            at: 1.0
        })
    );
    assert_eq!(
        p.response("kinds/physical", "which"),
        Some(&Response::Chose {
            option: "physical".into(),
            at: 2.0
        })
    );
    assert_eq!(p.quiz, QuizProgress::default(), "schema 1 had no quiz");
    // Saving writes the newest schema, and reading that back changes nothing.
    assert_eq!(Progress::decode(&p.encode()), Ok(p));
}

#[test]
fn a_stored_schema_two_value_reads_as_written() {
    let p = Progress::decode(include_str!("fixtures/progress-v2.json")).unwrap();
    let session = p.quiz.current.as_ref().unwrap();
    assert_eq!(session.scope, Scope::Section("kinds".into()));
    assert_eq!((session.index, session.seed), (1, 42));
    assert_eq!(session.current_id(), Some("q-two"));
    assert_eq!(session.score(), 1);
    assert_eq!(p.quiz.records["q-one"].leitner_box, 2);
    assert_eq!(p.quiz.best["all"], (20, 30));
    assert_eq!(Progress::decode(&p.encode()), Ok(p));
}

#[test]
fn migration_goes_step_by_step_and_refuses_what_it_cannot_know() {
    assert_eq!(SCHEMA, 6);
    let v1: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/progress-v1.json")).unwrap();
    let v4 = migrate(v1.clone(), 1).unwrap();
    assert_eq!(v4["schema"], 6);
    assert!(v4["quiz"].is_object(), "step 1 to 2 adds the quiz");
    assert_eq!(
        v4["last_opened_at"], 1_732_400_000_000.0,
        "step 2 to 3 takes the last lesson's time"
    );
    assert_eq!(
        v4["checkins"],
        serde_json::json!({}),
        "step 3 to 4 adds empty check-ins"
    );
    assert_eq!(v4["lessons"], v1["lessons"], "lessons untouched");
    assert_eq!(v4["responses"], v1["responses"], "responses untouched");
    assert_eq!(v4["last_lesson"], v1["last_lesson"]);

    // Every older fixture goes through every step after its own.
    let v2: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/progress-v2.json")).unwrap();
    let from2 = migrate(v2.clone(), 2).unwrap();
    assert_eq!(from2["schema"], 6);
    assert_eq!(from2["quiz"], v2["quiz"], "the quiz is kept as it was");
    assert!(from2["last_opened_at"].is_number(), "step 2 to 3 ran");
    assert_eq!(from2["checkins"], serde_json::json!({}), "step 3 to 4 ran");
    let v3: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/progress-v3.json")).unwrap();
    let from3 = migrate(v3.clone(), 3).unwrap();
    let mut expected = v3.clone();
    expected["schema"] = 6.into();
    expected["checkins"] = serde_json::json!({});
    assert_eq!(
        from3, expected,
        "step 3 to 4 only adds check-ins, and 4 to 5 and 5 to 6 only the number"
    );

    // Check-ins a schema-3 copy somehow had are not thrown away.
    let mut v3_with = v3.clone();
    v3_with["checkins"] = serde_json::json!({"deleted": {"r": 1.0}});
    assert_eq!(
        migrate(v3_with, 3).unwrap()["checkins"],
        serde_json::json!({"deleted": {"r": 1.0}})
    );

    // Schema 4 to 5, and 5 to 6, change only the number.
    let v4_stored: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/progress-v4.json")).unwrap();
    let mut expected = v4_stored.clone();
    expected["schema"] = 6.into();
    assert_eq!(migrate(v4_stored, 4).unwrap(), expected);
    let v5_stored: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/progress-v5.json")).unwrap();
    let mut expected = v5_stored.clone();
    expected["schema"] = 6.into();
    assert_eq!(migrate(v5_stored, 5).unwrap(), expected);

    assert_eq!(
        migrate(v4.clone(), SCHEMA).unwrap(),
        v4,
        "the newest schema is left as it is"
    );
    assert_eq!(
        migrate(v1.clone(), SCHEMA + 1),
        Err(DecodeError::Newer(SCHEMA + 1))
    );
    assert_eq!(migrate(v1, 0), Err(DecodeError::Unknown(0)));
    assert!(matches!(
        migrate(serde_json::json!([1]), 1),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        migrate(serde_json::json!("text"), 2),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        migrate(serde_json::json!(7), 3),
        Err(DecodeError::Malformed(_))
    ));
}

#[test]
fn a_stored_schema_three_value_reads_as_written() {
    let stored = include_str!("fixtures/progress-v3.json");
    let p = Progress::decode(stored).unwrap();
    assert_eq!(p.schema, SCHEMA);
    assert_eq!(p.last_lesson.as_deref(), Some("kinds/emotional"));
    assert_eq!(p.last_opened_at, 1_732_600_000_000.0);
    assert!(p.is_done("kinds/physical"));
    assert!(!p.is_done("kinds/emotional"));
    assert_eq!(p.lessons.len(), 2);
    // An emptied note is kept as a marker, and reads as no note.
    assert!(p.responses.contains_key("kinds/physical#note"));
    assert_eq!(p.response("kinds/physical", "note"), None);
    assert_eq!(
        p.response("kinds/physical", "which"),
        Some(&Response::Chose {
            option: "physical".into(),
            at: 2.0
        })
    );
    assert_eq!(p.checkins, CheckIns::default(), "schema 3 had no check-ins");
    // Saving writes schema 6: everything as it was, plus empty check-ins
    // and no favourites.
    let reparsed: serde_json::Value = serde_json::from_str(&p.encode()).unwrap();
    let mut expected: serde_json::Value = serde_json::from_str(stored).unwrap();
    expected["schema"] = 6.into();
    expected["talk"] = serde_json::json!({"favourites": {}});
    expected["checkins"] = serde_json::json!({
        "relationships": {}, "deleted": {}, "check_ins": {}, "steps": {},
        "received": {}, "received_deleted": {}
    });
    assert_eq!(reparsed, expected, "saving changes nothing else");
    assert_eq!(Progress::decode(&p.encode()), Ok(p));
}

#[test]
fn a_stored_schema_five_value_reads_as_written() {
    let stored = include_str!("fixtures/progress-v5.json");
    let p = Progress::decode(stored).unwrap();
    assert_eq!(p.schema, SCHEMA, "read through the migration to schema 6");
    let c = &p.checkins;
    let kept = c.received_for("r-7f3a9c");
    assert_eq!(kept.len(), 1);
    let (_, r) = kept[0];
    assert_eq!(r.shared.closeness, 5);
    assert_eq!(r.shared.kinds["spiritual"], Rating { now: 1, wished: 0 });
    assert_eq!(r.shared.check(), Ok(()));
    // Saving writes what was read, as schema 6 with no favourites.
    let reparsed: serde_json::Value = serde_json::from_str(&p.encode()).unwrap();
    let mut expected: serde_json::Value = serde_json::from_str(stored).unwrap();
    expected["schema"] = 6.into();
    expected["talk"] = serde_json::json!({"favourites": {}});
    assert_eq!(reparsed, expected, "saving changes nothing else");
    assert_eq!(p.merge(&p, course()), p);
}

#[test]
fn a_stored_schema_six_value_reads_as_written() {
    let stored = include_str!("fixtures/progress-v6.json");
    let p = Progress::decode(stored).unwrap();
    assert_eq!(p.schema, 6);
    assert!(p.talk.is_favourite("light-treat"));
    assert!(!p.talk.is_favourite("deeper-appreciate"), "un-marked later");
    assert_eq!(p.talk.favourite_ids().collect::<Vec<_>>(), ["light-treat"]);
    assert_eq!(p.checkins.received_for("r-7f3a9c").len(), 1);
    assert_eq!(p.encode(), stored, "saving writes exactly what was read");
    assert_eq!(p.merge(&p, course()), p);
}

#[test]
fn a_stored_schema_four_value_reads_as_written() {
    let stored = include_str!("fixtures/progress-v4.json");
    let p = Progress::decode(stored).unwrap();
    assert_eq!(p.schema, SCHEMA, "read through the migrations to schema 6");
    assert!(p.checkins.received.is_empty());
    assert!(p.is_done("kinds/emotional"));
    let c = &p.checkins;
    assert_eq!(c.relationships.len(), 1);
    let sister = &c.relationships["r-7f3a9c"];
    assert_eq!(sister.name, "my sister");
    assert_eq!(sister.added, 1_796_000_000_000.0);
    assert_eq!(sister.named_at, 1_796_100_000_000.0);
    assert_eq!(
        c.deleted.iter().collect::<Vec<_>>(),
        [(&"r-0b1e2d".to_string(), &1_796_200_000_000.0)],
        "the deleted relationship is only a marker"
    );
    let history: Vec<&str> = c
        .history("r-7f3a9c")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(history, ["c-4d21", "c-9a07"]);
    let (_, latest) = c.latest("r-7f3a9c").unwrap();
    assert_eq!(latest.closeness, 4);
    assert_eq!(latest.kinds["emotional"], Rating { now: 2, wished: 4 });
    assert_eq!(
        c.previous("r-7f3a9c", "c-9a07").map(|(id, _)| id),
        Some("c-4d21")
    );
    assert_eq!(
        c.previous("r-7f3a9c", "c-4d21"),
        None,
        "the first has none before it"
    );
    assert_eq!(
        c.previous("r-0b1e2d", "c-9a07"),
        None,
        "asked under another relationship"
    );
    assert_eq!(c.check_in_count(), 2);
    assert_eq!(c.get("r-7f3a9c", "c-9a07").map(|ci| ci.closeness), Some(4));
    assert_eq!(c.get("r-0b1e2d", "c-9a07"), None);
    // Both check-ins are complete for the shipped guide.
    for (_, check_in) in c.history("r-7f3a9c") {
        assert_eq!(check_in.check(checkin_guide()), Ok(()));
    }
    // Three steps: one replaced, one looked back on with a note, one standing.
    assert_eq!(c.step_count(), 3);
    assert_eq!(c.steps.keys().collect::<Vec<_>>(), ["r-7f3a9c"]);
    let plans = &c.steps["r-7f3a9c"];
    assert_eq!(plans["s-2b00"].ended_at, Some(1_796_000_200_000.0));
    let review = plans["s-51c8"].review.as_ref().unwrap();
    assert_eq!(review.answer, "partly");
    assert_eq!(review.note, "Told her about the interview.");
    assert_eq!(
        c.current_step("r-7f3a9c")
            .map(|(id, s)| (id, s.step.as_str())),
        Some(("s-e3f0", "say-it-back"))
    );
    assert_eq!(c.step_notes("r-7f3a9c").len(), 1);

    // Saving writes what was read, as schema 6 with nothing kept from
    // others and no favourites.
    let reparsed: serde_json::Value = serde_json::from_str(&p.encode()).unwrap();
    let mut expected: serde_json::Value = serde_json::from_str(stored).unwrap();
    expected["schema"] = 6.into();
    expected["talk"] = serde_json::json!({"favourites": {}});
    expected["checkins"]["received"] = serde_json::json!({});
    expected["checkins"]["received_deleted"] = serde_json::json!({});
    assert_eq!(reparsed, expected, "saving changes nothing else");
    assert_eq!(Progress::decode(&p.encode()), Ok(p.clone()));
    // It merges with itself into itself.
    assert_eq!(p.merge(&p, course()), p);
}

#[test]
fn a_newer_schema_is_read_for_display_only() {
    let newer = r#"{"schema":9,"lessons":{"kinds/physical":{"card":"what-it-is","completed":true,"updated":5}},"future":{"x":1}}"#;
    assert_eq!(Progress::decode(newer), Err(DecodeError::Newer(9)));
    let seen = Progress::decode_newer(newer).expect("the known parts read");
    assert!(seen.is_done("kinds/physical"));
    assert_eq!(Progress::decode_newer("{not json"), None);
}

#[test]
fn a_key_written_twice_reads_as_its_last_value_as_it_always_did() {
    // Stored text is read into a JSON value first, where the last of two
    // equal keys wins; a typed parse of the text itself would refuse the
    // text instead (a "duplicate field" error), and the visit would then
    // treat saved progress as unreadable.
    let twice = r#"{"schema":6,"last_lesson":"a","last_lesson":"kinds/physical","lessons":{}}"#;
    let read = Progress::decode(twice).expect("read as before");
    assert_eq!(read.last_lesson.as_deref(), Some("kinds/physical"));
    let newer = r#"{"schema":9,"last_lesson":"a","last_lesson":"kinds/physical"}"#;
    let seen = Progress::decode_newer(newer).expect("read for display");
    assert_eq!(seen.last_lesson.as_deref(), Some("kinds/physical"));
}

#[test]
fn decode_tells_what_is_wrong() {
    assert!(matches!(
        Progress::decode("{not json"),
        Err(DecodeError::Malformed(_))
    ));
    assert_eq!(Progress::decode("{}"), Err(DecodeError::NoSchema));
    assert_eq!(
        Progress::decode(r#"{"schema":"1"}"#),
        Err(DecodeError::NoSchema)
    );
    assert_eq!(
        Progress::decode(r#"{"schema":99}"#),
        Err(DecodeError::Newer(99))
    );
    assert_eq!(
        Progress::decode(r#"{"schema":0}"#),
        Err(DecodeError::Unknown(0))
    );
    assert!(matches!(
        Progress::decode(r#"{"schema":1,"lessons":[]}"#),
        Err(DecodeError::Malformed(_))
    ));
    // Missing optional parts default rather than fail.
    assert_eq!(Progress::decode(r#"{"schema":1}"#), Ok(Progress::default()));
    assert_eq!(Progress::decode(r#"{"schema":2}"#), Ok(Progress::default()));
    assert_eq!(Progress::decode(r#"{"schema":3}"#), Ok(Progress::default()));
    assert_eq!(Progress::decode(r#"{"schema":4}"#), Ok(Progress::default()));
    assert_eq!(
        Progress::decode(r#"{"schema":4,"checkins":{}}"#),
        Ok(Progress::default())
    );
    assert!(matches!(
        Progress::decode(r#"{"schema":4,"checkins":"none"}"#),
        Err(DecodeError::Malformed(_))
    ));
    // A check-in without its answers, under its relationship.
    assert!(matches!(
        Progress::decode(r#"{"schema":4,"checkins":{"check_ins":{"r":{"c":{"at":1}}}}}"#),
        Err(DecodeError::Malformed(_))
    ));
    // A check-in where a relationship's map of them belongs (the flat shape
    // of an early draft of schema 4): not read as anything.
    assert!(matches!(
        Progress::decode(
            r#"{"schema":4,"checkins":{"check_ins":{"c":{"at":1,"closeness":3,"kinds":{}}}}}"#
        ),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        Progress::decode(r#"{"schema":4,"checkins":{"steps":{"r":{"p":{"step":"x"}}}}}"#),
        Err(DecodeError::Malformed(_))
    ));
    assert_eq!(
        Progress::decode(r#"{"schema":7}"#),
        Err(DecodeError::Newer(7))
    );
}

#[test]
fn resume_lands_on_the_card_where_the_person_stopped() {
    let l = lesson("basics/what-is-intimacy");
    let mut p = Progress::default();
    p.visit(&l.id, l.cards[2].id(), 1.0);
    assert_eq!(p.resume_card(l), 2);
    assert_eq!(p.lesson_state(l), LessonState::InProgress { card: 2 });
    let (cl, card) = p.continue_at(course()).unwrap();
    assert_eq!((cl.id.as_ref(), card), (l.id.as_ref(), 2));
}

#[test]
fn a_card_that_no_longer_exists_resumes_at_the_start() {
    let l = lesson("basics/what-is-intimacy");
    let mut p = Progress::default();
    p.visit(&l.id, "a-card-removed-from-the-content", 1.0);
    assert_eq!(p.resume_card(l), 0);
    assert_eq!(p.lesson_state(l), LessonState::InProgress { card: 0 });
}

#[test]
fn finishing_marks_done_and_continue_moves_on() {
    let c = course();
    let first = c.lessons().next().unwrap();
    let second = c.lessons().nth(1).unwrap();
    let mut p = Progress::default();
    p.visit(&first.id, first.cards.last().unwrap().id(), 1.0);
    p.complete(first, 2.0);
    assert_eq!(p.lesson_state(first), LessonState::Done);
    assert_eq!(p.done_count(c), 1);
    assert_eq!(
        p.resume_card(first),
        0,
        "a finished lesson reopens at its start"
    );
    let (next, card) = p.continue_at(c).unwrap();
    assert_eq!((next.id.as_ref(), card), (second.id.as_ref(), 0));
    // Going back into a finished lesson keeps it finished.
    p.visit(&first.id, first.cards[1].id(), 3.0);
    assert!(p.is_done(&first.id));
}

#[test]
fn continue_prefers_the_last_unfinished_lesson_opened() {
    let c = course();
    let later = lesson("practices/listen");
    let mut p = Progress::default();
    p.visit(&later.id, later.cards[1].id(), 1.0);
    let (l, card) = p.continue_at(c).unwrap();
    assert_eq!((l.id.as_ref(), card), (later.id.as_ref(), 1));
}

#[test]
fn when_everything_is_done_there_is_nothing_to_continue() {
    let c = course();
    let mut p = Progress::default();
    for l in c.lessons() {
        p.complete(l, 1.0);
    }
    assert_eq!(p.done_count(c), c.lesson_count());
    assert!(p.continue_at(c).is_none());
}

#[test]
fn lessons_unknown_to_the_content_are_kept_but_not_counted() {
    let mut p = Progress::default();
    p.visit("gone/lesson", "card", 1.0);
    p.lessons.get_mut("gone/lesson").unwrap().completed = true;
    assert_eq!(p.done_count(course()), 0);
    let round = Progress::decode(&p.encode()).unwrap();
    assert!(
        round.lessons.contains_key("gone/lesson"),
        "never drop what we cannot place"
    );
}

#[test]
fn an_emptied_reflection_is_removed() {
    let mut p = Progress::default();
    p.respond(
        "a/b",
        "c",
        Response::Reflected {
            text: "note".into(),
            at: 1.0,
        },
    );
    assert!(p.response("a/b", "c").is_some());
    p.respond(
        "a/b",
        "c",
        Response::Reflected {
            text: "   ".into(),
            at: 2.0,
        },
    );
    assert!(p.response("a/b", "c").is_none());
}

proptest! {
    /// Any text at all: text that is not JSON is refused as damaged, and text
    /// that decodes gives progress that saves and reads back as itself, and
    /// saves to the same text again (a stable, idempotent encoding).
    #[test]
    fn decode_of_any_text_refuses_or_yields_a_fixed_point(s in prop_oneof![
        ".*",
        // Text that is sometimes valid progress: schema 3 with an object of maybe-lessons.
        r#"\{"schema":3,"lessons":\{("[a-z/]{1,8}":\{"card":"[a-z]{1,4}","updated":[0-9]{1,3}(,"completed":(true|false))?\},?){0,3}\}\}"#,
    ]) {
        let json = serde_json::from_str::<serde_json::Value>(&s);
        match Progress::decode(&s) {
            Err(e) => prop_assert!(json.is_ok() || matches!(e, DecodeError::Malformed(_)), "{:?} for text that is not JSON", e),
            Ok(p) => {
                prop_assert!(json.is_ok());
                prop_assert_eq!(p.schema, SCHEMA);
                let saved = p.encode();
                let again = Progress::decode(&saved);
                prop_assert_eq!(again.as_ref(), Ok(&p));
                prop_assert_eq!(again.unwrap().encode(), saved);
            }
        }
    }

    /// JSON with a schema field and a lessons field of any shape: the schema
    /// decides first (none or not a whole number, 0, newer than this build),
    /// then the shape; what decodes holds exactly the lessons of the text.
    #[test]
    fn decode_judges_the_schema_then_the_shape(
        schema in prop_oneof![
            Just("null".to_string()),
            Just("\"3\"".to_string()),
            (0u64..6).prop_map(|n| n.to_string()),
            any::<i64>().prop_map(|n| n.to_string()),
        ],
        body in prop_oneof![
            r#"[\[\]{}",:a-z0-9 ]{0,40}"#,
            Just("{}".to_string()),
            Just(r#"{"kinds/physical":{"card":"which","updated":5,"completed":true}}"#.to_string()),
            Just(r#"{"gone/lesson":{"card":"x","updated":1}}"#.to_string()),
        ],
    ) {
        let text = format!(r#"{{"schema":{schema},"lessons":{body}}}"#);
        let got = Progress::decode(&text);
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
            prop_assert!(matches!(got, Err(DecodeError::Malformed(_))), "{}: {:?}", text, got);
            return Ok(());
        };
        match value["schema"].as_u64() {
            None => prop_assert_eq!(got, Err(DecodeError::NoSchema), "{}", text),
            Some(0) => prop_assert_eq!(got, Err(DecodeError::Unknown(0)), "{}", text),
            Some(n) if n > u64::from(SCHEMA) => {
                prop_assert_eq!(got, Err(DecodeError::Newer(u32::try_from(n).unwrap_or(u32::MAX))), "{}", text);
            }
            Some(_) => {
                let lessons = serde_json::from_value::<BTreeMap<String, LessonProgress>>(value["lessons"].clone());
                // The body may add fields of its own (`{},"quiz":1`), which may be damaged too.
                let only_these = value.as_object().is_some_and(|o| o.keys().all(|k| k == "schema" || k == "lessons"));
                match got {
                    Ok(p) => {
                        prop_assert_eq!(Some(&p.lessons), lessons.as_ref().ok(), "{}", text);
                        prop_assert_eq!(Progress::decode(&p.encode()), Ok(p.clone()));
                    }
                    Err(DecodeError::Malformed(_)) => {
                        prop_assert!(lessons.is_err() || !only_these, "{}: refused, but its lessons read", text);
                    }
                    Err(e) => prop_assert!(false, "{}: {:?}", text, e),
                }
            }
        }
    }

    #[test]
    fn any_visits_round_trip(visits in proptest::collection::vec((0usize..20, 0usize..10, 0u32..1_000_000), 0..30)) {
        let lessons: Vec<_> = course().lessons().collect();
        let mut p = Progress::default();
        for (l, c, t) in visits {
            let lesson = lessons[l % lessons.len()];
            let card = &lesson.cards[c % lesson.cards.len()];
            p.visit(&lesson.id, card.id(), f64::from(t));
            prop_assert_eq!(p.resume_card(lesson), c % lesson.cards.len());
        }
        prop_assert_eq!(Progress::decode(&p.encode()), Ok(p.clone()));
        // The same progress as schema 1 wrote it (no quiz) migrates to the same value.
        let mut v1: serde_json::Value = serde_json::from_str(&p.encode()).unwrap();
        v1["schema"] = 1.into();
        v1.as_object_mut().unwrap().remove("quiz");
        v1.as_object_mut().unwrap().remove("last_opened_at");
        v1.as_object_mut().unwrap().remove("checkins");
        prop_assert_eq!(Progress::decode(&v1.to_string()), Ok(p));
    }
}
