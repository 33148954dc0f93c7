//! The only code that touches `localStorage`.
//!
//! Every call that can throw is caught and turned into a typed error, so no
//! storage failure can panic the app: blocked storage (reading
//! `window.localStorage` throws in some private modes), a full quota, or data
//! this build cannot read.
//!
//! gloo-storage does the typed writes, behind the availability check in
//! [`ProgressStore::open`] (its `LocalStorage` panics where storage is
//! blocked). Everything else goes through the raw `web_sys::Storage` handle,
//! for reasons README's "How it is built" gives: reads must keep the exact
//! text (gloo's `get` decodes JSON and drops what it cannot read), and its
//! `delete` and `length` panic instead of reporting when the browser throws.

use crate::content::Course;
use crate::progress::{DecodeError, Millis, Progress};
use gloo_storage::{errors::StorageError as GlooError, LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

pub use crate::keys::{backup_key, BACKUP_PREFIX, KEY, PREFIX, PREVIOUS_KEY};

/// What can go wrong with storage.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// `localStorage` is missing or reading it throws (blocked by the browser).
    Unavailable(String),
    /// Reading the stored progress threw while saving: nothing was written,
    /// since writing without knowing what is there could destroy it.
    ReadFailed(String),
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
            StorageError::ReadFailed(m) => write!(f, "reading what is saved failed ({m})"),
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
        /// What this build can read of it, for showing only.
        readable: Option<Progress>,
    },
}

/// What [`ProgressStore::save`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Saved; this is what is stored now (the caller's copy joined with the stored one).
    Saved(Box<Progress>),
    /// Not written: the store holds a newer build's data.
    Skipped,
    /// Not written: a newer build saved progress since this page started.
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
    /// Unreadable text found under [`KEY`] and already copied to a backup key,
    /// so that saving over it does not copy it a second time.
    kept_aside: Option<String>,
    /// The text this store last wrote under [`KEY`]: when it is still there,
    /// no other tab has saved since, and there is nothing to merge.
    last_written: Option<String>,
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

