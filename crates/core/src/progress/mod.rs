//! A person's progress through the guide: pure data and rules, no browser code.
//!
//! Everything is keyed by content ids, never by position, so content can be
//! reordered, added to or trimmed without corrupting anyone's saved progress.

mod change;
pub mod generation;
pub mod transfer;

pub use change::{Applied, Change, ChangeError, Guides};

use crate::checkin::CheckIns;
use crate::content::{Course, Lesson};
use crate::merge::{join_maps, later_by};
use crate::quiz::QuizProgress;
use crate::talk::TalkProgress;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The schema this build writes. Stored data carries it as `"schema"`.
///
/// History: 1 = lessons, last lesson, card responses; 2 = adds `quiz`;
/// 3 = adds `last_opened_at`, so two copies can agree on the lesson opened last;
/// 4 = adds `checkins`: relationships, check-ins, small steps, deletion markers;
/// 5 = adds answers shared by someone else and kept (`checkins.received`);
/// 6 = adds `talk`: favourite conversation questions.
pub const SCHEMA: u32 = 6;

/// Milliseconds since the Unix epoch. Passed in by the caller so the logic
/// never reads a clock and native tests can choose the time.
pub use crate::time::Millis;

/// Everything the app remembers for a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Schema version of this value; always [`SCHEMA`] once decoded.
    pub schema: u32,
    /// Per lesson id: where the person is and whether they finished.
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// The lesson the person opened most recently, for "Continue".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_lesson: Option<String>,
    /// When `last_lesson` was opened (schema 3). Merging two copies keeps the
    /// `last_lesson` opened later.
    #[serde(default)]
    pub last_opened_at: Millis,
    /// Per card key (`lesson#card`): what the person did on an interactive card.
    #[serde(default)]
    pub responses: BTreeMap<String, Response>,
    /// The quiz: session under way, last results, review queue, attempts (schema 2).
    #[serde(default)]
    pub quiz: QuizProgress,
    /// Private check-ins on relationships, and the small steps chosen (schema 4).
    #[serde(default)]
    pub checkins: CheckIns,
    /// "Talk together": favourite questions (schema 6).
    #[serde(default)]
    pub talk: TalkProgress,
}

/// Where a person is in one lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// Id of the card they last had open.
    pub card: String,
    /// Whether they reached the end of the lesson at least once.
    #[serde(default)]
    pub completed: bool,
    /// When this entry last changed.
    pub updated: Millis,
}

/// What a person did on an interactive card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    /// They asked to see the answer of a reveal card.
    Revealed {
        /// When.
        at: Millis,
    },
    /// They picked this option of a choice card.
    Chose {
        /// The option's id.
        option: String,
        /// When.
        at: Millis,
    },
    /// Their private note on a reflection card.
    Reflected {
        /// The note, as typed; shown back as text, never as HTML.
        text: String,
        /// When.
        at: Millis,
    },
}

impl Response {
    /// When the person did it.
    pub fn at(&self) -> Millis {
        match self {
            Response::Revealed { at }
            | Response::Chose { at, .. }
            | Response::Reflected { at, .. } => *at,
        }
    }

    /// An emptied reflection, kept only so that merging does not revive the old note.
    pub fn is_empty_note(&self) -> bool {
        matches!(self, Response::Reflected { text, .. } if text.is_empty())
    }
}

/// The state of one lesson as the home page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonState {
    /// Never opened.
    NotStarted,
    /// Opened; `card` is the 0-based index of the card to resume at.
    InProgress {
        /// Index of the card to resume at.
        card: usize,
    },
    /// Finished at least once.
    Done,
}

/// Why stored text could not be read as progress.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape.
    Malformed(String),
    /// JSON without a usable `"schema"` number.
    NoSchema,
    /// Written by a newer build that knows a schema this one does not.
    Newer(u32),
    /// A schema number that no build ever wrote.
    Unknown(u32),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Malformed(e) => {
                f.write_str(&crate::t!("the saved data is damaged ({e})", e = e))
            }
            DecodeError::NoSchema => f.write_str(crate::t!("the saved data has no schema version")),
            DecodeError::Newer(n) => f.write_str(&crate::t!(
                "the saved data was written by a newer version of Closer (schema {n})",
                n = n
            )),
            DecodeError::Unknown(n) => f.write_str(&crate::t!(
                "the saved data has an unknown schema ({n})",
                n = n
            )),
        }
    }
}

/// Progress from a JSON value, by way of its text: the same result as
/// `serde_json::from_value` (the value has already merged duplicate keys),
/// with each type's `Deserialize` built for serde_json's text deserializer
/// instead of for `Value`, whose copies were the larger: the app's main
/// piece is 1.7 KiB (brotli) smaller so (bench/README.md, "The lean start").
fn from_value(value: &Value) -> serde_json::Result<Progress> {
    serde_json::from_str(&value.to_string())
}

