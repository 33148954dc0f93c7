//! Any path the app does not know.

use crate::components::{PageHeading, Title};
use crate::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Page not found", with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found"/>
        <div class="page narrow">
            <PageHeading text="Page not found"/>
            <p>"There's no page at this address. It may have moved, or the link may be mistyped."</p>
            <p><A href=Route::Home.href() attr:class="button">"Go to the lessons"</A></p>
        </div>
    }
}
