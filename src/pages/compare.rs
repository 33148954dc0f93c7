//! `/compare`: opening answers someone shared. From a link, the answers are
//! read from the `#` fragment, which is then removed from the address bar
//! and history; or a person pastes the code. Then: a preview of what was
//! received, which relationship it is about, the person's own check-in if
//! there is none yet, the comparison, and only then the choice to keep.
//! Nothing is stored unless the person adds a relationship, checks in, or
//! chooses to keep the answers.

use crate::charts::closeness_picture_of;
use crate::checkin::{RelationshipName, NAME_MAX_CHARS};
use crate::components::rating_words;
use crate::components::{
    sender_name, shared_day, their_label, Comparison, Drawing, MutualComparison, Name, PageHeading,
    ScrollTable, SharePanel, Title,
};
use crate::content::checkin_guide;
use crate::env::random_id;
use crate::focus::{focus_first, focus_soon};
use crate::pages::checkin::CheckinFormFor;
use crate::persist::{LockState, Persistence};
use crate::progress::Change;
use crate::routes::{use_go, Route};
use crate::share::{open as open_code, Received, MAX_INPUT_CHARS};
#[cfg(target_arch = "wasm32")]
use crate::sharing::{clear_shared_link_mark, take_fragment};
use crate::storage::session;
use closer_core::{
    t,
    text::{around, pieces, Piece},
};
use leptos::prelude::*;

/// The choice of relationship that means "someone new".
const NEW: &str = "new";

/// What an opened link leaves behind, said wherever a link is read. The app
/// takes the answers out of the address at once, but the browser has already
/// written the whole link into its history, where Closer cannot reach.
fn history_note() -> &'static str {
    t!("A link you open stays in this browser's history, with the answers in it, until you delete it there (in the browser's History). A code pasted here leaves nothing in the history.")
}

/// Where the page is.
#[derive(Clone, PartialEq)]
enum Stage {
    /// Waiting for a code.
    Paste,
    /// Answers received, not yet matched to a relationship.
    Preview(Received),
    /// Matched to a relationship without a check-in of the person's own.
    Mine(Received, String),
    /// Both side by side, not kept yet.
    Compare(Received, String),
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let stage = RwSignal::new(Stage::Paste);
    let error = RwSignal::new(None::<String>);
    let said = RwSignal::new(None::<String>);
    let input = RwSignal::new(String::new());
    // `to_heading`: whether focus moves to the page's heading (not when a
    // link has just loaded the page: focus then stays at the document's start).
    let state = expect_context::<Persistence>();
    let open = move |text: &str, to_heading: bool| match open_code(text) {
        Ok(shared) => {
            // Kept for this tab until kept or closed (a reload must not lose
            // them), but not in plain text while a lock is set: then in
            // memory only (`storage::session`).
            if state.lock.get_untracked() == LockState::Off {
                session::keep_shared(text);
            }
            error.set(None);
            said.set(None);
            input.set(String::new());
            stage.set(Stage::Preview(shared));
            if to_heading {
                focus_soon("h1".into());
            }
        }
        Err(e) => {
            error.set(Some(e.to_string()));
            stage.set(Stage::Paste);
            focus_soon("#code".into());
        }
    };
    // In the browser (not in the build's prerender, which has no address):
    #[cfg(target_arch = "wasm32")]
    {
        // A link: read the fragment, then take it out of the address at once.
        if let Some(fragment) = take_fragment() {
            open(&fragment, crate::focus::heading_takes_focus());
        } else if let Some(code) = session::shared() {
            // Opened in this tab before a reload, and neither kept nor closed.
            open(&code, false);
            said.set(Some(
                t!("The answers shared with you are still open here. Nothing of theirs has been kept yet.").into(),
            ));
        }
        clear_shared_link_mark();
        // A link pasted into the address bar of this very page changes only
        // the fragment.
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            if let Some(fragment) = take_fragment() {
                open(&fragment, true);
            }
        });
        on_cleanup(move || listener.remove());
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open(&input.get_untracked(), true);
    };
    let body = move || match stage.get() {
        Stage::Paste => view! {
            <PasteForm input error submit/>
        }
        .into_any(),
        Stage::Preview(shared) => view! { <Preview shared stage said/> }.into_any(),
        Stage::Mine(shared, rel) => {
            let saved_shared = shared.clone();
            let saved_rel = rel.clone();
            let on_saved = Callback::new(move |_id: String| {
                stage.set(Stage::Compare(saved_shared.clone(), saved_rel.clone()));
                focus_soon("#keep-title".into());
            });
            view! { <CheckinFormFor id=rel on_saved/> }.into_any()
        }
        Stage::Compare(shared, rel) => view! { <Compared shared rel stage said/> }.into_any(),
    };
    view! {
        <Title text=t!("Compare with someone")/>
        <div class="page narrow checkin-page compare-page">
            <PageHeading text=t!("Compare with someone")/>
            <p class="status-line" role="status">{move || said.get()}</p>
            {body}
        </div>
    }
}

