//! The app shell: state, router, and the frame around every page.

use crate::components::{LockScreen, NoticeBanner, SiteFooter, SiteHeader, UpdateBanner};
use crate::offline::Offline;
use crate::pages::{
    CheckinForm, CheckinHome, CheckinResult, ComparePage, DataPage, Home, LessonPage, NotFound,
    QuizHome, QuizPlay, QuizResults, ReflectionsPage, RelationshipPage, SharedPage, TalkPage,
};
use crate::paths::router_base;
use crate::persist::Persistence;
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
    let state = Persistence::init();
    provide_context(state);
    provide_context(Offline::start());
    // Once the first screen has painted, fetch the rest of the guide's prose
    // in the background (on a first visit; see `prose::prefetch`).
    Effect::new(|_| request_animation_frame(crate::prose::prefetch));
    // One pattern per shape of `crate::routes::Route`, which builds and reads
    // every path (a test there checks that the two lists agree).
    view! {
        <Router base=router_base()>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <SiteHeader/>
            <NoticeBanner/>
            <UpdateBanner/>
            <main id="main" tabindex="-1">
                // Locked: no page at all, only the lock screen (nothing personal).
                <Show when=move || !state.lock.get().is_locked() fallback=LockScreen>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/lessons/:section/:slug") view=LessonPage/>
                    <Route path=path!("/lessons/:section/:slug/:card") view=LessonPage/>
                    <Route path=path!("/quiz") view=QuizHome/>
                    <Route path=path!("/quiz/play") view=QuizPlay/>
                    <Route path=path!("/quiz/results") view=QuizResults/>
                    <Route path=path!("/data") view=DataPage/>
                    <Route path=path!("/checkin") view=CheckinHome/>
                    <Route path=path!("/checkin/:rel") view=RelationshipPage/>
                    <Route path=path!("/checkin/:rel/new") view=CheckinForm/>
                    <Route path=path!("/checkin/:rel/results/:id") view=CheckinResult/>
                    <Route path=path!("/checkin/:rel/shared/:id") view=SharedPage/>
                    <Route path=path!("/compare") view=ComparePage/>
                    <Route path=path!("/reflections") view=ReflectionsPage/>
                    <Route path=path!("/talk") view=TalkPage/>
                </Routes>
                </Show>
            </main>
            <SiteFooter/>
        </Router>
    }
}
