//! What a check-in shows: the gap between now and wished for in each kind,
//! the biggest of them, and what moved since the check-in before.

use super::{CheckIn, Rating};
use crate::content::{CheckinGuide, KindItem, SmallStep};

/// One kind of a check-in, with its gap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap<'g> {
    /// The kind, as the guide describes it.
    pub kind: &'g KindItem,
    /// Its rating.
    pub rating: Rating,
}

impl Gap<'_> {
    /// Wished minus now.
    pub fn size(&self) -> i8 {
        self.rating.gap()
    }
}

/// Every kind of a check-in in the guide's order (a kind the check-in lacks
/// is left out).
pub fn gaps<'g>(check_in: &CheckIn, guide: &'g CheckinGuide) -> Vec<Gap<'g>> {
    guide
        .kinds
        .iter()
        .filter_map(|kind| {
            check_in
                .kinds
                .get(&*kind.id)
                .map(|&rating| Gap { kind, rating })
        })
        .collect()
}

/// How much more is wished for, the kinds added up (a wish for less adds
/// nothing): the history chart's second line. Not a score.
pub fn wished_for_more(check_in: &CheckIn, guide: &CheckinGuide) -> u32 {
    gaps(check_in, guide)
        .iter()
        .map(|g| u32::from(g.size().max(0).unsigned_abs()))
        .sum()
}

/// The most [`wished_for_more`] can be: every kind from 0 to the top.
pub fn most_wished_for_more(guide: &CheckinGuide) -> u32 {
    guide.kinds.len() as u32 * u32::from(super::SCALE_MAX)
}

/// The kinds where more is wished for, biggest gap first (ties in the
/// guide's order), at most `limit`: where to start growing.
pub fn ranked_gaps<'g>(check_in: &CheckIn, guide: &'g CheckinGuide, limit: usize) -> Vec<Gap<'g>> {
    let mut wanted: Vec<Gap<'g>> = gaps(check_in, guide)
        .into_iter()
        .filter(|g| g.size() > 0)
        .collect();
    // A stable sort keeps the guide's order among equal gaps.
    wanted.sort_by_key(|g| std::cmp::Reverse(g.size()));
    wanted.truncate(limit);
    wanted
}

/// The practice lessons that fit a check-in's biggest gaps (at most
/// `limit` gaps), best fit first, each once.
pub fn fitting_practices(check_in: &CheckIn, guide: &CheckinGuide, limit: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for gap in ranked_gaps(check_in, guide, limit) {
        for p in gap.kind.practices.iter() {
            if !out.iter().any(|x| x == p.as_ref()) {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// A small step offered first: the kind whose gap it answers (none when the
/// check-in wished for more of nothing), and the step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Suggestion<'g> {
    /// The kind with the gap, biggest first.
    pub kind: Option<&'g KindItem>,
    /// The step.
    pub step: &'g SmallStep,
}

/// A few steps to offer first, so that the choice is short: one for each of
/// the biggest gaps (at most `limit`), the first step of that kind's
/// practices that is not offered already. With no gap (or no check-in), the
/// first step of each practice, in the guide's order.
pub fn suggested_steps<'g>(
    check_in: Option<&CheckIn>,
    guide: &'g CheckinGuide,
    limit: usize,
) -> Vec<Suggestion<'g>> {
    let mut out: Vec<Suggestion<'g>> = Vec::new();
    let taken = |out: &[Suggestion<'g>], s: &SmallStep| out.iter().any(|x| x.step.id == s.id);
    if let Some(ci) = check_in {
        for gap in ranked_gaps(ci, guide, limit) {
            let step = gap
                .kind
                .practices
                .iter()
                .flat_map(|p| guide.steps_of(p))
                .find(|s| !taken(&out, s));
            if let Some(step) = step {
                out.push(Suggestion {
                    kind: Some(gap.kind),
                    step,
                });
            }
        }
    }
    if out.is_empty() {
        let mut practices: Vec<&str> = Vec::new();
        for s in guide.steps.iter() {
            if !practices.contains(&s.practice.as_ref()) {
                practices.push(&s.practice);
            }
        }
        for p in practices {
            if out.len() == limit {
                break;
            }
            if let Some(step) = guide.steps_of(p).next() {
                out.push(Suggestion { kind: None, step });
            }
        }
    }
    out
}

/// How one kind moved between two check-ins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindChange<'g> {
    /// The kind.
    pub kind: &'g KindItem,
    /// Its rating before.
    pub before: Rating,
    /// Its rating now.
    pub after: Rating,
}

/// What moved between a check-in and the one before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change<'g> {
    /// The closeness picture before and now.
    pub closeness: (u8, u8),
    /// The kinds whose now or wished-for rating moved, in the guide's order.
    pub kinds: Vec<KindChange<'g>>,
}

