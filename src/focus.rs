//! Moving keyboard focus in code: to an element a link names (a plain
//! `#id` link would follow `<base href>` to the site's root instead), or,
//! once the page has redrawn, to where a removed control's user should go on;
//! and work that can wait until the frame a click changed has been drawn.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector`; false if there is none.
pub fn focus_first(selector: &str) -> bool {
    let target = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    target.is_some_and(|el| focus_in_place(&el))
}

/// Focuses the first element matching `selector` once the page has redrawn
/// (the element that had focus may just have been removed).
pub fn focus_soon(selector: String) {
    request_animation_frame(move || {
        focus_first(&selector);
    });
}

/// Focuses `el` without scrolling to it: a scroll there would force the
/// browser to lay the page out inside the click that moved focus. Where the
/// page should scroll, the view says so itself.
pub fn focus_in_place(el: &web_sys::HtmlElement) -> bool {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    el.focus_with_options(&options).is_ok()
}

/// Runs `f` after the next frame has been drawn: at the start of that frame
/// (before its style and layout) a task is queued, and the task runs once the
/// frame is on screen. For what a click causes but need not wait for: the
/// URL, a save.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}
