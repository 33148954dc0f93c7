//! Any path the app does not know.

use crate::components::{PageHeading, Title};
use crate::routes::Route;
use closer_core::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Page not found", with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text=t!("Page not found")/>
        <div class="page narrow">
            <PageHeading text=t!("Page not found")/>
            <p>{t!("There's no page at this address. It may have moved, or the link may be mistyped.")}</p>
            <p><A href=Route::Home.href() attr:class="button">{t!("Go to the lessons")}</A></p>
        </div>
    }
}
