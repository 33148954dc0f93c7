//! The optional lock's cryptography, through the browser's WebCrypto, and the
//! encrypted store it puts between [`ProgressStore`](super::ProgressStore)
//! and `localStorage`.
//!
//! - The key: PBKDF2-SHA-256 (at least 600,000 iterations, the salt and the
//!   count stored with the data) derives a non-extractable AES-GCM key once
//!   per unlock; it lives only in this page's memory.
//! - Each value: AES-GCM with a fresh random 96-bit nonce per write, the
//!   storage key's name as additional data (so a value moved to another key
//!   does not open), the text sealed as its UTF-16 code units (byte for
//!   byte, lone surrogates and all).
//! - [`Mirror`]: the decrypted values this tab holds. The store reads and
//!   writes it synchronously, as it does plain `localStorage`; every write
//!   is then sealed and stored in the order it was made (a later write is
//!   never overwritten by an earlier, slower one), and a write that fails
//!   is reported to the page.
//!
//! The stored formats (envelope, header) are pure and live in
//! `closer_core::lock`.

use crate::lock::{Envelope, LockHeader, CHECK_TEXT, ITERATIONS, NONCE_LEN, SALT_LEN};
use js_sys::{Array, JsString, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, Storage, SubtleCrypto};

/// Where the lock's plain header is stored.
pub use crate::keys::LOCK_KEY;

/// The additional data an exported file is sealed with.
pub const EXPORT_AAD: &str = "closer.export";

/// Why a sealed value did not open.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// The passphrase is not the one it was locked with (or the data was
    /// changed: AES-GCM cannot tell the two apart, the header's check can).
    Refused,
    /// The browser has no WebCrypto here (an insecure origin) or it threw.
    Crypto(String),
}

/// A derived key, with the salt and work factor it came from.
#[derive(Clone)]
pub struct Key {
    key: CryptoKey,
    salt: [u8; SALT_LEN],
    iterations: u32,
}

impl Key {
    /// Whether `envelope` was sealed with a key from the same passphrase and salt.
    pub fn made(&self, envelope: &Envelope) -> bool {
        envelope.salt == self.salt && envelope.iterations == self.iterations
    }
}

fn subtle() -> Result<SubtleCrypto, OpenError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| OpenError::Crypto(closer_core::t!("WebCrypto is not available here").into()))
}

fn crypto_error(e: JsValue) -> OpenError {
    OpenError::Crypto(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{e:?}")),
    )
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    // Never seal with a nonce or salt that is not random.
    assert!(filled, "the browser's random generator is required");
    bytes
}

/// Derives the AES-GCM key for a passphrase (slow on purpose: about a
/// second at 600,000 iterations; done once per unlock).
pub async fn derive(
    passphrase: &str,
    salt: [u8; SALT_LEN],
    iterations: u32,
) -> Result<Key, OpenError> {
    let subtle = subtle()?;
    let usages = Array::of1(&JsValue::from_str("deriveKey"));
    let material = subtle
        .import_key_with_str(
            "raw",
            &Uint8Array::from(passphrase.as_bytes()),
            "PBKDF2",
            false,
            &usages,
        )
        .map_err(crypto_error)?;
    let material: CryptoKey = JsFuture::from(material)
        .await
        .map_err(crypto_error)?
        .unchecked_into();
    let params = Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(&salt[..]),
    );
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle
        .derive_key_with_object_and_object(
            &params,
            &material,
            &AesDerivedKeyParams::new("AES-GCM", 256),
            false,
            &usages,
        )
        .map_err(crypto_error)?;
    let key: CryptoKey = JsFuture::from(key)
        .await
        .map_err(crypto_error)?
        .unchecked_into();
    Ok(Key {
        key,
        salt,
        iterations,
    })
}

/// UTF-16 code units as little-endian bytes: any JavaScript string, exactly.
fn utf16_bytes(text: &JsString) -> Vec<u8> {
    text.iter().flat_map(u16::to_le_bytes).collect()
}

fn from_utf16_bytes(bytes: &[u8]) -> Option<JsString> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    Some(JsString::from_char_code(&units))
}

