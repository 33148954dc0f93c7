//! A person's private check-ins on their relationships: who they check in
//! on, what each check-in said, and the one small step they chose for a
//! week. Pure data and rules: time and ids are parameters, so native tests
//! choose both.
//!
//! Relationships carry random ids that never change (a rename keeps the id).
//! Check-ins are append-only records. A deleted relationship leaves only a
//! marker (its id and when), never its name, so that no merge with an older
//! copy, in another tab or an imported file, can bring it back.

mod gaps;
mod steps;

pub use gaps::{
    change_since, fitting_practices, gaps, most_wished_for_more, ranked_gaps, suggested_steps,
    wished_for_more, Change, Gap, KindChange, Suggestion,
};
pub use steps::{Listed, Review, StepPlan, FOLLOW_UP_AFTER};

use crate::content::{CheckinGuide, CLOSENESS_PICTURES, SCALE_POINTS};
use crate::merge::{join_maps, later_by};
use crate::share::Shared;
use crate::time::Millis;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The most characters a relationship's name may have: a label, not a profile.
pub const NAME_MAX_CHARS: usize = 40;

/// The highest point of the now-and-wished scale (the lowest is 0).
pub const SCALE_MAX: u8 = (SCALE_POINTS - 1) as u8;

/// The closest closeness picture (the farthest is 1).
pub const CLOSENESS_MAX: u8 = CLOSENESS_PICTURES as u8;

/// Every relationship, check-in and chosen step a person keeps.
///
/// Check-ins and steps are kept per relationship, so that a deletion removes
/// a relationship's whole map at once: removing by key commutes with joining
/// key by key, which keeps the merge associative whatever the ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckIns {
    /// Per relationship id: the person's own label for it.
    #[serde(default)]
    pub relationships: BTreeMap<String, Relationship>,
    /// Per deleted relationship id: when it was deleted. Only the id is kept.
    #[serde(default)]
    pub deleted: BTreeMap<String, Millis>,
    /// Per relationship id, per check-in id: what the check-in said. Never
    /// changed once written.
    #[serde(default)]
    pub check_ins: BTreeMap<String, BTreeMap<String, CheckIn>>,
    /// Per relationship id, per plan id: a small step chosen for it.
    #[serde(default)]
    pub steps: BTreeMap<String, BTreeMap<String, StepPlan>>,
    /// Per relationship id, per received id: answers someone shared about
    /// that relationship, kept because the person chose to keep them.
    #[serde(default)]
    pub received: BTreeMap<String, BTreeMap<String, Received>>,
    /// Per deleted received id: when it was deleted.
    #[serde(default)]
    pub received_deleted: BTreeMap<String, Millis>,
}

/// Answers someone shared by a link or a code, kept with the relationship
/// they are about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Received {
    /// When they were kept.
    pub kept_at: Millis,
    /// What was shared.
    pub shared: Shared,
}

/// Someone a person checks in on, under a label of their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relationship {
    /// The label (`my sister`, `J.`); shown as text only, never as HTML.
    pub name: String,
    /// When the label was given; the later label wins a merge.
    pub named_at: Millis,
    /// When the relationship was added.
    pub added: Millis,
}

/// One check-in: a closeness picture and the five kinds, now and wished for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// When it was made.
    pub at: Millis,
    /// The closeness picture chosen, 1 (apart) to [`CLOSENESS_MAX`].
    pub closeness: u8,
    /// Per kind id: how much there is now and how much is wished for.
    pub kinds: BTreeMap<String, Rating>,
}

/// One kind of intimacy, now and wished for, each 0 to [`SCALE_MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// How much of it there is now.
    pub now: u8,
    /// How much of it the person would like.
    pub wished: u8,
}

impl Rating {
    /// Wished minus now: above 0 wants more, below 0 wants less.
    pub fn gap(self) -> i8 {
        self.wished as i8 - self.now as i8
    }
}

