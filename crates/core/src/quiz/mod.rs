//! The quiz: an engine (sessions, scoring, seeded shuffles, the merge of two
//! copies), a review queue (Leitner boxes) and mastery per topic, one file
//! each. All pure: the caller passes the time and the random seed.

mod engine;
mod mastery;
mod review;

pub use crate::time::Millis;
pub use engine::{
    better_score, is_correct, questions_in, right_answer, shuffled_options, Answer, Attempt,
    QuizProgress, Scope, Session, ATTEMPTS_KEPT,
};
pub use mastery::{Mastery, MASTERED_BOX, PROFICIENT_SHARE};
pub use review::{box_interval, QuestionRecord, TOP_BOX};
