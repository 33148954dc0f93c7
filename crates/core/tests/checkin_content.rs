//! The check-in guide: the shipped one follows every rule, and the rules
//! catch a broken one (each broken copy is the shipped guide with one fault).
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::{CLOSENESS_MAX, SCALE_MAX};
use closer_core::content::validate::{
    validate_checkin, ContentError, KINDS_SECTION, PRACTICES_SECTION, STEPS_PER_PRACTICE_MIN,
};
use closer_core::content::{CheckinGuide, CLOSENESS_PICTURES, SCALE_POINTS};
use guide::{checkin_guide, course};
use std::collections::HashSet;

fn lessons_of(section: &str) -> Vec<String> {
    course()
        .sections
        .iter()
        .filter(|s| s.id == section)
        .flat_map(|s| s.lessons.iter().map(|l| l.id.to_string()))
        .collect()
}

/// The errors of a broken copy of the shipped guide.
fn errors_of(break_it: impl FnOnce(&mut CheckinGuide)) -> Vec<ContentError> {
    let mut guide = checkin_guide().clone();
    break_it(&mut guide);
    validate_checkin(&guide, course())
}

/// Asserts that exactly one error is reported, at `at`, saying `needle`.
#[track_caller]
fn assert_one(errors: &[ContentError], at: &str, needle: &str) {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].at, at, "{errors:#?}");
    assert!(
        errors[0].problem.contains(needle),
        "{:?} does not say {needle:?}",
        errors[0].problem
    );
}

#[test]
fn the_shipped_guide_passes_every_rule() {
    let errors = validate_checkin(checkin_guide(), course());
    assert!(errors.is_empty(), "check-in guide errors: {errors:#?}");
}

#[test]
fn every_kind_lesson_has_a_kind_and_every_kind_has_practices() {
    let g = checkin_guide();
    let kinds = lessons_of(KINDS_SECTION);
    let practices = lessons_of(PRACTICES_SECTION);
    assert_eq!(kinds.len(), 5, "the five kinds");
    assert_eq!(g.kinds.len(), kinds.len());
    let covered: HashSet<&str> = g.kinds.iter().map(|k| k.lesson.as_ref()).collect();
    for lesson in &kinds {
        assert!(covered.contains(lesson.as_str()), "{lesson} has no kind");
    }
    for kind in g.kinds.iter() {
        assert!(
            !kind.practices.is_empty(),
            "{} maps to no practice",
            kind.id
        );
        for p in kind.practices.iter() {
            assert!(
                practices.contains(&p.to_string()),
                "{}: {p} is not a practice",
                kind.id
            );
        }
        assert_eq!(g.kind(&kind.id), Some(kind));
    }
    assert!(g.kind("romantic").is_none());
}

#[test]
fn every_practice_offers_enough_small_steps() {
    let g = checkin_guide();
    let practices = lessons_of(PRACTICES_SECTION);
    assert!(!practices.is_empty());
    assert_eq!(STEPS_PER_PRACTICE_MIN, 3);
    for practice in &practices {
        let steps: Vec<_> = g.steps_of(practice).collect();
        assert!(
            steps.len() >= STEPS_PER_PRACTICE_MIN,
            "{practice} has {} steps",
            steps.len()
        );
        assert!(steps.iter().all(|s| &s.practice == practice));
    }
    // Every step belongs to some practice, and is found by its id.
    let mut ids = HashSet::new();
    for s in g.steps.iter() {
        assert!(practices.contains(&s.practice.to_string()), "{}", s.id);
        assert!(ids.insert(&s.id), "duplicate {}", s.id);
        assert_eq!(g.step(&s.id), Some(s));
    }
    assert!(g.step("no-such-step").is_none());
    assert_eq!(g.steps_of("practices/none").count(), 0);
}

