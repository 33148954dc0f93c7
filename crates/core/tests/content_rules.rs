//! The shipped content follows every rule, and the rules catch broken content.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::content::{
    validate::validate, Card, ChoiceOption, Course, EvidenceKind, Lesson, Question, QuestionKind,
    Section, SUPPORT_LESSON, UNSAFE_CARD,
};
use guide::{course, course_with_names};
use std::collections::HashSet;

#[test]
fn shipped_content_passes_every_rule() {
    let errors = validate(&course_with_names());
    assert!(errors.is_empty(), "content errors: {errors:#?}");
}

#[test]
fn the_names_list_is_checked_but_not_shipped() {
    assert!(course().people.is_empty() && course().not_names.is_empty());
    let c = course_with_names();
    assert!(c.people.len() > 20, "only {} people", c.people.len());
    assert!(c
        .people
        .iter()
        .any(|p| p.name == "Hana" && p.place == "practices/trust"));
    // Without the list, the stories' names have nowhere to belong.
    assert!(validate(course())
        .iter()
        .any(|e| e.problem.contains("looks like a name")));
}

#[test]
fn lesson_ids_are_unique_and_prefixed_by_their_section() {
    let mut seen = HashSet::new();
    for section in course().sections.iter() {
        for lesson in section.lessons.iter() {
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
        SUPPORT_LESSON,
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
    let cited = course().lessons().flat_map(|l| l.cards.iter()).any(|c| {
        matches!(c, Card::Explain { evidence, .. }
            if evidence.iter().any(|e| e.kind == EvidenceKind::Reference && e.source.contains("APA Dictionary of Psychology")))
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
    let ids: Vec<_> = c.lessons().map(|l| l.id.as_ref()).collect();
    assert_eq!(c.lesson_count(), ids.len());
    for pair in ids.windows(2) {
        assert_eq!(c.next_lesson(pair[0]).map(|l| l.id.as_ref()), Some(pair[1]));
    }
    assert!(c.next_lesson(ids[ids.len() - 1]).is_none());
    assert!(c.next_lesson("no/such-lesson").is_none());
}

// ---- the rules themselves, on small broken courses ----

fn option(id: &str, correct: bool) -> ChoiceOption {
    ChoiceOption {
        id: id.to_owned().into(),
        label: format!("Option {id}").into(),
        correct,
        feedback: "Because.".into(),
    }
}

fn good_course() -> Course {
    Course {
        format_version: 1,
        title: "Closer".into(),
        tagline: "A guide".into(),
        intro: vec!["Hello".into()].into(),
        disclaimer: "Not therapy".into(),
        questions: Vec::new().into(),
        people: Vec::new().into(),
        not_names: Vec::new().into(),
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
                        body: vec!["Text".into()].into(),
                        evidence: Vec::new().into(),
                        link: None,
                    },
                    Card::Choice {
                        id: "pick".into(),
                        title: "Pick".into(),
                        prompt: "Which?".into(),
                        options: vec![option("a", true), option("b", false)].into(),
                    },
                ]
                .into(),
            }]
            .into(),
        }]
        .into(),
    }
}

fn problems(course: &Course) -> Vec<String> {
    validate(course)
        .into_iter()
        .map(|e| e.to_string())
        .collect()
}

fn choice_options(course: &mut Course) -> &mut Vec<ChoiceOption> {
    match &mut course.sections.to_mut()[0].lessons.to_mut()[0]
        .cards
        .to_mut()[1]
    {
        Card::Choice { options, .. } => options.to_mut(),
        _ => unreachable!(),
    }
}

#[test]
fn a_good_course_has_no_problems() {
    assert_eq!(problems(&good_course()), Vec::<String>::new());
}

fn with_body(body: &[&str]) -> Vec<String> {
    let mut c = good_course();
    if let Card::Explain { body: b, .. } =
        &mut c.sections.to_mut()[0].lessons.to_mut()[0].cards.to_mut()[0]
    {
        *b = body
            .iter()
            .map(|t| t.to_string().into())
            .collect::<Vec<_>>()
            .into();
    }
    problems(&c)
}

