//! Two people's answers side by side: for each kind, whether both want
//! more, both are content, both want less, or their wishes differ; and
//! which conversation questions to offer first. Nothing here scores the
//! relationship or either person: the groups only sort wishes.

use crate::checkin::Rating;
use crate::content::{CheckinGuide, KindItem, TalkQuestion, TalkRound};
use std::collections::{BTreeMap, BTreeSet};

/// How two wishes for one kind sit together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Together {
    /// Both would like more: the best place to start.
    BothMore,
    /// One would like more, less or the same as now, and the other not the
    /// same: a conversation to have.
    Differ,
    /// Both would like less.
    BothLess,
    /// Both would like it as it is.
    BothContent,
}

/// One kind, both people's answers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindPair<'g> {
    /// The kind.
    pub kind: &'g KindItem,
    /// The person's own answer.
    pub mine: Rating,
    /// The other person's answer.
    pub theirs: Rating,
}

impl KindPair<'_> {
    /// How the two wishes sit together.
    pub fn together(&self) -> Together {
        match (self.mine.gap().signum(), self.theirs.gap().signum()) {
            (1, 1) => Together::BothMore,
            (0, 0) => Together::BothContent,
            (-1, -1) => Together::BothLess,
            _ => Together::Differ,
        }
    }

    /// Whether either would like less of it than there is now.
    pub fn someone_wants_less(&self) -> bool {
        self.mine.gap() < 0 || self.theirs.gap() < 0
    }

    /// How much more both wish for, added up (0 where a wish is for less
    /// or the same): for ordering the kinds to start with.
    fn wished_more(&self) -> u8 {
        self.mine.gap().max(0) as u8 + self.theirs.gap().max(0) as u8
    }
}

/// Every kind of the guide that both answered, in the guide's order.
pub fn pairs<'g>(
    mine: &BTreeMap<String, Rating>,
    theirs: &BTreeMap<String, Rating>,
    guide: &'g CheckinGuide,
) -> Vec<KindPair<'g>> {
    guide
        .kinds
        .iter()
        .filter_map(|kind| {
            Some(KindPair {
                kind,
                mine: *mine.get(&*kind.id)?,
                theirs: *theirs.get(&*kind.id)?,
            })
        })
        .collect()
}

/// The pairs in one group, in the guide's order.
pub fn in_group<'a, 'g>(pairs: &'a [KindPair<'g>], group: Together) -> Vec<&'a KindPair<'g>> {
    pairs.iter().filter(|p| p.together() == group).collect()
}

/// The kinds to start talking about: where both want more, the most
/// wished-for first; if there are none, where either wants more. Ties keep
/// the guide's order.
pub fn kinds_to_start_with<'g>(pairs: &[KindPair<'g>]) -> Vec<&'g KindItem> {
    let mut both: Vec<&KindPair<'g>> = in_group(pairs, Together::BothMore);
    if both.is_empty() {
        both = pairs
            .iter()
            .filter(|p| p.mine.gap() > 0 || p.theirs.gap() > 0)
            .collect();
    }
    // A stable sort: equal wishes stay in the guide's order.
    both.sort_by_key(|p| std::cmp::Reverse(p.wished_more()));
    both.into_iter().map(|p| p.kind).collect()
}

/// The most questions a round marks as suggested, so the mark still means
/// "start here".
pub const SUGGESTED_PER_ROUND: usize = 3;

/// A round's questions, those on the kinds to start with first (in the
/// order of those kinds, then as authored), each with whether it is
/// suggested: the first [`SUGGESTED_PER_ROUND`] of those on the kinds.
pub fn questions_for<'r>(
    round: &'r TalkRound,
    start_with: &[&KindItem],
) -> Vec<(&'r TalkQuestion, bool)> {
    let rank = |q: &TalkQuestion| {
        start_with
            .iter()
            .position(|k| q.kinds.contains(&k.id))
            .unwrap_or(usize::MAX)
    };
    let mut questions: Vec<&TalkQuestion> = round.questions.iter().collect();
    questions.sort_by_key(|q| rank(q));
    questions
        .into_iter()
        .enumerate()
        .map(|(i, q)| (q, i < SUGGESTED_PER_ROUND && rank(q) != usize::MAX))
        .collect()
}

/// For a mutual-only share: the kinds of the guide where this person
/// wishes for more than now and the other person said they would like more
/// too, in the guide's order. Nothing else of theirs is known.
pub fn both_want_more<'g>(
    mine: &BTreeMap<String, Rating>,
    theirs: &BTreeSet<String>,
    guide: &'g CheckinGuide,
) -> Vec<&'g KindItem> {
    guide
        .kinds
        .iter()
        .filter(|k| theirs.contains(&*k.id) && mine.get(&*k.id).is_some_and(|r| r.gap() > 0))
        .collect()
}
