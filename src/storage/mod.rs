//! The only code that touches `localStorage`.
//!
//! Every call that can throw is caught and turned into a typed error, so no
//! storage failure can panic the app: blocked storage (reading
//! `window.localStorage` throws in some private modes), a full quota, or data
//! this build cannot read. (gloo-storage's `LocalStorage` panics when storage
//! is blocked and hides the raw text we must keep, so it is not used here.)

use crate::progress::{DecodeError, Millis, Progress};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

/// The one key progress lives under.
pub const KEY: &str = "closer.progress";

/// Prefix of the keys that keep unreadable data, byte for byte, with the time
/// it was found (`closer.progress.unreadable.1732450000000`).
pub const BACKUP_PREFIX: &str = "closer.progress.unreadable.";

/// What can go wrong with storage.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// `localStorage` is missing or reading it throws (blocked by the browser).
    Unavailable(String),
    /// `setItem` threw; `quota` when the browser said storage is full.
    WriteFailed {
        /// The browser reported `QuotaExceededError`.
        quota: bool,
        /// The browser's own words.
        message: String,
    },
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(m) => write!(f, "this browser does not allow storage ({m})"),
            StorageError::WriteFailed { quota: true, .. } => {
                write!(f, "this browser's storage is full")
            }
            StorageError::WriteFailed { message, .. } => write!(f, "saving failed ({message})"),
        }
    }
}

/// What was found under [`KEY`] when the app started.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Empty,
    /// Progress, read as it was saved.
    Found(Progress),
    /// Stored text that is not readable progress. It was copied, unchanged,
    /// under `backup_key` (`None` if even that copy could not be written, in
    /// which case the store will not write at all).
    Unreadable {
        /// Why it could not be read.
        error: DecodeError,
        /// Where the original text is kept.
        backup_key: Option<String>,
    },
    /// Progress saved by a newer build. The store will not write over it.
    Newer {
        /// The schema it was saved with.
        schema: u32,
    },
}

/// Progress in `localStorage`: one key, a versioned JSON envelope.
pub struct ProgressStore {
    storage: Storage,
    /// False when writing could destroy data this build cannot read.
    writable: bool,
}

fn describe(err: &JsValue) -> String {
    err.dyn_ref::<DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}

fn write_error(err: JsValue) -> StorageError {
    let quota = err.dyn_ref::<DomException>().is_some_and(|e| {
        // Chromium and Firefox name it differently; the legacy code 22 covers old engines.
        e.name() == "QuotaExceededError"
            || e.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || e.code() == 22
    });
    StorageError::WriteFailed {
        quota,
        message: describe(&err),
    }
}

impl ProgressStore {
    /// Opens `window.localStorage`, without panicking when it is blocked.
    pub fn open() -> Result<ProgressStore, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(ProgressStore {
                storage,
                writable: true,
            }),
            Ok(None) => Err(StorageError::Unavailable("localStorage is missing".into())),
            Err(e) => Err(StorageError::Unavailable(describe(&e))),
        }
    }

    /// Reads stored progress. Never destroys anything: unreadable text is
    /// copied to a backup key first, and data from a newer build is left alone
    /// (this store then refuses to write).
    pub fn load(&mut self, now: Millis) -> Loaded {
        let raw = match self.storage.get_item(KEY) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Loaded::Empty,
            Err(e) => {
                // Reading failed but may work later; writing now could destroy data.
                self.writable = false;
                return Loaded::Unreadable {
                    error: DecodeError::Malformed(describe(&e)),
                    backup_key: None,
                };
            }
        };
        match Progress::decode(&raw) {
            Ok(progress) => Loaded::Found(progress),
            Err(DecodeError::Newer(schema)) => {
                self.writable = false;
                Loaded::Newer { schema }
            }
            Err(error) => {
                let key = format!("{BACKUP_PREFIX}{now}");
                let backup_key = match self.storage.set_item(&key, &raw) {
                    Ok(()) => Some(key),
                    Err(_) => {
                        self.writable = false;
                        None
                    }
                };
                Loaded::Unreadable { error, backup_key }
            }
        }
    }

    /// Whether [`save`](Self::save) will write.
    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// Saves progress under [`KEY`]. Does nothing (successfully) when the store
    /// holds data from a newer build that it must not replace.
    pub fn save(&self, progress: &Progress) -> Result<(), StorageError> {
        if !self.writable {
            return Ok(());
        }
        self.storage
            .set_item(KEY, &progress.encode())
            .map_err(write_error)
    }

    /// The raw text under a key, for tests and for exporting backups.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.storage.get_item(key).ok().flatten()
    }
}
