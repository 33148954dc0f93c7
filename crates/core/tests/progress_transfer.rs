//! Export and import: what a file must be to be imported, what is left out,
//! and that no input, however odd, makes the check panic.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::{
    clean_name, CheckIn, CheckIns, Rating, Relationship, RelationshipName, StepPlan,
};
use closer_core::progress::transfer::{
    export_file_name, import, Import, ImportError, Summary, IMPORT_MAX_BYTES,
};
use closer_core::progress::{DecodeError, Progress, Response};
use closer_core::quiz::Scope;
use closer_core::time::DAY;
use guide::{checkin_guide, course};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// A name that keeps the rules, as the views parse it.
fn valid_name(text: &str) -> RelationshipName {
    RelationshipName::parse(text).expect("a valid name")
}

fn some_progress() -> Progress {
    let c = course();
    let mut p = Progress::default();
    let physical = c.lesson("kinds/physical").unwrap();
    p.complete(physical, 10.0);
    let listen = c.lesson("practices/listen").unwrap();
    p.visit(&listen.id, listen.cards[1].id(), 20.0);
    p.respond(
        &physical.id,
        "note",
        Response::Reflected {
            text: "Hugs <script>alert(1)</script>".into(),
            at: 11.0,
        },
    );
    assert!(p.quiz.start(Scope::All, c, 3, 30.0));
    let q = p.quiz.current_question(c).unwrap();
    p.quiz.check(c, vec![q.options[0].id.to_string()], 31.0);
    p.checkins = some_checkins();
    p
}

/// A complete check-in at `at`, every kind rated `now`/`wished`.
fn check_in(at: f64, closeness: u8, now: u8, wished: u8) -> CheckIn {
    CheckIn {
        at,
        closeness,
        kinds: checkin_guide()
            .kinds
            .iter()
            .map(|k| (k.id.to_string(), Rating { now, wished }))
            .collect(),
    }
}

/// One relationship with two check-ins and two steps (one looked back on),
/// and the marker of one deleted.
fn some_checkins() -> CheckIns {
    let g = checkin_guide();
    let mut c = CheckIns::default();
    c.add("rel-a", valid_name("Jo <b>&</b>"), 40.0);
    c.add("rel-gone", valid_name("Gone"), 41.0);
    c.delete("rel-gone", 42.0);
    c.record("rel-a", "ci-1", check_in(43.0, 2, 1, 3), g)
        .unwrap();
    c.record("rel-a", "ci-2", check_in(44.0, 4, 2, 3), g)
        .unwrap();
    c.choose_step("st-1", "rel-a", "phones-away", 45.0);
    c.review_step("rel-a", "st-1", "tried", "We talked.", 45.0 + 7.0 * DAY);
    c.choose_step("st-2", "rel-a", "fixed-time", 46.0 + 7.0 * DAY);
    c
}

#[test]
fn an_export_imports_back_exactly() {
    let p = some_progress();
    let imported = import(&p.encode(), course(), checkin_guide()).unwrap();
    assert_eq!(imported.progress, p);
    assert!(imported.ignored.is_empty());
    let s = Summary::of(&p, course());
    assert_eq!(
        s,
        Summary {
            done: 1,
            in_progress: 1,
            notes: 1,
            answered: 1,
            attempts: 0,
            relationships: 1,
            check_ins: 2,
            steps: 2,
            received: 0,
        }
    );
    // The check-ins came through whole: the deleted one only as its marker.
    let kept = &imported.progress.checkins;
    assert_eq!(kept, &some_checkins());
    assert_eq!(kept.relationships["rel-a"].name, "Jo <b>&</b>");
    assert_eq!(kept.deleted.keys().collect::<Vec<_>>(), ["rel-gone"]);
    assert_eq!(kept.history("rel-a").len(), 2);
    assert_eq!(kept.current_step("rel-a").map(|(id, _)| id), Some("st-2"));
}

