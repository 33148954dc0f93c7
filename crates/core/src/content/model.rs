//! The typed model of the guide's content.
//!
//! Pure data, read from the TOML under `content/` by [`super::compile`] and
//! baked into the app as Rust statics. With the `compile` feature each type
//! also derives `databake::Bake`, so the build script can write it out.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A piece of the guide's text. In the app it borrows from the binary
/// (build.rs writes the whole guide as Rust statics); where content is read
/// from TOML (the build, tests) it owns its string.
pub type Text = Cow<'static, str>;

/// A list in the guide's content: a static slice in the app, a vector where
/// content is read from TOML.
pub type List<T> = Cow<'static, [T]>;

/// The version of the content format. Bump it when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// The whole guide: every section, in the order a person walks through it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Version of the content format; must equal [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The app's name as shown in the header and page titles.
    pub title: Text,
    /// One line under the title on the home page.
    pub tagline: Text,
    /// Paragraphs that open the home page.
    pub intro: List<Text>,
    /// The plain "educational, not therapy" notice shown in every footer.
    pub disclaimer: Text,
    /// The sections of the path, in order.
    pub sections: List<Section>,
    /// The quiz's question bank.
    #[serde(default)]
    pub questions: List<Question>,
    /// Everyone who appears in a story, a choice card or a quiz question:
    /// one name, one person, one place (`content/names.toml`). Checked at
    /// build time and not shipped: the app's copy of the course leaves it empty
    /// (native code gets it back with `content::course_with_names`).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub people: List<Person>,
    /// Capitalised words in stories that are not people's names
    /// (`Mum`, `Sunday`, `TV`), so the names check can tell them apart.
    /// Not shipped either, like [`Course::people`].
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub not_names: List<Text>,
}

/// One person in the guide's stories. A name belongs to exactly one person,
/// and that person lives in exactly one lesson or one quiz question, so two
/// different stories never share a name by accident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The name as it is written in the stories (`Nadia`).
    pub name: Text,
    /// Where this person appears: a lesson id (`practices/lower-barriers`)
    /// or a quiz question as `quiz/<question id>`.
    pub place: Text,
    /// One line on who they are, for writers (`Karim's younger sister`).
    pub who: Text,
}

/// What kind of evidence stands behind a claim. The label it shows comes
/// from [`EvidenceKind::label`], so every claim of a kind reads the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A proposed explanation or model, not a test of one.
    Theory,
    /// A controlled experiment, usually in a lab, often with students.
    LabExperiment,
    /// People recorded their own days or conversations over a set period.
    DiaryStudy,
    /// Questionnaires answered by many people at one time.
    Survey,
    /// A study that builds a questionnaire or scale and checks that it
    /// measures consistently and agrees with other measures.
    QuestionnaireStudy,
    /// A review or meta-analysis that pools many studies.
    Review,
    /// A popular way of sorting things, useful but never tested as a measure.
    PopularFramework,
    /// A reference work, such as a dictionary of psychology.
    Reference,
}

impl EvidenceKind {
    /// The words shown on the label (`Diary study`).
    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::Theory => crate::t!("Theory"),
            EvidenceKind::LabExperiment => crate::t!("Lab experiment"),
            EvidenceKind::DiaryStudy => crate::t!("Diary study"),
            EvidenceKind::Survey => crate::t!("Survey"),
            EvidenceKind::QuestionnaireStudy => crate::t!("Questionnaire study"),
            EvidenceKind::Review => crate::t!("Review"),
            EvidenceKind::PopularFramework => crate::t!("Popular framework"),
            EvidenceKind::Reference => crate::t!("Reference"),
        }
    }
}

/// The evidence behind one claim: shown as a small label
/// (`Diary study · Laurenceau et al., 1998`) that opens to the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What kind of evidence it is.
    pub kind: EvidenceKind,
    /// The short citation on the label: authors and year
    /// (`Laurenceau et al., 1998`).
    pub cite: Text,
    /// The full source: authors, year, title, and journal or book.
    pub source: Text,
    /// One line on what it shows, and what it does not.
    pub shows: Text,
}

impl Evidence {
    /// The label's text: `Diary study · Laurenceau et al., 1998`.
    pub fn label(&self) -> String {
        format!("{} · {}", self.kind.label(), self.cite)
    }
}

/// A link from a card to another card of the guide, checked at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct CardLink {
    /// Id of the lesson the link points into (`support/getting-support`).
    pub lesson: Text,
    /// Id of the card in that lesson (`if-unsafe`).
    pub card: Text,
    /// The link's text.
    pub label: Text,
}

