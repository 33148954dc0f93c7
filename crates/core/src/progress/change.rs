//! Every change a person can make to their progress, as one list: the
//! views describe what the person did as a [`Change`], and
//! [`Progress::apply`] makes it, or says in a [`ChangeError`] why it could
//! not. Pure: the time, the guide, and every fresh id or seed come in with
//! the call, so native tests choose them.

use super::{Progress, Response};
use crate::checkin::{CheckIn, CheckInError, Rating, RelationshipName};
use crate::content::{Card, CheckinGuide, Course, Lesson, SUPPORT_LESSON};
use crate::quiz::Scope;
use crate::share::Shared;
use crate::time::Millis;
use std::collections::BTreeMap;
use std::fmt;

/// The guide a change is checked against: the course (lessons, cards,
/// quiz) and the check-in guide (kinds, follow-up answers).
#[derive(Debug, Clone, Copy)]
pub struct Guides<'a> {
    /// The lessons and the quiz.
    pub course: &'a Course,
    /// What the check-in asks and suggests.
    pub checkin: &'a CheckinGuide,
}

/// One thing a person does that changes their progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A card of a lesson is on screen ("Continue" comes back to it).
    VisitCard {
        /// The lesson's id.
        lesson: String,
        /// The card's id.
        card: String,
    },
    /// The person reached the end of a lesson.
    CompleteLesson {
        /// The lesson's id.
        lesson: String,
    },
    /// "Show the answer" on a reveal card.
    Reveal {
        /// The lesson's id.
        lesson: String,
        /// The reveal card's id.
        card: String,
    },
    /// "Check" on a choice card, with the option picked.
    Choose {
        /// The lesson's id.
        lesson: String,
        /// The choice card's id.
        card: String,
        /// The option's id.
        option: String,
    },
    /// The note on a reflection card, as typed (blank empties it).
    WriteNote {
        /// The lesson's id.
        lesson: String,
        /// The reflection card's id.
        card: String,
        /// The note.
        text: String,
    },
    /// Starts a quiz, replacing one under way.
    StartQuiz {
        /// Which questions.
        scope: Scope,
        /// A fresh random seed for its shuffles.
        seed: u64,
    },
    /// Starts the last finished quiz again, in another order.
    RetryQuiz {
        /// A fresh random seed for its shuffles.
        seed: u64,
    },
    /// "Check" on the quiz's question on screen.
    AnswerQuestion {
        /// The option ids selected.
        selected: Vec<String>,
    },
    /// Moves past the quiz's question on screen; after the last, the quiz ends.
    NextQuestion,
    /// Adds a relationship.
    AddRelationship {
        /// A fresh random id.
        id: String,
        /// Its name.
        name: RelationshipName,
    },
    /// Gives a relationship a new name.
    RenameRelationship {
        /// The relationship's id.
        id: String,
        /// The new name.
        name: RelationshipName,
    },
    /// Deletes a relationship with all its check-ins, steps and kept answers.
    DeleteRelationship {
        /// The relationship's id.
        id: String,
    },
    /// Keeps a check-in, made now.
    RecordCheckIn {
        /// The relationship's id.
        relationship: String,
        /// A fresh random id for the check-in.
        id: String,
        /// The closeness picture chosen.
        closeness: u8,
        /// Per kind id: now and wished for.
        kinds: BTreeMap<String, Rating>,
    },
    /// Chooses a small step for a relationship (or keeps one for another
    /// week); a step that stood before ends.
    ChooseStep {
        /// The relationship's id.
        relationship: String,
        /// A fresh random id for the plan.
        plan: String,
        /// The step's id in the check-in guide.
        step: String,
    },
    /// Drops the step that stands for a relationship.
    DropStep {
        /// The relationship's id.
        relationship: String,
    },
    /// Answers the gentle question a week after choosing a step.
    FollowUp {
        /// The relationship's id.
        relationship: String,
        /// The plan's id.
        plan: String,
        /// The follow-up answer's id.
        answer: String,
        /// The optional note, as typed.
        note: String,
    },
    /// Keeps answers someone shared, with the relationship they are about.
    KeepReceived {
        /// The relationship's id.
        relationship: String,
        /// A fresh random id for the kept answers.
        id: String,
        /// What was shared.
        shared: Shared,
    },
    /// Deletes kept answers.
    DeleteReceived {
        /// The kept answers' id.
        id: String,
    },
    /// Marks a conversation question as a favourite, or un-marks it.
    Favourite {
        /// The question's id in the together guide.
        question: String,
        /// Marked (true) or un-marked (false).
        on: bool,
    },
}

