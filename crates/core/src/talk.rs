//! "Talk together": the conversation questions one at a time, for any two
//! people (or one, thinking alone), and the questions a person marks as
//! favourites, which are kept with progress.
//!
//! The deck is pure: a seed shuffles each round, and the caller keeps the
//! deck in memory. Only favourites are stored.

use crate::content::{TalkQuestion, TalkRound};
use crate::merge::{join_maps, later_by};
use crate::time::Millis;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether a question is a favourite, and since when: the later mark wins a
/// merge, so un-marking in one tab is not undone by another tab's older mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// Marked (true) or un-marked (false).
    pub on: bool,
    /// When the person marked or un-marked it.
    pub at: Millis,
}

/// What "Talk together" keeps: favourite questions by id (schema 6).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TalkProgress {
    /// Per question id: the person's latest mark.
    #[serde(default)]
    pub favourites: BTreeMap<String, Mark>,
}

impl TalkProgress {
    /// Whether the question is a favourite now.
    pub fn is_favourite(&self, id: &str) -> bool {
        self.favourites.get(id).is_some_and(|m| m.on)
    }

    /// The ids of the favourites, in id order.
    pub fn favourite_ids(&self) -> impl Iterator<Item = &str> {
        self.favourites
            .iter()
            .filter(|(_, m)| m.on)
            .map(|(id, _)| id.as_str())
    }

    /// Marks or un-marks a question at `now`. A mark never goes back in
    /// time: one older than the stored mark leaves it as it is.
    pub fn mark(&mut self, id: &str, on: bool, now: Millis) {
        let mark = Mark { on, at: now };
        let kept = match self.favourites.get(id) {
            Some(old) => later_by(old, &mark, |m| m.at).clone(),
            None => mark,
        };
        self.favourites.insert(id.to_string(), kept);
    }

    /// Two copies joined: per question, the later mark. Commutative,
    /// associative and idempotent (see [`later_by`]).
    pub fn merge(&self, other: &TalkProgress) -> TalkProgress {
        TalkProgress {
            favourites: join_maps(&self.favourites, &other.favourites, |a, b| {
                later_by(a, b, |m| m.at).clone()
            }),
        }
    }
}

/// Where a conversation stands: which round, the order of its questions
/// (shuffled, with suggested ones first), and how far along.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    /// The round on the table (an index into the rounds).
    pub round: usize,
    /// The round's questions, as indices into its questions, in the order
    /// they come.
    pub order: Vec<usize>,
    /// How many of `order` have been taken (talked through or passed).
    pub pos: usize,
    /// Questions passed in this round, which come back at its end.
    pub passed: usize,
    seed: u64,
    suggested: Vec<String>,
}

impl Deck {
    /// A deck at the first round, shuffled by `seed`; questions on any of
    /// `suggested_kinds` (kind ids, from a comparison) come first.
    pub fn new(rounds: &[TalkRound], seed: u64, suggested_kinds: &[&str]) -> Deck {
        let suggested = suggested_kinds.iter().map(|k| k.to_string()).collect();
        let mut deck = Deck {
            round: 0,
            order: Vec::new(),
            pos: 0,
            passed: 0,
            seed,
            suggested,
        };
        deck.deal(rounds);
        deck
    }

    fn deal(&mut self, rounds: &[TalkRound]) {
        let Some(round) = rounds.get(self.round) else {
            self.order.clear();
            return;
        };
        let mut rng = fastrand::Rng::with_seed(
            self.seed ^ (self.round as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        );
        let mut order: Vec<usize> = (0..round.questions.len()).collect();
        rng.shuffle(&mut order);
        // A stable sort keeps the shuffle within each group.
        order.sort_by_key(|&i| !self.is_suggested(&round.questions[i]));
        self.order = order;
        self.pos = 0;
        self.passed = 0;
    }

    /// Whether a question is on one of the kinds the deck was asked to start with.
    pub fn is_suggested(&self, q: &TalkQuestion) -> bool {
        q.kinds
            .iter()
            .any(|k| self.suggested.iter().any(|s| s == k.as_ref()))
    }

    /// The question on the table, or `None` once the round is through.
    pub fn current<'r>(&self, rounds: &'r [TalkRound]) -> Option<&'r TalkQuestion> {
        let round = rounds.get(self.round)?;
        round.questions.get(*self.order.get(self.pos)?)
    }

    /// On to the next question of the round.
    pub fn next(&mut self) {
        if self.pos < self.order.len() {
            self.pos += 1;
        }
    }

    /// Leaves the question on the table for now: it goes to the end of the
    /// round, so it can come back when the rest are through. Passing the
    /// only question left ends the round.
    pub fn pass(&mut self) {
        if self.pos >= self.order.len() {
            return;
        }
        let left = self.order.len() - self.pos;
        if left > 1 && self.passed < left {
            let q = self.order.remove(self.pos);
            self.order.push(q);
            self.passed += 1;
        } else {
            self.pos += 1;
        }
    }

    /// Whether a deeper round follows this one.
    pub fn can_go_deeper(&self, rounds: &[TalkRound]) -> bool {
        self.round + 1 < rounds.len()
    }

    /// The next round, from its start.
    pub fn deeper(&mut self, rounds: &[TalkRound]) {
        if self.can_go_deeper(rounds) {
            self.round += 1;
            self.deal(rounds);
        }
    }

    /// The same round again, shuffled anew.
    pub fn again(&mut self, rounds: &[TalkRound]) {
        self.seed = self.seed.wrapping_add(1);
        self.deal(rounds);
    }

    /// How many questions of the round are taken, and how many it has.
    pub fn progress(&self) -> (usize, usize) {
        (self.pos.min(self.order.len()), self.order.len())
    }
}
