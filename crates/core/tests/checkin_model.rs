//! Check-ins on relationships: names, adding, renaming and deleting, what a
//! check-in must hold to be kept, its history, its gaps and what changed,
//! and what an imported file's check-ins are trimmed to.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::{
    change_since, clean_name, fitting_practices, gaps, ranked_gaps, same_name, suggested_steps,
    CheckIn, CheckInError, CheckIns, NameError, Rating, Relationship, RelationshipName, StepPlan,
    CLOSENESS_MAX, NAME_MAX_CHARS, SCALE_MAX,
};
use closer_core::content::CheckinGuide;
use closer_core::time::DAY;
use guide::checkin_guide;
use std::collections::BTreeMap;

fn guide() -> &'static CheckinGuide {
    checkin_guide()
}

/// A name that keeps the rules, as the views parse it.
fn valid_name(text: &str) -> RelationshipName {
    RelationshipName::parse(text).expect("a valid name")
}

/// The guide's kind ids, in its order.
fn kind_ids() -> Vec<String> {
    guide().kinds.iter().map(|k| k.id.to_string()).collect()
}

/// A complete check-in: `ratings[i]` is (now, wished) of the guide's kind `i`.
fn check_in(at: f64, closeness: u8, ratings: [(u8, u8); 5]) -> CheckIn {
    assert_eq!(guide().kinds.len(), 5, "the guide has five kinds");
    CheckIn {
        at,
        closeness,
        kinds: kind_ids()
            .into_iter()
            .zip(ratings)
            .map(|(id, (now, wished))| (id, Rating { now, wished }))
            .collect(),
    }
}

fn flat(at: f64) -> CheckIn {
    check_in(at, 3, [(2, 2); 5])
}

const T: f64 = 1_796_000_000_000.0;

#[test]
fn names_are_trimmed_and_limited_in_characters_not_bytes() {
    assert_eq!(clean_name("  my sister \t"), Ok("my sister".to_string()));
    assert_eq!(clean_name("J."), Ok("J.".to_string()));
    for empty in ["", " ", "\t\n  "] {
        assert_eq!(clean_name(empty), Err(NameError::Empty), "{empty:?}");
    }
    assert_eq!(NAME_MAX_CHARS, 40);
    let forty = "a".repeat(40);
    assert_eq!(clean_name(&forty), Ok(forty.clone()));
    assert_eq!(clean_name(&"a".repeat(41)), Err(NameError::TooLong));
    // Spaces around the name do not count against it.
    assert_eq!(clean_name(&format!("   {forty}   ")), Ok(forty));
    // Multi-byte characters count as one each: 40 "ü" are 80 bytes, and fine.
    let umlauts = "ü".repeat(40);
    assert_eq!(umlauts.len(), 80);
    assert_eq!(clean_name(&umlauts), Ok(umlauts.clone()));
    assert_eq!(clean_name(&"ü".repeat(41)), Err(NameError::TooLong));
    let cjk = "妹".repeat(40);
    assert_eq!(clean_name(&cjk), Ok(cjk));
    // Hidden characters that reorder text or hide in it are refused.
    for hidden in [
        "my\u{202E}sister",
        "A\u{200B}lex",
        "\u{2066}Tom\u{2069}",
        "Jo\nJo",
    ] {
        assert_eq!(clean_name(hidden), Err(NameError::Hidden), "{hidden:?}");
    }
    assert_eq!(
        clean_name("Shirin\u{200C}"),
        Ok("Shirin\u{200C}".to_string()),
        "a joiner is a letter's"
    );
    assert_eq!(clean_name(&"妹".repeat(41)), Err(NameError::TooLong));
    // The refusals say what to do.
    // A relationship's name is parsed by the same rules, once.
    for text in [
        "  my sister \t",
        "J.",
        "",
        "   ",
        &"a".repeat(41),
        &"妹".repeat(40),
    ] {
        assert_eq!(
            RelationshipName::parse(text).map(String::from),
            clean_name(text),
            "{text:?}"
        );
    }
    let name = valid_name("  Sam ");
    assert_eq!(
        (name.as_str(), name.to_string()),
        ("Sam", "Sam".to_string())
    );
    assert!(NameError::Empty.to_string().contains("name"));
    assert!(NameError::TooLong.to_string().contains("40 characters"));
}

