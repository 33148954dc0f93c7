//! The quiz engine: scoring, shuffles, sessions, the Leitner queue, mastery.
#![cfg(not(target_arch = "wasm32"))]

use closer_core::content::{Card, ChoiceOption, Course, Lesson, Question, QuestionKind, Section};
use closer_core::quiz::{
    box_interval, is_correct, questions_in, right_answer, shuffled_options, Mastery,
    QuestionRecord, QuizProgress, Scope, Session, MASTERED_BOX, TOP_BOX,
};
use proptest::prelude::*;
use std::collections::BTreeSet;

const DAY: f64 = 86_400_000.0;
const T0: f64 = 1_700_000_000_000.0;

fn opt(id: &str, correct: bool) -> ChoiceOption {
    ChoiceOption {
        id: id.to_owned().into(),
        label: id.to_uppercase().into(),
        correct,
        feedback: format!("because {id}").into(),
    }
}

fn question(id: &str, kind: QuestionKind, lesson: &str, options: Vec<ChoiceOption>) -> Question {
    Question {
        id: id.to_owned().into(),
        kind,
        lesson: lesson.to_owned().into(),
        prompt: format!("{id}?").into(),
        explanation: "why".into(),
        options: options.into(),
        evidence: Vec::new().into(),
    }
}

fn lesson(id: &str) -> Lesson {
    Lesson {
        id: id.to_owned().into(),
        title: id.to_owned().into(),
        summary: "s".into(),
        cards: vec![Card::Reflect {
            id: "r".into(),
            title: "r".into(),
            prompt: "p".into(),
            hint: "h".into(),
        }]
        .into(),
    }
}

/// Two topics: `a` with `n` single questions, `b` with one of each other kind.
fn course(n: usize) -> Course {
    let mut questions: Vec<Question> = (0..n)
        .map(|i| {
            question(
                &format!("a{i}"),
                QuestionKind::Single,
                "a/one",
                vec![
                    opt("x", true),
                    opt("y", false),
                    opt("z", false),
                    opt("w", false),
                ],
            )
        })
        .collect();
    questions.push(question(
        "multi",
        QuestionKind::Multi,
        "b/two",
        vec![
            opt("p", true),
            opt("q", true),
            opt("r", false),
            opt("s", false),
        ],
    ));
    questions.push(question(
        "kind",
        QuestionKind::Classify,
        "b/two",
        vec![
            opt("physical", false),
            opt("spiritual", true),
            opt("emotional", false),
        ],
    ));
    questions.push(question(
        "myth",
        QuestionKind::TrueFalse,
        "b/two",
        vec![opt("false", true), opt("true", false)],
    ));
    Course {
        format_version: 1,
        title: "t".into(),
        tagline: "t".into(),
        intro: vec!["i".into()].into(),
        disclaimer: "d".into(),
        sections: vec![
            Section {
                id: "a".into(),
                title: "A".into(),
                intro: "i".into(),
                lessons: vec![lesson("a/one")].into(),
            },
            Section {
                id: "b".into(),
                title: "B".into(),
                intro: "i".into(),
                lessons: vec![lesson("b/two")].into(),
            },
        ]
        .into(),
        questions: questions.into(),
        people: Vec::new().into(),
        not_names: Vec::new().into(),
    }
}

fn sel(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn q<'c>(c: &'c Course, id: &str) -> &'c Question {
    c.questions.iter().find(|q| q.id == id).unwrap()
}

// ---- scoring ----

#[test]
fn single_choice_scores_only_the_correct_option() {
    let c = course(1);
    let single = q(&c, "a0");
    assert!(is_correct(single, &sel(&["x"])));
    assert!(!is_correct(single, &sel(&["y"])));
    assert!(!is_correct(single, &sel(&[])));
    assert!(
        !is_correct(single, &sel(&["x", "y"])),
        "two picks are never a single answer"
    );
}

#[test]
fn select_all_needs_exactly_the_correct_set() {
    let c = course(1);
    let multi = q(&c, "multi");
    assert!(is_correct(multi, &sel(&["p", "q"])));
    assert!(
        is_correct(multi, &sel(&["q", "p"])),
        "order does not matter"
    );
    assert!(!is_correct(multi, &sel(&["p"])), "missing one");
    assert!(!is_correct(multi, &sel(&["p", "q", "r"])), "one too many");
    assert!(!is_correct(multi, &sel(&[])));
}

#[test]
fn classify_and_true_false_score_their_one_answer() {
    let c = course(1);
    assert!(is_correct(q(&c, "kind"), &sel(&["spiritual"])));
    assert!(!is_correct(q(&c, "kind"), &sel(&["physical"])));
    assert!(is_correct(q(&c, "myth"), &sel(&["false"])));
    assert!(!is_correct(q(&c, "myth"), &sel(&["true"])));
}

