//! Entry point: report panics to the console, then swap the prerendered first
//! screen for the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The build put the home page's HTML in the page so it paints before the
    // wasm arrives. Removing it and mounting happen in this one task, so the
    // browser never paints in between: no flash, and the app's markup is the
    // same, so nothing moves.
    if let Some(first_screen) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        first_screen.remove();
    }
    leptos::mount::mount_to_body(closer::App);
}

/// The app only runs in a browser; the host build exists for `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Closer runs in the browser: use `make run`.");
}
