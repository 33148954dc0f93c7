//! The one owner of stored progress: it opens the store, saves every change
//! (notes a moment later, and at once when the page is hidden or closed),
//! merges what other tabs save, and feeds the notice policy.
//!
//! Views change progress only through [`Persistence::apply`] (or
//! [`Persistence::apply_soon`] for typing): a [`Change`] that the core
//! makes or refuses, with the result going back to the view to put in
//! words. Another tab's saves arrive through the `storage` event and are
//! merged in, never written over.

use crate::content::{checkin_guide, course};
use crate::env::now;
use crate::notice::{Event, Notice, NoticePolicy};
use crate::progress::{Applied, Change, ChangeError, DecodeError, Guides, Progress};
use crate::storage::lock::{self as crypt, Key, Mirror, OpenError};
use crate::storage::{
    Loaded, ProgressStore, SaveOutcome, StorageError, Undo, IMPORT_KEY, KEY, LOCK_KEY, PREVIOUS_KEY,
};
use js_sys::JsString;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

/// Whether a lock is set, and whether this page holds its key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LockState {
    /// No lock is set: everything is stored as plain text.
    Off,
    /// A lock is set and this page has no key: nothing personal is held or
    /// shown; the lock screen asks for the passphrase.
    Locked {
        /// The stored header is from a newer build or damaged: this build
        /// cannot open it (and writes nothing).
        unreadable: bool,
    },
    /// Unlocked: the key is in this page's memory until it locks again.
    Open {
        /// Minutes without a key press or tap before it locks again.
        idle_minutes: u32,
    },
}

impl LockState {
    /// Whether the lock screen is showing.
    pub fn is_locked(self) -> bool {
        matches!(self, LockState::Locked { .. })
    }
}

/// How often the idle lock looks at the clock.
const IDLE_CHECK: Duration = Duration::from_secs(10);

/// How long typing may pause before a note is saved. Short enough that a
/// crash loses at most this much; long enough that a word is one write.
pub const NOTE_SAVE_DELAY: Duration = Duration::from_millis(400);

/// How long a change made by [`Persistence::apply_after_paint`] waits for
/// the frame that shows it before it is saved anyway.
pub const AFTER_PAINT_LIMIT: Duration = Duration::from_millis(250);

/// Shared by every view through Leptos context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Persistence {
    /// The person's progress. Read it freely; change it with [`Persistence::apply`].
    pub progress: ReadSignal<Progress>,
    set_progress: WriteSignal<Progress>,
    policy: RwSignal<NoticePolicy>,
    /// Whether "Undo the import" would put the copy an import replaced back:
    /// it is kept, and nothing was saved since the import (in any tab).
    pub import_backup: RwSignal<bool>,
    /// This tab's progress, kept aside when something other than Closer's
    /// own Erase cleared the browser's storage (another app on the same
    /// site), until the person puts it back or lets it go.
    pub cleared_copy: RwSignal<Option<Progress>>,
    /// Bumped whenever progress is erased, here or in another tab (note boxes empty).
    pub erased: RwSignal<u32>,
    /// Bumped whenever the set of stored keys may have changed (for the data page).
    pub storage_changed: RwSignal<u32>,
    /// Bumped each time this tab has written its progress to storage (what
    /// a note's quiet "Saved" waits for).
    pub saved: RwSignal<u32>,
    /// The optional lock (see [`LockState`]).
    pub lock: RwSignal<LockState>,
    store: StoredValue<Option<ProgressStore>, LocalStorage>,
    /// A save waiting for typing to pause.
    pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// When the person last pressed a key or touched the page (for the idle lock).
    last_active: StoredValue<f64, LocalStorage>,
}

