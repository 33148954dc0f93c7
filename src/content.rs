//! The guide as this app embeds it: the statics that `build.rs` (the core's
//! content compiler) wrote after every content rule passed, with the core's
//! content types re-exported beside them.
//!
//! In the browser, [`course`] holds the lessons' cards and the quiz bank
//! without their prose (see [`prose_file`]); natively (tests, the build
//! tool's prerender) it keeps the whole text.

pub use closer_core::content::*;

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
}

/// The path, relative to the site's root, of the prose file for `key` (a
/// lesson's id or [`QUIZ_PROSE`]).
///
/// Each lesson's prose and the quiz's is a JSON array of strings in a file
/// named by a hash of its contents, loaded when first needed and put back
/// with [`fill_prose`].
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

/// The prose files' contents, `(path in the site, JSON)`, for the build tool
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
