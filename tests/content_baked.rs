//! The guide the browser gets is the guide the native tests read: the app's
//! baked course equals the content compiled afresh, and the skeleton the
//! wasm embeds, filled with the prose files the build ships, gives back
//! every lesson's cards and the quiz whole.
#![cfg(not(target_arch = "wasm32"))]

use closer::content::{
    checkin_guide, course, fill_prose, prose_file, prose_payloads, together_guide, QUIZ_PROSE,
};
use closer_core::content::compile::{load, split_prose};
use std::collections::HashMap;
use std::path::Path;

fn payloads() -> HashMap<String, Vec<String>> {
    prose_payloads()
        .into_iter()
        .map(|(name, json)| {
            (
                name,
                serde_json::from_str(&json).expect("a JSON array of strings"),
            )
        })
        .collect()
}

#[test]
fn the_baked_guide_is_the_content_compiled_afresh() {
    let guide =
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("content compiles");
    assert_eq!(
        course(),
        &guide.shipped_course(),
        "the names list is never baked; all else is"
    );
    assert_eq!(checkin_guide(), &guide.checkin);
    assert_eq!(together_guide(), &guide.together);
}

#[test]
fn the_browser_s_skeleton_filled_with_the_shipped_files_is_the_whole_course() {
    // What build.rs bakes for wasm32 (compile::write_baked takes this split).
    let (skeleton, _) = split_prose(course());
    let files = payloads();
    assert_eq!(
        files.len(),
        course().lessons().count() + 1,
        "a file per lesson, one for the quiz"
    );
    for (lesson, bare) in course().lessons().zip(skeleton.lessons()) {
        let file = prose_file(&lesson.id).expect("every lesson has a prose file");
        let prose = files[file].clone();
        assert_eq!(
            fill_prose(&bare.cards, prose).as_deref(),
            Ok(&*lesson.cards),
            "{}",
            lesson.id
        );
    }
    let quiz = files[prose_file(QUIZ_PROSE).expect("the quiz has a prose file")].clone();
    assert_eq!(
        fill_prose(&skeleton.questions, quiz).as_deref(),
        Ok(&*course().questions)
    );
}
