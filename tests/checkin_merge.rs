//! Two copies of the check-ins (two tabs, or a file over what is stored)
//! join without losing anything and without bringing back what was deleted:
//! the merge is commutative, associative and idempotent, keeps every
//! check-in, relationship and step of either copy, and a deletion in either
//! copy wins over anything the other did to the same relationship.
//!
//! Copies are built the way the app builds them, by operations on a small
//! pool of relationships and a small set of times, so that ties happen and
//! tie-breaks are exercised: a common history both tabs loaded, then each
//! tab's own operations. As in the app, fresh ids are random, so an id names
//! one thing: a check-in id is made from what the check-in says, a plan id
//! from what was chosen, and a relationship id is never added twice.
#![cfg(not(target_arch = "wasm32"))]

use closer::checkin::{CheckIn, CheckIns, Rating};
use closer::content::checkin_guide;
use proptest::prelude::*;
use std::collections::BTreeSet;

const RELATIONSHIPS: [&str; 3] = ["r0", "r1", "r2"];
const NAMES: [&str; 4] = ["Ann", "Bo", "  Cy  ", "my sister"];
const STEPS: [&str; 3] = ["phones-away", "fixed-time", "say-yes-once"];
const ANSWERS: [&str; 3] = ["tried", "partly", "not-this-week"];
const NOTES: [&str; 3] = ["", "went well", "  <b>we laughed</b> "];

/// One thing a person does in one tab.
#[derive(Debug, Clone)]
enum Op {
    Add {
        r: usize,
        name: usize,
        t: u8,
    },
    Rename {
        r: usize,
        name: usize,
        t: u8,
    },
    Delete {
        r: usize,
        t: u8,
    },
    Record {
        r: usize,
        closeness: u8,
        seed: u16,
        t: u8,
    },
    Choose {
        r: usize,
        step: usize,
        t: u8,
    },
    End {
        r: usize,
        t: u8,
    },
    Review {
        r: usize,
        pick: usize,
        answer: usize,
        note: usize,
        t: u8,
    },
}

/// Times from a small set, so that ties happen.
fn at(t: u8) -> f64 {
    f64::from(t) * 1000.0
}

fn op() -> impl Strategy<Value = Op> {
    let r = 0..RELATIONSHIPS.len();
    let t = 0u8..6;
    prop_oneof![
        4 => (r.clone(), 0..NAMES.len(), t.clone()).prop_map(|(r, name, t)| Op::Add { r, name, t }),
        1 => (r.clone(), 0..NAMES.len(), t.clone()).prop_map(|(r, name, t)| Op::Rename { r, name, t }),
        1 => (r.clone(), t.clone()).prop_map(|(r, t)| Op::Delete { r, t }),
        5 => (r.clone(), 1u8..=7, any::<u16>(), t.clone())
            .prop_map(|(r, closeness, seed, t)| Op::Record { r, closeness, seed, t }),
        3 => (r.clone(), 0..STEPS.len(), t.clone()).prop_map(|(r, step, t)| Op::Choose { r, step, t }),
        1 => (r.clone(), t.clone()).prop_map(|(r, t)| Op::End { r, t }),
        2 => (r, 0usize..4, 0..ANSWERS.len(), 0..NOTES.len(), t)
            .prop_map(|(r, pick, answer, note, t)| Op::Review { r, pick, answer, note, t }),
    ]
}

/// A complete check-in whose ratings come from `seed`.
fn check_in(relationship: &str, closeness: u8, seed: u16, t: u8) -> CheckIn {
    CheckIn {
        relationship: relationship.into(),
        at: at(t),
        closeness,
        kinds: checkin_guide()
            .kinds
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let bits = (seed >> (3 * i)) as u8;
                (
                    k.id.clone(),
                    Rating {
                        now: bits % 5,
                        wished: (bits / 5) % 5,
                    },
                )
            })
            .collect(),
    }
}

