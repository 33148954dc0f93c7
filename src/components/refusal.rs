//! Why a change to progress was not made, said where the person acted.

use leptos::prelude::*;

/// Says `said` as an alert, appearing only when there is something to say.
/// For views that change progress and have no message region of their own:
/// a change the core refuses is said here, never dropped.
#[component]
pub fn Refusal(said: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        said.get()
            .map(|m| view! { <p class="field-error" role="alert">{m}</p> })
    }
}
