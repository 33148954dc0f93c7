//! One card of a lesson, drawn according to its type.

use crate::components::{AllFeedback, EvidenceList, Listen, Mark, OptionMark, Refusal};
use crate::content::{list_item, shuffle, Card, ChoiceOption, Lesson, Text};
use crate::feedback::{right_answer_line, without_verdict};
use crate::persist::Persistence;
use crate::progress::{Change, Response};
use crate::routes::Route;
use closer_core::t;
use leptos::{html, prelude::*};
use leptos_router::components::A;

/// A card's paragraphs; a run of list items (`"- "`) becomes one `<ul>`.
fn paragraphs(texts: &'static [Text]) -> impl IntoView {
    let mut out = Vec::new();
    let mut rest = texts;
    while let Some((first, _)) = rest.split_first() {
        let items = rest.iter().take_while(|t| list_item(t).is_some()).count();
        if items == 0 {
            out.push(view! { <p>{first.clone()}</p> }.into_any());
            rest = &rest[1..];
        } else {
            let list = rest[..items]
                .iter()
                .filter_map(|t| list_item(t))
                .map(|t| view! { <li>{t}</li> })
                .collect_view();
            out.push(view! { <ul class="card-list">{list}</ul> }.into_any());
            rest = &rest[items..];
        }
    }
    out
}

fn kind_label(card: &Card) -> &'static str {
    match card {
        Card::Explain { .. } => t!("Learn"),
        Card::Scenario { .. } => t!("Scenario"),
        Card::Reveal { .. } => t!("Think first"),
        Card::Choice { .. } => t!("Your call"),
        Card::Reflect { .. } => t!("Reflect"),
    }
}

/// A card: its kind, its heading and its body. `focus` (a card turned to,
/// not the first one a page shows) moves keyboard focus to the heading when
/// the card appears, so a screen reader reads the new card, and slides it in.
#[component]
pub fn LessonCard(lesson: &'static Lesson, card: &'static Card, focus: bool) -> impl IntoView {
    let heading = NodeRef::<html::H2>::new();
    if focus {
        Effect::new(move |_| {
            if let Some(h) = heading.get() {
                crate::focus::focus_in_place(&h);
            }
        });
    }
    let body = match card {
        Card::Explain {
            body,
            evidence,
            link,
            ..
        } => view! {
            <div class="card-body">
                {paragraphs(body)}
                <EvidenceList evidence/>
                {link.as_ref().map(|l| view! {
                    <p class="card-link">
                        <A href=Route::card(&l.lesson, &l.card).href()>{l.label.clone()}</A>
                    </p>
                })}
            </div>
        }
        .into_any(),
        Card::Scenario {
            story, takeaway, ..
        } => view! {
            <div class="card-body">
                {paragraphs(story)}
                <p class="takeaway"><strong>{t!("What it shows: ")}</strong>{takeaway.clone()}</p>
            </div>
        }
        .into_any(),
        Card::Reveal {
            id,
            question,
            answer,
            ..
        } => view! { <RevealBody lesson card_id=id question answer/> }.into_any(),
        Card::Choice {
            id,
            prompt,
            options,
            ..
        } => view! { <ChoiceBody lesson card_id=id prompt options/> }.into_any(),
        Card::Reflect {
            id, prompt, hint, ..
        } => view! { <ReflectBody lesson card_id=id prompt hint/> }.into_any(),
    };
    view! {
        // A card turned to slides in (`turned`, style/lesson.css); the first
        // card a page shows does not, so the app taking over a prerendered
        // card does not replay its entrance.
        <article id="lesson-card" class="card" class:turned=focus aria-labelledby="card-title">
            <p class="card-kind">{kind_label(card)}</p>
            <h2 id="card-title" node_ref=heading tabindex="-1">{card.title().to_string()}</h2>
            // Reads this card's text (not its buttons); stops when the card goes.
            <Listen target="lesson-card" label=t!("Listen to this card")/>
            {body}
        </article>
    }
}