#[test]
fn seven_pictures_five_scale_words_and_the_follow_up_answers() {
    let g = checkin_guide();
    assert_eq!(CLOSENESS_PICTURES, 7);
    assert_eq!(usize::from(CLOSENESS_MAX), CLOSENESS_PICTURES);
    assert_eq!(g.closeness.pictures.len(), 7);
    assert_eq!(SCALE_POINTS, 5);
    assert_eq!(usize::from(SCALE_MAX) + 1, SCALE_POINTS);
    assert_eq!(g.scale.len(), 5);

    assert_eq!(g.picture_name(4), "4 of 7: overlapping by about half");
    assert_eq!(g.picture_name(1), "1 of 7: apart, not touching");
    assert_eq!(g.picture_name(7), "7 of 7: almost one circle");
    // Out of range: the number without words, never a panic.
    assert_eq!(g.picture_name(0), "0 of 7: ");
    assert_eq!(g.picture_name(8), "8 of 7: ");

    assert_eq!(g.scale_word(0), "None at all");
    assert_eq!(g.scale_word(SCALE_MAX), "A great deal");
    assert_eq!(g.scale_word(SCALE_MAX + 1), "");

    let answers: Vec<&str> = g.follow_up.answers.iter().map(|a| a.id.as_ref()).collect();
    assert_eq!(answers, ["tried", "partly", "not-this-week"]);
    assert_eq!(g.answer("partly").map(|a| a.id.as_ref()), Some("partly"));
    assert!(g.answer("maybe").is_none());
}

#[test]
fn a_kind_lesson_without_a_kind_is_reported() {
    let errors = errors_of(|g| {
        g.kinds.to_mut().retain(|k| k.lesson != "kinds/spiritual");
    });
    assert_one(&errors, "checkin", "\"kinds/spiritual\" has no entry");

    // Two kinds on one lesson: the second is reported, and the lesson it
    // left is too.
    let errors = errors_of(|g| g.kinds.to_mut()[1].lesson = g.kinds[0].lesson.clone());
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].problem.contains("has two kinds"), "{errors:#?}");
    assert!(errors[1].problem.contains("has no entry"), "{errors:#?}");

    let errors = errors_of(|g| g.kinds.to_mut()[0].lesson = "practices/listen".into());
    assert!(errors.iter().any(|e| e
        .problem
        .contains("is not a lesson of the \"kinds\" section")));
}

#[test]
fn a_practice_that_is_not_a_practice_lesson_is_reported() {
    let errors = errors_of(|g| {
        g.kinds.to_mut()[2]
            .practices
            .to_mut()
            .push("kinds/physical".into())
    });
    let at = format!("checkin/kinds/{}", checkin_guide().kinds[2].id);
    assert_one(
        &errors,
        &at,
        "practice \"kinds/physical\" is not a lesson of the \"practices\" section",
    );
    let errors = errors_of(|g| g.kinds.to_mut()[0].practices.to_mut().clear());
    assert_one(&errors, "checkin/kinds/physical", "maps to no practice");
    // A step under a lesson that is not a practice.
    let errors = errors_of(|g| g.steps.to_mut()[0].practice = "practices/gone".into());
    assert!(
        errors.iter().any(
            |e| e.at == format!("checkin/steps/{}", checkin_guide().steps[0].id)
                && e.problem
                    .contains("is not a lesson of the \"practices\" section")
        ),
        "{errors:#?}"
    );
}

#[test]
fn a_practice_with_two_steps_is_reported() {
    let errors = errors_of(|g| {
        let mut seen = 0;
        g.steps.to_mut().retain(|s| {
            if s.practice != "practices/trust" {
                return true;
            }
            seen += 1;
            seen <= 2
        });
    });
    assert_one(
        &errors,
        "checkin",
        "practice \"practices/trust\" has 2 small steps, needs at least 3",
    );
}

#[test]
fn a_duplicate_step_id_is_reported() {
    let errors = errors_of(|g| {
        let copy = g.steps[0].clone();
        g.steps.to_mut().push(copy);
    });
    let at = format!("checkin/steps/{}", checkin_guide().steps[0].id);
    assert_one(&errors, &at, "duplicate step id");
    let errors = errors_of(|g| g.steps.to_mut()[0].id = "Not A Slug".into());
    assert_one(&errors, "checkin/steps/Not A Slug", "lowercase letters");
    let errors = errors_of(|g| {
        let copy = g.kinds[0].clone();
        g.kinds.to_mut().push(copy);
    });
    assert!(
        errors.iter().any(|e| e.problem == "duplicate kind id"),
        "{errors:#?}"
    );
    let errors = errors_of(|g| {
        let copy = g.follow_up.answers[0].clone();
        g.follow_up.answers.to_mut().push(copy);
    });
    assert_one(&errors, "checkin/follow_up/tried", "duplicate answer id");
}

