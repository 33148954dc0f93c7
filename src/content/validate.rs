//! Rules that every piece of content must follow.
//!
//! Run by `build.rs` (a broken rule fails the build with every problem listed)
//! and by the native tests. Like `model.rs`, this file is shared with the build
//! script through `#[path]`, so it may only use `std` and `super::model`.

use super::model::{Card, ChoiceOption, Course, Question, QuestionKind, FORMAT_VERSION};
use std::collections::HashSet;
use std::fmt;

/// Card id that the lesson page uses for its completion screen.
pub const RESERVED_CARD_ID: &str = "done";

/// Fewest and most options a choice card may offer.
pub const OPTIONS_MIN: usize = 2;
/// See [`OPTIONS_MIN`].
pub const OPTIONS_MAX: usize = 5;

/// The option ids a "which kind of intimacy is this?" question may use: the five kinds.
pub const KIND_IDS: [&str; 5] = [
    "physical",
    "spiritual",
    "shared-interests",
    "emotional",
    "experiential",
];

/// Most options a quiz question may offer.
pub const QUESTION_OPTIONS_MAX: usize = 6;

/// One broken rule, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Where: `kinds/physical#card-id/options/2`.
    pub at: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.problem)
    }
}

/// Ids are lowercase ASCII letters, digits and single hyphens, so they are safe
/// in URLs and storage keys and stable across edits of the visible text.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

struct Checker {
    errors: Vec<ContentError>,
}

impl Checker {
    fn fail(&mut self, at: &str, problem: impl Into<String>) {
        self.errors.push(ContentError {
            at: at.to_string(),
            problem: problem.into(),
        });
    }

    fn text(&mut self, at: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(at, format!("`{field}` is empty"));
        }
    }

    fn paragraphs(&mut self, at: &str, field: &str, values: &[String]) {
        if values.is_empty() {
            self.fail(at, format!("`{field}` has no paragraphs"));
        }
        for (i, p) in values.iter().enumerate() {
            self.text(at, &format!("{field}[{i}]"), p);
        }
    }

    fn slug(&mut self, at: &str, what: &str, id: &str) {
        if !is_valid_slug(id) {
            self.fail(
                at,
                format!("{what} id {id:?} must be lowercase letters, digits and single hyphens"),
            );
        }
    }

    /// Every option: a slug id unique in its list, a label, and feedback.
    fn options(&mut self, at: &str, options: &[ChoiceOption]) {
        let mut seen = HashSet::new();
        for (i, option) in options.iter().enumerate() {
            let at = format!("{at}/options/{i}");
            self.slug(&at, "option", &option.id);
            if !seen.insert(option.id.as_str()) {
                self.fail(&at, format!("duplicate option id {:?}", option.id));
            }
            self.text(&at, "label", &option.label);
            self.text(&at, "feedback", &option.feedback);
        }
    }

    fn question(&mut self, q: &Question, lesson_ids: &HashSet<&str>) {
        let at = format!("quiz/{}", q.id);
        self.slug(&at, "question", &q.id);
        if !lesson_ids.contains(q.lesson.as_str()) {
            self.fail(
                &at,
                format!("names lesson {:?}, which does not exist", q.lesson),
            );
        }
        self.text(&at, "prompt", &q.prompt);
        self.text(&at, "explanation", &q.explanation);
        self.options(&at, &q.options);
        let n = q.options.len();
        if !(OPTIONS_MIN..=QUESTION_OPTIONS_MAX).contains(&n) {
            self.fail(
                &at,
                format!(
                    "a question needs {OPTIONS_MIN} to {QUESTION_OPTIONS_MAX} options, found {n}"
                ),
            );
        }
        let correct = q.options.iter().filter(|o| o.correct).count();
        match q.kind {
            QuestionKind::Multi if correct == 0 => {
                self.fail(
                    &at,
                    "a select-all question needs at least one correct option",
                );
            }
            QuestionKind::Multi => {}
            _ if correct != 1 => self.fail(
                &at,
                format!(
                    "a single-answer question needs exactly one correct option, found {correct}"
                ),
            ),
            _ => {}
        }
        match q.kind {
            QuestionKind::TrueFalse => {
                let mut ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
                ids.sort_unstable();
                if ids != ["false", "true"] {
                    self.fail(
                        &at,
                        "a true/false question has exactly the options `true` and `false`",
                    );
                }
            }
            QuestionKind::Classify => {
                for o in &q.options {
                    if !KIND_IDS.contains(&o.id.as_str()) {
                        self.fail(
                            &at,
                            format!(
                                "option {:?} is not one of the five kinds {KIND_IDS:?}",
                                o.id
                            ),
                        );
                    }
                }
            }
            QuestionKind::Single | QuestionKind::Multi => {}
        }
    }

    fn card(&mut self, lesson_id: &str, card: &Card) {
        let at = format!("{lesson_id}#{}", card.id());
        self.slug(&at, "card", card.id());
        if card.id() == RESERVED_CARD_ID {
            self.fail(&at, format!("card id {RESERVED_CARD_ID:?} is reserved"));
        }
        self.text(&at, "title", card.title());
        match card {
            Card::Explain { body, source, .. } => {
                self.paragraphs(&at, "body", body);
                if let Some(source) = source {
                    self.text(&at, "source", source);
                }
            }
            Card::Scenario {
                story, takeaway, ..
            } => {
                self.paragraphs(&at, "story", story);
                self.text(&at, "takeaway", takeaway);
            }
            Card::Reveal {
                question, answer, ..
            } => {
                self.text(&at, "question", question);
                self.paragraphs(&at, "answer", answer);
            }
            Card::Choice {
                prompt, options, ..
            } => {
                self.text(&at, "prompt", prompt);
                if !(OPTIONS_MIN..=OPTIONS_MAX).contains(&options.len()) {
                    self.fail(
                        &at,
                        format!(
                            "a choice card needs {OPTIONS_MIN} to {OPTIONS_MAX} options, found {}",
                            options.len()
                        ),
                    );
                }
                let correct = options.iter().filter(|o| o.correct).count();
                if correct != 1 {
                    self.fail(
                        &at,
                        format!("a choice card needs exactly one correct option, found {correct}"),
                    );
                }
                self.options(&at, options);
            }
            Card::Reflect { prompt, hint, .. } => {
                self.text(&at, "prompt", prompt);
                self.text(&at, "hint", hint);
            }
        }
    }
}

