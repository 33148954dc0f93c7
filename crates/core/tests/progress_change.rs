//! Every change a view can make, through `Progress::apply`: what each one
//! does, and each reason it may be refused, in which case progress is left
//! exactly as it was.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::{CheckIn, CheckInError, Rating, RelationshipName};
use closer_core::content::{Card, Lesson, SUPPORT_LESSON, UNSAFE_CARD};
use closer_core::progress::{Applied, Change, ChangeError, Guides, Progress, Response};
use closer_core::quiz::{right_answer, Scope, Session};
use closer_core::share::Shared;
use guide::{checkin_guide, course};
use std::collections::BTreeMap;

const T: f64 = 1_796_000_000_000.0;

fn guides() -> Guides<'static> {
    Guides {
        course: course(),
        checkin: checkin_guide(),
    }
}

/// Applies `change` at `at`; a refused change must leave progress as it was.
fn apply(p: &mut Progress, change: Change, at: f64) -> Result<Applied, ChangeError> {
    let before = p.clone();
    let result = p.apply(change, at, guides());
    if result.is_err() {
        assert_eq!(*p, before, "a refused change changes nothing");
    }
    result
}

fn valid_name(text: &str) -> RelationshipName {
    RelationshipName::parse(text).expect("a valid name")
}

/// The first card of the guide that `kind` accepts, with its lesson.
fn card_where(kind: fn(&Card) -> bool) -> (&'static Lesson, &'static Card) {
    course()
        .lessons()
        .find_map(|l| l.cards.iter().find(|c| kind(c)).map(|c| (l, c)))
        .expect("the guide has such a card")
}

fn reveal_card() -> (&'static Lesson, &'static Card) {
    card_where(|c| matches!(c, Card::Reveal { .. }))
}

fn choice_card() -> (&'static Lesson, &'static Card) {
    card_where(|c| matches!(c, Card::Choice { .. }))
}

fn reflect_card() -> (&'static Lesson, &'static Card) {
    card_where(|c| matches!(c, Card::Reflect { .. }))
}

/// Every kind of the guide rated `now`, `wished`.
fn ratings(now: u8, wished: u8) -> BTreeMap<String, Rating> {
    checkin_guide()
        .kinds
        .iter()
        .map(|k| (k.id.to_string(), Rating { now, wished }))
        .collect()
}

fn shared() -> Shared {
    let check_in = CheckIn {
        at: T,
        closeness: 4,
        kinds: ratings(2, 3),
    };
    Shared::from_check_in(&check_in, "Sam", 0).expect("a whole check-in can be shared")
}

/// Progress with relationship `r` (named "J.").
fn with_relationship() -> Progress {
    let mut p = Progress::default();
    let add = Change::AddRelationship {
        id: "r".into(),
        name: valid_name("J."),
    };
    assert_eq!(apply(&mut p, add, T), Ok(Applied::Changed));
    p
}

fn no_relationship() -> Result<Applied, ChangeError> {
    Err(ChangeError::CheckIn(CheckInError::NoRelationship))
}

#[test]
fn visiting_a_card_remembers_it_for_continue() {
    let mut p = Progress::default();
    let lesson = course().lessons().nth(1).unwrap();
    let card = lesson.cards[2].id();
    let visit = Change::VisitCard {
        lesson: lesson.id.to_string(),
        card: card.into(),
    };
    assert_eq!(apply(&mut p, visit, T), Ok(Applied::Changed));
    assert_eq!(p.lessons[&*lesson.id].card, card);
    assert_eq!(p.last_lesson.as_deref(), Some(&*lesson.id));
    assert_eq!(p.last_opened_at, T);
    assert_eq!(p.resume_card(lesson), 2);

    let unknown_lesson = Change::VisitCard {
        lesson: "gone/lesson".into(),
        card: card.into(),
    };
    assert_eq!(
        apply(&mut p, unknown_lesson, T + 1.0),
        Err(ChangeError::UnknownLesson("gone/lesson".into()))
    );
    let unknown_card = Change::VisitCard {
        lesson: lesson.id.to_string(),
        card: "no-such-card".into(),
    };
    assert_eq!(
        apply(&mut p, unknown_card, T + 1.0),
        Err(ChangeError::UnknownCard("no-such-card".into()))
    );
}