impl Change<'_> {
    /// Whether nothing moved at all.
    pub fn is_none(&self) -> bool {
        self.closeness.0 == self.closeness.1 && self.kinds.is_empty()
    }
}

/// What moved from `before` to `after`.
pub fn change_since<'g>(before: &CheckIn, after: &CheckIn, guide: &'g CheckinGuide) -> Change<'g> {
    let kinds = guide
        .kinds
        .iter()
        .filter_map(|kind| {
            let b = *before.kinds.get(&*kind.id)?;
            let a = *after.kinds.get(&*kind.id)?;
            (a != b).then_some(KindChange {
                kind,
                before: b,
                after: a,
            })
        })
        .collect();
    Change {
        closeness: (before.closeness, after.closeness),
        kinds,
    }
}

impl Change<'_> {
    /// The change in plain sentences, closeness first, in the scale's own
    /// words (the figures a person chose, not numbers they never saw);
    /// gentle, never a score.
    pub fn sentences(&self, guide: &CheckinGuide) -> Vec<String> {
        use std::cmp::Ordering;
        let mut out = Vec::new();
        let (b, a) = self.closeness;
        out.push(match a.cmp(&b) {
            Ordering::Greater => crate::t!(
                "Closeness: you chose picture {now}, closer than last time ({before}).",
                now = a,
                before = b
            ),
            Ordering::Less => crate::t!(
                "Closeness: you chose picture {now}, less close than last time ({before}).",
                now = a,
                before = b
            ),
            Ordering::Equal => {
                crate::t!("Closeness: the same picture as last time ({now}).", now = a)
            }
        });
        let words = |n: u8| guide.scale_word(n).to_lowercase();
        let now_part = |before: u8, after: u8| {
            if before == after {
                crate::t!("now “{after}” (no change)", after = words(after))
            } else {
                crate::t!(
                    "now “{after}” (before: “{before}”)",
                    after = words(after),
                    before = words(before)
                )
            }
        };
        let wished_part = |before: u8, after: u8| {
            if before == after {
                crate::t!("wished for “{after}” (no change)", after = words(after))
            } else {
                crate::t!(
                    "wished for “{after}” (before: “{before}”)",
                    after = words(after),
                    before = words(before)
                )
            }
        };
        for k in self.kinds.iter() {
            let (gb, ga) = (k.before.gap(), k.after.gap());
            let gap = match ga.abs().cmp(&gb.abs()) {
                Ordering::Less => crate::t!("the gap is smaller"),
                Ordering::Greater => crate::t!("the gap is bigger"),
                Ordering::Equal => crate::t!("the gap is the same"),
            };
            out.push(crate::t!(
                "{kind}: {now}; {wished}; {gap}.",
                kind = k.kind.name,
                now = now_part(k.before.now, k.after.now),
                wished = wished_part(k.before.wished, k.after.wished),
                gap = gap
            ));
        }
        if self.kinds.is_empty() {
            out.push(crate::t!("The five kinds: the same answers as last time.").to_string());
        }
        out
    }
}