fn gcm(nonce: &[u8; NONCE_LEN], aad: &str) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&nonce[..]));
    params.set_additional_data(&Uint8Array::from(aad.as_bytes()));
    params
}

/// Seals `text` for the storage key (or file) `aad`, with a fresh nonce.
pub async fn seal(key: &Key, aad: &str, text: &JsString) -> Result<Envelope, OpenError> {
    let nonce = random::<NONCE_LEN>();
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&gcm(&nonce, aad), &key.key, &utf16_bytes(text))
        .map_err(crypto_error)?;
    let sealed = JsFuture::from(promise).await.map_err(crypto_error)?;
    Ok(Envelope {
        iterations: key.iterations,
        salt: key.salt,
        nonce,
        ciphertext: Uint8Array::new(&sealed).to_vec(),
    })
}

/// Opens an envelope sealed for `aad` with `key`.
pub async fn open(key: &Key, aad: &str, envelope: &Envelope) -> Result<JsString, OpenError> {
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(
            &gcm(&envelope.nonce, aad),
            &key.key,
            &envelope.ciphertext,
        )
        .map_err(crypto_error)?;
    // AES-GCM rejects a wrong key and changed data alike (OperationError).
    let opened = JsFuture::from(promise)
        .await
        .map_err(|_| OpenError::Refused)?;
    from_utf16_bytes(&Uint8Array::new(&opened).to_vec()).ok_or(OpenError::Refused)
}

/// A new lock: a fresh salt, its key, and the header that proves it.
pub async fn new_lock(passphrase: &str, idle_minutes: u32) -> Result<(Key, LockHeader), OpenError> {
    let key = derive(passphrase, random::<SALT_LEN>(), ITERATIONS).await?;
    let check = seal(&key, LOCK_KEY, &JsString::from(CHECK_TEXT)).await?;
    let header = LockHeader {
        idle_minutes: crate::lock::DEFAULT_IDLE_MINUTES,
        check,
    }
    .with_idle(idle_minutes);
    Ok((key, header))
}

/// The key for a lock, if `passphrase` is its passphrase.
pub async fn unlock(passphrase: &str, header: &LockHeader) -> Result<Key, OpenError> {
    let key = derive(passphrase, header.check.salt, header.check.iterations).await?;
    match open(&key, LOCK_KEY, &header.check).await {
        Ok(text) if text == CHECK_TEXT => Ok(key),
        Ok(_) => Err(OpenError::Refused),
        Err(e) => Err(e),
    }
}

/// Opens an exported file that was locked, with its own passphrase.
pub async fn open_file(passphrase: &str, envelope: &Envelope) -> Result<String, OpenError> {
    let key = derive(passphrase, envelope.salt, envelope.iterations).await?;
    open(&key, EXPORT_AAD, envelope).await.map(String::from)
}

/// Opens one stored value with the lock's key. Text that is not an
/// envelope (written before the lock was set, or by a build without it) is
/// taken as it is; an envelope that does not open is kept as its stored
/// text, so the store finds it unreadable and keeps it aside, as it does
/// any unreadable data.
pub async fn open_stored(key: &Key, name: &str, stored: JsString) -> JsString {
    let text = String::from(&stored);
    match Envelope::decode(&text) {
        Ok(envelope) if key.made(&envelope) => open(key, name, &envelope).await.unwrap_or(stored),
        _ => stored,
    }
}

/// A write waiting to be sealed and stored.
enum Op {
    Set(String, JsString),
    Remove(String),
    /// Writes stored all together or not at all (an import, an undo), with
    /// the values they replaced in this tab and where the result is told.
    Batch(Batch),
}

/// The writes of one [`Mirror::begin`] .. [`Mirror::commit`].
struct Batch {
    /// Each write, in order: a value, or `None` to remove the key.
    writes: Vec<(String, Option<JsString>)>,
    /// What this tab held under each key before the batch changed it.
    before: BTreeMap<String, Option<JsString>>,
    /// Where [`Mirror::commit`] waits for the result.
    result: Rc<RefCell<Option<Result<(), super::StorageError>>>>,
}

