//! Mastery per topic: how well the questions on one section's lessons are known.

use super::engine::{questions_in, QuizProgress, Scope};
use super::review::QuestionRecord;
use crate::content::Course;

/// A question counts towards "mastered" once it reaches this box: it was
/// answered correctly, then correctly again when it came due a day or more
/// later, so mastery always needs a later session, not just a good run now.
pub const MASTERED_BOX: u8 = 3;

/// Share of a topic's questions whose latest answer must be right for "proficient".
pub const PROFICIENT_SHARE: f64 = 0.8;

/// How well a topic is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mastery {
    /// No question of the topic answered yet.
    NotStarted,
    /// Some answered, fewer than [`PROFICIENT_SHARE`] right: still being
    /// learnt (3 of 13 right is not yet "familiar").
    Learning,
    /// Most answered right, but not yet confirmed in a later session.
    Proficient,
    /// Every question of the topic right again in a later session.
    Mastered,
}

impl Mastery {
    /// The word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Mastery::NotStarted => crate::t!("Not started"),
            Mastery::Learning => crate::t!("Learning"),
            Mastery::Proficient => crate::t!("Proficient"),
            Mastery::Mastered => crate::t!("Mastered"),
        }
    }
}

impl QuizProgress {
    /// How well the questions on one section's lessons are known.
    pub fn mastery(&self, course: &Course, section: &str) -> Mastery {
        let qs = questions_in(&Scope::Section(section.to_string()), course, self, 0.0);
        let records: Vec<&QuestionRecord> =
            qs.iter().filter_map(|q| self.records.get(&*q.id)).collect();
        if records.is_empty() {
            return Mastery::NotStarted;
        }
        let all_seen = records.len() == qs.len();
        if all_seen
            && records
                .iter()
                .all(|r| r.last_correct && r.leitner_box >= MASTERED_BOX)
        {
            return Mastery::Mastered;
        }
        let right = records.iter().filter(|r| r.last_correct).count();
        if right as f64 >= PROFICIENT_SHARE * qs.len() as f64 {
            Mastery::Proficient
        } else {
            Mastery::Learning
        }
    }
}