#[test]
fn visiting_the_support_lesson_leaves_no_trace() {
    // Someone who follows "If you feel unsafe" must not find it on the home
    // page later: no "Continue" into it, no "In progress".
    let lesson = course()
        .lesson(SUPPORT_LESSON)
        .expect("the guide has the support lesson");
    let mut p = Progress::default();
    apply(
        &mut p,
        Change::VisitCard {
            lesson: "basics/what-is-intimacy".into(),
            card: course().lesson("basics/what-is-intimacy").unwrap().cards[1]
                .id()
                .into(),
        },
        T,
    )
    .unwrap();
    let before = p.clone();
    for card in [UNSAFE_CARD, lesson.cards[0].id()] {
        let visit = Change::VisitCard {
            lesson: SUPPORT_LESSON.into(),
            card: card.into(),
        };
        assert_eq!(apply(&mut p, visit, T + 1.0), Ok(Applied::Unrecorded));
    }
    assert_eq!(p, before, "nothing of the visit is kept");
    assert_eq!(
        p.continue_at(course()).map(|(l, i)| (l.id.to_string(), i)),
        Some(("basics/what-is-intimacy".to_string(), 1))
    );
    // A card it does not have is still refused.
    let gone = Change::VisitCard {
        lesson: SUPPORT_LESSON.into(),
        card: "no-such-card".into(),
    };
    assert!(apply(&mut p, gone, T + 2.0).is_err());
}

#[test]
fn completing_a_lesson_marks_it_done() {
    let mut p = Progress::default();
    let lesson = course().lessons().next().unwrap();
    let complete = Change::CompleteLesson {
        lesson: lesson.id.to_string(),
    };
    assert_eq!(apply(&mut p, complete, T), Ok(Applied::Changed));
    assert!(p.is_done(&lesson.id));
    assert_eq!(p.done_count(course()), 1);
    assert_eq!(
        apply(
            &mut p,
            Change::CompleteLesson {
                lesson: "gone/lesson".into()
            },
            T
        ),
        Err(ChangeError::UnknownLesson("gone/lesson".into()))
    );
}

#[test]
fn revealing_an_answer_is_remembered_on_reveal_cards_only() {
    let mut p = Progress::default();
    let (lesson, card) = reveal_card();
    let reveal = Change::Reveal {
        lesson: lesson.id.to_string(),
        card: card.id().into(),
    };
    assert_eq!(apply(&mut p, reveal, T), Ok(Applied::Changed));
    assert_eq!(
        p.response(&lesson.id, card.id()),
        Some(&Response::Revealed { at: T })
    );

    let (lesson, card) = choice_card();
    let on_a_choice = Change::Reveal {
        lesson: lesson.id.to_string(),
        card: card.id().into(),
    };
    assert_eq!(
        apply(&mut p, on_a_choice, T),
        Err(ChangeError::WrongCard(card.id().into()))
    );
    let on_nothing = Change::Reveal {
        lesson: lesson.id.to_string(),
        card: "no-such-card".into(),
    };
    assert_eq!(
        apply(&mut p, on_nothing, T),
        Err(ChangeError::UnknownCard("no-such-card".into()))
    );
}

#[test]
fn choosing_keeps_an_option_of_the_choice_card() {
    let mut p = Progress::default();
    let (lesson, card) = choice_card();
    let Card::Choice { options, .. } = card else {
        unreachable!()
    };
    let option = options.last().unwrap().id.to_string();
    let choose = |option: &str| Change::Choose {
        lesson: lesson.id.to_string(),
        card: card.id().into(),
        option: option.into(),
    };
    assert_eq!(apply(&mut p, choose(&option), T), Ok(Applied::Changed));
    assert_eq!(
        p.response(&lesson.id, card.id()),
        Some(&Response::Chose {
            option: option.clone(),
            at: T
        })
    );
    assert_eq!(
        apply(&mut p, choose("no-such-option"), T + 1.0),
        Err(ChangeError::UnknownOption("no-such-option".into()))
    );

    let (lesson, card) = reveal_card();
    let on_a_reveal = Change::Choose {
        lesson: lesson.id.to_string(),
        card: card.id().into(),
        option,
    };
    assert_eq!(
        apply(&mut p, on_a_reveal, T),
        Err(ChangeError::WrongCard(card.id().into()))
    );
}

