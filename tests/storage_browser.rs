//! The storage adapter against the real `localStorage` of headless Chromium
//! and Firefox (`make test-wasm`, `make test-wasm-firefox`):
//! round trips, unreadable data kept byte for byte, newer data left alone,
//! the read-merge-write that protects another tab's progress, import backups,
//! erase, a really full quota, blocked storage, a read that fails during a
//! save, backups in the same millisecond, a removal that throws, and
//! check-ins: their ids, and a deletion in one tab that another tab's save
//! cannot undo; and a share link's fragment, read once and then gone from
//! the address and from history.
#![cfg(target_arch = "wasm32")]

use closer::checkin::{CheckIn, Rating, RelationshipName};
use closer::content::{checkin_guide, course};
use closer::progress::{Progress, SCHEMA};
use closer::storage::{
    Loaded, ProgressStore, SaveOutcome, StorageError, BACKUP_PREFIX, KEY, PREFIX, PREVIOUS_KEY,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    storage().clear().unwrap();
}

fn progress_with(lesson: &str) -> Progress {
    let mut p = Progress::default();
    p.complete(course().lesson(lesson).unwrap(), 1.0);
    p
}

#[wasm_bindgen_test]
fn a_first_visit_finds_nothing_and_a_save_reads_back() {
    clear();
    let mut store = ProgressStore::open().unwrap();
    assert_eq!(store.load(1.0), Loaded::Empty);
    let p = progress_with("kinds/physical");
    assert_eq!(
        store.save(&p, course(), 10.0),
        Ok(SaveOutcome::Saved(Box::new(p.clone())))
    );
    let raw = storage().get_item(KEY).unwrap().unwrap();
    assert!(raw.starts_with(&format!("{{\"schema\":{SCHEMA}")));
    let mut again = ProgressStore::open().unwrap();
    assert_eq!(again.load(2.0), Loaded::Found(p));
}

#[wasm_bindgen_test]
fn unreadable_data_is_kept_byte_for_byte() {
    clear();
    let garbage = "{\"schema\":3,\"lessons\":[\u{1F494} not what we wrote";
    storage().set_item(KEY, garbage).unwrap();
    let mut store = ProgressStore::open().unwrap();
    let loaded = store.load(1234.0);
    let Loaded::Unreadable {
        backup_key: Some(key),
        ..
    } = loaded
    else {
        panic!("expected unreadable, got {loaded:?}");
    };
    assert_eq!(key, format!("{BACKUP_PREFIX}1234"));
    assert_eq!(storage().get_item(&key).unwrap().as_deref(), Some(garbage));
    assert_eq!(store.backups(), vec![key.clone()]);
    // A second visit before anything was saved finds the same text: one copy is enough.
    let mut again = ProgressStore::open().unwrap();
    assert!(
        matches!(again.load(5678.0), Loaded::Unreadable { backup_key: Some(k), .. } if k == key)
    );
    assert_eq!(again.backups(), vec![key.clone()]);
    // Saving now writes the new progress; the original stays in its backup.
    let p = progress_with("kinds/spiritual");
    assert!(matches!(
        store.save(&p, course(), 10.0),
        Ok(SaveOutcome::Saved(_))
    ));
    assert_eq!(storage().get_item(&key).unwrap().as_deref(), Some(garbage));
}

