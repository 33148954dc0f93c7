//! Another language's guide (`content/<code>/`) against the English: it
//! loads under every content rule, has English's shape (the build's check,
//! which also catches changed ids, answers and citations), travels as words
//! and prose that fill the English skeleton back into it, and its quiz is as
//! hard to game as the English one.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::content::compile::{self, Guide};
use closer_core::content::{fill_prose, fill_words, take_prose, words_of, QuestionKind, Words};
use closer_core::i18n::Lang;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn english() -> &'static Guide {
    static G: OnceLock<Guide> = OnceLock::new();
    G.get_or_init(|| compile::load(&root()).unwrap_or_else(|e| panic!("{e:#?}")))
}

/// Every language but English, loaded and checked as the build does.
fn others() -> &'static Vec<(Lang, Guide)> {
    static G: OnceLock<Vec<(Lang, Guide)>> = OnceLock::new();
    G.get_or_init(|| {
        Lang::ALL
            .into_iter()
            .skip(1)
            .map(|lang| {
                let guide = compile::load(&root().join(lang.code()))
                    .unwrap_or_else(|e| panic!("content/{}: {e:#?}", lang.code()));
                (lang, guide)
            })
            .collect()
    })
}

#[test]
fn every_language_has_the_english_shape() {
    assert!(!others().is_empty(), "no language besides English");
    for (lang, guide) in others() {
        let problems = compile::check_same_shape(lang.code(), english(), guide);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

#[test]
fn the_shape_check_names_a_changed_id_answer_citation_and_a_missing_option() {
    let (_, spanish) = &others()[0];
    let mut broken = spanish.clone();
    let questions = broken.course.questions.to_mut();
    questions[0].options.to_mut()[0].id = "renamed".into();
    let right = questions[1].options.iter().position(|o| o.correct).unwrap();
    questions[1].options.to_mut()[right].correct = false;
    questions[2].options.to_mut().pop();
    broken.checkin.evidence.to_mut()[0].cite = "Somebody, 2020".into();
    broken.together.differ = " ".into();
    let problems = compile::check_same_shape("es", english(), &broken);
    let all = problems.join("\n");
    assert_eq!(problems.len(), 5, "{all}");
    assert!(
        all.contains("must stay") && all.contains("\"renamed\""),
        "{all}"
    );
    assert!(all.contains("must be true as in English"), "{all}");
    assert!(all.contains("items, English has"), "{all}");
    assert!(all.contains("Somebody, 2020"), "{all}");
    assert!(all.contains("differ: is empty"), "{all}");
    // Each names where: the question's id, not a bare position.
    assert!(
        all.contains(&format!("[{}]", english().course.questions[0].id)),
        "{all}"
    );
}

/// What the app does with a language's file: the English skeleton filled
/// with its words and then with its prose is that language's guide.
#[test]
fn words_and_prose_fill_the_english_skeleton_into_the_other_language() {
    for (lang, guide) in others() {
        let theirs = guide.shipped_course();
        let (their_bare, their_prose) = compile::split_prose(&theirs);
        let (mut ours, _) = compile::split_prose(&english().shipped_course());
        let mut checkin = english().checkin.clone();
        let mut together = english().together.clone();
        let mut words = words_of(&their_bare);
        words.extend(words_of(&guide.checkin));
        words.extend(words_of(&guide.together));
        let mut words = words.into_iter();
        fill_words(&mut ours, &mut words).unwrap();
        fill_words(&mut checkin, &mut words).unwrap();
        fill_words(&mut together, &mut words).unwrap();
        assert!(words.next().is_none());
        assert_eq!(ours, their_bare, "{}", lang.code());
        assert_eq!(checkin, guide.checkin, "{}", lang.code());
        assert_eq!(together, guide.together, "{}", lang.code());
        // The prose goes back lesson by lesson, as the app loads it.
        for section in ours.sections.to_mut() {
            for lesson in section.lessons.to_mut() {
                let file = their_prose.iter().find(|f| f.key == *lesson.id).unwrap();
                let prose: Vec<String> = serde_json::from_str(&file.json).unwrap();
                lesson.cards = fill_prose(&lesson.cards, prose).unwrap().into();
            }
        }
        let quiz = their_prose.iter().find(|f| f.key == "quiz").unwrap();
        ours.questions = fill_prose(&ours.questions, serde_json::from_str(&quiz.json).unwrap())
            .unwrap()
            .into();
        assert_eq!(ours, theirs, "{}", lang.code());
    }
}

/// Words are all the text that prose is not: with both taken out, no
/// translatable string is left (ids, links and citations stay).
#[test]
fn words_and_prose_together_cover_every_text() {
    let mut course = english().shipped_course();
    let mut blank = |t: &mut closer_core::content::Text| *t = Default::default();
    course.each_word(&mut blank);
    for section in course.sections.to_mut() {
        for lesson in section.lessons.to_mut() {
            take_prose(lesson.cards.to_mut());
        }
    }
    take_prose(course.questions.to_mut());
    let value = serde_json::to_value(&course).unwrap();
    let mut left = Vec::new();
    fn walk(v: &serde_json::Value, key: &str, left: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, k, left)),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, key, left)),
            serde_json::Value::String(s) if !s.is_empty() && !guide::NOT_PROSE.contains(&key) => {
                left.push(format!("{key}: {s}"))
            }
            _ => {}
        }
    }
    walk(&value, "", &mut left);
    assert!(left.is_empty(), "text neither words nor prose: {left:#?}");
}

/// As for English (content_quiz_balance.rs): in another language too, the
/// longest or the shortest option is right no more often than chance allows.
#[test]
fn in_every_language_the_longest_option_is_right_no_more_often_than_chance() {
    for (lang, guide) in others() {
        let (mut longest_hits, mut shortest_hits) = (0usize, 0usize);
        let (mut expected, mut variance) = (0.0f64, 0.0f64);
        for q in guide
            .course
            .questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Single | QuestionKind::Classify))
        {
            let lengths: Vec<usize> = q.options.iter().map(|o| o.label.chars().count()).collect();
            let (max, min) = (lengths.iter().max().unwrap(), lengths.iter().min().unwrap());
            let right = |n: &usize| {
                q.options
                    .iter()
                    .zip(&lengths)
                    .any(|(o, l)| o.correct && l == n)
            };
            longest_hits += usize::from(right(max));
            shortest_hits += usize::from(q.kind == QuestionKind::Single && right(min));
            let p = 1.0 / q.options.len() as f64;
            expected += p;
            variance += p * (1.0 - p);
        }
        let bound = expected + variance.sqrt();
        println!(
            "{}: longest right {longest_hits}, shortest right {shortest_hits} (chance {expected:.2}, bound {bound:.2})",
            lang.code()
        );
        assert!(
            longest_hits as f64 <= bound,
            "{}: longest right {longest_hits}, allowed {bound:.2}",
            lang.code()
        );
        assert!(
            shortest_hits as f64 <= bound,
            "{}: shortest right {shortest_hits}, allowed {bound:.2}",
            lang.code()
        );
    }
}