/// How a quiz question is asked and scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Pick one option; exactly one is correct.
    Single,
    /// "Select all that apply": one or more options are correct, and the
    /// answer counts as right only when exactly those are selected.
    Multi,
    /// "Which kind of intimacy is this?": one correct kind among the options.
    Classify,
    /// A myth check: options `true` and `false`, one of them correct.
    TrueFalse,
}

/// One question of the quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, unique in the bank (`myth-sex-only`). Quiz history is keyed by it.
    pub id: Text,
    /// How it is asked and scored.
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    /// Id of the lesson that teaches the answer (`basics/more-than-sex`).
    pub lesson: Text,
    /// The question (the `<legend>`).
    pub prompt: Text,
    /// The idea behind the right answer, shown with the results when missed.
    pub explanation: Text,
    /// The options, in their authored order (the quiz shuffles them).
    pub options: List<ChoiceOption>,
    /// The research behind the question, when it names or rests on a study.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub evidence: List<Evidence>,
}

/// A group of lessons on one theme ("Five kinds of intimacy").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, lowercase letters, digits and hyphens (`kinds`).
    pub id: Text,
    /// Heading shown on the home page.
    pub title: Text,
    /// One or two sentences that say what the section is about.
    pub intro: Text,
    /// The lessons of this section, in order.
    pub lessons: List<Lesson>,
}

/// A short lesson: a sequence of cards that a person pages through.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable id `<section>/<slug>` (`kinds/physical`). Progress is keyed by it.
    pub id: Text,
    /// The lesson's title (the page's `<h1>`).
    pub title: Text,
    /// One sentence shown on the home page's path.
    pub summary: Text,
    /// The cards, in order. Never empty.
    pub cards: List<Card>,
}

/// One card of a lesson. The `type` field in the TOML picks the variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Card {
    /// Plain teaching: a heading and a few paragraphs.
    Explain {
        /// Stable id, unique within the lesson.
        id: Text,
        /// The card's heading.
        title: Text,
        /// Paragraphs of text.
        body: List<Text>,
        /// Where each claim comes from: required when the card names a study.
        #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
        evidence: List<Evidence>,
        /// A link to another card, e.g. the support lesson's part on feeling unsafe.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        link: Option<CardLink>,
    },
    /// A concrete everyday situation that shows the idea at work.
    Scenario {
        /// Stable id, unique within the lesson.
        id: Text,
        /// The card's heading.
        title: Text,
        /// The story, in paragraphs.
        story: List<Text>,
        /// What the story shows, in one or two sentences.
        takeaway: Text,
    },
    /// A question whose answer stays hidden until the person asks for it.
    Reveal {
        /// Stable id, unique within the lesson.
        id: Text,
        /// The card's heading.
        title: Text,
        /// The question to think about first.
        question: Text,
        /// The answer, in paragraphs, shown on "Show the answer".
        answer: List<Text>,
    },
    /// Pick one option ("Which kind of intimacy is this?"); each option explains itself.
    Choice {
        /// Stable id, unique within the lesson.
        id: Text,
        /// The card's heading.
        title: Text,
        /// The situation and question.
        prompt: Text,
        /// The options; exactly one is correct.
        options: List<ChoiceOption>,
    },
    /// A private question about the person's own relationships, with a text box
    /// whose contents stay on this device.
    Reflect {
        /// Stable id, unique within the lesson.
        id: Text,
        /// The card's heading.
        title: Text,
        /// The question to reflect on.
        prompt: Text,
        /// A gentle hint on how to think about it.
        hint: Text,
    },
}

/// One option of a [`Card::Choice`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id, unique within the card.
    pub id: Text,
    /// The option's text.
    pub label: Text,
    /// Whether this is the answer the lesson teaches.
    #[serde(default)]
    pub correct: bool,
    /// Why this option is right or wrong; shown once it is picked.
    pub feedback: Text,
}

/// What marks a paragraph as an item of a list: `"- "` at its start.
pub const LIST_ITEM: &str = "- ";

/// The words of a paragraph that is a list item (`"- being rushed"` gives
/// `"being rushed"`), or `None` for an ordinary paragraph. In a card's
/// paragraphs (`body`, `story`, `answer`), consecutive items make one
/// bulleted list, which must follow a lead-in paragraph.
pub fn list_item(paragraph: &str) -> Option<&str> {
    paragraph.strip_prefix(LIST_ITEM)
}