#[wasm_bindgen_test]
fn newer_data_is_read_for_display_and_never_written_over() {
    clear();
    let newer = r#"{"schema":99,"lessons":{"kinds/physical":{"card":"what-it-is","completed":true,"updated":1}},"future":true}"#;
    storage().set_item(KEY, newer).unwrap();
    let mut store = ProgressStore::open().unwrap();
    match store.load(1.0) {
        Loaded::Newer {
            schema: 99,
            readable: Some(p),
        } => assert!(p.is_done("kinds/physical")),
        other => panic!("expected newer, got {other:?}"),
    }
    assert!(!store.is_writable());
    assert_eq!(
        store.save(&Progress::default(), course(), 10.0),
        Ok(SaveOutcome::Skipped)
    );
    assert_eq!(storage().get_item(KEY).unwrap().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn a_save_joins_what_another_tab_saved_meanwhile() {
    clear();
    let mut mine = ProgressStore::open().unwrap();
    assert_eq!(mine.load(1.0), Loaded::Empty);
    // Another tab saves a completion this tab does not know about.
    let theirs = progress_with("kinds/emotional");
    storage().set_item(KEY, &theirs.encode()).unwrap();
    let p = progress_with("kinds/physical");
    let Ok(SaveOutcome::Saved(saved)) = mine.save(&p, course(), 10.0) else {
        panic!("save failed");
    };
    assert!(saved.is_done("kinds/physical") && saved.is_done("kinds/emotional"));
    let stored = Progress::decode(&storage().get_item(KEY).unwrap().unwrap()).unwrap();
    assert_eq!(stored, *saved);

    // A newer build's save seen at save time stops this store writing.
    storage().set_item(KEY, r#"{"schema":99}"#).unwrap();
    assert_eq!(
        mine.save(&p, course(), 10.0),
        Ok(SaveOutcome::Newer { schema: 99 })
    );
    assert_eq!(
        storage().get_item(KEY).unwrap().as_deref(),
        Some(r#"{"schema":99}"#)
    );
}

#[wasm_bindgen_test]
fn an_import_keeps_what_it_replaced_and_erase_removes_everything() {
    clear();
    storage().set_item("other-app.setting", "keep me").unwrap();
    let mut store = ProgressStore::open().unwrap();
    let before = progress_with("kinds/physical");
    store.save(&before, course(), 10.0).unwrap();
    let imported = progress_with("practices/trust");
    store.replace(&imported).unwrap();
    assert_eq!(
        storage().get_item(PREVIOUS_KEY).unwrap(),
        Some(before.encode())
    );
    assert_eq!(storage().get_item(KEY).unwrap(), Some(imported.encode()));
    assert_eq!(store.backups(), vec![PREVIOUS_KEY.to_string()]);
    store.forget(PREVIOUS_KEY);
    assert!(store.backups().is_empty());

    storage()
        .set_item(&format!("{BACKUP_PREFIX}5"), "x")
        .unwrap();
    store.erase().unwrap();
    assert!(store.keys().is_empty());
    let len = storage().length().unwrap();
    let left: Vec<String> = (0..len).filter_map(|i| storage().key(i).unwrap()).collect();
    assert!(left.iter().all(|k| !k.starts_with(PREFIX)));
    assert_eq!(
        storage().get_item("other-app.setting").unwrap().as_deref(),
        Some("keep me")
    );
}

#[wasm_bindgen_test]
fn a_full_quota_is_a_typed_error_not_a_panic() {
    clear();
    let s = storage();
    // Fill the real quota (about 5 MiB in Chromium) with 512 KiB blocks, then smaller ones.
    let mut block = "x".repeat(512 * 1024);
    let mut i = 0;
    while block.len() >= 16 {
        if s.set_item(&format!("filler.{i}"), &block).is_err() {
            block.truncate(block.len() / 2);
        }
        i += 1;
    }
    let mut store = ProgressStore::open().unwrap();
    let _ = store.load(1.0);
    let mut p = progress_with("kinds/physical");
    p.respond(
        "kinds/physical",
        "note",
        closer::progress::Response::Reflected {
            text: "a note long enough to need room ".repeat(40),
            at: 2.0,
        },
    );
    match store.save(&p, course(), 10.0) {
        Err(StorageError::WriteFailed { quota: true, .. }) => {}
        other => panic!("expected a quota error, got {other:?}"),
    }
    clear();
    assert!(
        matches!(store.save(&p, course(), 10.0), Ok(SaveOutcome::Saved(_))),
        "a retry works once there is room"
    );
    clear();
}

#[wasm_bindgen_test]
fn blocked_storage_is_a_typed_error_not_a_panic() {
    // Make `window.localStorage` throw, as some private modes and disabled
    // cookies do, then put it back.
    let window: js_sys::Object = JsValue::from(web_sys::window().unwrap()).unchecked_into();
    // On the global object the accessor is an own property of `window`.
    let original = js_sys::Object::get_own_property_descriptor(&window, &"localStorage".into());
    assert!(
        !original.is_undefined(),
        "localStorage is an own accessor of window"
    );
    let thrower = js_sys::Function::new_no_args(
        "throw new DOMException('The operation is insecure.', 'SecurityError');",
    );
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"get".into(), &thrower).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window, &"localStorage".into(), &descriptor);

    let opened = ProgressStore::open();

    js_sys::Object::define_property(&window, &"localStorage".into(), original.unchecked_ref());
    match opened {
        Err(StorageError::Unavailable(message)) => {
            assert!(message.contains("SecurityError"), "{message}")
        }
        Ok(_) => panic!("expected blocked storage"),
        Err(other) => panic!("expected blocked storage, got {other:?}"),
    }
    assert!(ProgressStore::open().is_ok(), "storage is back");
}

/// Replaces `Storage.prototype[method]` with what `replacement` makes of the
/// original, runs `f`, and puts the original back.
fn with_storage_method<T>(
    method: &str,
    replacement: impl FnOnce(&JsValue) -> JsValue,
    f: impl FnOnce() -> T,
) -> T {
    let proto: js_sys::Object = js_sys::Reflect::get(&js_sys::global(), &"Storage".into())
        .and_then(|s| js_sys::Reflect::get(&s, &"prototype".into()))
        .unwrap()
        .unchecked_into();
    let original = js_sys::Reflect::get(&proto, &method.into()).unwrap();
    js_sys::Reflect::set(&proto, &method.into(), &replacement(&original)).unwrap();
    let out = f();
    js_sys::Reflect::set(&proto, &method.into(), &original).unwrap();
    out
}

/// Replaces `Storage.prototype[method]` with one that throws, runs `f`, and
/// puts the original back.
fn with_throwing<T>(method: &str, f: impl FnOnce() -> T) -> T {
    with_storage_method(
        method,
        |_| {
            js_sys::Function::new_no_args(
                "throw new DOMException('The storage could not be read.', 'UnknownError');",
            )
            .into()
        },
        f,
    )
}

#[wasm_bindgen_test]
fn a_read_that_fails_during_save_writes_nothing_and_the_next_save_works() {
    clear();
    let mut store = ProgressStore::open().unwrap();
    assert_eq!(store.load(1.0), Loaded::Empty);
    let first = progress_with("kinds/physical");
    store.save(&first, course(), 10.0).unwrap();
    let before = storage().get_item(KEY).unwrap().unwrap();
    let keys_before = store.keys();

    // The app holds what it saved plus the new change.
    let mut more = first.clone();
    more.complete(course().lesson("kinds/spiritual").unwrap(), 15.0);
    let outcome = with_throwing("getItem", || store.save(&more, course(), 20.0));
    match outcome {
        Err(StorageError::ReadFailed(message)) => {
            assert!(message.contains("UnknownError"), "{message}")
        }
        other => panic!("expected a read failure, got {other:?}"),
    }
    assert_eq!(
        storage().get_item(KEY).unwrap().unwrap(),
        before,
        "stored text unchanged"
    );
    assert_eq!(store.keys(), keys_before, "no key added");

    // Once reading works again, the same change is saved.
    let Ok(SaveOutcome::Saved(saved)) = store.save(&more, course(), 30.0) else {
        panic!("the retry saves");
    };
    assert_eq!(*saved, more);
    assert_eq!(storage().get_item(KEY).unwrap().unwrap(), more.encode());
    clear();
}

#[wasm_bindgen_test]
fn two_unreadable_texts_in_one_millisecond_keep_two_copies() {
    clear();
    storage().set_item(KEY, "first unreadable text").unwrap();
    let mut store = ProgressStore::open().unwrap();
    let Loaded::Unreadable {
        backup_key: Some(first_key),
        ..
    } = store.load(777.0)
    else {
        panic!("expected the first text kept");
    };
    // Another tab (or an old build) writes different unreadable text, seen in the same millisecond.
    storage().set_item(KEY, "second unreadable text").unwrap();
    store
        .save(&progress_with("kinds/physical"), course(), 777.0)
        .unwrap();
    let backups: Vec<String> = store
        .backups()
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    assert_eq!(backups.len(), 2, "{backups:?}");
    assert!(backups.contains(&first_key));
    let texts: Vec<String> = backups
        .iter()
        .map(|k| storage().get_item(k).unwrap().unwrap())
        .collect();
    assert!(texts.contains(&"first unreadable text".to_string()));
    assert!(texts.contains(&"second unreadable text".to_string()));
    clear();
}

#[wasm_bindgen_test]
fn a_removal_that_throws_is_reported_not_a_panic() {
    clear();
    let mut store = ProgressStore::open().unwrap();
    store
        .save(&progress_with("kinds/physical"), course(), 10.0)
        .unwrap();
    // Firefox throws from storage calls when its database is damaged; erase must say so.
    let erased = with_throwing("removeItem", || store.erase());
    assert!(
        matches!(erased, Err(StorageError::Unavailable(_))),
        "{erased:?}"
    );
    assert!(
        storage().get_item(KEY).unwrap().is_some(),
        "nothing was removed"
    );
    assert_eq!(store.erase(), Ok(()));
    assert_eq!(storage().get_item(KEY).unwrap(), None);
}

fn check_in(at: f64) -> CheckIn {
    CheckIn {
        at,
        closeness: 4,
        kinds: checkin_guide()
            .kinds
            .iter()
            .map(|k| (k.id.to_string(), Rating { now: 1, wished: 3 }))
            .collect(),
    }
}

#[wasm_bindgen_test]
fn ids_come_from_the_browsers_random_source_and_do_not_repeat() {
    let ids: std::collections::BTreeSet<String> =
        (0..200).map(|_| closer::env::random_id()).collect();
    assert_eq!(ids.len(), 200);
    assert!(ids
        .iter()
        .all(|id| id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit())));
}

#[wasm_bindgen_test]
fn a_deletion_saved_in_one_tab_survives_the_other_tabs_older_save() {
    clear();
    // Both tabs know the relationship and one check-in.
    let mut both = Progress::default();
    both.checkins
        .add("r", RelationshipName::parse("my sister").unwrap(), 1.0);
    both.checkins
        .record("r", "c1", check_in(2.0), checkin_guide())
        .unwrap();
    let mut tab_a = ProgressStore::open().unwrap();
    tab_a.save(&both, course(), 3.0).unwrap();

    // Tab A deletes it; tab B, which has not heard yet, adds a check-in to it.
    let mut deleted = both.clone();
    deleted.checkins.delete("r", 4.0);
    tab_a.save(&deleted, course(), 4.0).unwrap();
    let mut stale = both.clone();
    stale
        .checkins
        .record("r", "c2", check_in(5.0), checkin_guide())
        .unwrap();
    let mut tab_b = ProgressStore::open().unwrap();
    let Ok(SaveOutcome::Saved(merged)) = tab_b.save(&stale, course(), 5.0) else {
        panic!("the save goes through");
    };
    assert!(merged.checkins.relationships.is_empty());
    assert!(merged.checkins.check_ins.is_empty());
    let raw = storage().get_item(KEY).unwrap().unwrap();
    assert!(
        !raw.contains("my sister"),
        "the name is gone from storage: {raw}"
    );
    assert!(raw.contains("\"deleted\":{\"r\":4"));
}

#[wasm_bindgen_test]
fn a_share_fragment_is_read_once_and_then_gone_from_the_address_and_history() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let location = window.location();
    let path = location.pathname().unwrap();
    let search = location.search().unwrap();
    history
        .replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}{search}#040Y-XNTZ")),
        )
        .unwrap();
    let entries = history.length().unwrap();
    assert_eq!(location.hash().unwrap(), "#040Y-XNTZ");
    assert_eq!(
        closer::sharing::take_fragment().as_deref(),
        Some("040Y-XNTZ")
    );
    assert_eq!(location.hash().unwrap(), "", "gone from the address");
    assert_eq!(location.pathname().unwrap(), path, "the page stays");
    assert_eq!(location.search().unwrap(), search);
    assert_eq!(history.length().unwrap(), entries, "replaced, not pushed");
    assert_eq!(closer::sharing::take_fragment(), None, "read only once");
    // An empty fragment is no code.
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}#")))
        .unwrap();
    assert_eq!(closer::sharing::take_fragment(), None);
    // The link puts the code after the # on this very site.
    let link = closer::sharing::link_for("ABC");
    assert!(link.starts_with(&location.origin().unwrap()), "{link}");
    assert!(link.ends_with("/compare#ABC"), "{link}");
}

