//! The tab's own `sessionStorage`, for one thing: the answers someone
//! shared, opened on the compare page and not yet kept or closed, so that a
//! reload (or a phone dropping the tab in the background) does not lose
//! them. The browser forgets them when the tab closes.
//!
//! Under a lock they are personal data like the rest, and `sessionStorage`
//! is plain text: the compare page then keeps them in memory only, and
//! whatever was kept here goes as soon as a lock is set (`App` watches the
//! lock and calls [`forget_shared`]). A storage error here only means a
//! reload loses them, as before: nothing to report.

use crate::keys::SHARED_KEY;
use web_sys::Storage;

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Keeps the shared code (as it was opened: a code or a link's fragment) for this tab.
pub fn keep_shared(code: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(SHARED_KEY, code);
    }
}

/// The shared code this tab kept, if any.
pub fn shared() -> Option<String> {
    session()?.get_item(SHARED_KEY).ok().flatten()
}

/// Forgets the shared code: kept, closed, erased, or a lock was set.
pub fn forget_shared() {
    if let Some(s) = session() {
        let _ = s.remove_item(SHARED_KEY);
    }
}
