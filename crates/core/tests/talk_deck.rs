//! "Talk together": the deck of questions (rounds, shuffle, suggested
//! first, pass, deeper) and the favourites' merge laws.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::talk::{Deck, Mark, TalkProgress};
use guide::together_guide;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn rounds() -> &'static [closer_core::content::TalkRound] {
    &together_guide().talk.rounds
}

/// Every question a deck shows in its first round, taking "Next" each time.
fn walk(deck: &mut Deck) -> Vec<String> {
    let mut seen = Vec::new();
    while let Some(q) = deck.current(rounds()) {
        seen.push(q.id.to_string());
        deck.next();
    }
    seen
}

#[test]
fn a_round_shows_each_of_its_questions_once_in_a_shuffled_order() {
    let first = &rounds()[0];
    let all: BTreeSet<String> = first.questions.iter().map(|q| q.id.to_string()).collect();
    let a = walk(&mut Deck::new(rounds(), 1, &[]));
    let b = walk(&mut Deck::new(rounds(), 2, &[]));
    assert_eq!(a.len(), first.questions.len());
    assert_eq!(a.iter().cloned().collect::<BTreeSet<_>>(), all);
    assert_eq!(b.iter().cloned().collect::<BTreeSet<_>>(), all);
    assert_ne!(a, b, "two seeds, two orders");
    assert_eq!(
        a,
        walk(&mut Deck::new(rounds(), 1, &[])),
        "one seed, one order"
    );
}

#[test]
fn suggested_kinds_come_first() {
    let mut deck = Deck::new(rounds(), 7, &["physical"]);
    let first = &rounds()[0];
    let on_physical = first
        .questions
        .iter()
        .filter(|q| q.kinds.iter().any(|k| k.as_ref() == "physical"))
        .count();
    assert!(
        on_physical > 0,
        "the first round has a question on physical closeness"
    );
    let order = walk(&mut deck);
    for id in &order[..on_physical] {
        let q = first
            .questions
            .iter()
            .find(|q| q.id.as_ref() == id)
            .unwrap();
        assert!(
            deck.is_suggested(q),
            "{id} is among the first but not suggested"
        );
    }
}

#[test]
fn a_passed_question_comes_back_at_the_end_of_the_round() {
    let mut deck = Deck::new(rounds(), 3, &[]);
    let n = rounds()[0].questions.len();
    let passed = deck.current(rounds()).unwrap().id.to_string();
    deck.pass();
    assert_ne!(deck.current(rounds()).unwrap().id.as_ref(), passed);
    assert_eq!(deck.progress(), (0, n), "passing counts as nothing taken");
    let rest = walk(&mut deck);
    assert_eq!(rest.len(), n);
    assert_eq!(rest.last(), Some(&passed));
}

#[test]
fn passing_every_question_still_ends_the_round() {
    let mut deck = Deck::new(rounds(), 4, &[]);
    let n = rounds()[0].questions.len();
    for _ in 0..(3 * n) {
        if deck.current(rounds()).is_none() {
            break;
        }
        deck.pass();
    }
    assert!(
        deck.current(rounds()).is_none(),
        "passing cannot go round for ever"
    );
}

#[test]
fn deeper_goes_to_the_next_round_and_stops_at_the_last() {
    let mut deck = Deck::new(rounds(), 5, &[]);
    let ids = |r: usize| -> BTreeSet<String> {
        rounds()[r]
            .questions
            .iter()
            .map(|q| q.id.to_string())
            .collect()
    };
    assert!(ids(0).contains(deck.current(rounds()).unwrap().id.as_ref()));
    deck.next();
    deck.deeper(rounds());
    assert_eq!((deck.round, deck.progress().0), (1, 0));
    assert!(ids(1).contains(deck.current(rounds()).unwrap().id.as_ref()));
    while deck.can_go_deeper(rounds()) {
        deck.deeper(rounds());
    }
    let last = deck.round;
    deck.deeper(rounds());
    assert_eq!(deck.round, last, "no round after the deepest");
    assert_eq!(last, rounds().len() - 1);
    // The same round again: every question, in a new order.
    let once = walk(&mut deck);
    deck.again(rounds());
    let twice = walk(&mut deck);
    assert_eq!(once.len(), twice.len());
    assert_eq!(
        once.iter().collect::<BTreeSet<_>>(),
        twice.iter().collect::<BTreeSet<_>>()
    );
}

fn talk() -> impl Strategy<Value = TalkProgress> {
    // Few ids and few times, so that two copies often disagree and tie.
    prop::collection::btree_map(
        prop::sample::select(vec!["a", "b", "c"]).prop_map(String::from),
        (any::<bool>(), 0u8..3).prop_map(|(on, t)| Mark {
            on,
            at: f64::from(t),
        }),
        0..4,
    )
    .prop_map(|favourites| TalkProgress { favourites })
}

proptest! {
    #[test]
    fn favourites_merge_is_commutative(a in talk(), b in talk()) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
    }

    #[test]
    fn favourites_merge_is_associative(a in talk(), b in talk(), c in talk()) {
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
    }

    #[test]
    fn favourites_merge_is_idempotent(a in talk(), b in talk()) {
        prop_assert_eq!(a.merge(&a), a.clone());
        let ab = a.merge(&b);
        prop_assert_eq!(ab.merge(&b), ab);
    }

    #[test]
    fn the_latest_mark_wins(a in talk(), id in prop::sample::select(vec!["a", "b", "c"]), on in any::<bool>()) {
        let mut later = a.clone();
        later.mark(id, on, 10.0);
        prop_assert_eq!(a.merge(&later).is_favourite(id), on);
        prop_assert_eq!(later.merge(&a).is_favourite(id), on);
    }
}
