//! "Share to compare" on a check-in's result: first the care note and
//! exactly what would be shared, then, only when asked, a link (the answers
//! after its `#`), a code to copy, the browser's share sheet where there is
//! one, and a QR code of the link drawn here.
//!
//! Two ways to share: all the answers, or only what both want (the kinds
//! where this person would like more; the other person is shown only
//! those where they would like more too). The list of what will be shared
//! follows the choice, and names exactly what the code carries.

use super::{Chart, Name};
use crate::charts::qr_code;
use crate::checkin::CheckIn;
use crate::content::{checkin_guide, together_guide};
use crate::env::utc_offset_minutes;
use crate::routes::Route;
use crate::share::{grouped, MutualShared, Shared, FIRST_NAME_MAX_CHARS};
use crate::sharing::{can_share, copy, link_for, share, Shared as ShareOutcome};
use crate::time::long_date;
use closer_core::{
    t,
    text::{around, pieces, Piece},
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// The panel for one check-in.
#[component]
pub fn SharePanel(
    /// The check-in to share.
    check_in: CheckIn,
    /// Who shared theirs with this person, when this is the way to send
    /// one's own back (after a comparison): how the panel names them.
    #[prop(optional)]
    back_to: Option<String>,
    /// Start with "only what we both want" chosen (sending back a share
    /// that came that way).
    #[prop(optional)]
    mutual_first: bool,
) -> impl IntoView {
    let guide = checkin_guide();
    let mutual = RwSignal::new(mutual_first);
    // The kinds a mutual-only code would carry, in the guide's order.
    let more_names: Vec<String> = guide
        .kinds
        .iter()
        .filter(|k| check_in.kinds.get(&*k.id).is_some_and(|r| r.gap() > 0))
        .map(|k| k.name.to_string())
        .collect();
    let open = RwSignal::new(false);
    let made = RwSignal::new(false);
    let first_name = RwSignal::new(String::new());
    // What the last action said, and where: beside the button it answers.
    let said = RwSignal::new(None::<(Spot, String)>);
    let day = long_date(check_in.at, utc_offset_minutes());
    let picture = guide.picture_name(check_in.closeness);
    let check = check_in.clone();
    // The code for the name as typed, or why it cannot be made.
    let code = Memo::new(move |_| {
        first_name
            .with(|n| {
                if mutual.get() {
                    MutualShared::from_check_in(&check, n, utc_offset_minutes())
                        .and_then(|s| s.encode())
                } else {
                    Shared::from_check_in(&check, n, utc_offset_minutes()).and_then(|s| s.encode())
                }
            })
            .map_err(|e| e.to_string())
    });
    let more_list = if more_names.is_empty() {
        t!("none (in this check-in you did not wish for more of any kind)").to_string()
    } else {
        more_names.join(", ")
    };
    let unsafe_card = Route::if_unsafe().href();
    // The panel's title, with the other person's name set apart.
    let title = {
        let back_to = back_to.clone();
        move || match &back_to {
            None => t!("Share to compare").into_any(),
            Some(them) => {
                let (before, after) = around(t!("Send yours back to {name}"), "name");
                view! { {before} <Name name=them.clone()/> {after} }.into_any()
            }
        }
    };
    let title2 = title.clone();
    let say = move |spot: Spot, text: &str| said.set(Some((spot, text.to_string())));
    // `done` says it was copied; `failed` that it was not.
    let copy_text = move |text: String, done: &'static str, failed: &'static str, spot: Spot| {
        spawn_local(async move {
            let words = if copy(&text).await { done } else { failed };
            said.set(Some((spot, words.to_string())));
        });
    };
    // The status beside one button: always there (so a screen reader
    // announces what appears in it), empty until that button says something.
    let status = move |spot: Spot| {
        view! {
            <span class="copy-status" role="status">
                {move || said.with(|s| s.as_ref().filter(|(at, _)| *at == spot).map(|(_, t)| t.clone()))}
            </span>
        }
    };
    let result = move || {
        if !made.get() {
            return None;
        }
        Some(match code.get() {
            Err(e) => view! { <p class="field-error" id="first-name-error">{e}</p> }.into_any(),
            Ok(code) => {
                let link = link_for(&code);
                let shown = grouped(&code);
                let qr = qr_code(&link);
                let (l1, l2) = (link.clone(), link.clone());
                let c1 = shown.clone();
                view! {
                    <div class="share-result">
                        <h3>{t!("The link")}</h3>
                        <p class="hint">{t!("Your answers are written into the link itself, after the #. Closer has no server, and browsers do not send that part to websites. But the app you send it with sees the whole link, and anyone who can open the chat can read your answers. You can delete the message once they have opened it. The browser they open it in keeps it in its history too, until they delete it there; the code below, pasted into Closer, leaves no such trace.")}</p>
                        <div class="copy-row">
                            <label class="visually-hidden" for="share-link">{t!("Link to your answers")}</label>
                            <input id="share-link" type="text" readonly prop:value=link.clone() on:focus=|ev| select_all(&ev)/>
                            <button type="button" class="button" on:click=move |_| copy_text(l1.clone(), t!("Link copied."), t!("Copying did not work in this browser: select the link and copy it yourself."), Spot::Link)>{t!("Copy link")}</button>
                            {status(Spot::Link)}
                        </div>
                        {can_share().then(|| view! {
                            <p>
                                <button type="button" class="button" on:click=move |_| {
                                    let url = l2.clone();
                                    spawn_local(async move {
                                        match share(t!("Closer: compare check-ins"), t!("My Closer check-in, if you would like to see it. There is no need to reply."), &url).await {
                                            ShareOutcome::Sent => say(Spot::Share, t!("Shared.")),
                                            ShareOutcome::Cancelled => say(Spot::Share, t!("Nothing was shared.")),
                                            ShareOutcome::Failed => say(Spot::Share, t!("Sharing did not work in this browser: copy the link instead.")),
                                        }
                                    });
                                }>{t!("Share…")}</button>
                                " "
                                {status(Spot::Share)}
                            </p>
                        })}
                        <h3>{t!("Or the code")}</h3>
                        <p class="share-code" id="share-code">{shown.clone()}</p>
                        <p>
                            <button type="button" class="button" on:click=move |_| copy_text(c1.clone(), t!("Code copied."), t!("Copying did not work in this browser: select the code and copy it yourself."), Spot::Code)>{t!("Copy code")}</button>
                            " "
                            {status(Spot::Code)}
                        </p>
                        <p class="hint">{t!("They paste it into “Compare with someone” on Closer's home page.")}</p>
                        {qr.map(|svg| view! {
                            <figure class="qr">
                                <Chart svg label=t!("QR code of the link") class="qr-code"/>
                                <figcaption>{t!("Or they scan this with a phone camera. Anyone who can see this screen could scan it too.")}</figcaption>
                            </figure>
                        })}
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="panel share-panel" aria-labelledby="share-title">
            <h2 id="share-title">{title.clone()()}</h2>
            {match &back_to {
                None => view! {
                    <p>{t!("Send these answers to the person they are about, to compare and talk.")}</p>
                }.into_any(),
                Some(them) => view! {
                    <p>
                        {pieces(t!("{them} can see this comparison from their side once they have your answers. Send your latest check-in back to {them} the same way theirs came.")).into_iter().map(|p| match p {
                            Piece::Slot(_) => view! { <Name name=them.clone()/> }.into_any(),
                            Piece::Words(w) => w.into_any(),
                        }).collect_view()}
                    </p>
                }.into_any(),
            }}
            <button
                type="button"
                class="button"
                aria-expanded=move || open.get().to_string()
                aria-controls="share-details"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { t!("Hide sharing").into_any() } else { title2() }}
            </button>
            <div id="share-details" hidden=move || !open.get()>
                <p>{t!("Nothing is sent unless you send it yourself. Anyone who has the link or the code can read your answers, so send it only to them.")}</p>
                <div class="care">
                    {together_guide().care.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                    <p><A href=unsafe_card>{t!("What to do if you feel unsafe")}</A></p>
                </div>
                <fieldset class="share-mode">
                    <legend>{t!("What to share")}</legend>
                    <div class="choice">
                        <input type="radio" name="share-mode" id="share-mode-all"
                            aria-describedby="share-mode-all-hint"
                            prop:checked=move || !mutual.get()
                            on:change=move |_| { mutual.set(false); said.set(None); }/>
                        <label for="share-mode-all">{t!("All my answers")}</label>
                        <p class="hint" id="share-mode-all-hint">{t!("How close you feel, and all five kinds, now and wished for.")}</p>
                    </div>
                    <div class="choice">
                        <input type="radio" name="share-mode" id="share-mode-mutual"
                            aria-describedby="share-mode-mutual-hint"
                            prop:checked=move || mutual.get()
                            on:change=move |_| { mutual.set(true); said.set(None); }/>
                        <label for="share-mode-mutual">{t!("Only what we both want")}</label>
                        <p class="hint" id="share-mode-mutual-hint">{t!("Only the kinds where you would like more. They will see just the ones where they would like more too, and a line saying the rest was not shared.")}</p>
                    </div>
                </fieldset>
                <h3>{t!("What will be shared")}</h3>
                {move || if mutual.get() {
                    view! {
                        <ul class="share-preview">
                            <li>{t!("The kinds where you would like more: {kinds}", kinds = more_list)}</li>
                            <li>{t!("The day of this check-in ({day})", day = day)}</li>
                            <li>{t!("Your first name, only if you type it below")}</li>
                        </ul>
                        <p>{t!("Not your closeness picture, not how much of anything there is now, and nothing about the kinds where you are content or would like less. Closer shows them only the kinds they would like more of too, but the code holds every kind listed above, so send it only to them.")}</p>
                    }.into_any()
                } else {
                    view! {
                        <ul class="share-preview">
                            <li>{t!("The closeness picture you chose ({picture})", picture = picture)}</li>
                            <li>{t!("The five kinds, now and wished for")}</li>
                            <li>{t!("The day of this check-in ({day})", day = day)}</li>
                            <li>{t!("Your first name, only if you type it below")}</li>
                        </ul>
                    }.into_any()
                }}
                <p>{t!("Never your notes, your steps, the name you gave this relationship, or anything about your other relationships.")}</p>
                <div class="field">
                    <label for="first-name">{t!("Your first name (optional)")}</label>
                    <p class="hint" id="first-name-hint">{t!("So they know who it is from. Up to {max} letters; leave it empty to share no name.", max = FIRST_NAME_MAX_CHARS)}</p>
                    <input
                        id="first-name"
                        type="text"
                        autocomplete="off"
                        aria-describedby="first-name-hint"
                        aria-invalid=move || (made.get() && code.with(Result::is_err)).to_string()
                        prop:value=move || first_name.get()
                        on:input=move |ev| {
                            first_name.set(event_target_value(&ev));
                            // A message about the name as it was no longer holds.
                            said.set(None);
                        }
                    />
                </div>
                <p>
                    <button type="button" class="button primary" on:click=move |_| {
                        made.set(true);
                        say(Spot::Made, if code.with_untracked(Result::is_ok) {
                            t!("The link and the code are ready below.")
                        } else {
                            t!("The link could not be made: see the message below.")
                        });
                    }>
                        {t!("Make the link and code")}
                    </button>
                    " "
                    {status(Spot::Made)}
                </p>
                {result}
            </div>
        </section>
    }
}

/// Which button a status line answers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spot {
    /// "Make the link and code".
    Made,
    /// "Copy link".
    Link,
    /// "Share…".
    Share,
    /// "Copy code".
    Code,
}

/// Selects a read-only field's text when it gets focus, ready to copy.
fn select_all(ev: &leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}
