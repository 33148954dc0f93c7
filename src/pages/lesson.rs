//! `/lessons/:section/:slug[/:card]`: one lesson, one card at a time.
//!
//! The card is in the URL, so a reload or a shared link lands on the same card;
//! without one, the lesson opens where the person left it.

use crate::components::{LessonCard, PageHeading, ProsePending, Refusal, Title};
use crate::content::{course, validate::RESERVED_CARD_ID, Lesson};
use crate::pages::NotFound;
use crate::persist::Persistence;
use crate::progress::Change;
use crate::prose::{lesson_cards, Loaded};
use crate::routes::{use_go, LessonParams, Route};
use closer_core::t;
use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_location, use_params},
    NavigateOptions,
};
use std::collections::VecDeque;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// Which screen of a lesson the URL asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// The card at this index.
    Card(usize),
    /// The completion screen.
    Done,
    /// No card, or one that no longer exists: open where the person left off.
    Resume,
}

/// Finds the lesson named in the URL, or says there is none.
#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params::<LessonParams>();
    let lesson_id = Memo::new(move |_| {
        params.with(|p| {
            let id = p.as_ref().ok()?.lesson_id();
            course().lesson(&id).map(|l| l.id.clone())
        })
    });
    move || match lesson_id.get().and_then(|id| course().lesson(&id)) {
        Some(lesson) => view! { <LessonView lesson/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

/// Keys that turn cards, unless the person is typing or choosing in a control.
#[cfg(target_arch = "wasm32")]
fn arrow_direction(ev: &web_sys::KeyboardEvent) -> Option<isize> {
    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.default_prevented() {
        return None;
    }
    let in_control = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        });
    if in_control {
        return None;
    }
    match ev.key().as_str() {
        "ArrowRight" => Some(1),
        "ArrowLeft" => Some(-1),
        _ => None,
    }
}