/// A question with its answer behind a button; opening it is remembered.
#[component]
fn RevealBody(
    lesson: &'static Lesson,
    card_id: &'static str,
    question: &'static str,
    answer: &'static [Text],
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let shown = Memo::new(move |_| {
        state.progress.with(|p| {
            matches!(
                p.response(&lesson.id, card_id),
                Some(Response::Revealed { .. })
            )
        })
    });
    // "Show the answer" disables itself, which would drop keyboard focus to the
    // page: hand it to the answer, so keyboard and screen reader users land on it.
    let answer_ref = NodeRef::<html::Div>::new();
    let refused = RwSignal::new(None::<String>);
    let reveal = move |_| {
        let reveal = Change::Reveal {
            lesson: lesson.id.to_string(),
            card: card_id.to_string(),
        };
        if let Err(e) = state.apply_after_paint(reveal) {
            refused.set(Some(e.to_string()));
            return;
        }
        // After the next render, once the answer is no longer hidden.
        request_animation_frame(move || {
            if let Some(a) = answer_ref.get_untracked() {
                let _ = a.focus();
            }
        });
    };
    view! {
        <div class="card-body">
            <p class="question">{question}</p>
            <button
                type="button"
                class="button"
                aria-expanded=move || shown.get().to_string()
                aria-controls="reveal-answer"
                disabled=move || shown.get()
                on:click=reveal
            >
                {t!("Show the answer")}
            </button>
            <div
                id="reveal-answer"
                class="answer"
                node_ref=answer_ref
                tabindex="-1"
                hidden=move || !shown.get()
            >
                {paragraphs(answer)}
            </div>
            <Refusal said=refused/>
        </div>
    }
}

