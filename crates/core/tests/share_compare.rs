//! Comparing two people's answers: the groups, where to start, the order
//! of the questions, and the content rules of the questions themselves.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::Rating;
use closer_core::content::validate::validate_together;
use closer_core::share::{
    in_group, kinds_to_start_with, pairs, questions_for, Together, SUGGESTED_PER_ROUND,
};
use guide::{checkin_guide, together_guide};
use std::collections::BTreeMap;

fn ratings(values: [(u8, u8); 5]) -> BTreeMap<String, Rating> {
    [
        "physical",
        "spiritual",
        "shared-interests",
        "emotional",
        "experiential",
    ]
    .iter()
    .zip(values)
    .map(|(k, (now, wished))| (k.to_string(), Rating { now, wished }))
    .collect()
}

#[test]
fn each_kind_falls_in_exactly_one_group() {
    let guide = checkin_guide();
    // physical: both more; spiritual: both content; shared: differ (more vs
    // same); emotional: differ (more vs less); experiential: both less.
    let mine = ratings([(1, 3), (2, 2), (1, 2), (1, 4), (3, 1)]);
    let theirs = ratings([(2, 3), (0, 0), (2, 2), (3, 2), (4, 2)]);
    let all = pairs(&mine, &theirs, guide);
    assert_eq!(all.len(), 5);
    let ids = |g| {
        in_group(&all, g)
            .iter()
            .map(|p| p.kind.id.as_ref())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Together::BothMore), ["physical"]);
    assert_eq!(ids(Together::BothContent), ["spiritual"]);
    assert_eq!(ids(Together::Differ), ["shared-interests", "emotional"]);
    assert_eq!(ids(Together::BothLess), ["experiential"]);
    let less: Vec<_> = all
        .iter()
        .filter(|p| p.someone_wants_less())
        .map(|p| p.kind.id.as_ref())
        .collect();
    assert_eq!(less, ["emotional", "experiential"]);
}

#[test]
fn the_start_is_where_both_want_more_the_most_wished_first() {
    let guide = checkin_guide();
    let mine = ratings([(1, 2), (0, 0), (1, 4), (1, 4), (2, 2)]);
    let theirs = ratings([(1, 2), (0, 0), (0, 4), (2, 1), (2, 2)]);
    let all = pairs(&mine, &theirs, guide);
    let start: Vec<_> = kinds_to_start_with(&all)
        .iter()
        .map(|k| k.id.as_ref())
        .collect();
    assert_eq!(
        start,
        ["shared-interests", "physical"],
        "7 more, then 2 more"
    );
    // With no kind where both want more, where either does.
    let theirs = ratings([(2, 2), (0, 0), (1, 1), (3, 3), (2, 2)]);
    let all = pairs(&mine, &theirs, guide);
    let start: Vec<_> = kinds_to_start_with(&all)
        .iter()
        .map(|k| k.id.as_ref())
        .collect();
    assert_eq!(start, ["shared-interests", "emotional", "physical"]);
    // Nobody wants more: nothing is suggested.
    let content = ratings([(2, 2); 5]);
    assert!(kinds_to_start_with(&pairs(&content, &content, guide)).is_empty());
}

#[test]
fn suggested_questions_come_first_and_every_question_is_kept() {
    let guide = checkin_guide();
    let talk = &together_guide().talk;
    let emotional = guide.kind("emotional").unwrap();
    for round in talk.rounds.iter() {
        let ordered = questions_for(round, &[emotional]);
        assert_eq!(ordered.len(), round.questions.len(), "none lost");
        let on_kind =
            |q: &closer_core::content::TalkQuestion| q.kinds.iter().any(|k| k == "emotional");
        let matching = round.questions.iter().filter(|q| on_kind(q)).count();
        let suggested = ordered.iter().filter(|(_, s)| *s).count();
        assert_eq!(suggested, matching.min(SUGGESTED_PER_ROUND), "{}", round.id);
        assert!(suggested >= 2, "at least two suggested in {}", round.id);
        for (i, (q, s)) in ordered.iter().enumerate() {
            assert_eq!(*s, i < suggested, "suggested ones first");
            if i < matching {
                assert!(on_kind(q), "every question on the kind before the rest");
            }
        }
        let none = questions_for(round, &[]);
        assert!(none.iter().all(|(_, s)| !s));
        let authored: Vec<_> = round.questions.iter().map(|q| &q.id).collect();
        let kept: Vec<_> = none.iter().map(|(q, _)| &q.id).collect();
        assert_eq!(kept, authored, "no suggestion keeps the authored order");
    }
}