#[test]
fn adding_keeps_the_trimmed_name_and_refuses_a_bad_one() {
    let mut c = CheckIns::default();
    assert!(c.is_empty());
    assert!(c.add("r1", valid_name("  my sister "), T));
    assert_eq!(
        c.relationships["r1"],
        Relationship {
            name: "my sister".into(),
            named_at: T,
            added: T
        }
    );
    assert!(!c.is_empty());
    // A refused name is refused when it is read, before anything can be added.
    assert_eq!(RelationshipName::parse("   "), Err(NameError::Empty));
    assert_eq!(
        RelationshipName::parse(&"x".repeat(41)),
        Err(NameError::TooLong)
    );
    assert_eq!(c.relationships.keys().collect::<Vec<_>>(), ["r1"]);
}

#[test]
fn renaming_keeps_the_id_the_check_ins_and_the_step() {
    let g = guide();
    let mut c = CheckIns::default();
    c.add("r1", valid_name("J."), T);
    c.record("r1", "c1", flat(T + 1.0), g).unwrap();
    c.choose_step("p1", "r1", "phones-away", T + 2.0);
    let before = c.clone();

    c.rename("r1", valid_name("  Jo  "), T + 10.0).unwrap();
    assert_eq!(
        c.relationships["r1"],
        Relationship {
            name: "Jo".into(),
            named_at: T + 10.0,
            added: T
        }
    );
    assert_eq!(c.relationships.len(), 1);
    assert_eq!(c.check_ins, before.check_ins);
    assert_eq!(c.steps, before.steps);
    assert!(c.get("r1", "c1").is_some());
    assert_eq!(c.history("r1").len(), 1);
    assert_eq!(c.current_step("r1").map(|(id, _)| id), Some("p1"));

    // Renaming someone who is not there is refused, and adds no one.
    assert_eq!(
        c.rename("nobody", valid_name("Ghost"), T + 30.0),
        Err(CheckInError::NoRelationship)
    );
    assert!(!c.relationships.contains_key("nobody"));
    assert_eq!(c.relationships["r1"].name, "Jo");
    assert_eq!(c.relationships["r1"].named_at, T + 10.0);
}

#[test]
fn deleting_leaves_only_a_marker_with_the_id() {
    let g = guide();
    let name = "Zanzibar Aunt";
    let mut c = CheckIns::default();
    c.add("gone", valid_name(name), T);
    c.add("kept", valid_name("Kept Friend"), T + 1.0);
    c.record("gone", "c-gone-1", flat(T + 2.0), g).unwrap();
    c.record("gone", "c-gone-2", flat(T + 3.0), g).unwrap();
    c.record("kept", "c-kept", flat(T + 4.0), g).unwrap();
    c.choose_step("p-gone", "gone", "say-it-back", T + 5.0);
    c.review_step(
        "gone",
        "p-gone",
        "tried",
        "Zanzibar note about her",
        T + 8.0 * DAY,
    );
    c.choose_step("p-kept", "kept", "fixed-time", T + 6.0);

    c.delete("gone", T + 100.0);

    assert_eq!(
        c.relationships.keys().collect::<Vec<_>>(),
        ["kept"],
        "the deleted relationship is gone, the other stays"
    );
    // The deleted relationship's maps go whole: not left behind empty.
    assert_eq!(c.check_ins.keys().collect::<Vec<_>>(), ["kept"]);
    assert_eq!(c.check_ins["kept"].keys().collect::<Vec<_>>(), ["c-kept"]);
    assert_eq!(c.steps.keys().collect::<Vec<_>>(), ["kept"]);
    assert_eq!(c.steps["kept"].keys().collect::<Vec<_>>(), ["p-kept"]);
    assert_eq!((c.check_in_count(), c.step_count()), (1, 1));
    assert_eq!(c.get("gone", "c-gone-1"), None);
    assert_eq!(c.deleted, BTreeMap::from([("gone".to_string(), T + 100.0)]));
    assert!(c.history("gone").is_empty());
    assert!(c.latest("gone").is_none());
    assert!(c.current_step("gone").is_none());
    assert!(c.step_notes("gone").is_empty());

    // Nothing of it is written anywhere: not its name, not its note.
    let json = serde_json::to_string(&c).unwrap();
    assert!(!json.contains("Zanzibar"), "{json}");
    assert!(!json.contains("say-it-back"), "{json}");
    assert!(!json.contains("c-gone"), "{json}");
    assert_eq!(
        json.matches("\"gone\"").count(),
        1,
        "the id appears once, as the marker: {json}"
    );
    let p = closer_core::progress::Progress {
        checkins: c.clone(),
        ..Default::default()
    };
    assert!(!p.encode().contains(name));

    // It cannot be written to any more, and renaming does not bring it back.
    assert_eq!(
        c.record("gone", "c-late", flat(T + 200.0), g),
        Err(CheckInError::NoRelationship)
    );
    c.choose_step("p-late", "gone", "phones-away", T + 200.0);
    assert!(!c.steps.contains_key("gone"));
    assert!(!c.check_ins.contains_key("gone"));
    assert_eq!(
        c.rename("gone", valid_name("Back again"), T + 200.0),
        Err(CheckInError::NoRelationship)
    );
    assert!(!c.relationships.contains_key("gone"));

    // Deleting again keeps the later time, whichever comes first.
    c.delete("gone", T + 50.0);
    assert_eq!(c.deleted["gone"], T + 100.0);
    c.delete("gone", T + 300.0);
    assert_eq!(c.deleted["gone"], T + 300.0);
    assert!(!c.is_empty(), "a marker alone is something to keep");
    let mut only_marker = CheckIns::default();
    only_marker.delete("x", T);
    assert!(!only_marker.is_empty());
}