// ---- shuffles ----

#[test]
fn option_shuffle_is_a_seeded_permutation() {
    let c = course(1);
    let single = q(&c, "a0");
    let ids = |seed| {
        shuffled_options(single, seed)
            .iter()
            .map(|o| o.id.to_string())
            .collect::<Vec<_>>()
    };
    let all: BTreeSet<_> = single.options.iter().map(|o| o.id.to_string()).collect();
    for seed in 0..50 {
        let order = ids(seed);
        assert_eq!(order.len(), all.len());
        assert_eq!(order.iter().cloned().collect::<BTreeSet<_>>(), all);
        assert_eq!(order, ids(seed), "same seed, same order");
    }
    let distinct: BTreeSet<_> = (0..50).map(ids).collect();
    assert!(
        distinct.len() > 5,
        "seeds give different orders ({})",
        distinct.len()
    );
}

#[test]
fn true_false_always_reads_true_then_false() {
    let c = course(1);
    for seed in 0..20 {
        let order: Vec<_> = shuffled_options(q(&c, "myth"), seed)
            .iter()
            .map(|o| &*o.id)
            .collect();
        assert_eq!(order, ["true", "false"]);
    }
}

#[test]
fn session_order_is_a_permutation_that_differs_between_seeds() {
    let c = course(30);
    let quiz = QuizProgress::default();
    let a = Session::start(Scope::All, &c, &quiz, 1, T0).unwrap();
    let b = Session::start(Scope::All, &c, &quiz, 2, T0).unwrap();
    let again = Session::start(Scope::All, &c, &quiz, 1, T0).unwrap();
    let bank: BTreeSet<_> = c.questions.iter().map(|q| q.id.to_string()).collect();
    assert_eq!(a.order.iter().cloned().collect::<BTreeSet<_>>(), bank);
    assert_eq!(a.order.len(), bank.len());
    assert_eq!(a.order, again.order);
    assert_ne!(a.order, b.order);
}

#[test]
fn retry_always_changes_the_order() {
    let c = course(1); // 4 questions: a seed may well repeat an order
    let quiz = QuizProgress::default();
    for seed in 0..100 {
        let first = Session::start(Scope::All, &c, &quiz, seed, T0).unwrap();
        let retry = first.retry(&c, &quiz, seed, T0 + 1.0).unwrap();
        assert_ne!(first.order, retry.order, "seed {seed}");
        assert_eq!(retry.index, 0);
        assert!(retry.answers.is_empty());
    }
}

#[test]
fn a_section_scope_holds_its_questions_only() {
    let c = course(3);
    let quiz = QuizProgress::default();
    let ids: Vec<_> = questions_in(&Scope::Section("b".into()), &c, &quiz, T0)
        .iter()
        .map(|q| &*q.id)
        .collect();
    assert_eq!(ids, ["multi", "kind", "myth"]);
    assert!(Session::start(Scope::Section("none".into()), &c, &quiz, 1, T0).is_none());
    assert!(
        Session::start(Scope::Mistakes, &c, &quiz, 1, T0).is_none(),
        "no mistakes yet"
    );
}

// ---- a whole session ----

/// Answers every question of the current session: right unless its id is in `miss`.
fn play(quiz: &mut QuizProgress, c: &Course, miss: &[&str], now: f64) {
    while let Some(question) = quiz.current_question(c) {
        let id = question.id.to_string();
        let right: Vec<String> = right_answer(question)
            .into_iter()
            .map(String::from)
            .collect();
        let wrong: Vec<String> = question
            .options
            .iter()
            .filter(|o| !o.correct)
            .take(1)
            .map(|o| o.id.to_string())
            .collect();
        let answer = if miss.contains(&id.as_str()) {
            wrong
        } else {
            right
        };
        assert_eq!(
            quiz.check(c, answer, now),
            Some(!miss.contains(&id.as_str()))
        );
        quiz.advance(now);
    }
}

