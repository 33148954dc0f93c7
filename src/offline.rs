//! Offline support in the page: registers the service worker (release builds
//! only) and offers a new version when one has been installed, never swapping
//! it under the page the person is reading.

use leptos::prelude::*;
use wasm_bindgen::{prelude::Closure, JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The site's base path as Trunk wrote it into `<base href>`: `/` or a sub-path like `/closer/`.
pub fn base_href() -> String {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(read_base_href).clone()
}

fn read_base_href() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .filter(|h| h.starts_with('/'))
        .unwrap_or_else(|| "/".into())
}

/// The router's base: the base path without its trailing slash (empty at the root).
pub fn router_base() -> String {
    base_href().trim_end_matches('/').to_string()
}

/// The href of an app path (`/quiz`) under the site's base (`/closer/quiz`).
/// leptos_router's `<A>` leaves absolute paths as they are, so every link
/// goes through this; `navigate()` adds the base itself and must not.
pub fn app_path(path: &str) -> String {
    format!("{}{path}", router_base())
}

/// The service worker API, where this browser and context offer it.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Missing in insecure contexts and some browsers; calling into `undefined` would throw.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|has| *has)
        .map(|_| navigator.service_worker())
}

fn reload_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Watches a registration and sets `ready` once a new version is installed
/// and waiting while this page runs an older one.
fn watch(
    reg: &ServiceWorkerRegistration,
    container: &ServiceWorkerContainer,
    ready: RwSignal<bool>,
) {
    if reg.waiting().is_some() && container.controller().is_some() {
        ready.set(true);
    }
    let on_found = {
        let reg = reg.clone();
        let container = container.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = reg.installing() else {
                return;
            };
            let watched = worker.clone();
            let container = container.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // With no controller this is the first install, not an update.
                if watched.state() == ServiceWorkerState::Installed
                    && container.controller().is_some()
                {
                    ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        })
    };
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

fn register(
    ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
) {
    let Some(container) = container() else { return };
    let base = base_href();
    let options = RegistrationOptions::new();
    options.set_scope(&base);
    let promise = container.register_with_options(&format!("{base}sw.js"), &options);
    spawn_local(async move {
        // Some automation (and perhaps a browser) resolves with no registration.
        let Ok(reg) = JsFuture::from(promise)
            .await
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>())
        else {
            return;
        };
        watch(&reg, &container, ready);
        // A page left open for long asks for updates now and then.
        let check = reg.clone();
        let _ = set_interval_with_handle(
            move || {
                let _ = check.update();
            },
            std::time::Duration::from_secs(60 * 60),
        );
        registration.set_value(Some(reg));
    });
}

/// In development builds an old release worker on the same port would serve
/// stale files: remove any.
fn unregister_all() {
    let Some(container) = container() else { return };
    spawn_local(async move {
        let Ok(list) = JsFuture::from(container.get_registrations()).await else {
            return;
        };
        for reg in js_sys::Array::from(&list).iter() {
            let _ = reg
                .unchecked_into::<ServiceWorkerRegistration>()
                .unregister();
        }
    });
}

/// "A new version of Closer is ready" with a "Reload" button, in a live
/// region that exists from the start.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(false);
    let registration = StoredValue::new_local(None::<ServiceWorkerRegistration>);
    if cfg!(debug_assertions) {
        unregister_all();
    } else {
        register(ready, registration);
    }
    let reload = move |_| {
        let waiting = registration.with_value(|r| r.as_ref().and_then(|r| r.waiting()));
        match (waiting, container()) {
            (Some(worker), Some(container)) => {
                // Reload once the new version has taken over, not before.
                let on_change = Closure::<dyn FnMut()>::new(reload_page);
                container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
                on_change.forget();
                if worker
                    .post_message(&JsValue::from_str("skip-waiting"))
                    .is_err()
                {
                    reload_page();
                }
            }
            _ => reload_page(),
        }
    };
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || ready.get().then(|| view! {
                <div class="notice update">
                    <p>"A new version of Closer is ready. Reload to use it; your progress is kept."</p>
                    <button type="button" class="button primary" on:click=reload>"Reload"</button>
                </div>
            })}
        </div>
    }
}
