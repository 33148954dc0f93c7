//! The quiz cannot be gamed by a pattern: these figures are computed from the
//! shipped content and fail the build's tests past their bounds. Run with
//! `cargo test --test content_quiz_balance -- --nocapture` to print them.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::content::{shuffle, Card, QuestionKind};
use guide::course;

/// The quiz's true/false questions.
fn true_false_questions() -> Vec<&'static closer_core::content::Question> {
    course()
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::TrueFalse)
        .collect()
}

/// Share of true/false questions whose answer is True.
#[test]
fn true_and_false_answers_are_balanced() {
    let tf = true_false_questions();
    let trues = tf
        .iter()
        .filter(|q| q.options.iter().any(|o| o.id == "true" && o.correct))
        .count();
    let share = trues as f64 / tf.len() as f64;
    println!("true/false: {trues} True of {}", tf.len());
    // Answering "False" (or "True") every time must not score well.
    assert!(
        (0.4..=0.6).contains(&share),
        "{trues} of {} true/false answers are True; keep it between 40% and 60%",
        tf.len()
    );
}

/// How often the longest label (ties included) is the right one, in
/// single-answer and classify questions, against what chance gives.
#[test]
fn the_longest_option_is_right_no_more_often_than_chance() {
    let mut hits = 0usize;
    let mut expected = 0.0f64;
    let mut variance = 0.0f64;
    for q in course()
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Single | QuestionKind::Classify))
    {
        let longest = q
            .options
            .iter()
            .map(|o| o.label.chars().count())
            .max()
            .unwrap();
        if q.options
            .iter()
            .any(|o| o.correct && o.label.chars().count() == longest)
        {
            hits += 1;
        }
        let p = 1.0 / q.options.len() as f64;
        expected += p;
        variance += p * (1.0 - p);
    }
    // Bound: the chance expectation plus one standard deviation of the count
    // (a sum of independent Bernoulli trials, one per question, p = 1/options).
    // A writer's habit of making the right answer the most careful, longest
    // one pushes the count well past that; honest chance rarely does.
    let bound = expected + variance.sqrt();
    println!("longest option right: {hits} (chance {expected:.2}, bound {bound:.2})");
    assert!(
        hits as f64 <= bound,
        "the longest option is right in {hits} questions; chance gives {expected:.2}, allowed {bound:.2}"
    );
    // The opposite habit (shortest is right) would be just as easy to game.
    let shortest = course()
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Single)
        .filter(|q| {
            let min = q
                .options
                .iter()
                .map(|o| o.label.chars().count())
                .min()
                .unwrap();
            q.options
                .iter()
                .any(|o| o.correct && o.label.chars().count() == min)
        })
        .count();
    println!("shortest option right (single): {shortest}");
    assert!(
        shortest as f64 <= bound,
        "the shortest option is right in {shortest} questions"
    );
}

/// Absolute words must not mark the wrong answers only.
#[test]
fn absolute_words_appear_in_right_answers_too() {
    const ABSOLUTE: [&str; 10] = [
        "just", "always", "never", "only", "all", "anyone", "everyone", "every", "exactly",
        "nothing",
    ];
    let has = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .any(|w| ABSOLUTE.contains(&w.to_lowercase().as_str()))
    };
    let (mut right, mut wrong) = (0usize, 0usize);
    for q in course()
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Single | QuestionKind::Multi))
    {
        for o in q.options.iter().filter(|o| has(&o.label)) {
            if o.correct {
                right += 1;
            } else {
                wrong += 1;
            }
        }
    }
    println!("absolute words: {right} right options, {wrong} wrong options");
    // At least a quarter of the options with an absolute word are right, so
    // "avoid the absolute" is no strategy.
    assert!(
        right * 3 >= wrong,
        "{wrong} wrong options carry an absolute word but only {right} right ones"
    );
}

/// Select-all questions use the whole range, from one right option to all but
/// one (none has every option right: see the test below).
#[test]
fn select_all_questions_range_from_one_to_all() {
    let counts: Vec<(usize, usize)> = course()
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Multi)
        .map(|q| {
            (
                q.options.iter().filter(|o| o.correct).count(),
                q.options.len(),
            )
        })
        .collect();
    println!("select-all (right of options): {counts:?}");
    assert!(
        counts.iter().any(|&(r, _)| r == 1),
        "no select-all question has exactly one right option"
    );
    assert!(
        counts.iter().any(|&(r, n)| r + 1 == n),
        "no select-all question has all options but one right"
    );
    let mut distinct: Vec<usize> = counts.iter().map(|&(r, _)| r).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(
        distinct.len() >= 3,
        "select-all right counts are too uniform: {counts:?}"
    );
}