// ---- Nothing lost (issue 25): byte for byte, failed imports, erase order, undo ----

/// `localStorage.setItem(key, text)` with a JavaScript string (lone surrogates allowed).
fn js_set(key: &str, text: &js_sys::JsString) {
    js_sys::Function::new_with_args("k, v", "localStorage.setItem(k, v)")
        .call2(&JsValue::NULL, &key.into(), text)
        .unwrap();
}

/// `localStorage.getItem(key)` as a JavaScript string, compared code unit by code unit.
fn js_get(key: &str) -> Option<js_sys::JsString> {
    let v = js_sys::Function::new_with_args("k", "return localStorage.getItem(k)")
        .call1(&JsValue::NULL, &key.into())
        .unwrap();
    v.dyn_into::<js_sys::JsString>().ok()
}

fn units(s: &js_sys::JsString) -> Vec<u16> {
    s.iter().collect()
}

/// Text no Rust `String` can hold: lone UTF-16 surrogates.
fn with_lone_surrogates() -> js_sys::JsString {
    let mut u: Vec<u16> = "{\"schema\":5,\"note\":\"".encode_utf16().collect();
    u.extend([0xD800, 0x41, 0xDC00]);
    u.extend("\"".encode_utf16());
    js_sys::JsString::from_char_code(&u)
}