#[test]
fn a_check_in_is_kept_only_when_complete_and_in_range() {
    let g = guide();
    let mut c = CheckIns::default();
    c.add("r1", valid_name("J."), T);
    let names: Vec<String> = g.kinds.iter().map(|k| k.name.to_string()).collect();
    let ids = kind_ids();

    // The relationship is checked first, even before the answers.
    let mut incomplete = flat(T);
    incomplete.closeness = 0;
    assert_eq!(
        c.record("nobody", "x", incomplete, g),
        Err(CheckInError::NoRelationship)
    );

    for closeness in [0, CLOSENESS_MAX + 1, u8::MAX] {
        let mut ci = flat(T);
        ci.closeness = closeness;
        assert_eq!(
            c.record("r1", "x", ci, g),
            Err(CheckInError::NoCloseness),
            "{closeness}"
        );
    }

    // A kind left out, or rated beyond the scale: that kind, by its name.
    let mut missing = flat(T);
    missing.kinds.remove(&ids[3]);
    assert_eq!(
        c.record("r1", "x", missing, g),
        Err(CheckInError::Unrated(names[3].clone()))
    );
    let mut now_too_high = flat(T);
    now_too_high.kinds.get_mut(&ids[1]).unwrap().now = SCALE_MAX + 1;
    assert_eq!(
        c.record("r1", "x", now_too_high, g),
        Err(CheckInError::Unrated(names[1].clone()))
    );
    let mut wished_too_high = flat(T);
    wished_too_high.kinds.get_mut(&ids[4]).unwrap().wished = SCALE_MAX + 1;
    assert_eq!(
        c.record("r1", "x", wished_too_high, g),
        Err(CheckInError::Unrated(names[4].clone()))
    );
    let mut nothing_rated = flat(T);
    nothing_rated.kinds.clear();
    assert_eq!(
        c.record("r1", "x", nothing_rated, g),
        Err(CheckInError::Unrated(names[0].clone())),
        "the first kind in the guide's order is named"
    );

    // A kind the guide does not have.
    let mut extra = flat(T);
    extra
        .kinds
        .insert("romantic".into(), Rating { now: 1, wished: 2 });
    assert_eq!(
        c.record("r1", "x", extra, g),
        Err(CheckInError::UnknownKind("romantic".into()))
    );

    assert!(c.check_ins.is_empty(), "no refused check-in is kept");
    assert_eq!(c.check_in_count(), 0);

    // The edges of every range are fine.
    c.record("r1", "lo", check_in(T, 1, [(0, 0); 5]), g)
        .unwrap();
    c.record(
        "r1",
        "hi",
        check_in(T + 1.0, CLOSENESS_MAX, [(SCALE_MAX, SCALE_MAX); 5]),
        g,
    )
    .unwrap();
    assert_eq!(c.check_in_count(), 2);
    assert_eq!(c.get("r1", "hi").map(|ci| ci.closeness), Some(7));
    assert_eq!(c.get("r1", "lo").map(|ci| ci.closeness), Some(1));
    assert_eq!(c.get("r2", "hi"), None, "under its own relationship only");
    assert_eq!(SCALE_MAX, 4);

    // The refusals read as sentences.
    assert!(CheckInError::Unrated("Physical".into())
        .to_string()
        .contains("Physical: please answer both"));
    assert!(CheckInError::UnknownKind("romantic".into())
        .to_string()
        .contains("no longer uses"));
    assert!(CheckInError::NoRelationship
        .to_string()
        .contains("another tab"));
    assert!(!CheckInError::NoCloseness.to_string().is_empty());
}

