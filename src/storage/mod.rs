//! The only code that touches web storage: `localStorage`, and, for one
//! thing, `sessionStorage` ([`session`]).
//!
//! Every call that can throw is caught and turned into a typed error, so no
//! storage failure can panic the app: blocked storage (reading
//! `window.localStorage` throws in some private modes), a full quota, or data
//! this build cannot read.
//!
//! Everything goes through the raw `web_sys::Storage` handle, for reasons
//! README's "How it is built" gives: reads must keep the exact text (gloo's
//! `get` decodes JSON and drops what it cannot read), its `delete` and
//! `length` panic instead of reporting when the browser throws, and its
//! typed `set` serialised progress a second time beside the text this
//! store keeps to see whether another tab wrote since.

use crate::content::Course;
use crate::progress::generation::{digest, ImportMark};
use crate::progress::{DecodeError, Millis, Progress};
use js_sys::JsString;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

pub use crate::keys::{backup_key, BACKUP_PREFIX, IMPORT_KEY, KEY, LOCK_KEY, PREFIX, PREVIOUS_KEY};

pub mod language;
pub mod lock;
pub mod session;

use lock::Mirror;
use std::rc::Rc;

// Text that must be kept byte for byte is read and written as a JavaScript
// string: localStorage holds UTF-16, which may contain lone surrogates that
// a Rust `String` (UTF-8) cannot hold and would turn into U+FFFD.
#[wasm_bindgen]
extern "C" {
    /// `Storage`, with `getItem` and `setItem` taking and giving JavaScript strings.
    type TextStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &TextStorage, key: &str) -> Result<Option<JsString>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &TextStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

/// The text under `key`, exactly as stored.
pub(crate) fn get_text(storage: &Storage, key: &str) -> Result<Option<JsString>, JsValue> {
    storage.unchecked_ref::<TextStorage>().get_item(key)
}

/// Stores `text` under `key`, exactly as it is.
pub(crate) fn set_text(storage: &Storage, key: &str, text: &JsString) -> Result<(), JsValue> {
    storage.unchecked_ref::<TextStorage>().set_item(key, text)
}

/// Where a [`ProgressStore`] reads and writes: `localStorage` itself, or,
/// with a lock set, the decrypted [`Mirror`] that seals every write.
#[derive(Clone)]
enum Backend {
    Plain(Storage),
    Locked(Rc<Mirror>),
}

impl Backend {
    fn get_text(&self, key: &str) -> Result<Option<JsString>, JsValue> {
        match self {
            Backend::Plain(s) => get_text(s, key),
            Backend::Locked(m) => Ok(m.get(key)),
        }
    }

    fn set_text(&self, key: &str, text: &JsString) -> Result<(), JsValue> {
        match self {
            Backend::Plain(s) => set_text(s, key, text),
            Backend::Locked(m) => {
                m.set(key, text.clone());
                Ok(())
            }
        }
    }

    fn get_item(&self, key: &str) -> Result<Option<String>, JsValue> {
        self.get_text(key).map(|t| t.map(String::from))
    }

    fn set_item(&self, key: &str, text: &str) -> Result<(), JsValue> {
        self.set_text(key, &JsString::from(text))
    }

    fn remove_item(&self, key: &str) -> Result<(), JsValue> {
        match self {
            Backend::Plain(s) => s.remove_item(key),
            Backend::Locked(m) => {
                m.remove(key);
                Ok(())
            }
        }
    }

    fn keys(&self) -> Vec<String> {
        match self {
            Backend::Plain(s) => lock::closer_keys(s),
            Backend::Locked(m) => m.names(),
        }
    }

    /// Another tab set a lock while this store writes plain text: it must
    /// write nothing more (its page locks itself on the header's event).
    fn locked_elsewhere(&self) -> bool {
        matches!(self, Backend::Plain(s) if s.get_item(LOCK_KEY).ok().flatten().is_some())
    }
}

