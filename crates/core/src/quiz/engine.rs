//! The quiz engine: what a quiz asks, in which order, how answers score, and
//! how two copies of the quiz join. Pure: the caller passes the time and the
//! random seed, so tests can fix both.

use super::review::QuestionRecord;
use crate::content::{ChoiceOption, Course, Question, QuestionKind};
use crate::merge::{join_maps, join_option, json, later_by};
use crate::time::Millis;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How many finished attempts are kept.
pub const ATTEMPTS_KEPT: usize = 50;

/// Which questions a quiz holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "section", rename_all = "snake_case")]
pub enum Scope {
    /// Every question in the bank.
    All,
    /// The questions on one section's lessons (a topic).
    Section(String),
    /// The questions whose latest answer was wrong.
    Mistakes,
    /// The questions the review queue says are due.
    Due,
}

impl Scope {
    /// A stable key for best scores (`all`, `section:kinds`, ...).
    pub fn key(&self) -> String {
        match self {
            Scope::All => "all".into(),
            Scope::Section(s) => format!("section:{s}"),
            Scope::Mistakes => "mistakes".into(),
            Scope::Due => "due".into(),
        }
    }
}

/// One checked answer within a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The option ids the person selected.
    pub selected: Vec<String>,
    /// Whether that was right.
    pub correct: bool,
}

/// One run through a set of questions. Stored while it runs, so a reload resumes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// When it started; also tells sessions apart.
    pub started: Millis,
    /// What it holds.
    pub scope: Scope,
    /// Seed of this session's shuffles (question order and option order).
    pub seed: u64,
    /// Question ids in the order they are asked.
    pub order: Vec<String>,
    /// Index into `order` of the question on screen.
    pub index: usize,
    /// Checked answers by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// When the last question was passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<Millis>,
}

/// A finished attempt, for the history and best scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// The scope's key.
    pub scope: String,
    /// Right answers.
    pub score: u32,
    /// Questions asked.
    pub total: u32,
    /// When it ended.
    pub finished: Millis,
}

/// Everything the quiz remembers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuizProgress {
    /// The session under way, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Session>,
    /// The last finished session, whose results stay on screen after a reload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Session>,
    /// Per question id: the review queue and answer history.
    #[serde(default)]
    pub records: BTreeMap<String, QuestionRecord>,
    /// Finished attempts, newest last, at most [`ATTEMPTS_KEPT`].
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// Best score per scope key.
    #[serde(default)]
    pub best: BTreeMap<String, (u32, u32)>,
}

/// The ids of the options that make up the right answer, in authored order.
pub fn right_answer(question: &Question) -> Vec<&str> {
    question
        .options
        .iter()
        .filter(|o| o.correct)
        .map(|o| &*o.id)
        .collect()
}

/// Whether these selected option ids answer the question right. For
/// select-all questions, exactly the correct options must be selected.
pub fn is_correct(question: &Question, selected: &[String]) -> bool {
    let chosen: BTreeSet<&str> = selected.iter().map(|s| &**s).collect();
    let right: BTreeSet<&str> = right_answer(question).into_iter().collect();
    match question.kind {
        QuestionKind::Multi => chosen == right,
        _ => chosen.len() == 1 && chosen == right,
    }
}

fn mix(seed: u64, text: &str) -> u64 {
    // FNV-1a over the id, folded into the seed: a stable per-question seed.
    text.bytes().fold(seed ^ 0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The options in the order this session shows them. True/false keeps its
/// natural order; every other question is shuffled by the session's seed.
pub fn shuffled_options(question: &Question, seed: u64) -> Vec<&ChoiceOption> {
    let mut options: Vec<&ChoiceOption> = question.options.iter().collect();
    if question.kind == QuestionKind::TrueFalse {
        options.sort_by_key(|o| o.id != "true");
    } else {
        crate::content::shuffle::shuffle(
            &mut fastrand::Rng::with_seed(mix(seed, &question.id)),
            &mut options,
        );
    }
    options
}

/// The questions a scope holds, in bank order.
pub fn questions_in<'c>(
    scope: &Scope,
    course: &'c Course,
    quiz: &QuizProgress,
    now: Millis,
) -> Vec<&'c Question> {
    course
        .questions
        .iter()
        .filter(|q| match scope {
            Scope::All => true,
            Scope::Section(s) => q.lesson.split('/').next() == Some(s.as_str()),
            Scope::Mistakes => quiz.records.get(&*q.id).is_some_and(|r| !r.last_correct),
            Scope::Due => quiz.records.get(&*q.id).is_some_and(|r| r.due <= now),
        })
        .collect()
}