#[test]
fn history_is_oldest_first_with_ties_in_id_order() {
    let g = guide();
    let mut c = CheckIns::default();
    c.add("r1", valid_name("J."), T);
    c.add("r2", valid_name("K."), T);
    assert!(c.history("r1").is_empty());
    assert!(c.latest("r1").is_none());
    // Recorded out of order, with two at the same moment.
    c.record("r1", "c-late", flat(T + 30.0), g).unwrap();
    c.record("r1", "c-b", flat(T + 10.0), g).unwrap();
    c.record("r1", "c-a", flat(T + 10.0), g).unwrap();
    c.record("r1", "a-first", flat(T + 5.0), g).unwrap();
    c.record("r2", "other", flat(T + 20.0), g).unwrap();

    let ids: Vec<&str> = c.history("r1").into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["a-first", "c-a", "c-b", "c-late"]);
    assert_eq!(c.latest("r1").map(|(id, _)| id), Some("c-late"));
    assert_eq!(c.latest("r2").map(|(id, _)| id), Some("other"));

    assert_eq!(c.previous("r1", "c-late").map(|(id, _)| id), Some("c-b"));
    assert_eq!(c.previous("r1", "c-b").map(|(id, _)| id), Some("c-a"));
    assert_eq!(c.previous("r1", "c-a").map(|(id, _)| id), Some("a-first"));
    assert_eq!(
        c.previous("r1", "a-first"),
        None,
        "the first has none before it"
    );
    assert_eq!(
        c.previous("r2", "other"),
        None,
        "another relationship's is not 'before'"
    );
    assert_eq!(
        c.previous("r1", "other"),
        None,
        "asked under the wrong relationship"
    );
    assert_eq!(
        c.previous("r2", "c-late"),
        None,
        "asked under the wrong relationship"
    );
    assert_eq!(c.previous("r1", "no-such-check-in"), None);
    assert_eq!(c.previous("nobody", "c-late"), None);
    assert_eq!(c.check_in_count(), 5);
}

#[test]
fn one_check_in_id_under_two_relationships_names_two_check_ins() {
    // Ids are random, so this happens only in a crafted file; but each
    // relationship keeps its own, and a deletion takes only its own.
    let g = guide();
    let mut c = CheckIns::default();
    c.add("r1", valid_name("J."), T);
    c.add("r2", valid_name("K."), T + 1.0);
    c.record("r1", "same", check_in(T + 10.0, 2, [(1, 1); 5]), g)
        .unwrap();
    c.record("r2", "same", check_in(T + 20.0, 6, [(3, 3); 5]), g)
        .unwrap();
    c.record("r2", "earlier", flat(T + 5.0), g).unwrap();
    assert_eq!(c.check_in_count(), 3);
    assert_eq!(c.get("r1", "same").map(|ci| ci.closeness), Some(2));
    assert_eq!(c.get("r2", "same").map(|ci| ci.closeness), Some(6));
    assert_eq!(
        c.history("r1")
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>(),
        ["same"]
    );
    assert_eq!(
        c.history("r2")
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>(),
        ["earlier", "same"]
    );
    assert_eq!(c.previous("r1", "same"), None);
    assert_eq!(c.previous("r2", "same").map(|(id, _)| id), Some("earlier"));

    // The same plan id under both, too.
    c.choose_step("plan", "r1", "phones-away", T + 30.0);
    c.choose_step("plan", "r2", "fixed-time", T + 31.0);
    assert_eq!(c.step_count(), 2);
    c.review_step("r1", "plan", "tried", "note one", T + 40.0);
    assert!(
        c.current_step("r1").is_none(),
        "r1's plan was looked back on"
    );
    assert_eq!(
        c.current_step("r2").map(|(id, s)| (id, s.step.as_str())),
        Some(("plan", "fixed-time")),
        "r2's plan of the same id is untouched"
    );

    c.delete("r1", T + 50.0);
    assert_eq!(c.get("r1", "same"), None);
    assert_eq!(c.get("r2", "same").map(|ci| ci.closeness), Some(6));
    assert_eq!(c.check_in_count(), 2);
    assert_eq!(c.step_count(), 1);
    assert_eq!(c.current_step("r2").map(|(id, _)| id), Some("plan"));
    // And a merge with a copy that still has r1 keeps it that way.
    let mut older = CheckIns::default();
    older.add("r1", valid_name("J."), T);
    older
        .record("r1", "same", check_in(T + 60.0, 7, [(4, 4); 5]), g)
        .unwrap();
    for m in [c.merge(&older), older.merge(&c)] {
        assert_eq!(m, c);
    }
}