/// What [`ProgressStore::undo_import`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// No copy from before an import is kept: nothing was written.
    NothingKept,
    /// Progress was saved (here or in another tab) since the import, so
    /// putting the old copy back would lose that: nothing was written, and
    /// the kept copy stays, to be downloaded.
    Changed,
    /// The kept text was put back byte for byte; this is what it reads as now.
    Restored(Box<Loaded>),
}

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
            StorageError::Unavailable(m) => f.write_str(&closer_core::t!(
                "this browser does not allow storage ({m})",
                m = m
            )),
            StorageError::ReadFailed(m) => f.write_str(&closer_core::t!(
                "reading what is saved failed ({m})",
                m = m
            )),
            StorageError::WriteFailed { quota: true, .. } => {
                f.write_str(closer_core::t!("this browser's storage is full"))
            }
            StorageError::WriteFailed { message, .. } => {
                f.write_str(&closer_core::t!("saving failed ({m})", m = message))
            }
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
    /// Not written: an import or undo (in another tab) replaced the progress
    /// this copy came from; this is what is stored now, to be taken as it is.
    Replaced(Box<Loaded>),
}

/// What a [`ProgressStore`] knows of what is stored, kept before an import
/// or undo on a locked store and put back ([`ProgressStore::restore`]) when
/// its sealed writes could not be stored.
#[derive(Clone)]
pub struct Checkpoint {
    writable: bool,
    kept_aside: Option<JsString>,
    generation: u64,
    last_written: Option<String>,
}

/// Progress in `localStorage`: one key, a versioned JSON envelope.
pub struct ProgressStore {
    storage: Backend,
    /// False when writing could destroy data this build cannot read.
    writable: bool,
    /// Unreadable text found under [`KEY`] and already copied to a backup key,
    /// so that saving over it does not copy it a second time.
    kept_aside: Option<JsString>,
    /// The import generation this store's progress belongs to (see
    /// `progress::generation`): a different one stored means another tab
    /// imported or undid an import, and its copy is taken, not merged.
    generation: u64,
    /// The text this store last wrote under [`KEY`]: when it is still there,
    /// no other tab has saved since, and there is nothing to merge.
    last_written: Option<String>,
}

pub(crate) fn describe(err: &JsValue) -> String {
    err.dyn_ref::<DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}

