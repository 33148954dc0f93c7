//! The language the person chose, kept in `localStorage` under
//! [`LANG_KEY`](crate::keys::LANG_KEY) (plain, outside the lock: see there).
//! The first-screen script reads and keeps it, as it is the one that sees a
//! picker's link arrive, before the app; the app only forgets it (Erase).
//! A preference: when storage is blocked or full, nothing is kept and the
//! next visit follows the address and the browser's languages, so a failure
//! here has nothing to report.

use crate::keys::LANG_KEY;
use web_sys::Storage;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Forgets the choice (erasing everything).
pub fn forget() {
    if let Some(s) = local() {
        let _ = s.remove_item(LANG_KEY);
    }
}
