//! One small step a week: choosing it, changing or dropping it, and the
//! gentle question a week later. No streaks and no counts of missed days:
//! a step that was not tried is simply a step, and it can go at any time.

use super::CheckIns;
use crate::merge::{join_option, later_by};
use crate::time::{Millis, DAY};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long after choosing a step the gentle question appears.
pub const FOLLOW_UP_AFTER: Millis = 7.0 * DAY;

/// A small step chosen for one relationship.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepPlan {
    /// The step's id in the check-in guide.
    pub step: String,
    /// When it was chosen.
    pub chosen_at: Millis,
    /// When it was dropped or replaced by another step, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Millis>,
    /// How it went, once the person said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// What a person said about a step a week on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The follow-up answer's id (`tried`, `partly`, `not-this-week`).
    pub answer: String,
    /// Their optional private note, as typed.
    #[serde(default)]
    pub note: String,
    /// When they said it.
    pub at: Millis,
}

impl StepPlan {
    /// Whether the step still stands: neither ended nor looked back on.
    pub fn is_current(&self) -> bool {
        self.ended_at.is_none() && self.review.is_none()
    }

    /// Whether the gentle question is due: the step stands and a week has passed.
    pub fn follow_up_due(&self, now: Millis) -> bool {
        self.is_current() && now - self.chosen_at >= FOLLOW_UP_AFTER
    }

    /// Two copies of one plan, joined: the first end and the latest review.
    pub(super) fn merge(a: &StepPlan, b: &StepPlan) -> StepPlan {
        // Same id, same choice; should two copies ever differ in it, both
        // tabs still agree on one.
        let (step, chosen_at) = later_by(
            &(a.step.clone(), a.chosen_at),
            &(b.step.clone(), b.chosen_at),
            |(_, at)| *at,
        )
        .clone();
        StepPlan {
            step,
            chosen_at,
            ended_at: join_option(&a.ended_at, &b.ended_at, |x, y| x.min(*y)),
            review: join_option(&a.review, &b.review, |x, y| {
                later_by(x, y, |r| r.at).clone()
            }),
        }
    }
}

/// Of a relationship's plans, the latest chosen that passes `keep`.
fn latest(
    plans: Option<&BTreeMap<String, StepPlan>>,
    keep: impl Fn(&StepPlan) -> bool,
) -> Option<(&str, &StepPlan)> {
    plans
        .into_iter()
        .flatten()
        .filter(|(_, s)| keep(s))
        .max_by(|a, b| a.1.chosen_at.total_cmp(&b.1.chosen_at).then(a.0.cmp(b.0)))
        .map(|(id, s)| (id.as_str(), s))
}

/// A step as the home page lists it: the relationship's id, the plan's id, the plan.
pub type Listed<'a> = (&'a str, &'a str, &'a StepPlan);

impl CheckIns {
    /// The step that stands for a relationship, if any: the latest chosen.
    pub fn current_step(&self, relationship: &str) -> Option<(&str, &StepPlan)> {
        latest(self.steps.get(relationship), StepPlan::is_current)
    }

    /// Every step that stands, in the order the relationships were added.
    pub fn current_steps(&self) -> Vec<Listed<'_>> {
        self.relationships_in_order()
            .into_iter()
            .filter_map(|(rel, _)| self.current_step(rel).map(|(id, s)| (rel, id, s)))
            .collect()
    }

    /// What the home page shows under "This week": every step that stands,
    /// and, for a relationship whose latest step was looked back on within
    /// the last day, that step (so the reply, and the offer to keep it, stay
    /// in view for a while; a step chosen after it, even if dropped, ends
    /// that). In the order the relationships were added.
    pub fn this_week(&self, now: Millis) -> Vec<Listed<'_>> {
        self.relationships_in_order()
            .into_iter()
            .filter_map(|(rel, _)| {
                self.current_step(rel)
                    .or_else(|| {
                        latest(self.steps.get(rel), |_| true).filter(|(_, s)| {
                            s.ended_at.is_none()
                                && s.review.as_ref().is_some_and(|r| now - r.at < DAY)
                        })
                    })
                    .map(|(id, s)| (rel, id, s))
            })
            .collect()
    }

    /// Chooses a step for a relationship under a fresh random `plan_id`; a
    /// step that stood before ends now. Nothing happens for a relationship
    /// that is not there.
    pub fn choose_step(&mut self, plan_id: &str, relationship: &str, step: &str, now: Millis) {
        if !self.relationships.contains_key(relationship) {
            return;
        }
        self.end_step(relationship, now);
        self.steps
            .entry(relationship.to_string())
            .or_default()
            .insert(
                plan_id.to_string(),
                StepPlan {
                    step: step.to_string(),
                    chosen_at: now,
                    ended_at: None,
                    review: None,
                },
            );
    }

    /// Drops the step that stands for a relationship, if any.
    pub fn end_step(&mut self, relationship: &str, now: Millis) {
        let current = self
            .current_step(relationship)
            .map(|(id, _)| id.to_string());
        if let Some(plan) = current.and_then(|id| self.steps.get_mut(relationship)?.get_mut(&id)) {
            plan.ended_at = Some(now);
        }
    }

    /// Records how a step went (`answer` is a follow-up answer id); the
    /// note is optional and kept as typed, trimmed.
    pub fn review_step(
        &mut self,
        relationship: &str,
        plan_id: &str,
        answer: &str,
        note: &str,
        now: Millis,
    ) {
        if let Some(plan) = self
            .steps
            .get_mut(relationship)
            .and_then(|plans| plans.get_mut(plan_id))
        {
            plan.review = Some(Review {
                answer: answer.to_string(),
                note: note.trim().to_string(),
                at: now,
            });
        }
    }

    /// Every step of a relationship looked back on with a note, newest
    /// first: for "My reflections".
    pub fn step_notes(&self, relationship: &str) -> Vec<(&str, &StepPlan, &Review)> {
        let mut notes: Vec<_> = self
            .steps
            .get(relationship)
            .into_iter()
            .flatten()
            .filter_map(|(id, s)| {
                s.review
                    .as_ref()
                    .filter(|r| !r.note.is_empty())
                    .map(|r| (id.as_str(), s, r))
            })
            .collect();
        notes.sort_by(|a, b| b.2.at.total_cmp(&a.2.at).then(a.0.cmp(b.0)));
        notes
    }
}