pub(crate) fn write_error(err: JsValue) -> StorageError {
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
        let window = web_sys::window()
            .ok_or_else(|| StorageError::Unavailable(closer_core::t!("no window").into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(ProgressStore {
                storage: Backend::Plain(storage),
                writable: true,
                kept_aside: None,
                generation: 0,
                last_written: None,
            }),
            Ok(None) => Err(StorageError::Unavailable(
                closer_core::t!("localStorage is missing").into(),
            )),
            Err(e) => Err(StorageError::Unavailable(describe(&e))),
        }
    }

    /// A store that reads and writes a locked store's decrypted values.
    pub fn locked(mirror: Rc<Mirror>) -> ProgressStore {
        ProgressStore {
            storage: Backend::Locked(mirror),
            writable: true,
            kept_aside: None,
            generation: 0,
            last_written: None,
        }
    }

    /// What this store knows now, to [`restore`](Self::restore) later.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            writable: self.writable,
            kept_aside: self.kept_aside.clone(),
            generation: self.generation,
            last_written: self.last_written.clone(),
        }
    }

    /// Knows again what it knew at `checkpoint`: the writes made since were
    /// not stored (a locked store's import or undo that failed as a whole).
    pub fn restore(&mut self, checkpoint: Checkpoint) {
        self.writable = checkpoint.writable;
        self.kept_aside = checkpoint.kept_aside;
        self.generation = checkpoint.generation;
        self.last_written = checkpoint.last_written;
    }

    /// The decrypted values this store works on, when a lock is set.
    pub fn mirror(&self) -> Option<Rc<Mirror>> {
        match &self.storage {
            Backend::Locked(m) => Some(Rc::clone(m)),
            Backend::Plain(_) => None,
        }
    }

    /// Reads stored progress. Never destroys anything: unreadable text is
    /// copied to a backup key first, and data from a newer build is left alone
    /// (this store then refuses to write).
    pub fn load(&mut self, now: Millis) -> Loaded {
        self.generation = self.mark().generation;
        let raw = match self.storage.get_text(KEY) {
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
        // Text with lone surrogates reads here with U+FFFD in their place,
        // which is never readable progress; the original is kept as it is.
        let text = String::from(&raw);
        match Progress::decode(&text) {
            Ok(progress) => Loaded::Found(progress),
            Err(DecodeError::Newer(schema)) => {
                self.writable = false;
                Loaded::Newer {
                    schema,
                    readable: Progress::decode_newer(&text),
                }
            }
            Err(error) => {
                // Found on an earlier visit and never written over since: it
                // is kept already, and one copy is enough.
                let earlier = self
                    .backups()
                    .into_iter()
                    .find(|k| k.starts_with(BACKUP_PREFIX) && self.text(k).as_ref() == Some(&raw));
                if let Some(key) = earlier {
                    self.kept_aside = Some(raw);
                    return Loaded::Unreadable {
                        error,
                        backup_key: Some(key),
                    };
                }
                let key = self.free_backup_key(now);
                let backup_key = match self.storage.set_text(&key, &raw) {
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
        match self.replaced_before_save(now) {
            None => {}
            Some(Ok(now_stored)) => return Ok(SaveOutcome::Replaced(Box::new(now_stored))),
            // Another tab is between the two writes of an import: write
            // nothing now (its progress's event makes this tab take it).
            Some(Err(())) => return Ok(SaveOutcome::Skipped),
        }
        if !self.writable || self.storage.locked_elsewhere() {
            return Ok(SaveOutcome::Skipped);
        }
        let stored = self
            .storage
            .get_text(KEY)
            .map_err(|e| StorageError::ReadFailed(describe(&e)))?;
        // Only what this store wrote last is there: nobody else saved, nothing to join.
        let unchanged = stored.is_some()
            && stored.as_ref().map(String::from) == self.last_written
            && stored.as_ref().is_some_and(JsString::is_valid_utf16);
        let decoded = if unchanged {
            None
        } else {
            stored.as_ref().map(|t| Progress::decode(&String::from(t)))
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
                let raw = stored.unwrap_or_else(|| JsString::from(""));
                if self.kept_aside.as_ref() != Some(&raw) {
                    let key = self.free_backup_key(now);
                    self.storage.set_text(&key, &raw).map_err(write_error)?;
                    self.kept_aside = Some(raw);
                }
                progress.clone()
            }
        };
        self.write(&merged)?;
        Ok(SaveOutcome::Saved(Box::new(merged)))
    }

    /// Writes progress under [`KEY`] and remembers the text: serialised
    /// once, so the text remembered is the text written.
    fn write(&mut self, progress: &Progress) -> Result<(), StorageError> {
        let text = progress.encode();
        self.storage.set_item(KEY, &text).map_err(write_error)?;
        self.last_written = Some(text);
        Ok(())
    }

    /// A backup key that no stored copy has.
    fn free_backup_key(&self, now: Millis) -> String {
        backup_key(now, |k| self.raw(k).is_some())
    }

    /// The import mark stored now (generation 0 when there is none).
    fn mark(&self) -> ImportMark {
        ImportMark::decode(self.storage.get_item(IMPORT_KEY).ok().flatten().as_deref())
    }

    /// The import generation this store's progress belongs to.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// When another tab imported a file or undid an import since this store
    /// last read (the stored generation differs), reads what is stored now,
    /// as at start-up, for the caller to take as it is instead of merging its
    /// older copy back. For the `storage` event of [`KEY`]: an import writes
    /// its mark before the progress, so when the progress's event arrives the
    /// mark is there, and what is stored is the import's or newer.
    pub fn adopt_if_replaced(&mut self, now: Millis) -> Option<Loaded> {
        if self.mark().generation == self.generation {
            return None;
        }
        self.writable = true;
        self.last_written = None;
        Some(self.load(now))
    }

    /// Before a save: `Some` when an import or undo in another tab replaced
    /// the progress this store's copy came from. `Ok(loaded)`: what is stored
    /// is exactly what it wrote, to be taken as it is. `Err(())`: its mark is
    /// here but not yet its progress (the other tab is between the two
    /// writes): nothing must be written now; the progress's event follows.
    fn replaced_before_save(&mut self, now: Millis) -> Option<Result<Loaded, ()>> {
        let mark = self.mark();
        if mark.generation == self.generation {
            return None;
        }
        let stored = self.storage.get_text(KEY).ok().flatten();
        let arrived = match &mark.wrote {
            Some(_) => stored.is_some_and(|t| mark.still_holds(t.iter())),
            None => true,
        };
        if !arrived {
            return Some(Err(()));
        }
        self.writable = true;
        self.last_written = None;
        Some(Ok(self.load(now)))
    }

    /// Replaces the stored progress with an imported copy. What was stored
    /// before is kept, byte for byte, under [`PREVIOUS_KEY`] first; if that
    /// copy cannot be written, nothing is replaced, and if the progress then
    /// cannot be written, the kept copy and the mark are as they were before.
    /// The import's mark (a new generation, and a digest of what it writes)
    /// is written before the progress, so that other tabs take the file's
    /// progress instead of merging theirs back, and an undo can tell whether
    /// anything was saved since.
    pub fn replace(&mut self, progress: &Progress) -> Result<(), StorageError> {
        let read = |e: JsValue| StorageError::ReadFailed(describe(&e));
        if self.storage.locked_elsewhere() {
            return Err(StorageError::ReadFailed(
                closer_core::t!("a lock was set in another tab").into(),
            ));
        }
        let previous = self.storage.get_text(KEY).map_err(read)?;
        let kept_before = self.storage.get_text(PREVIOUS_KEY).map_err(read)?;
        let mark_before = self.storage.get_item(IMPORT_KEY).map_err(read)?;
        let storage = self.storage.clone();
        let put_back = move || {
            let _ = match &kept_before {
                Some(t) => storage.set_text(PREVIOUS_KEY, t),
                None => storage.remove_item(PREVIOUS_KEY),
            };
            let _ = match &mark_before {
                Some(m) => storage.set_item(IMPORT_KEY, m),
                None => storage.remove_item(IMPORT_KEY),
            };
        };
        match &previous {
            Some(text) => self
                .storage
                .set_text(PREVIOUS_KEY, text)
                .map_err(write_error)?,
            // Nothing to keep: an older import's copy must not pass for this one's.
            None => self
                .storage
                .remove_item(PREVIOUS_KEY)
                .map_err(|e| StorageError::Unavailable(describe(&e)))?,
        }
        let text = progress.encode();
        let mark = self.mark().imported(digest(text.encode_utf16()));
        if let Err(e) = self.storage.set_item(IMPORT_KEY, &mark.encode()) {
            put_back();
            return Err(write_error(e));
        }
        if let Err(e) = self.write(progress) {
            put_back();
            return Err(e);
        }
        self.generation = mark.generation;
        // The person chose this copy: a newer one is no longer being protected.
        self.writable = true;
        Ok(())
    }

    /// Removes one key (a kept copy the person no longer needs).
    pub fn forget(&self, key: &str) {
        let _ = self.storage.remove_item(key);
    }

    /// Whether [`undo_import`](Self::undo_import) would put a copy back now.
    pub fn can_undo_import(&self) -> bool {
        let stored = self.storage.get_text(KEY).ok().flatten();
        self.text(PREVIOUS_KEY).is_some()
            && stored.is_some_and(|t| self.mark().still_holds(t.iter()))
    }

    /// Puts back the text an import replaced, byte for byte (never decoded
    /// and written again), but only while the stored progress is still
    /// exactly what the import wrote: otherwise it would undo what was saved
    /// since, here or in another tab. A new generation (whose mark is written
    /// first, as an import's) makes other tabs take it. Then reads it as at
    /// start-up (a newer build's data is left alone, unreadable text stays
    /// kept aside).
    pub fn undo_import(&mut self, now: Millis) -> Result<Undo, StorageError> {
        let read = |e: JsValue| StorageError::ReadFailed(describe(&e));
        if self.storage.locked_elsewhere() {
            return Err(StorageError::ReadFailed(
                closer_core::t!("a lock was set in another tab").into(),
            ));
        }
        let Some(kept) = self.storage.get_text(PREVIOUS_KEY).map_err(read)? else {
            return Ok(Undo::NothingKept);
        };
        let stored = self.storage.get_text(KEY).map_err(read)?;
        let mark = self.mark();
        if !stored.is_some_and(|t| mark.still_holds(t.iter())) {
            return Ok(Undo::Changed);
        }
        let undone = mark.undone(digest(kept.iter()));
        self.storage
            .set_item(IMPORT_KEY, &undone.encode())
            .map_err(write_error)?;
        if let Err(e) = self.storage.set_text(KEY, &kept) {
            let _ = self.storage.set_item(IMPORT_KEY, &mark.encode());
            return Err(write_error(e));
        }
        let _ = self.storage.remove_item(PREVIOUS_KEY);
        self.writable = true;
        self.last_written = None;
        let loaded = self.load(now);
        Ok(Undo::Restored(Box::new(loaded)))
    }

    /// Forgets what this store knew of stored progress after storage was
    /// cleared by something else: a new start, as on a first visit.
    pub fn cleared(&mut self) {
        self.writable = true;
        self.last_written = None;
        self.kept_aside = None;
        self.generation = 0;
    }

    /// Removes everything Closer keeps in this browser: every kept copy and
    /// mark first, the progress last, so that a removal that throws part way
    /// leaves the progress as it was. Keys of other apps are left alone.
    pub fn erase(&mut self) -> Result<(), StorageError> {
        if let Backend::Locked(m) = &self.storage {
            // Everything goes, the lock with it: straight from storage (no
            // queued write may follow), the header last, and then this store
            // writes plain text, as on a first visit.
            m.close();
            let storage = m.storage().clone();
            let mut keys = lock::closer_keys(&storage);
            keys.retain(|k| k != KEY && k != LOCK_KEY);
            keys.push(KEY.to_string());
            keys.push(LOCK_KEY.to_string());
            for key in keys {
                storage
                    .remove_item(&key)
                    .map_err(|e| StorageError::Unavailable(describe(&e)))?;
            }
            self.storage = Backend::Plain(storage);
            self.writable = true;
            self.last_written = None;
            self.generation = 0;
            return Ok(());
        }
        let mut keys = self.keys();
        keys.retain(|k| k != KEY);
        keys.push(KEY.to_string());
        for key in keys {
            self.storage
                .remove_item(&key)
                .map_err(|e| StorageError::Unavailable(describe(&e)))?;
        }
        self.writable = true;
        self.last_written = None;
        self.generation = 0;
        Ok(())
    }

    /// Every key Closer keeps, sorted.
    pub fn keys(&self) -> Vec<String> {
        self.storage.keys()
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

    /// The text under a key exactly as stored (UTF-16, lone surrogates included).
    pub fn text(&self, key: &str) -> Option<JsString> {
        self.storage.get_text(key).ok().flatten()
    }

    /// The browser's `localStorage` itself (for the lock, which seals it).
    pub fn local(&self) -> Storage {
        match &self.storage {
            Backend::Plain(s) => s.clone(),
            Backend::Locked(m) => m.storage().clone(),
        }
    }
}