/// Why a name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`NAME_MAX_CHARS`].
    TooLong,
    /// A line break, a tab or another hidden character
    /// ([`crate::text::is_hidden_control`]).
    Hidden,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => f.write_str(crate::t!("Give them a name or an initial first.")),
            NameError::TooLong => f.write_str(&crate::t!(
                "Keep the name to {max} characters or fewer: a nickname or an initial is enough.",
                max = NAME_MAX_CHARS
            )),
            NameError::Hidden => f.write_str(crate::t!(
                "Write the name with letters only: no line breaks, tabs or hidden characters."
            )),
        }
    }
}

/// Why a check-in cannot be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInError {
    /// The relationship does not exist (or was deleted meanwhile).
    NoRelationship,
    /// No closeness picture was chosen, or one out of range.
    NoCloseness,
    /// A kind without a rating, or with one out of range: its name.
    Unrated(String),
    /// A rating for a kind the guide does not have.
    UnknownKind(String),
    /// Another relationship already has this name ([`same_name`]): the
    /// name as it is in the list.
    NameTaken(String),
}

impl fmt::Display for CheckInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckInError::NoRelationship => f.write_str(crate::t!(
                "This relationship is no longer here: it may have been deleted in another tab."
            )),
            CheckInError::NoCloseness => f.write_str(crate::t!("Choose the picture that fits best.")),
            CheckInError::Unrated(kind) => f.write_str(&crate::t!(
                "{kind}: please answer both, now and wished for.",
                kind = kind
            )),
            CheckInError::UnknownKind(_) => {
                f.write_str(crate::t!("This check-in has an answer Closer no longer uses."))
            }
            CheckInError::NameTaken(name) => f.write_str(&crate::t!(
                "“{name}” is already in your list. If this is someone else, add a word to tell them apart, such as “{name} from work”.",
                name = name
            )),
        }
    }
}

/// The records of one relationship's map, oldest first by `at`, equal
/// times in the order of their ids (so every tab lists them alike).
fn oldest_first<T>(
    records: Option<&BTreeMap<String, T>>,
    at: impl Fn(&T) -> Millis,
) -> Vec<(&str, &T)> {
    let mut all: Vec<_> = records
        .into_iter()
        .flatten()
        .map(|(id, r)| (id.as_str(), r))
        .collect();
    all.sort_by(|a, b| at(a.1).total_cmp(&at(b.1)).then(a.0.cmp(b.0)));
    all
}

/// Trims a name and checks its length.
pub fn clean_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        Err(NameError::Empty)
    } else if name.chars().count() > NAME_MAX_CHARS {
        Err(NameError::TooLong)
    } else if name.chars().any(crate::text::is_hidden_control) {
        Err(NameError::Hidden)
    } else {
        Ok(name.to_string())
    }
}

/// Whether two relationship names would look the same in a list: equal
/// once case is ignored and spaces are trimmed and run together, so "Sam",
/// " sam " and "SAM" are one name, but "Sam" and "Sam B" are two.
pub fn same_name(a: &str, b: &str) -> bool {
    fn folded(name: &str) -> String {
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }
    folded(a) == folded(b)
}

/// `text` without its hidden characters ([`crate::text::is_hidden_control`]).
fn visible(text: &str) -> String {
    text.chars()
        .filter(|c| !crate::text::is_hidden_control(*c))
        .collect()
}

/// A relationship's name that keeps the rules: trimmed, not empty, at most
/// [`NAME_MAX_CHARS`] characters. Made only by [`RelationshipName::parse`],
/// so whatever takes one ([`CheckIns::add`], [`CheckIns::rename`]) need
/// not check it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationshipName(String);