#[test]
fn a_list_follows_a_lead_in_and_has_words() {
    assert_eq!(
        with_body(&["Signs include:", "- one", "- two", "After."]),
        Vec::<String>::new()
    );
    assert!(with_body(&["- one", "- two"])
        .iter()
        .any(|p| p.contains("needs a lead-in")));
    assert!(with_body(&["Signs:", "-  "])
        .iter()
        .any(|p| p.contains("(list item)` is empty")));
    assert_eq!(
        closer_core::content::list_item("- being rushed"),
        Some("being rushed")
    );
    assert_eq!(closer_core::content::list_item("-not a list"), None);
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
    c.sections.to_mut()[0].lessons.to_mut()[0]
        .cards
        .to_mut()
        .push(card);
    assert!(problems(&c).iter().any(|p| p.contains("duplicate card id")));

    let mut c = good_course();
    choice_options(&mut c)[1].id = "a".into();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("duplicate option id")));

    let mut c = good_course();
    let lesson = c.sections[0].lessons[0].clone();
    c.sections.to_mut()[0].lessons.to_mut().push(lesson);
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("duplicate lesson id")));
}

#[test]
fn empty_text_is_refused() {
    let mut c = good_course();
    c.sections.to_mut()[0].lessons.to_mut()[0].summary = String::new().into();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("`summary` is empty")));
    let mut c = good_course();
    c.intro.to_mut().clear();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("`intro` has no paragraphs")));
}

#[test]
fn ids_must_be_slugs_and_lessons_must_sit_in_their_section() {
    let mut c = good_course();
    c.sections.to_mut()[0].lessons.to_mut()[0].id = "other/one".into();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("must be `basics/<slug>`")));
    let mut c = good_course();
    c.sections.to_mut()[0].lessons.to_mut()[0].id = "basics/Not OK".into();
    assert!(problems(&c).iter().any(|p| p.contains("lowercase")));
}

#[test]
fn the_completion_screen_id_is_reserved() {
    let mut c = good_course();
    if let Card::Explain { id, .. } =
        &mut c.sections.to_mut()[0].lessons.to_mut()[0].cards.to_mut()[0]
    {
        *id = "done".into();
    }
    assert!(problems(&c).iter().any(|p| p.contains("reserved")));
}

#[test]
fn a_lesson_needs_an_interactive_card() {
    let mut c = good_course();
    c.sections.to_mut()[0].lessons.to_mut()[0]
        .cards
        .to_mut()
        .truncate(1);
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
    use closer_core::content::QuestionKind::*;
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
        options: options.into(),
        evidence: Vec::new().into(),
    }
}

fn with_question(q: Question) -> Vec<String> {
    let mut c = good_course();
    c.questions.to_mut().push(q);
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
    q.options.to_mut()[1].feedback = String::new().into();
    assert!(has(with_question(q), "feedback"));

    let mut q = question(Single, vec![option("a", true), option("b", false)]);
    q.lesson = "basics/nowhere".into();
    assert!(has(with_question(q), "does not exist"));

    let mut q = question(Single, vec![option("a", true), option("b", false)]);
    q.explanation = " ".into();
    assert!(has(with_question(q), "explanation"));

    let mut c = good_course();
    let q = question(Single, vec![option("a", true), option("b", false)]);
    c.questions.to_mut().push(q.clone());
    c.questions.to_mut().push(q);
    assert!(has(problems(&c), "duplicate question id"));
}

// ---- evidence, links and names ----

fn evidence() -> closer_core::content::Evidence {
    closer_core::content::Evidence {
        kind: EvidenceKind::DiaryStudy,
        cite: "Someone et al., 2000".into(),
        source: "Someone, A. (2000). A title. A Journal, 1(1), 1-2.".into(),
        shows: "What it shows, and what it does not.".into(),
    }
}

