//! Rules that every piece of content must follow.
//!
//! Run by `build.rs` (a broken rule fails the build with every problem listed)
//! and by the native tests. Like `model.rs`, this file is shared with the build
//! script through `#[path]`, so it may only use `std` and `super::model`.

use super::model::{
    Card, CardLink, CheckinGuide, ChoiceOption, Course, Evidence, Question, QuestionKind, Text,
    TogetherGuide, CLOSENESS_PICTURES, FORMAT_VERSION, SCALE_POINTS,
};
use std::collections::{HashMap, HashSet};
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

/// Words that mark a research claim. A card or question whose text holds one
/// (as a whole word, any case) must carry `evidence`. Author names of the
/// studies the guide draws on count too, so naming Sternberg is a claim.
pub const RESEARCH_WORDS: &[&str] = &[
    "study",
    "studies",
    "studied",
    "research",
    "researcher",
    "researchers",
    "psychologist",
    "psychologists",
    "experiment",
    "experiments",
    "scientific",
    "scientifically",
    "validated",
    "theory",
    "model",
    "reis",
    "shaver",
    "laurenceau",
    "aron",
    "sternberg",
    "schaefer",
    "olson",
    "pietromonaco",
    "apa",
    "found",
    "trial",
    "trials",
];

/// Whether `text` holds one of [`RESEARCH_WORDS`] as a whole word.
pub fn names_research(text: &str) -> Option<&'static str> {
    let words: HashSet<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    RESEARCH_WORDS.iter().copied().find(|w| words.contains(*w))
}

