//! `/reflections`: every private note in one place, from the lessons'
//! reflection cards and from looking back on small steps, each linking
//! back to where it was written.

use crate::components::{step_text, Title};
use crate::components::{Name, PageHeading};
use crate::content::{checkin_guide, course, Card};
use crate::pages::checkin::date;
use crate::persist::Persistence;
use crate::progress::Response;
use crate::prose::{lesson_cards, Loaded};
use crate::routes::Route;
use closer_core::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// A lesson's notes: its title, and per reflection card its title, path, note and date.
type LessonNotes = (String, Vec<(String, String, String, f64)>);
/// A relationship's notes: its name, page, and per step its text, answer, note and date.
type StepNotes = (String, String, Vec<(String, String, String, f64)>);

/// The reflections page.
#[component]
pub fn ReflectionsPage() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let lessons = Memo::new(move |_| {
        state.progress.with(|p| {
            course()
                .lessons()
                .filter_map(|lesson| {
                    // The card titles are prose, loaded with the lesson's;
                    // until then a note is shown under the card's kind.
                    let titled = || match lesson_cards(lesson) {
                        Loaded::Ready(cards) => Some(cards),
                        _ => None,
                    };
                    let notes: Vec<_> = lesson
                        .cards
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| matches!(c, Card::Reflect { .. }))
                        .filter_map(|(i, card)| match p.response(&lesson.id, card.id()) {
                            Some(Response::Reflected { text, at }) => Some((
                                titled().and_then(|cards| cards.get(i)).map_or_else(
                                    || t!("Reflection").to_string(),
                                    |c| c.title().to_string(),
                                ),
                                Route::card(&lesson.id, card.id()).href(),
                                text.clone(),
                                *at,
                            )),
                            _ => None,
                        })
                        .collect();
                    (!notes.is_empty()).then(|| (lesson.title.to_string(), notes))
                })
                .collect::<Vec<LessonNotes>>()
        })
    });
    let steps = Memo::new(move |_| {
        state.progress.with(|p| {
            let c = &p.checkins;
            c.relationships_in_order()
                .into_iter()
                .filter_map(|(id, r)| {
                    let notes: Vec<_> = c
                        .step_notes(id)
                        .into_iter()
                        .map(|(_, plan, review)| {
                            let answer = checkin_guide()
                                .answer(&review.answer)
                                .map(|a| a.label.to_string())
                                .unwrap_or_default();
                            (
                                step_text(&plan.step),
                                answer,
                                review.note.clone(),
                                review.at,
                            )
                        })
                        .collect();
                    (!notes.is_empty())
                        .then(|| (r.name.clone(), Route::relationship(id).href(), notes))
                })
                .collect::<Vec<StepNotes>>()
        })
    });
    // The name is a component of its own (see `Name`): the words go around it.
    let go_to = t!("Go to {name}")
        .split_once("{name}")
        .unwrap_or((t!("Go to {name}"), ""));
    view! {
        <Title text=t!("My reflections")/>
        <div class="page narrow reflections-page">
            <PageHeading text=t!("My reflections")/>
            <p>{t!("Every note you have written in Closer, gathered here. They are not sent anywhere; they stay in this browser, so anyone who can open this browser on this device could read them, unless you set a lock on the page about your data.")}</p>
            {move || (lessons.with(Vec::is_empty) && steps.with(Vec::is_empty)).then(|| view! {
                <p class="empty">
                    {t!("No notes yet. The lessons' reflection cards, and looking back on a small step, are places to write them. ")}
                    // The first reflection card of the path, so the empty page leads somewhere.
                    {first_reflection().map(|(href, title)| view! { <A href=href>{t!("Write one in “{title}”", title = title)}</A> })}
                </p>
            })}
            {move || (!lessons.with(Vec::is_empty) || !steps.with(Vec::is_empty)).then(|| view! {
                <div class="print-notes">
                    <p>{t!("A printout, or a PDF saved from the print window, holds your notes and the names in them outside this browser and outside any lock: anyone who finds it can read it.")}</p>
                    <button type="button" class="button" on:click=|_| print_page()>{t!("Print my reflections")}</button>
                </div>
            })}
            {move || {
                let all = lessons.get();
                (!all.is_empty()).then(|| view! {
                    <section class="panel" aria-labelledby="from-lessons">
                        <h2 id="from-lessons">{t!("From the lessons")}</h2>
                        {all.into_iter().map(|(title, notes)| view! {
                            <h3>{title}</h3>
                            <ul class="notes">
                                {notes.into_iter().map(|(card, href, text, at)| view! {
                                    <li>
                                        <p class="note-text">{text}</p>
                                        <p class="note-meta">{t!("{card}, {date}. ", card = card, date = date(at))}<A href=href>{t!("Open “{card}”", card = card)}</A></p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }).collect_view()}
                    </section>
                })
            }}
            {move || {
                let all = steps.get();
                (!all.is_empty()).then(|| view! {
                    <section class="panel" aria-labelledby="from-steps">
                        <h2 id="from-steps">{t!("From your small steps")}</h2>
                        {all.into_iter().map(|(name, href, notes)| view! {
                            <h3><Name name=name.clone()/></h3>
                            <ul class="notes">
                                {notes.into_iter().map(|(step, answer, text, at)| view! {
                                    <li>
                                        <p class="note-step">{step}</p>
                                        <p class="note-text">{text}</p>
                                        <p class="note-meta">{t!("{answer}, {date}.", answer = answer, date = date(at))}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <p><A href=href.clone()>{go_to.0}<Name name=name.clone()/>{go_to.1}</A></p>
                        }).collect_view()}
                    </section>
                })
            }}
        </div>
    }
}

/// Opens the browser's print dialogue (the print styles leave only the notes).
fn print_page() {
    if let Some(w) = web_sys::window() {
        // A browser that cannot print says nothing; there is nothing to lose.
        let _ = w.print();
    }
}

/// The first reflection card of the path: its address and its lesson's title.
fn first_reflection() -> Option<(String, String)> {
    course().lessons().find_map(|lesson| {
        lesson
            .cards
            .iter()
            .find(|c| matches!(c, Card::Reflect { .. }))
            .map(|c| {
                (
                    Route::card(&lesson.id, c.id()).href(),
                    lesson.title.to_string(),
                )
            })
    })
}