#[component]
fn LessonView(lesson: &'static Lesson) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let params = use_params::<LessonParams>();
    let go = use_go();
    let count = lesson.cards.len();
    // Why a change was refused, if one was (the lesson or card left the guide).
    let refused = RwSignal::new(None::<String>);
    let complete = move || {
        let done = Change::CompleteLesson {
            lesson: lesson.id.to_string(),
        };
        if let Err(e) = state.apply(done) {
            refused.set(Some(e.to_string()));
        }
    };

    let screen = Memo::new(move |_| {
        params.with(|p| match p.as_ref().ok().and_then(|p| p.card.clone()) {
            None => Screen::Resume,
            // The completion screen only for a lesson that was finished: a
            // link to it from elsewhere opens the lesson where it was left.
            Some(c) if c == RESERVED_CARD_ID => {
                if state.progress.with(|pr| pr.is_done(&lesson.id)) {
                    Screen::Done
                } else {
                    Screen::Resume
                }
            }
            Some(c) => lesson.card_index(&c).map_or(Screen::Resume, Screen::Card),
        })
    });

    // What is on screen. To resume is to show the card the person left off
    // at (the effect below then puts it in the URL), so a lesson's link
    // without a card, prerendered for a first visit, is its first card.
    let resolve = move |s: Screen| match s {
        Screen::Resume => Screen::Card(
            state
                .progress
                .with_untracked(|p| p.resume_card(lesson))
                .min(count.saturating_sub(1)),
        ),
        other => other,
    };
    // A turn changes this at once and writes the URL after the frame that
    // shows the new card (see `turn_to`); the screen follows the URL when
    // something else changes it (Back, Forward, a link). `written` holds the
    // screens this view put in the URL and has not yet seen come back, so
    // its own writes, even two quick turns' worth, do not move it back.
    let shown = RwSignal::new(resolve(screen.get_untracked()));
    let written = StoredValue::new(VecDeque::<Screen>::new());
    Effect::new(move |_| {
        let now = resolve(screen.get());
        let own = written.try_update_value(|w| {
            if w.front() == Some(&now) {
                w.pop_front();
                true
            } else {
                w.clear();
                false
            }
        });
        if own != Some(true) && shown.get_untracked() != now {
            shown.set(now);
        }
    });

    // "Finish lesson" followed before the app had started (a plain link
    // from the last card's prerendered page): the app arrives on the
    // completion screen of a lesson it has not seen finished. The page it
    // came from says it was: mark it done, as the click would have.
    #[cfg(target_arch = "wasm32")]
    if params.with_untracked(|p| {
        p.as_ref()
            .is_ok_and(|p| p.card.as_deref() == Some(RESERVED_CARD_ID))
    }) && !state.progress.with_untracked(|p| p.is_done(&lesson.id))
        && crate::paths::arrived_from(&Route::card_at(lesson, count.saturating_sub(1)))
    {
        complete();
    }

    // Put the card in the URL (replacing, so Back does not bounce here again).
    let nav = go.clone();
    Effect::new(move |_| {
        if screen.get() == Screen::Resume {
            let card = state.progress.with_untracked(|p| p.resume_card(lesson));
            nav(
                &Route::card_at(lesson, card),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    // Remember the card in the URL, so "Continue" comes back to it. A turn
    // writes the URL after its frame, so this save is off the click's path.
    Effect::new(move |_| {
        if let Screen::Card(i) = screen.get() {
            let visit = Change::VisitCard {
                lesson: lesson.id.to_string(),
                card: lesson.cards[i].id().to_string(),
            };
            if let Err(e) = state.apply(visit) {
                refused.set(Some(e.to_string()));
            }
        }
    });

    // A turn's URL is written after its frame; by then the person may have
    // gone elsewhere (a link such as "Next lesson", Back). `unwritten`
    // counts this view's writes still to come, and `left_at` holds the
    // router's path they start from: a write goes ahead only while the path
    // is still the one this view left there, so it never takes the address
    // back from where the person has moved on.
    let location = use_location();
    let unwritten = StoredValue::new(0usize);
    let left_at = StoredValue::new(None::<String>);

    // A card turn, in place: the card changes in this frame; the page goes
    // back to its top if the person had scrolled (at the start of the next
    // frame, before its layout), and the URL (a new history entry, so Back
    // returns card by card) is written after that frame, through the router.
    let turn_to = {
        let go = go.clone();
        move |target: Screen| {
            let route = match target {
                Screen::Card(i) => Route::card_at(lesson, i),
                Screen::Done => {
                    complete();
                    Route::done(&lesson.id)
                }
                Screen::Resume => return,
            };
            shown.set(target);
            written.update_value(|w| w.push_back(target));
            let go = go.clone();
            request_animation_frame(|| {
                if window().scroll_y().unwrap_or(0.0) > 0.0 {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            });
            if unwritten.get_value() == 0 {
                left_at.set_value(Some(location.pathname.get_untracked()));
            }
            unwritten.update_value(|n| *n += 1);
            crate::focus::after_paint(move || {
                // The view is gone (another page is shown): nothing to write.
                let Some(still_to_come) = unwritten.try_update_value(|n| {
                    *n -= 1;
                    *n
                }) else {
                    return;
                };
                let here = location.pathname.get_untracked();
                if left_at.get_value().as_deref() == Some(here.as_str()) {
                    go(
                        &route,
                        NavigateOptions {
                            scroll: false,
                            ..Default::default()
                        },
                    );
                    left_at.set_value(Some(location.pathname.get_untracked()));
                }
                if still_to_come == 0 {
                    left_at.set_value(None);
                }
            });
        }
    };
    // Where a turn by `step` cards leads from the screen shown.
    let step_from = move |step: isize| match (shown.get_untracked(), step) {
        (Screen::Card(i), 1) if i + 1 == count => Some(Screen::Done),
        (Screen::Card(i), 1) => Some(Screen::Card(i + 1)),
        (Screen::Card(i), -1) if i > 0 => Some(Screen::Card(i - 1)),
        (Screen::Done, -1) => Some(Screen::Card(count - 1)),
        _ => None,
    };
    // "Previous", "Next" and "Finish lesson" are links (see below); a plain
    // click on one turns the card in place, before the router sees it. A
    // click that opens a new tab or window is the browser's.
    let turn_link = {
        let turn_to = turn_to.clone();
        move |step: isize| {
            let turn_to = turn_to.clone();
            move |ev: leptos::ev::MouseEvent| {
                if ev.button() != 0
                    || ev.ctrl_key()
                    || ev.meta_key()
                    || ev.shift_key()
                    || ev.alt_key()
                {
                    return;
                }
                if let Some(target) = step_from(step) {
                    ev.prevent_default();
                    turn_to(target);
                }
            }
        }
    };

    // Natively (the build's prerender) there is no window to listen to.
    #[cfg(target_arch = "wasm32")]
    {
        let turn_to = turn_to.clone();
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if let Some(step) = arrow_direction(&ev) {
                ev.prevent_default();
                if let Some(target) = step_from(step) {
                    turn_to(target);
                }
            }
        });
        on_cleanup(move || keys.remove());
    }

    let section = course().section_of(&lesson.id);
    let position = move || match shown.get() {
        Screen::Card(i) => i + 1,
        _ => count,
    };
    let title = move || match shown.get() {
        Screen::Done => t!("{lesson}: complete", lesson = lesson.title),
        _ => t!(
            "{lesson} ({card} of {cards})",
            lesson = lesson.title,
            card = position(),
            cards = count
        ),
    };
    // The first card shown is announced through the page heading; later ones
    // take focus themselves.
    let first_card = StoredValue::new(true);
    // The cards' prose (ids and types are in the binary; the words are a file).
    let cards = Memo::new(move |_| lesson_cards(lesson));

    // "Previous" and "Next" are links to the cards' own pages, so they work
    // on the prerendered page before the app has started; once it has, a
    // click on one turns the card in place (`turn_link`).
    let previous = move || match shown.get() {
        Screen::Card(i) if i > 0 => Some(Route::card_at(lesson, i - 1)),
        Screen::Done => Some(Route::card_at(lesson, count - 1)),
        _ => None,
    };
    let (back, on) = (turn_link(-1), turn_link(1));
    view! {
        <Title text=title/>
        <div class="page lesson">
            <nav class="breadcrumb" aria-label=t!("Breadcrumb")>
                <A href=Route::Home.href()>{t!("All lessons")}</A>
                // The section, as a link to its place on the path; left out
                // where it has the lesson's own name ("Getting support"),
                // which would read as the same page twice (review m5).
                {section.filter(|s| *s.title != *lesson.title).map(|s| view! {
                    <span aria-hidden="true">" / "</span>
                    <A href=format!("{}#section-{}", Route::Home.href(), s.id)>{s.title.clone()}</A>
                })}
            </nav>
            <PageHeading text=lesson.title.to_string()/>
            <div class="lesson-progress">
                <span id="lesson-position">
                    {move || if shown.get() == Screen::Done {
                        t!("Lesson complete").to_string()
                    } else {
                        t!("Card {card} of {cards}", card = position(), cards = count)
                    }}
                </span>
                <progress aria-labelledby="lesson-position" max=count value=position></progress>
            </div>
            {move || match shown.get() {
                Screen::Card(i) => match cards.get() {
                    Loaded::Ready(cards) => {
                        let focus = !first_card.get_value();
                        first_card.set_value(false);
                        view! { <LessonCard lesson card=&cards[i] focus/> }.into_any()
                    }
                    Loaded::Loading => view! { <ProsePending failed=false what=t!("this card")/> }.into_any(),
                    Loaded::Failed => view! { <ProsePending failed=true what=t!("this card")/> }.into_any(),
                },
                Screen::Done => view! { <LessonDone lesson/> }.into_any(),
                Screen::Resume => ().into_any(),
            }}
            <nav class="card-nav" aria-label=t!("Lesson navigation")>
                {move || match previous() {
                    Some(route) => view! {
                        <a href=route.href() class="button" rel="prev" on:click=back.clone()>
                            <span aria-hidden="true">"← "</span>{t!("Previous")}
                        </a>
                    }.into_any(),
                    // The first card has nothing before it: a link that goes nowhere, said so.
                    None => view! {
                        <a class="button" role="link" aria-disabled="true">
                            <span aria-hidden="true">"← "</span>{t!("Previous")}
                        </a>
                    }.into_any(),
                }}
                {move || match shown.get() {
                    Screen::Card(i) if i + 1 == count => Some(view! {
                        <a href=Route::done(&lesson.id).href() class="button primary" on:click=on.clone()>
                            {t!("Finish lesson")}
                        </a>
                    }.into_any()),
                    Screen::Card(i) => Some(view! {
                        <a href=Route::card_at(lesson, i + 1).href() class="button primary" rel="next" on:click=on.clone()>
                            {t!("Next")}<span aria-hidden="true">" →"</span>
                        </a>
                    }.into_any()),
                    _ => None,
                }}
            </nav>
            <Refusal said=refused/>
            <p class="key-hint">{t!("Tip: the ← and → keys turn the cards.")}</p>
        </div>
    }
}

/// The screen after the last card: what is done and where to go next.
#[component]
fn LessonDone(lesson: &'static Lesson) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let c = course();
    let total = c.lesson_count();
    let done = move || state.progress.with(|p| p.done_count(c));
    let next = c.next_lesson(&lesson.id);
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus::focus_in_place(&h);
        }
    });
    view! {
        <article class="card done-card" aria-labelledby="done-title">
            <p class="card-kind">{t!("Well done")}</p>
            <h2 id="done-title" node_ref=heading tabindex="-1">{t!("Lesson complete")}</h2>
            <p>{t!("You finished “{lesson}”. ", lesson = lesson.title)}{move || t!("{done} of {total} lessons done.", done = done(), total = total)}</p>
            <div class="done-actions">
                {match next {
                    Some(n) => view! {
                        <A href=Route::first_card(n).href() attr:class="button primary">
                            {t!("Next lesson: {lesson}", lesson = n.title)}
                        </A>
                    }.into_any(),
                    None => view! { <p>{t!("That was the last lesson of the guide.")}</p> }.into_any(),
                }}
                <A href=Route::Home.href() attr:class="button">{t!("Back to all lessons")}</A>
            </div>
        </article>
    }
}