impl Persistence {
    /// Opens storage and reads saved progress. Never fails: whatever goes
    /// wrong, the app starts with something usable and a notice says what.
    pub fn init() -> Persistence {
        let mut policy = NoticePolicy::default();
        // The build's prerender shows what a first visit shows: no storage
        // to open there, and nothing to say about it.
        let opened = if cfg!(target_arch = "wasm32") {
            ProgressStore::open().map(Some)
        } else {
            Ok(None)
        };
        let mut lock = LockState::Off;
        let (progress, store) = match opened {
            Ok(None) => (Progress::default(), None),
            Err(_) => {
                policy.on(Event::SaveFailed { full: false });
                (Progress::default(), None)
            }
            // A lock is set: nothing is read or written until it is opened.
            Ok(Some(store)) if crypt::stored_header(&store.local()).is_some() => {
                let unreadable = crypt::stored_header(&store.local()).is_some_and(|h| h.is_err());
                lock = LockState::Locked { unreadable };
                (Progress::default(), None)
            }
            Ok(Some(mut store)) => {
                let progress = read(store.load(now()), &mut policy);
                (progress, Some(store))
            }
        };
        let import_backup = store.as_ref().is_some_and(ProgressStore::can_undo_import);
        let (progress, set_progress) = signal(progress);
        let this = Persistence {
            progress,
            set_progress,
            policy: RwSignal::new(policy),
            import_backup: RwSignal::new(import_backup),
            cleared_copy: RwSignal::new(None),
            erased: RwSignal::new(0),
            storage_changed: RwSignal::new(0),
            saved: RwSignal::new(0),
            lock: RwSignal::new(lock),
            store: StoredValue::new_local(store),
            pending: StoredValue::new_local(None),
            last_active: StoredValue::new_local(now()),
        };
        if cfg!(target_arch = "wasm32") {
            this.listen_to_other_tabs();
            this.flush_when_leaving();
            this.lock_when_idle();
        }
        this
    }

    /// The notice on screen, if any.
    pub fn notice(&self) -> Option<Notice> {
        self.policy.with(|p| p.current().cloned())
    }

    fn tell(&self, event: Event) {
        let before = self.policy.with_untracked(|p| p.current().cloned());
        let mut next = self.policy.get_untracked();
        next.on(event);
        let changed = next.current() != before.as_ref();
        // Only a visible change re-renders the banner.
        if changed {
            self.policy.set(next);
        } else {
            self.policy.update_untracked(|p| *p = next);
        }
    }

    /// Whether progress is being kept in this browser.
    pub fn is_kept(&self) -> bool {
        // The build's prerender shows a first visit whose storage works, as
        // nearly every first visit's does; the app says otherwise if not.
        if cfg!(not(target_arch = "wasm32")) {
            return true;
        }
        self.store
            .with_value(|s| s.as_ref().is_some_and(ProgressStore::is_writable))
            && !self
                .policy
                .with_untracked(|p| p.current().is_some_and(Notice::is_about_saving))
    }

    /// Runs `f` on the store, opening it first if it was blocked before
    /// (a browser may allow storage again, so every change tries once more).
    fn with_store<T>(
        &self,
        f: impl FnOnce(&mut ProgressStore) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        // Locked: no key, so nothing may be written (plain text least of all).
        if self.lock.get_untracked().is_locked() {
            return Err(StorageError::Unavailable(closer_core::t!("locked").into()));
        }
        if self.store.with_value(Option::is_none) {
            if let Ok(store) = ProgressStore::open() {
                self.store.set_value(Some(store));
            }
        }
        let mut result = Err(StorageError::Unavailable(
            closer_core::t!("storage is blocked").into(),
        ));
        self.store.update_value(|store| {
            if let Some(store) = store {
                result = f(store);
            }
        });
        result
    }

    /// Makes a change (see [`Progress::apply`]) and saves it at once. A
    /// refused change leaves progress as it was, saves nothing, and its
    /// reason is for the view to say. A failed save keeps the change in
    /// memory, says so once, and is retried with the next change.
    pub fn apply(&self, change: Change) -> Result<Applied, ChangeError> {
        let applied = self.make(change)?;
        self.save();
        Ok(applied)
    }

    /// Makes a change now and saves it once changes pause for
    /// [`NOTE_SAVE_DELAY`] (typing), or when the page is hidden or closed,
    /// whichever comes first. Nothing typed is lost on closing the tab.
    pub fn apply_soon(&self, change: Change) -> Result<Applied, ChangeError> {
        let applied = self.make(change)?;
        self.save_soon();
        Ok(applied)
    }

    /// Makes a change now and saves it just after the frame that shows it, so
    /// that a click's feedback never waits for storage: at the start of the
    /// next frame the save is queued behind that frame. Until then it waits
    /// as a note's does (saved at once if the page is hidden or closed), and
    /// if no frame comes (a tab in the background draws none) it is saved
    /// after [`AFTER_PAINT_LIMIT`].
    pub fn apply_after_paint(&self, change: Change) -> Result<Applied, ChangeError> {
        let applied = self.make(change)?;
        self.save_in(AFTER_PAINT_LIMIT);
        let this = *self;
        request_animation_frame(move || {
            // Still waiting (no other save took it along): save once drawn.
            if this.pending.with_value(Option::is_some) {
                this.save_in(Duration::ZERO);
            }
        });
        Ok(applied)
    }