/// What a [`Mirror`] hands on for each value another tab stored: its name,
/// and its opened text (`None`: removed), or `Err(())` when it was sealed
/// with another passphrase's key.
pub type Received = Rc<dyn Fn(String, Result<Option<JsString>, ()>)>;

/// What a [`Mirror`] tells the page about writes that happen later.
pub type WriteReport = Rc<dyn Fn(Result<(), super::StorageError>)>;

/// The decrypted values of a locked store, and the queue that seals and
/// stores every change to them, in order.
pub struct Mirror {
    storage: Storage,
    key: Key,
    values: RefCell<BTreeMap<String, JsString>>,
    queue: RefCell<VecDeque<Op>>,
    running: Cell<bool>,
    report: RefCell<Option<WriteReport>>,
    /// Other tabs' values, still sealed, waiting to be opened in the order
    /// their `storage` events came.
    incoming: RefCell<VecDeque<(String, Option<String>)>>,
    receiving: Cell<bool>,
    /// Set when the lock is taken off or changed: queued writes are dropped.
    closed: Cell<bool>,
    /// Writes gathered between [`begin`](Self::begin) and [`commit`](Self::commit).
    batch: RefCell<Option<Batch>>,
}

impl Mirror {
    /// A mirror of `values` (already decrypted), writing to `storage` with `key`.
    pub fn new(storage: Storage, key: Key, values: BTreeMap<String, JsString>) -> Rc<Mirror> {
        Rc::new(Mirror {
            storage,
            key,
            values: RefCell::new(values),
            queue: RefCell::new(VecDeque::new()),
            running: Cell::new(false),
            report: RefCell::new(None),
            incoming: RefCell::new(VecDeque::new()),
            receiving: Cell::new(false),
            closed: Cell::new(false),
            batch: RefCell::new(None),
        })
    }

    /// Decrypts every Closer value stored now (except the lock's header).
    pub async fn read_all(storage: &Storage, key: &Key) -> BTreeMap<String, JsString> {
        let mut values = BTreeMap::new();
        for name in closer_keys(storage) {
            if name == LOCK_KEY {
                continue;
            }
            if let Some(stored) = super::get_text(storage, &name).ok().flatten() {
                let open = open_stored(key, &name, stored).await;
                values.insert(name, open);
            }
        }
        values
    }

    /// Where failed (and successful) writes are told.
    pub fn on_write(&self, report: WriteReport) {
        *self.report.borrow_mut() = Some(report);
    }

    /// The browser's `localStorage`, which this mirror writes to.
    pub fn storage(&self) -> &Storage {
        &self.storage
    }

    /// The key this mirror seals with.
    pub fn key(&self) -> &Key {
        &self.key
    }

    /// A value as this tab knows it.
    pub fn get(&self, name: &str) -> Option<JsString> {
        self.values.borrow().get(name).cloned()
    }

    /// Every value, for setting a new passphrase or taking the lock off.
    pub fn values(&self) -> BTreeMap<String, JsString> {
        self.values.borrow().clone()
    }

    /// The names of every value held.
    pub fn names(&self) -> Vec<String> {
        self.values.borrow().keys().cloned().collect()
    }

    /// Takes another tab's value (already opened) without writing it back.
    pub fn learn(&self, name: &str, value: Option<JsString>) {
        let mut values = self.values.borrow_mut();
        match value {
            Some(v) => values.insert(name.to_string(), v),
            None => values.remove(name),
        };
    }

    /// Sets a value now, and queues it to be sealed and stored.
    pub fn set(self: &Rc<Self>, name: &str, value: JsString) {
        let before = self
            .values
            .borrow_mut()
            .insert(name.to_string(), value.clone());
        if !self.gather(name, before, Some(&value)) {
            self.push(Op::Set(name.to_string(), value));
        }
    }

    /// Removes a value now, and queues its removal from storage.
    pub fn remove(self: &Rc<Self>, name: &str) {
        let before = self.values.borrow_mut().remove(name);
        if !self.gather(name, before, None) {
            self.push(Op::Remove(name.to_string()));
        }
    }