#[test]
fn a_file_of_check_ins_alone_imports() {
    // Only a relationship and its check-ins: no lesson, no quiz.
    let p = Progress {
        checkins: some_checkins(),
        ..Progress::default()
    };
    let imported = import(&p.encode(), course(), checkin_guide()).unwrap();
    assert_eq!(imported.progress, p);
    assert!(imported.ignored.is_empty());
    let s = Summary::of(&imported.progress, course());
    assert_eq!((s.done, s.notes, s.answered), (0, 0, 0));
    assert_eq!((s.relationships, s.check_ins, s.steps), (1, 2, 2));

    // Only a deletion marker: that is something to keep too, so that the
    // deleted relationship stays deleted when this copy meets another.
    let only_marker = r#"{"schema":4,"checkins":{"deleted":{"rel-x":5.0}}}"#;
    let imported = import(only_marker, course(), checkin_guide()).unwrap();
    assert!(imported.ignored.is_empty());
    assert_eq!(imported.progress.checkins.deleted["rel-x"], 5.0);
    assert_eq!(
        Summary::of(&imported.progress, course()),
        Summary::default(),
        "a marker is not counted as a relationship"
    );

    // Only check-ins and steps of a relationship the file does not have:
    // nothing known.
    let mut orphans = Progress::default();
    orphans
        .checkins
        .check_ins
        .entry("nobody".into())
        .or_default()
        .insert("ci".into(), check_in(1.0, 3, 1, 1));
    assert_eq!(
        import(&orphans.encode(), course(), checkin_guide()),
        Err(ImportError::NothingKnown)
    );
    orphans
        .checkins
        .steps
        .entry("nobody".into())
        .or_default()
        .insert(
            "st".into(),
            StepPlan {
                step: "phones-away".into(),
                chosen_at: 1.0,
                ended_at: None,
                review: None,
            },
        );
    assert_eq!(
        import(&orphans.encode(), course(), checkin_guide()),
        Err(ImportError::NothingKnown)
    );
}

/// Files a check-in under a relationship, as a hand-edited file may.
fn put(c: &mut CheckIns, rel: &str, id: &str, check_in: CheckIn) {
    c.check_ins
        .entry(rel.into())
        .or_default()
        .insert(id.into(), check_in);
}

#[test]
fn check_ins_the_guide_cannot_show_are_left_out_and_listed() {
    let mut p = some_progress();
    let c = &mut p.checkins;
    put(c, "nobody", "ci-orphan", check_in(50.0, 3, 1, 1));
    put(c, "rel-a", "ci-bad", check_in(51.0, 9, 1, 1));
    let mut unrated = check_in(52.0, 3, 1, 1);
    unrated.kinds.clear();
    put(c, "rel-a", "ci-unrated", unrated);
    let plan = |step: &str| StepPlan {
        step: step.into(),
        chosen_at: 1.0,
        ended_at: Some(2.0),
        review: None,
    };
    c.steps
        .get_mut("rel-a")
        .unwrap()
        .insert("st-unknown".into(), plan("no-such-step"));
    c.steps
        .entry("nobody".into())
        .or_default()
        .insert("st-orphan".into(), plan("phones-away"));
    c.relationships.insert(
        "rel-blank".into(),
        Relationship {
            name: " ".into(),
            named_at: 1.0,
            added: 1.0,
        },
    );
    // What a hand-edited file may also hold: a name with spaces around it,
    // and a check-in of a relationship it marks as deleted.
    c.relationships.insert(
        "rel-spaced".into(),
        Relationship {
            name: "  Sam ".into(),
            named_at: 1.0,
            added: 1.0,
        },
    );
    put(c, "rel-gone", "ci-of-gone", check_in(53.0, 3, 1, 1));
    let imported = import(&p.encode(), course(), checkin_guide()).unwrap();
    assert_eq!(
        imported.ignored,
        [
            "relationship rel-blank without a usable name",
            "1 check-in(s) of an unknown relationship",
            "check-in ci-bad",
            "check-in ci-unrated",
            "1 step(s) of an unknown relationship",
            "step st-unknown",
        ]
    );
    let kept = &imported.progress.checkins;
    assert_eq!(
        kept.check_ins.keys().collect::<Vec<_>>(),
        ["rel-a"],
        "the deleted relationship's check-ins go silently"
    );
    assert_eq!(
        kept.check_ins["rel-a"].keys().collect::<Vec<_>>(),
        ["ci-1", "ci-2"],
        "the good check-ins stay"
    );
    assert_eq!(kept.relationships["rel-spaced"].name, "Sam");
    assert_eq!(kept.steps.keys().collect::<Vec<_>>(), ["rel-a"]);
    assert_eq!(kept.step_count(), 2);
    let s = Summary::of(&imported.progress, course());
    assert_eq!((s.relationships, s.check_ins, s.steps), (2, 2, 2));
    // Everything else of the file is kept.
    assert!(imported.progress.is_done("kinds/physical"));
}

