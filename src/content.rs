//! The guide as this app embeds it: the statics that `build.rs` (the core's
//! content compiler) wrote after every content rule passed, with the core's
//! content types re-exported beside them.
//!
//! In the browser, [`course`] holds the lessons' cards and the quiz bank
//! without their prose (see [`prose_file`]); natively (tests, the build
//! tool's prerender) it keeps the whole text.

pub use closer_core::content::*;
use closer_core::i18n::{Lang, Locale};
use std::{cell::Cell, collections::HashMap};

/// Rust expressions over borrowed statics, so the guide is in the binary as
/// it is used, with nothing parsed at run time.
mod baked {
    extern crate alloc;
    use super::{CheckinGuide, Course, TogetherGuide};

    pub static COURSE: Course = include!(concat!(env!("OUT_DIR"), "/course.rs"));
    pub static CHECKIN: CheckinGuide = include!(concat!(env!("OUT_DIR"), "/checkin.rs"));
    pub static TOGETHER: TogetherGuide = include!(concat!(env!("OUT_DIR"), "/together.rs"));
    /// Which prose file belongs to what: `(lesson id or "quiz", path in the site)`.
    pub static PROSE_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/prose_files.rs"));
    /// Each other language's file: `(code, path in the site)`.
    pub static LANG_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/lang_files.rs"));
}

/// The guide in another language, installed for this page by [`install_lang`].
struct Installed {
    course: Course,
    checkin: CheckinGuide,
    together: TogetherGuide,
    prose: &'static [(&'static str, &'static str)],
}

thread_local! {
    static INSTALLED: Cell<Option<&'static Installed>> = const { Cell::new(None) };
}

fn installed() -> Option<&'static Installed> {
    INSTALLED.with(Cell::get)
}

/// The path, relative to the site's root, of `lang`'s file: its interface
/// strings, its guide's words and its prose files' paths (`None` for
/// English, which is in the binary).
pub fn lang_file(lang: Lang) -> Option<&'static str> {
    baked::LANG_FILES
        .iter()
        .find(|(code, _)| *code == lang.code())
        .map(|(_, file)| *file)
}

/// What a language's file holds (see `closer_core::content::compile::load_lang`).
#[derive(serde::Deserialize)]
struct LangData {
    ui: HashMap<String, String>,
    words: Vec<String>,
    prose: Vec<(String, String)>,
}

/// Why a language's file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LangError {
    /// Not JSON of the expected shape.
    Unreadable,
    /// Its words do not fit this build's guide (a file from another build).
    Mismatch,
}

/// Makes `lang` the language of this page: its guide (its words over the
/// English skeleton; natively its prose too, from the build's files) and
/// its interface strings, with `locale`'s plural and date rules. English
/// takes no file: `json` is ignored and the English guide comes back.
pub fn install_lang(lang: Lang, json: &str, locale: Locale) -> Result<(), LangError> {
    if lang == Lang::En {
        INSTALLED.with(|i| i.set(None));
        closer_core::i18n::install(Lang::En, HashMap::new(), Locale::ENGLISH);
        return Ok(());
    }
    let data: LangData = serde_json::from_str(json).map_err(|_| LangError::Unreadable)?;
    let mut course = baked::COURSE.clone();
    let mut checkin = baked::CHECKIN.clone();
    let mut together = baked::TOGETHER.clone();
    let mut words = data.words.into_iter();
    fill_words(&mut course, &mut words).map_err(|_| LangError::Mismatch)?;
    fill_words(&mut checkin, &mut words).map_err(|_| LangError::Mismatch)?;
    fill_words(&mut together, &mut words).map_err(|_| LangError::Mismatch)?;
    if words.next().is_some() {
        return Err(LangError::Mismatch);
    }
    let prose: Vec<(&'static str, &'static str)> = data
        .prose
        .into_iter()
        .map(|(k, v)| (&*k.leak(), &*v.leak()))
        .collect();
    #[cfg(not(target_arch = "wasm32"))]
    native_prose(&mut course, &prose)?;
    let installed = Installed {
        course,
        checkin,
        together,
        prose: prose.leak(),
    };
    INSTALLED.with(|i| i.set(Some(Box::leak(Box::new(installed)))));
    closer_core::i18n::install(lang, data.ui, locale);
    Ok(())
}

/// Natively the English guide has its prose in it: replaces it with the
/// language's, read from the files the build writes.
#[cfg(not(target_arch = "wasm32"))]
fn native_prose(course: &mut Course, files: &[(&str, &str)]) -> Result<(), LangError> {
    let payloads: HashMap<String, String> = lang_payloads().into_iter().collect();
    let prose_of = |key: &str| -> Result<Vec<String>, LangError> {
        let file = files
            .iter()
            .find(|(k, _)| *k == key)
            .ok_or(LangError::Mismatch)?;
        let json = payloads.get(file.1).ok_or(LangError::Mismatch)?;
        serde_json::from_str(json).map_err(|_| LangError::Unreadable)
    };
    for section in course.sections.to_mut() {
        for lesson in section.lessons.to_mut() {
            let prose = prose_of(&lesson.id)?;
            lesson.cards = fill_prose(&lesson.cards, prose)
                .map_err(|_| LangError::Mismatch)?
                .into();
        }
    }
    course.questions = fill_prose(&course.questions, prose_of(QUIZ_PROSE)?)
        .map_err(|_| LangError::Mismatch)?
        .into();
    Ok(())
}

/// Each other language's files, `(path in the site, JSON)`: its main file
/// and its prose, for the build tool to write and the native guide to
/// read. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn lang_payloads() -> Vec<(String, String)> {
    serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/langs.json")))
        .expect("build.rs writes the languages' files")
}

/// Installs `lang` natively from the build's own files (the build tool's
/// prerender, and tests), with English plural and date rules.
#[cfg(not(target_arch = "wasm32"))]
pub fn install_native(lang: Lang) {
    let json = lang_file(lang)
        .and_then(|file| lang_payloads().into_iter().find(|(p, _)| p == file))
        .map(|(_, json)| json)
        .unwrap_or_default();
    install_lang(lang, &json, Locale::ENGLISH).expect("the build's own language files fit");
}

/// The path, relative to the site's root, of the prose file for `key` (a
/// lesson's id or [`QUIZ_PROSE`]).
///
/// Each lesson's prose and the quiz's is a JSON array of strings in a file
/// named by a hash of its contents, loaded when first needed and put back
/// with [`fill_prose`].
pub fn prose_file(key: &str) -> Option<&'static str> {
    prose_files()
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, file)| *file)
}

/// Every prose file of the page's language: `(lesson id or "quiz", path in the site)`.
pub fn prose_files() -> &'static [(&'static str, &'static str)] {
    installed().map_or(baked::PROSE_FILES, |i| i.prose)
}

/// The prose files' contents, `(path in the site, JSON)`, for the build tool
/// to write into the site. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn prose_payloads() -> Vec<(String, String)> {
    serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/prose.json")))
        .expect("build.rs writes the prose files")
}

/// The guide's content.
pub fn course() -> &'static Course {
    installed().map_or(&baked::COURSE, |i| &i.course)
}

/// What the check-in asks and suggests (checked by [`validate::validate_checkin`]).
pub fn checkin_guide() -> &'static CheckinGuide {
    installed().map_or(&baked::CHECKIN, |i| &i.checkin)
}

/// What comparing and talking together say (checked by [`validate::validate_together`]).
pub fn together_guide() -> &'static TogetherGuide {
    installed().map_or(&baked::TOGETHER, |i| &i.together)
}
