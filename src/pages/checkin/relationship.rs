//! `/checkin/:rel`: one relationship over time. How the closeness picture
//! and the wish for more have moved, what changed since last time, the
//! step that stands, every check-in, and renaming or deleting it.

use super::{date, new_check_in_path, result_path, HOME};
use crate::charts::{over_time, TimePoint};
use crate::checkin::{
    change_since, clean_name, gaps, CheckIn, StepPlan, CLOSENESS_MAX, NAME_MAX_CHARS,
};
use crate::components::{Chart, PageHeading, StepCard};
use crate::content::checkin_guide;
use crate::env::{now, utc_offset_minutes};
use crate::paths::app_path;
use crate::persist::Persistence;
use crate::time::short_date;
use leptos::{html, prelude::*};
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_params_map},
};

/// A date for a table cell: `2 Dec 2026`.
fn long_date_short(at: crate::time::Millis) -> String {
    let (y, _, _) = crate::time::civil_date(at, utc_offset_minutes());
    format!("{} {y}", short_date(at, utc_offset_minutes()))
}

/// Everything the page shows about one relationship.
#[derive(Clone, PartialEq)]
struct Seen {
    name: String,
    history: Vec<(String, CheckIn)>,
    step: Option<(String, StepPlan)>,
}

/// Finds the relationship in the URL, or says it is gone.
#[component]
pub fn RelationshipPage() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("rel")).unwrap_or_default());
    let seen = Memo::new(move |_| {
        let id = id.get();
        state.progress.with(|p| {
            let c = &p.checkins;
            let name = c.relationships.get(&id)?.name.clone();
            Some(Seen {
                name,
                history: c
                    .history(&id)
                    .into_iter()
                    .map(|(i, ci)| (i.to_string(), ci.clone()))
                    .collect(),
                step: c
                    .this_week(now())
                    .into_iter()
                    .find(|(rel, _, _)| *rel == id)
                    .map(|(_, i, s)| (i.to_string(), s.clone())),
            })
        })
    });
    let deleted = RwSignal::new(false);
    move || match seen.get() {
        Some(s) => view! { <RelationshipView id=id.get_untracked() seen=s deleted/> }.into_any(),
        None => view! { <Gone deleted=deleted.get_untracked()/> }.into_any(),
    }
}

#[component]
fn Gone(deleted: bool) -> impl IntoView {
    let (title, text) = if deleted {
        (
            "Deleted",
            "The relationship and all its check-ins are gone from this browser.",
        )
    } else {
        (
            "This relationship is not here",
            "It may have been deleted, here or in another tab, or the link may be mistyped.",
        )
    };
    view! {
        <Title text=title/>
        <div class="page narrow">
            <PageHeading text=title/>
            <p role="status">{text}</p>
            <p><A href=app_path(HOME) attr:class="button">"Go to your check-ins"</A></p>
        </div>
    }
}

