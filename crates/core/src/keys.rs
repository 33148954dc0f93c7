//! The localStorage keys Closer writes, and how a kept copy's key is chosen.
//! Pure, so the naming rules test natively; only `storage` uses the keys.

use crate::time::Millis;

/// The one key progress lives under.
pub const KEY: &str = "closer.progress";

/// Prefix of the keys that keep unreadable data, byte for byte, with the time
/// it was found (`closer.progress.unreadable.1732450000000`).
pub const BACKUP_PREFIX: &str = "closer.progress.unreadable.";

/// Where the progress that an import replaced is kept, byte for byte, until
/// it is put back (Undo), replaced by the next import's, or erased. It can be
/// put back only while the stored progress is still what the import wrote;
/// after that it stays, to be downloaded.
pub const PREVIOUS_KEY: &str = "closer.progress.before-import";

/// The import mark (see `progress::generation`): which import generation the
/// stored progress belongs to, and a digest of what the last import wrote.
pub const IMPORT_KEY: &str = "closer.progress.import";

/// The optional lock's plain header (see `lock::LockHeader`): present only
/// while a lock is set, when every other key holds an encrypted envelope.
pub const LOCK_KEY: &str = "closer.lock";

/// The `sessionStorage` key (this tab only, gone when it closes) of the
/// answers someone shared, as opened on the compare page, until they are
/// kept or closed: a reload does not lose them. Never written while a lock
/// is set (they are personal, and `sessionStorage` is plain text).
pub const SHARED_KEY: &str = "closer.shared";

/// Every key Closer writes starts with this; erasing removes them all.
pub const PREFIX: &str = "closer.";

/// The language the person chose (`es`), in plain text and outside
/// [`PREFIX`] on purpose: the lock seals every key under the prefix, and
/// the page must know its language before any passphrase is typed (the lock
/// screen speaks it), as the first-screen script must before it paints.
/// It says only which language the pages are in. Erasing removes it too.
pub const LANG_KEY: &str = "closer-lang";

/// A key for keeping unreadable text found at `now` that no existing key
/// holds: `<prefix><now>`, or `<prefix><now>-2`, `-3`, ... when two texts are
/// kept in the same millisecond, so one copy never writes over another.
pub fn backup_key(now: Millis, taken: impl Fn(&str) -> bool) -> String {
    // Whole milliseconds: the key is a name, and a name should not carry a fraction.
    let stamp = now.max(0.0).floor() as u64;
    let first = format!("{BACKUP_PREFIX}{stamp}");
    if !taken(&first) {
        return first;
    }
    (2u32..)
        .map(|n| format!("{BACKUP_PREFIX}{stamp}-{n}"))
        .find(|k| !taken(k))
        .expect("an unbounded range has a free key")
}

/// The time stamp part of a kept copy's key (`1732450000000-2`), for its file name.
pub fn stamp_of(key: &str) -> &str {
    key.strip_prefix(BACKUP_PREFIX)
        .or_else(|| key.rsplit('.').next())
        .unwrap_or("copy")
}
