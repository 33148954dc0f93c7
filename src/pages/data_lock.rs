//! The data page's lock panel: set a passphrase, change it, take it off,
//! choose the idle time, lock now.

use crate::components::Confirm;
use crate::lock::{strength, Strength, IDLE_CHOICES, MIN_PASSPHRASE_CHARS};
use crate::persist::{LockState, Persistence};
use closer_core::{t, tn};
use leptos::{html, prelude::*};

/// The id of the lock panel's heading, which reflection cards link to.
pub const LOCK_SECTION_ID: &str = "lock";

/// The hint beside a new passphrase.
fn strength_words(passphrase: &str) -> String {
    if passphrase.is_empty() {
        return tn!(
            "At least {n} character. A few unrelated words are easy to remember and hard to guess.",
            "At least {n} characters. A few unrelated words are easy to remember and hard to guess.",
            n = MIN_PASSPHRASE_CHARS
        );
    }
    match strength(passphrase) {
        Strength::TooShort => tn!(
            "Too short: use at least {n} character.",
            "Too short: use at least {n} characters.",
            n = MIN_PASSPHRASE_CHARS
        ),
        Strength::Weak => t!("Weak: someone with time could guess it. Longer is better.").into(),
        Strength::Fair => t!("Fair. A few more words would make it stronger.").into(),
        Strength::Strong => t!("Long and varied enough to be hard to guess.").into(),
    }
}

/// What a lock form reports.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working(&'static str),
    Problem(String),
    Done(&'static str),
}

/// A new passphrase, typed twice, with its strength; `on_set` gets it once
/// both match and it is long enough.
#[component]
fn NewPassphrase(
    /// The id prefix for the fields.
    prefix: &'static str,
    /// The submit button's words.
    action: &'static str,
    status: RwSignal<Status>,
    on_set: impl Fn(String) + 'static,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let confirm = NodeRef::<html::Input>::new();
    let first = NodeRef::<html::Input>::new();
    let pass_id = format!("{prefix}-passphrase");
    let confirm_id = format!("{prefix}-confirm");
    let hint_id = format!("{prefix}-strength");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if matches!(status.get_untracked(), Status::Working(_)) {
            return;
        }
        let passphrase = typed.get_untracked();
        let again = confirm
            .get_untracked()
            .map(|c| c.value())
            .unwrap_or_default();
        if strength(&passphrase) == Strength::TooShort {
            status.set(Status::Problem(tn!(
                "The passphrase needs at least {n} character. Nothing was changed.",
                "The passphrase needs at least {n} characters. Nothing was changed.",
                n = MIN_PASSPHRASE_CHARS
            )));
        } else if passphrase != again {
            status.set(Status::Problem(
                t!("The two passphrases are not the same. Nothing was changed.").into(),
            ));
        } else {
            if let Some(f) = first.get_untracked() {
                f.set_value("");
            }
            if let Some(c) = confirm.get_untracked() {
                c.set_value("");
            }
            typed.set(String::new());
            on_set(passphrase);
        }
    };
    view! {
        <form class="lock-form" on:submit=submit>
            <p class="field">
                <label for=pass_id.clone()>{t!("New passphrase")}</label>
                <input id=pass_id type="password" autocomplete="new-password" node_ref=first
                    aria-describedby=hint_id.clone()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
                <span id=hint_id class="hint" aria-live="polite">{move || strength_words(&typed.get())}</span>
            </p>
            <p class="field">
                <label for=confirm_id.clone()>{t!("The same passphrase again")}</label>
                <input id=confirm_id type="password" autocomplete="new-password" node_ref=confirm/>
            </p>
            <button type="submit" class="button primary" prop:disabled=move || matches!(status.get(), Status::Working(_))>{action}</button>
        </form>
    }
}

