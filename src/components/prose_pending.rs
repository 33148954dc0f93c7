//! What stands in for a card or a question while its prose is on its way,
//! or when it could not be fetched (see `crate::prose`).

use crate::prose::retry;
use closer_core::t;
use leptos::prelude::*;

/// A card-sized placeholder that holds the space of what is coming, or, when
/// the fetch failed, says so and offers to try again.
#[component]
pub fn ProsePending(
    /// The fetch failed: say so, with "Try again".
    failed: bool,
    /// What is loading, for the words, already in the page's language:
    /// `t!("this card")`, `t!("the questions")`.
    what: &'static str,
) -> impl IntoView {
    if failed {
        view! {
            <div class="card prose-pending" role="alert">
                <p>{t!("Closer could not load {what}. Check the connection, then try again.", what = what)}</p>
                <button type="button" class="button primary" on:click=|_| retry()>{t!("Try again")}</button>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="card prose-pending" role="status">
                <p class="loading">{t!("Loading {what}…", what = what)}</p>
            </div>
        }
        .into_any()
    }
}