/// A relationship's empty map of check-ins or steps holds nothing, so
/// nothing is left out: for a known relationship it is dropped silently.
#[test]
fn an_empty_map_of_a_known_relationship_is_dropped_without_a_word() {
    let text = r#"{"schema":4,"checkins":{"relationships":{"r":{"name":"A","named_at":1,"added":1}},"check_ins":{"r":{}},"steps":{"r":{}}}}"#;
    let imported = import(text, course(), checkin_guide()).unwrap();
    assert!(imported.ignored.is_empty(), "{:?}", imported.ignored);
    let c = &imported.progress.checkins;
    assert!(c.check_ins.is_empty() && c.steps.is_empty());
    assert_eq!(c.relationships.len(), 1);
}

/// The same for a relationship the file does not have: its empty map holds
/// no check-in, yet it is listed as "0 check-in(s) of an unknown
/// relationship", and a file with nothing else imports as an empty
/// check-ins part does (`{"schema":4}` alone is refused: see
/// `another_apps_json_with_a_schema_number_is_not_progress`).
#[test]
fn an_empty_map_of_an_unknown_relationship_is_not_listed_as_left_out() {
    let with_lesson = r#"{"schema":4,"lessons":{"kinds/emotional":{"card":"what-it-is","completed":true,"updated":1}},"checkins":{"check_ins":{"nobody":{}},"steps":{"nobody":{}}}}"#;
    let imported = import(with_lesson, course(), checkin_guide()).unwrap();
    assert!(imported.ignored.is_empty(), "{:?}", imported.ignored);
    let alone = r#"{"schema":4,"checkins":{"check_ins":{"nobody":{}}}}"#;
    assert_eq!(
        import(alone, course(), checkin_guide()).map(|i| i.progress),
        import(r#"{"schema":4,"checkins":{}}"#, course(), checkin_guide()).map(|i| i.progress)
    );
}

#[test]
fn the_schema_four_fixture_imports_whole() {
    let stored = include_str!("fixtures/progress-v4.json");
    let imported = import(stored, course(), checkin_guide()).unwrap();
    assert!(imported.ignored.is_empty(), "{:?}", imported.ignored);
    assert_eq!(imported.progress, Progress::decode(stored).unwrap());
    let s = Summary::of(&imported.progress, course());
    assert_eq!((s.relationships, s.check_ins, s.steps), (1, 2, 3));
    assert_eq!(s.done, 1);
}

#[test]
fn the_schema_six_fixture_imports_whole_with_the_answers_kept_from_others_and_the_favourites() {
    let stored = include_str!("fixtures/progress-v6.json");
    let imported = import(stored, course(), checkin_guide()).unwrap();
    assert!(imported.ignored.is_empty(), "{:?}", imported.ignored);
    assert_eq!(imported.progress, Progress::decode(stored).unwrap());
    assert_eq!(
        imported.progress.encode(),
        stored,
        "written back byte for byte"
    );
    let s = Summary::of(&imported.progress, course());
    assert_eq!((s.relationships, s.check_ins, s.received), (1, 2, 1));
    let kept = &imported.progress.checkins;
    let (id, r) = kept.received_for("r-7f3a9c")[0];
    assert_eq!(id, "s-5e11a0");
    assert_eq!(r.shared.name.as_deref(), Some("Ana"));
    assert!(kept.received_deleted.contains_key("s-00dead"));
    assert!(imported.progress.talk.is_favourite("light-treat"));
}

#[test]
fn a_file_of_favourites_only_is_progress_and_merges_into_what_is_here() {
    let file = r#"{"schema":6,"talk":{"favourites":{"light-treat":{"on":true,"at":5.0}}}}"#;
    let imported = import(file, course(), checkin_guide()).unwrap();
    assert!(imported.progress.talk.is_favourite("light-treat"));
    let mut here = Progress::default();
    here.talk.mark("light-smile", true, 1.0);
    let joined = imported.merged_into(&here, course());
    assert_eq!(
        joined.talk.favourite_ids().collect::<Vec<_>>(),
        ["light-smile", "light-treat"]
    );
}

#[test]
fn kept_answers_of_an_unknown_relationship_or_impossible_values_are_left_out() {
    let mut p: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/progress-v5.json")).unwrap();
    let good = p["checkins"]["received"]["r-7f3a9c"]["s-5e11a0"].clone();
    p["checkins"]["received"]["r-nobody"] = serde_json::json!({ "s-orphan": good.clone() });
    let mut bad = good;
    bad["shared"]["closeness"] = 9.into();
    p["checkins"]["received"]["r-7f3a9c"]["s-bad"] = bad;
    let imported = import(&p.to_string(), course(), checkin_guide()).unwrap();
    let kept = &imported.progress.checkins;
    assert_eq!(kept.received.keys().collect::<Vec<_>>(), ["r-7f3a9c"]);
    assert_eq!(
        kept.received_for("r-7f3a9c")
            .iter()
            .map(|(id, _)| *id)
            .collect::<Vec<_>>(),
        ["s-5e11a0"]
    );
    assert_eq!(imported.ignored.len(), 2, "{:?}", imported.ignored);
}

#[test]
fn older_schemas_import_through_the_migrations() {
    let imported = import(
        include_str!("fixtures/progress-v1.json"),
        course(),
        checkin_guide(),
    )
    .unwrap();
    assert!(imported.progress.is_done("kinds/physical"));
    let imported = import(
        include_str!("fixtures/progress-v3.json"),
        course(),
        checkin_guide(),
    )
    .unwrap();
    assert_eq!(
        imported.progress.last_lesson.as_deref(),
        Some("kinds/emotional")
    );
}

#[test]
fn a_file_over_one_mebibyte_is_refused_before_it_is_parsed() {
    let big = format!(
        "{{\"schema\":3,\"pad\":\"{}\"}}",
        "x".repeat(IMPORT_MAX_BYTES as usize)
    );
    let err = import(&big, course(), checkin_guide()).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(err.to_string().contains("1 MiB"));
}

#[test]
fn files_that_are_not_progress_are_refused_with_a_reason() {
    let cases = [
        ("", "damaged"),
        ("{not json", "damaged"),
        ("[]", "no schema"),
        ("{}", "no schema"),
        (r#"{"schema":"3"}"#, "no schema"),
        (r#"{"schema":0}"#, "unknown schema"),
        (r#"{"schema":3,"lessons":[1,2]}"#, "damaged"),
        (
            r#"{"schema":3,"lessons":{"kinds/physical":{"card":5,"updated":1}}}"#,
            "damaged",
        ),
        (
            r#"{"schema":3,"quiz":{"records":{"x":{"box":"high"}}}}"#,
            "damaged",
        ),
    ];
    for (text, needle) in cases {
        let err = import(text, course(), checkin_guide()).unwrap_err();
        assert!(matches!(err, ImportError::Unreadable(_)), "{text}: {err:?}");
        assert!(err.to_string().contains(needle), "{text}: {err}");
    }
    assert_eq!(
        import(r#"{"schema":42}"#, course(), checkin_guide()),
        Err(ImportError::Newer(42))
    );
    // A schema number and nothing else is not progress (another app's JSON can look so).
    assert_eq!(
        import("{\"schema\":3}", course(), checkin_guide()),
        Err(ImportError::NotProgress)
    );
    assert!(matches!(
        import("{\"schema\":3,\"lessons\":{}}", course(), checkin_guide()),
        Ok(i) if i.progress == Progress::default()
    ));
    // Each refusal carries the reason decoding gave, as a value the data page can match on.
    assert_eq!(
        import("{}", course(), checkin_guide()),
        Err(ImportError::Unreadable(DecodeError::NoSchema))
    );
    assert_eq!(
        import(r#"{"schema":-1}"#, course(), checkin_guide()),
        Err(ImportError::Unreadable(DecodeError::NoSchema))
    );
    assert_eq!(
        import(r#"{"schema":0}"#, course(), checkin_guide()),
        Err(ImportError::Unreadable(DecodeError::Unknown(0)))
    );
    assert!(matches!(
        import("{not json", course(), checkin_guide()),
        Err(ImportError::Unreadable(DecodeError::Malformed(_)))
    ));
}

#[test]
fn unknown_ids_are_left_out_and_listed() {
    let mut p = some_progress();
    p.visit("gone/lesson", "card", 40.0);
    p.lessons.get_mut("kinds/physical").unwrap().card = "no-such-card".into();
    p.respond(
        "kinds/physical",
        "no-such-card",
        Response::Revealed { at: 1.0 },
    );
    p.respond("gone/lesson", "x", Response::Revealed { at: 1.0 });
    let mut record = p.quiz.records.values().next().unwrap().clone();
    record.answered = 9;
    p.quiz.records.insert("no-such-question".into(), record);
    let imported = import(&p.encode(), course(), checkin_guide()).unwrap();
    let kept = imported.progress;
    assert!(!kept.lessons.contains_key("gone/lesson"));
    assert_eq!(kept.last_lesson, None, "the last lesson opened is gone");
    assert_eq!(
        kept.lessons["kinds/physical"].card, "what-it-is",
        "an unknown card resets to the first"
    );
    assert!(kept.is_done("kinds/physical"));
    assert!(!kept.quiz.records.contains_key("no-such-question"));
    assert_eq!(kept.responses.len(), 1);
    assert_eq!(imported.ignored.len(), 5, "{:?}", imported.ignored);

    let only_unknown = r#"{"schema":3,"lessons":{"gone/x":{"card":"a","updated":1}}}"#;
    assert_eq!(
        import(only_unknown, course(), checkin_guide()),
        Err(ImportError::NothingKnown)
    );
}

#[test]
fn a_session_about_questions_that_are_gone_is_dropped() {
    let mut p = some_progress();
    p.quiz
        .current
        .as_mut()
        .unwrap()
        .order
        .push("gone-question".into());
    let imported = import(&p.encode(), course(), checkin_guide()).unwrap();
    assert!(imported.progress.quiz.current.is_none());
    assert!(imported.ignored.iter().any(|i| i.contains("quiz session")));
}

#[test]
fn export_names_carry_the_date() {
    assert_eq!(export_file_name(0.0, 0), "closer-progress-1970-01-01.json");
    // 2026-11-25 12:00 UTC
    assert_eq!(
        export_file_name(1_795_608_000_000.0, 0),
        "closer-progress-2026-11-25.json"
    );
    // 2024-02-29, a leap day, just before midnight
    assert_eq!(
        export_file_name(1_709_251_199_000.0, 0),
        "closer-progress-2024-02-29.json"
    );
}

/// What import must make of any text (under the size limit): the refusal
/// decoding gives, as a typed error; or progress about nothing but lessons,
/// cards and questions this guide has, which exports and imports back as
/// itself with nothing left out.
fn judge(text: &str) -> Result<(), TestCaseError> {
    let c = course();
    let got = import(text, c, checkin_guide());
    match (Progress::decode(text), got) {
        (Err(DecodeError::Newer(n)), got) => prop_assert_eq!(got, Err(ImportError::Newer(n))),
        (Err(e), got) => prop_assert_eq!(got, Err(ImportError::Unreadable(e))),
        (Ok(_), Err(ImportError::NothingKnown)) => {}
        (Ok(decoded), Err(e)) => prop_assert!(
            false,
            "{:?} decodes, yet import refused it: {:?}",
            decoded,
            e
        ),
        (Ok(decoded), Ok(found)) => {
            let p = &found.progress;
            // What is kept is what the text held, less what is listed as left
            // out (and "Continue" pointing at a lesson no longer there).
            let mut whole = decoded.clone();
            whole.last_lesson = whole.last_lesson.filter(|id| c.lesson(id).is_some());
            // Names are kept trimmed, and whatever belongs to a relationship
            // the file marks as deleted goes, without a word.
            let checkins = &mut whole.checkins;
            let deleted = checkins.deleted.clone();
            checkins
                .relationships
                .retain(|id, _| !deleted.contains_key(id));
            checkins
                .check_ins
                .retain(|rel, _| !deleted.contains_key(rel));
            checkins.steps.retain(|rel, _| !deleted.contains_key(rel));
            // An empty map of check-ins or steps holds nothing to leave out.
            checkins.check_ins.retain(|_, m| !m.is_empty());
            checkins.steps.retain(|_, m| !m.is_empty());
            for r in checkins.relationships.values_mut() {
                r.name = r.name.trim().to_string();
            }
            prop_assert_eq!(
                found.ignored.is_empty(),
                p == &whole,
                "left out {:?}: kept {:?} of {:?}",
                found.ignored,
                p,
                whole
            );
            for (id, entry) in &p.lessons {
                let lesson = c.lesson(id);
                prop_assert!(lesson.is_some(), "unknown lesson {} kept", id);
                prop_assert!(
                    lesson.unwrap().card_index(&entry.card).is_some(),
                    "unknown card {}/{}",
                    id,
                    entry.card
                );
            }
            if let Some(id) = &p.last_lesson {
                prop_assert!(c.lesson(id).is_some(), "unknown last lesson {}", id);
            }
            for key in p.responses.keys() {
                let (lesson, card) = key.split_once('#').unwrap_or((key, ""));
                prop_assert!(
                    c.lesson(lesson).and_then(|l| l.card_index(card)).is_some(),
                    "unknown response {}",
                    key
                );
            }
            let known = |id: &String| c.questions.iter().any(|q| &q.id == id);
            for id in p.quiz.records.keys() {
                prop_assert!(known(id), "unknown question {}", id);
            }
            for s in p.quiz.current.iter().chain(p.quiz.last.iter()) {
                prop_assert!(
                    s.order.iter().all(known),
                    "a session with unknown questions: {:?}",
                    s.order
                );
            }
            let g = checkin_guide();
            let kept = &p.checkins;
            for (id, r) in &kept.relationships {
                prop_assert_eq!(clean_name(&r.name), Ok(r.name.clone()), "name of {}", id);
            }
            for (rel, entries) in &kept.check_ins {
                prop_assert!(
                    kept.relationships.contains_key(rel),
                    "check-ins of an unknown relationship {}",
                    rel
                );
                prop_assert!(!entries.is_empty(), "an empty map kept for {}", rel);
                for (id, e) in entries {
                    prop_assert_eq!(e.check(g), Ok(()), "check-in {}/{}", rel, id);
                }
            }
            for (rel, plans) in &kept.steps {
                prop_assert!(
                    kept.relationships.contains_key(rel),
                    "steps of an unknown relationship {}",
                    rel
                );
                prop_assert!(!plans.is_empty(), "an empty map kept for {}", rel);
                for (id, s) in plans {
                    prop_assert!(g.step(&s.step).is_some(), "unknown step {}/{}", rel, id);
                    prop_assert!(
                        s.review
                            .as_ref()
                            .is_none_or(|r| g.answer(&r.answer).is_some()),
                        "unknown answer in {}/{}",
                        rel,
                        id
                    );
                }
            }
            let again = import(&p.encode(), c, checkin_guide());
            prop_assert_eq!(
                again,
                Ok(Import {
                    progress: p.clone(),
                    ignored: vec![]
                })
            );
        }
    }
    Ok(())
}

/// A valid export with one byte replaced and its end cut off.
fn damaged_export(cut: usize, flip: usize, byte: u8) -> String {
    let mut bytes = some_progress().encode().into_bytes();
    let at = flip % bytes.len();
    bytes[at] = byte;
    bytes.truncate(bytes.len() - cut.min(bytes.len()));
    String::from_utf8_lossy(&bytes).into_owned()
}

// The fuzz target fuzz/fuzz_targets/decode_import.rs feeds arbitrary bytes to
// the same two functions for "never panics"; these properties say what the
// answers must be.
proptest! {
    #[test]
    fn import_of_any_text_is_a_typed_refusal_or_known_progress(s in ".{0,400}") {
        judge(&s)?;
    }

    /// Mostly a byte in a string or a number (the export stays readable), now
    /// and then in the structure or the ids: refused with a typed error, or
    /// progress of known ids that re-exports as itself.
    #[test]
    fn a_damaged_export_is_refused_or_imports_cleanly(cut in prop_oneof![3 => Just(0usize), 1 => 0usize..400], flip in 0usize..4000, byte in any::<u8>()) {
        let text = damaged_export(cut, flip, byte);
        judge(&text)?;
        // A "damage" that changed nothing leaves the export accepted whole.
        let export = some_progress().encode();
        if cut == 0 && export.as_bytes()[flip % export.len()] == byte {
            prop_assert_eq!(import(&text, course(), checkin_guide()).map(|i| i.progress), Ok(some_progress()));
        }
    }
}

#[test]
fn some_damaged_exports_are_still_accepted() {
    // A sanity check of the property above: it reaches its accepting branch.
    let len = some_progress().encode().len();
    let accepted = (0..len)
        .filter(|&flip| import(&damaged_export(0, flip, b'7'), course(), checkin_guide()).is_ok())
        .count();
    assert!(accepted > 0, "no damaged export was accepted");
    assert!(accepted < len, "every damaged export was accepted");
    // Damage inside the check-ins (the end of the export) reaches their checks too.
    let start = some_progress().encode().find("\"checkins\"").unwrap();
    let left_out = (start..len)
        .filter_map(|flip| import(&damaged_export(0, flip, b'7'), course(), checkin_guide()).ok())
        .filter(|i| !i.ignored.is_empty())
        .count();
    assert!(left_out > 0, "no damaged check-in was left out");
}

#[test]
fn another_apps_json_with_a_schema_number_is_not_progress() {
    use closer_core::progress::transfer::{import, ImportError};
    for text in [
        r#"{"schema":2,"app":"TodoMaster","items":["milk"]}"#,
        r#"{"schema":5}"#,
    ] {
        assert_eq!(
            import(text, course(), checkin_guide()).err(),
            Some(ImportError::NotProgress),
            "{text}"
        );
    }
    // An empty export (a first visit's) is still progress.
    assert!(
        import(&Progress::default().encode(), course(), checkin_guide()).is_ok()
            || import(&Progress::default().encode(), course(), checkin_guide()).err()
                == Some(ImportError::NothingKnown)
    );
}

#[test]
fn a_file_added_instead_of_replacing_keeps_both_copies() {
    use closer_core::progress::transfer::import;
    let mut here = Progress::default();
    here.complete(course().lesson("kinds/physical").unwrap(), 5.0);
    let mut file = Progress::default();
    file.complete(course().lesson("practices/trust").unwrap(), 3.0);
    let found = import(&file.encode(), course(), checkin_guide()).unwrap();
    let both = found.merged_into(&here, course());
    assert!(both.is_done("kinds/physical") && both.is_done("practices/trust"));
    assert_eq!(both, here.merge(&file, course()));
}
