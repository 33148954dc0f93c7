//! App-wide state: the person's progress and the one notice about storage.
//!
//! Views change progress only through [`AppState::update`], which saves it
//! right away through the storage adapter and turns any failure into a notice.

use crate::progress::{Millis, Progress};
use crate::storage::{Loaded, ProgressStore, StorageError};
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
                Loaded::Newer { .. } => (Progress::default(), Some(Notice::Newer), Some(store)),
            },
        };
        let (progress, set_progress) = signal(progress);
        AppState {
            progress,
            set_progress,
            notice: RwSignal::new(notice),
            dismissed_not_kept: RwSignal::new(false),
            store: StoredValue::new_local(store),
        }
    }

    /// Changes progress and saves it. A failed save keeps the change in memory,
    /// says so once, and is retried with the next change.
    pub fn update(&self, change: impl FnOnce(&mut Progress)) {
        self.set_progress.update(change);
        let result = self.store.with_value(|store| match store {
            Some(store) => self.progress.with_untracked(|p| store.save(p)),
            None => Err(StorageError::Unavailable("storage was not opened".into())),
        });
        match result {
            Ok(()) => {
                // A retry worked: the "not kept" notice is no longer true.
                if matches!(self.notice.get_untracked(), Some(Notice::NotKept { .. }))
                    && self.store.with_value(Option::is_some)
                {
                    self.notice.set(None);
                }
            }
            Err(e) => {
                if !self.dismissed_not_kept.get_untracked() && self.notice.get_untracked().is_none()
                {
                    let full = matches!(e, StorageError::WriteFailed { quota: true, .. });
                    self.notice.set(Some(Notice::NotKept { full }));
                }
            }
        }
    }

    /// Hides the notice for the rest of this visit.
    pub fn dismiss_notice(&self) {
        if matches!(self.notice.get_untracked(), Some(Notice::NotKept { .. })) {
            self.dismissed_not_kept.set(true);
        }
        self.notice.set(None);
    }
}

/// A fresh seed for the quiz's shuffles.
pub fn random_seed() -> u64 {
    // Math.random gives 52 random bits; mix in the clock for the rest.
    (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64 ^ (now() as u64).rotate_left(52)
}
