//! App-wide state: the person's progress and the one notice about storage.
//!
//! Views change progress only through [`AppState::update`], which saves it
//! right away through the storage adapter and turns any failure into a notice.
//! Another tab's saves arrive through the `storage` event and are merged in,
//! never written over.

use crate::content::course;
use crate::progress::{Millis, Progress};
use crate::storage::{Loaded, ProgressStore, SaveOutcome, StorageError, KEY, PREVIOUS_KEY};
use leptos::prelude::*;

/// A message about storage, shown in the banner at the top of every page.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Storage is blocked or a write failed: the app works, but forgets on reload.
    NotKept {
        /// Storage is full rather than blocked.
        full: bool,
    },
    /// Saved data could not be read; the original text was kept aside.
    Recovered {
        /// Where the original text is kept, if it could be.
        backup_key: Option<String>,
    },
    /// A newer build saved the progress; this one leaves it alone.
    Newer,
}

/// Shared by every view through Leptos context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The person's progress. Read it freely; change it with [`AppState::update`].
    pub progress: ReadSignal<Progress>,
    set_progress: WriteSignal<Progress>,
    /// The notice on screen, if any.
    pub notice: RwSignal<Option<Notice>>,
    /// Notices the person has dismissed are not shown again in this visit.
    dismissed_not_kept: RwSignal<bool>,
    /// Whether the copy an import replaced is still kept (until the next save).
    pub import_backup: RwSignal<bool>,
    /// Bumped whenever the set of stored keys may have changed (for the data page).
    pub storage_changed: RwSignal<u32>,
    store: StoredValue<Option<ProgressStore>, LocalStorage>,
}

/// The browser's clock, in milliseconds since the epoch.
pub fn now() -> Millis {
    js_sys::Date::now()
}

impl AppState {
    /// Opens storage and reads saved progress. Never fails: whatever goes
    /// wrong, the app starts with something usable and a notice says what.
    pub fn init() -> AppState {
        let (progress, notice, store) = match ProgressStore::open() {
            Err(_) => (
                Progress::default(),
                Some(Notice::NotKept { full: false }),
                None,
            ),
            Ok(mut store) => match store.load(now()) {
                Loaded::Empty => (Progress::default(), None, Some(store)),
                Loaded::Found(p) => (p, None, Some(store)),
                Loaded::Unreadable { backup_key, .. } => (
                    Progress::default(),
                    Some(Notice::Recovered { backup_key }),
                    Some(store),
                ),
                Loaded::Newer { readable, .. } => (
                    readable.unwrap_or_default(),
                    Some(Notice::Newer),
                    Some(store),
                ),
            },
        };
        let import_backup = store
            .as_ref()
            .is_some_and(|s| s.raw(PREVIOUS_KEY).is_some());
        let (progress, set_progress) = signal(progress);
        let state = AppState {
            progress,
            set_progress,
            notice: RwSignal::new(notice),
            dismissed_not_kept: RwSignal::new(false),
            import_backup: RwSignal::new(import_backup),
            storage_changed: RwSignal::new(0),
            store: StoredValue::new_local(store),
        };
        state.listen_to_other_tabs();
        state
    }

    /// Whether progress is being kept in this browser.
    pub fn is_kept(&self) -> bool {
        self.store
            .with_value(|s| s.as_ref().is_some_and(ProgressStore::is_writable))
            && !matches!(self.notice.get_untracked(), Some(Notice::NotKept { .. }))
    }

    /// Runs `f` on the store, opening it first if it was blocked before
    /// (a browser may allow storage again, so every change tries once more).
    fn with_store<T>(
        &self,
        f: impl FnOnce(&mut ProgressStore) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        if self.store.with_value(Option::is_none) {
            if let Ok(store) = ProgressStore::open() {
                self.store.set_value(Some(store));
            }
        }
        let mut result = Err(StorageError::Unavailable("storage is blocked".into()));
        self.store.update_value(|store| {
            if let Some(store) = store {
                result = f(store);
            }
        });
        result
    }

    /// Changes progress and saves it. A failed save keeps the change in memory,
    /// says so once, and is retried with the next change.
    pub fn update(&self, change: impl FnOnce(&mut Progress)) {
        self.set_progress.update(change);
        self.save();
    }

