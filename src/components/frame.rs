//! The header and footer around every page.

use crate::content::course;
use crate::paths::app_path;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site name, linking home.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href=app_path("/") attr:class="brand">
                <svg class="brand-mark" viewBox="0 0 32 20" aria-hidden="true" focusable="false">
                    <circle cx="11" cy="10" r="8"/>
                    <circle cx="21" cy="10" r="8"/>
                </svg>
                <span>{course().title.clone()}</span>
            </A>
            <nav class="site-nav" aria-label="Main">
                <A href=app_path("/") exact=true>"Lessons"</A>
                <A href=app_path("/quiz")>"Quiz"</A>
                <A href=app_path("/checkin")>"Check in"</A>
            </nav>
        </header>
    }
}

/// The not-therapy notice and where to find support, on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{course().disclaimer.clone()}</p>
            <p>
                <A href=app_path("/lessons/support/getting-support")>"Getting support"</A>
                " · "
                <A href=app_path("/data")>"Your data"</A>
                ": your progress stays in this browser. Nothing is sent anywhere unless you share a check-in yourself."
            </p>
        </footer>
    }
}
