//! `/`: the welcome, "Continue", and the path of lessons.

use crate::components::{LessonPath, Name, PageHeading, StepCard, Title};
use crate::content::course;
use crate::env::now;
use crate::persist::Persistence;
use crate::routes::Route;
use closer_core::{t, tn};
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
                            <summary>{t!("About Closer")}</summary>
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
                <h2 id="continue-title" class="visually-hidden">{t!("Where you are")}</h2>
                <p class="overall">
                    <label for="overall-progress">{move || t!("{done} of {total} lessons done", done = done.get(), total = total)}</label>
                    <progress id="overall-progress" max=total value=move || done.get()></progress>
                </p>
                {move || match resume.get() {
                    Some((href, title, card, cards)) if started.get() => view! {
                        <A href=href attr:class="button primary">
                            {t!("Continue: {title}", title = title)}
                            <span class="button-note">{t!("card {card} of {cards}", card = card + 1, cards = cards)}</span>
                        </A>
                    }.into_any(),
                    Some((href, _, _, _)) => view! {
                        <A href=href attr:class="button primary">{t!("Start the guide")}</A>
                    }.into_any(),
                    None => view! {
                        <p class="all-done">{t!("You've finished every lesson. Come back to any of them whenever you like.")}</p>
                        {first.clone().map(|href| view! { <A href=href attr:class="button">{t!("Start again from the beginning")}</A> })}
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
            <h2 id="quiz-title">{t!("Quiz")}</h2>
            <p>
                {tn!(
                    "{n} question that teaches through its feedback. ",
                    "{n} questions that teach through their feedback. ",
                    n = questions
                )}
                {move || match due.get() {
                    0 => t!("No reviews are due right now.").to_string(),
                    n => tn!("{n} review is due.", "{n} reviews are due.", n = n),
                }}
            </p>
            <A href=Route::Quiz.href() attr:class="button">
                {move || if under_way.get() { t!("Resume the quiz") } else { t!("Go to the quiz") }}
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
            <h2 id="checkin-title">{t!("Your own relationships")}</h2>
            // A returning person's step for the week and their relationships come first.
            {move || {
                let steps = week.get();
                (!steps.is_empty()).then(|| view! {
                    <div class="this-week" role="group" aria-labelledby="week-title">
                        <h3 id="week-title">{t!("This week")}</h3>
                        {steps.into_iter().map(|(relationship, plan_id, plan, name)| view! {
                            <StepCard relationship plan_id plan name after_drop=".checkin-panel .panel-actions a"/>
                        }).collect_view()}
                    </div>
                })
            }}
            {move || {
                let list = relationships.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="relationship-names" aria-label=t!("Your relationships")>
                        {list.into_iter().map(|(id, name)| view! {
                            <li><A href=Route::relationship(&id).href()><Name name/></A></li>
                        }).collect_view()}
                    </ul>
                })
            }}
            {move || (!returning.get()).then(|| view! {
                <p>{t!("Look at one of your own relationships: how close you feel, and where you would like more. It takes two minutes and stays in this browser.")}</p>
            })}
            <p class="panel-actions">
                <A href=Route::Checkin.href() attr:class="button">{t!("Check in on a relationship")}</A>
                <A href=Route::Compare.href()>{t!("Compare with someone")}</A>
                <A href=Route::Talk.href()>{t!("Talk together")}</A>
                <A href=Route::Reflections.href()>{t!("My reflections")}</A>
            </p>
        </section>
    }
}
