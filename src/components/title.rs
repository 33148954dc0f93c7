//! The document's title, set by each page.
//!
//! Written here instead of taken from `leptos_meta`: the app only ever sets
//! `document.title`, one page at a time, and the crate's head management
//! (meta tags, links, server rendering) cost bytes the app never used.

use leptos::prelude::*;

/// What the browser tab says for a page named `page`: the guide's full name
/// on the home page (empty `page`), else the page's name and the app's.
fn document_title(page: &str) -> String {
    if page.is_empty() {
        "Closer: an interactive guide to intimacy".to_string()
    } else {
        format!("{page} · Closer")
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
    Effect::new(move |_| document().set_title(&text.with(|t| document_title(t))));
}