    /// Inside a batch, keeps a write for [`commit`](Self::commit) instead of
    /// queueing it; false outside one.
    fn gather(&self, name: &str, before: Option<JsString>, value: Option<&JsString>) -> bool {
        let mut batch = self.batch.borrow_mut();
        let Some(batch) = batch.as_mut() else {
            return false;
        };
        batch.before.entry(name.to_string()).or_insert(before);
        batch.writes.push((name.to_string(), value.cloned()));
        true
    }

    /// Starts gathering writes that must be stored all together or not at
    /// all (an import, an undo): they change this tab's values at once, as
    /// any write does, and are stored by [`commit`](Self::commit).
    pub fn begin(&self) {
        *self.batch.borrow_mut() = Some(Batch {
            writes: Vec::new(),
            before: BTreeMap::new(),
            result: Rc::new(RefCell::new(None)),
        });
    }

    /// Seals and stores the writes gathered since [`begin`](Self::begin),
    /// after every write queued before them, all in one go, and says
    /// whether they were stored. When one fails (a full storage), what was
    /// stored before is put back, byte for byte, and so are this tab's
    /// values: nothing was changed, as when `localStorage` refuses a plain
    /// write. Writes made meanwhile wait until it is done.
    /// The batch takes its place in the queue when this is called, not when
    /// it is awaited.
    pub fn commit(
        self: &Rc<Self>,
    ) -> impl std::future::Future<Output = Result<(), super::StorageError>> {
        let batch = self.batch.borrow_mut().take();
        let result = match batch {
            Some(batch) if !batch.writes.is_empty() && !self.closed.get() => {
                let result = Rc::clone(&batch.result);
                self.push(Op::Batch(batch));
                Some(result)
            }
            _ => None,
        };
        async move {
            let Some(result) = result else {
                return Ok(());
            };
            loop {
                if let Some(r) = result.borrow_mut().take() {
                    return r;
                }
                sleep(5).await;
            }
        }
    }

    /// Drops every queued write: the lock is being taken off or changed,
    /// and what is stored is written by the caller, at once.
    pub fn close(&self) {
        self.closed.set(true);
        self.queue.borrow_mut().clear();
    }

    /// Writes again after [`close`](Self::close), when taking the lock off
    /// or changing it failed and nothing was changed.
    pub fn reopen(&self) {
        self.closed.set(false);
    }

    /// Whether every write made so far is stored.
    pub fn is_settled(&self) -> bool {
        !self.running.get() && self.queue.borrow().is_empty()
    }

    fn push(self: &Rc<Self>, op: Op) {
        if self.closed.get() {
            return;
        }
        let mut queue = self.queue.borrow_mut();
        if let Op::Set(name, _) | Op::Remove(name) = &op {
            // An older write of the same key that has not started is superseded
            // (one in a batch is not: the batch is stored whole).
            queue.retain(|o| !matches!(o, Op::Set(n, _) | Op::Remove(n) if n == name));
        }
        queue.push_back(op);
        drop(queue);
        if !self.running.get() {
            self.running.set(true);
            let this = Rc::clone(self);
            wasm_bindgen_futures::spawn_local(async move { this.drain().await });
        }
    }

    /// Seals and stores queued writes one at a time, in order.
    async fn drain(self: Rc<Self>) {
        loop {
            let next = self.queue.borrow_mut().pop_front();
            let Some(op) = next else { break };
            let result = match op {
                Op::Batch(batch) => {
                    let result = self.store_batch(&batch).await;
                    *batch.result.borrow_mut() = Some(result);
                    // The page hears of it from the one who committed it.
                    continue;
                }
                Op::Remove(name) => self
                    .storage
                    .remove_item(&name)
                    .map_err(|e| super::StorageError::Unavailable(super::describe(&e))),
                Op::Set(name, value) => match seal(&self.key, &name, &value).await {
                    // Closed while sealing: the caller now writes what is stored.
                    _ if self.closed.get() => Ok(()),
                    Ok(envelope) => self
                        .storage
                        .set_item(&name, &envelope.encode())
                        .map_err(super::write_error),
                    Err(e) => Err(super::StorageError::WriteFailed {
                        quota: false,
                        message: format!("{e:?}"),
                    }),
                },
            };
            let report = self.report.borrow().clone();
            if let Some(report) = report {
                report(result);
            }
        }
        self.running.set(false);
    }

