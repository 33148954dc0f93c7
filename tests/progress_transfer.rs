//! Export and import: what a file must be to be imported, what is left out,
//! and that no input, however odd, makes the check panic.
#![cfg(not(target_arch = "wasm32"))]

use closer::content::course;
use closer::progress::transfer::{
    export_file_name, import, ImportError, Summary, IMPORT_MAX_BYTES,
};
use closer::progress::{DecodeError, Progress, Response};
use closer::quiz::Scope;
use proptest::prelude::*;

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
    p.quiz.check(c, vec![q.options[0].id.clone()], 31.0);
    p
}

#[test]
fn an_export_imports_back_exactly() {
    let p = some_progress();
    let imported = import(&p.encode(), course()).unwrap();
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
            attempts: 0
        }
    );
}

#[test]
fn older_schemas_import_through_the_migrations() {
    let imported = import(include_str!("fixtures/progress-v1.json"), course()).unwrap();
    assert!(imported.progress.is_done("kinds/physical"));
    let imported = import(include_str!("fixtures/progress-v3.json"), course()).unwrap();
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
    let err = import(&big, course()).unwrap_err();
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
        let err = import(text, course()).unwrap_err();
        assert!(matches!(err, ImportError::Unreadable(_)), "{text}: {err:?}");
        assert!(err.to_string().contains(needle), "{text}: {err}");
    }
    assert_eq!(
        import(r#"{"schema":42}"#, course()),
        Err(ImportError::Newer(42))
    );
    assert!(matches!(
        import("{\"schema\":3}", course()),
        Ok(i) if i.progress == Progress::default()
    ));
    let _ = DecodeError::NoSchema;
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
    let imported = import(&p.encode(), course()).unwrap();
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
        import(only_unknown, course()),
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
    let imported = import(&p.encode(), course()).unwrap();
    assert!(imported.progress.quiz.current.is_none());
    assert!(imported.ignored.iter().any(|i| i.contains("quiz session")));
}

#[test]
fn export_names_carry_the_date() {
    assert_eq!(export_file_name(0.0), "closer-progress-1970-01-01.json");
    // 2026-11-25 12:00 UTC
    assert_eq!(
        export_file_name(1_795_608_000_000.0),
        "closer-progress-2026-11-25.json"
    );
    // 2024-02-29, a leap day, just before midnight
    assert_eq!(
        export_file_name(1_709_251_199_000.0),
        "closer-progress-2024-02-29.json"
    );
}

proptest! {
    #[test]
    fn import_never_panics_on_any_text(s in ".{0,400}") {
        let _ = import(&s, course());
    }

    #[test]
    fn import_never_panics_on_damaged_exports(cut in 0usize..400, flip in 0usize..400, byte in any::<u8>()) {
        let text = some_progress().encode();
        let mut bytes = text.into_bytes();
        let at = flip % bytes.len();
        bytes[at] = byte;
        bytes.truncate(bytes.len() - cut.min(bytes.len()));
        let text = String::from_utf8_lossy(&bytes);
        let _ = import(&text, course());
        let _ = Progress::decode(&text);
    }
}
