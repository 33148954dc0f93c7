//! One small step a week: choosing it, the step as it stands, and the
//! gentle question a week later. The wording never counts days missed and
//! never scores: a step can be kept, changed or let go at any time.

use crate::checkin::{fitting_practices, suggested_steps, CheckIn, StepPlan};
use crate::components::{AddToCalendar, Name, Refusal, ReminderFor};
use crate::content::{checkin_guide, course};
use crate::env::{now, random_id, utc_offset_minutes};
use crate::focus::{focus_in_place, focus_soon};
use crate::persist::Persistence;
use crate::progress::Change;
use crate::routes::Route;
use crate::time::long_date;
use closer_core::{t, text::around};
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// The id of a relationship's step card, where focus goes after an action
/// that redraws it.
fn card_id(relationship: &str) -> String {
    format!("step-{relationship}")
}

/// The step's text, or a plain line for a step this version no longer has.
pub fn step_text(step: &str) -> String {
    checkin_guide().step(step).map_or_else(
        || t!("A step from an older version of Closer").to_string(),
        |s| s.text.to_string(),
    )
}

/// The id of the step chooser's section, where "Choose a different step"
/// and "Change it" lead.
pub const CHOOSER_ID: &str = "choose-step";

/// How many steps the chooser offers before "Show more ideas".
const SUGGESTED: usize = 3;

/// The choice of one small step for a relationship: three suggestions, one
/// for each of the check-in's biggest gaps, and the rest of the practices'
/// steps folded under "Show more ideas".
#[component]
pub fn StepChooser(
    /// The relationship's id.
    relationship: String,
    /// The check-in the suggestions answer (the latest, on the
    /// relationship's page); none gives the first step of each practice.
    check_in: Option<CheckIn>,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let guide = checkin_guide();
    let suggested = suggested_steps(check_in.as_ref(), guide, SUGGESTED);
    let mut practices = check_in
        .as_ref()
        .map(|c| fitting_practices(c, guide, SUGGESTED))
        .unwrap_or_default();
    // Every practice, the fitting ones first.
    for l in course().lessons().filter(|l| l.section_id() == "practices") {
        if !practices.iter().any(|p| *p == *l.id) {
            practices.push(l.id.to_string());
        }
    }
    let rel = relationship.clone();
    let current = Memo::new(move |_| {
        state.progress.with(|p| {
            p.checkins
                .current_step(&rel)
                .map(|(id, s)| (id.to_string(), s.step.clone()))
        })
    });
    let chosen = RwSignal::new(None::<String>);
    let said = RwSignal::new(None::<String>);
    let rel = relationship.clone();
    let choose = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(step) = chosen.get_untracked() else {
            said.set(Some(t!("Pick one of the steps first.").into()));
            return;
        };
        let saved = t!(
            "Saved: “{step}” is your step for this week. You will find it on the home page.",
            step = step_text(&step)
        );
        let choose = Change::ChooseStep {
            relationship: rel.clone(),
            plan: random_id(),
            step,
        };
        said.set(Some(match state.apply(choose) {
            Ok(_) => saved,
            Err(e) => e.to_string(),
        }));
    };
    let option = move |id: String, text: String, note: Option<String>| {
        let input = format!("step-{id}");
        // The note is the radio's description, not part of its name.
        let note_id = note.as_ref().map(|_| format!("step-note-{id}"));
        let (id, id2) = (id.clone(), id);
        view! {
            <div class="option">
                <input
                    type="radio"
                    name="small-step"
                    id=input.clone()
                    aria-describedby=note_id.clone()
                    prop:checked=move || chosen.with(|c| c.as_deref() == Some(id.as_str()))
                    on:change=move |_| { said.set(None); chosen.set(Some(id2.clone())) }
                />
                <label for=input>
                    {text}
                    {note.map(|n| view! { <span class="option-note" id=note_id aria-hidden="true">{n}</span> })}
                </label>
            </div>
        }
    };
    let first: Vec<String> = suggested.iter().map(|s| s.step.id.to_string()).collect();
    let suggestions = suggested
        .iter()
        .map(|s| {
            let note = s.kind.map(|k| {
                t!(
                    "Where you would like more: {kind}",
                    kind = k.name.to_lowercase()
                )
            });
            option(s.step.id.to_string(), s.step.text.to_string(), note)
        })
        .collect_view();
    let groups = practices
        .iter()
        .filter_map(|id| course().lesson(id))
        .filter_map(|lesson| {
            let steps: Vec<_> = guide
                .steps_of(&lesson.id)
                .filter(|s| !first.iter().any(|f| *f == *s.id))
                .collect();
            (!steps.is_empty()).then(|| {
                let steps = steps
                    .into_iter()
                    .map(|s| option(s.id.to_string(), s.text.to_string(), None))
                    .collect_view();
                view! {
                    <fieldset class="choice step-group">
                        <legend>{lesson.title.clone()}</legend>
                        {steps}
                    </fieldset>
                }
            })
        })
        .collect_view();
    let legend = if suggested.iter().any(|s| s.kind.is_some()) {
        t!("Suggested for the biggest gaps")
    } else {
        t!("Suggested steps")
    };
    view! {
        <section class="panel step-chooser" id=CHOOSER_ID aria-labelledby="step-title">
            <h2 id="step-title" tabindex="-1">{t!("One small step this week")}</h2>
            <p>{t!("If you like, pick one small thing to try in the next seven days. Come back in a week and Closer will ask how it went (a calendar reminder can help); you can change or drop it any time.")}</p>
            {move || current.get().map(|(_, step)| view! {
                <p class="current-step"><strong>{t!("Your step now:")}" "</strong>{step_text(&step)}" "{t!("Choosing another replaces it.")}</p>
            })}
            <form on:submit=choose>
                <fieldset class="choice step-group">
                    <legend>{legend}</legend>
                    {suggestions}
                </fieldset>
                <details class="more-ideas">
                    <summary>{t!("Show more ideas")}</summary>
                    {groups}
                </details>
                <div class="notice-region" role="status" aria-live="polite">
                    {move || said.get().map(|m| view! { <p class="said">{m}</p> })}
                </div>
                <button type="submit" class="button primary">{t!("Choose this step")}</button>
            </form>
        </section>
    }
}

