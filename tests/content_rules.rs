//! The shipped content follows every rule, and the rules catch broken content.
#![cfg(not(target_arch = "wasm32"))]

use closer::content::{
    course, validate::validate, Card, ChoiceOption, Course, Lesson, Question, QuestionKind, Section,
};
use std::collections::HashSet;

#[test]
fn shipped_content_passes_every_rule() {
    let errors = validate(course());
    assert!(errors.is_empty(), "content errors: {errors:#?}");
}

#[test]
fn lesson_ids_are_unique_and_prefixed_by_their_section() {
    let mut seen = HashSet::new();
    for section in &course().sections {
        for lesson in &section.lessons {
            assert!(seen.insert(&lesson.id), "duplicate {}", lesson.id);
            assert_eq!(lesson.section_id(), section.id);
        }
    }
}

#[test]
fn the_guide_covers_the_brief() {
    // Every idea the guide must teach has its lesson (ids are stable, so
    // checking them guards against a lesson being dropped by accident).
    let required = [
        "basics/what-is-intimacy",
        "basics/more-than-sex",
        "kinds/physical",
        "kinds/spiritual",
        "kinds/shared-interests",
        "kinds/emotional",
        "kinds/experiential",
        "practices/be-open",
        "practices/lower-barriers",
        "practices/listen",
        "practices/quality-time",
        "practices/trust",
        "support/getting-support",
    ];
    for id in required {
        assert!(course().lesson(id).is_some(), "missing lesson {id}");
    }
}

#[test]
fn every_lesson_mixes_card_types() {
    for lesson in course().lessons() {
        let has = |f: fn(&Card) -> bool| lesson.cards.iter().any(f);
        assert!(
            has(|c| matches!(c, Card::Explain { .. })),
            "{}: no explanation",
            lesson.id
        );
        assert!(
            has(|c| matches!(c, Card::Scenario { .. })),
            "{}: no scenario",
            lesson.id
        );
        assert!(
            has(Card::is_interactive),
            "{}: no interactive card",
            lesson.id
        );
    }
}

#[test]
fn the_apa_definition_is_cited() {
    let cited = course().lessons().flat_map(|l| &l.cards).any(|c| {
        matches!(c, Card::Explain { source: Some(s), .. } if s.contains("APA Dictionary of Psychology"))
    });
    assert!(cited);
}

#[test]
fn no_company_or_link_appears_in_the_content() {
    let json = serde_json::to_string(course()).unwrap().to_lowercase();
    for banned in [
        "http://",
        "https://",
        "www.",
        "regain",
        "betterhelp",
        ".com",
    ] {
        assert!(!json.contains(banned), "content mentions {banned:?}");
    }
}

#[test]
fn course_navigation_helpers_follow_path_order() {
    let c = course();
    let ids: Vec<_> = c.lessons().map(|l| l.id.as_str()).collect();
    assert_eq!(c.lesson_count(), ids.len());
    for pair in ids.windows(2) {
        assert_eq!(c.next_lesson(pair[0]).map(|l| l.id.as_str()), Some(pair[1]));
    }
    assert!(c.next_lesson(ids[ids.len() - 1]).is_none());
    assert!(c.next_lesson("no/such-lesson").is_none());
}

// ---- the rules themselves, on small broken courses ----

fn option(id: &str, correct: bool) -> ChoiceOption {
    ChoiceOption {
        id: id.into(),
        label: format!("Option {id}"),
        correct,
        feedback: "Because.".into(),
    }
}

fn good_course() -> Course {
    Course {
        format_version: 1,
        title: "Closer".into(),
        tagline: "A guide".into(),
        intro: vec!["Hello".into()],
        disclaimer: "Not therapy".into(),
        questions: Vec::new(),
        sections: vec![Section {
            id: "basics".into(),
            title: "Basics".into(),
            intro: "Intro".into(),
            lessons: vec![Lesson {
                id: "basics/one".into(),
                title: "One".into(),
                summary: "Summary".into(),
                cards: vec![
                    Card::Explain {
                        id: "intro".into(),
                        title: "Intro".into(),
                        body: vec!["Text".into()],
                        source: None,
                    },
                    Card::Choice {
                        id: "pick".into(),
                        title: "Pick".into(),
                        prompt: "Which?".into(),
                        options: vec![option("a", true), option("b", false)],
                    },
                ],
            }],
        }],
    }
}

fn problems(course: &Course) -> Vec<String> {
    validate(course)
        .into_iter()
        .map(|e| e.to_string())
        .collect()
}

fn choice_options(course: &mut Course) -> &mut Vec<ChoiceOption> {
    match &mut course.sections[0].lessons[0].cards[1] {
        Card::Choice { options, .. } => options,
        _ => unreachable!(),
    }
}

#[test]
fn a_good_course_has_no_problems() {
    assert_eq!(problems(&good_course()), Vec::<String>::new());
}

#[test]
fn a_choice_needs_exactly_one_correct_option() {
    let mut c = good_course();
    choice_options(&mut c)[1].correct = true;
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("exactly one correct option, found 2")));
    let mut c = good_course();
    choice_options(&mut c)[0].correct = false;
    assert!(problems(&c).iter().any(|p| p.contains("found 0")));
}

#[test]
fn every_option_needs_feedback() {
    let mut c = good_course();
    choice_options(&mut c)[1].feedback = "  ".into();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("options/1") && p.contains("feedback")));
}