    /// Applies a change to the progress in memory; only a change that was
    /// made tells the views (a refused one re-renders nothing).
    fn make(&self, change: Change) -> Result<Applied, ChangeError> {
        let guides = Guides {
            course: course(),
            checkin: checkin_guide(),
        };
        self.set_progress
            .try_maybe_update(|p| {
                let result = p.apply(change, now(), guides);
                (result.is_ok(), result)
            })
            .expect("progress lives as long as the app")
    }

    /// Saves once changes pause for [`NOTE_SAVE_DELAY`].
    fn save_soon(&self) {
        self.save_in(NOTE_SAVE_DELAY);
    }

    /// Saves after `delay`, unless another save comes first; the save waits
    /// as [`Persistence::flush`] knows.
    fn save_in(&self, delay: Duration) {
        self.cancel_pending();
        let this = *self;
        let handle = set_timeout_with_handle(
            move || {
                this.pending.set_value(None);
                this.save();
            },
            delay,
        );
        match handle {
            Ok(h) => self.pending.set_value(Some(h)),
            // No timers (should not happen): save now rather than never.
            Err(_) => self.save(),
        }
    }

    /// Saves a change that is waiting for typing to pause, if any.
    pub fn flush(&self) {
        if self.cancel_pending() {
            self.save();
        }
    }

    /// Cancels the waiting save; true if there was one.
    fn cancel_pending(&self) -> bool {
        let handle = self.pending.try_update_value(Option::take).flatten();
        if let Some(h) = &handle {
            h.clear();
        }
        handle.is_some()
    }

