//! The guide's content: its typed model, the rules it must keep, and (with
//! the `compile` feature, for build scripts and native tools) the compiler
//! that reads `content/` into it. The app embeds the compiled guide; this
//! crate only describes it.

#[cfg(feature = "compile")]
pub mod compile;
pub mod model;
pub mod shuffle;
pub mod validate;

pub use model::{
    fill_prose, fill_words, list_item, take_prose, words_of, Card, CardLink, CheckinGuide,
    ChoiceOption, ClosenessItem, Course, Evidence, EvidenceKind, FollowUp, FollowUpAnswer,
    KindItem, Lesson, Person, Prose, ProseMismatch, Question, QuestionKind, Section, SmallStep,
    Talk, TalkQuestion, TalkRound, Text, TogetherGuide, Words, CLOSENESS_PICTURES, QUIZ_PROSE,
    SCALE_POINTS,
};

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
        crate::t!(
            "{n} of {total}: {words}",
            n = n,
            total = self.closeness.pictures.len(),
            words = words
        )
    }

    /// The words for scale point `n` (0 to 4).
    pub fn scale_word(&self, n: u8) -> &str {
        self.scale.get(usize::from(n)).map_or("", |s| &**s)
    }
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

/// The lesson on getting support: every page's footer links to it.
pub const SUPPORT_LESSON: &str = "support/getting-support";

/// The card of [`SUPPORT_LESSON`] on what to do when someone feels unsafe:
/// the check-in, its result and comparing with someone link to it.
pub const UNSAFE_CARD: &str = "if-unsafe";

/// The app path of a card: `/lessons/<section>/<slug>/<card>`.
pub fn card_path(lesson_id: &str, card_id: &str) -> String {
    format!("/lessons/{lesson_id}/{card_id}")
}

/// The app path of a lesson's completion screen.
pub fn done_path(lesson_id: &str) -> String {
    card_path(lesson_id, validate::RESERVED_CARD_ID)
}
