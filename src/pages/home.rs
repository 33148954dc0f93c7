//! `/`: the welcome, "Continue", and the path of lessons.

use crate::components::{LessonPath, Name, PageHeading, StepCard, Title};
use crate::content::course;
use crate::env::now;
use crate::persist::Persistence;
use crate::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let c = course();
    let total = c.lesson_count();
    let done = Memo::new(move |_| state.progress.with(|p| p.done_count(c)));
    let started = Memo::new(move |_| state.progress.with(|p| !p.lessons.is_empty()));
    // Someone who has been here (a lesson, a note, the quiz, a check-in)
    // sees their own things first; the welcome folds away under "About
    // Closer". The prerendered page shows a first visit; for a returning
    // person the first-screen script hides its welcome before it paints
    // (style/layout.css), so nothing moves when the app takes over.
    let returning = Memo::new(move |_| {
        state.progress.with(|p| {
            !p.lessons.is_empty()
                || !p.responses.is_empty()
                || !p.checkins.is_empty()
                || p.quiz != Default::default()
        })
    });
    let resume = Memo::new(move |_| {
        state.progress.with(|p| {
            p.continue_at(c).map(|(lesson, card)| {
                (
                    Route::card_at(lesson, card).href(),
                    lesson.title.clone(),
                    card,
                    lesson.cards.len(),
                )
            })
        })
    });
    let first = c.lessons().next().map(|l| Route::first_card(l).href());
    view! {
        <Title text=""/>
        <div class="page home">
            <div class="hero">
                <PageHeading text=c.title.to_string()/>
                <p class="tagline">{c.tagline.clone()}</p>
                {move || if returning.get() {
                    view! {
                        <details class="about">
                            <summary>"About Closer"</summary>
                            {c.intro.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                        </details>
                    }.into_any()
                } else {
                    view! {
                        <div class="intro">
                            {c.intro.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                        </div>
                    }.into_any()
                }}
            </div>
            <section class="continue" aria-labelledby="continue-title">
                <h2 id="continue-title" class="visually-hidden">"Where you are"</h2>
                <p class="overall">
                    <label for="overall-progress">{move || format!("{} of {total} lessons done", done.get())}</label>
                    <progress id="overall-progress" max=total value=move || done.get()></progress>
                </p>
                {move || match resume.get() {
                    Some((href, title, card, cards)) if started.get() => view! {
                        <A href=href attr:class="button primary">
                            "Continue: " {title}
                            <span class="button-note">{format!("card {} of {cards}", card + 1)}</span>
                        </A>
                    }.into_any(),
                    Some((href, _, _, _)) => view! {
                        <A href=href attr:class="button primary">"Start the guide"</A>
                    }.into_any(),
                    None => view! {
                        <p class="all-done">"You've finished every lesson. Come back to any of them whenever you like."</p>
                        {first.clone().map(|href| view! { <A href=href attr:class="button">"Start again from the beginning"</A> })}
                    }.into_any(),
                }}
            </section>
            <CheckinPanel returning/>
            <QuizPanel/>
            <LessonPath/>
        </div>
    }
}

/// The quiz on the home page: how many reviews are due, and the way in.
#[component]
fn QuizPanel() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let due = Memo::new(move |_| state.progress.with(|p| p.quiz.due_count(course(), now())));
    let under_way = Memo::new(move |_| state.progress.with(|p| p.quiz.current.is_some()));
    let questions = course().questions.len();
    view! {
        <section class="panel quiz-panel" aria-labelledby="quiz-title">
            <h2 id="quiz-title">"Quiz"</h2>
            <p>
                {format!("{questions} questions that teach through their feedback. ")}
                {move || match due.get() {
                    0 => "No reviews are due right now.".to_string(),
                    1 => "1 review is due.".to_string(),
                    n => format!("{n} reviews are due."),
                }}
            </p>
            <A href=Route::Quiz.href() attr:class="button">
                {move || if under_way.get() { "Resume the quiz" } else { "Go to the quiz" }}
            </A>
        </section>
    }
}

/// The way into the check-in, and the small steps chosen for this week.
#[component]
fn CheckinPanel(returning: Memo<bool>) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let relationships =
        Memo::new(move |_| state.progress.with(|p| p.checkins.relationship_names()));
    let week = Memo::new(move |_| {
        state.progress.with(|p| {
            let c = &p.checkins;
            c.this_week(now())
                .into_iter()
                .map(|(rel, id, plan)| {
                    let name = c
                        .relationships
                        .get(rel)
                        .map(|r| r.name.clone())
                        .unwrap_or_default();
                    (rel.to_string(), id.to_string(), plan.clone(), name)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel checkin-panel" aria-labelledby="checkin-title">
            <h2 id="checkin-title">"Your own relationships"</h2>
            // A returning person's step for the week and their relationships come first.
            {move || {
                let steps = week.get();
                (!steps.is_empty()).then(|| view! {
                    <div class="this-week" role="group" aria-labelledby="week-title">
                        <h3 id="week-title">"This week"</h3>
                        {steps.into_iter().map(|(relationship, plan_id, plan, name)| view! {
                            <StepCard relationship plan_id plan name after_drop=".checkin-panel .panel-actions a"/>
                        }).collect_view()}
                    </div>
                })
            }}
            {move || {
                let list = relationships.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="relationship-names" aria-label="Your relationships">
                        {list.into_iter().map(|(id, name)| view! {
                            <li><A href=Route::relationship(&id).href()><Name name/></A></li>
                        }).collect_view()}
                    </ul>
                })
            }}
            {move || (!returning.get()).then(|| view! {
                <p>"Look at one of your own relationships: how close you feel, and where you would like more. It takes two minutes and stays in this browser."</p>
            })}
            <p class="panel-actions">
                <A href=Route::Checkin.href() attr:class="button">"Check in on a relationship"</A>
                <A href=Route::Compare.href()>"Compare with someone"</A>
                <A href=Route::Talk.href()>"Talk together"</A>
                <A href=Route::Reflections.href()>"My reflections"</A>
            </p>
        </section>
    }
}
