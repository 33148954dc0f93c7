//! Entry point: report panics to the console, then swap the prerendered first
//! screen for the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::request_animation_frame;

    console_error_panic_hook::set_once();
    let first_screen = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(closer::app::PRERENDER_ID));
    closer::lang::mark();
    wasm_bindgen_futures::spawn_local(async move {
        // This page's piece of the wasm (the page preloads it) comes side
        // by side with its language's file (preloaded too), which every
        // word and the page's prose depend on: English needs none.
        wasm_bindgen_futures::spawn_local(closer::pieces::arrive_here());
        closer::lang::arrive().await;
        match first_screen {
            None => mount(),
            // The build rendered this page's first screen into it, so that
            // it paints before the wasm arrives (the loader fetches the wasm
            // only after that paint). The app takes over once the page's
            // piece of the wasm and its prose (a card's words, preloaded by
            // the first-screen script) are here, so its screen is whole and
            // has the same words and not "Loading…", and two frames later,
            // once the browser has recorded that paint: a screen removed
            // before then would make the app's identical one count as the
            // largest paint. Removing it and mounting happen in one task, so
            // nothing paints in between: no flash, and as the app's markup
            // is the same, nothing moves.
            Some(first_screen) => {
                closer::prose::of_this_page().await;
                closer::pieces::arrive_here().await;
                request_animation_frame(move || {
                    request_animation_frame(move || {
                        first_screen.remove();
                        mount();
                    })
                })
            }
        }
    });
}

/// Mounts the app, then tells tests and the benchmark (a `closer-mounted`
/// event on `window`) that the app, not the prerendered screen, answers input.
#[cfg(target_arch = "wasm32")]
fn mount() {
    leptos::mount::mount_to_body(closer::App);
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("closer-mounted")) {
        let _ = window.dispatch_event(&event);
    }
}

/// The app only runs in a browser; the host build exists for `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Closer runs in the browser: use `make run`.");
}