/// Opens the step chooser on this page: its heading takes focus and comes
/// into view (the page does not link to itself).
pub fn open_chooser() {
    request_animation_frame(|| {
        if let Some(el) = document()
            .get_element_by_id("step-title")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            focus_in_place(&el);
            el.scroll_into_view();
        }
    });
}

/// A step as it stands, with the gentle question once a week has passed,
/// and a way to drop it.
#[component]
pub fn StepCard(
    /// The relationship's id.
    relationship: String,
    /// The plan's id.
    plan_id: String,
    /// The plan.
    plan: StepPlan,
    /// The relationship's name, when the card stands apart from its page.
    #[prop(optional)]
    name: Option<String>,
    /// Where keyboard focus goes once the step is dropped and the card is
    /// gone (a CSS selector).
    after_drop: &'static str,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let due = plan.follow_up_due(now());
    let reviewed = plan.review.clone();
    let text = step_text(&plan.step);
    let chosen = t!(
        "Chosen on {date}.",
        date = long_date(plan.chosen_at, utc_offset_minutes())
    );
    let apart = name.is_some();
    let rel = relationship.clone();
    let refused = RwSignal::new(None::<String>);
    let drop_step = move |_| {
        let drop = Change::DropStep {
            relationship: rel.clone(),
        };
        match state.apply(drop) {
            Ok(_) => focus_soon(after_drop.to_string()),
            Err(e) => refused.set(Some(e.to_string())),
        }
    };
    let reminder_for = ReminderFor::Step {
        relationship: relationship.clone(),
        chosen_at: plan.chosen_at,
        name: state.progress.with_untracked(|p| {
            p.checkins
                .relationships
                .get(&relationship)
                .map(|r| r.name.clone())
                .unwrap_or_default()
        }),
        step: text.clone(),
    };
    let card_id = card_id(&relationship);
    let heading = match &name {
        Some(n) => {
            let (before, after) = around(t!("For {name}"), "name");
            view! { {before} <Name name=n.clone()/> {after} }.into_any()
        }
        None => t!("Your step").into_any(),
    };
    view! {
        <article class="step-card" id=card_id tabindex="-1">
            <h3>{heading}</h3>
            <p class="step-text">{text}</p>
            {match reviewed {
                Some(review) => view! { <Reviewed relationship=relationship.clone() plan=plan.clone() review apart/> }.into_any(),
                None if due => view! { <FollowUpForm relationship=relationship.clone() plan_id=plan_id.clone() chosen_at=plan.chosen_at/> }.into_any(),
                None => view! {
                    <p class="step-when">{chosen}" "{t!("Come back in a week and Closer will ask how it went.")}</p>
                    <div class="done-actions">
                        <ChangeStep relationship=relationship.clone() apart label=t!("Change it")/>
                        <button type="button" class="button" on:click=drop_step>{t!("Drop this step")}</button>
                    </div>
                    <Refusal said=refused/>
                    <AddToCalendar of=reminder_for key=plan_id.clone()/>
                }.into_any(),
            }}
        </article>
    }
}