/// Does `op` in a tab, as the app would with fresh random ids.
fn apply(c: &mut CheckIns, op: &Op) {
    match *op {
        Op::Add { r, name, t } => {
            let id = RELATIONSHIPS[r];
            // A fresh random id is never one this tab knows already.
            if !c.relationships.contains_key(id) && !c.deleted.contains_key(id) {
                c.add(id, NAMES[name], at(t)).unwrap();
            }
        }
        Op::Rename { r, name, t } => c.rename(RELATIONSHIPS[r], NAMES[name], at(t)).unwrap(),
        Op::Delete { r, t } => c.delete(RELATIONSHIPS[r], at(t)),
        Op::Record {
            r,
            closeness,
            seed,
            t,
        } => {
            let rel = RELATIONSHIPS[r];
            let id = format!("c-{rel}-{t}-{closeness}-{seed}");
            let result = c.record(&id, check_in(rel, closeness, seed, t), checkin_guide());
            assert_eq!(result.is_ok(), c.relationships.contains_key(rel));
        }
        Op::Choose { r, step, t } => {
            let rel = RELATIONSHIPS[r];
            let id = format!("p-{rel}-{step}-{t}");
            if !c.steps.contains_key(&id) {
                c.choose_step(&id, rel, STEPS[step], at(t));
            }
        }
        Op::End { r, t } => c.end_step(RELATIONSHIPS[r], at(t)),
        Op::Review {
            r,
            pick,
            answer,
            note,
            t,
        } => {
            let plans: Vec<String> = c
                .steps
                .iter()
                .filter(|(_, s)| s.relationship == RELATIONSHIPS[r])
                .map(|(id, _)| id.clone())
                .collect();
            if !plans.is_empty() {
                let id = &plans[pick % plans.len()];
                c.review_step(id, ANSWERS[answer], NOTES[note], at(t));
            }
        }
    }
}

fn run(start: &CheckIns, ops: &[Op]) -> CheckIns {
    let mut c = start.clone();
    for op in ops {
        apply(&mut c, op);
    }
    c
}

fn ops(max: usize) -> impl Strategy<Value = Vec<Op>> {
    proptest::collection::vec(op(), 0..max)
}

/// `n` tabs that loaded the same history, each of which then went its own way.
fn tabs(n: usize) -> impl Strategy<Value = Vec<CheckIns>> {
    (ops(12), proptest::collection::vec(ops(10), n)).prop_map(|(common, own)| {
        let base = run(&CheckIns::default(), &common);
        own.iter().map(|ops| run(&base, ops)).collect()
    })
}

fn ids<V>(m: &std::collections::BTreeMap<String, V>) -> BTreeSet<String> {
    m.keys().cloned().collect()
}

