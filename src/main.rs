//! Entry point: report panics to the console, then swap the prerendered first
//! screen for the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::request_animation_frame;

    console_error_panic_hook::set_once();
    let first_screen = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"));
    match first_screen {
        None => {
            leptos::mount::mount_to_body(closer::App);
            announce_mounted();
        }
        // The build put the home page's HTML in the page so that it paints
        // before the wasm arrives. Swap only once it has painted (the frame
        // after next), so a fast load does not throw away a screen it never
        // showed. Removing it and mounting happen in one task, so the browser
        // never paints in between: no flash, and as the app's markup is the
        // same, nothing moves.
        Some(first_screen) => request_animation_frame(move || {
            request_animation_frame(move || {
                first_screen.remove();
                leptos::mount::mount_to_body(closer::App);
                announce_mounted();
            })
        }),
    }
}

/// Tells tests and the benchmark that the app (not the prerendered screen)
/// is on the page and answers input: a `closer-mounted` event on `window`.
#[cfg(target_arch = "wasm32")]
fn announce_mounted() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("closer-mounted")) {
        let _ = window.dispatch_event(&event);
    }
}

/// The app only runs in a browser; the host build exists for `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Closer runs in the browser: use `make run`.");
}