#[test]
fn an_id_that_was_deleted_stays_deleted_when_added_again() {
    let g = guide();
    let mut c = CheckIns::default();
    c.add("r", valid_name("J."), T);
    c.delete("r", T + 1.0);
    let deleted = c.clone();
    assert!(
        !c.add("r", valid_name("K."), T + 2.0),
        "it says it was not added"
    );
    assert_eq!(c, deleted, "but nothing is added");
    assert!(!c.relationships.contains_key("r"));
    assert_eq!(
        c.record("r", "c", flat(T + 3.0), g),
        Err(CheckInError::NoRelationship)
    );
    c.choose_step("p", "r", "phones-away", T + 4.0);
    assert_eq!(c, deleted);
    // The copy merges with itself into itself.
    assert_eq!(c.merge(&c), c);
    // Another id is added as usual.
    c.add("r-new", valid_name("K."), T + 6.0);
    assert_eq!(c.relationships.keys().collect::<Vec<_>>(), ["r-new"]);
}

#[test]
fn relationships_are_listed_in_the_order_they_were_added() {
    let mut c = CheckIns::default();
    c.add("z", valid_name("Zed"), T);
    c.add("b", valid_name("Bee"), T + 5.0);
    c.add("a", valid_name("Ay"), T + 5.0);
    c.add("m", valid_name("Em"), T - 5.0);
    // Renaming does not move anyone.
    c.rename("m", valid_name("Emma"), T + 100.0).unwrap();
    let order: Vec<&str> = c
        .relationships_in_order()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(order, ["m", "z", "a", "b"]);
}

#[test]
fn gaps_follow_the_guide_and_rank_only_what_is_wished_for_more() {
    let g = guide();
    // Kinds in guide order: gaps +1, +3, -2, +3, 0.
    let ci = check_in(T, 4, [(1, 2), (0, 3), (4, 2), (1, 4), (2, 2)]);
    let all = gaps(&ci, g);
    assert_eq!(
        all.iter().map(|x| x.kind.id.as_ref()).collect::<Vec<_>>(),
        kind_ids()
    );
    assert_eq!(
        all.iter().map(|x| x.size()).collect::<Vec<_>>(),
        [1, 3, -2, 3, 0]
    );
    assert_eq!(all[2].rating, Rating { now: 4, wished: 2 });

    let ranked = |limit| -> Vec<(String, i8)> {
        ranked_gaps(&ci, g, limit)
            .into_iter()
            .map(|x| (x.kind.id.to_string(), x.size()))
            .collect()
    };
    let ids = kind_ids();
    // Biggest first; the two gaps of 3 keep the guide's order; no 0 or negative gap.
    assert_eq!(
        ranked(10),
        [
            (ids[1].clone(), 3),
            (ids[3].clone(), 3),
            (ids[0].clone(), 1)
        ]
    );
    assert_eq!(ranked(2), [(ids[1].clone(), 3), (ids[3].clone(), 3)]);
    assert_eq!(ranked(1), [(ids[1].clone(), 3)]);
    assert!(ranked(0).is_empty());

    // Nothing wished for beyond what there is: nothing to rank.
    let content = check_in(T, 4, [(3, 3), (4, 0), (2, 2), (1, 1), (0, 0)]);
    assert!(ranked_gaps(&content, g, 5).is_empty());
    assert_eq!(gaps(&content, g).len(), 5);

    // A kind the check-in lacks is left out, not invented.
    let mut partial = ci.clone();
    partial.kinds.remove(&ids[1]);
    assert_eq!(gaps(&partial, g).len(), 4);
    assert_eq!(
        ranked_gaps(&partial, g, 5)
            .iter()
            .map(|x| x.kind.id.as_ref())
            .collect::<Vec<_>>(),
        [ids[3].as_str(), ids[0].as_str()]
    );
    assert_eq!(Rating { now: 4, wished: 0 }.gap(), -4);
    assert_eq!(Rating { now: 0, wished: 4 }.gap(), 4);
}