/// Runs `f` while `Storage.prototype.<method>` throws `error` for `key` only.
fn throwing_for<T>(method: &str, key: &str, error: &str, f: impl FnOnce() -> T) -> T {
    with_storage_method(
        method,
        |original| {
            js_sys::Function::new_with_args(
                "original, key, error",
                "return function (k, ...rest) { \
                   if (k === key) throw new DOMException('refused for the test', error); \
                   return original.call(this, k, ...rest); }",
            )
            .call3(&JsValue::NULL, original, &key.into(), &error.into())
            .unwrap()
        },
        f,
    )
}

#[wasm_bindgen_test]
fn lone_surrogates_are_kept_byte_for_byte() {
    clear();
    let original = with_lone_surrogates();
    js_set(KEY, &original);
    let mut store = ProgressStore::open().unwrap();
    let Loaded::Unreadable {
        backup_key: Some(key),
        ..
    } = store.load(77.0)
    else {
        panic!("expected the text to be kept aside");
    };
    assert_eq!(units(&js_get(&key).unwrap()), units(&original));
    // A second visit recognises its own copy (no second copy of the same text).
    let mut again = ProgressStore::open().unwrap();
    assert!(matches!(again.load(88.0), Loaded::Unreadable { backup_key: Some(k), .. } if k == key));
    assert_eq!(again.backups(), vec![key.clone()]);
    // An import over it keeps it byte for byte too, and so does the first save.
    store.replace(&progress_with("kinds/physical")).unwrap();
    assert_eq!(units(&js_get(PREVIOUS_KEY).unwrap()), units(&original));
    store
        .save(&progress_with("kinds/spiritual"), course(), 99.0)
        .unwrap();
    assert_eq!(units(&js_get(&key).unwrap()), units(&original));
}

