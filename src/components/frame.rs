//! The header and footer around every page.

use super::LanguagePicker;
use crate::content::course;
use crate::leave::LEAVE_TO;
use crate::routes::Route;
use closer_core::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site name, linking home, the main menu, and "Leave quickly".
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <LeaveQuickly/>
            <A href=Route::Home.href() attr:class="brand">
                // The circles as the svg's inner HTML: written as elements,
                // the browser build would create them inside a wrapping <g>
                // (Leptos builds static svg children that way), and the page
                // prerendered from this same view would differ from the app's.
                <svg
                    class="brand-mark"
                    viewBox="0 0 32 20"
                    aria-hidden="true"
                    focusable="false"
                    inner_html=r#"<circle cx="11" cy="10" r="8"></circle><circle cx="21" cy="10" r="8"></circle>"#
                ></svg>
                <span>{course().title.clone()}</span>
            </A>
            <LanguagePicker/>
            <nav class="site-nav" aria-label=t!("Main")>
                <A href=Route::Home.href() exact=true>{t!("Lessons")}</A>
                <A href=Route::Quiz.href()>{t!("Quiz")}</A>
                <A href=Route::Checkin.href()>{t!("Check in")}</A>
            </nav>
        </header>
    }
}

/// "Leave quickly": first in the header, so it is the first stop after
/// "Skip to content" for a keyboard, and held in view at the top of the
/// screen. A plain link to a neutral page, which the page script
/// (`tools/leave-quickly.js`) turns into a leave that hides Closer and takes
/// it out of Back; Escape twice does the same.
#[component]
fn LeaveQuickly() -> impl IntoView {
    view! {
        <a
            class="leave-quickly"
            href=LEAVE_TO
            data-leave=""
            rel="noreferrer"
            aria-keyshortcuts="Escape Escape"
            title=t!("Or press Escape twice")
        >
            {t!("Leave quickly")}
        </a>
    }
}

/// The not-therapy notice and where to find support, on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{course().disclaimer.clone()}</p>
            <p>
                <A href=Route::support().href()>{t!("Getting support")}</A>
                " · "
                <A href=Route::if_unsafe().href()>{t!("If you feel unsafe")}</A>
                " · "
                <A href=Route::Data.href()>{t!("Your data")}</A>
                // After the "Your data" link.
                {t!(": your progress stays in this browser. Nothing is sent anywhere unless you share a check-in yourself.")}
            </p>
        </footer>
    }
}