    fn save(&self) {
        let progress = self.progress.get_untracked();
        match self.with_store(|store| store.save(&progress, course())) {
            Ok(SaveOutcome::Saved(merged)) => {
                if *merged != progress {
                    // Another tab had saved more: hold the joined copy.
                    self.set_progress.set(*merged);
                }
                if matches!(self.notice.get_untracked(), Some(Notice::NotKept { .. })) {
                    // A retry worked: the "not kept" notice is no longer true.
                    self.notice.set(None);
                }
                if self.import_backup.get_untracked() {
                    self.forget_import_backup();
                }
            }
            Ok(SaveOutcome::Skipped) => {}
            Ok(SaveOutcome::Newer { .. }) => self.notice.set(Some(Notice::Newer)),
            Err(e) => {
                if !self.dismissed_not_kept.get_untracked()
                    && !matches!(
                        self.notice.get_untracked(),
                        Some(Notice::Recovered { .. } | Notice::Newer)
                    )
                {
                    let full = matches!(e, StorageError::WriteFailed { quota: true, .. });
                    self.notice.set(Some(Notice::NotKept { full }));
                }
            }
        }
    }

    /// Another tab saved (or erased): join its progress with this tab's.
    fn listen_to_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let key = ev.key();
            if key.as_deref() != Some(KEY) && key.is_some() {
                return;
            }
            self.keys_may_have_changed();
            match ev.new_value() {
                // Erased in another tab (the key removed, or storage cleared):
                // the person asked for it to be gone, so it goes here too.
                None => self.set_progress.set(Progress::default()),
                Some(text) => match Progress::decode(&text) {
                    Ok(theirs) => {
                        let mine = self.progress.get_untracked();
                        let merged = mine.merge(&theirs, course());
                        if merged != mine {
                            self.set_progress.set(merged.clone());
                        }
                        // This tab knew things the other did not: save them too.
                        if merged != theirs {
                            self.save();
                        }
                    }
                    Err(crate::progress::DecodeError::Newer(_)) => {
                        self.store.update_value(|s| {
                            if let Some(s) = s {
                                s.stop_writing();
                            }
                        });
                        self.notice.set(Some(Notice::Newer));
                    }
                    // Something unreadable: the next save keeps it aside.
                    Err(_) => {}
                },
            }
        });
        // The listener lives as long as the app.
        std::mem::forget(handle);
    }

    /// Hides the notice for the rest of this visit.
    pub fn dismiss_notice(&self) {
        if matches!(self.notice.get_untracked(), Some(Notice::NotKept { .. })) {
            self.dismissed_not_kept.set(true);
        }
        self.notice.set(None);
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

    /// Offers a kept copy (unreadable data, or what an import replaced) as a
    /// download, byte for byte, named `<prefix>-<its time stamp>.json`.
    /// Returns the file name, or `None` if the browser refused.
    pub fn download_kept_copy(&self, key: &str, prefix: &str) -> Option<String> {
        let text = self.raw(key).unwrap_or_default();
        let stamp = key.rsplit('.').next().unwrap_or("copy");
        let name = format!("{prefix}-{stamp}.json");
        crate::download::save_text_file(&name, &text).then_some(name)
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
    /// until the next save. On failure nothing changes.
    pub fn import(&self, progress: Progress) -> Result<(), StorageError> {
        self.with_store(|s| s.replace(&progress))?;
        self.set_progress.set(progress);
        self.import_backup.set(true);
        self.keys_may_have_changed();
        if matches!(self.notice.get_untracked(), Some(Notice::Newer)) {
            self.notice.set(None);
        }
        Ok(())
    }

    /// Puts back the progress an import replaced.
    pub fn undo_import(&self) -> Result<(), StorageError> {
        let previous = self
            .raw(PREVIOUS_KEY)
            .and_then(|t| Progress::decode(&t).ok());
        let previous = previous.unwrap_or_default();
        self.with_store(|s| s.replace(&previous))?;
        self.forget_import_backup();
        self.set_progress.set(previous);
        Ok(())
    }

    fn forget_import_backup(&self) {
        self.store.with_value(|s| {
            if let Some(s) = s {
                s.forget(PREVIOUS_KEY);
            }
        });
        self.import_backup.set(false);
        self.keys_may_have_changed();
    }

    /// Erases everything Closer keeps in this browser, backups included, and
    /// starts afresh in memory.
    pub fn erase(&self) -> Result<(), StorageError> {
        let erased = self.with_store(|s| s.erase());
        if erased.is_ok() || self.store.with_value(Option::is_none) {
            self.set_progress.set(Progress::default());
            self.import_backup.set(false);
            self.notice.set(None);
            self.keys_may_have_changed();
        }
        erased
    }
}

/// A fresh seed for the quiz's shuffles.
pub fn random_seed() -> u64 {
    // Math.random gives 52 random bits; mix in the clock for the rest.
    (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64 ^ (now() as u64).rotate_left(52)
}