#[test]
fn a_finished_session_records_score_attempt_best_and_results() {
    let c = course(5);
    let mut quiz = QuizProgress::default();
    assert!(quiz.start(Scope::All, &c, 7, T0));
    play(&mut quiz, &c, &["a1", "multi"], T0);
    assert!(quiz.current.is_none());
    let last = quiz.last.as_ref().unwrap();
    assert_eq!((last.score(), last.total()), (6, 8));
    assert_eq!(last.finished, Some(T0));
    let mut missed = last.missed();
    missed.sort_unstable();
    assert_eq!(missed, ["a1", "multi"]);
    assert_eq!(quiz.attempts.len(), 1);
    assert_eq!(quiz.best.get("all"), Some(&(6, 8)));

    // A worse run does not lower the best score; a better one raises it.
    quiz.start(Scope::All, &c, 8, T0 + 1.0);
    play(&mut quiz, &c, &["a0", "a1", "a2"], T0 + 1.0);
    assert_eq!(quiz.best.get("all"), Some(&(6, 8)));
    quiz.start(Scope::All, &c, 9, T0 + 2.0);
    play(&mut quiz, &c, &[], T0 + 2.0);
    assert_eq!(quiz.best.get("all"), Some(&(8, 8)));
    assert_eq!(quiz.attempts.len(), 3);
}

#[test]
fn checking_twice_counts_once() {
    let c = course(2);
    let mut quiz = QuizProgress::default();
    quiz.start(Scope::All, &c, 1, T0);
    let id = quiz.current_question(&c).unwrap().id.to_string();
    assert!(quiz.check(&c, sel(&["nope"]), T0).is_some());
    assert_eq!(quiz.check(&c, sel(&["x"]), T0), None);
    assert_eq!(quiz.records[&id].answered, 1);
}

#[test]
fn review_my_mistakes_holds_exactly_the_missed_questions() {
    let c = course(6);
    let mut quiz = QuizProgress::default();
    quiz.start(Scope::All, &c, 3, T0);
    play(&mut quiz, &c, &["a2", "kind", "a5"], T0);
    let mut ids: Vec<_> = questions_in(&Scope::Mistakes, &c, &quiz, T0)
        .iter()
        .map(|q| q.id.to_string())
        .collect();
    ids.sort();
    assert_eq!(ids, ["a2", "a5", "kind"]);
    // Getting them right clears them.
    assert!(quiz.start(Scope::Mistakes, &c, 4, T0 + 1.0));
    assert_eq!(quiz.current.as_ref().unwrap().total(), 3);
    play(&mut quiz, &c, &[], T0 + 1.0);
    assert!(questions_in(&Scope::Mistakes, &c, &quiz, T0 + 1.0).is_empty());
}

// ---- Leitner ----

#[test]
fn leitner_moves() {
    let new_right = QuestionRecord::after(None, true, T0);
    assert_eq!((new_right.leitner_box, new_right.due), (2, T0 + DAY));
    let new_wrong = QuestionRecord::after(None, false, T0);
    assert_eq!((new_wrong.leitner_box, new_wrong.due), (1, T0));

    // Right again before it is due: it stays put (no promotion for cramming).
    let early = QuestionRecord::after(Some(&new_right), true, T0 + 1000.0);
    assert_eq!((early.leitner_box, early.due), (2, T0 + DAY));
    // Right when due: up one box, due after that box's interval.
    let later = QuestionRecord::after(Some(&new_right), true, T0 + DAY);
    assert_eq!(
        (later.leitner_box, later.due),
        (3, T0 + DAY + box_interval(3))
    );
    // A miss anywhere sends it back to box 1, due at once.
    let miss = QuestionRecord::after(Some(&later), false, T0 + 2.0 * DAY);
    assert_eq!((miss.leitner_box, miss.due), (1, T0 + 2.0 * DAY));
    assert_eq!((miss.answered, miss.correct), (3, 2));
    // A missed question answered right moves up (it was due).
    let back = QuestionRecord::after(Some(&miss), true, T0 + 2.0 * DAY);
    assert_eq!(back.leitner_box, 2);

    // Never past the top box.
    let mut r = new_right;
    let mut t = T0;
    for _ in 0..10 {
        t = r.due;
        r = QuestionRecord::after(Some(&r), true, t);
    }
    assert_eq!(r.leitner_box, TOP_BOX);
    assert!(r.due > t);
}

#[test]
fn due_reviews_follow_the_clock() {
    let c = course(3);
    let mut quiz = QuizProgress::default();
    quiz.start(Scope::All, &c, 5, T0);
    play(&mut quiz, &c, &["a0"], T0);
    assert_eq!(quiz.due_count(&c, T0), 1, "the miss is due at once");
    assert_eq!(quiz.due_count(&c, T0 + DAY - 1.0), 1);
    assert_eq!(
        quiz.due_count(&c, T0 + DAY),
        6,
        "the rest come due a day later"
    );
}

