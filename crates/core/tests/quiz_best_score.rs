//! One best-score rule: a finished attempt and a merge of two copies agree on
//! which score is best, so one tab and a merged copy never show different bests.

#![cfg(not(target_arch = "wasm32"))]

use closer_core::quiz::{better_score, Answer, QuizProgress, Scope, Session};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// A session over the first `n` question ids of a made-up bank, every answer right but `wrong`.
fn finished_run(n: usize, wrong: usize, started: f64) -> Session {
    let order: Vec<String> = (0..n).map(|i| format!("q{i}")).collect();
    let answers: BTreeMap<String, Answer> = order
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let answer = Answer {
                selected: vec!["a".into()],
                correct: i >= wrong,
            };
            (id.clone(), answer)
        })
        .collect();
    Session {
        started,
        scope: Scope::All,
        seed: 1,
        index: n - 1,
        order,
        answers,
        finished: None,
    }
}

fn after_run(mut quiz: QuizProgress, run: Session, now: f64) -> QuizProgress {
    quiz.current = Some(run);
    quiz.advance(now);
    quiz
}

#[test]
fn a_perfect_small_quiz_does_not_replace_a_perfect_larger_one() {
    let quiz = after_run(QuizProgress::default(), finished_run(4, 0, 1.0), 2.0);
    assert_eq!(quiz.best["all"], (4, 4));
    let quiz = after_run(quiz, finished_run(1, 0, 3.0), 4.0);
    assert_eq!(quiz.best["all"], (4, 4), "1 of 1 is not better than 4 of 4");
    let quiz = after_run(quiz, finished_run(5, 0, 5.0), 6.0);
    assert_eq!(quiz.best["all"], (5, 5), "5 of 5 is");
}

#[test]
fn a_higher_share_wins_over_a_larger_quiz() {
    assert_eq!(better_score((3, 4), (9, 40)), (3, 4));
    assert_eq!(better_score((2, 2), (39, 40)), (2, 2));
    assert_eq!(better_score((0, 0), (0, 3)), (0, 3));
}

proptest! {
    #[test]
    fn advance_and_merge_keep_the_same_best(
        runs in prop::collection::vec((1usize..8, 0usize..8), 1..6),
    ) {
        // One tab takes every attempt in turn; two tabs each take half, then merge.
        let mut one = QuizProgress::default();
        let (mut left, mut right) = (QuizProgress::default(), QuizProgress::default());
        for (i, (n, wrong)) in runs.iter().enumerate() {
            let run = finished_run(*n, (*wrong).min(*n), i as f64 * 10.0);
            one = after_run(one, run.clone(), i as f64 * 10.0 + 1.0);
            if i % 2 == 0 {
                left = after_run(left, run, i as f64 * 10.0 + 1.0);
            } else {
                right = after_run(right, run, i as f64 * 10.0 + 1.0);
            }
        }
        let merged = left.merge(&right);
        prop_assert_eq!(&one.best, &merged.best);
        prop_assert_eq!(&merged.best, &right.merge(&left).best);
    }

    #[test]
    fn better_score_is_a_choice_that_does_not_depend_on_order(
        a in (0u32..50, 0u32..50), b in (0u32..50, 0u32..50), c in (0u32..50, 0u32..50),
    ) {
        prop_assert_eq!(better_score(a, b), better_score(b, a));
        prop_assert!(better_score(a, b) == a || better_score(a, b) == b);
        prop_assert_eq!(better_score(better_score(a, b), c), better_score(a, better_score(b, c)));
        prop_assert_eq!(better_score(a, a), a);
    }
}