/// Brings a stored value from schema `from` up to [`SCHEMA`], one step at a time.
pub fn migrate(mut value: Value, from: u32) -> Result<Value, DecodeError> {
    if from == 0 {
        return Err(DecodeError::Unknown(0));
    }
    if from > SCHEMA {
        return Err(DecodeError::Newer(from));
    }
    for schema in from..SCHEMA {
        value = match schema {
            1 => v1_to_v2(value)?,
            2 => v2_to_v3(value)?,
            3 => v3_to_v4(value)?,
            4 => v4_to_v5(value)?,
            5 => v5_to_v6(value)?,
            n => return Err(DecodeError::Unknown(n)),
        };
    }
    Ok(value)
}

/// Schema 2 adds the quiz; everything from schema 1 keeps its meaning.
fn v1_to_v2(mut value: Value) -> Result<Value, DecodeError> {
    let object = value
        .as_object_mut()
        .ok_or_else(|| DecodeError::Malformed("progress is not an object".into()))?;
    object
        .entry("quiz")
        .or_insert_with(|| Value::Object(Default::default()));
    object.insert("schema".into(), Value::from(2));
    Ok(value)
}

/// Schema 3 records when the last lesson was opened: the time that lesson's
/// entry last changed, which is when it was last opened (0 when unknown).
fn v2_to_v3(mut value: Value) -> Result<Value, DecodeError> {
    let object = value
        .as_object_mut()
        .ok_or_else(|| DecodeError::Malformed("progress is not an object".into()))?;
    let opened = object
        .get("last_lesson")
        .and_then(Value::as_str)
        .and_then(|id| object.get("lessons")?.get(id)?.get("updated")?.as_f64())
        .unwrap_or(0.0);
    object.insert("last_opened_at".into(), Value::from(opened));
    object.insert("schema".into(), Value::from(3));
    Ok(value)
}

/// Schema 4 adds check-ins, of which a schema-3 copy has none.
fn v3_to_v4(mut value: Value) -> Result<Value, DecodeError> {
    let object = value
        .as_object_mut()
        .ok_or_else(|| DecodeError::Malformed("progress is not an object".into()))?;
    object
        .entry("checkins")
        .or_insert_with(|| Value::Object(Default::default()));
    object.insert("schema".into(), Value::from(4));
    Ok(value)
}

/// Schema 5 adds kept answers from others, of which a schema-4 copy has
/// none (the new maps default to empty): only the number changes, so that
/// an older build, which would drop them on saving, leaves such data alone.
fn v4_to_v5(mut value: Value) -> Result<Value, DecodeError> {
    let object = value
        .as_object_mut()
        .ok_or_else(|| DecodeError::Malformed("progress is not an object".into()))?;
    object.insert("schema".into(), Value::from(5));
    Ok(value)
}

/// Schema 6 adds favourite conversation questions, of which a schema-5
/// copy has none: as with 5, only the number changes, so that an older
/// build, which would drop them on saving, leaves such data alone.
fn v5_to_v6(mut value: Value) -> Result<Value, DecodeError> {
    let object = value
        .as_object_mut()
        .ok_or_else(|| DecodeError::Malformed("progress is not an object".into()))?;
    object.insert("schema".into(), Value::from(6));
    Ok(value)
}

/// The storage key of an interactive card's response.
pub fn response_key(lesson_id: &str, card_id: &str) -> String {
    format!("{lesson_id}#{card_id}")
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            schema: SCHEMA,
            lessons: BTreeMap::new(),
            last_lesson: None,
            last_opened_at: 0.0,
            responses: BTreeMap::new(),
            quiz: QuizProgress::default(),
            checkins: CheckIns::default(),
            talk: TalkProgress::default(),
        }
    }
}

