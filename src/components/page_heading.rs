//! The page's `<h1>`, which takes focus when an in-app move opens the page.

use crate::focus::heading_takes_focus;
use leptos::{html, prelude::*};

/// The page heading. On mount after an in-app move it takes keyboard focus,
/// so that a screen reader starts reading at the new page's title and a
/// keyboard user continues from there; on the screen a page load opened it
/// leaves focus at the document's start ([`heading_takes_focus`]). It holds `text`, or `children` when
/// part of it is a name: a name goes in [`Name`], so that a right-to-left
/// name cannot reorder the heading's own words and punctuation.
#[component]
pub fn PageHeading(
    /// The heading text.
    #[prop(optional, into)]
    text: Option<Signal<String>>,
    /// The heading's content, in place of `text` (with a [`Name`] in it).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if heading_takes_focus() {
                let _ = h.focus();
            }
        }
    });
    view! {
        <h1 node_ref=heading tabindex="-1">
            {text.map(|t| view! { {t} })}
            {children.map(|c| c())}
        </h1>
    }
}

/// A name a person typed or was sent (a relationship's, a sender's), set
/// apart from the text around it: `<bdi>` gives it its own direction, so an
/// Arabic or Hebrew name beside English words and punctuation leaves them
/// in their order.
#[component]
pub fn Name(
    /// The name.
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    view! { <bdi>{name}</bdi> }
}
