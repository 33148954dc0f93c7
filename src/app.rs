//! The app shell: state, router, and the frame around every page.

use crate::components::{LockScreen, NoticeBanner, SiteFooter, SiteHeader, UpdateBanner};
use crate::offline::Offline;
use crate::pages::NotFound;
use crate::paths::router_base;
use crate::persist::Persistence;
use crate::pieces::views as page;
use closer_core::t;
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// Id of the element that holds a page's prerendered first screen (the
/// build tool writes it; src/main.rs removes it in the task in which the app
/// mounts, so nothing paints between).
pub const PRERENDER_ID: &str = "prerender";

/// Moves focus to `<main>`. Done in code because `<base href>` would make
/// `#main` point at the site's root rather than at this page.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    crate::focus::focus_first("#main");
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    // Where the app starts: the screen whose heading leaves focus alone.
    #[cfg(target_arch = "wasm32")]
    crate::focus::remember_first_screen();
    let state = Persistence::init();
    provide_context(state);
    // Answers someone shared are kept for the tab in plain `sessionStorage`
    // only while no lock is set: once one is (here, in another tab, or found
    // at start-up), they go (`storage::session`).
    Effect::new(move |_| {
        if state.lock.get() != crate::persist::LockState::Off {
            crate::storage::session::forget_shared();
        }
    });
    provide_context(Offline::start());
    // Once the first screen has painted, fetch the rest of the guide's prose
    // in the background (on a first visit; see `prose::prefetch`).
    Effect::new(|_| request_animation_frame(crate::prose::prefetch));
    // One pattern per shape of `crate::routes::Route`; each page in its
    // own piece of the wasm in the release build (`crate::pieces`), which builds and reads
    // every path (a test there checks that the two lists agree).
    view! {
        <Router base=router_base()>
            <a class="skip-link" href="#main" on:click=skip_to_main>{t!("Skip to content")}</a>
            <SiteHeader/>
            <NoticeBanner/>
            <UpdateBanner/>
            <main id="main" tabindex="-1">
                // Locked: no page at all, only the lock screen (nothing personal).
                <Show when=move || !state.lock.get().is_locked() fallback=LockScreen>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=page::home()/>
                    <Route path=path!("/lessons/:section/:slug") view=page::lesson()/>
                    <Route path=path!("/lessons/:section/:slug/:card") view=page::lesson()/>
                    <Route path=path!("/quiz") view=page::quiz_home()/>
                    <Route path=path!("/quiz/play") view=page::quiz_play()/>
                    <Route path=path!("/quiz/results") view=page::quiz_results()/>
                    <Route path=path!("/data") view=page::data()/>
                    <Route path=path!("/checkin") view=page::checkin()/>
                    <Route path=path!("/checkin/:rel") view=page::relationship()/>
                    <Route path=path!("/checkin/:rel/new") view=page::checkin_form()/>
                    <Route path=path!("/checkin/:rel/results/:id") view=page::checkin_result()/>
                    <Route path=path!("/checkin/:rel/shared/:id") view=page::shared()/>
                    <Route path=path!("/compare") view=page::compare()/>
                    <Route path=path!("/reflections") view=page::reflections()/>
                    <Route path=path!("/talk") view=page::talk()/>
                </Routes>
                </Show>
            </main>
            <SiteFooter/>
        </Router>
    }
}
