//! What stands in for a card or a question while its prose is on its way,
//! or when it could not be fetched (see `crate::prose`).

use crate::prose::retry;
use leptos::prelude::*;

/// A card-sized placeholder that holds the space of what is coming, or, when
/// the fetch failed, says so and offers to try again.
#[component]
pub fn ProsePending(
    /// The fetch failed: say so, with "Try again".
    failed: bool,
    /// What is loading, for the words: "this card", "the quiz".
    what: &'static str,
) -> impl IntoView {
    if failed {
        view! {
            <div class="card prose-pending" role="alert">
                <p>{format!("Closer could not load {what}. Check the connection, then try again.")}</p>
                <button type="button" class="button primary" on:click=|_| retry()>"Try again"</button>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="card prose-pending" role="status">
                <p class="loading">{format!("Loading {what}…")}</p>
            </div>
        }
        .into_any()
    }
}