#[test]
fn a_claim_about_research_needs_evidence() {
    let mut c = good_course();
    if let Card::Explain { body, .. } =
        &mut c.sections.to_mut()[0].lessons.to_mut()[0].cards.to_mut()[0]
    {
        body.to_mut()
            .push("A study by Laurenceau found this.".into());
    }
    let p = problems(&c);
    assert!(
        p.iter().any(|e| e.contains("basics/one#intro")
            && e.contains("without evidence")
            && e.contains("`[[cards.evidence]]`")),
        "{p:?}"
    );
    // With evidence, the same card passes.
    if let Card::Explain { evidence: e, .. } =
        &mut c.sections.to_mut()[0].lessons.to_mut()[0].cards.to_mut()[0]
    {
        e.to_mut().push(evidence());
    }
    assert_eq!(problems(&c), Vec::<String>::new());

    // A quiz question that names researchers needs it too, and every
    // broken rule is reported at once.
    let mut q = question(Single, vec![option("a", true), option("b", false)]);
    q.prompt = "What did Sternberg propose?".into();
    let mut q2 = q.clone();
    q2.id = "q2".into();
    q2.options.to_mut()[1].feedback = "Researchers disagree.".into();
    q2.prompt = "Which?".into();
    let mut c = good_course();
    c.questions.to_mut().push(q);
    c.questions.to_mut().push(q2);
    let p = problems(&c);
    assert!(
        p.iter()
            .any(|e| e.starts_with("quiz/q:") && e.contains("`[[questions.evidence]]`")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|e| e.starts_with("quiz/q2:") && e.contains("evidence")),
        "{p:?}"
    );
    use QuestionKind::Single;

    // Evidence needs every field.
    let mut c = good_course();
    let mut e = evidence();
    e.shows = " ".into();
    if let Card::Explain { evidence: ev, .. } =
        &mut c.sections.to_mut()[0].lessons.to_mut()[0].cards.to_mut()[0]
    {
        ev.to_mut().push(e);
    }
    assert!(problems(&c).iter().any(|p| p.contains("`shows` is empty")));
}

#[test]
fn a_choice_card_cannot_carry_a_research_claim() {
    let mut c = good_course();
    choice_options(&mut c)[0].feedback = "Research says so.".into();
    assert!(problems(&c)
        .iter()
        .any(|p| p.contains("basics/one#pick") && p.contains("move the claim")));
}

#[test]
fn card_links_must_point_at_a_card() {
    use closer_core::content::CardLink;
    let mut c = good_course();
    if let Card::Explain { link, .. } =
        &mut c.sections.to_mut()[0].lessons.to_mut()[0].cards.to_mut()[0]
    {
        *link = Some(CardLink {
            lesson: "basics/one".into(),
            card: "pick".into(),
            label: "Go".into(),
        });
    }
    assert_eq!(problems(&c), Vec::<String>::new());
    for (lesson, card, needle) in [
        ("basics/none", "pick", "does not exist"),
        ("basics/one", "nope", "no such card"),
    ] {
        if let Card::Explain { link, .. } =
            &mut c.sections.to_mut()[0].lessons.to_mut()[0].cards.to_mut()[0]
        {
            *link = Some(CardLink {
                lesson: lesson.into(),
                card: card.into(),
                label: "Go".into(),
            });
        }
        assert!(problems(&c).iter().any(|p| p.contains(needle)), "{needle}");
    }
}