impl RelationshipName {
    /// Reads a name as typed: trimmed, then refused if empty or too long.
    pub fn parse(text: &str) -> Result<RelationshipName, NameError> {
        clean_name(text).map(RelationshipName)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RelationshipName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<RelationshipName> for String {
    fn from(name: RelationshipName) -> String {
        name.0
    }
}

impl CheckIn {
    /// Checks a check-in against the guide: a picture in range, and every
    /// kind rated within the scale, no more and no fewer.
    pub fn check(&self, guide: &CheckinGuide) -> Result<(), CheckInError> {
        if !(1..=CLOSENESS_MAX).contains(&self.closeness) {
            return Err(CheckInError::NoCloseness);
        }
        for kind in guide.kinds.iter() {
            match self.kinds.get(&*kind.id) {
                Some(r) if r.now <= SCALE_MAX && r.wished <= SCALE_MAX => {}
                _ => return Err(CheckInError::Unrated(kind.name.to_string())),
            }
        }
        if let Some(unknown) = self.kinds.keys().find(|k| guide.kind(k).is_none()) {
            return Err(CheckInError::UnknownKind(unknown.clone()));
        }
        Ok(())
    }
}

impl CheckIns {
    /// Adds a relationship under a fresh random `id`; whether it was
    /// added. An id that was deleted stays deleted (ids are random, so only
    /// a reused id can be), and is not added.
    pub fn add(&mut self, id: &str, name: RelationshipName, now: Millis) -> bool {
        if self.deleted.contains_key(id) {
            return false;
        }
        self.relationships.insert(
            id.to_string(),
            Relationship {
                name: name.into(),
                named_at: now,
                added: now,
            },
        );
        true
    }

    /// Refuses `name` when another relationship than `except` already has
    /// it ([`same_name`]): two entries a person cannot tell apart in a list.
    pub fn check_name_free(&self, name: &str, except: Option<&str>) -> Result<(), CheckInError> {
        match self
            .relationships
            .iter()
            .find(|(id, r)| Some(id.as_str()) != except && same_name(&r.name, name))
        {
            Some((_, r)) => Err(CheckInError::NameTaken(r.name.clone())),
            None => Ok(()),
        }
    }

    /// Gives a relationship a new label; its id, check-ins and step stay.
    /// A relationship that is not here (never was, or deleted) is not added.
    pub fn rename(
        &mut self,
        id: &str,
        name: RelationshipName,
        now: Millis,
    ) -> Result<(), CheckInError> {
        let r = self
            .relationships
            .get_mut(id)
            .ok_or(CheckInError::NoRelationship)?;
        r.name = name.into();
        r.named_at = now;
        Ok(())
    }

    /// Deletes a relationship with every check-in and step of it, keeping
    /// only a marker with its id, so no merge brings it back.
    pub fn delete(&mut self, id: &str, now: Millis) {
        let at = self.deleted.get(id).map_or(now, |t| t.max(now));
        self.deleted.insert(id.to_string(), at);
        self.forget_deleted();
    }

    /// Removes whatever belongs to a deleted relationship.
    fn forget_deleted(&mut self) {
        let deleted = &self.deleted;
        self.relationships.retain(|id, _| !deleted.contains_key(id));
        self.check_ins.retain(|id, _| !deleted.contains_key(id));
        self.steps.retain(|id, _| !deleted.contains_key(id));
        self.received.retain(|id, _| !deleted.contains_key(id));
        let gone = &self.received_deleted;
        self.received.retain(|_, kept| {
            kept.retain(|id, _| !gone.contains_key(id));
            !kept.is_empty()
        });
    }

    /// Keeps answers someone shared, under a fresh random `id`, with the
    /// relationship they are about.
    pub fn keep_received(
        &mut self,
        relationship: &str,
        id: &str,
        shared: Shared,
        now: Millis,
    ) -> Result<(), CheckInError> {
        if !self.relationships.contains_key(relationship) {
            return Err(CheckInError::NoRelationship);
        }
        if self.received_deleted.contains_key(id) {
            return Ok(());
        }
        // The same answers kept again (the same link opened twice) are kept once.
        if self
            .received
            .get(relationship)
            .is_some_and(|kept| kept.values().any(|r| r.shared == shared))
        {
            return Ok(());
        }
        self.received
            .entry(relationship.to_string())
            .or_default()
            .insert(
                id.to_string(),
                Received {
                    kept_at: now,
                    shared,
                },
            );
        Ok(())
    }

    /// Deletes kept answers, keeping only a marker with the id.
    pub fn delete_received(&mut self, id: &str, now: Millis) {
        let at = self.received_deleted.get(id).map_or(now, |t| t.max(now));
        self.received_deleted.insert(id.to_string(), at);
        self.forget_deleted();
    }

    /// One relationship's kept answers.
    pub fn get_received(&self, relationship: &str, id: &str) -> Option<&Received> {
        self.received.get(relationship)?.get(id)
    }

    /// How many answers from others are kept, for every relationship.
    pub fn received_count(&self) -> usize {
        self.received.values().map(BTreeMap::len).sum()
    }

    /// The answers kept for a relationship, oldest first.
    pub fn received_for(&self, relationship: &str) -> Vec<(&str, &Received)> {
        oldest_first(self.received.get(relationship), |r| r.kept_at)
    }

    /// Keeps a check-in on `relationship` under a fresh random `id`, if it
    /// is complete.
    pub fn record(
        &mut self,
        relationship: &str,
        id: &str,
        check_in: CheckIn,
        guide: &CheckinGuide,
    ) -> Result<(), CheckInError> {
        if !self.relationships.contains_key(relationship) {
            return Err(CheckInError::NoRelationship);
        }
        check_in.check(guide)?;
        self.check_ins
            .entry(relationship.to_string())
            .or_default()
            .insert(id.to_string(), check_in);
        Ok(())
    }

    /// One check-in of a relationship.
    pub fn get(&self, relationship: &str, id: &str) -> Option<&CheckIn> {
        self.check_ins.get(relationship)?.get(id)
    }

    /// How many check-ins there are, on every relationship.
    pub fn check_in_count(&self) -> usize {
        self.check_ins.values().map(BTreeMap::len).sum()
    }

    /// How many steps were chosen, current or past, for every relationship.
    pub fn step_count(&self) -> usize {
        self.steps.values().map(BTreeMap::len).sum()
    }

    /// The relationships in the order they were added.
    pub fn relationships_in_order(&self) -> Vec<(&str, &Relationship)> {
        let mut all: Vec<_> = self
            .relationships
            .iter()
            .map(|(id, r)| (id.as_str(), r))
            .collect();
        all.sort_by(|a, b| a.1.added.total_cmp(&b.1.added).then(a.0.cmp(b.0)));
        all
    }

    /// Each relationship's id and name, in the order they were added: what
    /// a list of them to choose from or to open shows.
    pub fn relationship_names(&self) -> Vec<(String, String)> {
        self.relationships_in_order()
            .into_iter()
            .map(|(id, r)| (id.to_string(), r.name.clone()))
            .collect()
    }

    /// A relationship's check-ins, oldest first.
    pub fn history(&self, relationship: &str) -> Vec<(&str, &CheckIn)> {
        oldest_first(self.check_ins.get(relationship), |c| c.at)
    }

    /// A relationship's latest check-in.
    pub fn latest(&self, relationship: &str) -> Option<(&str, &CheckIn)> {
        self.history(relationship).pop()
    }

    /// The check-in of a relationship just before this one, for "what
    /// changed since last time".
    pub fn previous(&self, relationship: &str, check_in_id: &str) -> Option<(&str, &CheckIn)> {
        let history = self.history(relationship);
        let at = history.iter().position(|(id, _)| *id == check_in_id)?;
        at.checked_sub(1).map(|i| history[i])
    }

    /// Everything two copies know, joined: every relationship with its later
    /// label, every check-in, every step with its end and latest review, and
    /// every deletion, which removes what it deleted from both. Commutative,
    /// associative and idempotent.
    pub fn merge(&self, other: &CheckIns) -> CheckIns {
        let mut merged = CheckIns {
            relationships: join_maps(&self.relationships, &other.relationships, |a, b| {
                let (name, named_at) = later_by(
                    &(a.name.clone(), a.named_at),
                    &(b.name.clone(), b.named_at),
                    |(_, at)| *at,
                )
                .clone();
                Relationship {
                    name,
                    named_at,
                    added: a.added.min(b.added),
                }
            }),
            deleted: join_maps(&self.deleted, &other.deleted, |a, b| a.max(*b)),
            check_ins: join_maps(&self.check_ins, &other.check_ins, |a, b| {
                join_maps(a, b, |x, y| later_by(x, y, |c| c.at).clone())
            }),
            steps: join_maps(&self.steps, &other.steps, |a, b| {
                join_maps(a, b, StepPlan::merge)
            }),
            received: join_maps(&self.received, &other.received, |a, b| {
                join_maps(a, b, |x, y| later_by(x, y, |r| r.kept_at).clone())
            }),
            received_deleted: join_maps(&self.received_deleted, &other.received_deleted, |a, b| {
                a.max(*b)
            }),
        };
        merged.forget_deleted();
        merged
    }

    /// Keeps only what this guide can show, for an imported file: check-ins
    /// and steps of relationships that are in the file, complete check-ins,
    /// and steps and answers the guide has. Returns what was left out, in words.
    pub fn sanitize(&mut self, guide: &CheckinGuide) -> Vec<String> {
        let mut ignored = Vec::new();
        self.forget_deleted();
        // Names from before hidden characters were refused keep their
        // letters: the hidden ones go, the relationship stays.
        self.relationships
            .retain(|id, r| match clean_name(&visible(&r.name)) {
                Ok(name) => {
                    r.name = name;
                    true
                }
                Err(_) => {
                    ignored.push(format!("relationship {id} without a usable name"));
                    false
                }
            });
        let relationships = &self.relationships;
        self.check_ins.retain(|rel, entries| {
            if !relationships.contains_key(rel) {
                // An empty map holds nothing to leave out.
                if entries.is_empty() {
                    return false;
                }
                ignored.push(format!(
                    "{} check-in(s) of an unknown relationship",
                    entries.len()
                ));
                return false;
            }
            entries.retain(|id, c| {
                let keep = c.check(guide).is_ok();
                if !keep {
                    ignored.push(format!("check-in {id}"));
                }
                keep
            });
            !entries.is_empty()
        });
        self.steps.retain(|rel, plans| {
            if !relationships.contains_key(rel) {
                if plans.is_empty() {
                    return false;
                }
                ignored.push(format!(
                    "{} step(s) of an unknown relationship",
                    plans.len()
                ));
                return false;
            }
            plans.retain(|id, s| {
                let keep = guide.step(&s.step).is_some()
                    && s.review
                        .as_ref()
                        .is_none_or(|r| guide.answer(&r.answer).is_some());
                if !keep {
                    ignored.push(format!("step {id}"));
                }
                keep
            });
            !plans.is_empty()
        });
        self.received.retain(|rel, kept| {
            if !relationships.contains_key(rel) {
                if !kept.is_empty() {
                    ignored.push(format!(
                        "{} shared check-in(s) of an unknown relationship",
                        kept.len()
                    ));
                }
                return false;
            }
            kept.retain(|id, r| {
                if let Some(name) = &mut r.shared.name {
                    *name = visible(name).trim().to_string();
                    if name.is_empty() {
                        r.shared.name = None;
                    }
                }
                let keep = r.shared.check().is_ok();
                if !keep {
                    ignored.push(format!("shared check-in {id}"));
                }
                keep
            });
            !kept.is_empty()
        });
        ignored
    }

    /// Prepares an imported copy to replace `current`: every deletion
    /// `current` knows is kept, and a relationship of the file that was
    /// deleted here comes back under a fresh id from `fresh_id`, with its
    /// check-ins and steps. So the person gets what the file holds, and no
    /// other tab, still holding the deletion, can remove it again.
    pub fn keep_deletions_of(&mut self, current: &CheckIns, mut fresh_id: impl FnMut() -> String) {
        let revived: Vec<String> = self
            .relationships
            .keys()
            .filter(|id| current.deleted.contains_key(*id))
            .cloned()
            .collect();
        for old in revived {
            let new = fresh_id();
            if let Some(r) = self.relationships.remove(&old) {
                self.relationships.insert(new.clone(), r);
            }
            if let Some(c) = self.check_ins.remove(&old) {
                self.check_ins.insert(new.clone(), c);
            }
            if let Some(s) = self.steps.remove(&old) {
                self.steps.insert(new.clone(), s);
            }
            if let Some(r) = self.received.remove(&old) {
                self.received.insert(new.clone(), r);
            }
        }
        self.deleted = join_maps(&self.deleted, &current.deleted, |a, b| a.max(*b));
        self.received_deleted =
            join_maps(&self.received_deleted, &current.received_deleted, |a, b| {
                a.max(*b)
            });
        self.forget_deleted();
    }

    /// Whether there is nothing at all (no relationship, no deletion).
    pub fn is_empty(&self) -> bool {
        self.relationships.is_empty() && self.deleted.is_empty()
    }
}
