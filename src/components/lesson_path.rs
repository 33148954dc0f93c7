//! The path of lessons on the home page, with each lesson's state.

use crate::content::{course, Lesson};
use crate::persist::Persistence;
use crate::progress::LessonState;
use crate::routes::Route;
use closer_core::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// The words for a lesson's state; the marker's shape says the same, so
/// neither colour nor shape alone carries it.
pub fn state_label(state: LessonState, cards: usize) -> String {
    match state {
        LessonState::NotStarted => t!("Not started").into(),
        LessonState::InProgress { card } => {
            t!(
                "In progress, card {card} of {cards}",
                card = card + 1,
                cards = cards
            )
        }
        LessonState::Done => t!("Done").into(),
    }
}

fn state_class(state: LessonState) -> &'static str {
    match state {
        LessonState::NotStarted => "lesson-step not-started",
        LessonState::InProgress { .. } => "lesson-step in-progress",
        LessonState::Done => "lesson-step done",
    }
}

#[component]
fn LessonStep(lesson: &'static Lesson) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let lesson_state = Memo::new(move |_| state.progress.with(|p| p.lesson_state(lesson)));
    let href = move || {
        let card = state.progress.with(|p| p.resume_card(lesson));
        Route::card_at(lesson, card).href()
    };
    view! {
        <li class=move || state_class(lesson_state.get())>
            <span class="marker" aria-hidden="true">
                {move || match lesson_state.get() {
                    LessonState::Done => "✓",
                    LessonState::InProgress { .. } => "●",
                    LessonState::NotStarted => "",
                }}
            </span>
            <div class="step-body">
                <A href=href attr:class="step-link">{lesson.title.clone()}</A>
                <p class="step-summary">{lesson.summary.clone()}</p>
                <p class="step-state">{move || state_label(lesson_state.get(), lesson.cards.len())}</p>
            </div>
        </li>
    }
}

/// Every section and its lessons, drawn as one path.
#[component]
pub fn LessonPath() -> impl IntoView {
    // Opened at a section (a lesson's breadcrumb links to it): bring it into
    // view once the path is drawn. The router's own scroll to a fragment
    // comes before a page's piece has drawn it, and the address bar gets the
    // fragment only after this page is built: the router's location has it.
    #[cfg(target_arch = "wasm32")]
    if let Some(id) = leptos_router::hooks::use_location()
        .hash
        .get_untracked()
        .strip_prefix("#section-")
        .map(|s| format!("section-{s}"))
    {
        request_animation_frame(move || {
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&id) {
                    el.scroll_into_view();
                }
            })
        });
    }
    view! {
        <div class="path">
            {course().sections.iter().map(|section| view! {
                <section class="path-section" aria-labelledby=format!("section-{}", section.id)>
                    <h2 id=format!("section-{}", section.id)>{section.title.clone()}</h2>
                    <p class="section-intro">{section.intro.clone()}</p>
                    <ol class="steps">
                        {section.lessons.iter().map(|lesson| view! { <LessonStep lesson/> }).collect_view()}
                    </ol>
                </section>
            }).collect_view()}
        </div>
    }
}
