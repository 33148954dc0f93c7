//! Two copies of progress (two tabs, or a file over what is stored) join
//! without losing anything: the merge is commutative, associative and
//! idempotent, and any interleaving of two tabs keeps every completion.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::{CheckIn, CheckIns, Rating, RelationshipName};
use closer_core::content::Lesson;
use closer_core::progress::{Progress, Response};
use closer_core::quiz::{
    right_answer, Answer, Attempt, QuestionRecord, QuizProgress, Scope, Session,
};
use guide::{checkin_guide, course};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn lessons() -> Vec<&'static Lesson> {
    course().lessons().collect()
}

/// A lesson id, now and then one the content no longer has.
fn lesson_id() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => (0..lessons().len()).prop_map(|i| lessons()[i].id.to_string()),
        1 => Just("gone/lesson".to_string()),
    ]
}

fn card_of(lesson: &str, pick: usize) -> String {
    match course().lesson(lesson) {
        Some(l) => l.cards[pick % l.cards.len()].id().to_string(),
        None => format!("card-{}", pick % 3),
    }
}

/// Times from a small set, so that ties happen and tie-breaks are exercised.
fn time() -> impl Strategy<Value = f64> {
    (0u32..6).prop_map(|t| f64::from(t) * 1000.0)
}

fn response() -> impl Strategy<Value = Response> {
    prop_oneof![
        time().prop_map(|at| Response::Revealed { at }),
        (prop_oneof![Just("a"), Just("b")], time()).prop_map(|(o, at)| Response::Chose {
            option: o.into(),
            at
        }),
        (
            prop_oneof![Just(""), Just("note"), Just("<b>other</b>")],
            time()
        )
            .prop_map(|(t, at)| Response::Reflected { text: t.into(), at }),
    ]
}

fn session(started: f64) -> impl Strategy<Value = Session> {
    let qs = course().questions.len();
    (
        0u64..3,
        0usize..4,
        proptest::collection::btree_map(0usize..4, any::<bool>(), 0..4),
        proptest::option::of(time()),
    )
        .prop_map(move |(seed, index, answers, finished)| {
            let order: Vec<String> = (0..4)
                .map(|i| course().questions[(i + seed as usize) % qs].id.to_string())
                .collect();
            Session {
                started,
                scope: Scope::All,
                seed,
                answers: answers
                    .into_iter()
                    .map(|(i, correct)| {
                        (
                            order[i].clone(),
                            Answer {
                                selected: vec![if correct { "x" } else { "y" }.into()],
                                correct,
                            },
                        )
                    })
                    .collect(),
                order,
                index,
                finished,
            }
        })
}

fn quiz() -> impl Strategy<Value = QuizProgress> {
    let qs = course().questions.len();
    (
        proptest::option::of((0u32..4).prop_flat_map(|t| session(f64::from(t)))),
        proptest::option::of((4u32..8).prop_flat_map(|t| session(f64::from(t)))),
        proptest::collection::btree_map(
            (0..qs).prop_map(|i| course().questions[i].id.to_string()),
            (1u8..6, time(), 1u32..4, any::<bool>(), time()),
            0..5,
        ),
        proptest::collection::btree_set((0u32..3, 1u32..4, 0u32..6), 0..4),
        proptest::collection::btree_map(
            prop_oneof![Just("all".to_string()), Just("mistakes".to_string())],
            (0u32..4, 1u32..4),
            0..3,
        ),
    )
        .prop_map(|(last, current, records, attempts, best)| {
            // A session under way always started after the last one finished.
            let current = current.filter(|c| last.as_ref().is_none_or(|l| c.started > l.started));
            QuizProgress {
                last: last.map(|mut s| {
                    s.finished = Some(s.finished.unwrap_or(0.0));
                    s
                }),
                current,
                records: records
                    .into_iter()
                    .map(|(id, (b, due, answered, last_correct, last_at))| {
                        (
                            id,
                            QuestionRecord {
                                leitner_box: b,
                                due,
                                answered,
                                correct: u32::from(last_correct),
                                last_correct,
                                last_at,
                            },
                        )
                    })
                    .collect(),
                attempts: attempts
                    .into_iter()
                    .map(|(score, total, finished)| Attempt {
                        scope: "all".into(),
                        score: score.min(total),
                        total,
                        finished: f64::from(finished) * 1000.0,
                    })
                    .collect(),
                best: best
                    .into_iter()
                    .map(|(k, (s, t))| (k, (s.min(t), t)))
                    .collect(),
            }
        })
        .prop_map(|mut q| {
            // Attempts as a copy keeps them: oldest first (ties in a fixed order).
            let text = |a: &Attempt| serde_json::to_string(a).unwrap();
            q.attempts.sort_by(|a, b| {
                a.finished
                    .total_cmp(&b.finished)
                    .then(text(a).cmp(&text(b)))
            });
            q.attempts.dedup();
            q
        })
}