/// A failed typed write, in the adapter's own terms.
fn gloo_write_error(err: GlooError) -> StorageError {
    match err {
        GlooError::JsError(e) => StorageError::WriteFailed {
            // Chromium and WebKit say QuotaExceededError; Firefox's older name also appears.
            quota: e.name == "QuotaExceededError" || e.name == "NS_ERROR_DOM_QUOTA_REACHED",
            message: format!("{}: {}", e.name, e.message),
        },
        other => StorageError::WriteFailed {
            quota: false,
            message: other.to_string(),
        },
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
                kept_aside: None,
                last_written: None,
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
                Loaded::Newer {
                    schema,
                    readable: Progress::decode_newer(&raw),
                }
            }
            Err(error) => {
                // Found on an earlier visit and never written over since: it
                // is kept already, and one copy is enough.
                let earlier = self
                    .backups()
                    .into_iter()
                    .find(|k| k.starts_with(BACKUP_PREFIX) && self.raw(k).as_deref() == Some(&raw));
                if let Some(key) = earlier {
                    self.kept_aside = Some(raw);
                    return Loaded::Unreadable {
                        error,
                        backup_key: Some(key),
                    };
                }
                let key = self.free_backup_key(now);
                let backup_key = match self.storage.set_item(&key, &raw) {
                    Ok(()) => {
                        self.kept_aside = Some(raw);
                        Some(key)
                    }
                    Err(_) => {
                        self.writable = false;
                        None
                    }
                };
                Loaded::Unreadable { error, backup_key }
            }
        }
    }

    /// From now on, write nothing (a newer build's save was seen).
    pub fn stop_writing(&mut self) {
        self.writable = false;
    }

    /// Whether [`save`](Self::save) will write.
    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// Saves progress under [`KEY`], joined with what is stored there now:
    /// another tab may have saved since this one last read, and its progress
    /// must not be written over. Returns what was saved, which the caller
    /// should now hold. Writes nothing ([`SaveOutcome::Skipped`]) when the
    /// store holds data from a newer build that it must not replace; a newer
    /// save found now makes the store stop writing, and is reported as
    /// [`SaveOutcome::Newer`]. A read that fails writes nothing
    /// ([`StorageError::ReadFailed`]), as at start-up: the next save tries again.
    pub fn save(
        &mut self,
        progress: &Progress,
        course: &Course,
        now: Millis,
    ) -> Result<SaveOutcome, StorageError> {
        if !self.writable {
            return Ok(SaveOutcome::Skipped);
        }
        let stored = self
            .storage
            .get_item(KEY)
            .map_err(|e| StorageError::ReadFailed(describe(&e)))?;
        // Only what this store wrote last is there: nobody else saved, nothing to join.
        let unchanged = stored.is_some() && stored == self.last_written;
        let decoded = if unchanged {
            None
        } else {
            stored.as_deref().map(Progress::decode)
        };
        let merged = match decoded {
            None => progress.clone(),
            Some(Ok(theirs)) => progress.merge(&theirs, course),
            Some(Err(DecodeError::Newer(schema))) => {
                self.writable = false;
                return Ok(SaveOutcome::Newer { schema });
            }
            // Unreadable text: copied aside at start-up already, or it
            // appeared since; then keep it aside now, as at start-up.
            Some(Err(_)) => {
                let raw = stored.unwrap_or_default();
                if self.kept_aside.as_deref() != Some(raw.as_str()) {
                    let key = self.free_backup_key(now);
                    self.storage.set_item(&key, &raw).map_err(write_error)?;
                    self.kept_aside = Some(raw);
                }
                progress.clone()
            }
        };
        self.write(&merged)?;
        Ok(SaveOutcome::Saved(Box::new(merged)))
    }

    /// Writes progress under [`KEY`] (a typed write) and remembers the text.
    fn write(&mut self, progress: &Progress) -> Result<(), StorageError> {
        LocalStorage::set(KEY, progress).map_err(gloo_write_error)?;
        // The same serde_json text gloo stored, kept to see whether anyone wrote since.
        self.last_written = Some(progress.encode());
        Ok(())
    }

    /// A backup key that no stored copy has.
    fn free_backup_key(&self, now: Millis) -> String {
        backup_key(now, |k| self.raw(k).is_some())
    }

    /// Replaces the stored progress with an imported copy. What was stored
    /// before is kept under [`PREVIOUS_KEY`] first; if that copy cannot be
    /// written, nothing is replaced.
    pub fn replace(&mut self, progress: &Progress) -> Result<(), StorageError> {
        if let Some(previous) = self.storage.get_item(KEY).ok().flatten() {
            self.storage
                .set_item(PREVIOUS_KEY, &previous)
                .map_err(write_error)?;
        }
        self.write(progress)?;
        // The person chose this copy: a newer one is no longer being protected.
        self.writable = true;
        Ok(())
    }

    /// Removes one key (a backup the person no longer needs).
    pub fn forget(&self, key: &str) {
        let _ = self.storage.remove_item(key);
    }

    /// Removes everything Closer keeps in this browser: progress and every
    /// backup. Keys of other apps on the same origin are left alone.
    pub fn erase(&mut self) -> Result<(), StorageError> {
        for key in self.keys() {
            self.storage
                .remove_item(&key)
                .map_err(|e| StorageError::Unavailable(describe(&e)))?;
        }
        self.writable = true;
        self.last_written = None;
        Ok(())
    }

    /// Every key Closer keeps, sorted.
    pub fn keys(&self) -> Vec<String> {
        let count = self.storage.length().unwrap_or(0);
        let mut keys: Vec<String> = (0..count)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(PREFIX))
            .collect();
        keys.sort();
        keys
    }

    /// The keys that hold kept copies (unreadable data, or what an import replaced).
    pub fn backups(&self) -> Vec<String> {
        self.keys()
            .into_iter()
            .filter(|k| k.starts_with(BACKUP_PREFIX) || k == PREVIOUS_KEY)
            .collect()
    }

    /// The raw text under a key, for tests and for exporting backups.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.storage.get_item(key).ok().flatten()
    }
}
