//! The app shell: state, router, and the frame around every page.

use crate::components::{NoticeBanner, SiteFooter, SiteHeader};
use crate::pages::{Home, LessonPage, NotFound, QuizHome, QuizPlay, QuizResults};
use crate::state::AppState;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(AppState::init());
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "Closer: an interactive guide to intimacy".to_string() } else { format!("{page} · Closer") }
        }/>
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <NoticeBanner/>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/lessons/:section/:slug") view=LessonPage/>
                    <Route path=path!("/lessons/:section/:slug/:card") view=LessonPage/>
                    <Route path=path!("/quiz") view=QuizHome/>
                    <Route path=path!("/quiz/play") view=QuizPlay/>
                    <Route path=path!("/quiz/results") view=QuizResults/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