/// Check-ins built by operations on three relationships, a few times and
/// a few check-in and plan ids shared by every relationship, so that
/// deletions meet check-ins, renames and steps of the same relationship,
/// and the same id turns up under two relationships. Within one copy a
/// fresh id is never one it has, as with random ids in the app.
/// (`tests/checkin_merge.rs` has the fuller generator and laws.)
fn checkins() -> impl Strategy<Value = CheckIns> {
    const RELATIONSHIPS: [&str; 3] = ["r0", "r1", "r2"];
    const STEPS: [&str; 3] = ["phones-away", "fixed-time", "say-yes-once"];
    proptest::collection::vec((0u8..6, 0usize..3, 0u32..6, 0u8..30), 0..12).prop_map(|ops| {
        let mut c = CheckIns::default();
        for (op, r, t, x) in ops {
            let rel = RELATIONSHIPS[r];
            let at = f64::from(t) * 1000.0;
            match op {
                // Adding a deleted id again changes nothing.
                0 if !c.relationships.contains_key(rel) => {
                    let name = ["Ann", " Bo ", "my sister"][usize::from(x % 3)];
                    c.add(rel, RelationshipName::parse(name).unwrap(), at);
                }
                // Renaming someone not here is refused, and changes nothing.
                0 | 1 => {
                    let name = RelationshipName::parse(["Cy", "Di"][usize::from(x % 2)]).unwrap();
                    if c.rename(rel, name, at).is_err() {
                        assert!(!c.relationships.contains_key(rel));
                    }
                }
                2 => c.delete(rel, at),
                3 => {
                    let check_in = CheckIn {
                        at,
                        closeness: x % 7 + 1,
                        kinds: checkin_guide()
                            .kinds
                            .iter()
                            .enumerate()
                            .map(|(i, k)| {
                                let v = x as usize + i;
                                (
                                    k.id.to_string(),
                                    Rating {
                                        now: (v % 5) as u8,
                                        wished: (v / 5 % 5) as u8,
                                    },
                                )
                            })
                            .collect(),
                    };
                    let id = format!("c{}", x % 3);
                    if c.get(rel, &id).is_none() {
                        let _ = c.record(rel, &id, check_in, checkin_guide());
                    }
                }
                4 => {
                    let id = format!("p{}", x % 3);
                    if c.steps
                        .get(rel)
                        .is_none_or(|plans| !plans.contains_key(&id))
                    {
                        c.choose_step(&id, rel, STEPS[usize::from(x / 3 % 3)], at);
                    }
                }
                _ => {
                    // Any plan id, of this relationship or not (then nothing happens).
                    let answer = ["tried", "partly", "not-this-week"][usize::from(x % 3)];
                    let note = ["", "a note"][usize::from(x / 3 % 2)];
                    c.review_step(rel, &format!("p{}", x / 6 % 3), answer, note, at);
                }
            }
        }
        c
    })
}

fn progress() -> impl Strategy<Value = Progress> {
    (
        proptest::collection::btree_map(lesson_id(), (0usize..8, any::<bool>(), time()), 0..6),
        proptest::option::of((lesson_id(), time())),
        proptest::collection::btree_map((lesson_id(), 0usize..8), response(), 0..6),
        quiz(),
        checkins(),
    )
        .prop_map(|(lessons, last, responses, quiz, checkins)| {
            let mut p = Progress::default();
            for (id, (card, completed, updated)) in lessons {
                p.visit(&id, &card_of(&id, card), updated);
                p.lessons.get_mut(&id).unwrap().completed = completed;
            }
            if let Some((id, at)) = last {
                p.last_lesson = Some(id);
                p.last_opened_at = at;
            }
            for ((lesson, card), r) in responses {
                p.respond(&lesson, &card_of(&lesson, card), r);
            }
            p.quiz = quiz;
            p.checkins = checkins;
            p
        })
}