#[wasm_bindgen_test]
fn a_failed_import_leaves_no_kept_copy_and_no_undo() {
    clear();
    let mut store = ProgressStore::open().unwrap();
    let p0 = progress_with("kinds/physical");
    store.save(&p0, course(), 10.0).unwrap();
    let before = js_get(KEY).unwrap();
    let failed = throwing_for("setItem", KEY, "QuotaExceededError", || {
        store.replace(&progress_with("practices/trust"))
    });
    assert!(
        matches!(failed, Err(StorageError::WriteFailed { quota: true, .. })),
        "{failed:?}"
    );
    assert_eq!(units(&js_get(KEY).unwrap()), units(&before));
    assert_eq!(
        js_get(PREVIOUS_KEY),
        None,
        "no copy of an import that never happened"
    );
    assert_eq!(js_get(closer::storage::IMPORT_KEY), None);
    assert!(!store.can_undo_import());

    // With a copy from an earlier import kept, a failed import leaves that copy as it was.
    store.replace(&progress_with("practices/trust")).unwrap();
    let kept = js_get(PREVIOUS_KEY).unwrap();
    let mark = js_get(closer::storage::IMPORT_KEY).unwrap();
    let failed = throwing_for("setItem", KEY, "QuotaExceededError", || {
        store.replace(&progress_with("kinds/spiritual"))
    });
    assert!(failed.is_err());
    assert_eq!(units(&js_get(PREVIOUS_KEY).unwrap()), units(&kept));
    assert_eq!(
        units(&js_get(closer::storage::IMPORT_KEY).unwrap()),
        units(&mark)
    );
}