/// One fault to make in a copy of the guide.
type Breakage = Box<dyn FnOnce(&mut CheckinGuide)>;

#[test]
fn empty_text_is_reported_wherever_it_is() {
    let cases: Vec<(Breakage, &str, &str)> = vec![
        (
            Box::new(|g| g.steps.to_mut()[0].text = "  ".into()),
            "checkin/steps/share-one-feeling",
            "`text` is empty",
        ),
        (
            Box::new(|g| g.caveat = String::new().into()),
            "checkin",
            "`caveat` is empty",
        ),
        (
            Box::new(|g| g.intro.to_mut()[1] = "\n".into()),
            "checkin",
            "`intro[1]` is empty",
        ),
        (
            Box::new(|g| g.intro.to_mut().clear()),
            "checkin",
            "`intro` has no paragraphs",
        ),
        (
            Box::new(|g| g.kinds.to_mut()[0].reminder = String::new().into()),
            "checkin/kinds/physical",
            "`reminder` is empty",
        ),
        (
            Box::new(|g| g.kinds.to_mut()[0].why = " ".into()),
            "checkin/kinds/physical",
            "`why` is empty",
        ),
        (
            Box::new(|g| g.closeness.question = String::new().into()),
            "checkin/closeness",
            "`question` is empty",
        ),
        (
            Box::new(|g| g.closeness.pictures.to_mut()[3] = String::new().into()),
            "checkin/closeness",
            "`pictures[3]` is empty",
        ),
        (
            Box::new(|g| g.scale.to_mut()[2] = " ".into()),
            "checkin",
            "`scale[2]` is empty",
        ),
        (
            Box::new(|g| g.follow_up.note_label = String::new().into()),
            "checkin/follow_up",
            "`note_label` is empty",
        ),
        (
            Box::new(|g| g.follow_up.answers.to_mut()[1].reply = String::new().into()),
            "checkin/follow_up/partly",
            "`reply` is empty",
        ),
    ];
    for (break_it, at, needle) in cases {
        assert_one(&errors_of(break_it), at, needle);
    }
}

#[test]
fn the_wrong_number_of_pictures_or_scale_words_is_reported() {
    let errors = errors_of(|g| {
        g.closeness.pictures.to_mut().pop();
    });
    assert_one(
        &errors,
        "checkin/closeness",
        "needs exactly 7 picture names, has 6",
    );
    let errors = errors_of(|g| g.closeness.pictures.to_mut().push("one circle".into()));
    assert_one(&errors, "checkin/closeness", "has 8");
    let errors = errors_of(|g| {
        g.scale.to_mut().pop();
    });
    assert_one(&errors, "checkin", "`scale` needs exactly 5 words, has 4");
    let errors = errors_of(|g| g.follow_up.answers.to_mut().truncate(1));
    assert_one(&errors, "checkin/follow_up", "needs at least 2 answers");
    let errors = errors_of(|g| g.evidence.to_mut().clear());
    assert_one(&errors, "checkin", "[[evidence]]");
    let errors = errors_of(|g| g.format_version += 1);
    assert_one(&errors, "checkin", "format_version is");
}

#[test]
fn every_fault_of_a_badly_broken_guide_is_reported_at_once() {
    let errors = errors_of(|g| {
        g.kinds.to_mut().retain(|k| k.id != "emotional");
        g.closeness.pictures.to_mut().pop();
        g.steps
            .to_mut()
            .retain(|s| s.practice != "practices/listen");
        g.steps.to_mut()[0].text.to_mut().clear();
    });
    assert_eq!(errors.len(), 4, "{errors:#?}");
    // Each says where it is and what is wrong, in one line.
    for e in &errors {
        assert!(!e.to_string().contains('\n'));
        assert!(e.to_string().starts_with(&e.at));
    }
}