/// Where a card is in its lesson (-1 when the lesson or the card is unknown).
fn position(lesson: &str, card: &str) -> i64 {
    course()
        .lesson(lesson)
        .and_then(|l| l.card_index(card))
        .map_or(-1, |i| i as i64)
}

fn keys<V>(a: &BTreeMap<String, V>, b: &BTreeMap<String, V>) -> BTreeSet<String> {
    a.keys().chain(b.keys()).cloned().collect()
}

fn completed(p: &Progress) -> BTreeSet<String> {
    p.lessons
        .iter()
        .filter(|(_, l)| l.completed)
        .map(|(id, _)| id.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merge_is_commutative(a in progress(), b in progress()) {
        prop_assert_eq!(a.merge(&b, course()), b.merge(&a, course()));
    }

    #[test]
    fn merge_is_associative(a in progress(), b in progress(), c in progress()) {
        let left = a.merge(&b, course()).merge(&c, course());
        let right = a.merge(&b.merge(&c, course()), course());
        prop_assert_eq!(left, right);
    }

    #[test]
    fn merge_is_idempotent(a in progress(), b in progress()) {
        prop_assert_eq!(a.merge(&a, course()), a.clone());
        let ab = a.merge(&b, course());
        prop_assert_eq!(ab.merge(&a, course()), ab.clone(), "merging again adds nothing");
    }

    /// The merge gives exactly the join of the two copies, field by field:
    /// not merely "at least" what each had, so a merge that invented a
    /// completion, kept a stale card or an older note fails here.
    #[test]
    fn merge_gives_exactly_the_join_of_both_copies(a in progress(), b in progress()) {
        let m = a.merge(&b, course());
        // Completed: exactly the lessons either copy finished.
        let either: BTreeSet<String> = completed(&a).union(&completed(&b)).cloned().collect();
        prop_assert_eq!(completed(&m), either);
        // Lessons: exactly the ids of either copy; one side's entry is kept as
        // it is; with both, the later time and the furthest card of the two.
        prop_assert_eq!(m.lessons.keys().cloned().collect::<BTreeSet<_>>(), keys(&a.lessons, &b.lessons));
        for (id, got) in &m.lessons {
            match (a.lessons.get(id), b.lessons.get(id)) {
                (Some(x), Some(y)) => {
                    prop_assert_eq!(got.updated, x.updated.max(y.updated), "{}", id);
                    prop_assert_eq!(got.completed, x.completed || y.completed, "{}", id);
                    let (px, py) = (position(id, &x.card), position(id, &y.card));
                    if px != py {
                        let furthest = if px > py { &x.card } else { &y.card };
                        prop_assert_eq!(&got.card, furthest, "{}", id);
                    } else {
                        prop_assert!(got.card == x.card || got.card == y.card, "{}: {:?}", id, got);
                    }
                }
                (Some(only), None) | (None, Some(only)) => prop_assert_eq!(got, only),
                (None, None) => prop_assert!(false, "{} came from neither copy", id),
            }
        }
        // Responses: exactly the cards of either copy; one side's kept as it
        // is; with both, the newer one (an emptied note included).
        prop_assert_eq!(m.responses.keys().cloned().collect::<BTreeSet<_>>(), keys(&a.responses, &b.responses));
        for (key, got) in &m.responses {
            match (a.responses.get(key), b.responses.get(key)) {
                (Some(x), Some(y)) if x.at() != y.at() => {
                    prop_assert_eq!(got, if x.at() > y.at() { x } else { y }, "{}", key);
                }
                (Some(x), Some(y)) => prop_assert!(got == x || got == y, "{}: {:?}", key, got),
                (Some(only), None) | (None, Some(only)) => prop_assert_eq!(got, only),
                (None, None) => prop_assert!(false, "{} came from neither copy", key),
            }
        }
        // Quiz records: exactly the questions either copy answered.
        prop_assert_eq!(m.quiz.records.keys().cloned().collect::<BTreeSet<_>>(), keys(&a.quiz.records, &b.quiz.records));
        // Check-ins: exactly as their own merge joins them; nothing of a
        // relationship deleted in either copy is left, and every check-in of
        // a relationship deleted in neither is kept.
        prop_assert_eq!(&m.checkins, &a.checkins.merge(&b.checkins));
        let deleted: BTreeSet<String> = keys(&a.checkins.deleted, &b.checkins.deleted);
        prop_assert_eq!(m.checkins.deleted.keys().cloned().collect::<BTreeSet<_>>(), deleted.clone());
        for (rel, entries) in a.checkins.check_ins.iter().chain(&b.checkins.check_ins) {
            for id in entries.keys() {
                prop_assert_eq!(
                    m.checkins.get(rel, id).is_some(),
                    !deleted.contains(rel),
                    "check-in {}/{}", rel, id
                );
            }
        }
        prop_assert!(m.checkins.relationships.keys().all(|r| !deleted.contains(r)));
        prop_assert!(m.checkins.check_ins.keys().all(|r| !deleted.contains(r)));
        prop_assert!(m.checkins.steps.keys().all(|r| !deleted.contains(r)));
        // "Continue": the lesson of the copy that opened one later.
        prop_assert_eq!(m.last_opened_at, a.last_opened_at.max(b.last_opened_at));
        if a.last_opened_at != b.last_opened_at {
            let later = if a.last_opened_at > b.last_opened_at { &a } else { &b };
            prop_assert_eq!(&m.last_lesson, &later.last_lesson);
        }
        prop_assert_eq!(m.schema, closer_core::progress::SCHEMA);
        // The merged copy survives a save and a reload unchanged.
        prop_assert_eq!(Progress::decode(&m.encode()), Ok(m.clone()));
    }

    /// Two tabs make progress at once; each save reaches the other tab
    /// (through the `storage` event) after an arbitrary delay, and each tab
    /// merges what it reads with what it has. However the events interleave,
    /// both tabs end with every lesson either of them finished.
    #[test]
    fn two_tabs_in_any_interleaving_keep_every_completion(
        steps in proptest::collection::vec((any::<bool>(), 0usize..14, 0u8..3), 1..40),
    ) {
        let ls = lessons();
        let mut tabs = [Progress::default(), Progress::default()];
        let mut stored = Progress::default();
        // Saves in flight to each tab, delivered later.
        let mut inbox: [Vec<Progress>; 2] = [Vec::new(), Vec::new()];
        let mut finished = BTreeSet::new();
        for (t, (second, lesson, action)) in steps.into_iter().enumerate() {
            let (me, other) = if second { (1, 0) } else { (0, 1) };
            let lesson = ls[lesson % ls.len()];
            match action {
                // Finish a lesson, then save: the tab merges what is stored
                // first (read, merge, write), as the app does.
                0 => {
                    tabs[me].complete(lesson, t as f64);
                    finished.insert(lesson.id.to_string());
                    tabs[me] = tabs[me].merge(&stored, course());
                    stored = tabs[me].clone();
                    inbox[other].push(stored.clone());
                }
                // Open a card, then save.
                1 => {
                    tabs[me].visit(&lesson.id, lesson.cards[t % lesson.cards.len()].id(), t as f64);
                    tabs[me] = tabs[me].merge(&stored, course());
                    stored = tabs[me].clone();
                    inbox[other].push(stored.clone());
                }
                // A storage event arrives late.
                _ => {
                    if !inbox[me].is_empty() {
                        let seen = inbox[me].remove(0);
                        tabs[me] = tabs[me].merge(&seen, course());
                    }
                }
            }
        }
        // What is stored holds exactly the lessons finished: none lost, none invented.
        prop_assert_eq!(&completed(&stored), &finished, "stored");
        // The late events arrive at last; each merge holds exactly the
        // completions of the tab and of the event, and once all have arrived
        // both tabs know every lesson either of them finished.
        for (i, tab) in tabs.iter_mut().enumerate() {
            for event in inbox[i].drain(..) {
                let merged = tab.merge(&event, course());
                let either: BTreeSet<String> = completed(tab).union(&completed(&event)).cloned().collect();
                prop_assert_eq!(completed(&merged), either);
                *tab = merged;
            }
            prop_assert_eq!(&completed(tab), &finished, "tab {} after every event", i);
        }
    }
}

#[test]
fn the_furthest_card_and_the_newest_response_win() {
    let l = course().lesson("kinds/physical").unwrap();
    let mut a = Progress::default();
    let mut b = Progress::default();
    a.visit(&l.id, l.cards[1].id(), 10.0);
    b.visit(&l.id, l.cards[3].id(), 5.0);
    a.respond(
        &l.id,
        "note",
        Response::Reflected {
            text: "new".into(),
            at: 9.0,
        },
    );
    b.respond(
        &l.id,
        "note",
        Response::Reflected {
            text: "old".into(),
            at: 2.0,
        },
    );
    let m = a.merge(&b, course());
    assert_eq!(m.lessons[&*l.id].card, l.cards[3].id(), "furthest card");
    assert_eq!(m.lessons[&*l.id].updated, 10.0);
    assert_eq!(
        m.response(&l.id, "note"),
        Some(&Response::Reflected {
            text: "new".into(),
            at: 9.0
        })
    );
    // Emptying a note in one tab is not undone by the other tab's older copy.
    a.respond(
        &l.id,
        "note",
        Response::Reflected {
            text: " ".into(),
            at: 11.0,
        },
    );
    assert_eq!(a.merge(&b, course()).response(&l.id, "note"), None);
}

#[test]
fn a_quiz_finished_in_one_tab_is_not_resumed_from_the_other() {
    let mut a = QuizProgress::default();
    assert!(a.start(Scope::All, course(), 7, 100.0));
    let b = a.clone(); // the other tab, still on question 1
    while a.current.is_some() {
        let q = a.current_question(course()).unwrap();
        let right = right_answer(q).into_iter().map(String::from).collect();
        a.check(course(), right, 200.0);
        a.advance(300.0);
    }
    let m = a.merge(&b);
    assert!(m.current.is_none(), "the finished session stays finished");
    assert_eq!(m.last, a.last);
    assert_eq!(m.attempts.len(), 1);
    let best: BTreeMap<_, _> = m.best.clone();
    assert_eq!(
        best["all"],
        (
            course().questions.len() as u32,
            course().questions.len() as u32
        )
    );
}

/// A copy with its import generation (0: never imported; each import or undo adds one).
fn with_generation() -> impl Strategy<Value = (u64, Progress)> {
    (0u64..3, progress())
}

fn join_g(a: &(u64, Progress), b: &(u64, Progress)) -> (u64, Progress) {
    use closer_core::progress::generation::join_generations;
    join_generations((a.0, &a.1), (b.0, &b.1), course())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// With import generations, two tabs' copies still join in any order.
    #[test]
    fn joining_with_generations_is_commutative_associative_and_idempotent(
        a in with_generation(), b in with_generation(), c in with_generation()
    ) {
        prop_assert_eq!(join_g(&a, &b), join_g(&b, &a));
        prop_assert_eq!(join_g(&join_g(&a, &b), &c), join_g(&a, &join_g(&b, &c)));
        prop_assert_eq!(join_g(&a, &a), a.clone());
        let ab = join_g(&a, &b);
        prop_assert_eq!(join_g(&ab, &a), ab.clone());
    }

    /// An import is a replace in every tab: the later generation is taken as
    /// it is, nothing of an older copy merged back (the review's probe 0d);
    /// copies of one generation merge exactly as without generations.
    #[test]
    fn a_later_generation_is_taken_as_it_is(a in progress(), b in progress(), g in 0u64..5) {
        prop_assert_eq!(join_g(&(g, a.clone()), &(g + 1, b.clone())), (g + 1, b.clone()));
        prop_assert_eq!(join_g(&(g, a.clone()), &(g, b.clone())), (g, a.merge(&b, course())));
    }
}

#[test]
fn an_import_mark_says_whether_the_stored_text_is_still_what_the_import_wrote() {
    use closer_core::progress::generation::{digest, ImportMark};
    // Missing or another app's text: generation 0, nothing to undo.
    assert_eq!(ImportMark::decode(None), ImportMark::default());
    assert_eq!(
        ImportMark::decode(Some("{\"generation\":\"x\"")),
        ImportMark::default()
    );
    let text = "{\"schema\":5}";
    let imported = ImportMark::default().imported(digest(text.encode_utf16()));
    assert_eq!(imported.generation, 1);
    assert_eq!(ImportMark::decode(Some(&imported.encode())), imported);
    assert!(imported.still_holds(text.encode_utf16()));
    assert!(!imported.still_holds("{\"schema\":5 }".encode_utf16()));
    // Lone surrogates count as themselves.
    let odd = [0xD800u16, 0x41];
    assert_ne!(digest(odd), digest([0xFFFDu16, 0x41]));
    let undone = imported.undone(digest("{}".encode_utf16()));
    assert_eq!(undone.generation, 2);
    assert!(!undone.still_holds(text.encode_utf16()));
    assert!(undone.still_holds("{}".encode_utf16()));
}