#[wasm_bindgen_test]
fn an_erase_that_stops_part_way_leaves_the_progress() {
    clear();
    let mut store = ProgressStore::open().unwrap();
    store
        .save(&progress_with("kinds/physical"), course(), 10.0)
        .unwrap();
    store.replace(&progress_with("practices/trust")).unwrap();
    let progress = js_get(KEY).unwrap();
    // Firefox's damaged-file case: one removal throws.
    let erased = throwing_for("removeItem", PREVIOUS_KEY, "UnknownError", || store.erase());
    assert!(erased.is_err());
    assert_eq!(
        js_get(KEY).map(|t| units(&t)),
        Some(units(&progress)),
        "the progress is removed last, so it is still there"
    );
    assert_eq!(store.erase(), Ok(()));
    assert!(store.keys().is_empty());
}

#[wasm_bindgen_test]
fn undo_puts_back_a_newer_builds_text_byte_for_byte() {
    clear();
    let newer = format!(
        "{{\"schema\":{},\"lessons\":{{}},\"future_field\":\"NOTE WRITTEN BY THE NEWER BUILD\"}}",
        SCHEMA + 1
    );
    storage().set_item(KEY, &newer).unwrap();
    let mut store = ProgressStore::open().unwrap();
    assert!(matches!(store.load(1.0), Loaded::Newer { .. }));
    store.replace(&progress_with("practices/trust")).unwrap();
    assert!(store.can_undo_import());
    let undone = store.undo_import(2.0).unwrap();
    assert!(
        matches!(&undone, closer::storage::Undo::Restored(l) if matches!(**l, Loaded::Newer { .. })),
        "{undone:?}"
    );
    assert_eq!(storage().get_item(KEY).unwrap(), Some(newer.clone()));
    assert_eq!(storage().get_item(PREVIOUS_KEY).unwrap(), None);
    // And it stays protected: this build does not write over it.
    assert_eq!(
        store.save(&progress_with("kinds/physical"), course(), 3.0),
        Ok(SaveOutcome::Skipped)
    );
    assert_eq!(storage().get_item(KEY).unwrap(), Some(newer));
}

#[wasm_bindgen_test]
fn undo_puts_back_unreadable_text_which_stays_kept_aside() {
    clear();
    let garbage = "{\"schema\":3,\"lessons\":[ not what we wrote";
    storage().set_item(KEY, garbage).unwrap();
    let mut store = ProgressStore::open().unwrap();
    let Loaded::Unreadable {
        backup_key: Some(kept),
        ..
    } = store.load(5.0)
    else {
        panic!("expected unreadable");
    };
    store.replace(&progress_with("practices/trust")).unwrap();
    let undone = store.undo_import(6.0).unwrap();
    assert!(
        matches!(&undone, closer::storage::Undo::Restored(l)
            if matches!(&**l, Loaded::Unreadable { backup_key: Some(k), .. } if *k == kept)),
        "{undone:?}"
    );
    assert_eq!(storage().get_item(KEY).unwrap().as_deref(), Some(garbage));
    assert_eq!(storage().get_item(&kept).unwrap().as_deref(), Some(garbage));
}

#[wasm_bindgen_test]
fn undo_with_no_kept_copy_writes_nothing() {
    clear();
    let mut store = ProgressStore::open().unwrap();
    store
        .save(&progress_with("kinds/physical"), course(), 1.0)
        .unwrap();
    store.replace(&progress_with("practices/trust")).unwrap();
    // Another tab (an older build) forgot the kept copy.
    storage().remove_item(PREVIOUS_KEY).unwrap();
    let stored = storage().get_item(KEY).unwrap();
    let keys = store.keys();
    assert!(!store.can_undo_import());
    assert_eq!(
        store.undo_import(2.0),
        Ok(closer::storage::Undo::NothingKept)
    );
    assert_eq!(storage().get_item(KEY).unwrap(), stored);
    assert_eq!(store.keys(), keys);
}