/// Lesson choice cards, as shown (after the seeded shuffle): the right option
/// is not mostly in one place.
#[test]
fn lesson_choice_cards_do_not_put_the_right_option_first() {
    let mut authored = Vec::new();
    let mut shown = Vec::new();
    let mut expected_first = 0.0f64;
    for lesson in course().lessons() {
        for card in lesson.cards.iter() {
            if let Card::Choice { id, options, .. } = card {
                authored.push(options.iter().position(|o| o.correct).unwrap() + 1);
                let order = shuffle::shuffled(&lesson.id, id, options);
                shown.push(order.iter().position(|o| o.correct).unwrap() + 1);
                expected_first += 1.0 / options.len() as f64;
            }
        }
    }
    let first = shown.iter().filter(|&&p| p == 1).count();
    println!("choice cards, right option position as authored: {authored:?}");
    println!("choice cards, right option position as shown:    {shown:?} (first {first} of {}, chance {expected_first:.2})", shown.len());
    assert!(
        (first as f64) <= expected_first + 2.0,
        "the right option is shown first in {first} of {} cards (chance {expected_first:.2})",
        shown.len()
    );
    let mut positions = shown.clone();
    positions.sort_unstable();
    positions.dedup();
    assert!(
        positions.len() >= 3,
        "the right option only ever sits at {positions:?}"
    );
}

/// Words that soften a claim ("can", "often") and words that make it absolute
/// ("always", "never"). A statement with a hedge and no absolute word counts
/// as hedged.
const HEDGES: [&str; 16] = [
    "can",
    "may",
    "might",
    "could",
    "often",
    "usually",
    "some",
    "many",
    "most",
    "tends",
    "tend",
    "sometimes",
    "rarely",
    "perhaps",
    "likely",
    "generally",
];
const ABSOLUTES: [&str; 16] = [
    "always",
    "never",
    "only",
    "every",
    "all",
    "must",
    "nothing",
    "cannot",
    "none",
    "everyone",
    "anyone",
    "nobody",
    "just",
    "exactly",
    "whatever",
    "impossible",
];

fn words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when a statement reads as hedged: a softening word, and no absolute
/// word ("can't", "no one", "not always" count as absolute or hedged as read).
fn hedged(t: &str) -> bool {
    let w = words(t);
    let joined = format!(" {} ", w.join(" "));
    let absolute = w.iter().any(|x| ABSOLUTES.contains(&x.as_str()))
        || w.iter().any(|x| x == "can't")
        || joined.contains(" no one ");
    let hedge = w.iter().any(|x| HEDGES.contains(&x.as_str()))
        || joined.contains(" not always ")
        || joined.contains(" not every ");
    hedge && (!absolute || joined.contains(" not always ") || joined.contains(" not every "))
}

/// "Hedged means true, absolute means false" must not beat the quiz.
#[test]
fn hedge_words_do_not_give_the_true_false_answers_away() {
    let tf = true_false_questions();
    let mut hits = 0usize;
    let (mut hedged_true, mut hedged_false) = (0usize, 0usize);
    for q in &tf {
        let is_true = q.options.iter().any(|o| o.id == "true" && o.correct);
        let h = hedged(&q.prompt);
        match (h, is_true) {
            (true, true) => hedged_true += 1,
            (true, false) => hedged_false += 1,
            _ => {}
        }
        if h == is_true {
            hits += 1;
        }
    }
    let n = tf.len();
    println!(
        "hedge rule: scores {hits} of {n}; hedged true {hedged_true}, hedged false {hedged_false}, plain true {}, plain false {}",
        tf.iter()
            .filter(|q| q.options.iter().any(|o| o.id == "true" && o.correct))
            .count()
            - hedged_true,
        n - tf
            .iter()
            .filter(|q| q.options.iter().any(|o| o.id == "true" && o.correct))
            .count()
            - hedged_false
    );
    assert!(
        hits * 10 <= n * 7,
        "\"hedged means true\" scores {hits} of {n} true/false items; allowed 70%"
    );
}