#[test]
fn suggested_steps_offer_one_step_per_biggest_gap_each_once() {
    let g = guide();
    let ids = kind_ids();
    // Gaps +1, +3, -2, +3, 0: the kinds ranked 1, 3, 0.
    let ci = check_in(T, 4, [(1, 2), (0, 3), (4, 2), (1, 4), (2, 2)]);
    let s = suggested_steps(Some(&ci), g, 3);
    assert_eq!(
        s.iter()
            .map(|x| x.kind.map(|k| k.id.to_string()))
            .collect::<Vec<_>>(),
        [
            Some(ids[1].clone()),
            Some(ids[3].clone()),
            Some(ids[0].clone())
        ]
    );
    // Each step belongs to a practice that fits its kind, and no step is offered twice.
    for x in &s {
        let kind = x.kind.expect("a kind");
        assert!(
            kind.practices.contains(&x.step.practice),
            "{} does not fit {}",
            x.step.id,
            kind.id
        );
    }
    let mut steps: Vec<&str> = s.iter().map(|x| x.step.id.as_ref()).collect();
    steps.dedup();
    assert_eq!(steps.len(), 3);
    // The practices that fit, best first, each once; every suggestion is among them.
    let practices = fitting_practices(&ci, g, 3);
    let mut once = practices.clone();
    once.sort();
    once.dedup();
    assert_eq!(once.len(), practices.len());
    assert!(s
        .iter()
        .all(|x| practices.iter().any(|p| *p == x.step.practice)));
    assert_eq!(practices[0], g.kinds[1].practices[0].to_string());
    // Fewer gaps, fewer suggestions.
    assert_eq!(suggested_steps(Some(&ci), g, 1).len(), 1);

    // No gap, or no check-in: the first step of each practice, up to the limit.
    let content = check_in(T, 4, [(3, 3), (4, 0), (2, 2), (1, 1), (0, 0)]);
    for none in [
        suggested_steps(Some(&content), g, 3),
        suggested_steps(None, g, 3),
    ] {
        assert_eq!(none.len(), 3);
        assert!(none.iter().all(|x| x.kind.is_none()));
        assert_eq!(none[0].step.id, g.steps[0].id);
        let mut p: Vec<&str> = none.iter().map(|x| x.step.practice.as_ref()).collect();
        p.dedup();
        assert_eq!(p.len(), 3, "three different practices");
    }
    assert!(fitting_practices(&content, g, 3).is_empty());
}

