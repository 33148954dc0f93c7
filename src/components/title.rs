//! The document's title, set by each page.
//!
//! Written here instead of taken from `leptos_meta`: the app only ever sets
//! `document.title`, one page at a time, and the crate's head management
//! (meta tags, links, server rendering) cost bytes the app never used.

use closer_core::t;
use leptos::prelude::*;

/// The tab titles of pages about a person's own relationships. A title is
/// kept in the browser's history, which someone else may read, so these
/// never name the relationship or the person: the page's heading does.
pub mod titles {
    /// A relationship's page.
    pub const RELATIONSHIP: &str = "Your relationship";
    /// A new check-in on a relationship.
    pub const NEW_CHECK_IN: &str = "New check-in";
    /// A check-in's result.
    pub const RESULT: &str = "Your check-in";
    /// A check-in someone shared, side by side with the person's own.
    pub const SHARED: &str = "A shared check-in";
}

/// One of the [`titles`] in the page's language (they are constants, in
/// English, so pages can name them); any other title as it is, already in
/// the page's language.
fn in_language(page: &str) -> &str {
    match page {
        titles::RELATIONSHIP => t!("Your relationship"),
        titles::NEW_CHECK_IN => t!("New check-in"),
        titles::RESULT => t!("Your check-in"),
        titles::SHARED => t!("A shared check-in"),
        other => other,
    }
}

/// What the browser tab says for a page named `page`: the guide's full name
/// on the home page (empty `page`), else the page's name and the app's.
fn document_title(page: &str) -> String {
    if page.is_empty() {
        t!("Closer: an interactive guide to intimacy").to_string()
    } else {
        t!("{page} · Closer", page = in_language(page))
    }
}

/// Sets the tab's title while the page that holds it is shown, and again
/// whenever `text` changes (a lesson's title follows its card).
#[component]
pub fn Title(
    /// The page's own name; empty on the home page.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| document().set_title(&text.with(|t| document_title(t))));
    // Natively (the build's prerender) effects never run: the title is kept
    // for the build tool to write into the page's `<title>`.
    #[cfg(not(target_arch = "wasm32"))]
    RENDERED_TITLE.with(|t| *t.borrow_mut() = Some(text.with_untracked(|t| document_title(t))));
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static RENDERED_TITLE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The title the last native render set, taken (the build's prerender).
#[cfg(not(target_arch = "wasm32"))]
pub fn take_rendered_title() -> Option<String> {
    RENDERED_TITLE.with(|t| t.borrow_mut().take())
}