/// The capitalised words of `text` that do not open a sentence, with the
/// ones that do: `(word, opens_sentence)`. Apostrophes stay in the word
/// (`Karim's` is returned as `Karim`).
pub fn capitalised_words(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut opens = true;
    let mut word = String::new();
    let mut word_opens = true;
    let flush = |word: &mut String, word_opens: bool, out: &mut Vec<(String, bool)>| {
        if word.chars().next().is_some_and(char::is_uppercase) {
            let base = word
                .split(['\'', '’'])
                .next()
                .unwrap_or_default()
                .to_string();
            out.push((base, word_opens));
        }
        word.clear();
    };
    for ch in text.chars() {
        if ch.is_alphabetic() || ((ch == '\'' || ch == '’') && !word.is_empty()) {
            if word.is_empty() {
                word_opens = opens;
            }
            word.push(ch);
            opens = false;
        } else {
            flush(&mut word, word_opens, &mut out);
            match ch {
                // Spanish opens a question or an exclamation with its own mark.
                '.' | '!' | '?' | ':' | '"' | '“' | '(' | '¿' | '¡' | '«' => opens = true,
                c if c.is_whitespace() => {}
                _ => opens = false,
            }
        }
    }
    flush(&mut word, word_opens, &mut out);
    out
}

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

    fn paragraphs(&mut self, at: &str, field: &str, values: &[Text]) {
        if values.is_empty() {
            self.fail(at, format!("`{field}` has no paragraphs"));
        }
        for (i, p) in values.iter().enumerate() {
            self.text(at, &format!("{field}[{i}]"), p);
            if let Some(item) = super::model::list_item(p) {
                if i == 0 {
                    self.fail(
                        at,
                        format!("`{field}[0]` is a list item: a list needs a lead-in paragraph before it"),
                    );
                }
                self.text(at, &format!("{field}[{i}] (list item)"), item);
            }
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

    /// Every field of every piece of evidence is filled in.
    fn evidence(&mut self, at: &str, evidence: &[Evidence]) {
        for (i, e) in evidence.iter().enumerate() {
            let at = format!("{at}/evidence/{i}");
            self.text(&at, "cite", &e.cite);
            self.text(&at, "source", &e.source);
            self.text(&at, "shows", &e.shows);
        }
    }

    /// Text that names a study needs evidence beside it.
    fn research<'t>(
        &mut self,
        at: &str,
        texts: impl IntoIterator<Item = &'t str>,
        evidence: &[Evidence],
        table: Option<&str>,
    ) {
        if !evidence.is_empty() {
            return;
        }
        if let Some(word) = texts.into_iter().find_map(names_research) {
            let fix = match table {
                Some(table) => format!(
                    "add a `[[{table}]]` entry (kind, cite, source, shows) for the claim"
                ),
                None => "only explain cards and quiz questions carry evidence: move the claim to an explain card with `[[cards.evidence]]`, or reword it".to_string(),
            };
            self.fail(
                at,
                format!("names research ({word:?}) without evidence: {fix}"),
            );
        }
    }

    /// Every option: a slug id unique in its list, a label, and feedback.
    fn options(&mut self, at: &str, options: &[ChoiceOption]) {
        let mut seen = HashSet::new();
        for (i, option) in options.iter().enumerate() {
            let at = format!("{at}/options/{i}");
            self.slug(&at, "option", &option.id);
            if !seen.insert(option.id.as_ref()) {
                self.fail(&at, format!("duplicate option id {:?}", option.id));
            }
            self.text(&at, "label", &option.label);
            self.text(&at, "feedback", &option.feedback);
        }
    }

    fn question(&mut self, q: &Question, lesson_ids: &HashSet<&str>) {
        let at = format!("quiz/{}", q.id);
        self.slug(&at, "question", &q.id);
        if !lesson_ids.contains(q.lesson.as_ref()) {
            self.fail(
                &at,
                format!("names lesson {:?}, which does not exist", q.lesson),
            );
        }
        self.text(&at, "prompt", &q.prompt);
        self.text(&at, "explanation", &q.explanation);
        self.options(&at, &q.options);
        self.evidence(&at, &q.evidence);
        let texts = [q.prompt.as_ref(), q.explanation.as_ref()]
            .into_iter()
            .chain(option_texts(&q.options));
        self.research(&at, texts, &q.evidence, Some("questions.evidence"));
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
                let mut ids: Vec<&str> = q.options.iter().map(|o| o.id.as_ref()).collect();
                ids.sort_unstable();
                if ids != ["false", "true"] {
                    self.fail(
                        &at,
                        "a true/false question has exactly the options `true` and `false`",
                    );
                }
            }
            QuestionKind::Classify => {
                for o in q.options.iter() {
                    if !KIND_IDS.contains(&o.id.as_ref()) {
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
            Card::Explain {
                title,
                body,
                evidence,
                link,
                ..
            } => {
                self.paragraphs(&at, "body", body);
                self.evidence(&at, evidence);
                let texts = std::iter::once(title.as_ref()).chain(body.iter().map(|s| &**s));
                self.research(&at, texts, evidence, Some("cards.evidence"));
                if let Some(link) = link {
                    self.text(&at, "link.label", &link.label);
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
        if !matches!(card, Card::Explain { .. }) {
            self.research(&at, card_texts(card), &[], None);
        }
    }

    /// A card link must point at a card that exists.
    fn link(&mut self, at: &str, link: &CardLink, course: &Course) {
        let target = course
            .sections
            .iter()
            .flat_map(|s| s.lessons.iter())
            .find(|l| l.id == link.lesson);
        match target {
            None => self.fail(
                at,
                format!("links to lesson {:?}, which does not exist", link.lesson),
            ),
            Some(l) if !l.cards.iter().any(|c| c.id() == link.card) => self.fail(
                at,
                format!(
                    "links to card {:?} of {}, which has no such card",
                    link.card, link.lesson
                ),
            ),
            Some(_) => {}
        }
    }

    /// One name, one person, one place: every capitalised word of a story
    /// that does not open a sentence and is not in `not_names` is a name, and
    /// every name is listed once in `content/names.toml`, with the one lesson
    /// or question it lives in. A listed name is checked wherever it appears,
    /// sentence starts included; an unlisted one that only ever opens
    /// sentences is not caught (it cannot be told from an ordinary word).
    fn names(&mut self, course: &Course) {
        let not_names: HashSet<&str> = course.not_names.iter().map(|s| &**s).collect();
        let mut listed: HashMap<&str, &str> = HashMap::new();
        let mut places: HashSet<String> = course
            .sections
            .iter()
            .flat_map(|s| s.lessons.iter())
            .map(|l| l.id.to_string())
            .collect();
        places.extend(course.questions.iter().map(|q| format!("quiz/{}", q.id)));
        for (i, p) in course.people.iter().enumerate() {
            let at = format!("names/{i} ({})", p.name);
            self.text(&at, "who", &p.who);
            if listed.insert(p.name.as_ref(), p.place.as_ref()).is_some() {
                self.fail(
                    &at,
                    format!("{:?} is listed twice: one name is one person, so give the other person a new name", p.name),
                );
            }
            if !places.contains(&*p.place) {
                self.fail(
                    &at,
                    format!(
                        "place {:?} is neither a lesson id nor `quiz/<question id>`",
                        p.place
                    ),
                );
            }
        }
        // Every story text, with the place it belongs to.
        let mut stories: Vec<(String, String, Vec<&str>)> = Vec::new();
        for lesson in course.sections.iter().flat_map(|s| s.lessons.iter()) {
            for card in lesson.cards.iter() {
                if !matches!(card, Card::Explain { .. }) {
                    let at = format!("{}#{}", lesson.id, card.id());
                    stories.push((at, lesson.id.to_string(), card_texts(card)));
                }
            }
        }
        for q in course.questions.iter() {
            let texts = [q.prompt.as_ref(), q.explanation.as_ref()]
                .into_iter()
                .chain(option_texts(&q.options))
                .collect();
            stories.push((format!("quiz/{}", q.id), format!("quiz/{}", q.id), texts));
        }
        let mut used: HashSet<&str> = HashSet::new();
        let mut reported: HashSet<(String, String)> = HashSet::new();
        for (at, place, texts) in &stories {
            for text in texts {
                for (word, opens) in capitalised_words(text) {
                    match listed.get_key_value(word.as_str()) {
                        Some((name, home)) => {
                            used.insert(name);
                            if home != place && reported.insert((word.clone(), at.clone())) {
                                self.fail(
                                    at,
                                    format!("{word:?} already belongs to someone in {home}: one name is one person, so pick a name not in content/names.toml and list it there"),
                                );
                            }
                        }
                        None if !opens
                            && !not_names.contains(word.as_str())
                            && reported.insert((word.clone(), at.clone())) =>
                        {
                            self.fail(
                                at,
                                format!("{word:?} looks like a name: list it in content/names.toml with its place and who they are, or add it to `not_names` there if it is not a name"),
                            );
                        }
                        None => {}
                    }
                }
            }
        }
        for p in course.people.iter() {
            if !used.contains(p.name.as_ref()) {
                self.fail(
                    &format!("names ({})", p.name),
                    format!(
                        "{:?} is listed but appears nowhere in {}: remove the entry",
                        p.name, p.place
                    ),
                );
            }
        }
    }
}

/// The visible text of a card other than its heading's kind label.
fn card_texts(card: &Card) -> Vec<&str> {
    let mut t = vec![card.title()];
    match card {
        Card::Explain { body, .. } => t.extend(body.iter().map(|s| &**s)),
        Card::Scenario {
            story, takeaway, ..
        } => {
            t.extend(story.iter().map(|s| &**s));
            t.push(takeaway);
        }
        Card::Reveal {
            question, answer, ..
        } => {
            t.push(question);
            t.extend(answer.iter().map(|s| &**s));
        }
        Card::Choice {
            prompt, options, ..
        } => {
            t.push(prompt);
            t.extend(option_texts(options));
        }
        Card::Reflect { prompt, hint, .. } => {
            t.push(prompt);
            t.push(hint);
        }
    }
    t
}

/// Every option's label and feedback.
fn option_texts(options: &[ChoiceOption]) -> impl Iterator<Item = &str> {
    options
        .iter()
        .flat_map(|o| [o.label.as_ref(), o.feedback.as_ref()])
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
    for section in course.sections.iter() {
        let at = format!("section {}", section.id);
        c.slug(&at, "section", &section.id);
        if !section_ids.insert(section.id.as_ref()) {
            c.fail(&at, "duplicate section id");
        }
        c.text(&at, "title", &section.title);
        c.text(&at, "intro", &section.intro);
        if section.lessons.is_empty() {
            c.fail(&at, "the section has no lessons");
        }
        for lesson in section.lessons.iter() {
            let at = lesson.id.clone();
            match lesson.id.split_once('/') {
                Some((sec, slug)) if sec == section.id => c.slug(&at, "lesson", slug),
                _ => c.fail(&at, format!("lesson id must be `{}/<slug>`", section.id)),
            }
            if !lesson_ids.insert(lesson.id.as_ref()) {
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
            for card in lesson.cards.iter() {
                if !card_ids.insert(card.id()) {
                    c.fail(&format!("{}#{}", lesson.id, card.id()), "duplicate card id");
                }
                c.card(&lesson.id, card);
            }
        }
    }

    for lesson in course.sections.iter().flat_map(|s| s.lessons.iter()) {
        for card in lesson.cards.iter() {
            if let Card::Explain {
                link: Some(link), ..
            } = card
            {
                c.link(&format!("{}#{}", lesson.id, card.id()), link, course);
            }
        }
    }

    let mut question_ids = HashSet::new();
    for q in course.questions.iter() {
        if !question_ids.insert(q.id.as_ref()) {
            c.fail(&format!("quiz/{}", q.id), "duplicate question id");
        }
        c.question(q, &lesson_ids);
    }
    c.names(course);
    c.errors
}

/// Fewest small steps each practice must offer, so a person always has a choice.
pub const STEPS_PER_PRACTICE_MIN: usize = 3;

/// The section whose lessons are the kinds, and the one whose lessons are the practices.
pub const KINDS_SECTION: &str = "kinds";
/// See [`KINDS_SECTION`].
pub const PRACTICES_SECTION: &str = "practices";

/// Checks the check-in guide against the course it links into, and returns
/// every problem found (empty when it is good): one entry per kind lesson,
/// each mapped to practice lessons that exist; at least
/// [`STEPS_PER_PRACTICE_MIN`] steps for every practice; the right number of
/// pictures and scale words; unique slug ids; no empty text.
pub fn validate_checkin(guide: &CheckinGuide, course: &Course) -> Vec<ContentError> {
    let mut c = Checker { errors: Vec::new() };
    let at = "checkin";
    if guide.format_version != FORMAT_VERSION {
        c.fail(
            at,
            format!(
                "format_version is {}, this build reads {FORMAT_VERSION}",
                guide.format_version
            ),
        );
    }
    c.paragraphs(at, "intro", &guide.intro);
    c.text(at, "caveat", &guide.caveat);
    if guide.evidence.is_empty() {
        c.fail(
            at,
            "the check-in borrows from research: list it under `[[evidence]]`",
        );
    }
    c.evidence(at, &guide.evidence);

    let closeness = &guide.closeness;
    c.text("checkin/closeness", "question", &closeness.question);
    c.text("checkin/closeness", "hint", &closeness.hint);
    if closeness.pictures.len() != CLOSENESS_PICTURES {
        c.fail(
            "checkin/closeness",
            format!(
                "needs exactly {CLOSENESS_PICTURES} picture names, has {}",
                closeness.pictures.len()
            ),
        );
    }
    for (i, p) in closeness.pictures.iter().enumerate() {
        c.text("checkin/closeness", &format!("pictures[{i}]"), p);
    }
    if guide.scale.len() != SCALE_POINTS {
        c.fail(
            at,
            format!(
                "`scale` needs exactly {SCALE_POINTS} words, has {}",
                guide.scale.len()
            ),
        );
    }
    for (i, w) in guide.scale.iter().enumerate() {
        c.text(at, &format!("scale[{i}]"), w);
    }

    let lessons_of = |section: &str| -> Vec<&str> {
        course
            .sections
            .iter()
            .filter(|s| s.id == section)
            .flat_map(|s| s.lessons.iter().map(|l| l.id.as_ref()))
            .collect()
    };
    let kind_lessons = lessons_of(KINDS_SECTION);
    let practice_lessons = lessons_of(PRACTICES_SECTION);

    let mut kind_ids = HashSet::new();
    let mut covered = HashSet::new();
    for kind in guide.kinds.iter() {
        let at = format!("checkin/kinds/{}", kind.id);
        c.slug(&at, "kind", &kind.id);
        if !kind_ids.insert(kind.id.as_ref()) {
            c.fail(&at, "duplicate kind id");
        }
        c.text(&at, "name", &kind.name);
        c.text(&at, "reminder", &kind.reminder);
        c.text(&at, "why", &kind.why);
        if !kind_lessons.contains(&kind.lesson.as_ref()) {
            c.fail(
                &at,
                format!(
                    "`lesson` {:?} is not a lesson of the {KINDS_SECTION:?} section",
                    kind.lesson
                ),
            );
        } else if !covered.insert(kind.lesson.as_ref()) {
            c.fail(&at, format!("lesson {:?} has two kinds", kind.lesson));
        }
        if kind.practices.is_empty() {
            c.fail(
                &at,
                "maps to no practice: name at least one under `practices`",
            );
        }
        for p in kind.practices.iter() {
            if !practice_lessons.contains(&p.as_ref()) {
                c.fail(
                    &at,
                    format!("practice {p:?} is not a lesson of the {PRACTICES_SECTION:?} section"),
                );
            }
        }
    }
    for lesson in kind_lessons.iter() {
        if !covered.contains(lesson) {
            c.fail(
                at,
                format!("the kind lesson {lesson:?} has no entry under `[[kinds]]`"),
            );
        }
    }

    let mut step_ids = HashSet::new();
    let mut per_practice: HashMap<&str, usize> = HashMap::new();
    for step in guide.steps.iter() {
        let at = format!("checkin/steps/{}", step.id);
        c.slug(&at, "step", &step.id);
        if !step_ids.insert(step.id.as_ref()) {
            c.fail(&at, "duplicate step id");
        }
        c.text(&at, "text", &step.text);
        if practice_lessons.contains(&step.practice.as_ref()) {
            *per_practice.entry(step.practice.as_ref()).or_default() += 1;
        } else {
            c.fail(
                &at,
                format!(
                    "`practice` {:?} is not a lesson of the {PRACTICES_SECTION:?} section",
                    step.practice
                ),
            );
        }
    }
    for practice in practice_lessons.iter() {
        let n = per_practice.get(practice).copied().unwrap_or(0);
        if n < STEPS_PER_PRACTICE_MIN {
            c.fail(
                at,
                format!(
                    "practice {practice:?} has {n} small steps, needs at least {STEPS_PER_PRACTICE_MIN}"
                ),
            );
        }
    }

    let f = &guide.follow_up;
    c.text("checkin/follow_up", "question", &f.question);
    c.text("checkin/follow_up", "note_label", &f.note_label);
    if f.answers.len() < 2 {
        c.fail("checkin/follow_up", "needs at least 2 answers");
    }
    let mut answer_ids = HashSet::new();
    for a in f.answers.iter() {
        let at = format!("checkin/follow_up/{}", a.id);
        c.slug(&at, "answer", &a.id);
        if !answer_ids.insert(a.id.as_ref()) {
            c.fail(&at, "duplicate answer id");
        }
        c.text(&at, "label", &a.label);
        c.text(&at, "reply", &a.reply);
    }
    c.errors
}

/// The rounds of conversation questions, in order.
pub const TALK_ROUNDS: [&str; 3] = ["light", "deeper", "deepest"];

/// The fewest questions a round may have.
pub const QUESTIONS_PER_ROUND_MIN: usize = 12;

/// The fewest questions of each kind in every round, so that suggestions
/// can come from any kind at any depth.
pub const QUESTIONS_PER_KIND_MIN: usize = 2;

/// Checks `content/together.toml` against the check-in's kinds: every text
/// filled in, the three rounds in order, each with at least
/// [`QUESTIONS_PER_ROUND_MIN`] questions ending in a question mark, unique
/// ids, one or two known kinds per question, and every kind in every round
/// at least [`QUESTIONS_PER_KIND_MIN`] times.
pub fn validate_together(together: &TogetherGuide, guide: &CheckinGuide) -> Vec<ContentError> {
    let mut c = Checker { errors: Vec::new() };
    let at = "together";
    if together.format_version != FORMAT_VERSION {
        c.fail(
            at,
            format!(
                "format_version is {}, this build reads {FORMAT_VERSION}",
                together.format_version
            ),
        );
    }
    c.paragraphs(at, "care", &together.care);
    c.paragraphs(at, "compare_intro", &together.compare_intro);
    c.text(at, "both_more", &together.both_more);
    c.text(at, "differ", &together.differ);
    c.text(at, "both_content", &together.both_content);
    c.text(at, "both_less", &together.both_less);
    c.text(at, "wants_less", &together.wants_less);
    let talk = &together.talk;
    c.paragraphs("together/talk", "intro", &talk.intro);
    if talk.rules.len() < 3 {
        c.fail("together/talk", "needs at least 3 rules");
    }
    for (i, r) in talk.rules.iter().enumerate() {
        c.text("together/talk", &format!("rules[{i}]"), r);
    }
    if talk.evidence.is_empty() {
        c.fail(
            "together/talk",
            "the questions borrow an idea from research: list it under `[[talk.evidence]]`",
        );
    }
    c.evidence("together/talk", &talk.evidence);
    let ids: Vec<&str> = talk.rounds.iter().map(|r| r.id.as_ref()).collect();
    if ids != TALK_ROUNDS {
        c.fail(
            "together/talk",
            format!("the rounds must be {TALK_ROUNDS:?}, in that order; they are {ids:?}"),
        );
    }
    let mut question_ids = HashSet::new();
    for round in talk.rounds.iter() {
        let at = format!("together/talk/{}", round.id);
        c.text(&at, "title", &round.title);
        c.text(&at, "intro", &round.intro);
        if round.questions.len() < QUESTIONS_PER_ROUND_MIN {
            c.fail(
                &at,
                format!(
                    "has {} questions, needs at least {QUESTIONS_PER_ROUND_MIN}",
                    round.questions.len()
                ),
            );
        }
        let mut per_kind: HashMap<&str, usize> = HashMap::new();
        for q in round.questions.iter() {
            let qat = format!("{at}/{}", q.id);
            c.slug(&qat, "question", &q.id);
            if !question_ids.insert(q.id.as_ref()) {
                c.fail(&qat, "duplicate question id");
            }
            c.text(&qat, "text", &q.text);
            if !q.text.trim_end().ends_with('?') {
                c.fail(&qat, "a question ends with a question mark");
            }
            if q.kinds.is_empty() || q.kinds.len() > 2 {
                c.fail(&qat, "names one or two kinds under `kinds`");
            }
            for k in q.kinds.iter() {
                if !guide.kinds.iter().any(|kind| kind.id == *k) {
                    c.fail(&qat, format!("kind {k:?} is not a kind of the check-in"));
                } else {
                    *per_kind.entry(k.as_ref()).or_default() += 1;
                }
            }
        }
        for kind in guide.kinds.iter() {
            let n = per_kind.get(kind.id.as_ref()).copied().unwrap_or(0);
            if n < QUESTIONS_PER_KIND_MIN {
                c.fail(
                    &at,
                    format!(
                        "has {n} question(s) on {:?}, needs at least {QUESTIONS_PER_KIND_MIN}",
                        kind.id
                    ),
                );
            }
        }
    }
    c.errors
}