/// The gentle question: how did it go? Every answer is fine; the note is optional.
#[component]
fn FollowUpForm(
    relationship: String,
    plan_id: String,
    chosen_at: crate::time::Millis,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let guide = checkin_guide();
    let answer = RwSignal::new(None::<String>);
    let note = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let refused = RwSignal::new(None::<String>);
    let group = format!("follow-up-{plan_id}");
    let chosen = t!(
        "You chose this step on {date}.",
        date = long_date(chosen_at, utc_offset_minutes())
    );
    let note_id = format!("follow-up-note-{plan_id}");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match answer.get_untracked() {
            None => missing.set(true),
            Some(answer) => {
                let follow_up = Change::FollowUp {
                    relationship: relationship.clone(),
                    plan: plan_id.clone(),
                    answer,
                    note: note.get_untracked(),
                };
                match state.apply(follow_up) {
                    Ok(_) => focus_soon(format!("#{}", card_id(&relationship))),
                    Err(e) => refused.set(Some(e.to_string())),
                }
            }
        }
    };
    let options = guide
        .follow_up
        .answers
        .iter()
        .map(|a| {
            let input = format!("{group}-{}", a.id);
            let (id, id2) = (a.id.clone(), a.id.clone());
            view! {
                <div class="option">
                    <input
                        type="radio"
                        name=group.clone()
                        id=input.clone()
                        prop:checked=move || answer.with(|x| x.as_deref() == Some(id.as_ref()))
                        on:change=move |_| { missing.set(false); refused.set(None); answer.set(Some(id2.to_string())) }
                    />
                    <label for=input>{a.label.clone()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="follow-up" on:submit=save>
            <fieldset class="choice">
                <legend>{chosen}" "{guide.follow_up.question.clone()}</legend>
                {options}
            </fieldset>
            <label for=note_id.clone() class="note-label">{guide.follow_up.note_label.clone()}</label>
            <textarea
                id=note_id
                rows="3"
                prop:value=move || note.get()
                on:input=move |ev| note.set(event_target_value(&ev))
            ></textarea>
            <div class="notice-region" role="status" aria-live="polite">
                {move || missing.get().then(|| view! { <p class="said">{t!("Pick the answer that fits; any of them is fine.")}</p> })}
                {move || refused.get().map(|m| view! { <p class="said">{m}</p> })}
            </div>
            <button type="submit" class="button primary">{t!("Save")}</button>
        </form>
    }
}

/// A step looked back on: the kind reply, and what can come next.
#[component]
fn Reviewed(
    relationship: String,
    plan: StepPlan,
    review: crate::checkin::Review,
    apart: bool,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let reply = checkin_guide()
        .answer(&review.answer)
        .map(|a| a.reply.clone())
        .unwrap_or_default();
    let (rel, step) = (relationship.clone(), plan.step.clone());
    let refused = RwSignal::new(None::<String>);
    let keep = move |_| {
        let keep = Change::ChooseStep {
            relationship: rel.clone(),
            plan: random_id(),
            step: step.clone(),
        };
        match state.apply(keep) {
            Ok(_) => focus_soon(format!("#{}", card_id(&rel))),
            Err(e) => refused.set(Some(e.to_string())),
        }
    };
    view! {
        <div class="reviewed" role="status">
            <p>{reply}</p>
            {(!review.note.is_empty()).then(|| view! {
                <p class="note-text"><span class="visually-hidden">{t!("Your note:")}" "</span>{review.note.clone()}</p>
            })}
        </div>
        <div class="done-actions">
            <button type="button" class="button" on:click=keep>{t!("Keep it for another week")}</button>
            <ChangeStep relationship=relationship.clone() apart label=t!("Choose a different step")/>
        </div>
        <Refusal said=refused/>
    }
}

/// The way to the step chooser: from a card that stands apart (home), a
/// link to the relationship's page, opened at the chooser; on that page, a
/// button that opens the chooser below.
#[component]
fn ChangeStep(relationship: String, apart: bool, label: &'static str) -> impl IntoView {
    if apart {
        let href = format!("{}#{CHOOSER_ID}", Route::relationship(&relationship).href());
        view! { <A href=href attr:class="button">{label}</A> }.into_any()
    } else {
        view! { <button type="button" class="button" on:click=move |_| open_chooser()>{label}</button> }.into_any()
    }
}