#[test]
fn duplicate_ids_are_refused() {
    let mut c = good_course();
    let card = c.sections[0].lessons[0].cards[0].clone();
    c.sections[0].lessons[0].cards.push(card);
    assert!(problems(&c).iter().any(|p| p.contains("duplicate card id")));

    let mut c = good_course();
    choice_options(&mut c)[1].id = "a".into();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("duplicate option id")));

    let mut c = good_course();
    let lesson = c.sections[0].lessons[0].clone();
    c.sections[0].lessons.push(lesson);
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("duplicate lesson id")));
}

#[test]
fn empty_text_is_refused() {
    let mut c = good_course();
    c.sections[0].lessons[0].summary = String::new();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("`summary` is empty")));
    let mut c = good_course();
    c.intro.clear();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("`intro` has no paragraphs")));
}

#[test]
fn ids_must_be_slugs_and_lessons_must_sit_in_their_section() {
    let mut c = good_course();
    c.sections[0].lessons[0].id = "other/one".into();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("must be `basics/<slug>`")));
    let mut c = good_course();
    c.sections[0].lessons[0].id = "basics/Not OK".into();
    assert!(problems(&c).iter().any(|p| p.contains("lowercase")));
}

#[test]
fn the_completion_screen_id_is_reserved() {
    let mut c = good_course();
    if let Card::Explain { id, .. } = &mut c.sections[0].lessons[0].cards[0] {
        *id = "done".into();
    }
    assert!(problems(&c).iter().any(|p| p.contains("reserved")));
}

#[test]
fn a_lesson_needs_an_interactive_card() {
    let mut c = good_course();
    c.sections[0].lessons[0].cards.truncate(1);
    assert!(problems(&c).iter().any(|p| p.contains("interactive")));
}

#[test]
fn a_wrong_format_version_is_refused() {
    let mut c = good_course();
    c.format_version = 2;
    assert!(problems(&c).iter().any(|p| p.contains("format_version")));
}

// ---- the question bank ----

#[test]
fn the_bank_has_thirty_questions_of_four_types_covering_every_lesson() {
    use closer::content::QuestionKind::*;
    let c = course();
    assert!(
        c.questions.len() >= 30,
        "only {} questions",
        c.questions.len()
    );
    for kind in [Single, Multi, Classify, TrueFalse] {
        assert!(
            c.questions.iter().any(|q| q.kind == kind),
            "no {kind:?} question"
        );
    }
    for lesson in c.lessons() {
        assert!(
            c.questions.iter().any(|q| q.lesson == lesson.id),
            "no question on {}",
            lesson.id
        );
    }
    let myths = c
        .questions
        .iter()
        .filter(|q| q.kind == TrueFalse && q.lesson == "basics/more-than-sex")
        .count();
    assert!(
        myths >= 2,
        "the central myth needs its own checks ({myths})"
    );
}

fn question(kind: QuestionKind, options: Vec<ChoiceOption>) -> Question {
    Question {
        id: "q".into(),
        kind,
        lesson: "basics/one".into(),
        prompt: "Why?".into(),
        explanation: "Because.".into(),
        options,
    }
}

fn with_question(q: Question) -> Vec<String> {
    let mut c = good_course();
    c.questions.push(q);
    problems(&c)
}

#[test]
fn a_good_question_of_each_kind_passes() {
    use QuestionKind::*;
    assert!(with_question(question(
        Single,
        vec![option("a", true), option("b", false)]
    ))
    .is_empty());
    assert!(with_question(question(
        Multi,
        vec![option("a", true), option("b", true), option("c", false)]
    ))
    .is_empty());
    assert!(with_question(question(
        Classify,
        vec![option("physical", true), option("emotional", false)]
    ))
    .is_empty());
    assert!(with_question(question(
        TrueFalse,
        vec![option("true", false), option("false", true)]
    ))
    .is_empty());
}

#[test]
fn broken_questions_are_refused() {
    use QuestionKind::*;
    let has = |p: Vec<String>, needle: &str| p.iter().any(|e| e.contains(needle));
    assert!(has(
        with_question(question(Single, vec![option("a", true), option("b", true)])),
        "exactly one correct"
    ));
    assert!(has(
        with_question(question(
            Single,
            vec![option("a", false), option("b", false)]
        )),
        "exactly one correct"
    ));
    assert!(has(
        with_question(question(
            Multi,
            vec![option("a", false), option("b", false)]
        )),
        "at least one correct"
    ));
    assert!(has(
        with_question(question(
            TrueFalse,
            vec![option("yes", true), option("no", false)]
        )),
        "`true` and `false`"
    ));
    assert!(has(
        with_question(question(
            Classify,
            vec![option("romantic", true), option("physical", false)]
        )),
        "five kinds"
    ));
    assert!(has(
        with_question(question(Single, vec![option("a", true)])),
        "2 to 6 options"
    ));

    let mut q = question(Single, vec![option("a", true), option("b", false)]);
    q.options[1].feedback = String::new();
    assert!(has(with_question(q), "feedback"));

    let mut q = question(Single, vec![option("a", true), option("b", false)]);
    q.lesson = "basics/nowhere".into();
    assert!(has(with_question(q), "does not exist"));

    let mut q = question(Single, vec![option("a", true), option("b", false)]);
    q.explanation = " ".into();
    assert!(has(with_question(q), "explanation"));

    let mut c = good_course();
    let q = question(Single, vec![option("a", true), option("b", false)]);
    c.questions.push(q.clone());
    c.questions.push(q);
    assert!(has(problems(&c), "duplicate question id"));
}
