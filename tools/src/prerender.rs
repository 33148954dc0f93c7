//! Every route's first screen, rendered at build time from the app's own
//! components (Leptos's server-side rendering of the same `App` the browser
//! mounts), in the state a first visit shows.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

/// One route's first screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The document's title, as the page's `Title` sets it.
    pub title: String,
    /// The markup the app mounts into `<body>`.
    pub body: String,
}

/// Renders the app at `path` (an app path such as `/quiz`, without the
/// base) for a site served under `base` (`/` or `/closer/`).
pub fn render(path: &str, base: &str) -> Rendered {
    closer::paths::set_prerender_base(base);
    let url = closer::paths::app_path(path);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&url));
        closer::App().to_html()
    });
    owner.unset_with_forced_cleanup();
    let title = closer::components::take_rendered_title().unwrap_or_default();
    Rendered {
        title,
        body: without_markers(&html),
    }
}

/// The markup without the empty comments Leptos puts between text nodes
/// for hydration, which this app never does: the app replaces the screen.
/// (Text is escaped, so `<!>` can only be such a marker.)
fn without_markers(html: &str) -> String {
    html.replace("<!>", "").replace("<!--<() />-->", "")
}
