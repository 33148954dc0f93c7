//! Plain words for every reader: one spelling convention (British, the one
//! most of the text already used), and safety text in short sentences. Run
//! with `cargo test -p closer-core --test content_plain -- --nocapture` for
//! the reading figures.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use guide::{checkin_guide, course, together_guide, NOT_PROSE};
use serde_json::Value;

/// Keys whose text is a citation, kept as the work spells it.
const CITATION: [&str; 2] = ["source", "cite"];

fn prose(value: &Value, key: &str, out: &mut Vec<String>) {
    match value {
        Value::String(s) if !NOT_PROSE.contains(&key) && !CITATION.contains(&key) => {
            out.push(s.clone())
        }
        Value::Array(a) => a.iter().for_each(|v| prose(v, key, out)),
        Value::Object(o) => o.iter().for_each(|(k, v)| prose(v, k, out)),
        _ => {}
    }
}

fn all_prose() -> Vec<String> {
    let mut out = Vec::new();
    prose(&serde_json::to_value(course()).unwrap(), "", &mut out);
    prose(
        &serde_json::to_value(checkin_guide()).unwrap(),
        "",
        &mut out,
    );
    prose(
        &serde_json::to_value(together_guide()).unwrap(),
        "",
        &mut out,
    );
    out
}

/// American spellings and words, each with the British form the guide uses.
const VARIANTS: [(&str, &str); 22] = [
    ("favorite", "favourite"),
    ("neighbor", "neighbour"),
    ("neighbors", "neighbours"),
    ("color", "colour"),
    ("behavior", "behaviour"),
    ("counselor", "counsellor"),
    ("counselors", "counsellors"),
    ("counseling", "counselling"),
    ("realize", "realise"),
    ("realizes", "realises"),
    ("apologize", "apologise"),
    ("apologizes", "apologises"),
    ("recognize", "recognise"),
    ("organize", "organise"),
    ("center", "centre"),
    ("centers", "centres"),
    ("theater", "theatre"),
    ("traveling", "travelling"),
    ("judgment", "judgement"),
    ("toward", "towards"),
    ("practicing", "practising"),
    ("mom", "mum"),
];

#[test]
fn one_spelling_convention() {
    let mut found = Vec::new();
    for text in all_prose() {
        for w in text
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
        {
            if let Some((us, uk)) = VARIANTS.iter().find(|(us, _)| *us == w) {
                found.push(format!("{us} (write {uk}) in: {text}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "American spellings:\n{}",
        found.join("\n")
    );
}

/// Sentences of a paragraph list: a list item is one sentence.
fn sentences(paragraphs: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for p in paragraphs {
        let mut current = Vec::new();
        for w in p.split_whitespace() {
            let word: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
            if !word.is_empty() {
                current.push(word.to_lowercase());
            }
            let ends = w.ends_with(['.', '!', '?']) || w.ends_with(".\"") || w.ends_with("?\"");
            if ends && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

/// Syllables by vowel groups, a silent final e dropped: rough, like every
/// formula's syllable count, but steady, so before and after compare.
fn syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut n = 0;
    let mut prev = false;
    for &c in &chars {
        let v = vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    if n > 1 && word.ends_with('e') && !word.ends_with("le") {
        n -= 1;
    }
    n.max(1)
}

struct Level {
    sentences: usize,
    words: usize,
    longest: usize,
    grade: f64,
}

fn level(paragraphs: &[String]) -> Level {
    let s = sentences(paragraphs);
    let words: usize = s.iter().map(Vec::len).sum();
    let syl: usize = s.iter().flatten().map(|w| syllables(w)).sum();
    let longest = s.iter().map(Vec::len).max().unwrap_or(0);
    let grade = 0.39 * words as f64 / s.len().max(1) as f64
        + 11.8 * syl as f64 / words.max(1) as f64
        - 15.59;
    Level {
        sentences: s.len(),
        words,
        longest,
        grade,
    }
}

fn show(name: &str, l: &Level) {
    println!(
        "{name}: {} sentences, {} words, {:.1} words/sentence, longest {}, Flesch-Kincaid grade {:.1}",
        l.sentences,
        l.words,
        l.words as f64 / l.sentences.max(1) as f64,
        l.longest,
        l.grade
    );
}

/// The cards that tell a reader what to do when they are not safe.
const SAFETY: [(&str, &str); 6] = [
    ("support/getting-support", "if-unsafe"),
    ("support/getting-support", "free-support"),
    ("practices/lower-barriers", "when-not-safe"),
    ("practices/trust", "when-not-safe"),
    ("practices/trust", "when-to-tell"),
    ("kinds/physical", "consent"),
];

/// Longest sentence allowed in the safety cards, in words.
const SAFETY_LONGEST: usize = 25;

#[test]
fn safety_text_is_in_short_sentences() {
    let mut all = Vec::new();
    for lesson in course().lessons() {
        let mut text = Vec::new();
        prose(&serde_json::to_value(&lesson.cards).unwrap(), "", &mut text);
        all.extend(text);
    }
    show("all lessons", &level(&all));
    let mut safety = Vec::new();
    let mut missing = Vec::new();
    for (lesson, card) in SAFETY {
        let l = course().lesson(lesson).unwrap();
        match l.card_index(card) {
            Some(i) => prose(&serde_json::to_value(&l.cards[i]).unwrap(), "", &mut safety),
            None => missing.push(format!("{lesson}#{card}")),
        }
    }
    let l = level(&safety);
    show("safety cards", &l);
    for s in sentences(&safety) {
        if s.len() > SAFETY_LONGEST {
            println!("  long ({}): {}", s.len(), s.join(" "));
        }
    }
    assert!(missing.is_empty(), "no safety card {missing:?}");
    assert!(
        l.longest <= SAFETY_LONGEST,
        "a safety sentence has {} words; keep it to {SAFETY_LONGEST}",
        l.longest
    );
}