impl Progress {
    /// Reads stored text. Never panics, whatever the input.
    pub fn decode(text: &str) -> Result<Progress, DecodeError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| DecodeError::Malformed(e.to_string()))?;
        let schema = value
            .get("schema")
            .and_then(serde_json::Value::as_u64)
            .ok_or(DecodeError::NoSchema)?;
        let schema = u32::try_from(schema).map_err(|_| DecodeError::Newer(u32::MAX))?;
        let value = migrate(value, schema)?;
        from_value(&value).map_err(|e| DecodeError::Malformed(e.to_string()))
    }

    /// Reads what it can of progress saved by a newer build: the parts this
    /// build knows, ignoring the rest. For showing only: such data is never
    /// written back, since that would drop what the newer build added.
    pub fn decode_newer(text: &str) -> Option<Progress> {
        let mut value: Value = serde_json::from_str(text).ok()?;
        value
            .as_object_mut()?
            .insert("schema".into(), Value::from(SCHEMA));
        from_value(&value).ok()
    }

    /// The text to store.
    pub fn encode(&self) -> String {
        // A struct of strings, numbers and maps with string keys always serialises.
        serde_json::to_string(self).expect("progress serialises")
    }

    /// The state of a lesson, for the path on the home page.
    pub fn lesson_state(&self, lesson: &Lesson) -> LessonState {
        match self.lessons.get(&*lesson.id) {
            None => LessonState::NotStarted,
            Some(p) if p.completed => LessonState::Done,
            Some(p) => LessonState::InProgress {
                card: lesson.card_index(&p.card).unwrap_or(0),
            },
        }
    }

    /// The card index to open a lesson at: where the person left it, or the
    /// first card when they never opened it, finished it, or the card they
    /// left at no longer exists.
    pub fn resume_card(&self, lesson: &Lesson) -> usize {
        match self.lessons.get(&*lesson.id) {
            Some(p) if !p.completed => lesson.card_index(&p.card).unwrap_or(0),
            _ => 0,
        }
    }

    /// Where "Continue" leads: the lesson last opened if it is unfinished,
    /// else the first unfinished lesson on the path; with its card index.
    /// `None` when every lesson is done.
    pub fn continue_at<'c>(&self, course: &'c Course) -> Option<(&'c Lesson, usize)> {
        let unfinished = |l: &&Lesson| !self.is_done(&l.id);
        self.last_lesson
            .as_deref()
            .and_then(|id| course.lesson(id))
            .filter(unfinished)
            .or_else(|| course.lessons().find(unfinished))
            .map(|l| (l, self.resume_card(l)))
    }

    /// Whether the lesson was finished at least once.
    pub fn is_done(&self, lesson_id: &str) -> bool {
        self.lessons.get(lesson_id).is_some_and(|p| p.completed)
    }

    /// How many lessons of the course are done (ids no longer in the course do not count).
    pub fn done_count(&self, course: &Course) -> usize {
        course.lessons().filter(|l| self.is_done(&l.id)).count()
    }

    /// Records that the person has this card open. Finishing a lesson is kept
    /// when they go back through it.
    pub fn visit(&mut self, lesson_id: &str, card_id: &str, now: Millis) {
        self.last_lesson = Some(lesson_id.to_string());
        self.last_opened_at = now;
        let entry = self
            .lessons
            .entry(lesson_id.to_string())
            .or_insert_with(|| LessonProgress {
                card: card_id.to_string(),
                completed: false,
                updated: now,
            });
        entry.card = card_id.to_string();
        entry.updated = now;
    }

    /// Records that the person finished the lesson.
    pub fn complete(&mut self, lesson: &Lesson, now: Millis) {
        self.visit(&lesson.id, lesson.first_card_id(), now);
        if let Some(p) = self.lessons.get_mut(&*lesson.id) {
            p.completed = true;
        }
    }

    /// Records a response to an interactive card. An emptied reflection is
    /// kept as an empty note with its time, so that merging with an older copy
    /// that still has the note does not bring it back.
    pub fn respond(&mut self, lesson_id: &str, card_id: &str, response: Response) {
        let response = match response {
            Response::Reflected { text, at } if text.trim().is_empty() => Response::Reflected {
                text: String::new(),
                at,
            },
            other => other,
        };
        self.responses
            .insert(response_key(lesson_id, card_id), response);
    }

    /// The response recorded for a card, if any (an emptied note counts as none).
    pub fn response(&self, lesson_id: &str, card_id: &str) -> Option<&Response> {
        self.responses
            .get(&response_key(lesson_id, card_id))
            .filter(|r| !r.is_empty_note())
    }

    /// Everything two copies know, joined: every completion, the furthest card
    /// of each lesson, the newest response per card, the lesson opened last,
    /// the quiz as [`QuizProgress::merge`] joins it, and the check-ins as
    /// [`CheckIns::merge`] joins them (deletions included). Commutative,
    /// associative and idempotent, so no order in which two tabs see each
    /// other's saves can lose anything either of them did.
    pub fn merge(&self, other: &Progress, course: &Course) -> Progress {
        let position = |lesson: &str, card: &str| {
            course
                .lesson(lesson)
                .and_then(|l| l.card_index(card))
                .map_or(-1, |i| i as i64)
        };
        let ids: std::collections::BTreeSet<&String> =
            self.lessons.keys().chain(other.lessons.keys()).collect();
        let lessons = ids
            .into_iter()
            .map(|id| {
                let entry = match (self.lessons.get(id), other.lessons.get(id)) {
                    (Some(a), Some(b)) => LessonProgress {
                        card: later_by(&a.card, &b.card, |c| position(id, c)).clone(),
                        completed: a.completed || b.completed,
                        updated: a.updated.max(b.updated),
                    },
                    (a, b) => a.or(b).expect("the id came from one of the maps").clone(),
                };
                (id.clone(), entry)
            })
            .collect();
        let (last_lesson, last_opened_at) = later_by(
            &(self.last_lesson.clone(), self.last_opened_at),
            &(other.last_lesson.clone(), other.last_opened_at),
            |(_, at)| *at,
        )
        .clone();
        Progress {
            schema: SCHEMA,
            lessons,
            last_lesson,
            last_opened_at,
            responses: join_maps(&self.responses, &other.responses, |a, b| {
                later_by(a, b, Response::at).clone()
            }),
            quiz: self.quiz.merge(&other.quiz),
            checkins: self.checkins.merge(&other.checkins),
            talk: self.talk.merge(&other.talk),
        }
    }
}
