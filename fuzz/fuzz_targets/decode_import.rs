//! Any bytes at all, read as stored progress and as an imported file: nothing
//! may panic, and whatever is accepted must save and read back as itself.
#![no_main]

use closer_core::content::compile::{load, Guide};
use closer_core::progress::transfer::import;
use closer_core::progress::Progress;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The guide, read once from content/ by the compiler the app's build uses.
fn guide() -> &'static Guide {
    static GUIDE: OnceLock<Guide> = OnceLock::new();
    GUIDE.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        load(&root).expect("the content compiles")
    })
}

fuzz_target!(|data: &[u8]| {
    let Guide {
        course, checkin, ..
    } = guide();
    let text = String::from_utf8_lossy(data);
    if let Ok(progress) = Progress::decode(&text) {
        // What was read can be written and read again.
        assert!(Progress::decode(&progress.encode()).is_ok());
        let _ = progress.merge(&Progress::default(), course);
    }
    if let Ok(found) = import(&text, course, checkin) {
        let saved = found.progress.encode();
        let again = import(&saved, course, checkin).expect("an accepted import re-imports");
        assert!(again.ignored.is_empty(), "nothing unknown survives an import");
    }
});