    /// Seals every write of `batch`, then stores them with no await between
    /// (no other write of this page comes in between); when one fails, puts
    /// back what was stored and this tab's values as they were.
    async fn store_batch(&self, batch: &Batch) -> Result<(), super::StorageError> {
        let mut sealed = Vec::with_capacity(batch.writes.len());
        for (name, value) in &batch.writes {
            let text = match value {
                Some(v) => Some(JsString::from(
                    seal(&self.key, name, v)
                        .await
                        .map_err(|e| super::StorageError::WriteFailed {
                            quota: false,
                            message: format!("{e:?}"),
                        })
                        .inspect_err(|_| self.put_back_values(batch))?
                        .encode(),
                )),
                None => None,
            };
            sealed.push((name.clone(), text));
        }
        if self.closed.get() {
            // The lock is being taken off or changed: the caller writes what is stored.
            return Ok(());
        }
        let stored_before: Vec<(String, Option<JsString>)> = batch
            .before
            .keys()
            .map(|n| (n.clone(), super::get_text(&self.storage, n).ok().flatten()))
            .collect();
        let mut failed = None;
        for (name, text) in &sealed {
            let written = match text {
                Some(t) => super::set_text(&self.storage, name, t).map_err(super::write_error),
                None => self
                    .storage
                    .remove_item(name)
                    .map_err(|e| super::StorageError::Unavailable(super::describe(&e))),
            };
            if let Err(e) = written {
                failed = Some(e);
                break;
            }
        }
        let Some(error) = failed else {
            return Ok(());
        };
        for (name, text) in &stored_before {
            let _ = match text {
                Some(t) => super::set_text(&self.storage, name, t),
                None => self.storage.remove_item(name),
            };
        }
        self.put_back_values(batch);
        Err(error)
    }

    /// This tab's values as they were before `batch`, where nothing has
    /// changed them since (another tab's value heard meanwhile stays).
    fn put_back_values(&self, batch: &Batch) {
        let mut values = self.values.borrow_mut();
        let last: BTreeMap<&String, &Option<JsString>> =
            batch.writes.iter().map(|(n, v)| (n, v)).collect();
        for (name, before) in &batch.before {
            if last.get(name).copied() != Some(&values.get(name).cloned()) {
                continue;
            }
            match before {
                Some(v) => values.insert(name.clone(), v.clone()),
                None => values.remove(name),
            };
        }
    }

    /// Another tab stored `value` (sealed) under `name`: opens it, learns
    /// it, and hands the opened text to `then`, one event at a time in the
    /// order they came. `then` gets `Err(())` instead when the value was
    /// sealed with another passphrase's key (the lock was changed there):
    /// this tab must lock itself.
    pub fn receive(self: &Rc<Self>, name: String, value: Option<String>, then: Received) {
        self.incoming.borrow_mut().push_back((name, value));
        if self.receiving.replace(true) {
            return;
        }
        let this = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let next = this.incoming.borrow_mut().pop_front();
                let Some((name, value)) = next else { break };
                let opened = match value {
                    None => Ok(None),
                    Some(text) => match Envelope::decode(&text) {
                        Ok(e) if !this.key.made(&e) => Err(()),
                        _ => Ok(Some(
                            open_stored(&this.key, &name, JsString::from(text)).await,
                        )),
                    },
                };
                if this.closed.get() {
                    continue;
                }
                if let Ok(v) = &opened {
                    this.learn(&name, v.clone());
                }
                then(name, opened);
            }
            this.receiving.set(false);
        });
    }

    /// Waits until every write made so far is stored (or failed).
    pub async fn settled(&self) {
        while !self.is_settled() {
            sleep(10).await;
        }
    }
}

/// Lets the page's other tasks run for about `ms` milliseconds.
async fn sleep(ms: i32) {
    let _ = JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    }))
    .await;
}

/// Every `localStorage` key that belongs to Closer, the lock's header included.
pub fn closer_keys(storage: &Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(crate::keys::PREFIX))
        .collect();
    keys.sort();
    keys
}