#[component]
fn RelationshipView(id: String, seen: Seen, deleted: RwSignal<bool>) -> impl IntoView {
    let guide = checkin_guide();
    let Seen {
        name,
        history,
        step,
    } = seen;
    let offset = utc_offset_minutes();
    let latest_change = match history.as_slice() {
        [.., (_, before), (_, after)] => Some(change_since(before, after, guide).sentences(guide)),
        _ => None,
    };
    let wish_for_more =
        |c: &CheckIn| -> u32 { gaps(c, guide).iter().map(|g| g.size().max(0) as u32).sum() };
    let most = (guide.kinds.len() as u32) * u32::from(crate::checkin::SCALE_MAX);
    let closeness_points: Vec<TimePoint> = history
        .iter()
        .map(|(_, c)| TimePoint {
            label: short_date(c.at, offset),
            value: f64::from(c.closeness),
        })
        .collect();
    let gap_points: Vec<TimePoint> = history
        .iter()
        .map(|(_, c)| TimePoint {
            label: short_date(c.at, offset),
            value: f64::from(wish_for_more(c)),
        })
        .collect();
    let closeness_label = format!(
        "Line chart of the closeness picture chosen at each check-in, 1 to {CLOSENESS_MAX}: {}.",
        history
            .iter()
            .map(|(_, c)| format!("{}, {}", date(c.at), c.closeness))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let gap_label = format!(
        "Line chart of how much more you wished for, the five kinds added up, at each check-in, 0 to {most}: {}.",
        history
            .iter()
            .map(|(_, c)| format!("{}, {}", date(c.at), wish_for_more(c)))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let gap_ticks: Vec<f64> = (0..=most).step_by(5).map(f64::from).collect();
    let rows = history
        .iter()
        .rev()
        .cloned()
        .map(|(cid, c)| {
            let biggest = crate::checkin::ranked_gaps(&c, guide, 1)
                .first()
                .map_or_else(|| "none".to_string(), |g| g.kind.name.clone());
            view! {
                <tr>
                    <th scope="row"><A href=app_path(&result_path(&id, &cid))>{long_date_short(c.at)}</A></th>
                    <td>{format!("{} of {CLOSENESS_MAX}", c.closeness)}</td>
                    <td>{wish_for_more(&c)}</td>
                    <td>{biggest}</td>
                </tr>
            }
        })
        .collect_view();
    let count = history.len();
    let heading = name.clone();
    view! {
        <Title text=name.clone()/>
        <div class="page narrow checkin-page relationship-page">
            <PageHeading text=heading/>
            <p>
                {match count {
                    0 => "No check-ins yet.".to_string(),
                    1 => "1 check-in so far.".to_string(),
                    n => format!("{n} check-ins so far."),
                }}
            </p>
            <p><A href=app_path(&new_check_in_path(&id)) attr:class="button primary">"Check in now"</A></p>

            {step.map(|(plan_id, plan)| view! {
                <section class="panel" aria-labelledby="week-title">
                    <h2 id="week-title">"This week"</h2>
                    <StepCard relationship=id.clone() plan_id plan/>
                </section>
            })}

            {latest_change.map(|lines| view! {
                <section class="panel" aria-labelledby="change-title">
                    <h2 id="change-title">"Since last time"</h2>
                    <ul class="change">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </section>
            })}

            {(count > 0).then(|| view! {
                <section class="panel" aria-labelledby="history-title">
                    <h2 id="history-title">"Over time"</h2>
                    <figure class="figure">
                        <figcaption class="chart-title">"Closeness picture, 1 (apart) to 7 (almost one)"</figcaption>
                        <Chart svg=over_time(&closeness_points, 1.0, f64::from(CLOSENESS_MAX), &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], "series-closeness") label=closeness_label class="chart-line"/>
                    </figure>
                    <figure class="figure">
                        <figcaption class="chart-title">{format!("How much more you wished for, the five kinds added up (0 to {most}). Not a score of the relationship.")}</figcaption>
                        <Chart svg=over_time(&gap_points, 0.0, f64::from(most), &gap_ticks, "series-gap") label=gap_label class="chart-line"/>
                    </figure>
                    <div class="table-wrap">
                        <table class="figures history-table">
                            <caption>"Every check-in, newest first"</caption>
                            <thead><tr><th scope="col">"Date"</th><th scope="col">"Closeness"</th><th scope="col">"More wished, added up"</th><th scope="col">"Biggest gap"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </section>
            })}

            <Rename id=id.clone() name=name.clone()/>
            <Delete id name deleted/>
        </div>
    }
}

/// A new label for the relationship.
#[component]
fn Rename(id: String, name: String) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let value = RwSignal::new(name);
    let said = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = value.get_untracked();
        match clean_name(&text) {
            Err(e) => said.set(Some(e.to_string())),
            Ok(clean) => {
                state.update(|p| {
                    let _ = p.checkins.rename(&id, &clean, now());
                });
                said.set(Some(format!("Renamed to {clean}.")));
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="rename-title">
            <h2 id="rename-title">"Rename"</h2>
            <form class="add-relationship" on:submit=save novalidate>
                <label for="rename-input">"Name"</label>
                <input
                    id="rename-input"
                    type="text"
                    autocomplete="off"
                    maxlength=NAME_MAX_CHARS.to_string()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                <button type="submit" class="button">"Save the name"</button>
            </form>
            <div class="notice-region" role="status" aria-live="polite">
                {move || said.get().map(|m| view! { <p class="said">{m}</p> })}
            </div>
        </section>
    }
}

/// Deleting the relationship, after asking.
#[component]
fn Delete(id: String, name: String, deleted: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let confirm_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(b) = confirm_button.get() {
                let _ = b.focus();
            }
        }
    });
    let delete = move |_| {
        deleted.set(true);
        let id = id.clone();
        state.update(|p| p.checkins.delete(&id, now()));
        navigate(&app_path(HOME), Default::default());
    };
    let question =
        format!("Delete {name} and every check-in and step with them? This can't be undone.");
    view! {
        <section class="panel" aria-labelledby="delete-title">
            <h2 id="delete-title">"Delete"</h2>
            <p>"Remove this relationship, its check-ins, its steps and their notes from this browser, and from any tab where Closer is open."</p>
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="group" aria-labelledby="delete-question">
                        <p id="delete-question"><strong>{question.clone()}</strong></p>
                        <div class="done-actions">
                            <button type="button" class="button danger" node_ref=confirm_button on:click=delete.clone()>"Yes, delete"</button>
                            <button type="button" class="button" on:click=move |_| asking.set(false)>"Keep it"</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="button" on:click=move |_| asking.set(true)>"Delete…"</button> }.into_any()
            }}
        </section>
    }
}