#[component]
fn PasteForm(
    input: RwSignal<String>,
    error: RwSignal<Option<String>>,
    submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
) -> impl IntoView {
    let invalid = move || error.with(Option::is_some);
    view! {
        // What a shared link shows before the app has read it: the page's
        // first-screen script marks such a visit, and style/checkin.css
        // shows this instead of the form until the app opens the link.
        <div class="link-arriving">
            <p class="lead">{t!("Someone has shared a check-in with you: how close they feel to you, and where they would like more. It opens here in a moment.")}</p>
            <p>{t!("Closer is a free guide to closeness in friendships, families and partnerships. It runs in this browser alone: Closer keeps nothing of theirs or yours unless you choose to keep it, though your browser's history keeps the link itself.")}</p>
        </div>
        <p class="paste-intro">{t!("When someone shares a check-in with you, they send a link or a code. A link opens here by itself; a code you paste below. None of their answers are kept until you choose to keep them.")}</p>
        <p class="hint">{history_note()}</p>
        <form class="paste-form" on:submit=submit novalidate>
            <div class="field">
                <label for="code">{t!("Code or link")}</label>
                <p class="hint" id="code-hint">{t!("A code looks like 040Y-XNTZ-A4TG-6MV1-DQSW-6BCG. Capitals, spaces and hyphens do not matter.")}</p>
                <input
                    id="code"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    maxlength=MAX_INPUT_CHARS.to_string()
                    aria-describedby=move || if invalid() { "code-error code-hint" } else { "code-hint" }
                    aria-invalid=move || invalid().to_string()
                    prop:value=move || input.get()
                    on:input=move |ev| input.set(event_target_value(&ev))
                />
                <p class="field-error" id="code-error" role="alert">{move || error.get()}</p>
            </div>
            <button type="submit" class="button primary">{t!("Open")}</button>
        </form>
    }
}

/// "Close without keeping", from the preview or the comparison: back to
/// the empty form, saying so, with focus at the top of the page (the
/// button that had it is gone).
fn close_without_keeping(stage: RwSignal<Stage>, said: RwSignal<Option<String>>) {
    session::forget_shared();
    stage.set(Stage::Paste);
    said.set(Some(
        t!("Their answers were closed. Nothing of theirs was kept.").into(),
    ));
    focus_soon("h1".into());
}

