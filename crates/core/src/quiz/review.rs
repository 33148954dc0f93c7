//! The review queue: a Leitner system in which a missed question comes back
//! at once and a known one waits longer each time it is answered right.

use super::engine::{questions_in, QuizProgress, Scope};
use crate::content::Course;
use crate::time::{Millis, DAY};
use serde::{Deserialize, Serialize};

/// The highest Leitner box.
pub const TOP_BOX: u8 = 5;

/// How long a question waits in each box before it is due again.
pub fn box_interval(b: u8) -> Millis {
    match b {
        0 | 1 => 0.0,
        2 => DAY,
        3 => 3.0 * DAY,
        4 => 7.0 * DAY,
        _ => 16.0 * DAY,
    }
}

/// What the review queue knows about one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionRecord {
    /// Leitner box, 1 (just missed) to [`TOP_BOX`].
    #[serde(rename = "box")]
    pub leitner_box: u8,
    /// When it is next due for review.
    pub due: Millis,
    /// Times answered.
    pub answered: u32,
    /// Times answered correctly.
    pub correct: u32,
    /// Whether the latest answer was right.
    pub last_correct: bool,
    /// When it was last answered.
    pub last_at: Millis,
}

impl QuestionRecord {
    /// The record after an answer at `now`. A miss sends the question back to
    /// box 1 (due at once); a right answer moves it up one box when it was due
    /// (or new), and leaves it where it is when answered again before it was due.
    pub fn after(previous: Option<&QuestionRecord>, correct: bool, now: Millis) -> QuestionRecord {
        let (leitner_box, due) = match (previous, correct) {
            (_, false) => (1, now),
            (None, true) => (2, now + box_interval(2)),
            (Some(r), true) if r.due <= now => {
                let b = (r.leitner_box + 1).min(TOP_BOX);
                (b, now + box_interval(b))
            }
            (Some(r), true) => (r.leitner_box, r.due),
        };
        let (answered, right) = previous.map_or((0, 0), |r| (r.answered, r.correct));
        QuestionRecord {
            leitner_box,
            due,
            answered: answered + 1,
            correct: right + u32::from(correct),
            last_correct: correct,
            last_at: now,
        }
    }
}

impl QuizProgress {
    /// How many questions are due for review now.
    pub fn due_count(&self, course: &Course, now: Millis) -> usize {
        questions_in(&Scope::Due, course, self, now).len()
    }

    /// When the next of the course's questions that is not yet due becomes
    /// due, if any will: the day a reminder for reviews is for.
    pub fn next_due_after(&self, course: &Course, now: Millis) -> Option<Millis> {
        course
            .questions
            .iter()
            .filter_map(|q| self.records.get(&*q.id))
            .map(|r| r.due)
            .filter(|&due| due > now)
            .min_by(f64::total_cmp)
    }
}
