//! The browser's part of sharing: the link's address, reading and removing
//! the `#` fragment, the clipboard and the Web Share API. Every failure is
//! a value for the view to put in words; nothing is written to the console.

use crate::routes::Route;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The link that carries `code` after the `#`, on this very site (so it
/// works under a sub-path, and offline once the site is cached).
pub fn link_for(code: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}#{code}", Route::Compare.href())
}

/// Reads the fragment of the address, if there is one, and removes it from
/// the address bar and from this history entry at once, so the answers in
/// it are not left in the browser's history.
pub fn take_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    if fragment.is_empty() {
        return None;
    }
    let path = location.pathname().ok()?;
    let search = location.search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        // If this fails the fragment stays in the address bar; the page
        // still works, and the next navigation replaces it.
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{search}")));
    }
    Some(fragment)
}

/// The class the first-screen script (tools/first-screen.js) puts on
/// `<html>` when a shared link opens the compare page: style/checkin.css
/// then shows what is arriving instead of the form for pasting a code.
pub const SHARED_LINK_CLASS: &str = "shared-link";

/// Takes [`SHARED_LINK_CLASS`] off the page once the app has read the link
/// (or found none), so the form shows as usual from then on.
pub fn clear_shared_link_mark() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().remove_1(SHARED_LINK_CLASS);
    }
}

/// Copies `text` to the clipboard. `false` if the browser refused (no
/// permission, not a secure context, no clipboard at all).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // Missing on plain-http pages in some browsers.
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined())
        .unwrap_or(false);
    if !has {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// The Web Share API's `share`, where the browser has it.
fn share_function() -> Option<(web_sys::Navigator, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share")).ok()?;
    share
        .dyn_into::<js_sys::Function>()
        .ok()
        .map(|f| (navigator, f))
}

/// Whether the browser can offer its own share sheet.
pub fn can_share() -> bool {
    share_function().is_some()
}

/// What came of asking the browser to share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// The person chose where to send it.
    Sent,
    /// The person closed the share sheet.
    Cancelled,
    /// The browser could not share.
    Failed,
}

/// Opens the browser's share sheet with `text` and `url`.
pub async fn share(title: &str, text: &str, url: &str) -> Shared {
    let Some((navigator, share)) = share_function() else {
        return Shared::Failed;
    };
    let data = js_sys::Object::new();
    for (key, value) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let Ok(promise) = share.call1(&navigator, &data) else {
        return Shared::Failed;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return Shared::Failed;
    };
    match JsFuture::from(promise).await {
        Ok(_) => Shared::Sent,
        Err(e) => {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "AbortError" {
                Shared::Cancelled
            } else {
                Shared::Failed
            }
        }
    }
}
