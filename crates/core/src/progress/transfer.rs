//! Export and import of progress as a file, and the summary that shows a
//! person what a file holds before it replaces anything. Pure: the data page
//! reads the file and writes storage; this module only judges the text.

use super::{DecodeError, Progress, Response};
use crate::content::{CheckinGuide, Course};
use crate::quiz::Session;
use crate::time::{civil_date, Millis};
use std::fmt;

/// The largest file an import reads. An export of a whole guide's progress
/// with every note filled in is a few tens of KiB.
pub const IMPORT_MAX_BYTES: u64 = 1024 * 1024;

/// What a person would want to know about a copy of their progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Lessons finished (of those the guide has).
    pub done: usize,
    /// Lessons opened but not finished.
    pub in_progress: usize,
    /// Private notes on reflection cards.
    pub notes: usize,
    /// Quiz questions answered at least once.
    pub answered: usize,
    /// Finished quiz attempts.
    pub attempts: usize,
    /// Relationships checked in on.
    pub relationships: usize,
    /// Check-ins on them.
    pub check_ins: usize,
    /// Small steps chosen, current or past.
    pub steps: usize,
    /// Answers shared by others and kept.
    pub received: usize,
}

impl Summary {
    /// The summary of a copy of progress.
    pub fn of(progress: &Progress, course: &Course) -> Summary {
        let done = progress.done_count(course);
        let opened = course
            .lessons()
            .filter(|l| progress.lessons.contains_key(&*l.id))
            .count();
        Summary {
            done,
            in_progress: opened - done,
            notes: progress
                .responses
                .values()
                .filter(|r| matches!(r, Response::Reflected { .. }) && !r.is_empty_note())
                .count(),
            answered: progress.quiz.records.len(),
            attempts: progress.quiz.attempts.len(),
            relationships: progress.checkins.relationships.len(),
            check_ins: progress.checkins.check_in_count(),
            steps: progress.checkins.step_count(),
            received: progress.checkins.received_count(),
        }
    }
}

/// Why a file cannot be imported. Each says plainly what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Larger than [`IMPORT_MAX_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// Not a Closer progress file, or a damaged one.
    Unreadable(DecodeError),
    /// Saved by a newer version of Closer than this one.
    Newer(u32),
    /// A progress file, but about nothing this guide has.
    NothingKnown,
    /// JSON with a schema number but none of the parts progress has (another app's file).
    NotProgress,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => f.write_str(&crate::t!(
                "That file is {kib} KiB. A Closer progress file is far smaller (the limit is 1 MiB), so this is probably not one.",
                kib = bytes.div_ceil(1024)
            )),
            ImportError::Unreadable(DecodeError::NoSchema) => f.write_str(crate::t!(
                "That file is not a Closer progress file: it has no schema version."
            )),
            ImportError::Unreadable(e) => f.write_str(&crate::t!(
                "That file can't be read as Closer progress: {e}.",
                e = e
            )),
            ImportError::Newer(n) => f.write_str(&crate::t!(
                "That file was saved by a newer version of Closer (schema {n}). Reload the page to update Closer, then import it again.",
                n = n
            )),
            ImportError::NotProgress => f.write_str(crate::t!(
                "That file is not a Closer progress file: it has a schema number but none of the parts Closer saves (lessons, notes, quiz, check-ins)."
            )),
            ImportError::NothingKnown => f.write_str(crate::t!(
                "That file holds no progress on any lesson or question of this guide."
            )),
        }
    }
}

/// A file that passed every check, ready to replace the stored progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The progress the file holds, limited to what this guide knows.
    pub progress: Progress,
    /// Entries the file had that this guide does not know; they are left out.
    pub ignored: Vec<String>,
}

impl Import {
    /// The progress to store in place of `current`: the file's, keeping
    /// every deletion `current` knows. A relationship of the file that was
    /// deleted here comes back under a fresh id from `fresh_id`, with its
    /// check-ins and steps (see [`CheckIns::keep_deletions_of`]), so the
    /// person gets what the file holds and no other tab, still holding the
    /// deletion, removes it again.
    ///
    /// [`CheckIns::keep_deletions_of`]: crate::checkin::CheckIns::keep_deletions_of
    pub fn replacing(self, current: &Progress, fresh_id: impl FnMut() -> String) -> Progress {
        let mut progress = self.progress;
        progress
            .checkins
            .keep_deletions_of(&current.checkins, fresh_id);
        progress
    }

