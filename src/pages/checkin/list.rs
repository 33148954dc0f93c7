//! `/checkin`: the relationships a person checks in on, and a way to add one.

use super::date;
use crate::checkin::{RelationshipName, NAME_MAX_CHARS};
use crate::components::{Name, PageHeading, Title};
use crate::content::checkin_guide;
use crate::env::random_id;
use crate::persist::Persistence;
use crate::progress::Change;
use crate::routes::{use_go, Route};
use closer_core::{
    t,
    text::{pieces, Piece},
    tn,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// The check-in's home page.
#[component]
pub fn CheckinHome() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let guide = checkin_guide();
    let list = Memo::new(move |_| {
        state.progress.with(|p| {
            let c = &p.checkins;
            c.relationships_in_order()
                .into_iter()
                .map(|(id, r)| {
                    let last = c.latest(id).map(|(_, ci)| ci.at);
                    (id.to_string(), r.name.clone(), last, c.history(id).len())
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Title text=t!("Check in on a relationship")/>
        <div class="page narrow checkin-page">
            <PageHeading text=t!("Check in on a relationship")/>
            // Someone with relationships here sees them first; the intro folds
            // away under "About the check-in" (this page is drawn by the app
            // for them: the first-screen script keeps a first visit's page
            // out of sight).
            {move || {
                let items = list.get();
                let about = view! {
                    {guide.intro.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                    <p class="caveat-line">{guide.caveat.clone()}</p>
                };
                let care = view! {
                    <p class="care">
                        {t!("You can check in on any relationship. Sharing and small steps are for relationships where you feel safe: if someone pressures, controls, checks up on or frightens you, you do not owe them any openness.")}" "
                        <A href=Route::if_unsafe().href()>{t!("What to do if you feel unsafe")}</A>
                    </p>
                };
                if items.is_empty() {
                    view! { {about} {care} }.into_any()
                } else {
                    view! {
                        <section class="panel" aria-labelledby="yours-title">
                            <h2 id="yours-title">{t!("Your relationships")}</h2>
                            <ul class="relationships">
                                {items.into_iter().map(|(id, name, last, count)| {
                                    let when = match (last, count) {
                                        (Some(at), n) => tn!("{n} check-in, on {date}", "{n} check-ins, the latest on {date}", n = n, date = date(at)),
                                        _ => t!("No check-ins yet").to_string(),
                                    };
                                    let label = t!("Check in: {name}", name = name);
                                    view! {
                                        <li>
                                            <A href=Route::relationship(&id).href() attr:class="relationship-link"><Name name=name.clone()/></A>
                                            <span class="relationship-when">{when}</span>
                                            <A href=Route::new_check_in(&id).href() attr:class="button" attr:aria-label=label>{t!("Check in")}</A>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                        {care}
                        <details class="about">
                            <summary>{t!("About the check-in")}</summary>
                            {about}
                        </details>
                    }.into_any()
                }
            }}
            <AddRelationship/>
            <p>{pieces(t!("{link}: every private note you have written, in one place.")).into_iter().map(|p| match p {
                Piece::Slot(_) => view! { <A href=Route::Reflections.href()>{t!("My reflections")}</A> }.into_any(),
                Piece::Words(w) => w.into_any(),
            }).collect_view()}</p>
        </div>
    }
}

/// The form that adds a relationship and opens its first check-in.
#[component]
fn AddRelationship() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let go = use_go();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let added = RelationshipName::parse(&name.get_untracked())
            .map_err(|e| e.to_string())
            .and_then(|name| {
                let id = random_id();
                let add = Change::AddRelationship {
                    id: id.clone(),
                    name,
                };
                state.apply(add).map(|_| id).map_err(|e| e.to_string())
            });
        match added {
            Ok(id) => go(&Route::new_check_in(&id), Default::default()),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel" aria-labelledby="add-title">
            <h2 id="add-title">{t!("Check in on someone new")}</h2>
            <form class="add-relationship" on:submit=add novalidate>
                <label for="relationship-name">{t!("Who is it? A name, a nickname or an initial")}</label>
                <input
                    id="relationship-name"
                    type="text"
                    autocomplete="off"
                    maxlength=NAME_MAX_CHARS.to_string()
                    aria-describedby="relationship-name-help relationship-name-error"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || name.get()
                    on:input=move |ev| { error.set(None); name.set(event_target_value(&ev)) }
                />
                <p id="relationship-name-help" class="hint">{t!("For example: my sister, Sam, or J. It stays in this browser, where anyone who opens Closer can see it unless you set a lock.")}</p>
                <p id="relationship-name-error" class="field-error" aria-live="polite">{move || error.get()}</p>
                <button type="submit" class="button primary">{t!("Add and check in")}</button>
            </form>
        </section>
    }
}