impl Session {
    /// A new session over the scope's questions in an order shuffled by `seed`;
    /// `None` when the scope holds no question.
    pub fn start(
        scope: Scope,
        course: &Course,
        quiz: &QuizProgress,
        seed: u64,
        now: Millis,
    ) -> Option<Session> {
        let mut order: Vec<String> = questions_in(&scope, course, quiz, now)
            .into_iter()
            .map(|q| q.id.to_string())
            .collect();
        if order.is_empty() {
            return None;
        }
        crate::content::shuffle::shuffle(&mut fastrand::Rng::with_seed(seed), &mut order);
        Some(Session {
            started: now,
            scope,
            seed,
            order,
            index: 0,
            answers: BTreeMap::new(),
            finished: None,
        })
    }

    /// A new session over the same questions in a different order (when there
    /// are two or more), with options reshuffled too.
    pub fn retry(
        &self,
        course: &Course,
        quiz: &QuizProgress,
        seed: u64,
        now: Millis,
    ) -> Option<Session> {
        let mut next = Session::start(self.scope.clone(), course, quiz, seed, now)?;
        if next.order == self.order && next.order.len() > 1 {
            next.order.rotate_left(1);
        }
        Some(next)
    }

    /// The id of the question on screen, if the session is not over.
    pub fn current_id(&self) -> Option<&str> {
        self.order.get(self.index).map(|s| &**s)
    }

    /// Right answers so far.
    pub fn score(&self) -> u32 {
        self.answers.values().filter(|a| a.correct).count() as u32
    }

    /// How many questions the session asks.
    pub fn total(&self) -> u32 {
        self.order.len() as u32
    }

    /// Question ids answered wrong in this session, in the order asked.
    pub fn missed(&self) -> Vec<&str> {
        self.order
            .iter()
            .filter(|id| self.answers.get(*id).is_some_and(|a| !a.correct))
            .map(|s| &**s)
            .collect()
    }
}

/// `(score, total)` compared by share right, then by size.
fn score_key(&(s, t): &(u32, u32)) -> (f64, u32, u32) {
    let share = if t == 0 {
        0.0
    } else {
        f64::from(s) / f64::from(t)
    };
    (share, s, t)
}

/// The better of two best scores, `(score, total)`: the higher share right,
/// then the larger quiz (4 of 4 beats 1 of 1). The one rule both a finished
/// attempt and a merge of two copies use, so every tab agrees on the best.
pub fn better_score(a: (u32, u32), b: (u32, u32)) -> (u32, u32) {
    *later_by(&a, &b, score_key)
}

