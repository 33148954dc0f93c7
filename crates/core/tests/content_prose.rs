//! The lessons' cards and the quiz ship as skeletons plus prose files: taking
//! the prose out and putting it back loses nothing, the skeleton keeps no
//! prose, and the files build.rs wrote are the ones that fit.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::content::{
    fill_prose, take_prose, Card, Prose, ProseMismatch, Question, QUIZ_PROSE,
};
use guide::{course, prose_file, prose_files, prose_payloads};
use proptest::prelude::*;
use std::collections::HashSet;

/// Every string in `value` that is not an id, a type or a link target.
fn prose_left(value: &serde_json::Value, key: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) if !guide::NOT_PROSE.contains(&key) && !s.is_empty() => {
            out.push(format!("{key}: {s}"));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| prose_left(v, key, out)),
        serde_json::Value::Object(fields) => fields.iter().for_each(|(k, v)| prose_left(v, k, out)),
        _ => {}
    }
}

fn count<T: Prose + Clone>(items: &[T]) -> usize {
    let mut n = 0;
    for item in &mut items.to_vec() {
        item.each_prose(&mut |_| n += 1);
    }
    n
}

#[test]
fn every_lesson_and_the_quiz_come_back_whole() {
    for lesson in course().lessons() {
        let mut skeleton = lesson.cards.to_vec();
        let prose = take_prose(&mut skeleton);
        assert_eq!(
            fill_prose(&skeleton, prose).as_deref(),
            Ok(&*lesson.cards),
            "{}",
            lesson.id
        );
    }
    let mut skeleton = course().questions.to_vec();
    let prose = take_prose(&mut skeleton);
    assert_eq!(
        fill_prose(&skeleton, prose).as_deref(),
        Ok(&*course().questions)
    );
}

#[test]
fn the_skeleton_keeps_no_prose_but_every_id() {
    for lesson in course().lessons() {
        let mut skeleton = lesson.cards.to_vec();
        take_prose(&mut skeleton);
        let mut left = Vec::new();
        prose_left(&serde_json::to_value(&skeleton).unwrap(), "", &mut left);
        assert_eq!(
            left,
            Vec::<String>::new(),
            "{}: prose the visitor missed",
            lesson.id
        );
        let ids = |cards: &[Card]| cards.iter().map(|c| c.id().to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&skeleton), ids(&lesson.cards));
    }
    let mut skeleton = course().questions.to_vec();
    take_prose(&mut skeleton);
    let mut left = Vec::new();
    prose_left(&serde_json::to_value(&skeleton).unwrap(), "", &mut left);
    assert_eq!(left, Vec::<String>::new(), "quiz: prose the visitor missed");
    for (q, s) in course().questions.iter().zip(&skeleton) {
        assert_eq!((&q.id, q.kind, &q.lesson), (&s.id, s.kind, &s.lesson));
        let answers = |q: &Question| {
            q.options
                .iter()
                .map(|o| (o.id.to_string(), o.correct))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            answers(q),
            answers(s),
            "{}: the answers stay in the binary",
            q.id
        );
    }
}

#[test]
fn a_file_that_does_not_fit_is_refused() {
    let lesson = course().lessons().next().unwrap();
    let mut skeleton = lesson.cards.to_vec();
    let mut prose = take_prose(&mut skeleton);
    let n = prose.len();
    prose.pop();
    assert_eq!(
        fill_prose(&skeleton, prose.clone()),
        Err(ProseMismatch {
            expected: n,
            found: n - 1
        })
    );
    prose.extend(["one".into(), "two".into()]);
    assert_eq!(
        fill_prose(&skeleton, prose),
        Err(ProseMismatch {
            expected: n,
            found: n + 1
        })
    );
}

#[test]
fn build_rs_wrote_one_hashed_file_per_lesson_and_one_for_the_quiz() {
    let keys: Vec<&str> = prose_files().iter().map(|(k, _)| *k).collect();
    let mut expected: Vec<&str> = course().lessons().map(|l| &*l.id).collect();
    expected.push(QUIZ_PROSE);
    assert_eq!(keys, expected);
    let payloads = prose_payloads();
    assert_eq!(payloads.len(), keys.len());
    let names: HashSet<&str> = prose_files().iter().map(|(_, f)| *f).collect();
    assert_eq!(names.len(), keys.len(), "every file has a name of its own");
    for ((key, name), (written, json)) in prose_files().iter().zip(&payloads) {
        assert_eq!(name, written);
        assert_eq!(prose_file(key), Some(*name));
        // guide/<key with - for />.<16 hex digits>.json
        let stem = format!("guide/{}.", key.replace('/', "-"));
        let hash = name
            .strip_prefix(&stem)
            .and_then(|r| r.strip_suffix(".json"))
            .unwrap();
        assert!(
            hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "{name}"
        );
        // Each file fits its skeleton and gives back the text the course has.
        let prose: Vec<String> = serde_json::from_str(json).unwrap();
        if *key == QUIZ_PROSE {
            let mut skeleton = course().questions.to_vec();
            take_prose(&mut skeleton);
            assert_eq!(
                fill_prose(&skeleton, prose).as_deref(),
                Ok(&*course().questions)
            );
        } else {
            let lesson = course().lesson(key).unwrap();
            let mut skeleton = lesson.cards.to_vec();
            take_prose(&mut skeleton);
            assert_eq!(fill_prose(&skeleton, prose).as_deref(), Ok(&*lesson.cards));
        }
    }
    assert_eq!(prose_file("no/such-lesson"), None);
}

fn lesson_and_words() -> impl Strategy<Value = (usize, Vec<String>)> {
    let lessons: Vec<usize> = course().lessons().map(|l| count(&l.cards)).collect();
    (0..lessons.len())
        .prop_flat_map(move |i| (Just(i), prop::collection::vec(any::<String>(), lessons[i])))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever words a file holds, they land in the fields they were taken
    /// from and come out again in the same order.
    #[test]
    fn any_words_go_in_and_come_out_in_order((i, words) in lesson_and_words()) {
        let lesson = course().lessons().nth(i).unwrap();
        let mut skeleton = lesson.cards.to_vec();
        take_prose(&mut skeleton);
        let mut filled = fill_prose(&skeleton, words.clone()).unwrap();
        prop_assert_eq!(take_prose(&mut filled), words);
        prop_assert_eq!(filled, skeleton);
    }
}