#[test]
fn a_note_is_kept_as_typed_and_a_blank_one_empties_it() {
    let mut p = Progress::default();
    let (lesson, card) = reflect_card();
    let write = |text: &str| Change::WriteNote {
        lesson: lesson.id.to_string(),
        card: card.id().into(),
        text: text.into(),
    };
    assert_eq!(apply(&mut p, write(" mine <b> "), T), Ok(Applied::Changed));
    assert_eq!(
        p.response(&lesson.id, card.id()),
        Some(&Response::Reflected {
            text: " mine <b> ".into(),
            at: T
        })
    );
    assert_eq!(apply(&mut p, write("  \n"), T + 1.0), Ok(Applied::Changed));
    assert_eq!(p.response(&lesson.id, card.id()), None, "emptied");

    let (lesson, card) = choice_card();
    let on_a_choice = Change::WriteNote {
        lesson: lesson.id.to_string(),
        card: card.id().into(),
        text: "note".into(),
    };
    assert_eq!(
        apply(&mut p, on_a_choice, T),
        Err(ChangeError::WrongCard(card.id().into()))
    );
}

/// The right answer to the question on screen.
fn right(p: &Progress) -> Vec<String> {
    let question = p.quiz.current_question(course()).unwrap();
    right_answer(question)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// A wrong answer to the question on screen: an option that is not right,
/// or none of the right ones for a select-all with every option right.
fn wrong(p: &Progress) -> Vec<String> {
    let question = p.quiz.current_question(course()).unwrap();
    let right = right(p);
    match question.options.iter().find(|o| !o.correct) {
        Some(o) => vec![o.id.to_string()],
        None => right[..right.len() - 1].to_vec(),
    }
}

#[test]
fn a_quiz_starts_is_answered_moves_on_and_ends() {
    let mut p = Progress::default();
    let section = course().sections[0].id.to_string();
    assert_eq!(
        apply(
            &mut p,
            Change::AnswerQuestion {
                selected: vec!["a".into()]
            },
            T
        ),
        Err(ChangeError::NoQuiz)
    );
    assert_eq!(
        apply(&mut p, Change::NextQuestion, T),
        Err(ChangeError::NoQuiz)
    );
    let start = Change::StartQuiz {
        scope: Scope::Section(section.clone()),
        seed: 7,
    };
    assert_eq!(apply(&mut p, start, T), Ok(Applied::Changed));
    let asked = p.quiz.current.as_ref().unwrap().order.len();
    assert!(asked > 1);
    assert_eq!(
        p.quiz.current.as_ref().unwrap().scope,
        Scope::Section(section)
    );

    assert_eq!(
        apply(&mut p, Change::AnswerQuestion { selected: vec![] }, T),
        Err(ChangeError::NothingSelected)
    );
    let selected = right(&p);
    assert_eq!(
        apply(&mut p, Change::AnswerQuestion { selected }, T + 1.0),
        Ok(Applied::Answered { correct: true })
    );
    let again = right(&p);
    assert_eq!(
        apply(&mut p, Change::AnswerQuestion { selected: again }, T + 2.0),
        Err(ChangeError::AlreadyAnswered),
        "a second check does not count twice"
    );
    for i in 1..asked {
        assert_eq!(
            apply(&mut p, Change::NextQuestion, T + 3.0),
            Ok(Applied::Advanced { finished: false })
        );
        let selected = wrong(&p);
        assert_eq!(
            apply(&mut p, Change::AnswerQuestion { selected }, T + 4.0),
            Ok(Applied::Answered { correct: false }),
            "question {i}"
        );
    }
    assert_eq!(
        apply(&mut p, Change::NextQuestion, T + 5.0),
        Ok(Applied::Advanced { finished: true })
    );
    assert!(p.quiz.current.is_none());
    let last = p.quiz.last.as_ref().unwrap();
    assert_eq!((last.score(), last.total()), (1, asked as u32));
    assert_eq!(last.finished, Some(T + 5.0));
}

#[test]
fn a_quiz_without_questions_does_not_start() {
    let mut p = Progress::default();
    // Nothing was answered wrong, and nothing is due yet.
    for scope in [
        Scope::Mistakes,
        Scope::Due,
        Scope::Section("nowhere".into()),
    ] {
        assert_eq!(
            apply(&mut p, Change::StartQuiz { scope, seed: 1 }, T),
            Err(ChangeError::EmptyQuiz)
        );
    }
}

#[test]
fn the_last_quiz_is_retried_in_another_order() {
    let mut p = Progress::default();
    assert_eq!(
        apply(&mut p, Change::RetryQuiz { seed: 2 }, T),
        Err(ChangeError::NothingToRetry)
    );
    let scope = Scope::Section(course().sections[0].id.to_string());
    apply(
        &mut p,
        Change::StartQuiz {
            scope: scope.clone(),
            seed: 3,
        },
        T,
    )
    .unwrap();
    while p.quiz.current.is_some() {
        let selected = right(&p);
        apply(&mut p, Change::AnswerQuestion { selected }, T).unwrap();
        apply(&mut p, Change::NextQuestion, T).unwrap();
    }
    let last = p.quiz.last.clone().unwrap();
    assert_eq!(
        apply(&mut p, Change::RetryQuiz { seed: 3 }, T + 1.0),
        Ok(Applied::Changed)
    );
    let again = p.quiz.current.as_ref().unwrap();
    assert_eq!(again.scope, scope);
    assert_eq!(again.started, T + 1.0);
    assert_ne!(again.order, last.order, "the same seed, yet another order");
    assert_eq!(p.quiz.last, Some(last), "the results stay");
}

#[test]
fn a_question_no_longer_in_the_bank_cannot_be_answered() {
    let mut p = Progress::default();
    p.quiz.current = Some(Session {
        started: T,
        scope: Scope::All,
        seed: 1,
        order: vec!["a-question-since-removed".into()],
        index: 0,
        answers: BTreeMap::new(),
        finished: None,
    });
    assert_eq!(
        apply(
            &mut p,
            Change::AnswerQuestion {
                selected: vec!["a".into()]
            },
            T
        ),
        Err(ChangeError::QuestionGone)
    );
    // It can still be skipped.
    assert_eq!(
        apply(&mut p, Change::NextQuestion, T),
        Ok(Applied::Advanced { finished: true })
    );
}

#[test]
fn a_relationship_is_added_renamed_and_deleted() {
    let mut p = with_relationship();
    let r = &p.checkins.relationships["r"];
    assert_eq!((r.name.as_str(), r.added, r.named_at), ("J.", T, T));

    let rename = |id: &str| Change::RenameRelationship {
        id: id.into(),
        name: valid_name("  Jo "),
    };
    assert_eq!(apply(&mut p, rename("r"), T + 1.0), Ok(Applied::Changed));
    let r = &p.checkins.relationships["r"];
    assert_eq!((r.name.as_str(), r.named_at), ("Jo", T + 1.0));
    assert_eq!(apply(&mut p, rename("nobody"), T + 2.0), no_relationship());

    let delete = Change::DeleteRelationship { id: "r".into() };
    assert_eq!(apply(&mut p, delete, T + 3.0), Ok(Applied::Changed));
    assert!(p.checkins.relationships.is_empty());
    assert_eq!(p.checkins.deleted.get("r"), Some(&(T + 3.0)));
    assert_eq!(apply(&mut p, rename("r"), T + 4.0), no_relationship());

    // A deleted id stays deleted: adding it again is refused.
    let add_again = Change::AddRelationship {
        id: "r".into(),
        name: valid_name("K."),
    };
    assert_eq!(apply(&mut p, add_again, T + 5.0), Err(ChangeError::Deleted));
}

#[test]
fn a_check_in_is_kept_when_whole_with_the_time_it_was_made() {
    let mut p = with_relationship();
    let record = |relationship: &str, closeness: u8, kinds| Change::RecordCheckIn {
        relationship: relationship.into(),
        id: "c".into(),
        closeness,
        kinds,
    };
    assert_eq!(
        apply(&mut p, record("r", 3, ratings(1, 2)), T + 1.0),
        Ok(Applied::Changed)
    );
    let kept = p.checkins.get("r", "c").unwrap();
    assert_eq!((kept.at, kept.closeness), (T + 1.0, 3));
    assert_eq!(kept.kinds, ratings(1, 2));

    assert_eq!(
        apply(&mut p, record("nobody", 3, ratings(1, 2)), T),
        no_relationship()
    );
    assert_eq!(
        apply(&mut p, record("r", 0, ratings(1, 2)), T),
        Err(ChangeError::CheckIn(CheckInError::NoCloseness))
    );
    let mut missing = ratings(1, 2);
    let first = checkin_guide().kinds[0].clone();
    missing.remove(&*first.id);
    assert_eq!(
        apply(&mut p, record("r", 3, missing), T),
        Err(ChangeError::CheckIn(CheckInError::Unrated(
            first.name.to_string()
        )))
    );
}

#[test]
fn a_step_is_chosen_dropped_and_looked_back_on() {
    let mut p = with_relationship();
    let choose = |relationship: &str, plan: &str| Change::ChooseStep {
        relationship: relationship.into(),
        plan: plan.into(),
        step: "phones-away".into(),
    };
    let drop = |relationship: &str| Change::DropStep {
        relationship: relationship.into(),
    };
    assert_eq!(apply(&mut p, drop("r"), T), Err(ChangeError::NoStep));
    assert_eq!(apply(&mut p, choose("r", "p1"), T), Ok(Applied::Changed));
    assert_eq!(p.checkins.current_step("r").map(|(id, _)| id), Some("p1"));
    assert_eq!(apply(&mut p, choose("nobody", "p2"), T), no_relationship());

    assert_eq!(apply(&mut p, drop("r"), T + 1.0), Ok(Applied::Changed));
    assert!(p.checkins.current_step("r").is_none());
    assert_eq!(p.checkins.steps["r"]["p1"].ended_at, Some(T + 1.0));
    assert_eq!(apply(&mut p, drop("r"), T + 2.0), Err(ChangeError::NoStep));
    assert_eq!(apply(&mut p, drop("nobody"), T), no_relationship());

    // Chosen again, and a week on, looked back on.
    apply(&mut p, choose("r", "p3"), T + 3.0).unwrap();
    let follow_up = |plan: &str, answer: &str| Change::FollowUp {
        relationship: "r".into(),
        plan: plan.into(),
        answer: answer.into(),
        note: "  it helped \n".into(),
    };
    assert_eq!(
        apply(&mut p, follow_up("p3", "tried"), T + 8.0),
        Ok(Applied::Changed)
    );
    let review = p.checkins.steps["r"]["p3"].review.clone().unwrap();
    assert_eq!(
        (review.answer.as_str(), review.note.as_str(), review.at),
        ("tried", "it helped", T + 8.0)
    );
    assert_eq!(
        apply(&mut p, follow_up("no-such-plan", "tried"), T),
        Err(ChangeError::NoStep)
    );
    assert_eq!(
        apply(&mut p, follow_up("p3", "no-such-answer"), T),
        Err(ChangeError::UnknownAnswer("no-such-answer".into()))
    );
    let elsewhere = Change::FollowUp {
        relationship: "nobody".into(),
        plan: "p3".into(),
        answer: "tried".into(),
        note: String::new(),
    };
    assert_eq!(apply(&mut p, elsewhere, T), no_relationship());
}

#[test]
fn shared_answers_are_kept_with_a_relationship_and_deleted() {
    let mut p = with_relationship();
    let keep = |relationship: &str| Change::KeepReceived {
        relationship: relationship.into(),
        id: "k".into(),
        shared: shared(),
    };
    assert_eq!(apply(&mut p, keep("nobody"), T), no_relationship());
    assert_eq!(apply(&mut p, keep("r"), T + 1.0), Ok(Applied::Changed));
    let kept = p.checkins.get_received("r", "k").unwrap();
    assert_eq!((kept.kept_at, &kept.shared), (T + 1.0, &shared()));

    let delete = Change::DeleteReceived { id: "k".into() };
    assert_eq!(apply(&mut p, delete, T + 2.0), Ok(Applied::Changed));
    assert!(p.checkins.get_received("r", "k").is_none());
    assert_eq!(p.checkins.received_deleted.get("k"), Some(&(T + 2.0)));
    // Deleted answers stay deleted: keeping them under that id is refused.
    assert_eq!(apply(&mut p, keep("r"), T + 3.0), Err(ChangeError::Deleted));
}

/// One change of each kind, in an order in which each can be made (the
/// match lists every kind, so a new one must be added here).
fn one_of_each(p: &Progress) -> Vec<Change> {
    let (reveal_lesson, reveal) = reveal_card();
    let (choice_lesson, choice) = choice_card();
    let (note_lesson, note) = reflect_card();
    let Card::Choice { options, .. } = choice else {
        unreachable!()
    };
    let changes = vec![
        Change::VisitCard {
            lesson: reveal_lesson.id.to_string(),
            card: reveal.id().into(),
        },
        Change::CompleteLesson {
            lesson: reveal_lesson.id.to_string(),
        },
        Change::Reveal {
            lesson: reveal_lesson.id.to_string(),
            card: reveal.id().into(),
        },
        Change::Choose {
            lesson: choice_lesson.id.to_string(),
            card: choice.id().into(),
            option: options[0].id.to_string(),
        },
        Change::WriteNote {
            lesson: note_lesson.id.to_string(),
            card: note.id().into(),
            text: "note".into(),
        },
        Change::StartQuiz {
            scope: Scope::All,
            seed: 1,
        },
        Change::AnswerQuestion {
            selected: vec!["whatever".into()],
        },
        Change::NextQuestion,
        Change::RetryQuiz { seed: 2 },
        Change::AddRelationship {
            id: "s".into(),
            name: valid_name("Sam"),
        },
        Change::RenameRelationship {
            id: "s".into(),
            name: valid_name("Sammy"),
        },
        Change::RecordCheckIn {
            relationship: "s".into(),
            id: "c".into(),
            closeness: 5,
            kinds: ratings(3, 3),
        },
        Change::ChooseStep {
            relationship: "s".into(),
            plan: "p".into(),
            step: "fixed-time".into(),
        },
        Change::FollowUp {
            relationship: "s".into(),
            plan: "p".into(),
            answer: "partly".into(),
            note: String::new(),
        },
        Change::ChooseStep {
            relationship: "s".into(),
            plan: "p2".into(),
            step: "fixed-time".into(),
        },
        Change::DropStep {
            relationship: "s".into(),
        },
        Change::KeepReceived {
            relationship: "s".into(),
            id: "k".into(),
            shared: shared(),
        },
        Change::DeleteReceived { id: "k".into() },
        Change::DeleteRelationship { id: "s".into() },
        Change::Favourite {
            question: "light-treat".into(),
            on: true,
        },
    ];
    for change in &changes {
        match change {
            Change::VisitCard { .. }
            | Change::CompleteLesson { .. }
            | Change::Reveal { .. }
            | Change::Choose { .. }
            | Change::WriteNote { .. }
            | Change::StartQuiz { .. }
            | Change::RetryQuiz { .. }
            | Change::AnswerQuestion { .. }
            | Change::NextQuestion
            | Change::AddRelationship { .. }
            | Change::RenameRelationship { .. }
            | Change::DeleteRelationship { .. }
            | Change::RecordCheckIn { .. }
            | Change::ChooseStep { .. }
            | Change::DropStep { .. }
            | Change::FollowUp { .. }
            | Change::KeepReceived { .. }
            | Change::DeleteReceived { .. }
            | Change::Favourite { .. } => {}
        }
    }
    assert!(
        p.quiz.last.is_none(),
        "starts from a progress without a quiz"
    );
    changes
}

#[test]
fn every_kind_of_change_applies_to_progress_that_allows_it() {
    let mut p = Progress::default();
    // A one-question quiz, so that "next" ends it and "retry" has a last one.
    let first = course().questions[0].id.to_string();
    for change in one_of_each(&p) {
        let change = match change {
            Change::StartQuiz { .. } => {
                p.quiz.current = Some(Session {
                    started: T,
                    scope: Scope::All,
                    seed: 1,
                    order: vec![first.clone()],
                    index: 0,
                    answers: BTreeMap::new(),
                    finished: None,
                });
                continue;
            }
            other => other,
        };
        let kind = format!("{change:?}");
        assert!(apply(&mut p, change, T).is_ok(), "{kind}");
    }
    // And the plain start works too.
    let start = Change::StartQuiz {
        scope: Scope::All,
        seed: 1,
    };
    assert_eq!(apply(&mut p, start, T), Ok(Applied::Changed));
}

#[test]
fn every_refusal_is_said_in_a_sentence() {
    let errors = [
        ChangeError::UnknownLesson("x".into()),
        ChangeError::UnknownCard("x".into()),
        ChangeError::WrongCard("x".into()),
        ChangeError::UnknownOption("x".into()),
        ChangeError::EmptyQuiz,
        ChangeError::NothingToRetry,
        ChangeError::NoQuiz,
        ChangeError::QuestionGone,
        ChangeError::AlreadyAnswered,
        ChangeError::NothingSelected,
        ChangeError::CheckIn(CheckInError::NoRelationship),
        ChangeError::Deleted,
        ChangeError::NoStep,
        ChangeError::UnknownAnswer("x".into()),
    ];
    for e in errors {
        let said = e.to_string();
        assert!(
            said.starts_with(char::is_uppercase) && said.ends_with('.'),
            "{e:?}: {said}"
        );
        assert!(!said.contains("x."), "no ids in words: {said}");
    }
}

#[test]
fn a_favourite_is_kept_and_a_later_unmark_wins_over_an_older_mark() {
    let mut p = Progress::default();
    let fav = |on| Change::Favourite {
        question: "light-treat".into(),
        on,
    };
    p.apply(fav(true), T, guides()).unwrap();
    assert!(p.talk.is_favourite("light-treat"));
    p.apply(fav(false), T + 1.0, guides()).unwrap();
    assert!(!p.talk.is_favourite("light-treat"));
    // Another tab marked it earlier: the later un-mark stands after a merge.
    let mut other = Progress::default();
    other.apply(fav(true), T - 5.0, guides()).unwrap();
    assert!(!p.merge(&other, course()).talk.is_favourite("light-treat"));
    assert!(!other.merge(&p, course()).talk.is_favourite("light-treat"));
}

#[test]
fn a_favourite_that_is_not_a_question_id_is_refused_and_nothing_changes() {
    for bad in ["", "Light Treat", "<b>x</b>", &"a".repeat(65)] {
        let mut p = Progress::default();
        let before = p.clone();
        let change = Change::Favourite {
            question: bad.to_string(),
            on: true,
        };
        assert!(matches!(
            p.apply(change, T, guides()),
            Err(ChangeError::UnknownQuestion(_))
        ));
        assert_eq!(p, before);
    }
}

#[test]
fn a_second_relationship_with_the_same_name_is_refused() {
    // "J." is there; " j. " would be a second entry nobody could tell apart.
    let mut p = with_relationship();
    let twin = Change::AddRelationship {
        id: "r2".into(),
        name: valid_name(" j. "),
    };
    assert_eq!(
        apply(&mut p, twin, T + 1.0),
        Err(ChangeError::CheckIn(CheckInError::NameTaken("J.".into())))
    );
    assert_eq!(p.checkins.relationships.len(), 1);
    let message = ChangeError::CheckIn(CheckInError::NameTaken("J.".into())).to_string();
    assert!(
        message.contains("“J.” is already in your list"),
        "{message}"
    );
    // A word that tells them apart is enough.
    let other = Change::AddRelationship {
        id: "r2".into(),
        name: valid_name("J. from work"),
    };
    assert_eq!(apply(&mut p, other, T + 2.0), Ok(Applied::Changed));
    // Renaming one to the other's name is refused; to its own name in
    // other capitals is not.
    let clash = Change::RenameRelationship {
        id: "r2".into(),
        name: valid_name("j."),
    };
    assert_eq!(
        apply(&mut p, clash, T + 3.0),
        Err(ChangeError::CheckIn(CheckInError::NameTaken("J.".into())))
    );
    let recase = Change::RenameRelationship {
        id: "r".into(),
        name: valid_name("j."),
    };
    assert_eq!(apply(&mut p, recase, T + 4.0), Ok(Applied::Changed));
}
