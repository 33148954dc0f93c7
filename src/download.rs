//! Saving text as a file the person downloads (export, kept backups).

use crate::keys::stamp_of;
use crate::persist::Persistence;
use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `name`. Returns false if the browser
/// refused (the caller says so; nothing is lost).
pub fn save_text_file(name: &str, text: &str) -> bool {
    save_file(name, "application/json", text)
}

/// Offers `text` as a download named `name`, of media type `mime`.
/// Returns false if the browser refused.
pub fn save_file(name: &str, mime: &str, text: &str) -> bool {
    try_save(name, mime, text).is_ok()
}

fn try_save(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or(JsValue::NULL)?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Give the browser a moment to start reading the file before the URL goes.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Offers a kept copy (unreadable data, or what an import replaced) as a
/// download, byte for byte, named `<prefix>-<its time stamp>.json`.
/// Returns the file name, or `None` if the browser refused.
pub fn download_kept_copy(state: &Persistence, key: &str, prefix: &str) -> Option<String> {
    let text = state.raw(key).unwrap_or_default();
    let name = kept_copy_name(key, prefix);
    save_text_file(&name, &text).then_some(name)
}

/// The file name of the kept copy under `key`: `<prefix>-<its time stamp>.json`.
pub fn kept_copy_name(key: &str, prefix: &str) -> String {
    format!("{prefix}-{}.json", stamp_of(key))
}