#[test]
fn one_name_is_one_person_in_one_place() {
    use closer_core::content::Person;
    let person = |name: &str, place: &str| Person {
        name: name.to_owned().into(),
        place: place.to_owned().into(),
        who: "someone".into(),
    };
    // An unlisted name in a story is refused.
    let mut c = good_course();
    if let Card::Choice { prompt, .. } =
        &mut c.sections.to_mut()[0].lessons.to_mut()[0].cards.to_mut()[1]
    {
        *prompt = "What should Nadia do on Sunday?".into();
    }
    let p = problems(&c);
    assert!(
        p.iter().any(|e| e.contains("\"Nadia\" looks like a name")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|e| e.contains("\"Sunday\" looks like a name")),
        "{p:?}"
    );
    // Listed, and with the weekday marked as not a name, it passes.
    c.people.to_mut().push(person("Nadia", "basics/one"));
    c.not_names.to_mut().push("Sunday".into());
    assert_eq!(problems(&c), Vec::<String>::new());
    // The same name in a quiz question is someone else: refused.
    let mut q = question(
        QuestionKind::Single,
        vec![option("a", true), option("b", false)],
    );
    q.prompt = "Why does Nadia call her brother?".into();
    c.questions.to_mut().push(q);
    let p = problems(&c);
    assert!(
        p.iter()
            .any(|e| e.starts_with("quiz/q:")
                && e.contains("already belongs to someone in basics/one")),
        "{p:?}"
    );
    // A name listed twice, or listed and never used, is refused.
    let mut c = good_course();
    c.people.to_mut().push(person("Nadia", "basics/one"));
    c.people.to_mut().push(person("Nadia", "basics/one"));
    let p = problems(&c);
    assert!(p.iter().any(|e| e.contains("listed twice")), "{p:?}");
    assert!(p.iter().any(|e| e.contains("appears nowhere")), "{p:?}");
}

#[test]
fn the_safety_cards_link_to_the_support_lessons_part_on_feeling_unsafe() {
    for lesson in ["practices/lower-barriers", "practices/trust"] {
        let l = course().lesson(lesson).unwrap();
        let linked = l.cards.iter().any(|c| {
            matches!(c, Card::Explain { link: Some(link), .. }
                if link.lesson == SUPPORT_LESSON && link.card == UNSAFE_CARD)
        });
        assert!(
            linked,
            "{lesson} has no card linking to the part on feeling unsafe"
        );
    }
    let support = course().lesson(SUPPORT_LESSON).unwrap();
    let text = serde_json::to_string(&support.cards[support.card_index(UNSAFE_CARD).unwrap()])
        .unwrap()
        .to_lowercase();
    for needle in [
        "emergency services",
        "crisis line",
        "domestic-abuse helpline",
    ] {
        assert!(
            text.contains(needle),
            "the unsafe card does not name {needle}"
        );
    }
    assert!(course().questions.iter().any(|q| q.id == "feeling-unsafe"));
}

#[test]
fn every_evidence_label_reads_kind_then_citation() {
    for lesson in course().lessons() {
        for card in lesson.cards.iter() {
            if let Card::Explain { evidence, .. } = card {
                for e in evidence.iter() {
                    assert!(e.label().contains(" · "), "{}", e.label());
                }
            }
        }
    }
    let frameworks = course()
        .lessons()
        .filter(|l| l.section_id() == "kinds")
        .filter(|l| {
            l.cards.iter().any(|c| {
                matches!(c, Card::Explain { evidence, .. }
                    if evidence.iter().any(|e| e.kind == EvidenceKind::PopularFramework))
            })
        })
        .count();
    assert_eq!(
        frameworks, 5,
        "each of the five kinds is labelled a popular framework"
    );
}

#[test]
fn research_citations_share_one_format() {
    // "Authors, year" on the label, "(year)." in the full source, for every
    // kind that is a piece of research (the dictionary and the popular
    // grouping have no single year or author).
    let mut all = Vec::new();
    for lesson in course().lessons() {
        for card in lesson.cards.iter() {
            if let Card::Explain { evidence, .. } = card {
                all.extend(evidence.iter());
            }
        }
    }
    all.extend(course().questions.iter().flat_map(|q| q.evidence.iter()));
    assert!(!all.is_empty());
    for e in all {
        if matches!(
            e.kind,
            EvidenceKind::Reference | EvidenceKind::PopularFramework
        ) {
            continue;
        }
        let (authors, year) = e.cite.rsplit_once(", ").expect("cite is `Authors, year`");
        assert!(!authors.is_empty(), "{}", e.cite);
        assert!(
            year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            e.cite
        );
        assert!(
            e.source.contains(&format!("({year})")),
            "{} is not in {}",
            year,
            e.source
        );
    }
}