/// Checks every rule and returns every problem found (empty when the content is good).
pub fn validate(course: &Course) -> Vec<ContentError> {
    let mut c = Checker { errors: Vec::new() };
    if course.format_version != FORMAT_VERSION {
        c.fail(
            "course",
            format!(
                "format_version is {}, this build reads {FORMAT_VERSION}",
                course.format_version
            ),
        );
    }
    c.text("course", "title", &course.title);
    c.text("course", "tagline", &course.tagline);
    c.paragraphs("course", "intro", &course.intro);
    c.text("course", "disclaimer", &course.disclaimer);
    if course.sections.is_empty() {
        c.fail("course", "there are no sections");
    }

    let mut section_ids = HashSet::new();
    let mut lesson_ids = HashSet::new();
    for section in &course.sections {
        let at = format!("section {}", section.id);
        c.slug(&at, "section", &section.id);
        if !section_ids.insert(section.id.as_str()) {
            c.fail(&at, "duplicate section id");
        }
        c.text(&at, "title", &section.title);
        c.text(&at, "intro", &section.intro);
        if section.lessons.is_empty() {
            c.fail(&at, "the section has no lessons");
        }
        for lesson in &section.lessons {
            let at = lesson.id.clone();
            match lesson.id.split_once('/') {
                Some((sec, slug)) if sec == section.id => c.slug(&at, "lesson", slug),
                _ => c.fail(&at, format!("lesson id must be `{}/<slug>`", section.id)),
            }
            if !lesson_ids.insert(lesson.id.as_str()) {
                c.fail(&at, "duplicate lesson id");
            }
            c.text(&at, "title", &lesson.title);
            c.text(&at, "summary", &lesson.summary);
            if lesson.cards.is_empty() {
                c.fail(&at, "the lesson has no cards");
            }
            if !lesson.cards.iter().any(Card::is_interactive) {
                c.fail(
                    &at,
                    "the lesson needs at least one interactive card (reveal, choice or reflect)",
                );
            }
            let mut card_ids = HashSet::new();
            for card in &lesson.cards {
                if !card_ids.insert(card.id()) {
                    c.fail(&format!("{}#{}", lesson.id, card.id()), "duplicate card id");
                }
                c.card(&lesson.id, card);
            }
        }
    }

    let mut question_ids = HashSet::new();
    for q in &course.questions {
        if !question_ids.insert(q.id.as_str()) {
            c.fail(&format!("quiz/{}", q.id), "duplicate question id");
        }
        c.question(q, &lesson_ids);
    }
    c.errors
}
