//! The lock screen: shown instead of every page while a lock is set and
//! this page holds no key. It shows nothing personal; it asks for the
//! passphrase, and offers the only answer to a forgotten one: erasing.

use crate::components::{Confirm, PageHeading, Title};
use crate::persist::{LockState, Persistence};
use crate::storage::lock::OpenError;
use closer_core::t;
use leptos::{html, prelude::*};

/// Where an unlock stands.
#[derive(Clone, PartialEq)]
enum Step {
    Asking,
    /// Deriving the key (about a second at 600,000 iterations).
    Opening,
    Wrong,
    /// Unlock pressed with the field empty.
    Empty,
    Failed(String),
}

/// The lock screen.
#[component]
pub fn LockScreen() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let step = RwSignal::new(Step::Asking);
    let forgetting = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let unreadable = move || matches!(state.lock.get(), LockState::Locked { unreadable: true });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if step.get_untracked() == Step::Opening {
            return;
        }
        let Some(field) = input.get_untracked() else {
            return;
        };
        let passphrase = field.value();
        if passphrase.is_empty() {
            step.set(Step::Empty);
            return;
        }
        step.set(Step::Opening);
        wasm_bindgen_futures::spawn_local(async move {
            match state.unlock(&passphrase).await {
                Ok(()) => {}
                Err(OpenError::Refused) => {
                    step.set(Step::Wrong);
                    if let Some(f) = input.get_untracked() {
                        f.set_value("");
                        let _ = f.focus();
                    }
                }
                Err(OpenError::Crypto(m)) => step.set(Step::Failed(m)),
            }
        });
    };
    let erase = move || {
        if let Err(e) = state.erase_locked() {
            step.set(Step::Failed(e.to_string()));
        }
    };

    view! {
        <Title text=t!("Locked")/>
        <div class="page narrow lock-screen">
            <PageHeading text=t!("Closer is locked")/>
            <p>{t!("What Closer keeps in this browser is locked with a passphrase. Enter it to continue.")}</p>
            {move || unreadable().then(|| view! {
                <p class="feedback wrong">
                    {t!("This version of Closer cannot open this lock: it was set by a newer version, or its details are damaged. Nothing was changed. ")}
                    {t!("Reload the page to get the newest version. If that does not help, the only thing left to do is to erase everything (below).")}
                </p>
            })}
            <form class="lock-form" on:submit=submit>
                <p class="field">
                    <label for="unlock-passphrase">{t!("Passphrase")}</label>
                    <input
                        id="unlock-passphrase"
                        type="password"
                        autocomplete="current-password"
                        node_ref=input
                        aria-describedby="unlock-status"
                        aria-invalid=move || matches!(step.get(), Step::Wrong | Step::Empty).then_some("true")
                    />
                </p>
                <button type="submit" class="button primary" prop:disabled=move || step.get() == Step::Opening || unreadable()>
                    {t!("Unlock")}
                </button>
            </form>
            <p id="unlock-status" class="lock-status" role="status" aria-live="polite">
                {move || match step.get() {
                    Step::Asking => String::new(),
                    Step::Opening => t!("Unlocking… this takes a moment.").into(),
                    Step::Wrong => t!("That passphrase doesn't open this lock. Nothing was changed; try again.").into(),
                    Step::Empty => t!("Type your passphrase first.").into(),
                    Step::Failed(m) => t!("This browser could not unlock Closer. Nothing was changed. Try again, or open Closer in an up-to-date browser. (The browser said: {m})", m = m),
                }}
            </p>
            <section class="panel" aria-labelledby="forgot-title">
                <h2 id="forgot-title">{t!("Forgotten your passphrase?")}</h2>
                <p>
                    {t!("Nobody can recover it, not even Closer: there is no copy anywhere. ")}
                    {t!("The only thing you can do is erase everything Closer keeps in this browser and start again.")}
                </p>
                {move || if forgetting.get() {
                    view! {
                        <Confirm question_id="forget-question" yes=t!("Yes, erase everything") keep=t!("Keep it locked") danger=true
                            on_yes=erase on_keep=move || forgetting.set(false)>
                            <strong>{t!("Erase everything and take the lock off? This can't be undone.")}</strong>
                        </Confirm>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=move |_| forgetting.set(true)>{t!("Erase everything…")}</button>
                    }.into_any()
                }}
            </section>
            <SafetyNow/>
        </div>
    }
}

/// The safety card's first lines, which a locked Closer still shows: the
/// support lesson is behind the lock like every page, and someone who has
/// forgotten the passphrase may need them most.
#[component]
fn SafetyNow() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="safety-now-title">
            <h2 id="safety-now-title">{t!("If you feel unsafe")}</h2>
            <ul>
                <li>{t!("In danger right now: contact your local emergency services.")}</li>
                <li>{t!("Thinking of harming yourself: a crisis line can help, and many are free at any hour.")}</li>
                <li>{t!("Someone at home hurting, threatening or controlling you: a domestic-abuse helpline can help you plan, ideally from a device they cannot check.")}</li>
                <li>{t!("Under 18: a helpline for young people, or an adult you trust, can help.")}</li>
            </ul>
        </section>
    }
}
