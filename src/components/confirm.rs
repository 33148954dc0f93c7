//! A question asked before something that cannot be taken back (erasing,
//! deleting, taking a lock off, leaving a quiz under way), with the safe
//! answer focused: Enter pressed twice must never do the drastic thing.

use crate::focus::focus_in_place;
use leptos::{html, prelude::*};

/// The question and its two answers. The safe answer takes focus when the
/// question appears.
#[component]
pub fn Confirm(
    /// The id of the question's text (the group's name).
    question_id: &'static str,
    /// The question, and anything it needs to say beside it.
    children: Children,
    /// The answer that goes ahead ("Yes, erase everything").
    #[prop(into)]
    yes: String,
    /// The safe answer ("Keep my data").
    #[prop(into)]
    keep: String,
    /// Goes ahead.
    on_yes: impl Fn() + 'static,
    /// Leaves things as they are.
    on_keep: impl Fn() + 'static,
    /// Whether going ahead destroys something (a red button).
    #[prop(optional)]
    danger: bool,
) -> impl IntoView {
    let keep_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = keep_button.get() {
            focus_in_place(&b);
        }
    });
    view! {
        <div class="confirm" role="group" aria-labelledby=question_id>
            <p id=question_id>{children()}</p>
            <div class="done-actions">
                <button type="button" class=if danger { "button danger" } else { "button" } on:click=move |_| on_yes()>{yes}</button>
                <button type="button" class="button" node_ref=keep_button on:click=move |_| on_keep()>{keep}</button>
            </div>
        </div>
    }
}
