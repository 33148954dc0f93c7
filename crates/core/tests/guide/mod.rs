//! The guide as the app embeds it, read for the tests straight from
//! `content/` by the same compiler that the app's build script runs.
#![allow(dead_code)]

use closer_core::content::compile::{self, Guide, ProseFile};
use closer_core::content::{CheckinGuide, Course, TogetherGuide};
use std::path::Path;
use std::sync::OnceLock;

struct Loaded {
    guide: Guide,
    bare: Course,
    prose: Vec<ProseFile>,
}

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let guide = compile::load(&root).unwrap_or_else(|e| panic!("content: {e:#?}"));
        let bare = guide.shipped_course();
        let (_, prose) = compile::split_prose(&bare);
        Loaded { guide, bare, prose }
    })
}

/// Keys whose strings are ids, types or link targets, not prose (the last
/// three only occur in the check-in's and the together guide's lists).
pub const NOT_PROSE: &[&str] = &[
    "id",
    "type",
    "kind",
    "lesson",
    "card",
    "kinds",
    "practice",
    "practices",
];

/// The course as the app's native build embeds it: whole, without the names list.
pub fn course() -> &'static Course {
    &loaded().bare
}

/// The course with its names list, which the app does not ship.
pub fn course_with_names() -> Course {
    loaded().guide.course.clone()
}

/// `content/checkin.toml`, checked.
pub fn checkin_guide() -> &'static CheckinGuide {
    &loaded().guide.checkin
}

/// `content/together.toml`, checked.
pub fn together_guide() -> &'static TogetherGuide {
    &loaded().guide.together
}

/// `(lesson id or "quiz", path in the site)` of every prose file.
pub fn prose_files() -> Vec<(&'static str, &'static str)> {
    loaded()
        .prose
        .iter()
        .map(|f| (f.key.as_str(), f.name.as_str()))
        .collect()
}

/// The path in the site of the prose file for `key`.
pub fn prose_file(key: &str) -> Option<&'static str> {
    loaded()
        .prose
        .iter()
        .find(|f| f.key == key)
        .map(|f| f.name.as_str())
}

/// `(path in the site, JSON)` of every prose file.
pub fn prose_payloads() -> Vec<(String, String)> {
    loaded()
        .prose
        .iter()
        .map(|f| (f.name.clone(), f.json.clone()))
        .collect()
}