impl Card {
    /// The card's id, unique within its lesson.
    pub fn id(&self) -> &str {
        match self {
            Card::Explain { id, .. }
            | Card::Scenario { id, .. }
            | Card::Reveal { id, .. }
            | Card::Choice { id, .. }
            | Card::Reflect { id, .. } => id,
        }
    }

    /// The card's heading.
    pub fn title(&self) -> &str {
        match self {
            Card::Explain { title, .. }
            | Card::Scenario { title, .. }
            | Card::Reveal { title, .. }
            | Card::Choice { title, .. }
            | Card::Reflect { title, .. } => title,
        }
    }

    /// Whether the card asks the person to do something (reveal, choose, reflect).
    pub fn is_interactive(&self) -> bool {
        matches!(
            self,
            Card::Reveal { .. } | Card::Choice { .. } | Card::Reflect { .. }
        )
    }
}

/// `content/checkin.toml`: everything the private check-in on a relationship
/// asks and suggests. Validated with the course
/// ([`super::validate::validate_checkin`]): every kind maps to practice
/// lessons that exist, and every practice has small steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct CheckinGuide {
    /// Version of this file's format; must equal [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Paragraphs that open the check-in page.
    pub intro: List<Text>,
    /// The plain line shown with every result: a reflection aid, not a test,
    /// and the five kinds are a popular grouping, not a validated measure.
    pub caveat: Text,
    /// The research the check-in borrows its ideas from.
    pub evidence: List<Evidence>,
    /// The closeness picture: one question answered with a pair of circles.
    pub closeness: ClosenessItem,
    /// The words for each point of the "now" and "wished for" scale, from
    /// the least (point 0) to the most. Exactly [`SCALE_POINTS`] of them.
    pub scale: List<Text>,
    /// The five kinds, in the order they are asked and drawn.
    pub kinds: List<KindItem>,
    /// Small steps a person may choose for a week, each under one practice.
    pub steps: List<SmallStep>,
    /// The gentle question a week after a step was chosen.
    pub follow_up: FollowUp,
}

/// How many points the now-and-wished scale has (0 to 4).
pub const SCALE_POINTS: usize = 5;

/// How many pairs of circles the closeness picture offers (1 to 7).
pub const CLOSENESS_PICTURES: usize = 7;

/// The closeness question (after the Inclusion of Other in the Self scale).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct ClosenessItem {
    /// The question (the `<legend>`).
    pub question: Text,
    /// How to read the pictures.
    pub hint: Text,
    /// The spoken name of each picture, from apart (1) to almost one (7),
    /// without its number (the app adds "4 of 7: "). Exactly
    /// [`CLOSENESS_PICTURES`] of them.
    pub pictures: List<Text>,
}

/// One kind of intimacy as the check-in asks about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct KindItem {
    /// Stable id (`emotional`); check-ins store ratings under it.
    pub id: Text,
    /// Its name as a heading (`Emotional`).
    pub name: Text,
    /// The lesson that teaches this kind (`kinds/emotional`).
    pub lesson: Text,
    /// A few words that remind what the kind is.
    pub reminder: Text,
    /// The practice lessons that help grow this kind, best fit first.
    pub practices: List<Text>,
    /// One sentence on why these practices fit this kind.
    pub why: Text,
}

/// One concrete, small thing to try for a week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct SmallStep {
    /// Stable id (`phones-away-at-dinner`); a chosen step stores it.
    pub id: Text,
    /// The practice lesson it belongs to (`practices/quality-time`).
    pub practice: Text,
    /// The step, as an instruction to oneself.
    pub text: Text,
}

/// The question asked a week after a step was chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The question (the `<legend>`).
    pub question: Text,
    /// The answers to choose from; none of them is wrong.
    pub answers: List<FollowUpAnswer>,
    /// The label of the optional note.
    pub note_label: Text,
}

/// One answer to the follow-up question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct FollowUpAnswer {
    /// Stable id (`yes`); the review stores it.
    pub id: Text,
    /// The answer's text.
    pub label: Text,
    /// What the app says back once it is saved: kind, never judging.
    pub reply: Text,
}

