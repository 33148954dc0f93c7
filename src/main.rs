//! Entry point: report panics to the console, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(closer::App);
}

/// The app only runs in a browser; the host build exists for `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Closer runs in the browser: use `make run`.");
}