/// What was received, and which relationship it is about.
#[component]
fn Preview(
    shared: Received,
    stage: RwSignal<Stage>,
    said: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let guide = checkin_guide();
    let from = sender_name(shared.name());
    let relationships =
        Memo::new(move |_| state.progress.with(|p| p.checkins.relationship_names()));
    // With no relationship yet, "someone new" is the only answer: chosen
    // already. Their first name, if they gave one, is the name to start
    // from (review m7).
    let only_new = relationships.with_untracked(Vec::is_empty);
    let choice = RwSignal::new(only_new.then(|| NEW.to_string()));
    let new_name = RwSignal::new(shared.name().unwrap_or_default().to_string());
    let problem = RwSignal::new(None::<String>);
    // A whole share shows their answers at once; a mutual-only one shows
    // nothing of them until there is a check-in of this person's own to
    // match them with.
    let answers = match &shared {
        Received::All(all) => {
            let rows = guide
                .kinds
                .iter()
                .filter_map(|k| all.kinds.get(&*k.id).map(|r| (k, *r)))
                .map(|(k, r)| {
                    view! {
                        <tr>
                            <th scope="row">{k.name.clone()}</th>
                            <td>{rating_words(r.now)}</td>
                            <td>{rating_words(r.wished)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="closeness-result">
                    <Drawing svg=closeness_picture_of(all.closeness, t!("them"), t!("you")) class="closeness-picture"/>
                    <p>{t!("They chose picture {picture}.", picture = guide.picture_name(all.closeness))}</p>
                </div>
                <ScrollTable label=t!("Their answers, in a table")>
                    <table class="figures received-figures">
                        <caption>{t!("Their answers")}</caption>
                        <thead><tr><th scope="col">{t!("Kind")}</th><th scope="col">{t!("Now")}</th><th scope="col">{t!("Wished for")}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </ScrollTable>
            }
            .into_any()
        }
        Received::Mutual(_) => view! {
            <p class="mutual-note">{t!("They chose to share only what you both want: the kinds where you would both like more. Once you have chosen who this is about, and your own check-in is here, you will see those kinds and nothing else.")}</p>
        }
        .into_any(),
    };
    let kept = shared.clone();
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rel = match choice.get_untracked() {
            None => {
                problem.set(Some(t!("Choose who this is about first.").into()));
                focus_first("input[name=about]");
                return;
            }
            Some(c) if c == NEW => match RelationshipName::parse(&new_name.get_untracked()) {
                Err(e) => {
                    problem.set(Some(e.to_string()));
                    focus_first("#about-name");
                    return;
                }
                Ok(name) => {
                    let id = random_id();
                    let add = Change::AddRelationship {
                        id: id.clone(),
                        name,
                    };
                    if let Err(e) = state.apply(add) {
                        problem.set(Some(e.to_string()));
                        return;
                    }
                    id
                }
            },
            Some(id) => id,
        };
        problem.set(None);
        let has_own = state
            .progress
            .with_untracked(|p| p.checkins.latest(&rel).is_some());
        let next = if has_own {
            Stage::Compare(kept.clone(), rel)
        } else {
            Stage::Mine(kept.clone(), rel)
        };
        stage.set(next);
        focus_soon(
            if has_own {
                "#keep-title"
            } else {
                "h2.embedded-heading"
            }
            .into(),
        );
    };
    let discard = move |_| close_without_keeping(stage, said);
    let (from_before, from_after) = around(t!("{name} shared a check-in"), "name");
    view! {
        <section class="panel received" aria-labelledby="received-title">
            <h2 id="received-title">{from_before}<Name name=from.clone()/>{from_after}</h2>
            <p class="when">{t!("From their check-in on {date}. Nothing has been kept in this browser yet.", date = shared_day(shared.noon()))}</p>
            <p class="hint">{history_note()}</p>
            {answers}
        </section>
        <form class="panel about-form" on:submit=go novalidate>
            <fieldset>
                <legend><h2>{t!("Who is this about?")}</h2></legend>
                <p class="hint">{t!("Choose your relationship with the person who sent it, to compare their answers with your own.")}</p>
                {move || relationships.get().into_iter().map(|(id, name)| {
                    let input_id = format!("about-{id}");
                    let value = id.clone();
                    view! {
                        <div class="choice">
                            <input type="radio" name="about" id=input_id.clone() value=id.clone()
                                prop:checked=move || choice.get().as_deref() == Some(value.as_str())
                                on:change=move |_| { problem.set(None); choice.set(Some(id.clone())) }/>
                            <label for=input_id><Name name/></label>
                        </div>
                    }
                }).collect_view()}
                <div class="choice">
                    <input type="radio" name="about" id="about-new" value=NEW
                        prop:checked=move || choice.get().as_deref() == Some(NEW)
                        on:change=move |_| { problem.set(None); choice.set(Some(NEW.to_string())) }/>
                    <label for="about-new">{t!("Someone not on my list yet")}</label>
                </div>
                <div class="field" hidden=move || choice.get().as_deref() != Some(NEW)>
                    <label for="about-name">{t!("Their name, as you would like to see it")}</label>
                    <p class="hint" id="about-name-hint">{t!("A nickname or an initial is enough, up to {max} characters.", max = NAME_MAX_CHARS)}</p>
                    <input id="about-name" type="text" autocomplete="off" aria-describedby="about-name-hint"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))/>
                </div>
            </fieldset>
            <p class="field-error" role="alert">{move || problem.get()}</p>
            <div class="form-actions">
                <button type="submit" class="button primary">{t!("Compare")}</button>
                <button type="button" class="button" on:click=discard>{t!("Close without keeping")}</button>
            </div>
        </form>
    }
}