impl QuizProgress {
    /// The question on screen in the session under way, if any.
    pub fn current_question<'c>(&self, course: &'c Course) -> Option<&'c Question> {
        let id = self.current.as_ref()?.current_id()?;
        course.question(id)
    }

    /// Starts a session (replacing any under way); `false` when the scope is empty.
    pub fn start(&mut self, scope: Scope, course: &Course, seed: u64, now: Millis) -> bool {
        match Session::start(scope, course, self, seed, now) {
            Some(s) => {
                self.current = Some(s);
                true
            }
            None => false,
        }
    }

    /// Checks the current question's answer: records it in the session and the
    /// review queue, and returns whether it was right. `None` when there is no
    /// current question, the id is not in the bank, or it was already checked
    /// in this session (a second "Check" does not count twice).
    pub fn check(&mut self, course: &Course, selected: Vec<String>, now: Millis) -> Option<bool> {
        let question = self.current_question(course)?;
        let id = question.id.to_string();
        let session = self.current.as_mut()?;
        if session.answers.contains_key(&id) {
            return None;
        }
        let correct = is_correct(question, &selected);
        session
            .answers
            .insert(id.clone(), Answer { selected, correct });
        let record = QuestionRecord::after(self.records.get(&id), correct, now);
        self.records.insert(id, record);
        Some(correct)
    }

    /// Moves to the next question; after the last one, ends the session,
    /// records the attempt and best score, and keeps it as `last`.
    pub fn advance(&mut self, now: Millis) {
        let Some(session) = self.current.as_mut() else {
            return;
        };
        session.index += 1;
        if session.index < session.order.len() {
            return;
        }
        let mut done = self.current.take().expect("checked above");
        done.finished = Some(now);
        let attempt = Attempt {
            scope: done.scope.key(),
            score: done.score(),
            total: done.total(),
            finished: now,
        };
        let score = (attempt.score, attempt.total);
        let best = match self.best.get(&attempt.scope) {
            Some(best) => better_score(*best, score),
            None => score,
        };
        self.best.insert(attempt.scope.clone(), best);
        self.attempts.push(attempt);
        if self.attempts.len() > ATTEMPTS_KEPT {
            let extra = self.attempts.len() - ATTEMPTS_KEPT;
            self.attempts.drain(..extra);
        }
        self.last = Some(done);
    }
}

impl Session {
    /// What makes a session the same session in two copies: when it started
    /// and what it asks, in which order.
    fn identity(&self) -> (Millis, String) {
        (self.started, json(&(&self.scope, self.seed, &self.order)))
    }

    /// The same session as it went on in two tabs: every answer either tab
    /// checked, at the question furthest along.
    fn join(&self, other: &Session) -> Session {
        if self.identity() != other.identity() {
            return later_by(self, other, Session::identity).clone();
        }
        Session {
            started: self.started,
            scope: self.scope.clone(),
            seed: self.seed,
            order: self.order.clone(),
            index: self.index.max(other.index),
            answers: join_maps(&self.answers, &other.answers, |x, y| {
                later_by(x, y, |_| 0).clone()
            }),
            finished: match (self.finished, other.finished) {
                (Some(x), Some(y)) => Some(x.max(y)),
                (x, y) => x.or(y),
            },
        }
    }
}

impl QuizProgress {
    /// Everything two copies of the quiz know: per question the latest answer,
    /// every finished attempt (the newest [`ATTEMPTS_KEPT`]), the best score
    /// per quiz, the newest finished session, and the session under way unless
    /// a copy has already finished it.
    pub fn merge(&self, other: &QuizProgress) -> QuizProgress {
        let last = join_option(&self.last, &other.last, Session::join);
        let done_before = last.as_ref().map(|s| s.started);
        let unfinished = |s: &&Session| done_before.is_none_or(|t| s.started > t);
        let current = join_option(
            &self.current.as_ref().filter(unfinished).cloned(),
            &other.current.as_ref().filter(unfinished).cloned(),
            Session::join,
        );
        let mut attempts: Vec<Attempt> = self
            .attempts
            .iter()
            .chain(&other.attempts)
            .cloned()
            .collect();
        attempts.sort_by(|x, y| {
            x.finished
                .total_cmp(&y.finished)
                .then_with(|| json(x).cmp(&json(y)))
        });
        attempts.dedup();
        if attempts.len() > ATTEMPTS_KEPT {
            attempts.drain(..attempts.len() - ATTEMPTS_KEPT);
        }
        QuizProgress {
            current,
            last,
            records: join_maps(&self.records, &other.records, |x, y| {
                later_by(x, y, |r| (r.last_at, r.answered)).clone()
            }),
            attempts,
            best: join_maps(&self.best, &other.best, |x, y| better_score(*x, *y)),
        }
    }
}
