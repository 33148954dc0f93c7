//! `/checkin/:rel/new`: the check-in itself. One form: the closeness
//! picture, then each kind now and wished for. Native radio groups
//! throughout, so arrow keys move within a group and Tab between groups.

use super::use_relationship_id;
use crate::charts::closeness_picture;
use crate::checkin::{Rating, CLOSENESS_MAX, SCALE_MAX};
use crate::components::{titles, Drawing, Name, PageHeading, Title};
use crate::content::{checkin_guide, KindItem};
use crate::env::random_id;
use crate::focus::focus_first;
use crate::pages::NotFound;
use crate::persist::Persistence;
use crate::progress::Change;
use crate::routes::{use_go, Route};
use closer_core::{t, text::around};
use leptos::{html, prelude::*};
use leptos_router::components::A;
use std::collections::BTreeMap;

/// Finds the relationship in the URL, or says there is none. The form is
/// built once per relationship: a rename in another tab changes its heading
/// and keeps every answer chosen so far. A relationship deleted (in another
/// tab) while its form is open is said to be gone, not "Page not found".
#[component]
pub fn CheckinForm() -> impl IntoView {
    let exists = use_relationship_id();
    let was_here = StoredValue::new(false);
    move || {
        match exists.get() {
        Some(id) => {
            was_here.set_value(true);
            view! { <Form id/> }.into_any()
        }
        None if was_here.get_value() => view! {
            <super::GonePage
                title=t!("This relationship was deleted")
                text=t!("It was deleted in another tab while this check-in was being filled in, so the answers chosen here could not be kept.")
            />
        }
        .into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
    }
}

/// A kind's two answers while the form is being filled in.
#[derive(Clone, Copy)]
struct KindAnswer {
    kind: &'static KindItem,
    now: RwSignal<Option<u8>>,
    wished: RwSignal<Option<u8>>,
}

/// The form for the relationship `id`. Alone on its page it goes to the
/// result when saved; embedded (on the page that compares with someone's
/// shared answers) it has a second-level heading and hands the new
/// check-in's id to `on_saved` instead.
#[component]
pub fn Form(id: String, #[prop(optional)] on_saved: Option<Callback<String>>) -> impl IntoView {
    let embedded = on_saved.is_some();
    let state = expect_context::<Persistence>();
    let go = use_go();
    let guide = checkin_guide();
    let closeness = RwSignal::new(None::<u8>);
    let answers: Vec<KindAnswer> = guide
        .kinds
        .iter()
        .map(|kind| KindAnswer {
            kind,
            now: RwSignal::new(None),
            wished: RwSignal::new(None),
        })
        .collect();
    let missing = RwSignal::new(Vec::<(String, String)>::new());
    let summary = NodeRef::<html::Div>::new();
    let failed = RwSignal::new(None::<String>);

    let answers_for_submit = answers.clone();
    let rel = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut gaps = Vec::new();
        if closeness.get_untracked().is_none() {
            gaps.push((
                "closeness-1".to_string(),
                t!("Choose the closeness picture that fits best.").to_string(),
            ));
        }
        let mut kinds = BTreeMap::new();
        for a in &answers_for_submit {
            match (a.now.get_untracked(), a.wished.get_untracked()) {
                (Some(now), Some(wished)) => {
                    kinds.insert(a.kind.id.to_string(), Rating { now, wished });
                }
                (now, _) => {
                    let which = if now.is_none() { "now" } else { "wished" };
                    gaps.push((
                        format!("{}-{which}-0", a.kind.id),
                        t!(
                            "{kind}: answer both, now and wished for.",
                            kind = a.kind.name
                        ),
                    ));
                }
            }
        }
        if !gaps.is_empty() {
            missing.set(gaps);
            if let Some(s) = summary.get_untracked() {
                let _ = s.focus();
            }
            return;
        }
        missing.set(Vec::new());
        let check_in_id = random_id();
        let record = Change::RecordCheckIn {
            relationship: rel.clone(),
            id: check_in_id.clone(),
            closeness: closeness.get_untracked().unwrap_or(1),
            kinds,
        };
        match state.apply(record) {
            Ok(_) if embedded => {
                if let Some(done) = on_saved {
                    done.run(check_in_id);
                }
            }
            Ok(_) => go(
                &Route::check_in_result(&rel, &check_in_id),
                Default::default(),
            ),
            Err(e) => failed.set(Some(e.to_string())),
        }
    };

    let rel = id.clone();
    let name = Memo::new(move |_| {
        state.progress.with(|p| {
            p.checkins
                .relationships
                .get(&rel)
                .map_or(String::new(), |r| r.name.clone())
        })
    });
    let back = Route::relationship(&id).href();
    let top = move || {
        if embedded {
            let (before, after) = around(t!("First, your own check-in on {name}"), "name");
            view! {
                <h2 class="embedded-heading" tabindex="-1">
                    {before} <Name name=Signal::derive(move || name.get())/> {after}
                </h2>
            }
            .into_any()
        } else {
            let (before, after) = around(t!("Check in: {name}"), "name");
            view! {
                <Title text=titles::NEW_CHECK_IN/>
                <PageHeading>{before} <Name name=Signal::derive(move || name.get())/> {after}</PageHeading>
            }
            .into_any()
        }
    };
    view! {
        <div class=if embedded { "checkin-page embedded-form" } else { "page narrow checkin-page" }>
            {top}
            <p>{t!("Two short parts. There are no right answers: answer for how things feel to you today. Your answers stay in this browser.")}</p>
            <div class="error-summary-region" tabindex="-1" node_ref=summary role="alert">
                {move || {
                    let m = missing.get();
                    (!m.is_empty()).then(|| view! {
                        <div class="error-summary">
                            <p><strong>{t!("A few answers are missing:")}</strong></p>
                            <ul>
                                {m.into_iter().map(|(input, text)| view! {
                                    <li><a href=format!("#{input}") on:click=move |ev| focus_input(ev, &input)>{text}</a></li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                }}
                {move || failed.get().map(|e| view! { <p class="error-summary">{e}</p> })}
            </div>
            <form class="checkin-form" on:submit=submit novalidate>
                <ClosenessChoice choice=closeness/>
                <section class="kinds-part" aria-labelledby="kinds-title">
                    <h2 id="kinds-title">{t!("2. The five kinds, now and wished for")}</h2>
                    <p class="hint">{t!("For each kind: how much of it is there between you now, and how much would you like? Less than now is an answer too. If a kind does not fit this relationship, choose “None at all” for both; you do not need to share a faith for Spiritual.")}</p>
                    {answers.into_iter().map(|a| view! { <KindRating answer=a/> }).collect_view()}
                </section>
                <div class="form-actions">
                    <button type="submit" class="button primary">
                        {if embedded { t!("Save and compare") } else { t!("See the result") }}
                    </button>
                    {(!embedded).then(|| view! { <A href=back attr:class="button">{t!("Cancel")}</A> })}
                </div>
            </form>
        </div>
    }
}

/// Moves focus to a form control named in the error summary (the `<base>`
/// element would send a plain `#id` link to the site's root).
fn focus_input(ev: leptos::ev::MouseEvent, id: &str) {
    ev.prevent_default();
    focus_first(&format!("#{id}"));
}

/// The seven pictures of closeness, as one radio group.
#[component]
fn ClosenessChoice(choice: RwSignal<Option<u8>>) -> impl IntoView {
    let guide = checkin_guide();
    let options = (1..=CLOSENESS_MAX)
        .map(|n| {
            let input = format!("closeness-{n}");
            let spoken = guide.picture_name(n);
            let words = guide
                .closeness
                .pictures
                .get(usize::from(n - 1))
                .cloned()
                .unwrap_or_default();
            view! {
                <div class="picture-option">
                    <input
                        type="radio"
                        name="closeness"
                        id=input.clone()
                        value=n.to_string()
                        prop:checked=move || choice.get() == Some(n)
                        on:change=move |_| choice.set(Some(n))
                    />
                    <label for=input>
                        <Drawing svg=closeness_picture(n) class="closeness-picture"/>
                        <span class="visually-hidden">{spoken}</span>
                        <span class="picture-words" aria-hidden="true">
                            <span class="picture-number">{n}</span>" "{words}
                        </span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="closeness-choice">
            <legend><h2>{t!("1. How close do you feel?")}</h2></legend>
            <p class="question-text">{guide.closeness.question.clone()}</p>
            <p class="hint">{guide.closeness.hint.clone()}</p>
            <div class="pictures">{options}</div>
        </fieldset>
    }
}

/// One kind: two radio groups on the same scale.
#[component]
fn KindRating(answer: KindAnswer) -> impl IntoView {
    let kind = answer.kind;
    view! {
        <fieldset class="kind-rating">
            <legend>{kind.name.clone()}</legend>
            <p class="hint">{kind.reminder.clone()}</p>
            <Scale kind=kind.id.as_ref() which="now" label=t!("Now") value=answer.now/>
            <Scale kind=kind.id.as_ref() which="wished" label=t!("Wished for") value=answer.wished/>
        </fieldset>
    }
}

/// One scale from 0 to the top, each point with its words.
#[component]
fn Scale(
    kind: &'static str,
    which: &'static str,
    label: &'static str,
    value: RwSignal<Option<u8>>,
) -> impl IntoView {
    let guide = checkin_guide();
    let group = format!("{kind}-{which}");
    let points = (0..=SCALE_MAX)
        .map(|n| {
            let input = format!("{group}-{n}");
            let for_input = input.clone();
            view! {
                <label class="scale-point" for=for_input>
                    <input
                        type="radio"
                        name=group.clone()
                        id=input
                        value=n.to_string()
                        prop:checked=move || value.get() == Some(n)
                        on:change=move |_| value.set(Some(n))
                    />
                    <span>{guide.scale_word(n).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="scale">
            <legend>{label}</legend>
            <div class="scale-points">{points}</div>
        </fieldset>
    }
}