/// What a change did, where the view needs more than "done".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The change was made.
    Changed,
    /// A quiz answer was checked: whether it was right.
    Answered {
        /// Whether the answer was right.
        correct: bool,
    },
    /// Nothing was recorded, by design: a visit to the support lesson (see
    /// [`crate::content::SUPPORT_LESSON`]), which a person may need to read
    /// without it showing on the home page or in "Continue".
    Unrecorded,
    /// The quiz moved on: `finished` when that was its last question.
    Advanced {
        /// Whether the quiz ended.
        finished: bool,
    },
}

/// Why a change was not made. Progress is then exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    /// The guide has no lesson with this id (any more).
    UnknownLesson(String),
    /// The lesson has no card with this id (any more).
    UnknownCard(String),
    /// The card is not of the kind the change is for (a note on a choice card).
    WrongCard(String),
    /// The choice card has no option with this id.
    UnknownOption(String),
    /// The quiz to start has no questions.
    EmptyQuiz,
    /// There is no finished quiz to retry.
    NothingToRetry,
    /// No quiz is under way (it may have ended in another tab).
    NoQuiz,
    /// The question on screen is no longer in the quiz.
    QuestionGone,
    /// The question on screen was already answered.
    AlreadyAnswered,
    /// An answer was checked with nothing selected.
    NothingSelected,
    /// About a relationship or a check-in (the relationship is not here,
    /// or the check-in is incomplete).
    CheckIn(CheckInError),
    /// The id was deleted before (here or in another tab), and stays deleted.
    Deleted,
    /// The relationship has no such step, or none that stands.
    NoStep,
    /// The check-in guide has no follow-up answer with this id.
    UnknownAnswer(String),
    /// Not the id of a conversation question.
    UnknownQuestion(String),
}

impl From<CheckInError> for ChangeError {
    fn from(e: CheckInError) -> ChangeError {
        ChangeError::CheckIn(e)
    }
}

impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ChangeError::UnknownLesson(_) => {
                crate::t!("This lesson is no longer part of the guide.")
            }
            ChangeError::UnknownCard(_) => crate::t!("This card is no longer part of the lesson."),
            ChangeError::WrongCard(_) => crate::t!("This card does not take that answer."),
            ChangeError::UnknownOption(_) => {
                crate::t!("That answer is no longer one of this card's.")
            }
            ChangeError::EmptyQuiz => crate::t!("This quiz has no questions right now."),
            ChangeError::NothingToRetry => crate::t!("There is no finished quiz to retry."),
            ChangeError::NoQuiz => {
                crate::t!("There's no quiz under way: it may have ended in another tab.")
            }
            ChangeError::QuestionGone => crate::t!("This question is no longer part of the quiz."),
            ChangeError::AlreadyAnswered => crate::t!("This question was already answered."),
            ChangeError::NothingSelected => crate::t!("Choose an answer first."),
            ChangeError::CheckIn(e) => return e.fmt(f),
            ChangeError::Deleted => crate::t!("That was deleted, here or in another tab."),
            ChangeError::NoStep => {
                crate::t!("This step is no longer here: it may have changed in another tab.")
            }
            ChangeError::UnknownAnswer(_) => {
                crate::t!("That answer is no longer one Closer offers.")
            }
            ChangeError::UnknownQuestion(_) => {
                crate::t!("That question is no longer one Closer offers.")
            }
        };
        f.write_str(text)
    }
}

