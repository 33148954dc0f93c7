//! The guide's content: typed, validated at build time, embedded in the binary.

pub mod model;
pub mod shuffle;
pub mod validate;

pub use model::{
    fill_prose, take_prose, Card, CardLink, CheckinGuide, ChoiceOption, ClosenessItem, Course,
    Evidence, EvidenceKind, FollowUp, FollowUpAnswer, KindItem, Lesson, Person, Prose,
    ProseMismatch, Question, QuestionKind, Section, SmallStep, Talk, TalkQuestion, TalkRound, Text,
    TogetherGuide, CLOSENESS_PICTURES, QUIZ_PROSE, SCALE_POINTS,
};

/// The checked content as `build.rs` wrote it (with `databake`, after every
/// rule in [`validate`] passed): Rust expressions over borrowed statics, so
/// the guide is in the binary as it is used, with nothing parsed at run time.
mod baked {
    extern crate alloc;
    use super::{CheckinGuide, Course, TogetherGuide};

    pub static COURSE: Course = include!(concat!(env!("OUT_DIR"), "/course.rs"));
    pub static CHECKIN: CheckinGuide = include!(concat!(env!("OUT_DIR"), "/checkin.rs"));
    pub static TOGETHER: TogetherGuide = include!(concat!(env!("OUT_DIR"), "/together.rs"));
    /// Which prose file belongs to what: `(lesson id or "quiz", path in the site)`.
    pub static PROSE_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/prose_files.rs"));
}

/// The path, relative to the site's root, of the prose file for `key` (a
/// lesson's id or [`QUIZ_PROSE`]).
///
/// In the browser, [`course`] holds lessons' cards and the quiz bank without
/// their prose (build.rs takes it out with [`model::take_prose`]); each
/// lesson's prose and the quiz's is a JSON array of strings in a file named by
/// a hash of its contents, loaded when first needed and put back with
/// [`model::fill_prose`]. Natively the course keeps its whole text.
pub fn prose_file(key: &str) -> Option<&'static str> {
    baked::PROSE_FILES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, file)| *file)
}

/// Every prose file: `(lesson id or "quiz", path in the site)`.
pub fn prose_files() -> &'static [(&'static str, &'static str)] {
    baked::PROSE_FILES
}

/// The prose files' contents, `(path in the site, JSON)`, for the build hook
/// to write into the site. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn prose_payloads() -> Vec<(String, String)> {
    serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/prose.json")))
        .expect("build.rs writes the prose files")
}

/// The guide's content.
pub fn course() -> &'static Course {
    &baked::COURSE
}

/// What the check-in asks and suggests (checked by [`validate::validate_checkin`]).
pub fn checkin_guide() -> &'static CheckinGuide {
    &baked::CHECKIN
}

/// What comparing and talking together say (checked by [`validate::validate_together`]).
pub fn together_guide() -> &'static TogetherGuide {
    &baked::TOGETHER
}

impl CheckinGuide {
    /// The kind with this id.
    pub fn kind(&self, id: &str) -> Option<&KindItem> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The small step with this id.
    pub fn step(&self, id: &str) -> Option<&SmallStep> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The small steps of one practice lesson, in their authored order.
    pub fn steps_of<'g>(&'g self, practice: &'g str) -> impl Iterator<Item = &'g SmallStep> {
        self.steps.iter().filter(move |s| s.practice == practice)
    }

    /// The follow-up answer with this id.
    pub fn answer(&self, id: &str) -> Option<&FollowUpAnswer> {
        self.follow_up.answers.iter().find(|a| a.id == id)
    }

    /// The spoken name of closeness picture `n` (1 to 7): `4 of 7: overlapping by about half`.
    pub fn picture_name(&self, n: u8) -> String {
        let words = self
            .closeness
            .pictures
            .get(usize::from(n).wrapping_sub(1))
            .map_or("", |s| &**s);
        format!("{n} of {}: {words}", self.closeness.pictures.len())
    }

    /// The words for scale point `n` (0 to 4).
    pub fn scale_word(&self, n: u8) -> &str {
        self.scale.get(usize::from(n)).map_or("", |s| &**s)
    }
}

/// The course together with its names list, which the app does not ship
/// (build.rs writes it apart). Native only: for the tests and the build's tools.
#[cfg(not(target_arch = "wasm32"))]
pub fn course_with_names() -> Course {
    #[derive(serde::Deserialize)]
    struct Names {
        people: Vec<Person>,
        not_names: Vec<String>,
    }
    let names: Names = serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/names.json")))
        .expect("build.rs writes the names list");
    let mut c = course().clone();
    c.people = names.people.into();
    c.not_names = names.not_names.into_iter().map(Into::into).collect();
    c
}

impl Course {
    /// Every lesson, in path order.
    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.sections.iter().flat_map(|s| s.lessons.iter())
    }

    /// The lesson with this id.
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons().find(|l| l.id == id)
    }

    /// The section that holds the lesson with this id.
    pub fn section_of(&self, lesson_id: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.lessons.iter().any(|l| l.id == lesson_id))
    }

    /// The lesson after this one on the path, if any.
    pub fn next_lesson(&self, lesson_id: &str) -> Option<&Lesson> {
        let mut lessons = self.lessons().skip_while(|l| l.id != lesson_id);
        lessons.next()?;
        lessons.next()
    }

    /// The quiz question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// How many lessons the path has.
    pub fn lesson_count(&self) -> usize {
        self.lessons().count()
    }
}

impl Lesson {
    /// Position of the card with this id.
    pub fn card_index(&self, card_id: &str) -> Option<usize> {
        self.cards.iter().position(|c| c.id() == card_id)
    }

    /// The id of the lesson's first card (validation guarantees there is one).
    pub fn first_card_id(&self) -> &str {
        self.cards.first().map_or("", Card::id)
    }

    /// The app path of the lesson's first card, where a new reader starts.
    pub fn first_card_path(&self) -> String {
        card_path(&self.id, self.first_card_id())
    }

    /// The app path of the card at `index` (the first card if out of range).
    pub fn card_path_at(&self, index: usize) -> String {
        self.cards
            .get(index)
            .map_or_else(|| self.first_card_path(), |c| card_path(&self.id, c.id()))
    }

    /// The section part of the id (`kinds` in `kinds/physical`).
    pub fn section_id(&self) -> &str {
        self.id.split_once('/').map_or("", |(s, _)| s)
    }

    /// The slug part of the id (`physical` in `kinds/physical`).
    pub fn slug(&self) -> &str {
        self.id.split_once('/').map_or(&self.id, |(_, s)| s)
    }
}

/// The app path of a card: `/lessons/<section>/<slug>/<card>`.
pub fn card_path(lesson_id: &str, card_id: &str) -> String {
    format!("/lessons/{lesson_id}/{card_id}")
}

/// The app path of a lesson's completion screen.
pub fn done_path(lesson_id: &str) -> String {
    card_path(lesson_id, validate::RESERVED_CARD_ID)
}
