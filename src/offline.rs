//! Offline support in the page: registers the service worker (release builds
//! only) and learns when a new version is ready or has taken over, never
//! swapping it under the page the person is reading.
//!
//! A new version is announced whether it is already waiting when the page
//! registers, still installing then, or found later; and every open page
//! hears when one takes control (public/sw.js claims pages on activation and
//! tells them its build), so no tab goes on unaware that it runs an old build.
//!
//! The messages the page and the worker exchange are named once, in
//! [`message`]; the build writes them into the worker (see [`WORKER_MESSAGES`]).

use crate::paths::base_href;
use leptos::prelude::*;
use wasm_bindgen::{prelude::Closure, JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    MessageEvent, RegistrationOptions, ServiceWorker, ServiceWorkerContainer,
    ServiceWorkerRegistration, ServiceWorkerState,
};

/// The messages between the pages and the service worker (public/sw.js).
pub mod message {
    /// Worker to page, as `{ type, build }`: a worker took over the page,
    /// and this is its build.
    pub const ACTIVATED: &str = "activated";
    /// Page to worker: the waiting version may take over (the person chose "Reload").
    pub const SKIP_WAITING: &str = "skip-waiting";
    /// Page to worker: pages closed since may have freed an old build's cache.
    pub const TIDY: &str = "tidy";
    /// Page to worker: claim this page, which its activation missed.
    pub const CLAIM: &str = "claim";
}

/// Every message as the worker spells it: `(placeholder in public/sw.js,
/// message)`. The build tool (`render_worker` in tools/src/site.rs) puts
/// each message in place of its placeholder, so the two sides cannot drift.
pub const WORKER_MESSAGES: [(&str, &str); 4] = [
    ("__CLOSER_MSG_ACTIVATED__", message::ACTIVATED),
    ("__CLOSER_MSG_SKIP_WAITING__", message::SKIP_WAITING),
    ("__CLOSER_MSG_TIDY__", message::TIDY),
    ("__CLOSER_MSG_CLAIM__", message::CLAIM),
];

/// What the page knows about a newer version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// Nothing newer than this page.
    None,
    /// A new version is installed and waits for a reload.
    Waiting,
    /// A new version already answers this page (taken over from another tab):
    /// this page still runs the old one until it reloads.
    Active,
}

/// The page's update state, shared with the banner.
#[derive(Clone, Copy)]
pub struct Offline {
    /// What the banner should offer.
    pub update: RwSignal<Update>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    /// The person pressed Reload and waits for the new version to take over.
    reloading: StoredValue<bool>,
}

/// The build this page runs, as the build hook wrote it into
/// `<meta name="closer-build">` (none in development builds).
fn page_build() -> Option<String> {
    document()
        .query_selector("meta[name=closer-build]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
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

impl Offline {
    /// Starts offline support: registers the worker in release builds, and in
    /// development builds removes any worker an old release left behind.
    pub fn start() -> Offline {
        let offline = Offline {
            update: RwSignal::new(Update::None),
            registration: StoredValue::new_local(None),
            reloading: StoredValue::new(false),
        };
        if cfg!(not(target_arch = "wasm32")) {
            // The build's prerender: no browser, no worker.
        } else if cfg!(debug_assertions) {
            unregister_all();
        } else if let Some(container) = container() {
            offline.listen(&container);
            offline.register(container);
        }
        offline
    }

    /// Marks a newer version as waiting, unless one already answers the page.
    fn waiting(&self) {
        if self.update.get_untracked() == Update::None {
            self.update.set(Update::Waiting);
        }
    }

    /// Hears the worker: a new controller, and which build it is.
    fn listen(self, container: &ServiceWorkerContainer) {
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if self.reloading.get_value() {
                reload_page();
            }
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let mine = page_build();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = ev.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if field("type").as_deref() != Some(message::ACTIVATED) {
                return;
            }
            // A first install claims the page that installed it: same build, nothing to offer.
            if field("build").is_some() && field("build") != mine {
                self.update.set(Update::Active);
            }
        });
        container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }

    fn register(self, container: ServiceWorkerContainer) {
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
            self.watch(&reg, &container);
            // Pages closed since the last start may have freed an old build's cache.
            if let Some(active) = container.controller() {
                let _ = active.post_message(&JsValue::from_str(message::TIDY));
            }
            // A page whose navigation was under way while the worker activated
            // is missed by that activation's claim: once a worker is active,
            // such a page asks to be claimed, so it too works offline at once.
            if let Ok(ready) = container.ready() {
                let _ = JsFuture::from(ready).await;
            }
            if container.controller().is_none() {
                if let Some(active) = reg.active() {
                    let _ = active.post_message(&JsValue::from_str(message::CLAIM));
                }
            }
            // A page left open for long asks for updates now and then.
            let check = reg.clone();
            let _ = set_interval_with_handle(
                move || {
                    let _ = check.update();
                },
                std::time::Duration::from_secs(60 * 60),
            );
            self.registration.set_value(Some(reg));
        });
    }

    /// Watches a registration for a new version: waiting already, installing
    /// now, or found later.
    ///
    /// A worker is an update only if another worker was active when it began
    /// installing, and this page is controlled. Whether the page is
    /// controlled cannot alone tell, when the worker reaches "installed": the
    /// page hears that state change as a task of its own, and a busy browser
    /// (WebKit, seen under load) may deliver it only after the first worker
    /// has activated and claimed the page, so a first install looked like an
    /// update and offered "A new version is ready" on a first visit.
    fn watch(self, reg: &ServiceWorkerRegistration, container: &ServiceWorkerContainer) {
        // (A first install passes through "waiting" too, with nothing active.)
        if reg.waiting().is_some() && reg.active().is_some() && container.controller().is_some() {
            self.waiting();
        }
        let follow = {
            let reg = reg.clone();
            let container = container.clone();
            move |worker: ServiceWorker| {
                // Read now, while the registration still shows the worker it replaces.
                let replaces = reg.active().is_some();
                let watched = worker.clone();
                let container = container.clone();
                let on_state = Closure::<dyn FnMut()>::new(move || {
                    // A page loaded past the worker (a forced reload) is not
                    // controlled and already runs what the network had.
                    if watched.state() == ServiceWorkerState::Installed
                        && replaces
                        && container.controller().is_some()
                    {
                        self.waiting();
                    }
                });
                worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        };
        if let Some(installing) = reg.installing() {
            follow(installing);
        }
        let on_found = {
            let reg = reg.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some(installing) = reg.installing() {
                    follow(installing);
                }
            })
        };
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    }

    /// Switches this page to the new version: lets a waiting one take over
    /// and reloads once it has; reloads at once if it already answers.
    pub fn reload(&self) {
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
        match waiting {
            Some(worker) => {
                self.reloading.set_value(true);
                if worker
                    .post_message(&JsValue::from_str(message::SKIP_WAITING))
                    .is_err()
                {
                    reload_page();
                }
            }
            None => reload_page(),
        }
    }
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
