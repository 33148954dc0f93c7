//! Any text at all, read as a pasted share code or a link's fragment:
//! nothing may panic, and whatever is accepted (a whole share or a
//! mutual-only one) must be valid and encode back to a code reading as
//! itself.
#![no_main]

use closer_core::share::{decode, grouped, open, Received};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match open(&text) {
        Ok(Received::All(shared)) => {
            assert_eq!(shared.check(), Ok(()));
            let code = shared.encode().expect("an accepted code re-encodes");
            assert_eq!(decode(&code).as_ref(), Ok(&shared));
            assert_eq!(decode(&grouped(&code)).as_ref(), Ok(&shared));
        }
        Ok(Received::Mutual(mutual)) => {
            assert_eq!(mutual.check(), Ok(()));
            let code = mutual.encode().expect("an accepted code re-encodes");
            let again = Received::Mutual(mutual);
            assert_eq!(open(&grouped(&code)).as_ref(), Ok(&again));
            assert!(decode(&code).is_err(), "not a whole share");
        }
        Err(_) => assert!(decode(&text).is_err()),
    }
});