#[wasm_bindgen_test]
fn undo_after_another_tab_saved_writes_nothing_and_keeps_the_copy() {
    clear();
    let mut a = ProgressStore::open().unwrap();
    let p0 = progress_with("kinds/physical");
    a.save(&p0, course(), 1.0).unwrap();
    a.replace(&progress_with("practices/trust")).unwrap();
    // Tab B opens after the import and saves a lesson visit.
    let mut b = ProgressStore::open().unwrap();
    let Loaded::Found(mut theirs) = b.load(2.0) else {
        panic!("B reads the import");
    };
    theirs.visit("kinds/spiritual", "what-it-is", 3.0);
    assert!(matches!(
        b.save(&theirs, course(), 3.0),
        Ok(SaveOutcome::Saved(_))
    ));
    let stored = storage().get_item(KEY).unwrap();
    assert!(!a.can_undo_import());
    assert_eq!(a.undo_import(4.0), Ok(closer::storage::Undo::Changed));
    assert_eq!(
        storage().get_item(KEY).unwrap(),
        stored,
        "nothing was written"
    );
    assert_eq!(
        storage().get_item(PREVIOUS_KEY).unwrap(),
        Some(p0.encode()),
        "the copy from before the import is still there to download"
    );
}

#[wasm_bindgen_test]
fn a_tab_open_before_an_import_takes_the_import_instead_of_merging_its_old_copy() {
    clear();
    let mut b = ProgressStore::open().unwrap();
    let p0 = progress_with("kinds/physical");
    b.save(&p0, course(), 1.0).unwrap();
    let mut a = ProgressStore::open().unwrap();
    assert_eq!(a.load(2.0), Loaded::Found(p0.clone()));
    let file = progress_with("practices/trust");
    a.replace(&file).unwrap();
    let written = storage().get_item(KEY).unwrap();
    // B still holds P0 and saves it: it is given the file's progress instead.
    assert_eq!(
        b.save(&p0, course(), 3.0),
        Ok(SaveOutcome::Replaced(Box::new(Loaded::Found(file.clone()))))
    );
    assert_eq!(storage().get_item(KEY).unwrap(), written);
    // From then on, B's saves merge as usual.
    let mut next = file.clone();
    next.visit("kinds/spiritual", "what-it-is", 4.0);
    assert!(matches!(
        b.save(&next, course(), 4.0),
        Ok(SaveOutcome::Saved(_))
    ));
    // The undo in A is refused now (B saved), and A's old copy cannot come back either.
    assert_eq!(a.undo_import(5.0), Ok(closer::storage::Undo::Changed));
    assert!(
        !Progress::decode(&storage().get_item(KEY).unwrap().unwrap())
            .unwrap()
            .lessons
            .contains_key("kinds/physical")
    );
}

#[wasm_bindgen_test]
fn an_undo_is_taken_by_the_other_tabs_too() {
    clear();
    let mut a = ProgressStore::open().unwrap();
    let p0 = progress_with("kinds/physical");
    a.save(&p0, course(), 1.0).unwrap();
    let file = progress_with("practices/trust");
    a.replace(&file).unwrap();
    let mut b = ProgressStore::open().unwrap();
    assert_eq!(b.load(2.0), Loaded::Found(file.clone()));
    assert!(matches!(
        a.undo_import(3.0),
        Ok(closer::storage::Undo::Restored(l)) if matches!(*l, Loaded::Found(_))
    ));
    assert_eq!(storage().get_item(KEY).unwrap(), Some(p0.encode()));
    // B, holding the file's progress, takes the undo rather than merging the file back.
    assert_eq!(
        b.save(&file, course(), 4.0),
        Ok(SaveOutcome::Replaced(Box::new(Loaded::Found(p0.clone()))))
    );
    assert_eq!(storage().get_item(KEY).unwrap(), Some(p0.encode()));
}

#[wasm_bindgen_test]
fn a_save_between_an_imports_two_writes_writes_nothing() {
    clear();
    let mut b = ProgressStore::open().unwrap();
    let p0 = progress_with("kinds/physical");
    b.save(&p0, course(), 1.0).unwrap();
    let stored = storage().get_item(KEY).unwrap();
    // Another tab's import has written its mark, and not yet its progress.
    let mark =
        closer::progress::generation::ImportMark::default().imported("0123456789abcdef".into());
    storage()
        .set_item(closer::storage::IMPORT_KEY, &mark.encode())
        .unwrap();
    let mut mine = p0.clone();
    mine.visit("kinds/spiritual", "what-it-is", 2.0);
    assert_eq!(b.save(&mine, course(), 2.0), Ok(SaveOutcome::Skipped));
    assert_eq!(storage().get_item(KEY).unwrap(), stored);
}
