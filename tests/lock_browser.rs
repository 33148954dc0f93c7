//! The optional lock against the browser's real WebCrypto and `localStorage`
//! (`make test-wasm`): a sealed value opens again, byte for byte; a wrong
//! passphrase and a damaged envelope are refused without writing anything;
//! the encrypted store writes in order and never plain text; setting a lock
//! while another tab saves writes nothing.
#![cfg(target_arch = "wasm32")]

use closer::content::course;
use closer::lock::{Envelope, LockHeader};
use closer::progress::Progress;
use closer::storage::lock::{
    closer_keys, new_lock, open, open_file, open_stored, seal, unlock, write_all, Mirror,
    OpenError, EXPORT_AAD,
};
use closer::storage::{Loaded, ProgressStore, SaveOutcome, StorageError, KEY, LOCK_KEY};
use js_sys::JsString;
use std::collections::BTreeMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Every Closer key and its text, to compare before and after.
fn snapshot() -> BTreeMap<String, String> {
    closer_keys(&storage())
        .into_iter()
        .map(|k| {
            let v = storage().get_item(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

fn progress_with(lesson: &str) -> Progress {
    let mut p = Progress::default();
    p.complete(course().lesson(lesson).unwrap(), 1.0);
    p
}

#[wasm_bindgen_test]
async fn a_sealed_value_opens_byte_for_byte_and_each_write_has_a_fresh_nonce() {
    let (key, header) = new_lock("correct horse battery", 15).await.unwrap();
    // A lone surrogate and a note with an emoji: UTF-16 kept exactly.
    let text = JsString::from_char_code(&[0x7b, 0xd800, 0x41, 0xd83d, 0xde00, 0x7d]);
    let a = seal(&key, KEY, &text).await.unwrap();
    let b = seal(&key, KEY, &text).await.unwrap();
    assert_ne!(a.nonce, b.nonce);
    assert_ne!(a.ciphertext, b.ciphertext);
    // Through its stored form, as it would be read back.
    let read = Envelope::decode(&a.encode()).unwrap();
    assert_eq!(open(&key, KEY, &read).await.unwrap(), text);
    // Sealed for one key, it does not open as another's value.
    assert_eq!(
        open(&key, "closer.other", &read).await,
        Err(OpenError::Refused)
    );
    assert!(a.same_key_as(&header));
    assert_eq!(
        LockHeader::decode(&header.encode()).unwrap(),
        header,
        "the header reads back"
    );
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_is_refused_and_nothing_is_written() {
    storage().clear().unwrap();
    let (key, header) = new_lock("the right one here", 5).await.unwrap();
    let mut values = BTreeMap::new();
    values.insert(
        KEY.to_string(),
        JsString::from(progress_with("kinds/physical").encode()),
    );
    write_all(&storage(), Some(&key), Some(&header), &values, false)
        .await
        .unwrap();
    let before = snapshot();
    assert_eq!(
        unlock("the wrong one here", &header).await.err(),
        Some(OpenError::Refused)
    );
    assert_eq!(snapshot(), before);
    assert!(unlock("the right one here", &header).await.is_ok());
    assert_eq!(snapshot(), before);
}

#[wasm_bindgen_test]
async fn a_damaged_envelope_is_refused_and_kept_aside_not_written_over() {
    storage().clear().unwrap();
    let (key, header) = new_lock("a passphrase to use", 15).await.unwrap();
    let mut values = BTreeMap::new();
    values.insert(
        KEY.to_string(),
        JsString::from(progress_with("kinds/physical").encode()),
    );
    write_all(&storage(), Some(&key), Some(&header), &values, false)
        .await
        .unwrap();
    // One byte of the ciphertext changed: GCM's tag refuses it.
    let mut e = Envelope::decode(&storage().get_item(KEY).unwrap().unwrap()).unwrap();
    e.ciphertext[3] ^= 1;
    let damaged = e.encode();
    storage().set_item(KEY, &damaged).unwrap();
    assert_eq!(open(&key, KEY, &e).await, Err(OpenError::Refused));
    // Opened for the store, it stays the stored text, which the store finds
    // unreadable and keeps aside (sealed) before it writes anything.
    let opened = open_stored(&key, KEY, JsString::from(damaged.as_str())).await;
    assert_eq!(String::from(&opened), damaged);
    let mirror = Mirror::new(
        storage(),
        key.clone(),
        Mirror::read_all(&storage(), &key).await,
    );
    let mut store = ProgressStore::locked(mirror.clone());
    let Loaded::Unreadable {
        backup_key: Some(kept),
        ..
    } = store.load(42.0)
    else {
        panic!("a damaged envelope must read as unreadable");
    };
    mirror.settled().await;
    // The damaged text is kept, sealed like everything else.
    let stored_copy = Envelope::decode(&storage().get_item(&kept).unwrap().unwrap()).unwrap();
    assert_eq!(
        String::from(&open(&key, &kept, &stored_copy).await.unwrap()),
        damaged
    );
    // A truncated envelope is not an envelope this build opens.
    assert!(Envelope::decode(&damaged[..damaged.len() - 10]).is_err());
}

#[wasm_bindgen_test]
async fn the_locked_store_writes_in_order_and_never_plain_text() {
    storage().clear().unwrap();
    let (key, header) = new_lock("in order please", 15).await.unwrap();
    write_all(
        &storage(),
        Some(&key),
        Some(&header),
        &BTreeMap::new(),
        false,
    )
    .await
    .unwrap();
    let mirror = Mirror::new(storage(), key.clone(), BTreeMap::new());
    let mut store = ProgressStore::locked(mirror.clone());
    assert_eq!(store.load(1.0), Loaded::Empty);
    let mut last = Progress::default();
    for (i, lesson) in ["kinds/physical", "kinds/spiritual", "kinds/emotional"]
        .iter()
        .enumerate()
    {
        last.complete(course().lesson(lesson).unwrap(), i as f64 + 2.0);
        let saved = store.save(&last, course(), 10.0 + i as f64).unwrap();
        assert!(matches!(saved, SaveOutcome::Saved(_)));
    }
    mirror.settled().await;
    let raw = storage().get_item(KEY).unwrap().unwrap();
    assert!(!raw.contains("kinds/"), "no plain text is stored: {raw}");
    let e = Envelope::decode(&raw).unwrap();
    assert_eq!(
        Progress::decode(&String::from(&open(&key, KEY, &e).await.unwrap())),
        Ok(last)
    );
}

#[wasm_bindgen_test]
async fn setting_a_lock_while_another_tab_saves_writes_nothing() {
    storage().clear().unwrap();
    let plain = progress_with("kinds/physical").encode();
    storage().set_item(KEY, &plain).unwrap();
    let mut values = BTreeMap::new();
    values.insert(KEY.to_string(), JsString::from(plain.as_str()));
    let (key, header) = new_lock("set while saving", 15).await.unwrap();
    // Another tab saves after the values were read.
    let theirs = progress_with("kinds/spiritual").encode();
    storage().set_item(KEY, &theirs).unwrap();
    let result = write_all(&storage(), Some(&key), Some(&header), &values, true).await;
    assert!(matches!(result, Err(StorageError::ReadFailed(_))));
    assert_eq!(storage().get_item(KEY).unwrap(), Some(theirs));
    assert_eq!(storage().get_item(LOCK_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
async fn an_exported_file_opens_with_its_passphrase_only() {
    let (key, _) = new_lock("export me safely", 15).await.unwrap();
    let text = progress_with("kinds/physical").encode();
    let sealed = seal(&key, EXPORT_AAD, &JsString::from(text.as_str()))
        .await
        .unwrap()
        .encode();
    let e = Envelope::decode(&sealed).unwrap();
    assert_eq!(open_file("export me safely", &e).await, Ok(text));
    assert_eq!(
        open_file("not the passphrase", &e).await,
        Err(OpenError::Refused)
    );
}

/// A varied copy of progress for case `seed`: some lessons finished, a note
/// written at a time of its own (the newer note wins a merge).
fn varied(seed: u32) -> Progress {
    let mut p = Progress::default();
    let mut n = seed.wrapping_mul(2_654_435_761).wrapping_add(12_345);
    for (i, lesson) in course().lessons().enumerate() {
        n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        if (n >> 16).is_multiple_of(3) {
            p.complete(lesson, f64::from(seed) * 100.0 + i as f64);
        }
    }
    p.respond(
        "kinds/physical",
        "note",
        closer::progress::Response::Reflected {
            text: format!("note {seed}"),
            at: f64::from(n % 1000),
        },
    );
    p
}

/// One tab of a locked store: its mirror of the decrypted values, and its store.
struct Tab {
    mirror: std::rc::Rc<Mirror>,
    store: ProgressStore,
    progress: Progress,
}

impl Tab {
    /// A tab opened now, reading (and decrypting) what is stored.
    async fn open(key: &closer::storage::lock::Key) -> Tab {
        let mirror = Mirror::new(
            storage(),
            key.clone(),
            Mirror::read_all(&storage(), key).await,
        );
        let mut store = ProgressStore::locked(mirror.clone());
        let progress = match store.load(1.0) {
            Loaded::Found(p) => p,
            _ => Progress::default(),
        };
        Tab {
            mirror,
            store,
            progress,
        }
    }

    /// Saves `mine` as the app does, and takes what was saved.
    async fn save(&mut self, mine: &Progress) {
        let joined = self.progress.merge(mine, course());
        match self.store.save(&joined, course(), 5.0).unwrap() {
            SaveOutcome::Saved(p) => self.progress = *p,
            other => panic!("expected a save, got {other:?}"),
        }
        self.mirror.settled().await;
    }

    /// Another tab's sealed save arrives as a `storage` event: it is opened
    /// with this tab's key and joined with this tab's progress as the app
    /// does (`Persistence`'s storage listener), and saved back when this tab
    /// knew more.
    async fn hear(&mut self) {
        let stored = storage().get_item(KEY).unwrap();
        let got = std::rc::Rc::new(std::cell::RefCell::new(None));
        let slot = got.clone();
        self.mirror.receive(
            KEY.to_string(),
            stored,
            std::rc::Rc::new(move |_, opened| *slot.borrow_mut() = Some(opened)),
        );
        while got.borrow().is_none() {
            sleep().await;
        }
        let opened = got
            .borrow_mut()
            .take()
            .unwrap()
            .expect("the same lock's key");
        let theirs = Progress::decode(&String::from(&opened.unwrap())).unwrap();
        let merged = self.progress.merge(&theirs, course());
        self.progress = merged.clone();
        if merged != theirs {
            self.save(&merged).await;
        }
    }
}

/// Lets the browser run its tasks (WebCrypto's promises resolve in them).
async fn sleep() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

/// What is stored under the progress key now, opened with `key`.
async fn stored_progress(key: &closer::storage::lock::Key) -> Progress {
    let raw = storage().get_item(KEY).unwrap().unwrap();
    let e = Envelope::decode(&raw).expect("stored sealed");
    Progress::decode(&String::from(&open(key, KEY, &e).await.unwrap())).unwrap()
}

/// Two plain tabs saving `a` then `b` (each merging with what is stored).
fn unlocked_merge(a: &Progress, b: &Progress) -> Progress {
    storage().clear().unwrap();
    let mut first = ProgressStore::open().unwrap();
    let _ = first.load(1.0);
    first.save(a, course(), 5.0).unwrap();
    let mut second = ProgressStore::open().unwrap();
    let _ = second.load(1.0);
    second.save(b, course(), 5.0).unwrap();
    Progress::decode(&storage().get_item(KEY).unwrap().unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn merge_laws_hold_for_locked_stores() {
    // The Tests: "merge laws hold for locked stores". Two tabs of one
    // locked store save through real WebCrypto; what ends up sealed in
    // storage is what the unlocked merge gives: in either order, when both
    // save before either hears the other, and again when a save repeats.
    let (key, header) = new_lock("merge laws hold here", 15).await.unwrap();
    for seed in 0..6u32 {
        let (a, b) = (varied(seed * 2 + 1), varied(seed * 2 + 2));
        let unlocked = unlocked_merge(&a, &b);
        assert_eq!(unlocked, a.merge(&b, course()), "case {seed}");

        // One after the other, in each order (commutative).
        for (first, second) in [(&a, &b), (&b, &a)] {
            storage().clear().unwrap();
            write_all(
                &storage(),
                Some(&key),
                Some(&header),
                &BTreeMap::new(),
                false,
            )
            .await
            .unwrap();
            let mut one = Tab::open(&key).await;
            one.save(first).await;
            let mut two = Tab::open(&key).await;
            two.save(second).await;
            assert_eq!(
                stored_progress(&key).await,
                unlocked,
                "case {seed}, in order"
            );
            // The same save again changes nothing (idempotent).
            two.save(second).await;
            one.hear().await;
            assert_eq!(
                stored_progress(&key).await,
                unlocked,
                "case {seed}, repeated"
            );
            assert_eq!(one.progress, unlocked);
        }

        // Both save before either hears the other: each overwrites the
        // sealed value with its own, then hears the other's and joins it.
        storage().clear().unwrap();
        write_all(
            &storage(),
            Some(&key),
            Some(&header),
            &BTreeMap::new(),
            false,
        )
        .await
        .unwrap();
        let mut one = Tab::open(&key).await;
        let mut two = Tab::open(&key).await;
        one.save(&a).await;
        two.save(&b).await;
        one.hear().await;
        two.hear().await;
        let joined = stored_progress(&key).await;
        assert_eq!(joined, unlocked, "case {seed}, both at once");
        assert_eq!(one.progress, unlocked);
        assert_eq!(two.progress, unlocked);
        // Nothing either did is lost.
        for lesson in course().lessons() {
            if a.is_done(&lesson.id) || b.is_done(&lesson.id) {
                assert!(
                    joined.is_done(&lesson.id),
                    "case {seed}: {} lost",
                    lesson.id
                );
            }
        }
        let raw = storage().get_item(KEY).unwrap().unwrap();
        assert!(!raw.contains("note "), "no plain text is stored");
    }
    storage().clear().unwrap();
}

/// Fills what is left of the real quota with other keys, so that any Closer
/// write longer than a few characters is refused (QuotaExceededError).
fn fill_quota() {
    let s = storage();
    let mut block = "x".repeat(512 * 1024);
    let mut i = 0;
    while block.len() >= 16 {
        if s.set_item(&format!("filler.{i}"), &block).is_err() {
            block.truncate(block.len() / 2);
        }
        i += 1;
    }
}

fn drop_filler() {
    let s = storage();
    let fillers: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("filler."))
        .collect();
    for k in fillers {
        s.remove_item(&k).unwrap();
    }
}

#[wasm_bindgen_test]
async fn an_import_or_undo_that_a_full_storage_refuses_changes_nothing_under_a_lock() {
    storage().clear().unwrap();
    let (key, header) = new_lock("full of good things", 15).await.unwrap();
    write_all(
        &storage(),
        Some(&key),
        Some(&header),
        &BTreeMap::new(),
        false,
    )
    .await
    .unwrap();
    let mut tab = Tab::open(&key).await;
    // What the import replaces is the larger, so that putting it back needs room.
    let mine = varied(7);
    tab.save(&mine).await;
    let saved = tab.progress.clone();
    let imported = progress_with("kinds/physical");

    // Full: the import's sealed writes are refused together, the store says
    // so, and storage, this tab's values and the store are as they were.
    let before = snapshot();
    let held = tab.mirror.values();
    let generation = tab.store.generation();
    fill_quota();
    // As `Persistence::import` does: the store's own knowledge is put back
    // when the batch was not stored.
    let checkpoint = tab.store.checkpoint();
    tab.mirror.begin();
    tab.store.replace(&imported).unwrap();
    let stored = tab.mirror.commit().await;
    if stored.is_err() {
        tab.store.restore(checkpoint);
    }
    let checkpoint_back = matches!(stored, Err(StorageError::WriteFailed { quota: true, .. }));
    drop_filler();
    assert!(
        checkpoint_back,
        "the import hears that it was not stored: {stored:?}"
    );
    assert_eq!(snapshot(), before, "nothing stored changed");
    assert_eq!(
        tab.mirror.values(),
        held,
        "this tab's values are as they were"
    );
    assert_eq!(generation, tab.store.generation());
    assert!(
        !tab.store.can_undo_import(),
        "no undo of an import that never happened"
    );

    // With room, the same import is stored whole, and undo is offered.
    tab.mirror.begin();
    tab.store.replace(&imported).unwrap();
    tab.mirror.commit().await.unwrap();
    assert_eq!(stored_progress(&key).await, imported);
    assert!(tab.store.can_undo_import());

    // Full again: undo is refused as a whole and leaves the import in place.
    let before = snapshot();
    let held = tab.mirror.values();
    fill_quota();
    tab.mirror.begin();
    let undo = tab.store.undo_import(50.0).unwrap();
    assert!(matches!(undo, closer::storage::Undo::Restored(_)));
    let stored = tab.mirror.commit().await;
    drop_filler();
    assert!(
        matches!(stored, Err(StorageError::WriteFailed { quota: true, .. })),
        "{stored:?}"
    );
    assert_eq!(snapshot(), before);
    assert_eq!(tab.mirror.values(), held);
    assert_eq!(stored_progress(&key).await, imported);

    // A later plain write, queued while a batch is stored, lands after it.
    tab.mirror.begin();
    tab.store.undo_import(60.0).unwrap();
    let done = tab.mirror.commit();
    tab.mirror.set("closer.after", JsString::from("later"));
    done.await.unwrap();
    tab.mirror.settled().await;
    assert_eq!(stored_progress(&key).await, saved, "the undo is stored");
    assert!(storage().get_item("closer.after").unwrap().is_some());
    storage().clear().unwrap();
}
