//! Any bytes at all, read as stored progress and as an imported file: nothing
//! may panic, and whatever is accepted must save and read back as itself.
#![no_main]

use closer::content::course;
use closer::progress::transfer::import;
use closer::progress::Progress;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(progress) = Progress::decode(&text) {
        // What was read can be written and read again.
        assert!(Progress::decode(&progress.encode()).is_ok());
        let _ = progress.merge(&Progress::default(), course());
    }
    if let Ok(found) = import(&text, course()) {
        let saved = found.progress.encode();
        let again = import(&saved, course()).expect("an accepted import re-imports");
        assert!(again.ignored.is_empty(), "nothing unknown survives an import");
    }
});
