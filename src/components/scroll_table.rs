//! A table that may be wider than a phone's screen (at 320 px, the last
//! column of the figures would not fit): it scrolls sideways on its own,
//! and, as a named region in the Tab order, by keyboard too (arrow keys
//! scroll what has focus), so no column is out of anyone's reach.

use leptos::prelude::*;

/// The scrolling frame around one table.
#[component]
pub fn ScrollTable(
    /// The region's name (what the table holds).
    #[prop(into)]
    label: String,
    /// The table.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-label=label tabindex="0">
            {children()}
        </div>
    }
}