#[test]
fn change_since_lists_what_moved_in_gentle_sentences() {
    let g = guide();
    let names: Vec<String> = g.kinds.iter().map(|k| k.name.to_string()).collect();
    let before = check_in(T, 3, [(1, 3), (2, 2), (2, 4), (0, 0), (4, 4)]);

    // Closer, with the first kind's gap smaller and the third's bigger.
    let after = check_in(T + DAY, 5, [(2, 3), (2, 2), (1, 4), (0, 0), (4, 4)]);
    let change = change_since(&before, &after, g);
    assert!(!change.is_none());
    assert_eq!(change.closeness, (3, 5));
    assert_eq!(
        change
            .kinds
            .iter()
            .map(|k| k.kind.id.as_ref())
            .collect::<Vec<_>>(),
        [kind_ids()[0].as_str(), kind_ids()[2].as_str()]
    );
    assert_eq!(change.kinds[0].before, Rating { now: 1, wished: 3 });
    assert_eq!(change.kinds[0].after, Rating { now: 2, wished: 3 });
    assert_eq!(
        change.sentences(g),
        [
            "Closeness: you chose picture 5, closer than last time (3).".to_string(),
            format!(
                "{}: now “some” (before: “a little”); wished for “quite a lot” (no change); the gap is smaller.",
                names[0]
            ),
            format!(
                "{}: now “a little” (before: “some”); wished for “a great deal” (no change); the gap is bigger.",
                names[2]
            ),
        ]
    );

    // Less close, and a kind whose ratings moved with the same gap.
    let after = check_in(T + DAY, 2, [(1, 3), (3, 3), (2, 4), (0, 0), (4, 4)]);
    assert_eq!(
        change_since(&before, &after, g).sentences(g),
        [
            "Closeness: you chose picture 2, less close than last time (3).".to_string(),
            format!(
                "{}: now “quite a lot” (before: “some”); wished for “quite a lot” (before: “some”); the gap is the same.",
                names[1]
            ),
        ]
    );

    // Nothing moved.
    let same = check_in(T + DAY, 3, [(1, 3), (2, 2), (2, 4), (0, 0), (4, 4)]);
    let change = change_since(&before, &same, g);
    assert!(change.is_none());
    assert!(change.kinds.is_empty());
    assert_eq!(
        change.sentences(g),
        [
            "Closeness: the same picture as last time (3).",
            "The five kinds: the same answers as last time.",
        ]
    );

    // The same picture but a kind moved: not "none".
    let moved = check_in(T + DAY, 3, [(1, 3), (2, 2), (2, 4), (0, 1), (4, 4)]);
    let change = change_since(&before, &moved, g);
    assert!(!change.is_none());
    assert_eq!(change.sentences(g).len(), 2);
    assert!(change.sentences(g)[1].contains("the gap is bigger"));

    // A gap that changes sign compares by its size: -2 to +1 is smaller.
    let b = check_in(T, 3, [(4, 2), (0, 0), (0, 0), (0, 0), (0, 0)]);
    let a = check_in(T, 3, [(1, 2), (0, 0), (0, 0), (0, 0), (0, 0)]);
    assert!(change_since(&b, &a, g).sentences(g)[1].ends_with("the gap is smaller."));
}