/// Both side by side, and the choice to keep their answers.
#[component]
fn Compared(
    shared: Received,
    rel: String,
    stage: RwSignal<Stage>,
    said: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let go = use_go();
    let found = state.progress.with_untracked(|p| {
        let c = &p.checkins;
        let name = c.relationships.get(&rel).map(|r| r.name.clone())?;
        let mine = c.latest(&rel).map(|(_, m)| m.clone())?;
        Some((name, mine))
    });
    let Some((name, mine)) = found else {
        return view! {
            <p role="alert">{t!("This relationship is no longer here: it may have been deleted in another tab. Nothing of theirs was kept.")}</p>
        }
        .into_any();
    };
    let them = their_label(shared.name(), &name);
    let day = shared_day(shared.noon());
    let shared = match shared {
        Received::All(all) => all,
        Received::Mutual(more) => {
            let discard = move |_| close_without_keeping(stage, said);
            return view! {
                <p class="when">{t!("{them}'s check-in from {day}, beside your latest on “{name}”.", them = them, day = day, name = name)}</p>
                <section class="panel keep-panel" aria-labelledby="keep-title">
                    <h2 id="keep-title" tabindex="-1">{t!("Nothing of theirs is kept")}</h2>
                    <p>{t!("Answers shared only where you both want more are not kept in this browser. To see this again, open their link or code again.")}</p>
                    <div class="form-actions">
                        <button type="button" class="button" on:click=discard>{t!("Close")}</button>
                    </div>
                </section>
                <SharePanel check_in=mine.clone() back_to=them.clone() mutual_first=true/>
                <MutualComparison mine theirs=more them/>
            }
            .into_any();
        }
    };
    let to_keep = shared.clone();
    let keep_rel = rel.clone();
    let keep = move |_| {
        let id = random_id();
        let keep = Change::KeepReceived {
            relationship: keep_rel.clone(),
            id: id.clone(),
            shared: to_keep.clone(),
        };
        match state.apply(keep) {
            Ok(_) => {
                session::forget_shared();
                go(&Route::shared(&keep_rel, &id), Default::default())
            }
            Err(e) => said.set(Some(t!("{problem} Nothing was kept.", problem = e))),
        }
    };
    let discard = move |_| close_without_keeping(stage, said);
    view! {
        <p class="when">
            {pieces(&t!("{them}'s check-in from {day}, beside your latest on “{name}”.", day = day)).into_iter().map(|p| match p {
                Piece::Slot("them") => view! { <Name name=them.clone()/> }.into_any(),
                Piece::Slot(_) => view! { <Name name=name.clone()/> }.into_any(),
                Piece::Words(w) => w.to_string().into_any(),
            }).collect_view()}
        </p>
        <section class="panel keep-panel" aria-labelledby="keep-title">
            <h2 id="keep-title" tabindex="-1">{t!("Keep their answers?")}</h2>
            <p>{t!("Nothing of theirs is kept in this browser unless you choose to. If you keep them, you find this comparison again on the relationship's page, and you can delete them there at any time. “Erase everything” removes them too. Anyone who uses this browser can see kept answers, unless you set a lock on the page about your data.")}</p>
            <div class="form-actions">
                <button type="button" class="button primary" on:click=keep>{t!("Keep their answers")}</button>
                <button type="button" class="button" on:click=discard>{t!("Close without keeping")}</button>
            </div>
        </section>
        <SharePanel check_in=mine.clone() back_to=them.clone()/>
        <Comparison mine theirs=shared them/>
    }
    .into_any()
}
