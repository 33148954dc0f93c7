//! The page's `<h1>`, which takes focus when the page opens.

use leptos::{html, prelude::*};

/// The page heading. On mount it takes keyboard focus, so that after a route
/// change a screen reader starts reading at the new page's title and a
/// keyboard user continues from there.
#[component]
pub fn PageHeading(
    /// The heading text.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! { <h1 node_ref=heading tabindex="-1">{text}</h1> }
}
