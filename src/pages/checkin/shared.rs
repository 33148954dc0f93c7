//! `/checkin/:rel/shared/:id`: answers someone shared and this person
//! kept, compared with their own latest check-in on that relationship, and
//! the way to delete them.

use super::{use_record_ids, GonePage};
use crate::checkin::{CheckIn, Received};
use crate::components::titles;
use crate::components::{
    shared_day, their_label, Comparison, Name, PageHeading, Refusal, SharePanel, Title,
};
use crate::focus::focus_soon;
use crate::persist::Persistence;
use crate::progress::Change;
use crate::routes::Route;
use closer_core::{
    t,
    text::{around, pieces, Piece},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// Finds the kept answers in the URL, or says they are gone.
#[component]
pub fn SharedPage() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let ids = use_record_ids();
    let deleted = RwSignal::new(false);
    let found = Memo::new(move |_| {
        let (rel, id) = ids.get();
        state.progress.with(|p| {
            let c = &p.checkins;
            let received = c.get_received(&rel, &id)?.clone();
            let name = c.relationships.get(&rel)?.name.clone();
            let mine = c.latest(&rel).map(|(_, m)| m.clone());
            Some((rel, id, name, received, mine))
        })
    });
    move || match found.get() {
        Some((rel, id, name, received, mine)) => {
            view! { <SharedView rel id name received mine deleted/> }.into_any()
        }
        None => view! { <Gone deleted=deleted.get_untracked()/> }.into_any(),
    }
}

#[component]
fn Gone(deleted: bool) -> impl IntoView {
    if deleted {
        view! { <GonePage title=t!("Deleted") text=t!("Their answers are gone from this browser.")/> }
    } else {
        view! {
            <GonePage
                title=t!("These answers are not here")
                text=t!("They may have been deleted, here or in another tab, or the link may be mistyped.")
            />
        }
    }
}

#[component]
fn SharedView(
    rel: String,
    id: String,
    name: String,
    received: Received,
    mine: Option<CheckIn>,
    deleted: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let them = their_label(received.shared.name.as_deref(), &name);
    let asking = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let delete = move |_| {
        // Set first: the page turns to "Deleted" as soon as the change is made.
        deleted.set(true);
        match state.apply(Change::DeleteReceived { id: id.get_value() }) {
            Ok(_) => focus_soon("h1".into()),
            Err(e) => {
                deleted.set(false);
                said.set(Some(e.to_string()));
            }
        }
    };
    let back = Route::relationship(&rel).href();
    let heading_name = them.clone();
    let (heading_before, heading_after) = around(t!("You and {name}"), "name");
    let (all_before, all_after) = around(t!("All check-ins: {name}"), "name");
    let (kept_before, kept_after) = around(t!("You chose to keep {name}'s answers here. Anyone who uses this browser can see kept answers, unless you set a lock on the page about your data. You can delete them at any time; your own check-ins stay."), "name");
    let when = t!(
        "{them} shared a check-in from {day}, about your relationship “{name}”.",
        day = shared_day(received.shared.noon())
    );
    let when = pieces(&when)
        .into_iter()
        .map(|p| match p {
            Piece::Slot("them") => view! { <Name name=them.clone()/> }.into_any(),
            Piece::Slot(_) => view! { <Name name=name.clone()/> }.into_any(),
            Piece::Words(w) => w.to_string().into_any(),
        })
        .collect_view();
    view! {
        <Title text=titles::SHARED/>
        <div class="page narrow checkin-page together-page">
            <PageHeading>{heading_before} <Name name=heading_name/> {heading_after}</PageHeading>
            <p class="when">
                {when}
            </p>
            {match mine {
                Some(mine) => view! {
                    <SharePanel check_in=mine.clone() back_to=them.clone()/>
                    <Comparison mine theirs=received.shared.clone() them=them.clone()/>
                }.into_any(),
                None => view! {
                    <p>{t!("You have no check-in of your own on this relationship yet, so there is nothing to compare with.")}</p>
                    <p><A href=Route::new_check_in(&rel).href() attr:class="button primary">{t!("Check in now")}</A></p>
                }.into_any(),
            }}
            <section class="panel" aria-labelledby="delete-shared-title">
                <h2 id="delete-shared-title">{t!("Their answers in this browser")}</h2>
                <p>
                    {kept_before} <Name name=them.clone()/> {kept_after}
                </p>
                {move || if asking.get() {
                    view! {
                        <div class="confirm" role="group" aria-labelledby="confirm-shared-delete">
                            <p id="confirm-shared-delete"><strong>{t!("Delete their answers from this browser? This cannot be undone.")}</strong></p>
                            <button type="button" class="button danger" on:click=delete>{t!("Delete for good")}</button>
                            <button type="button" class="button" id="delete-shared-keep" on:click=move |_| {
                                asking.set(false);
                                focus_soon("#delete-shared-ask".into());
                            }>{t!("Keep them")}</button>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" id="delete-shared-ask" on:click=move |_| {
                            asking.set(true);
                            // The safe answer first: Enter twice must not delete.
                            focus_soon("#delete-shared-keep".into());
                        }>{t!("Delete their answers")}</button>
                    }.into_any()
                }}
                <Refusal said/>
            </section>
            <p><A href=back attr:class="button">{all_before} <Name name=name.clone()/> {all_after}</A></p>
        </div>
    }
}
