//! The optional lock's stored format: any envelope reads back as written,
//! and anything cut short, changed or of another version is refused (never
//! read as something else, never a panic).
#![cfg(not(target_arch = "wasm32"))]

use closer_core::lock::{
    base64_decode, base64_encode, Envelope, EnvelopeError, LockHeader, IDLE_CHOICES, ITERATIONS,
    MAX_ITERATIONS, NONCE_LEN, SALT_LEN, TAG_LEN,
};
use proptest::prelude::*;

fn envelope() -> impl Strategy<Value = Envelope> {
    (
        ITERATIONS..=MAX_ITERATIONS,
        any::<[u8; SALT_LEN]>(),
        any::<[u8; NONCE_LEN]>(),
        proptest::collection::vec(any::<u8>(), TAG_LEN..300),
    )
        .prop_map(|(iterations, salt, nonce, ciphertext)| Envelope {
            iterations,
            salt,
            nonce,
            ciphertext,
        })
}

proptest! {
    #[test]
    fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(base64_decode(&base64_encode(&bytes)), Some(bytes));
    }

    #[test]
    fn base64_never_panics(text in ".{0,64}") {
        let _ = base64_decode(&text);
    }

    #[test]
    fn every_envelope_round_trips(e in envelope()) {
        prop_assert_eq!(Envelope::decode(&e.encode()), Ok(e));
    }

    #[test]
    fn every_header_round_trips(e in envelope(), idle in 0usize..IDLE_CHOICES.len()) {
        let h = LockHeader { idle_minutes: IDLE_CHOICES[idle], check: e };
        prop_assert_eq!(LockHeader::decode(&h.encode()), Ok(h));
    }

    #[test]
    fn a_truncated_envelope_is_refused(e in envelope(), cut in 1usize..400) {
        let text = e.encode();
        let end = text.len().saturating_sub(cut);
        prop_assert!(Envelope::decode(&text[..end]).is_err());
    }

    /// One character changed anywhere: refused, or read as an envelope that
    /// differs (which AES-GCM's tag then refuses to open); never the same one.
    #[test]
    fn a_changed_character_never_reads_as_the_same_envelope(e in envelope(), at in any::<prop::sample::Index>(), c in proptest::char::range('!', '~')) {
        let text = e.encode();
        let i = at.index(text.len());
        prop_assume!(text.as_bytes()[i] != c as u8);
        let mut changed = text.into_bytes();
        changed[i] = c as u8;
        let changed = String::from_utf8(changed).unwrap();
        if let Ok(read) = Envelope::decode(&changed) {
            prop_assert_ne!(read, e);
        }
    }

    #[test]
    fn any_text_is_refused_without_a_panic(text in ".{0,300}") {
        let _ = Envelope::decode(&text);
        let _ = LockHeader::decode(&text);
    }
}

#[test]
fn every_other_version_is_named_as_unknown() {
    let e = Envelope {
        iterations: ITERATIONS,
        salt: [1; SALT_LEN],
        nonce: [2; NONCE_LEN],
        ciphertext: vec![3; TAG_LEN],
    };
    for v in [0u32, 2, 99] {
        let text = e
            .encode()
            .replace("\"closer-locked\":1", &format!("\"closer-locked\":{v}"));
        assert_eq!(
            Envelope::decode(&text),
            Err(EnvelopeError::UnknownVersion(v))
        );
    }
}