/// `content/together.toml`: comparing check-ins shared between two people,
/// and the conversation questions that follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct TogetherGuide {
    /// Version of this file's format; must equal [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The note shown before anything is shared: only if you want to, you
    /// can say no, nobody is owed your answers.
    pub care: List<Text>,
    /// Paragraphs above a comparison: it compares wishes, it scores nothing.
    pub compare_intro: List<Text>,
    /// Under "Where you both want more".
    pub both_more: Text,
    /// Under "Where your wishes differ".
    pub differ: Text,
    /// Under "Where you are both content".
    pub both_content: Text,
    /// Under "Where you both would like less".
    pub both_less: Text,
    /// Beside any kind that one of the two would like less of.
    pub wants_less: Text,
    /// The conversation questions.
    pub talk: Talk,
}

/// Questions of growing depth, asked in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct Talk {
    /// Paragraphs that open the questions.
    pub intro: List<Text>,
    /// How to use them: take turns, either can pass, the slower one's pace.
    pub rules: List<Text>,
    /// The research the idea comes from.
    pub evidence: List<Evidence>,
    /// The rounds, from light to deepest.
    pub rounds: List<TalkRound>,
}

/// One round of questions at one depth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct TalkRound {
    /// Stable id (`light`).
    pub id: Text,
    /// Its heading (`Light`).
    pub title: Text,
    /// One sentence on what the round is like.
    pub intro: Text,
    /// Its questions, in their authored order.
    pub questions: List<TalkQuestion>,
}

/// One conversation question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "compile", derive(databake::Bake), databake(path = closer_core::content::model))]
#[serde(deny_unknown_fields)]
pub struct TalkQuestion {
    /// Stable id, unique in the file.
    pub id: Text,
    /// The question.
    pub text: Text,
    /// The kinds (check-in kind ids) it most builds: one or two.
    pub kinds: List<Text>,
}

/// The folder of the prose files in the built site.
pub const PROSE_DIR: &str = "guide";
/// The key of the quiz bank's prose file; lesson ids always hold a `/`.
pub const QUIZ_PROSE: &str = "quiz";

/// The folder in the site of each language's file (interface strings and
/// the guide's words), named `<code>.<hash>.json`.
pub const LANG_DIR: &str = "lang";

/// The prose of a card or a question (everything a person reads, but not the
/// ids and links the app works with), visited in one fixed order.
///
/// The app's binary keeps lessons' cards and the quiz bank as skeletons with
/// their prose taken out ([`take_prose`]); each lesson's prose, and the
/// quiz's, is a file loaded when first needed and put back with
/// [`fill_prose`]. Both directions walk this same order, in build.rs and in
/// the app, so a file always lands in the fields it came from.
pub trait Prose {
    /// Calls `f` on each piece of prose, in order.
    fn each_prose(&mut self, f: &mut dyn FnMut(&mut Text));
}

fn each_in(list: &mut List<Text>, f: &mut dyn FnMut(&mut Text)) {
    list.to_mut().iter_mut().for_each(f);
}

fn each_item<T: Prose + Clone>(list: &mut List<T>, f: &mut dyn FnMut(&mut Text)) {
    for item in list.to_mut() {
        item.each_prose(f);
    }
}

impl Prose for Evidence {
    fn each_prose(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(&mut self.cite);
        f(&mut self.source);
        f(&mut self.shows);
    }
}

impl Prose for ChoiceOption {
    fn each_prose(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(&mut self.label);
        f(&mut self.feedback);
    }
}

impl Prose for Card {
    fn each_prose(&mut self, f: &mut dyn FnMut(&mut Text)) {
        match self {
            Card::Explain {
                title,
                body,
                evidence,
                link,
                ..
            } => {
                f(title);
                each_in(body, f);
                each_item(evidence, f);
                if let Some(link) = link {
                    f(&mut link.label);
                }
            }
            Card::Scenario {
                title,
                story,
                takeaway,
                ..
            } => {
                f(title);
                each_in(story, f);
                f(takeaway);
            }
            Card::Reveal {
                title,
                question,
                answer,
                ..
            } => {
                f(title);
                f(question);
                each_in(answer, f);
            }
            Card::Choice {
                title,
                prompt,
                options,
                ..
            } => {
                f(title);
                f(prompt);
                each_item(options, f);
            }
            Card::Reflect {
                title,
                prompt,
                hint,
                ..
            } => {
                f(title);
                f(prompt);
                f(hint);
            }
        }
    }
}

impl Prose for Question {
    fn each_prose(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(&mut self.prompt);
        f(&mut self.explanation);
        each_item(&mut self.options, f);
        each_item(&mut self.evidence, f);
    }
}

/// Takes the prose out of `items`, leaving each piece empty, and returns it in order.
pub fn take_prose<T: Prose>(items: &mut [T]) -> Vec<String> {
    let mut prose = Vec::new();
    for item in items {
        item.each_prose(&mut |t| prose.push(std::mem::take(t).into_owned()));
    }
    prose
}