impl Progress {
    /// Makes one change at time `now`, checked against the guide. On an
    /// error nothing changes.
    pub fn apply(
        &mut self,
        change: Change,
        now: Millis,
        guides: Guides<'_>,
    ) -> Result<Applied, ChangeError> {
        let course = guides.course;
        match change {
            Change::VisitCard { lesson, card } => {
                card_of(course, &lesson, &card)?;
                if lesson == SUPPORT_LESSON {
                    return Ok(Applied::Unrecorded);
                }
                self.visit(&lesson, &card, now);
            }
            Change::CompleteLesson { lesson } => self.complete(lesson_of(course, &lesson)?, now),
            Change::Reveal { lesson, card } => {
                match card_of(course, &lesson, &card)? {
                    Card::Reveal { .. } => {}
                    _ => return Err(ChangeError::WrongCard(card)),
                }
                self.respond(&lesson, &card, Response::Revealed { at: now });
            }
            Change::Choose {
                lesson,
                card,
                option,
            } => {
                match card_of(course, &lesson, &card)? {
                    Card::Choice { options, .. } if options.iter().any(|o| o.id == option) => {}
                    Card::Choice { .. } => return Err(ChangeError::UnknownOption(option)),
                    _ => return Err(ChangeError::WrongCard(card)),
                }
                self.respond(&lesson, &card, Response::Chose { option, at: now });
            }
            Change::WriteNote { lesson, card, text } => {
                match card_of(course, &lesson, &card)? {
                    Card::Reflect { .. } => {}
                    _ => return Err(ChangeError::WrongCard(card)),
                }
                self.respond(&lesson, &card, Response::Reflected { text, at: now });
            }
            Change::StartQuiz { scope, seed } => {
                if !self.quiz.start(scope, course, seed, now) {
                    return Err(ChangeError::EmptyQuiz);
                }
            }
            Change::RetryQuiz { seed } => {
                let last = self.quiz.last.as_ref().ok_or(ChangeError::NothingToRetry)?;
                let next = last
                    .retry(course, &self.quiz, seed, now)
                    .ok_or(ChangeError::EmptyQuiz)?;
                self.quiz.current = Some(next);
            }
            Change::AnswerQuestion { selected } => {
                if selected.is_empty() {
                    return Err(ChangeError::NothingSelected);
                }
                let session = self.quiz.current.as_ref().ok_or(ChangeError::NoQuiz)?;
                let question = self
                    .quiz
                    .current_question(course)
                    .ok_or(ChangeError::QuestionGone)?;
                if session.answers.contains_key(&*question.id) {
                    return Err(ChangeError::AlreadyAnswered);
                }
                let correct = self
                    .quiz
                    .check(course, selected, now)
                    .ok_or(ChangeError::QuestionGone)?;
                return Ok(Applied::Answered { correct });
            }
            Change::NextQuestion => {
                if self.quiz.current.is_none() {
                    return Err(ChangeError::NoQuiz);
                }
                self.quiz.advance(now);
                return Ok(Applied::Advanced {
                    finished: self.quiz.current.is_none(),
                });
            }
            Change::AddRelationship { id, name } => {
                self.checkins.check_name_free(name.as_str(), None)?;
                if !self.checkins.add(&id, name, now) {
                    return Err(ChangeError::Deleted);
                }
            }
            Change::RenameRelationship { id, name } => {
                // A relationship that is not here says so first.
                if self.checkins.relationships.contains_key(&id) {
                    self.checkins.check_name_free(name.as_str(), Some(&id))?;
                }
                self.checkins.rename(&id, name, now)?
            }
            Change::DeleteRelationship { id } => self.checkins.delete(&id, now),
            Change::RecordCheckIn {
                relationship,
                id,
                closeness,
                kinds,
            } => {
                let check_in = CheckIn {
                    at: now,
                    closeness,
                    kinds,
                };
                self.checkins
                    .record(&relationship, &id, check_in, guides.checkin)?;
            }
            Change::ChooseStep {
                relationship,
                plan,
                step,
            } => {
                self.relationship(&relationship)?;
                self.checkins.choose_step(&plan, &relationship, &step, now);
            }
            Change::DropStep { relationship } => {
                self.relationship(&relationship)?;
                self.checkins
                    .current_step(&relationship)
                    .ok_or(ChangeError::NoStep)?;
                self.checkins.end_step(&relationship, now);
            }
            Change::FollowUp {
                relationship,
                plan,
                answer,
                note,
            } => {
                self.relationship(&relationship)?;
                let planned = self
                    .checkins
                    .steps
                    .get(&relationship)
                    .is_some_and(|plans| plans.contains_key(&plan));
                if !planned {
                    return Err(ChangeError::NoStep);
                }
                if guides.checkin.answer(&answer).is_none() {
                    return Err(ChangeError::UnknownAnswer(answer));
                }
                self.checkins
                    .review_step(&relationship, &plan, &answer, &note, now);
            }
            Change::KeepReceived {
                relationship,
                id,
                shared,
            } => {
                self.relationship(&relationship)?;
                if self.checkins.received_deleted.contains_key(&id) {
                    return Err(ChangeError::Deleted);
                }
                self.checkins
                    .keep_received(&relationship, &id, shared, now)?;
            }
            Change::DeleteReceived { id } => self.checkins.delete_received(&id, now),
            Change::Favourite { question, on } => {
                // The ids are the together guide's slugs; the view offers
                // only those. Anything else is refused, never stored.
                let slug = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
                if question.is_empty() || question.len() > 64 || !question.chars().all(slug) {
                    return Err(ChangeError::UnknownQuestion(question));
                }
                self.talk.mark(&question, on, now);
            }
        }
        Ok(Applied::Changed)
    }

    /// The relationship is here, or the error that says it is not.
    fn relationship(&self, id: &str) -> Result<(), ChangeError> {
        if self.checkins.relationships.contains_key(id) {
            Ok(())
        } else {
            Err(CheckInError::NoRelationship.into())
        }
    }
}

fn lesson_of<'c>(course: &'c Course, lesson: &str) -> Result<&'c Lesson, ChangeError> {
    course
        .lesson(lesson)
        .ok_or_else(|| ChangeError::UnknownLesson(lesson.to_string()))
}

fn card_of<'c>(course: &'c Course, lesson: &str, card: &str) -> Result<&'c Card, ChangeError> {
    let lesson = lesson_of(course, lesson)?;
    lesson
        .card_index(card)
        .map(|i| &lesson.cards[i])
        .ok_or_else(|| ChangeError::UnknownCard(card.to_string()))
}
