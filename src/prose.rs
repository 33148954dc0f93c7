//! The prose of lessons' cards and of the quiz, loaded when first needed.
//!
//! The binary holds the course with that prose taken out (see
//! [`crate::content::prose_file`]): ids, card types and answers stay, so
//! progress, resuming and scoring never wait. A page that shows cards or
//! questions asks here; the first ask starts the fetch of that one file, a
//! reactive read follows it until it lands, and on a page the service worker
//! does not control yet (a first visit) every file is also fetched in the
//! background once the app has mounted. The worker precaches them all, so
//! after the first visit they come from its cache, offline too.
//! Each file is filled into a copy of its skeleton once, and that copy lives
//! as long as the page, like the statics it stands in for.

// Natively the course embeds the whole text, and this loader is never used.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]

use crate::content::{
    course, fill_prose, prose_file, prose_files, Card, Lesson, Question, QUIZ_PROSE,
};
use leptos::{prelude::*, task::spawn_local};
use std::{cell::RefCell, collections::HashMap};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where a piece of prose stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loaded<T> {
    /// Here, filled in.
    Ready(T),
    /// On its way.
    Loading,
    /// The fetch failed or the file did not fit (offline on a first visit,
    /// say): [`retry`] tries again.
    Failed,
}

#[derive(Clone, Copy)]
enum Slot {
    Loading,
    Cards(&'static [Card]),
    Questions(&'static [Question]),
    Failed,
}

thread_local! {
    static SLOTS: RefCell<HashMap<&'static str, Slot>> = RefCell::new(HashMap::new());
    /// Notified whenever a slot changes, so views that read prose re-render.
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

fn slot(key: &'static str) -> Option<Slot> {
    SLOTS.with(|s| s.borrow().get(key).copied())
}

fn set(key: &'static str, value: Slot) {
    SLOTS.with(|s| s.borrow_mut().insert(key, value));
    CHANGED.with(|c| c.notify());
}

/// Reads the slot for `key` reactively, starting its fetch on the first ask.
fn read<T>(key: &'static str, ready: impl Fn(Slot) -> Option<T>) -> Loaded<T> {
    CHANGED.with(|c| c.track());
    match slot(key) {
        None => {
            start(key);
            Loaded::Loading
        }
        Some(Slot::Loading) => Loaded::Loading,
        Some(Slot::Failed) => Loaded::Failed,
        Some(s) => ready(s).map_or(Loaded::Failed, Loaded::Ready),
    }
}

/// The prose that the page at `route` shows: its lesson's, or the quiz's.
pub fn key_of(route: &crate::routes::Route) -> Option<&'static str> {
    use crate::routes::Route;
    match route {
        Route::Lesson { lesson } | Route::Card { lesson, .. } | Route::LessonDone { lesson } => {
            course().lesson(lesson).map(|l| &*l.id)
        }
        Route::QuizPlay | Route::QuizResults => Some(QUIZ_PROSE),
        _ => None,
    }
}

/// Loads the prose for `key` unless it is here or on its way, and returns
/// once it is here or has failed. The app waits on it before it takes over
/// a prerendered page that shows that prose, so the page's words never
/// give way to "Loading…" (src/main.rs).
pub async fn arrived(key: &'static str) {
    if slot(key).is_none() {
        begin(key).await;
    }
}

/// Waits for the prose of the page the browser shows (see [`arrived`]).
#[cfg(target_arch = "wasm32")]
pub async fn of_this_page() {
    if let Some(key) = crate::paths::current_route().and_then(|r| key_of(&r)) {
        arrived(key).await;
    }
}

/// A lesson's cards with their prose.
pub fn lesson_cards(lesson: &'static Lesson) -> Loaded<&'static [Card]> {
    // The native build (the prerender) embeds the whole text.
    #[cfg(not(target_arch = "wasm32"))]
    return Loaded::Ready(&lesson.cards);
    #[cfg(target_arch = "wasm32")]
    read(&lesson.id, |s| match s {
        Slot::Cards(cards) => Some(cards),
        _ => None,
    })
}

/// The quiz bank with its prose.
pub fn quiz_questions() -> Loaded<&'static [Question]> {
    #[cfg(not(target_arch = "wasm32"))]
    return Loaded::Ready(&course().questions);
    #[cfg(target_arch = "wasm32")]
    read(QUIZ_PROSE, |s| match s {
        Slot::Questions(questions) => Some(questions),
        _ => None,
    })
}

/// Forgets every failed fetch and starts each again.
pub fn retry() {
    let failed: Vec<&'static str> = SLOTS.with(|s| {
        s.borrow()
            .iter()
            .filter(|(_, v)| matches!(v, Slot::Failed))
            .map(|(k, _)| *k)
            .collect()
    });
    for key in failed {
        start(key);
    }
    CHANGED.with(|c| c.notify());
}

/// Starts the fetch of every prose file not yet asked for, all at once, so
/// that later pages open at once. Called once the app has mounted.
///
/// Not on a page that the service worker controls: there every file is in
/// its cache already and comes from it within milliseconds when first
/// needed, and Firefox reports an error for each fetch the worker is still
/// answering when the page navigates away, which a burst of fifteen makes
/// likely.
pub fn prefetch() {
    let controlled =
        web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
    if controlled {
        return;
    }
    for (key, _) in prose_files() {
        if slot(key).is_none() {
            start(key);
        }
    }
}

/// Marks `key` loading (quietly: whoever asked already shows that) and fetches it.
fn start(key: &'static str) {
    spawn_local(begin(key));
}

/// Marks `key` loading and gives the fetch to run.
fn begin(key: &'static str) -> impl std::future::Future<Output = ()> {
    SLOTS.with(|s| s.borrow_mut().insert(key, Slot::Loading));
    load(key)
}

async fn load(key: &'static str) {
    let filled = match prose_file(key) {
        Some(file) => fetch_text(file).await.ok().and_then(|t| fill(key, &t)),
        None => None,
    };
    set(key, filled.unwrap_or(Slot::Failed));
}

/// The file's prose put into its skeleton; `None` if it does not fit.
fn fill(key: &str, json: &str) -> Option<Slot> {
    let prose: Vec<String> = serde_json::from_str(json).ok()?;
    if key == QUIZ_PROSE {
        let questions = fill_prose(&course().questions, prose).ok()?;
        Some(Slot::Questions(Box::leak(questions.into_boxed_slice())))
    } else {
        let cards = fill_prose(&course().lesson(key)?.cards, prose).ok()?;
        Some(Slot::Cards(Box::leak(cards.into_boxed_slice())))
    }
}

/// GETs `file` (relative to the page's base, so a sub-path deploy works).
pub(crate) async fn fetch_text(file: &str) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(file))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::NULL);
    }
    JsFuture::from(response.text()?)
        .await?
        .as_string()
        .ok_or(JsValue::NULL)
}