#[test]
fn the_shipped_questions_keep_every_rule() {
    let together = together_guide();
    assert_eq!(validate_together(together, checkin_guide()), []);
    let rounds: Vec<_> = together.talk.rounds.iter().map(|r| r.id.as_ref()).collect();
    assert_eq!(rounds, ["light", "deeper", "deepest"]);
    for round in together.talk.rounds.iter() {
        assert!(round.questions.len() >= 12, "{}", round.id);
    }
    let rules = together.talk.rules.join(" ").to_lowercase();
    for needed in ["turn", "pass", "pace"] {
        assert!(rules.contains(needed), "the rules say {needed:?}");
    }
    assert!(together
        .talk
        .evidence
        .iter()
        .any(|e| e.cite.contains("1997")));
}

#[test]
fn broken_questions_are_reported() {
    let mut broken = together_guide().clone();
    broken.talk.rounds.to_mut()[0]
        .questions
        .to_mut()
        .truncate(3);
    broken.talk.rounds.to_mut()[1].questions.to_mut()[0].text = "Not a question".into();
    broken.talk.rounds.to_mut()[1].questions.to_mut()[1].kinds = vec!["romance".into()].into();
    let dup = broken.talk.rounds[2].questions[0].id.to_string();
    broken.talk.rounds.to_mut()[2].questions.to_mut()[1].id = dup.into();
    broken.talk.rules.to_mut().truncate(1);
    broken.talk.evidence.to_mut().clear();
    broken.care.to_mut().clear();
    let problems: Vec<String> = validate_together(&broken, checkin_guide())
        .iter()
        .map(|e| e.to_string())
        .collect();
    let all = problems.join("\n");
    for expected in [
        "has 3 questions",
        "question mark",
        "\"romance\" is not a kind",
        "duplicate question id",
        "at least 3 rules",
        "[[talk.evidence]]",
        "`care` has no paragraphs",
    ] {
        assert!(all.contains(expected), "{expected:?} missing from:\n{all}");
    }
    broken.talk.rounds.to_mut().swap(0, 1);
    let problems = validate_together(&broken, checkin_guide());
    assert!(problems
        .iter()
        .any(|e| e.to_string().contains("in that order")));
}

#[test]
fn a_mutual_share_shows_only_where_both_want_more() {
    use closer_core::share::both_want_more;
    let guide = guide::checkin_guide();
    let mine: std::collections::BTreeMap<String, closer_core::checkin::Rating> = [
        ("physical", (1, 3)),
        ("spiritual", (2, 2)),
        ("shared-interests", (0, 4)),
        ("emotional", (3, 1)),
        ("experiential", (1, 2)),
    ]
    .into_iter()
    .map(|(k, (now, wished))| (k.to_string(), closer_core::checkin::Rating { now, wished }))
    .collect();
    // They would like more of physical, spiritual and emotional.
    let theirs = ["emotional", "physical", "spiritual"]
        .into_iter()
        .map(str::to_string)
        .collect();
    let ids: Vec<&str> = both_want_more(&mine, &theirs, guide)
        .iter()
        .map(|k| &*k.id)
        .collect();
    assert_eq!(ids, ["physical"]);
    assert!(both_want_more(&mine, &Default::default(), guide).is_empty());
}