#[test]
fn sanitize_keeps_only_what_the_guide_can_show_and_says_what_it_left_out() {
    let g = guide();
    let mut c = CheckIns::default();
    c.add("good", valid_name("Good"), T);
    c.record("good", "ci-good", flat(T + 1.0), g).unwrap();
    c.choose_step("st-good", "good", "phones-away", T + 2.0);
    // A name with spaces around it, as a hand-edited file might have.
    c.relationships.insert(
        "padded".into(),
        Relationship {
            name: "  Padded  ".into(),
            named_at: T,
            added: T,
        },
    );
    // A relationship without a usable name, with a check-in of its own.
    c.relationships.insert(
        "unnamed".into(),
        Relationship {
            name: "   ".into(),
            named_at: T,
            added: T,
        },
    );
    // A name typed before hidden characters were refused keeps its letters.
    c.relationships.insert(
        "hidden".into(),
        Relationship {
            name: "To\u{202E}m".into(),
            named_at: T,
            added: T,
        },
    );
    c.relationships.insert(
        "long".into(),
        Relationship {
            name: "n".repeat(41),
            named_at: T,
            added: T,
        },
    );
    let insert = |c: &mut CheckIns, rel: &str, id: &str, ci: CheckIn| {
        c.check_ins
            .entry(rel.into())
            .or_default()
            .insert(id.into(), ci);
    };
    insert(&mut c, "unnamed", "ci-unnamed", flat(T + 3.0));
    // Two check-ins of a relationship the file does not have.
    insert(&mut c, "nobody", "ci-orphan", flat(T + 4.0));
    insert(&mut c, "nobody", "ci-orphan-2", flat(T + 4.5));
    // An incomplete check-in, and one with a kind the guide lacks.
    let mut incomplete = flat(T + 5.0);
    incomplete.kinds.remove(&kind_ids()[0]);
    insert(&mut c, "good", "ci-incomplete", incomplete.clone());
    let mut odd = flat(T + 6.0);
    odd.kinds
        .insert("romantic".into(), Rating { now: 0, wished: 1 });
    insert(&mut c, "good", "ci-unknown-kind", odd);
    // A relationship whose only check-in is incomplete: its map goes whole.
    insert(&mut c, "padded", "ci-padded", incomplete);
    // A step the guide does not have, one with an unknown answer, an orphan.
    let plan = |step: &str| StepPlan {
        step: step.into(),
        chosen_at: T,
        ended_at: Some(T + 1.0),
        review: None,
    };
    let insert_plan = |c: &mut CheckIns, rel: &str, id: &str, s: StepPlan| {
        c.steps.entry(rel.into()).or_default().insert(id.into(), s);
    };
    insert_plan(&mut c, "good", "st-unknown", plan("juggle-knives"));
    insert_plan(&mut c, "nobody", "st-orphan", plan("phones-away"));
    insert_plan(&mut c, "good", "st-answer", plan("fixed-time"));
    c.review_step("good", "st-answer", "maybe-later", "", T + 7.0 * DAY);
    insert_plan(&mut c, "good", "st-reviewed", plan("fixed-time"));
    c.review_step("good", "st-reviewed", "partly", "ok", T + 7.0 * DAY);
    // Whatever belongs to a deleted relationship goes, without a word.
    c.relationships.insert(
        "deleted".into(),
        Relationship {
            name: "Deleted".into(),
            named_at: T,
            added: T,
        },
    );
    insert(&mut c, "deleted", "ci-deleted", flat(T));
    insert_plan(&mut c, "deleted", "st-deleted", plan("juggle-knives"));
    c.deleted.insert("deleted".into(), T + 9.0);

    let ignored = c.sanitize(g);

    assert_eq!(
        ignored,
        [
            "relationship long without a usable name",
            "relationship unnamed without a usable name",
            "check-in ci-incomplete",
            "check-in ci-unknown-kind",
            "2 check-in(s) of an unknown relationship",
            "check-in ci-padded",
            "1 check-in(s) of an unknown relationship",
            "step st-answer",
            "step st-unknown",
            "1 step(s) of an unknown relationship",
        ]
    );
    assert_eq!(
        c.relationships.keys().collect::<Vec<_>>(),
        ["good", "hidden", "padded"]
    );
    assert_eq!(c.relationships["hidden"].name, "Tom");
    assert_eq!(
        c.relationships["padded"].name, "Padded",
        "names are trimmed"
    );
    assert_eq!(
        c.check_ins.keys().collect::<Vec<_>>(),
        ["good"],
        "no empty map is left for padded"
    );
    assert_eq!(c.check_ins["good"].keys().collect::<Vec<_>>(), ["ci-good"]);
    assert_eq!(c.steps.keys().collect::<Vec<_>>(), ["good"]);
    assert_eq!(
        c.steps["good"].keys().collect::<Vec<_>>(),
        ["st-good", "st-reviewed"]
    );
    assert_eq!((c.check_in_count(), c.step_count()), (1, 2));
    assert_eq!(c.deleted.keys().collect::<Vec<_>>(), ["deleted"]);

    // What is left is clean: sanitizing again leaves nothing out.
    let clean = c.clone();
    assert!(c.sanitize(g).is_empty());
    assert_eq!(c, clean);
}

#[test]
fn wished_for_more_adds_up_the_wishes_for_more_and_ignores_wishes_for_less() {
    let g = guide();
    // Gaps +2, 0, -3, +4, +1: a wish for less adds nothing.
    let c = check_in(T, 3, [(1, 3), (2, 2), (4, 1), (0, 4), (3, 4)]);
    assert_eq!(closer_core::checkin::wished_for_more(&c, g), 7);
    let none = check_in(T, 3, [(4, 0), (2, 2), (3, 3), (1, 0), (0, 0)]);
    assert_eq!(closer_core::checkin::wished_for_more(&none, g), 0);
    let most = check_in(T, 3, [(0, 4); 5]);
    assert_eq!(
        closer_core::checkin::wished_for_more(&most, g),
        closer_core::checkin::most_wished_for_more(g)
    );
    assert_eq!(closer_core::checkin::most_wished_for_more(g), 20);
}

#[test]
fn names_that_look_alike_in_a_list_are_the_same_name() {
    for (a, b) in [
        ("Sam", "sam"),
        ("Sam", "  SAM "),
        ("Aunt  May", "aunt may"),
        ("Élodie", "ÉLODIE"),
    ] {
        assert!(same_name(a, b), "{a:?} and {b:?}");
    }
    for (a, b) in [("Sam", "Sam B"), ("Sam", "Sammy"), ("J.", "J")] {
        assert!(!same_name(a, b), "{a:?} and {b:?}");
    }
}