/// The lock panel on the data page.
#[component]
pub fn LockPanel() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let status = RwSignal::new(Status::Idle);
    let idle = RwSignal::new(crate::lock::DEFAULT_IDLE_MINUTES);
    let removing = RwSignal::new(false);
    let set = move |passphrase: String| {
        let minutes = idle.get_untracked();
        let changing = matches!(state.lock.get_untracked(), LockState::Open { .. });
        status.set(Status::Working(t!(
            "Setting the lock… this takes a moment."
        )));
        wasm_bindgen_futures::spawn_local(async move {
            status.set(match state.set_lock(&passphrase, minutes).await {
                Ok(()) if changing => Status::Done(t!("The passphrase was changed. Everything Closer keeps is locked with the new one.")),
                Ok(()) => Status::Done(t!("The lock is set. Everything Closer keeps in this browser is now encrypted with your passphrase.")),
                Err(e) => Status::Problem(t!("The lock could not be set ({e}). Nothing was changed.", e = e)),
            });
        });
    };
    let remove = move || {
        removing.set(false);
        status.set(Status::Working(t!("Taking the lock off…")));
        wasm_bindgen_futures::spawn_local(async move {
            status.set(match state.remove_lock().await {
                Ok(()) => Status::Done(t!("The lock is off. Closer keeps your progress in this browser as plain text again.")),
                Err(e) => Status::Problem(t!("The lock could not be taken off ({e}). Nothing was changed.", e = e)),
            });
        });
    };
    let on_idle = move |ev: leptos::ev::Event| {
        let minutes: u32 = event_target_value(&ev)
            .parse()
            .unwrap_or(crate::lock::DEFAULT_IDLE_MINUTES);
        idle.set(minutes);
        if matches!(state.lock.get_untracked(), LockState::Open { .. }) {
            status.set(match state.set_idle(minutes) {
                Ok(()) => Status::Done(t!("The idle time was changed.")),
                Err(e) => Status::Problem(t!("The idle time could not be changed ({e}).", e = e)),
            });
        }
    };
    Effect::new(move |_| {
        if let LockState::Open { idle_minutes } = state.lock.get() {
            idle.set(idle_minutes);
        }
    });
    let idle_select = move || {
        view! {
            <p class="field">
                <label for="lock-idle">{t!("Lock again after this long without a tap or key press")}</label>
                <select id="lock-idle" on:change=on_idle>
                    {IDLE_CHOICES.iter().map(|&m| view! {
                        <option value=m.to_string() selected=move || idle.get() == m>{tn!("{n} minute", "{n} minutes", n = m)}</option>
                    }).collect_view()}
                </select>
            </p>
        }
    };
    view! {
        <section class="panel lock-panel" aria-labelledby=LOCK_SECTION_ID>
            <h2 id=LOCK_SECTION_ID tabindex="-1">{t!("Lock")}</h2>
            <p class="lock-status" role="status" aria-live="polite">
                {move || match status.get() {
                    Status::Idle => String::new(),
                    Status::Working(m) | Status::Done(m) => m.to_string(),
                    Status::Problem(m) => m,
                }}
            </p>
            {move || match state.lock.get() {
                LockState::Open { .. } => view! {
                    <p>
                        {t!("A lock is set: everything Closer keeps in this browser is encrypted with your passphrase, \
                        and Closer asks for it when the page opens, after the idle time below, and after “Leave quickly”.")}
                    </p>
                    <p><button type="button" class="button primary" on:click=move |_| state.lock_now()>{t!("Lock now")}</button></p>
                    {idle_select()}
                    <h3>{t!("Change the passphrase")}</h3>
                    <NewPassphrase prefix="change" action=t!("Change the passphrase") status on_set=set/>
                    <h3>{t!("Take the lock off")}</h3>
                    <p>{t!("Your progress stays; it is kept as plain text again, readable by anyone who uses this browser.")}</p>
                    {move || if removing.get() {
                        view! {
                            <Confirm question_id="unlock-question" yes=t!("Yes, take the lock off") keep=t!("Keep the lock")
                                on_yes=remove on_keep=move || removing.set(false)>
                                <strong>{t!("Take the lock off?")}</strong>
                            </Confirm>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="button" on:click=move |_| removing.set(true)>{t!("Take the lock off…")}</button> }.into_any()
                    }}
                }.into_any(),
                _ => view! {
                    <p>
                        {t!("Anyone who uses this browser can read what Closer keeps: your notes, your check-ins and the names in them. ")}
                        {t!("A lock encrypts all of it with a passphrase that only you know. Closer then asks for the passphrase \
                        when the page opens, after a time without use, and after “Leave quickly”.")}
                    </p>
                    <p>
                        {t!("A lock does not hide that you use Closer, and it does not cover your browser's history, \
                        files you save or print (a calendar reminder, a printout, an export you choose to save unlocked), \
                        or the time while Closer is open and unlocked. ")}
                        {t!("Anyone who can use this browser can still erase everything, passphrase or not.")}
                    </p>
                    <p class="lock-warning">
                        <strong>{t!("If you forget the passphrase, nobody can open the lock, not even Closer. ")}</strong>
                        {t!("The only thing left to do is then to erase everything and start again. Choose one you will remember, or export a copy first.")}
                    </p>
                    {idle_select()}
                    <NewPassphrase prefix="lock" action=t!("Set the lock") status on_set=set/>
                }.into_any(),
            }}
        </section>
    }
}
