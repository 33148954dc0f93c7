//! Moving keyboard focus in code: to an element a link names (a plain
//! `#id` link would follow `<base href>` to the site's root instead), or,
//! once the page has redrawn, to where a removed control's user should go on.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector`; false if there is none.
pub fn focus_first(selector: &str) -> bool {
    let target = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    target.is_some_and(|el| el.focus().is_ok())
}

/// Focuses the first element matching `selector` once the page has redrawn
/// (the element that had focus may just have been removed).
pub fn focus_soon(selector: String) {
    request_animation_frame(move || {
        focus_first(&selector);
    });
}