/// In lesson choice cards the right option is the strictly longest label in
/// at most a quarter of the cards.
#[test]
fn lesson_choice_cards_do_not_reward_the_longest_option() {
    let (mut longest, mut total) = (0usize, 0usize);
    let mut which = Vec::new();
    for lesson in course().lessons() {
        for card in lesson.cards.iter() {
            if let Card::Choice { id, options, .. } = card {
                total += 1;
                let right = options.iter().find(|o| o.correct).unwrap();
                let len = right.label.chars().count();
                if options
                    .iter()
                    .filter(|o| !o.correct)
                    .all(|o| o.label.chars().count() < len)
                {
                    longest += 1;
                    which.push(format!("{}/{}", lesson.id, id));
                }
            }
        }
    }
    println!("lesson choice cards, right option strictly longest: {longest} of {total} {which:?}");
    assert!(
        longest * 4 <= total,
        "the right option is the longest in {longest} of {total} lesson choice cards: {which:?}"
    );
}

/// Every select-all question has at least one option that is not right, so
/// "tick everything" never wins.
#[test]
fn every_select_all_question_has_a_wrong_option() {
    let all_right: Vec<_> = course()
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Multi)
        .filter(|q| q.options.iter().all(|o| o.correct))
        .map(|q| q.id.to_string())
        .collect();
    println!("select-all questions with every option right: {all_right:?}");
    assert!(
        all_right.is_empty(),
        "every option is right in {all_right:?}"
    );
}

/// Items where the warm, kind-sounding option is the wrong one, so "pick the
/// nicest option" does not win the quiz: (question id, option id).
const WARM_BUT_WRONG: [(&str, &str); 6] = [
    ("open-up-fast", "tell-everything"),
    ("open-up-fast", "say-yes-to-all"),
    ("pressured-to-stay", "stay-to-be-kind"),
    ("adult-asks-secret", "keep-it"),
    ("afraid-of-partner", "go-together"),
    ("grieving-friend", "wait-for-them"),
];

/// Every listed warm-sounding option exists, is wrong, and has feedback that
/// says why; at least five questions carry one.
#[test]
fn some_warm_sounding_options_are_wrong() {
    let mut questions = std::collections::HashSet::new();
    for (qid, oid) in WARM_BUT_WRONG {
        let q = course()
            .questions
            .iter()
            .find(|q| q.id == qid)
            .unwrap_or_else(|| panic!("no question {qid}"));
        let o = q
            .options
            .iter()
            .find(|o| o.id == oid)
            .unwrap_or_else(|| panic!("no option {qid}/{oid}"));
        assert!(
            !o.correct,
            "{qid}/{oid} is listed as warm but wrong, yet is right"
        );
        assert!(!o.feedback.is_empty());
        questions.insert(qid);
    }
    println!(
        "questions with a warm-sounding wrong option: {}",
        questions.len()
    );
    assert!(questions.len() >= 5);
}

/// Questions that test transfer: a situation of their own, not a lesson's
/// scene. None shares a run of five words with the lesson it tests.
const TRANSFER: [&str; 6] = [
    "trust-and-fear",
    "open-up-fast",
    "pressured-to-stay",
    "adult-asks-secret",
    "afraid-of-partner",
    "classify-rainy-sofa",
];

fn runs_of_five(t: &str) -> std::collections::HashSet<String> {
    let w = words(t);
    w.windows(5).map(|r| r.join(" ")).collect()
}

#[test]
fn transfer_questions_do_not_retell_a_lessons_scene() {
    for id in TRANSFER {
        let q = course()
            .questions
            .iter()
            .find(|q| q.id == id)
            .unwrap_or_else(|| panic!("no question {id}"));
        let lesson = course().lesson(&q.lesson).unwrap();
        let lesson_text = serde_json::to_string(&lesson.cards).unwrap();
        // The stock question of a classify item is no scene.
        let prompt = q.prompt.replace("Which kind of intimacy is this?", "");
        let shared: Vec<_> = runs_of_five(&prompt)
            .intersection(&runs_of_five(&lesson_text))
            .cloned()
            .collect();
        assert!(
            shared.is_empty(),
            "{id} retells its lesson's words: {shared:?}"
        );
    }
    println!("transfer questions: {}", TRANSFER.len());
}
