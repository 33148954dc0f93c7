//! `/checkin/:rel`: one relationship over time. How the closeness picture
//! and the wish for more have moved, what changed since last time, the
//! step that stands, every check-in, and renaming or deleting it.

use super::{date, use_relationship_id, GonePage};
use crate::charts::{over_time, TimePoint};
use crate::checkin::{
    change_since, most_wished_for_more, wished_for_more, CheckIn, RelationshipName, CLOSENESS_MAX,
    NAME_MAX_CHARS,
};
use crate::components::{
    open_chooser, titles, Chart, Confirm, Name, PageHeading, Refusal, ScrollTable, StepCard,
    StepChooser, Title, CHOOSER_ID,
};
use crate::content::checkin_guide;
use crate::env::{now, utc_offset_minutes};
use crate::persist::Persistence;
use crate::progress::Change;
use crate::routes::{use_go, Route};
use crate::time::short_date;
use closer_core::{
    t,
    text::{around, pieces, Piece},
    tn,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// A date for a table cell: `2 Dec 2026`.
fn long_date_short(at: crate::time::Millis) -> String {
    let (y, _, _) = crate::time::civil_date(at, utc_offset_minutes());
    format!("{} {y}", short_date(at, utc_offset_minutes()))
}

/// The address's fragment, without its `#`.
fn location_hash() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        window()
            .location()
            .hash()
            .ok()
            .map(|h| h.trim_start_matches('#').to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Finds the relationship in the URL, or says it is gone. The page is
/// built once per relationship: a rename, a new step or a check-in in
/// another tab update its parts in place, so focus and messages stay.
#[component]
pub fn RelationshipPage() -> impl IntoView {
    let exists = use_relationship_id();
    let deleted = RwSignal::new(false);
    move || match exists.get() {
        Some(id) => view! { <RelationshipView id deleted/> }.into_any(),
        None => view! { <Gone deleted=deleted.get_untracked()/> }.into_any(),
    }
}

#[component]
fn Gone(deleted: bool) -> impl IntoView {
    if deleted {
        view! {
            <GonePage
                title=t!("Deleted")
                text=t!("The relationship and all its check-ins are gone from this browser.")
            />
        }
    } else {
        view! {
            <GonePage
                title=t!("This relationship is not here")
                text=t!("It may have been deleted, here or in another tab, or the link may be mistyped.")
            />
        }
    }
}

#[component]
fn RelationshipView(id: String, deleted: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let guide = checkin_guide();
    let rel = id.clone();
    let name = Memo::new(move |_| {
        state.progress.with(|p| {
            p.checkins
                .relationships
                .get(&rel)
                .map(|r| r.name.clone())
                .unwrap_or_default()
        })
    });
    let rel = id.clone();
    let history = Memo::new(move |_| {
        state.progress.with(|p| {
            p.checkins
                .history(&rel)
                .into_iter()
                .map(|(i, c)| (i.to_string(), c.clone()))
                .collect::<Vec<(String, CheckIn)>>()
        })
    });
    let rel = id.clone();
    let step = Memo::new(move |_| {
        state.progress.with(|p| {
            p.checkins
                .this_week(now())
                .into_iter()
                .find(|(r, _, _)| *r == rel)
                .map(|(_, i, s)| (i.to_string(), s.clone()))
        })
    });
    let count = move || match history.with(Vec::len) {
        0 => t!("No check-ins yet.").to_string(),
        n => tn!("{n} check-in so far.", "{n} check-ins so far.", n = n),
    };
    let step_id = id.clone();
    let history_id = id.clone();
    let chooser_id = id.clone();
    // The latest check-in, which the step chooser's suggestions answer; the
    // chooser is drawn again only when a new check-in arrives.
    let latest = Memo::new(move |_| history.with(|h| h.last().cloned()));
    let latest_id = Memo::new(move |_| latest.with(|l| l.as_ref().map(|(i, _)| i.clone())));
    // Opened at the chooser ("Change it" on the home page): it takes focus.
    if location_hash().as_deref() == Some(CHOOSER_ID) {
        open_chooser();
    }
    view! {
        <Title text=titles::RELATIONSHIP/>
        <div class="page narrow checkin-page relationship-page">
            <PageHeading><Name name=Signal::derive(move || name.get())/></PageHeading>
            <p>{count}</p>
            <p><A href=Route::new_check_in(&id).href() attr:class="button primary">{t!("Check in now")}</A></p>

            {move || step.get().map(|(plan_id, plan)| view! {
                <section class="panel" aria-labelledby="week-title">
                    <h2 id="week-title">{t!("This week")}</h2>
                    <StepCard relationship=step_id.clone() plan_id plan after_drop="h1"/>
                </section>
            })}

            {move || {
                latest_id.track();
                let check_in = latest.get_untracked().map(|(_, c)| c);
                view! { <StepChooser relationship=chooser_id.clone() check_in/> }
            }}

            {move || {
                let h = history.get();
                match h.as_slice() {
                    [.., (_, before), (_, after)] => Some(change_since(before, after, guide).sentences(guide)),
                    _ => None,
                }
                .map(|lines| view! {
                    <section class="panel" aria-labelledby="change-title">
                        <h2 id="change-title">{t!("Since last time")}</h2>
                        <ul class="change">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </section>
                })
            }}

            {move || {
                let h = history.get();
                (!h.is_empty()).then(|| view! { <OverTime id=history_id.clone() history=h/> })
            }}

            <SharedWithYou id=id.clone()/>
            <Rename id=id.clone() name=name.get_untracked()/>
            <Delete id name deleted/>
        </div>
    }
}

/// Answers others shared about this relationship and the person kept,
/// each a link to its comparison; and the way to compare with someone.
#[component]
fn SharedWithYou(id: String) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let rel = id.clone();
    let kept = Memo::new(move |_| {
        state.progress.with(|p| {
            p.checkins
                .received_for(&rel)
                .into_iter()
                .map(|(rid, r)| {
                    let from = crate::components::sender_name(r.shared.name.as_deref());
                    (
                        rid.to_string(),
                        from,
                        crate::components::shared_day(r.shared.noon()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="shared-title">
            <h2 id="shared-title">{t!("Compared together")}</h2>
            {move || {
                let kept = kept.get();
                if kept.is_empty() {
                    view! { <p>{t!("If this person shares a check-in with you and you keep it, it will appear here. To share yours, open one of your check-ins and choose “Share to compare”.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="shared-list">
                            {kept.into_iter().map(|(rid, from, day)| {
                                let line = t!("{name}'s check-in from {day}", day = day);
                                let line = pieces(&line).into_iter().map(|p| match p {
                                    Piece::Slot(_) => view! { <Name name=from.clone()/> }.into_any(),
                                    Piece::Words(w) => w.to_string().into_any(),
                                }).collect_view();
                                view! {
                                    <li><A href=Route::shared(&id, &rid).href()>{line}</A></li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <p>{pieces(t!("{compare} or {talk}, one question at a time.")).into_iter().map(|p| match p {
                Piece::Slot("compare") => view! { <A href=Route::Compare.href()>{t!("Compare with someone")}</A> }.into_any(),
                Piece::Slot(_) => view! { <A href=Route::Talk.href()>{t!("talk together")}</A> }.into_any(),
                Piece::Words(w) => w.into_any(),
            }).collect_view()}</p>
        </section>
    }
}

/// How the closeness picture and the wish for more moved, as two line
/// charts and a table with the same figures.
#[component]
fn OverTime(id: String, history: Vec<(String, CheckIn)>) -> impl IntoView {
    let guide = checkin_guide();
    let offset = utc_offset_minutes();
    let wish_for_more = |c: &CheckIn| wished_for_more(c, guide);
    let most = most_wished_for_more(guide);
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
    let closeness_label = t!(
        "Line chart of the closeness picture chosen at each check-in, 1 to {top}: {points}.",
        top = CLOSENESS_MAX,
        points = history
            .iter()
            .map(|(_, c)| format!("{}, {}", date(c.at), c.closeness))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let gap_label = t!(
        "Line chart of how much more you wished for, the five kinds added up, at each check-in, 0 to {most}: {points}.",
        most = most,
        points = history.iter().map(|(_, c)| format!("{}, {}", date(c.at), wish_for_more(c))).collect::<Vec<_>>().join("; ")
    );
    let gap_ticks: Vec<f64> = (0..=most).step_by(5).map(f64::from).collect();
    let rows = history
        .iter()
        .rev()
        .cloned()
        .map(|(cid, c)| {
            let biggest = crate::checkin::ranked_gaps(&c, guide, 1)
                .first()
                .map_or_else(|| t!("none").to_string(), |g| g.kind.name.to_string());
            view! {
                <tr>
                    <th scope="row"><A href=Route::check_in_result(&id, &cid).href()>{long_date_short(c.at)}</A></th>
                    <td>{t!("{picture} of {top}", picture = c.closeness, top = CLOSENESS_MAX)}</td>
                    <td>{wish_for_more(&c)}</td>
                    <td>{biggest}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="history-title">
            <h2 id="history-title">{t!("Over time")}</h2>
            // One check-in is one dot: no charts until there is a change to
            // show (review m21); the table below holds it.
            {if history.len() < 2 {
                view! {
                    <p>{t!("One check-in so far. After the next one, two small charts here show how the closeness picture and your wishes change over time.")}</p>
                }.into_any()
            } else {
                view! {
                    <figure class="figure">
                        <figcaption class="chart-title">{t!("Closeness picture, 1 (apart) to 7 (almost one)")}</figcaption>
                        <Chart svg=over_time(&closeness_points, 1.0, f64::from(CLOSENESS_MAX), &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], "series-closeness") label=closeness_label class="chart-line"/>
                    </figure>
                    <figure class="figure">
                        <figcaption class="chart-title">{t!("How much more you wished for, the five kinds added up (0 to {most}). Not a score of the relationship.", most = most)}</figcaption>
                        <Chart svg=over_time(&gap_points, 0.0, f64::from(most), &gap_ticks, "series-gap") label=gap_label class="chart-line"/>
                    </figure>
                }.into_any()
            }}
            <ScrollTable label=t!("Every check-in, in a table")>
                <table class="figures history-table">
                    <caption>{t!("Every check-in, newest first")}</caption>
                    <thead><tr><th scope="col">{t!("Date")}</th><th scope="col">{t!("Closeness")}</th><th scope="col">{t!("More wished, added up")}</th><th scope="col">{t!("Biggest gap")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </ScrollTable>
        </section>
    }
}

/// A new label for the relationship.
#[component]
fn Rename(id: String, name: String) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let value = RwSignal::new(name);
    // The new name (set apart when shown), or why it was not saved.
    let said = RwSignal::new(None::<Result<String, String>>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let renamed = RelationshipName::parse(&value.get_untracked())
            .map_err(|e| e.to_string())
            .and_then(|name| {
                let said = name.to_string();
                let rename = Change::RenameRelationship {
                    id: id.clone(),
                    name,
                };
                state.apply(rename).map(|_| said).map_err(|e| e.to_string())
            });
        said.set(Some(renamed));
    };
    view! {
        <section class="panel" aria-labelledby="rename-title">
            <h2 id="rename-title">{t!("Rename")}</h2>
            <form class="add-relationship" on:submit=save novalidate>
                <label for="rename-input">{t!("Name")}</label>
                <input
                    id="rename-input"
                    type="text"
                    autocomplete="off"
                    maxlength=NAME_MAX_CHARS.to_string()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                <button type="submit" class="button">{t!("Save the name")}</button>
            </form>
            <div class="notice-region" role="status" aria-live="polite">
                {move || said.get().map(|m| match m {
                    Ok(name) => {
                        let (before, after) = around(t!("Renamed to {name}."), "name");
                        view! { <p class="said">{before} <Name name/> {after}</p> }.into_any()
                    }
                    Err(m) => view! { <p class="said">{m}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// Deleting the relationship, after asking.
#[component]
fn Delete(id: String, name: Memo<String>, deleted: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let go = use_go();
    let asking = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let delete = move || {
        // Set first: the page turns to "Deleted" as soon as the change is made.
        deleted.set(true);
        match state.apply(Change::DeleteRelationship { id: id.clone() }) {
            Ok(_) => go(&Route::Checkin, Default::default()),
            Err(e) => {
                deleted.set(false);
                said.set(Some(e.to_string()));
            }
        }
    };
    let question = move || {
        let (before, after) = around(
            t!("Delete {name} and every check-in and step with them? This can't be undone."),
            "name",
        );
        view! {
            {before} <Name name=name/> {after}
        }
    };
    view! {
        <section class="panel" aria-labelledby="delete-title">
            <h2 id="delete-title">{t!("Delete")}</h2>
            <p>{t!("Remove this relationship, its check-ins, its steps and their notes from this browser, and from any tab where Closer is open.")}</p>
            {move || if asking.get() {
                view! {
                    <Confirm question_id="delete-question" yes=t!("Yes, delete").to_string() keep=t!("Keep it").to_string() danger=true
                        on_yes=delete.clone() on_keep=move || asking.set(false)>
                        <strong>{question}</strong>
                    </Confirm>
                }.into_any()
            } else {
                view! { <button type="button" class="button" on:click=move |_| asking.set(true)>{t!("Delete…")}</button> }.into_any()
            }}
            <Refusal said/>
        </section>
    }
}