    /// A page being hidden may never be shown again (closing a tab, switching
    /// app on a phone): save what is waiting then.
    fn flush_when_leaving(self) {
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| self.flush());
        let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
            if document().hidden() {
                self.flush();
            }
        });
        // Shown again from the back-forward cache (Back after leaving):
        // with a lock set, start again, locked, rather than show what was here.
        let on_show = window_event_listener(leptos::ev::pageshow, move |ev| {
            if ev.persisted() && matches!(self.lock.get_untracked(), LockState::Open { .. }) {
                reload();
            }
        });
        // The listeners live as long as the app.
        std::mem::forget((on_hide, on_hidden, on_show));
    }

    /// Locks again after the chosen idle time without a key press or tap.
    fn lock_when_idle(self) {
        let active = move |_: web_sys::Event| self.last_active.set_value(now());
        let keys = window_event_listener_untyped("keydown", active);
        let taps = window_event_listener_untyped("pointerdown", active);
        std::mem::forget((keys, taps));
        let handle = set_interval_with_handle(
            move || {
                if let LockState::Open { idle_minutes } = self.lock.get_untracked() {
                    let idle = now() - self.last_active.get_value();
                    if idle >= f64::from(idle_minutes) * 60_000.0 {
                        self.lock_now();
                    }
                }
            },
            IDLE_CHECK,
        );
        std::mem::forget(handle);
    }

    fn save(&self) {
        // Any change saved now carries a waiting note with it.
        self.cancel_pending();
        let progress = self.progress.get_untracked();
        match self.with_store(|store| store.save(&progress, course(), now())) {
            Ok(SaveOutcome::Saved(merged)) => {
                if *merged != progress {
                    // Another tab had saved more: hold the joined copy.
                    self.set_progress.set(*merged);
                }
                self.tell(Event::Saved);
                self.saved.update(|n| *n += 1);
                if self.import_backup.get_untracked() {
                    self.undo_may_have_changed();
                }
            }
            Ok(SaveOutcome::Skipped) => {}
            Ok(SaveOutcome::Replaced(loaded)) => self.take(*loaded),
            Ok(SaveOutcome::Newer { .. }) => self.tell(Event::NewerSeen),
            Err(StorageError::ReadFailed(_)) => self.tell(Event::ReadFailed),
            Err(e) => self.tell(Event::SaveFailed {
                full: matches!(e, StorageError::WriteFailed { quota: true, .. }),
            }),
        }
    }

    /// Takes what is stored as it is (read as at start-up): after another
    /// tab's import or undo, or this tab's undo.
    fn take(&self, loaded: Loaded) {
        self.cancel_pending();
        let mut policy = self.policy.get_untracked();
        let progress = read(loaded, &mut policy);
        self.policy.set(policy);
        self.set_progress.set(progress);
        self.undo_may_have_changed();
        self.keys_may_have_changed();
    }

    /// Another tab saved (or erased, imported, undid): join its progress with
    /// this tab's, or take it when it replaced what this tab holds.
    fn listen_to_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let key = ev.key();
            let new_value = ev.new_value();
            if key.as_deref() == Some(LOCK_KEY) {
                self.lock_changed_elsewhere(new_value);
                return;
            }
            match self.lock.get_untracked() {
                // No key: another tab's sealed values mean nothing here.
                LockState::Locked { .. } => {}
                LockState::Open { .. } => match (key, self.mirror()) {
                    (Some(key), Some(mirror)) => {
                        let then =
                            Rc::new(move |key: String, opened: Result<Option<JsString>, ()>| {
                                match opened {
                                    Ok(text) => self.on_storage(Some(key), text.map(String::from)),
                                    // Sealed with another passphrase: changed there.
                                    Err(()) => reload(),
                                }
                            });
                        mirror.receive(key, new_value, then);
                    }
                    // Cleared by something else: the lock's header went too.
                    (None, _) => reload(),
                    (Some(_), None) => {}
                },
                LockState::Off => self.on_storage(key, new_value),
            }
        });
        // The listener lives as long as the app.
        std::mem::forget(handle);
    }

    /// Another tab set, changed or took off the lock, or changed its idle time.
    fn lock_changed_elsewhere(&self, header: Option<String>) {
        let header = header.map(|h| crate::lock::LockHeader::decode(&h));
        match (self.lock.get_untracked(), header) {
            (LockState::Open { .. }, Some(Ok(h)))
                if self.mirror().is_some_and(|m| m.key().made(&h.check)) =>
            {
                self.lock.set(LockState::Open {
                    idle_minutes: h.idle_minutes,
                });
            }
            // Set here for the first time, changed, or taken off: start
            // again from what is stored now. Nothing is saved first: a
            // plain save would undo the lock, and an old key's would be unreadable.
            (LockState::Locked { .. }, Some(_)) => {}
            _ => {
                self.cancel_pending();
                reload();
            }
        }
    }

    /// What another tab stored under `key` (opened, when locked).
    fn on_storage(self, key: Option<String>, new_value: Option<String>) {
        {
            match key.as_deref() {
                // The whole storage was cleared: Closer's own Erase removes its
                // keys one by one, so this was something else (another app on
                // the same site). Not an erase the person asked for: this
                // tab's copy is kept aside, and the person is asked.
                None => {
                    self.cancel_pending();
                    let mine = self.progress.get_untracked();
                    self.store.update_value(|s| {
                        if let Some(s) = s {
                            s.cleared();
                        }
                    });
                    if mine != Progress::default() {
                        self.cleared_copy.set(Some(mine));
                    }
                    self.set_progress.set(Progress::default());
                    self.undo_may_have_changed();
                    self.keys_may_have_changed();
                    return;
                }
                Some(PREVIOUS_KEY) => {
                    self.undo_may_have_changed();
                    self.keys_may_have_changed();
                    return;
                }
                // An import's or undo's mark: written before the progress,
                // whose own event is where this tab takes the new copy.
                Some(IMPORT_KEY) => {
                    self.undo_may_have_changed();
                    return;
                }
                Some(KEY) => {}
                Some(_) => return,
            }
            self.keys_may_have_changed();
            let replaced = self
                .store
                .try_update_value(|s| s.as_mut().and_then(|s| s.adopt_if_replaced(now())))
                .flatten();
            if let Some(loaded) = replaced {
                self.take(loaded);
                return;
            }
            self.undo_may_have_changed();
            match new_value {
                // Erased in another tab (its Erase removes the key): the
                // person asked for it to be gone, so it goes here too, with
                // any note still waiting to be saved.
                None => {
                    self.cancel_pending();
                    self.store.update_value(|s| {
                        if let Some(s) = s {
                            s.cleared();
                        }
                    });
                    self.set_progress.set(Progress::default());
                    self.erased.update(|n| *n += 1);
                }
                Some(text) => match Progress::decode(&text) {
                    Ok(theirs) => {
                        let mine = self.progress.get_untracked();
                        let merged = mine.merge(&theirs, course());
                        if merged != mine {
                            self.set_progress.set(merged.clone());
                        }
                        // This tab knew things the other did not: save them too
                        // (unless a waiting note save will do it shortly).
                        if merged != theirs && self.pending.with_value(Option::is_none) {
                            self.save();
                        }
                    }
                    Err(DecodeError::Newer(_)) => {
                        self.store.update_value(|s| {
                            if let Some(s) = s {
                                s.stop_writing();
                            }
                        });
                        self.tell(Event::NewerSeen);
                    }
                    // Something unreadable: the next save keeps it aside.
                    Err(_) => {}
                },
            }
        }
    }

    /// The decrypted store, while the lock is open.
    fn mirror(&self) -> Option<Rc<Mirror>> {
        self.store
            .with_value(|s| s.as_ref().and_then(ProgressStore::mirror))
    }

    /// Locks now: whatever is waiting is sealed and stored first, then the
    /// page starts again, locked, so that the key and everything decrypted
    /// leave memory with it.
    pub fn lock_now(&self) {
        self.flush();
        let mirror = self.mirror();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(m) = mirror {
                m.settled().await;
            }
            reload();
        });
    }

    /// Opens the lock with `passphrase` and reads what it protects. A wrong
    /// passphrase changes nothing, here or in storage.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), OpenError> {
        let store = ProgressStore::open().map_err(|e| OpenError::Crypto(e.to_string()))?;
        let storage = store.local();
        let header = match crypt::stored_header(&storage) {
            Some(Ok(h)) => h,
            Some(Err(e)) => return Err(OpenError::Crypto(e.to_string())),
            // Taken off in another tab meanwhile: nothing to open.
            None => {
                reload();
                return Ok(());
            }
        };
        let key = crypt::unlock(passphrase, &header).await?;
        let values = Mirror::read_all(&storage, &key).await;
        // The page that opens now follows the person's own step: its
        // heading takes focus, as after a move within the app.
        crate::focus::moved_on();
        self.open_with(Mirror::new(storage, key, values), header.idle_minutes);
        Ok(())
    }

    /// Holds `mirror` as this page's store and reads the progress in it.
    fn open_with(&self, mirror: Rc<Mirror>, idle_minutes: u32) {
        let this = *self;
        mirror.on_write(Rc::new(move |result: Result<(), StorageError>| {
            if let Err(e) = result {
                this.tell(Event::SaveFailed {
                    full: matches!(e, StorageError::WriteFailed { quota: true, .. }),
                });
            }
        }));
        let mut store = ProgressStore::locked(mirror);
        let loaded = store.load(now());
        self.store.set_value(Some(store));
        self.last_active.set_value(now());
        self.lock.set(LockState::Open { idle_minutes });
        self.take(loaded);
    }

    /// Sets a lock (or, with one set, changes its passphrase): everything
    /// stored is sealed with the new key and stored at once, or nothing is.
    pub async fn set_lock(&self, passphrase: &str, idle_minutes: u32) -> Result<(), StorageError> {
        let crypto = |e: OpenError| StorageError::WriteFailed {
            quota: false,
            message: format!("{e:?}"),
        };
        let (key, header) = crypt::new_lock(passphrase, idle_minutes)
            .await
            .map_err(crypto)?;
        self.rewrite(Some((key, header))).await
    }

    /// Takes the lock off: everything is stored as plain text again.
    pub async fn remove_lock(&self) -> Result<(), StorageError> {
        self.rewrite(None).await
    }

    /// Stores everything again under `next` (a new key and header, or none),
    /// all at once or not at all, and goes on with the new store.
    async fn rewrite(
        &self,
        next: Option<(Key, crate::lock::LockHeader)>,
    ) -> Result<(), StorageError> {
        self.flush();
        let mine = self.progress.get_untracked();
        let storage = self.with_store(|s| Ok(s.local()))?;
        let old = self.mirror();
        let mut attempts = 0;
        let values = loop {
            let values: BTreeMap<String, JsString> = match &old {
                Some(m) => {
                    m.settled().await;
                    m.values()
                }
                None => crypt::closer_keys(&storage)
                    .into_iter()
                    .filter(|k| k != LOCK_KEY)
                    .filter_map(|k| self.raw_text(&k).map(|t| (k, t)))
                    .collect(),
            };
            if let Some(m) = &old {
                m.close();
            }
            let (key, header) = match &next {
                Some((k, h)) => (Some(k), Some(h)),
                None => (None, None),
            };
            match crypt::write_all(&storage, key, header, &values, old.is_none()).await {
                Ok(()) => break values,
                Err(StorageError::ReadFailed(_)) if attempts < 3 => attempts += 1,
                Err(e) => {
                    if let Some(m) = &old {
                        m.reopen();
                    }
                    return Err(e);
                }
            }
        };
        // Changes made while sealing went into the old mirror's values.
        let values = old.as_ref().map(|m| m.values()).unwrap_or(values);
        match next {
            Some((key, header)) => {
                let mirror = Mirror::new(storage, key, values);
                self.open_with(mirror, header.idle_minutes);
            }
            None => {
                let mut store = ProgressStore::open()?;
                let loaded = store.load(now());
                self.store.set_value(Some(store));
                self.lock.set(LockState::Off);
                self.take(loaded);
            }
        }
        // Anything this tab held that was not yet stored is saved again.
        let joined = self.progress.get_untracked().merge(&mine, course());
        if joined != self.progress.get_untracked() {
            self.set_progress.set(joined);
        }
        self.save();
        Ok(())
    }

    /// A new idle time for the lock (its plain header only).
    pub fn set_idle(&self, minutes: u32) -> Result<(), StorageError> {
        let result = self.with_store(|s| crypt::set_idle(&s.local(), minutes));
        if let (Ok(idle_minutes), LockState::Open { .. }) = (&result, self.lock.get_untracked()) {
            self.lock.set(LockState::Open {
                idle_minutes: *idle_minutes,
            });
        }
        result.map(|_| ())
    }

    /// `text` sealed with the lock's key for an exported file, if a lock is open.
    pub async fn seal_export(&self, text: &str) -> Option<String> {
        let mirror = self.mirror()?;
        crypt::seal(mirror.key(), crypt::EXPORT_AAD, &JsString::from(text))
            .await
            .ok()
            .map(|e| e.encode())
    }

    /// The kept copy under `key`, byte for byte, sealed with the lock's key
    /// for a file (as an export is), if a lock is open and the copy is there.
    pub async fn seal_kept_copy(&self, key: &str) -> Option<String> {
        let mirror = self.mirror()?;
        let text = self.raw_text(key)?;
        crypt::seal(mirror.key(), crypt::EXPORT_AAD, &text)
            .await
            .ok()
            .map(|e| e.encode())
    }

    /// Erases everything while locked (the passphrase is forgotten): the
    /// lock goes with it, and Closer starts afresh.
    pub fn erase_locked(&self) -> Result<(), StorageError> {
        crate::storage::session::forget_shared();
        crate::storage::language::forget();
        let store = ProgressStore::open()?;
        crypt::erase_everything(&store.local())?;
        self.lock.set(LockState::Off);
        let mut store = store;
        let loaded = store.load(now());
        self.store.set_value(Some(store));
        self.take(loaded);
        self.erased.update(|n| *n += 1);
        self.tell(Event::Erased);
        Ok(())
    }

    /// The text under a key, exactly as stored (UTF-16).
    fn raw_text(&self, key: &str) -> Option<JsString> {
        self.store
            .with_value(|s| s.as_ref().and_then(|s| s.text(key)))
    }

    /// Hides the notice for the rest of this visit.
    pub fn dismiss_notice(&self) {
        self.tell(Event::Dismissed);
    }

    /// The text stored under a key, if storage can be read.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.store
            .with_value(|s| s.as_ref().and_then(|s| s.raw(key)))
    }

    /// Tells views that list stored keys (the data page) to read them again.
    fn keys_may_have_changed(&self) {
        self.storage_changed.update(|n| *n += 1);
    }

    /// Every key Closer keeps, and the kept copies among them.
    pub fn stored_keys(&self) -> (Vec<String>, Vec<String>) {
        self.storage_changed.track();
        self.store.with_value(|s| {
            s.as_ref()
                .map(|s| (s.keys(), s.backups()))
                .unwrap_or_default()
        })
    }

    /// Replaces progress with an imported copy; the copy it replaces is kept
    /// (see [`ProgressStore::replace`]). On failure nothing changes, with a
    /// lock set too: the sealed writes are stored all together or not at
    /// all, and this waits to hear which.
    pub async fn import(&self, progress: Progress) -> Result<(), StorageError> {
        self.cancel_pending();
        self.all_or_nothing(|s| s.replace(&progress)).await?;
        self.set_progress.set(progress);
        self.undo_may_have_changed();
        self.keys_may_have_changed();
        self.tell(Event::Imported);
        Ok(())
    }

    /// Runs `change` on the store; with a lock set, its writes are sealed and
    /// stored as one (see [`Mirror::commit`]), and when that fails the store
    /// and this tab's values are as they were before, as when a plain write
    /// throws.
    async fn all_or_nothing<T>(
        &self,
        change: impl FnOnce(&mut ProgressStore) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        let Some(mirror) = self.mirror() else {
            return self.with_store(change);
        };
        let before = self
            .store
            .with_value(|s| s.as_ref().map(ProgressStore::checkpoint));
        mirror.begin();
        let changed = self.with_store(change);
        let stored = mirror.commit().await;
        if let (Ok(_), Err(e)) = (&changed, stored) {
            if let Some(before) = before {
                self.store.update_value(|s| {
                    if let Some(s) = s {
                        s.restore(before);
                    }
                });
            }
            return Err(e);
        }
        changed
    }

    /// Adds a file's progress to this one (a merge, as with another tab's
    /// save; no new import generation) and saves it.
    pub fn import_merged(&self, merged: Progress) {
        self.set_progress.set(merged);
        self.save();
    }

    /// Puts back the progress an import replaced, byte for byte, if nothing
    /// was saved since the import (see [`ProgressStore::undo_import`]). With
    /// a lock set, as without: if it cannot be stored, nothing changes.
    pub async fn undo_import(&self) -> Result<Undo, StorageError> {
        // A note still waiting to be saved is a change made since the import.
        self.flush();
        let undo = self.all_or_nothing(|s| s.undo_import(now())).await;
        if let Ok(Undo::Restored(loaded)) = &undo {
            self.take((**loaded).clone());
        }
        self.undo_may_have_changed();
        self.keys_may_have_changed();
        undo
    }

    /// Reads again whether an import can be undone.
    fn undo_may_have_changed(&self) {
        let can = self
            .store
            .with_value(|s| s.as_ref().is_some_and(ProgressStore::can_undo_import));
        if self.import_backup.get_untracked() != can {
            self.import_backup.set(can);
        }
    }

    /// Writes back the progress this tab kept aside when something else
    /// cleared storage, joined with anything saved since.
    pub fn put_back_cleared(&self) {
        if let Some(copy) = self.cleared_copy.get_untracked() {
            let joined = self.progress.get_untracked().merge(&copy, course());
            self.set_progress.set(joined);
            self.cleared_copy.set(None);
            self.save();
        }
    }

    /// Lets the copy kept aside after a clear go: storage stays as it is.
    pub fn let_cleared_go(&self) {
        self.cleared_copy.set(None);
    }

    /// Erases everything Closer keeps in this browser, backups included, and
    /// starts afresh in memory.
    pub fn erase(&self) -> Result<(), StorageError> {
        self.cancel_pending();
        crate::storage::session::forget_shared();
        // The language chosen goes too; this page stays in its language.
        crate::storage::language::forget();
        let erased = self.with_store(|s| s.erase());
        if erased.is_ok() && self.lock.get_untracked() != LockState::Off {
            // Erasing everything takes the lock off too.
            self.lock.set(LockState::Off);
        }
        if erased.is_ok() || self.store.with_value(Option::is_none) {
            self.set_progress.set(Progress::default());
            self.cleared_copy.set(None);
            self.erased.update(|n| *n += 1);
            self.tell(Event::Erased);
        }
        // A removal that threw stops the erase before the progress (removed
        // last), so it is still stored; kept copies may be gone.
        self.undo_may_have_changed();
        self.keys_may_have_changed();
        erased
    }
}

/// Starts the page again (to lock: nothing decrypted survives a reload).
fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The progress to hold after reading storage, and what to tell about it.
fn read(loaded: Loaded, policy: &mut NoticePolicy) -> Progress {
    match loaded {
        Loaded::Empty => Progress::default(),
        Loaded::Found(p) => p,
        Loaded::Unreadable { backup_key, .. } => {
            policy.on(Event::Unreadable { backup_key });
            Progress::default()
        }
        Loaded::Newer { readable, .. } => {
            policy.on(Event::NewerSeen);
            readable.unwrap_or_default()
        }
    }
}
