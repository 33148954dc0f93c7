//! Any text at all, read as a pasted share code or a link's fragment:
//! nothing may panic, and whatever is accepted must be a valid check-in
//! that encodes back to a code reading as itself.
#![no_main]

use closer_core::share::{decode, grouped};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(shared) = decode(&text) {
        assert_eq!(shared.check(), Ok(()));
        let code = shared.encode().expect("an accepted code re-encodes");
        assert_eq!(decode(&code).as_ref(), Ok(&shared));
        assert_eq!(decode(&grouped(&code)).as_ref(), Ok(&shared));
    }
});
