//! The app's language layer natively, as the build tool's prerender uses
//! it: installing Spanish from the build's own files turns the guide, its
//! prose, the interface strings and the pages' addresses Spanish, and
//! English comes back whole.
#![cfg(not(target_arch = "wasm32"))]

use closer::content::{course, install_native, lang_file, prose_file, together_guide, Card};
use closer_core::i18n::Lang;
use closer_core::t;

#[test]
fn spanish_installs_from_the_build_files_and_english_comes_back() {
    let english_title = course().sections[0].title.to_string();
    assert!(lang_file(Lang::En).is_none());
    assert!(lang_file(Lang::Es).is_some_and(|f| f.starts_with("lang/es.")));

    install_native(Lang::Es);
    assert_eq!(closer_core::i18n::lang(), Lang::Es);
    assert_eq!(course().sections[0].title, "Qué es la intimidad");
    let first = &course().lessons().next().unwrap().cards[0];
    let Card::Explain { title, .. } = first else {
        panic!("the first card explains")
    };
    assert_eq!(title, "Una definición de trabajo");
    assert!(course().questions[0].prompt.contains("APA"));
    assert_ne!(together_guide().differ, "");
    assert!(prose_file("quiz").is_some_and(|f| f.starts_with("guide/es/")));
    assert_eq!(t!("Language"), "Idioma");
    assert_eq!(closer::paths::router_base(), "/es");
    assert_eq!(closer::paths::app_path("/quiz"), "/es/quiz");

    install_native(Lang::En);
    assert_eq!(course().sections[0].title, english_title);
    assert_eq!(t!("Language"), "Language");
    assert_eq!(closer::paths::router_base(), "");
}
