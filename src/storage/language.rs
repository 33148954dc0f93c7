//! The language the person chose, kept in `localStorage` under
//! [`LANG_KEY`](crate::keys::LANG_KEY) (plain, outside the lock: see there).
//! A preference: when storage is blocked or full, nothing is kept and the
//! next visit follows the address and the browser's languages, so a failure
//! here has nothing to report.

use crate::keys::LANG_KEY;
use closer_core::i18n::Lang;
use web_sys::Storage;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen before, if any. (The first-screen script keeps the
/// choice, as it is the one that sees a picker's link arrive, before the app.)
pub fn chosen() -> Option<Lang> {
    Lang::from_code(&local()?.get_item(LANG_KEY).ok().flatten()?)
}

/// Keeps `lang` as the person's choice, as the first-screen script does
/// (for tests of what follows from a choice).
pub fn choose(lang: Lang) {
    if let Some(s) = local() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// Forgets the choice (erasing everything).
pub fn forget() {
    if let Some(s) = local() {
        let _ = s.remove_item(LANG_KEY);
    }
}