/// Pick one option, then "Check": the feedback explains every choice.
#[component]
fn ChoiceBody(
    lesson: &'static Lesson,
    card_id: &'static str,
    prompt: &'static str,
    options: &'static [ChoiceOption],
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    // The option the person last checked, from saved progress.
    let checked = Memo::new(move |_| {
        state
            .progress
            .with(|p| match p.response(&lesson.id, card_id) {
                Some(Response::Chose { option, .. }) => options.iter().find(|o| &o.id == option),
                _ => None,
            })
    });
    // The option currently selected, before "Check".
    let selected = RwSignal::new(checked.get_untracked().map(|o| o.id.as_ref()));
    let name = format!("choice-{card_id}");
    let refused = RwSignal::new(None::<String>);
    let check = move |_| {
        if let Some(option) = selected.get_untracked() {
            let choose = Change::Choose {
                lesson: lesson.id.to_string(),
                card: card_id.to_string(),
                option: option.to_string(),
            };
            refused.set(state.apply_after_paint(choose).err().map(|e| e.to_string()));
        }
    };
    let shown = shuffle::shuffled(&lesson.id, card_id, options);
    let all: Vec<&'static ChoiceOption> = shown.clone();
    view! {
        <div class="card-body">
            <fieldset class="choice">
                <legend>{prompt}</legend>
                // Shuffled, but seeded by lesson and card, so the order holds across reloads.
                {shown.into_iter().map(|o| {
                    let id = format!("{name}-{}", o.id);
                    let mark_id = format!("{id}-mark");
                    // Once checked, the right option and a wrong pick are marked on themselves.
                    let mark = move || checked.get().map(|c| Mark::of(o, c.id == o.id)).unwrap_or(Mark::None);
                    view! {
                        <div class=move || mark().class()>
                            <input
                                type="radio"
                                id=id.clone()
                                name=name.clone()
                                value=o.id.clone()
                                aria-describedby=move || (mark() != Mark::None).then(|| mark_id.clone())
                                prop:checked=move || selected.get() == Some(o.id.as_ref())
                                on:change=move |_| selected.set(Some(o.id.as_ref()))
                            />
                            <label for=id.clone()>{o.label.clone()}</label>
                            {move || view! { <OptionMark mark=mark() id=format!("{id}-mark")/> }}
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <button type="button" class="button" on:click=check disabled=move || selected.get().is_none()>
                {t!("Check")}
            </button>
            <div class="feedback-region" role="status" aria-live="polite">
                {move || checked.get().map(|o| {
                    let (class, verdict) = if o.correct {
                        ("feedback correct", t!("✓ Right."))
                    } else {
                        ("feedback wrong", t!("✗ Not quite."))
                    };
                    let right: Vec<&str> = options.iter().filter(|x| x.correct).map(|x| &*x.label).collect();
                    view! {
                        <div class=class>
                            <p>
                                <strong>{verdict}</strong>" "
                                {without_verdict(&o.feedback).to_string()}
                            </p>
                            {(!o.correct).then(|| view! { <p>{right_answer_line(&right)}</p> })}
                        </div>
                    }
                })}
                {move || refused.get().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            {move || checked.get().map(|c| view! {
                <AllFeedback options=all.iter().map(|o| (*o, o.id == c.id)).collect()/>
            })}
        </div>
    }
}

/// What a note box says when another tab changed the same note while this
/// one was being written.
fn note_conflict() -> &'static str {
    t!(
        "This note was also changed in another tab while you were writing here. \
    Both versions are kept in the box: yours first, then the other tab's."
    )
}

/// A private question with a note that is saved once typing pauses (and
/// when the page is hidden or closed, so nothing typed is lost).
///
/// The box shows what is stored unless it holds text typed here, so a
/// note saved in another tab appears here, and an erase (here or in another
/// tab) empties it. If another tab changes the note while this box is being
/// written in, neither text is dropped: the box keeps both.
#[component]
fn ReflectBody(
    lesson: &'static Lesson,
    card_id: &'static str,
    prompt: &'static str,
    hint: &'static str,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let note_of = move |p: &crate::progress::Progress| match p.response(&lesson.id, card_id) {
        Some(Response::Reflected { text, .. }) => text.clone(),
        _ => String::new(),
    };
    let initial = state.progress.with_untracked(note_of);
    let stored = Memo::new(move |_| state.progress.with(note_of));
    let refused = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(false);
    // The box holds what was typed here (rather than a text it was given):
    // it is being written in, and another tab's text must not replace it.
    let typing = StoredValue::new(false);
    // "Saved" appears once what was typed here has been written to storage
    // (a save after typing pauses, or when the page is hidden), and goes
    // while typing again: it never claims a save that has not happened.
    let unsaved = StoredValue::new(false);
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        state.saved.track();
        if unsaved.get_value() {
            unsaved.set_value(false);
            saved.set(true);
        }
    });
    let area = NodeRef::<html::Textarea>::new();
    let write = move |text: String| {
        let note = Change::WriteNote {
            lesson: lesson.id.to_string(),
            card: card_id.to_string(),
            text,
        };
        // Typing saves on every key: the line changes only when what it says does.
        let said = state.apply_soon(note).err().map(|e| e.to_string());
        if refused.with_untracked(|r| *r != said) {
            refused.set(said);
        }
    };
    let on_input = move |ev| {
        typing.set_value(true);
        unsaved.set_value(true);
        if saved.get_untracked() {
            saved.set(false);
        }
        write(event_target_value(&ev));
    };
    Effect::new(move |seen_erase: Option<u32>| {
        let erased = state.erased.get();
        let theirs = stored.get();
        let Some(area) = area.get_untracked() else {
            return erased;
        };
        let mine = area.value();
        if seen_erase.is_some_and(|n| n != erased) {
            // Erased (here or in another tab): the person asked for it to be gone.
            area.set_value(&theirs);
            typing.set_value(false);
            conflict.set(false);
        } else if mine == theirs {
        } else if !typing.get_value() || theirs.contains(mine.as_str()) {
            area.set_value(&theirs);
            typing.set_value(false);
        } else if mine.contains(theirs.as_str()) {
            // The other tab's text is already in this one: keep this one.
            write(mine);
        } else {
            let both = format!("{mine}\n\n{theirs}");
            area.set_value(&both);
            write(both);
            conflict.set(true);
        }
        erased
    });
    view! {
        <div class="card-body">
            <label for="reflection" class="question">{prompt}</label>
            <p id="reflection-hint" class="hint">{hint}</p>
            <textarea
                id="reflection"
                rows="5"
                aria-describedby="reflection-hint reflection-privacy"
                node_ref=area
                on:input=on_input
            >
                {initial}
            </textarea>
            // Its line is always there, so nothing moves when it appears.
            <p class="note-saved" role="status">{move || saved.get().then(|| t!("Saved"))}</p>
            <p id="reflection-privacy" class="hint">
                {move || if matches!(state.lock.get(), crate::persist::LockState::Open { .. }) {
                    view! {
                        {t!("Private: your note is kept in this browser only, locked with your passphrase. While Closer is locked, only someone who knows the passphrase can read it; while it is open, anyone holding this device can. ")}
                        <A href=format!("{}#lock", Route::Data.href())>{t!("About the lock")}</A>
                    }.into_any()
                } else {
                    view! {
                        {t!("Private: your note is kept in this browser only and is never sent anywhere, but anyone who uses this device can read it. ")}
                        <A href=format!("{}#lock", Route::Data.href())>{t!("Lock it with a passphrase")}</A>
                    }.into_any()
                }}
            </p>
            <p class="hint" role="status">{move || conflict.get().then(note_conflict)}</p>
            <Refusal said=refused/>
        </div>
    }
}