#[test]
fn the_next_reviews_are_the_earliest_not_yet_due() {
    let c = course(3);
    let mut quiz = QuizProgress::default();
    assert_eq!(
        quiz.next_due_after(&c, T0),
        None,
        "nothing answered, nothing waits"
    );
    quiz.start(Scope::All, &c, 5, T0);
    play(&mut quiz, &c, &["a0"], T0);
    // The miss is due now, so it is not "next"; the right answers wait a day.
    assert_eq!(quiz.next_due_after(&c, T0), Some(T0 + DAY));
    assert_eq!(quiz.next_due_after(&c, T0 + DAY), None, "all due by then");
}

// ---- mastery ----

#[test]
fn mastery_needs_a_later_session() {
    let c = course(5);
    let mut quiz = QuizProgress::default();
    assert_eq!(quiz.mastery(&c, "a"), Mastery::NotStarted);

    quiz.start(Scope::Section("a".into()), &c, 1, T0);
    play(&mut quiz, &c, &["a0", "a1", "a2"], T0);
    assert_eq!(quiz.mastery(&c, "a"), Mastery::Learning, "2 of 5 right");
    // Its name says what 2 of 5 is: still learning, not "familiar".
    assert_eq!(Mastery::Learning.label(), "Learning");
    assert_eq!(quiz.mastery(&c, "b"), Mastery::NotStarted);

    quiz.start(Scope::Section("a".into()), &c, 2, T0 + 60_000.0);
    play(&mut quiz, &c, &[], T0 + 60_000.0);
    assert_eq!(
        quiz.mastery(&c, "a"),
        Mastery::Proficient,
        "all right, but all in one sitting"
    );

    // The same day again: still not mastered.
    quiz.start(Scope::Section("a".into()), &c, 3, T0 + 120_000.0);
    play(&mut quiz, &c, &[], T0 + 120_000.0);
    assert_eq!(quiz.mastery(&c, "a"), Mastery::Proficient);

    // Two days later every question is due; right again means mastered.
    let later = T0 + 2.0 * DAY;
    quiz.start(Scope::Section("a".into()), &c, 4, later);
    play(&mut quiz, &c, &[], later);
    assert!(quiz.records.values().all(|r| r.leitner_box >= MASTERED_BOX));
    assert_eq!(quiz.mastery(&c, "a"), Mastery::Mastered);

    // One miss later drops it back.
    quiz.start(Scope::Section("a".into()), &c, 5, later + 1.0);
    play(&mut quiz, &c, &["a3"], later + 1.0);
    assert_eq!(quiz.mastery(&c, "a"), Mastery::Proficient);
}

proptest! {
    #[test]
    fn every_session_asks_each_scope_question_once(seed in any::<u64>(), n in 1usize..40) {
        let c = course(n);
        let s = Session::start(Scope::All, &c, &QuizProgress::default(), seed, T0).unwrap();
        let unique: BTreeSet<_> = s.order.iter().collect();
        prop_assert_eq!(unique.len(), c.questions.len());
        prop_assert_eq!(s.order.len(), c.questions.len());
    }

    /// The Leitner rule, answer by answer: a miss sends the question to box 1,
    /// due at once; a right answer to a new or due question moves it up one box
    /// (a new one counts as box 1; at most [`TOP_BOX`]) and due after that box's
    /// interval; a right answer before it is due changes neither box nor due.
    /// Gaps of 0 to 39 hours make all three cases common.
    #[test]
    fn each_answer_moves_the_leitner_box_by_the_rule(answers in proptest::collection::vec((any::<bool>(), 0u32..40), 1..60)) {
        let mut r: Option<QuestionRecord> = None;
        let mut t = T0;
        for (right, hours) in answers {
            t += f64::from(hours) * 3_600_000.0;
            let next = QuestionRecord::after(r.as_ref(), right, t);
            let (leitner_box, due) = match &r {
                _ if !right => (1, t),
                None => (2, t + box_interval(2)),
                Some(before) if before.due <= t => {
                    let b = (before.leitner_box + 1).min(TOP_BOX);
                    (b, t + box_interval(b))
                }
                Some(before) => (before.leitner_box, before.due),
            };
            prop_assert_eq!(next.leitner_box, leitner_box, "box after {:?}, right: {}, at {}", r, right, t);
            prop_assert_eq!(next.due, due, "due after {:?}, right: {}, at {}", r, right, t);
            prop_assert!((1..=TOP_BOX).contains(&next.leitner_box));
            prop_assert_eq!(next.last_correct, right);
            prop_assert_eq!(next.last_at, t);
            let (answered, correct) = r.as_ref().map_or((0, 0), |b| (b.answered, b.correct));
            prop_assert_eq!(next.answered, answered + 1);
            prop_assert_eq!(next.correct, correct + u32::from(right));
            r = Some(next);
        }
    }
}
