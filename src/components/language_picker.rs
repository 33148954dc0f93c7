//! The language picker, on every page: a link to the same page in each
//! other language, named in that language. A plain link, so it works before
//! the app runs, and marked `rel="external"` so that the router leaves it
//! to the browser (another language is another set of pages); `?lang=` tells the first-screen script on the next page
//! that the person chose it (it keeps the choice and drops the query).

use crate::paths::{in_lang, router_base};
use crate::routes::Route;
use closer_core::i18n::{lang, Lang};
use closer_core::t;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The query the first-screen script reads as "the person chose this language".
pub const CHOSE_QUERY: &str = "lang";

/// The href of the page at `browser_path` in `other`'s pages. Where the
/// app draws another page than the address names, it is that page's: a
/// lesson's link opens its first card on a first visit (and the app then
/// shows the card's address), and an address no page has leads to the
/// other language's home. So the prerendered page's link is the one the
/// app draws (e2e/prerender.spec.ts).
pub fn picker_href(browser_path: &str, other: Lang) -> String {
    let base = router_base();
    let app = browser_path
        .strip_prefix(base.as_str())
        .filter(|p| p.is_empty() || p.starts_with('/'))
        .unwrap_or("/");
    let app = match crate::paths::route_of(browser_path) {
        Some(Route::Lesson { lesson }) => crate::content::course()
            .lesson(&lesson)
            .map_or_else(|| app.to_string(), |l| Route::first_card(l).path()),
        Some(_) if !app.is_empty() => app.to_string(),
        _ => "/".to_string(),
    };
    format!("{}?{CHOSE_QUERY}={}", in_lang(other, &app), other.code())
}

/// Links to this page in every other language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let here = lang();
    let path = use_location().pathname;
    view! {
        <nav class="language-picker" aria-label=t!("Language")>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .filter(move |l| *l != here)
                    .map(|other| {
                        view! {
                            <li>
                                <a
                                    href=move || path.with(|p| picker_href(p, other))
                                    lang=other.code()
                                    hreflang=other.code()
                                    // A page load, not the router's: the
                                    // other language's pages are its own.
                                    rel="external"
                                >
                                    {other.own_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