/// The lock's header as stored now: `None` when no lock is set.
pub fn stored_header(storage: &Storage) -> Option<Result<LockHeader, crate::lock::EnvelopeError>> {
    let text = storage.get_item(LOCK_KEY).ok().flatten()?;
    Some(LockHeader::decode(&text))
}

/// Seals every value and stores them all at once with `header`, or none of
/// them: a write that fails (a full quota) puts back what was stored.
/// Used to set a lock, change its passphrase, or (`header` `None`, values
/// plain) take it off. Keys not in `values` are left alone. With
/// `unchanged`, nothing is written if the values stored now (the header
/// aside) are not exactly those (another tab saved while they were sealed):
/// [`StorageError::ReadFailed`](super::StorageError::ReadFailed), to try again.
pub async fn write_all(
    storage: &Storage,
    key: Option<&Key>,
    header: Option<&LockHeader>,
    values: &BTreeMap<String, JsString>,
    unchanged: bool,
) -> Result<(), super::StorageError> {
    let mut sealed = Vec::with_capacity(values.len());
    for (name, value) in values {
        let text = match key {
            Some(k) => JsString::from(
                seal(k, name, value)
                    .await
                    .map_err(|e| super::StorageError::WriteFailed {
                        quota: false,
                        message: format!("{e:?}"),
                    })?
                    .encode(),
            ),
            None => value.clone(),
        };
        sealed.push((name.clone(), text));
    }
    // From here on, no await: nothing else runs in this page between the writes.
    if unchanged {
        let now: BTreeMap<String, JsString> = closer_keys(storage)
            .into_iter()
            .filter(|n| n != LOCK_KEY)
            .filter_map(|n| super::get_text(storage, &n).ok().flatten().map(|t| (n, t)))
            .collect();
        if &now != values {
            return Err(super::StorageError::ReadFailed(
                closer_core::t!("another tab saved while the lock was being set").into(),
            ));
        }
    }
    let before: Vec<(String, Option<JsString>)> = sealed
        .iter()
        .map(|(n, _)| (n.clone(), super::get_text(storage, n).ok().flatten()))
        .chain(std::iter::once((
            LOCK_KEY.to_string(),
            super::get_text(storage, LOCK_KEY).ok().flatten(),
        )))
        .collect();
    let put_back = || {
        for (name, text) in &before {
            let _ = match text {
                Some(t) => super::set_text(storage, name, t),
                None => storage.remove_item(name),
            };
        }
    };
    // The header first: a tab that sees a sealed value then knows it is locked.
    let header_written = match header {
        Some(h) => storage.set_item(LOCK_KEY, &h.encode()),
        None => Ok(()),
    };
    if let Err(e) = header_written {
        put_back();
        return Err(super::write_error(e));
    }
    for (name, text) in &sealed {
        if let Err(e) = super::set_text(storage, name, text) {
            put_back();
            return Err(super::write_error(e));
        }
    }
    if header.is_none() {
        if let Err(e) = storage.remove_item(LOCK_KEY) {
            put_back();
            return Err(super::StorageError::Unavailable(super::describe(&e)));
        }
    }
    Ok(())
}

/// Changes the lock's idle time in its plain header; returns the time kept.
pub fn set_idle(storage: &Storage, minutes: u32) -> Result<u32, super::StorageError> {
    let header = match stored_header(storage) {
        Some(Ok(h)) => h.with_idle(minutes),
        _ => {
            return Err(super::StorageError::ReadFailed(
                closer_core::t!("no lock is set").into(),
            ))
        }
    };
    storage
        .set_item(LOCK_KEY, &header.encode())
        .map_err(super::write_error)?;
    Ok(header.idle_minutes)
}

/// Removes every key Closer keeps, the lock's header last (a forgotten
/// passphrase: what it protects can only be erased).
pub fn erase_everything(storage: &Storage) -> Result<(), super::StorageError> {
    let mut keys = closer_keys(storage);
    keys.retain(|k| k != LOCK_KEY);
    keys.push(LOCK_KEY.to_string());
    for key in keys {
        storage
            .remove_item(&key)
            .map_err(|e| super::StorageError::Unavailable(super::describe(&e)))?;
    }
    Ok(())
}
