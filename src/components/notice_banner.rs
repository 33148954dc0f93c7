//! The one banner that tells a person what is happening to their progress.

use crate::download::{download_kept_copy, save_text_file};
use crate::notice::Notice;
use crate::persist::Persistence;
use crate::routes::Route;
use closer_core::t;
use leptos::prelude::*;
use leptos_router::components::A;

fn message(notice: &Notice) -> &'static str {
    match notice {
        Notice::NotKept { full: true } => t!(
            "This browser's storage is full, so your progress can't be saved right now. \
            Everything works, but it will be forgotten when you close this page. We'll keep trying."
        ),
        Notice::NotKept { full: false } => t!(
            "This browser isn't letting Closer save anything (private browsing can do that). \
            Everything works, but your progress will be forgotten when you close this page."
        ),
        Notice::ReadFailed => t!(
            "Closer couldn't read what it saved before, so it saved nothing this time rather \
            than risk writing over it. Everything works; it will try again with your next step."
        ),
        Notice::Recovered {
            backup_key: Some(_),
        } => t!(
            "Your saved progress couldn't be read, so Closer started fresh. \
            The original data was kept, untouched, in this browser."
        ),
        Notice::Recovered { backup_key: None } => t!(
            "Your saved progress couldn't be read. Closer left it untouched \
            and won't save over it, so progress from this visit won't be kept."
        ),
        Notice::Newer => t!(
            "A newer version of Closer saved your progress. This older copy won't change it: \
            reload the page to get the newer version."
        ),
    }
}

/// What a tab says when something else cleared the browser's storage.
fn cleared() -> &'static str {
    t!("Something else on this website cleared this browser's storage, and your Closer \
    progress with it. This tab kept a copy of your progress: you can put it back, or keep it as a file.")
}

/// A live region that always exists, so screen readers announce a notice when it appears.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let download_copy = move |_| {
        if let Some(copy) = state.cleared_copy.get_untracked() {
            let name = crate::progress::transfer::export_file_name(
                crate::env::now(),
                crate::env::utc_offset_minutes(),
            );
            save_text_file(&name, &copy.encode());
        }
    };
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || state.cleared_copy.with(Option::is_some).then(|| view! {
                <div class="notice">
                    <p>{cleared()}</p>
                    <div class="notice-actions">
                        <button type="button" class="button subtle" on:click=move |_| state.put_back_cleared()>
                            {t!("Put my progress back")}
                        </button>
                        <button type="button" class="button subtle" on:click=download_copy>
                            {t!("Download this copy")}
                        </button>
                        <button type="button" class="button subtle" on:click=move |_| state.let_cleared_go()>
                            {t!("Leave it cleared")}
                        </button>
                    </div>
                </div>
            })}
            {move || state.notice().map(|n| {
                // Unreadable data can be taken away as a file, exactly as it was found.
                let backup = match &n {
                    Notice::Recovered { backup_key: Some(key) } => Some(key.clone()),
                    _ => None,
                };
                view! {
                    <div class="notice">
                        <p>{message(&n)}</p>
                        <div class="notice-actions">
                            {backup.map(|key| {
                                let download = move |_| {
                                    download_kept_copy(&state, &key, "closer-unreadable");
                                };
                                view! {
                                    <button type="button" class="button subtle" on:click=download>
                                        {t!("Download the unreadable data")}
                                    </button>
                                    <A href=Route::Data.href() attr:class="button subtle">{t!("Your data")}</A>
                                }
                            })}
                            <button type="button" class="button subtle" on:click=move |_| state.dismiss_notice()>
                                {t!("Dismiss")}
                            </button>
                        </div>
                    </div>
                }
            })}
        </div>
    }
}