    /// The file's progress added to `current` instead of replacing it: the
    /// same join as two tabs' copies ([`Progress::merge`]), so everything of
    /// both is kept, the newer note per card wins, and what was deleted here
    /// stays deleted.
    pub fn merged_into(&self, current: &Progress, course: &Course) -> Progress {
        current.merge(&self.progress, course)
    }
}

/// The file name of an export made at `millis` by someone whose clock is
/// `offset_minutes` ahead of UTC: named for their own date, not Greenwich's
/// (`closer-progress-2026-11-25.json`).
pub fn export_file_name(millis: Millis, offset_minutes: i32) -> String {
    let (y, m, d) = civil_date(millis, offset_minutes);
    format!("closer-progress-{y:04}-{m:02}-{d:02}.json")
}

fn session_is_known(session: &Session, course: &Course) -> bool {
    session.order.iter().all(|id| course.question(id).is_some())
}

/// Checks an imported file: its size, that it is progress of a schema this
/// build reads (older ones are migrated), its types, and its ids. Entries
/// about lessons, cards or questions this guide does not have, and check-ins
/// or steps it cannot show, are left out and listed, never imported blindly. Never panics, whatever the input.
pub fn import(text: &str, course: &Course, checkin: &CheckinGuide) -> Result<Import, ImportError> {
    let bytes = text.len() as u64;
    if bytes > IMPORT_MAX_BYTES {
        return Err(ImportError::TooLarge { bytes });
    }
    let mut progress = match Progress::decode(text) {
        Ok(p) => p,
        Err(DecodeError::Newer(n)) => return Err(ImportError::Newer(n)),
        Err(e) => return Err(ImportError::Unreadable(e)),
    };
    // Every file Closer ever exported has its lessons (schema 1 on), so a
    // schema number alone, as in another app's JSON, is not progress.
    let parts = [
        "lessons",
        "responses",
        "quiz",
        "checkins",
        "last_lesson",
        "talk",
    ];
    if let Ok(serde_json::Value::Object(top)) = serde_json::from_str::<serde_json::Value>(text) {
        if !parts.iter().any(|k| top.contains_key(*k)) {
            return Err(ImportError::NotProgress);
        }
    }
    let mut ignored = Vec::new();

    progress
        .lessons
        .retain(|id, entry| match course.lesson(id) {
            None => {
                ignored.push(format!("lesson {id}"));
                false
            }
            Some(lesson) => {
                if lesson.card_index(&entry.card).is_none() {
                    ignored.push(format!("card {id}/{}", entry.card));
                    entry.card = lesson.first_card_id().to_string();
                }
                true
            }
        });
    if progress
        .last_lesson
        .as_deref()
        .is_some_and(|id| course.lesson(id).is_none())
    {
        progress.last_lesson = None;
    }
    progress.responses.retain(|key, _| {
        let known = key.split_once('#').is_some_and(|(lesson, card)| {
            course
                .lesson(lesson)
                .is_some_and(|l| l.card_index(card).is_some())
        });
        if !known {
            ignored.push(format!("response {key}"));
        }
        known
    });
    let question_known = |id: &str| course.question(id).is_some();
    progress.quiz.records.retain(|id, _| {
        let known = question_known(id);
        if !known {
            ignored.push(format!("question {id}"));
        }
        known
    });
    for slot in [&mut progress.quiz.current, &mut progress.quiz.last] {
        if slot.as_ref().is_some_and(|s| !session_is_known(s, course)) {
            ignored.push("a quiz session with questions this guide no longer has".into());
            *slot = None;
        }
    }

    ignored.extend(progress.checkins.sanitize(checkin));

    let nothing = progress.lessons.is_empty()
        && progress.responses.is_empty()
        && progress.quiz.records.is_empty()
        && progress.quiz.attempts.is_empty()
        && progress.checkins.is_empty()
        && progress.talk.favourites.is_empty();
    if nothing && !ignored.is_empty() {
        return Err(ImportError::NothingKnown);
    }
    Ok(Import { progress, ignored })
}
