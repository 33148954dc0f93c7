//! `/checkin/...`: the private check-in on a relationship. One module per
//! route: the list of relationships, one relationship's page, the
//! check-in form, and a check-in's result.

mod form;
mod list;
mod relationship;
mod result;
mod shared;

pub use form::{CheckinForm, Form as CheckinFormFor};
pub use list::CheckinHome;
pub use relationship::RelationshipPage;
pub use result::CheckinResult;
pub use shared::SharedPage;

use crate::components::{PageHeading, Title};
use crate::env::utc_offset_minutes;
use crate::persist::Persistence;
use crate::routes::{RecordParams, RelationshipParams, Route};
use crate::time::{long_date, Millis};
use closer_core::t;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params};

/// The relationship id in the URL (`:rel`), while that relationship exists.
/// It changes only when the id or its existence does, so a page keyed on it
/// is built once per relationship and survives renames and new check-ins.
pub fn use_relationship_id() -> Memo<Option<String>> {
    let state = expect_context::<Persistence>();
    let params = use_params::<RelationshipParams>();
    let id =
        Memo::new(move |_| params.with(|p| p.as_ref().map(|p| p.rel.clone()).unwrap_or_default()));
    Memo::new(move |_| {
        let id = id.get();
        let here = state
            .progress
            .with(|p| p.checkins.relationships.contains_key(&id));
        here.then_some(id)
    })
}

/// The relationship id and the record id in the URL (`:rel`, `:id`).
pub fn use_record_ids() -> Memo<(String, String)> {
    let params = use_params::<RecordParams>();
    Memo::new(move |_| {
        params.with(|p| {
            p.as_ref()
                .map(|p| (p.rel.clone(), p.id.clone()))
                .unwrap_or_default()
        })
    })
}

/// A page whose subject is gone (deleted here or in another tab) or was
/// never here, with the way back to the list of relationships.
#[component]
pub fn GonePage(title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <Title text=title/>
        <div class="page narrow">
            <PageHeading text=title/>
            <p role="status">{text}</p>
            <p><A href=Route::Checkin.href() attr:class="button">{t!("Go to your check-ins")}</A></p>
        </div>
    }
}

/// A date in the person's own time zone: `2 December 2026`.
pub fn date(at: Millis) -> String {
    long_date(at, utc_offset_minutes())
}