/// A prose file that does not fit the skeleton it is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProseMismatch {
    /// How many pieces the skeleton has room for.
    pub expected: usize,
    /// How many the file holds.
    pub found: usize,
}

/// The skeleton's items with `prose` put back, in the order [`take_prose`] took it.
pub fn fill_prose<T: Prose + Clone>(
    skeleton: &[T],
    prose: Vec<String>,
) -> Result<Vec<T>, ProseMismatch> {
    let found = prose.len();
    let mut items = skeleton.to_vec();
    let mut pieces = prose.into_iter();
    let mut expected = 0;
    for item in &mut items {
        item.each_prose(&mut |t| {
            expected += 1;
            if let Some(p) = pieces.next() {
                *t = p.into();
            }
        });
    }
    if expected == found {
        Ok(items)
    } else {
        Err(ProseMismatch { expected, found })
    }
}

/// The words of a guide that are not prose (titles, summaries, the
/// check-in's and the together guide's sentences): what another language
/// replaces in the skeleton the app embeds, in one file per language. Ids,
/// lesson links and citations are not words.
pub trait Words {
    /// Calls `f` on each piece, in order.
    fn each_word(&mut self, f: &mut dyn FnMut(&mut Text));
}

fn words_in<T: Words + Clone>(list: &mut List<T>, f: &mut dyn FnMut(&mut Text)) {
    for item in list.to_mut() {
        item.each_word(f);
    }
}

impl Words for Evidence {
    fn each_word(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(&mut self.shows);
    }
}

impl Words for Course {
    fn each_word(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(&mut self.title);
        f(&mut self.tagline);
        each_in(&mut self.intro, f);
        f(&mut self.disclaimer);
        for section in self.sections.to_mut() {
            f(&mut section.title);
            f(&mut section.intro);
            for lesson in section.lessons.to_mut() {
                f(&mut lesson.title);
                f(&mut lesson.summary);
            }
        }
    }
}

impl Words for CheckinGuide {
    fn each_word(&mut self, f: &mut dyn FnMut(&mut Text)) {
        each_in(&mut self.intro, f);
        f(&mut self.caveat);
        words_in(&mut self.evidence, f);
        f(&mut self.closeness.question);
        f(&mut self.closeness.hint);
        each_in(&mut self.closeness.pictures, f);
        each_in(&mut self.scale, f);
        for kind in self.kinds.to_mut() {
            f(&mut kind.name);
            f(&mut kind.reminder);
            f(&mut kind.why);
        }
        for step in self.steps.to_mut() {
            f(&mut step.text);
        }
        f(&mut self.follow_up.question);
        for answer in self.follow_up.answers.to_mut() {
            f(&mut answer.label);
            f(&mut answer.reply);
        }
        f(&mut self.follow_up.note_label);
    }
}

impl Words for TogetherGuide {
    fn each_word(&mut self, f: &mut dyn FnMut(&mut Text)) {
        each_in(&mut self.care, f);
        each_in(&mut self.compare_intro, f);
        f(&mut self.both_more);
        f(&mut self.differ);
        f(&mut self.both_content);
        f(&mut self.both_less);
        f(&mut self.wants_less);
        each_in(&mut self.talk.intro, f);
        each_in(&mut self.talk.rules, f);
        words_in(&mut self.talk.evidence, f);
        for round in self.talk.rounds.to_mut() {
            f(&mut round.title);
            f(&mut round.intro);
            for q in round.questions.to_mut() {
                f(&mut q.text);
            }
        }
    }
}

/// Every word of `item`, in the order [`Words::each_word`] visits them.
pub fn words_of<T: Words + Clone>(item: &T) -> Vec<String> {
    let mut words = Vec::new();
    item.clone().each_word(&mut |t| words.push(t.to_string()));
    words
}

/// `item` with its words replaced, in order, by the next ones from
/// `words`; fails when they run out. The caller checks that none are left
/// once every item is filled.
pub fn fill_words<T: Words>(
    item: &mut T,
    words: &mut dyn Iterator<Item = String>,
) -> Result<(), ProseMismatch> {
    let (mut expected, mut found) = (0, 0);
    item.each_word(&mut |t| {
        expected += 1;
        if let Some(w) = words.next() {
            found += 1;
            *t = w.into();
        }
    });
    if expected == found {
        Ok(())
    } else {
        Err(ProseMismatch { expected, found })
    }
}