/// Every relationship id anything in `c` belongs to.
fn mentioned(c: &CheckIns) -> BTreeSet<String> {
    c.relationships
        .keys()
        .cloned()
        .chain(c.entries.values().map(|e| e.relationship.clone()))
        .chain(c.steps.values().map(|s| s.relationship.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merge_is_commutative(t in tabs(2)) {
        prop_assert_eq!(t[0].merge(&t[1]), t[1].merge(&t[0]));
    }

    #[test]
    fn merge_is_associative(t in tabs(3)) {
        let (a, b, c) = (&t[0], &t[1], &t[2]);
        prop_assert_eq!(a.merge(b).merge(c), a.merge(&b.merge(c)));
    }

    #[test]
    fn merge_is_idempotent(t in tabs(2)) {
        let (a, b) = (&t[0], &t[1]);
        prop_assert_eq!(&a.merge(a), a);
        let ab = a.merge(b);
        prop_assert_eq!(ab.merge(a), ab.clone(), "merging a copy in again adds nothing");
        prop_assert_eq!(ab.merge(&ab), ab.clone());
    }

    /// The merge keeps everything either copy had, except what belongs to a
    /// relationship deleted in either, and invents nothing.
    #[test]
    fn merge_loses_nothing_that_was_not_deleted(t in tabs(2)) {
        let (a, b) = (&t[0], &t[1]);
        let m = a.merge(b);
        let deleted: BTreeSet<String> = ids(&a.deleted).union(&ids(&b.deleted)).cloned().collect();
        prop_assert_eq!(ids(&m.deleted), deleted.clone());
        for (id, when) in &m.deleted {
            let latest = a.deleted.get(id).into_iter().chain(b.deleted.get(id)).fold(f64::MIN, |x, y| x.max(*y));
            prop_assert_eq!(*when, latest, "{}", id);
        }
        let alive = |rel: &String| !deleted.contains(rel);
        let expect_relationships: BTreeSet<String> =
            ids(&a.relationships).union(&ids(&b.relationships)).filter(|r| alive(r)).cloned().collect();
        prop_assert_eq!(ids(&m.relationships), expect_relationships);
        for (id, r) in &m.relationships {
            let copies: Vec<_> = a.relationships.get(id).into_iter().chain(b.relationships.get(id)).collect();
            let added = copies.iter().map(|c| c.added).fold(f64::MAX, f64::min);
            let named_at = copies.iter().map(|c| c.named_at).fold(f64::MIN, f64::max);
            prop_assert_eq!(r.added, added, "{}: the first time it was added", id);
            prop_assert_eq!(r.named_at, named_at, "{}: the latest name", id);
            prop_assert!(copies.iter().any(|c| c.name == r.name && c.named_at == named_at), "{}: {:?}", id, r);
        }
        // Every check-in of either copy, unchanged, unless deleted.
        for (id, e) in a.entries.iter().chain(&b.entries) {
            if alive(&e.relationship) {
                prop_assert_eq!(m.entries.get(id), Some(e), "check-in {} lost", id);
            }
        }
        let expect_entries: BTreeSet<String> = a.entries.iter().chain(&b.entries)
            .filter(|(_, e)| alive(&e.relationship)).map(|(id, _)| id.clone()).collect();
        prop_assert_eq!(ids(&m.entries), expect_entries);
        // Every step of either copy, with the first end and the latest review.
        let expect_steps: BTreeSet<String> = a.steps.iter().chain(&b.steps)
            .filter(|(_, s)| alive(&s.relationship)).map(|(id, _)| id.clone()).collect();
        prop_assert_eq!(ids(&m.steps), expect_steps);
        for (id, s) in &m.steps {
            let copies: Vec<_> = a.steps.get(id).into_iter().chain(b.steps.get(id)).collect();
            let ended = copies.iter().filter_map(|c| c.ended_at).reduce(f64::min);
            prop_assert_eq!(s.ended_at, ended, "{}", id);
            let reviewed = copies.iter().filter_map(|c| c.review.as_ref().map(|r| r.at)).reduce(f64::max);
            prop_assert_eq!(s.review.as_ref().map(|r| r.at), reviewed, "{}", id);
            prop_assert!(copies.iter().all(|c| c.step == s.step && c.chosen_at == s.chosen_at));
        }
        // Nothing of a deleted relationship is left.
        prop_assert!(mentioned(&m).is_disjoint(&deleted));
    }

    /// One tab deletes a relationship while the other keeps using it: checks
    /// in, renames it, chooses, ends and reviews steps. However the copies
    /// meet (either order, through a third tab, again and again), it stays
    /// deleted, and its name is written nowhere.
    #[test]
    fn a_deletion_wins_over_anything_the_other_tab_did(
        common in ops(10),
        r in 0..RELATIONSHIPS.len(),
        t in 0u8..6,
        deleter_ops in ops(6),
        other_ops in ops(12),
        third_ops in ops(6),
    ) {
        let rel = RELATIONSHIPS[r];
        let mut base = run(&CheckIns::default(), &common);
        apply(&mut base, &Op::Add { r, name: 0, t });
        prop_assume!(base.relationships.contains_key(rel));
        let mut deleter = base.clone();
        deleter.delete(rel, at(t));
        let deleter = run(&deleter, &deleter_ops);
        // The other tab works on that very relationship, under a name only it gave.
        let secret = "Secret Name";
        let mut other = base.clone();
        other.rename(rel, secret, at(5)).unwrap();
        let focused: Vec<Op> = other_ops.iter().cloned().map(|op| retarget(op, r)).collect();
        let other = run(&other, &focused);
        prop_assert!(other.relationships.contains_key(rel));
        let third = run(&base, &third_ops);

        let results = [
            deleter.merge(&other),
            other.merge(&deleter),
            deleter.merge(&other).merge(&third),
            third.merge(&other).merge(&deleter),
            other.merge(&third).merge(&deleter),
            other.merge(&third.merge(&deleter)),
            other.merge(&deleter).merge(&other).merge(&base),
        ];
        for m in &results {
            prop_assert!(m.deleted.contains_key(rel));
            prop_assert!(!m.relationships.contains_key(rel));
            prop_assert!(m.history(rel).is_empty());
            prop_assert!(m.current_step(rel).is_none());
            prop_assert!(!mentioned(m).contains(rel));
            let json = serde_json::to_string(m).unwrap();
            prop_assert!(!json.contains(secret), "{}", json);
        }
        // And all orders agree: the two tabs alone (merging the common
        // history in again adds nothing), and the three tabs.
        prop_assert_eq!(&results[1], &results[0]);
        prop_assert_eq!(&results[6], &results[0]);
        for m in &results[3..6] {
            prop_assert_eq!(m, &results[2]);
        }
    }

    /// Two tabs that each merge what is stored before they save end up with
    /// the same check-ins once every save has reached the other, whatever the
    /// order the saves arrived in; no check-in either recorded is lost unless
    /// its relationship was deleted.
    #[test]
    fn two_tabs_in_any_interleaving_agree_and_keep_every_check_in(
        common in ops(8),
        steps in proptest::collection::vec((any::<bool>(), op(), any::<bool>()), 1..40),
    ) {
        let base = run(&CheckIns::default(), &common);
        let mut tabs = [base.clone(), base.clone()];
        let mut stored = base.clone();
        let mut inbox: [Vec<CheckIns>; 2] = [Vec::new(), Vec::new()];
        let mut recorded = BTreeSet::new();
        for (second, op, deliver) in steps {
            let (me, other) = if second { (1, 0) } else { (0, 1) };
            if deliver && !inbox[me].is_empty() {
                let seen = inbox[me].remove(0);
                tabs[me] = tabs[me].merge(&seen);
            } else {
                apply(&mut tabs[me], &op);
                recorded.extend(tabs[me].entries.iter().map(|(id, e)| (id.clone(), e.relationship.clone())));
                tabs[me] = tabs[me].merge(&stored);
                stored = tabs[me].clone();
                inbox[other].push(stored.clone());
            }
        }
        for (i, tab) in tabs.iter_mut().enumerate() {
            for event in inbox[i].drain(..) {
                *tab = tab.merge(&event);
            }
        }
        prop_assert_eq!(&tabs[0], &tabs[1]);
        prop_assert_eq!(&tabs[0], &stored);
        for (id, rel) in &recorded {
            prop_assert_eq!(
                stored.entries.contains_key(id),
                !stored.deleted.contains_key(rel),
                "check-in {} of {}", id, rel
            );
        }
    }
}

/// The same operation, aimed at relationship `r`.
fn retarget(op: Op, r: usize) -> Op {
    match op {
        // Adding is what a fresh id does; here the tab works on `r` instead.
        Op::Add { name, t, .. } | Op::Rename { name, t, .. } => Op::Rename { r, name, t },
        // This tab never deletes `r` itself.
        Op::Delete { t, .. } | Op::End { t, .. } => Op::End { r, t },
        Op::Record {
            closeness, seed, t, ..
        } => Op::Record {
            r,
            closeness,
            seed,
            t,
        },
        Op::Choose { step, t, .. } => Op::Choose { r, step, t },
        Op::Review {
            pick,
            answer,
            note,
            t,
            ..
        } => Op::Review {
            r,
            pick,
            answer,
            note,
            t,
        },
    }
}

#[test]
fn a_rename_in_one_tab_and_a_check_in_in_the_other_both_survive() {
    let g = checkin_guide();
    let mut base = CheckIns::default();
    base.add("r", "J.", 1.0).unwrap();
    let mut a = base.clone();
    let mut b = base.clone();
    a.rename("r", "Jo", 5.0).unwrap();
    b.record("c", check_in("r", 4, 77, 3), g).unwrap();
    b.rename("r", "Joe", 4.0).unwrap();
    for m in [a.merge(&b), b.merge(&a)] {
        assert_eq!(m.relationships["r"].name, "Jo", "the later name wins");
        assert_eq!(m.relationships["r"].added, 1.0);
        assert_eq!(m.history("r").len(), 1);
    }
    // Named at the same moment: both tabs pick the same one.
    b.rename("r", "Joe", 5.0).unwrap();
    assert_eq!(a.merge(&b), b.merge(&a));
}

#[test]
fn a_check_in_made_after_a_deletion_elsewhere_does_not_bring_it_back() {
    let g = checkin_guide();
    let mut base = CheckIns::default();
    base.add("r", "Zanzibar Aunt", 1.0).unwrap();
    let mut a = base.clone();
    let mut b = base.clone();
    a.delete("r", 2.0);
    // Later by the clock, in the tab that has not heard of the deletion.
    b.record("c-late", check_in("r", 6, 1, 5), g).unwrap();
    b.rename("r", "Zanzibar", 9.0).unwrap();
    b.choose_step("p", "r", "phones-away", 9.0);
    for m in [
        a.merge(&b),
        b.merge(&a),
        a.merge(&b).merge(&b),
        b.merge(&base).merge(&a),
    ] {
        assert!(m.relationships.is_empty());
        assert!(m.entries.is_empty());
        assert!(m.steps.is_empty());
        assert_eq!(m.deleted["r"], 2.0);
        assert!(!serde_json::to_string(&m).unwrap().contains("Zanzibar"));
    }
}

// Two laws that hold only while an id names one thing. Random ids make that
// so in the app; a hand-edited or crafted file can break it. Run with
// `cargo test --test checkin_merge -- --ignored` once the merge handles them.

/// Adding a relationship under an id that carries a deletion marker is
/// accepted, and gives a copy that merging with itself changes.
#[test]
#[ignore = "known gap: `add` accepts an id that has a deletion marker, so merge(a, a) != a"]
fn a_copy_merged_with_itself_is_unchanged_even_after_an_id_is_added_again() {
    let mut a = CheckIns::default();
    a.add("r", "J.", 1.0).unwrap();
    a.delete("r", 2.0);
    a.add("r", "K.", 3.0).unwrap();
    assert_eq!(a.merge(&a), a);
}

/// One check-in id under two relationships, one of them deleted: which copy
/// of the check-in survives depends on the order of the merges.
#[test]
#[ignore = "known gap: with one check-in id under two relationships, merge is not associative"]
fn merge_is_associative_even_when_one_id_names_two_check_ins() {
    let g = checkin_guide();
    let mut a = CheckIns::default();
    a.add("r1", "J.", 0.0).unwrap();
    a.record("c", check_in("r1", 3, 0, 2), g).unwrap();
    let mut b = CheckIns::default();
    b.delete("r1", 1000.0);
    let mut c = CheckIns::default();
    c.add("r2", "K.", 0.0).unwrap();
    c.record("c", check_in("r2", 3, 0, 1), g).unwrap();
    // (a + b) + c keeps r2's check-in "c"; a + (b + c) prefers a's later
    // "c" of r1 in the join, then drops it with r1.
    assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
}
