//! Moving keyboard focus in code: to an element a link names (a plain
//! `#id` link would follow `<base href>` to the site's root instead), or,
//! once the page has redrawn, to where a removed control's user should go on;
//! and work that can wait until the frame a click changed has been drawn.

use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    /// How many entries the tab's history had when the app started.
    static FIRST_LENGTH: Cell<Option<u32>> = const { Cell::new(None) };
    /// Whether the person has moved on from the app's first screen.
    static MOVED_ON: Cell<bool> = const { Cell::new(false) };
}

/// How many entries the tab's history has. A move within the app adds one
/// (a link, a button that opens another page); the app's own corrections of
/// the address (a lesson's address gaining its first card, a shared link
/// losing its answers) replace the entry and add none.
fn history_length() -> Option<u32> {
    window().history().ok()?.length().ok()
}

/// Notes where the app starts: the screen a page heading leaves focus
/// alone on (see [`heading_takes_focus`]). Browser only.
#[cfg(target_arch = "wasm32")]
pub fn remember_first_screen() {
    FIRST_LENGTH.with(|f| f.set(history_length()));
}

/// The person has moved on from the first screen without a new history
/// entry (the app was unlocked): the next heading takes focus.
pub fn moved_on() {
    MOVED_ON.with(|m| m.set(true));
}

/// Whether a page heading that has just appeared should take focus. After
/// a move within the app, yes: a screen reader then starts at the new
/// page's title. On the screen a page load opened, no: focus stays at the
/// document's start, where the first Tab reaches "Skip to content" and then
/// the menu, as on any web page.
pub fn heading_takes_focus() -> bool {
    if MOVED_ON.with(Cell::get) {
        return true;
    }
    let first = FIRST_LENGTH.with(Cell::get);
    let moved = first.is_some_and(|first| Some(first) != history_length());
    if moved {
        moved_on();
    }
    moved
}

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
