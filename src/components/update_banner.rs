//! "A new version of Closer is ready" with a "Reload" button, in a live
//! region that exists from the start.

use crate::offline::{Offline, Update};
use closer_core::t;
use leptos::prelude::*;

/// Offers a new version, waiting or already installed by another tab.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let offline = expect_context::<Offline>();
    let reload = move |_| offline.reload();
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || {
                let text = match offline.update.get() {
                    Update::None => return None,
                    Update::Waiting => t!("A new version of Closer is ready. Reload to use it; your progress is kept."),
                    Update::Active => t!("A new version of Closer was installed in another tab. Reload to use it here; your progress is kept."),
                };
                Some(view! {
                    <div class="notice update">
                        <p>{text}</p>
                        <button type="button" class="button primary" on:click=reload>{t!("Reload")}</button>
                    </div>
                })
            }}
        </div>
    }
}
