//! The share code: round trips, every single mistake caught, versions, the
//! size bound, and plain refusals of everything else.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::Rating;
use closer_core::share::{
    clean_first_name, decode, grouped, CodeError, FirstNameError, ShareError, Shared, FIRST_DAY,
    KINDS_V1, MAX_CODE_CHARS, MAX_INPUT_CHARS, MIN_CODE_CHARS,
};
use proptest::prelude::*;

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn shared(name: Option<&str>, closeness: u8, values: [(u8, u8); 5], day: u16) -> Shared {
    Shared {
        name: name.map(str::to_string),
        day,
        closeness,
        kinds: KINDS_V1
            .iter()
            .zip(values)
            .map(|(k, (now, wished))| (k.to_string(), Rating { now, wished }))
            .collect(),
    }
}

fn samples() -> Vec<Shared> {
    vec![
        shared(None, 1, [(0, 0); 5], FIRST_DAY),
        shared(
            Some("Sam"),
            4,
            [(1, 3), (0, 0), (2, 2), (4, 1), (3, 4)],
            20_789,
        ),
        shared(Some("Zoë"), 7, [(4, 4); 5], u16::MAX),
        shared(
            Some("Ana-Maria"),
            2,
            [(2, 4), (1, 1), (3, 2), (0, 4), (4, 0)],
            21_000,
        ),
    ]
}

/// Rebuilds the bytes of a code (version 1 layout) with a fresh checksum,
/// to craft codes whose checksum matches but whose content does not.
fn with_checksum(body: &[u8]) -> String {
    let mut bytes = body.to_vec();
    bytes.extend_from_slice(&crc32fast::hash(body).to_be_bytes());
    encode_base32(&bytes)
}

fn encode_base32(bytes: &[u8]) -> String {
    let symbols: Vec<char> = ALPHABET.chars().collect();
    let mut out = String::new();
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(symbols[((acc >> bits) & 31) as usize]);
        }
    }
    if bits > 0 {
        out.push(symbols[((acc << (5 - bits)) & 31) as usize]);
    }
    out
}

#[test]
fn every_sample_round_trips_in_every_spelling() {
    for s in samples() {
        let code = s.encode().unwrap();
        assert!(code.chars().all(|c| ALPHABET.contains(c)), "{code}");
        assert_eq!(decode(&code), Ok(s.clone()));
        assert_eq!(decode(&grouped(&code)), Ok(s.clone()), "with hyphens");
        assert_eq!(decode(&code.to_lowercase()), Ok(s.clone()), "in lower case");
        assert_eq!(
            decode(&format!("  {} \n", grouped(&code).replace('-', " "))),
            Ok(s.clone()),
            "with spaces around and between"
        );
        assert_eq!(
            decode(&format!("https://example.org/closer/compare#{code}")),
            Ok(s.clone()),
            "a whole link"
        );
        assert_eq!(decode(&format!("#{code}")), Ok(s.clone()), "a fragment");
        // Crockford's aliases read as the digits they look like.
        let aliased = code.replace('0', "o").replace('1', "l");
        assert_eq!(decode(&aliased), Ok(s));
    }
}

#[test]
fn the_reference_code_is_stable() {
    // If this changes, codes already sent stop opening: make a new version.
    let s = shared(
        Some("Sam"),
        4,
        [(1, 3), (0, 0), (2, 2), (4, 1), (3, 4)],
        20_789,
    );
    let code = s.encode().unwrap();
    insta::assert_snapshot!(grouped(&code), @"040Y-XNTZ-A4TG-6MV1-DQSW-6BCG");
}

#[test]
fn every_single_character_mistake_is_caught() {
    for s in samples() {
        let code = s.encode().unwrap();
        let chars: Vec<char> = code.chars().collect();
        let mut tried = 0;
        for i in 0..chars.len() {
            // Every other symbol in this place.
            for c in ALPHABET.chars().filter(|c| *c != chars[i]) {
                let mut changed = chars.clone();
                changed[i] = c;
                let changed: String = changed.into_iter().collect();
                assert!(
                    decode(&changed).is_err(),
                    "{code} -> {changed} was accepted"
                );
                tried += 1;
            }
            // This character left out.
            let mut shorter = chars.clone();
            shorter.remove(i);
            let shorter: String = shorter.into_iter().collect();
            assert!(decode(&shorter).is_err(), "{code} without {i} was accepted");
            // One more character here.
            for c in ALPHABET.chars() {
                let mut longer = chars.clone();
                longer.insert(i, c);
                let longer: String = longer.into_iter().collect();
                assert!(decode(&longer).is_err(), "{code} + {c} at {i} was accepted");
            }
            // Two neighbours swapped.
            if i + 1 < chars.len() && chars[i] != chars[i + 1] {
                let mut swapped = chars.clone();
                swapped.swap(i, i + 1);
                let swapped: String = swapped.into_iter().collect();
                assert!(
                    decode(&swapped).is_err(),
                    "{code} swapped at {i} was accepted"
                );
            }
        }
        assert_eq!(tried, chars.len() * 31);
    }
}

#[test]
fn the_size_bound_holds() {
    let none = shared(None, 7, [(4, 4); 5], u16::MAX).encode().unwrap();
    assert_eq!(none.len(), MIN_CODE_CHARS);
    assert_eq!(MIN_CODE_CHARS, 20);
    // A first name of up to 12 letters keeps the code within 40 characters.
    let twelve = shared(Some("Alexandrinas"), 7, [(4, 4); 5], u16::MAX)
        .encode()
        .unwrap();
    assert!(twelve.len() <= 40, "{} characters", twelve.len());
    // The longest name the code allows, in the widest letters.
    let widest = shared(Some("ŽŽŽŽŽŽŽŽŽŽŽŽ"), 7, [(4, 4); 5], u16::MAX)
        .encode()
        .unwrap();
    assert!(widest.len() <= MAX_CODE_CHARS);
    assert_eq!(MAX_CODE_CHARS, 58);
}

#[test]
fn a_first_name_must_fit() {
    let base = samples()[1].clone();
    let with = |name: &str| {
        Shared {
            name: Some(name.to_string()),
            ..base.clone()
        }
        .encode()
    };
    assert_eq!(
        with("Maximilianaaaaaaa"),
        Err(ShareError::Name(FirstNameError::TooLong)),
        "17 letters"
    );
    assert_eq!(
        with("😀😀😀😀😀😀😀"),
        Err(ShareError::Name(FirstNameError::TooLong)),
        "7 letters, but 28 bytes"
    );
    assert_eq!(
        with("Sam\nJo"),
        Err(ShareError::Name(FirstNameError::Control))
    );
    assert!(with("<b>Jo</b>").is_ok(), "markup is only text");
    // A right-to-left override would turn the app's own heading around the
    // name backwards; a zero-width space makes two names look alike. Both are
    // refused when the name is typed, and a code carrying one (decoding runs
    // the same check) is refused as damaged.
    for hidden in [
        "ana\u{202E}kcehc",
        "Sa\u{200B}m",
        "\u{2067}Jo",
        "Jo\u{FEFF}",
    ] {
        assert_eq!(
            with(hidden),
            Err(ShareError::Name(FirstNameError::Control)),
            "{hidden:?}"
        );
        assert_eq!(clean_first_name(hidden), Err(FirstNameError::Control));
    }
    assert_eq!(
        clean_first_name("مي\u{200C}نا"),
        Ok(Some("مي\u{200C}نا".to_string()))
    );
}

#[test]
fn incomplete_answers_cannot_be_shared() {
    let mut s = samples()[1].clone();
    s.kinds.remove("spiritual");
    assert_eq!(s.encode(), Err(ShareError::Kinds));
    let mut s = samples()[1].clone();
    s.kinds.insert("other".into(), Rating { now: 1, wished: 1 });
    assert_eq!(s.encode(), Err(ShareError::Kinds));
    let mut s = samples()[1].clone();
    s.kinds.get_mut("physical").unwrap().wished = 5;
    assert_eq!(s.encode(), Err(ShareError::Kinds));
    let s = Shared {
        closeness: 0,
        ..samples()[1].clone()
    };
    assert_eq!(s.encode(), Err(ShareError::Closeness));
    let s = Shared {
        day: FIRST_DAY - 1,
        ..samples()[1].clone()
    };
    assert_eq!(s.encode(), Err(ShareError::Day));
}

/// The version-1 body of a sample, to alter before its checksum.
fn body_of(s: &Shared) -> Vec<u8> {
    let code = s.encode().unwrap();
    let bytes = decode_bytes(&code);
    bytes[..bytes.len() - 4].to_vec()
}

fn decode_bytes(code: &str) -> Vec<u8> {
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut out = Vec::new();
    for c in code.chars() {
        acc = (acc << 5) | ALPHABET.find(c).unwrap() as u32;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[test]
fn versions_are_told_apart_from_damage() {
    let body = body_of(&samples()[1]);
    let mut newer = body.clone();
    newer[0] = 2;
    assert_eq!(decode(&with_checksum(&newer)), Err(CodeError::Newer));
    newer[0] = 255;
    assert_eq!(decode(&with_checksum(&newer)), Err(CodeError::Newer));
    let mut zero = body.clone();
    zero[0] = 0;
    assert_eq!(
        decode(&with_checksum(&zero)),
        Err(CodeError::UnknownVersion)
    );
    // The same change without a fresh checksum is damage, not a version.
    let code = samples()[1].encode().unwrap();
    let mut bytes = decode_bytes(&code);
    bytes[0] = 2;
    assert_eq!(decode(&encode_base32(&bytes)), Err(CodeError::Damaged));
}

#[test]
fn crafted_codes_with_a_good_checksum_are_refused() {
    let body = body_of(&samples()[1]);
    // Answers past the last closeness picture.
    let mut over = body.clone();
    over[1..5].copy_from_slice(&(7 * 9_765_625u32).to_be_bytes());
    assert_eq!(decode(&with_checksum(&over)), Err(CodeError::Invalid));
    // A day before Closer existed.
    let mut early = body.clone();
    early[5..7].copy_from_slice(&1u16.to_be_bytes());
    assert_eq!(decode(&with_checksum(&early)), Err(CodeError::Invalid));
    // A name length that does not match the name.
    let mut length = body.clone();
    length[7] = 9;
    assert_eq!(decode(&with_checksum(&length)), Err(CodeError::Invalid));
    // A name that is not UTF-8, or has a line break, or spaces around it.
    let mut bad = body[..8].to_vec();
    bad[7] = 2;
    bad.extend_from_slice(&[0xff, 0xfe]);
    assert_eq!(decode(&with_checksum(&bad)), Err(CodeError::Invalid));
    let mut control = body[..8].to_vec();
    control[7] = 3;
    control.extend_from_slice(b"a\nb");
    assert_eq!(decode(&with_checksum(&control)), Err(CodeError::Invalid));
    let mut spaced = body[..8].to_vec();
    spaced[7] = 3;
    spaced.extend_from_slice(b" ab");
    assert_eq!(decode(&with_checksum(&spaced)), Err(CodeError::Invalid));
    // A body too short for its fields.
    assert_eq!(
        decode(&with_checksum(&body[..5])),
        Err(CodeError::Incomplete)
    );
    assert_eq!(decode(&with_checksum(&[])), Err(CodeError::Incomplete));
}

#[test]
fn everything_else_gets_a_plain_refusal() {
    let code = samples()[1].encode().unwrap();
    let cases: Vec<(String, CodeError)> = vec![
        (String::new(), CodeError::Empty),
        ("  - - ".into(), CodeError::Empty),
        ("https://example.org/compare#".into(), CodeError::Empty),
        (code[..10].into(), CodeError::Incomplete),
        (code[..code.len() - 1].into(), CodeError::Damaged),
        (code.repeat(3), CodeError::TooLong),
        ("A".repeat(MAX_INPUT_CHARS + 1), CodeError::TooLong),
        (format!("{code}!"), CodeError::NotACode),
        ("<script>alert(1)</script>".into(), CodeError::NotACode),
        (
            format!("{}U{}", &code[..3], &code[4..]),
            CodeError::NotACode,
        ),
        (code.replace(&code[..2], "ÄÖ"), CodeError::NotACode),
        ("0".repeat(MIN_CODE_CHARS), CodeError::Damaged),
    ];
    for (input, expected) in cases {
        let got = decode(&input);
        assert_eq!(got, Err(expected), "{input:?}");
        let message = expected.to_string();
        assert!(message.ends_with('.'), "{message}");
        assert!(!message.contains("Err"), "{message}");
    }
}

fn any_shared() -> impl Strategy<Value = Shared> {
    (
        proptest::option::of("[A-Za-zÀ-ÿ]{1,12}"),
        1u8..=7,
        proptest::array::uniform5((0u8..=4, 0u8..=4)),
        FIRST_DAY..=u16::MAX,
    )
        .prop_map(|(name, closeness, values, day)| shared(name.as_deref(), closeness, values, day))
}

proptest! {
    #[test]
    fn any_answers_round_trip(s in any_shared()) {
        let code = s.encode().unwrap();
        prop_assert!(code.len() >= MIN_CODE_CHARS && code.len() <= MAX_CODE_CHARS);
        prop_assert_eq!(decode(&code), Ok(s.clone()));
        prop_assert_eq!(decode(&grouped(&code)), Ok(s));
    }

    #[test]
    fn any_text_is_read_or_refused_without_a_panic(text in "\\PC{0,80}") {
        if let Ok(s) = decode(&text) {
            // Whatever is accepted is a code this build writes the same way.
            prop_assert_eq!(decode(&s.encode().unwrap()), Ok(s));
        }
    }

    #[test]
    fn any_code_shaped_text_is_read_or_refused(text in "[0-9A-Z]{20,58}") {
        if let Ok(s) = decode(&text) {
            prop_assert_eq!(s.check(), Ok(()));
        }
    }
}

#[test]
fn kinds_v1_are_the_guides_kinds() {
    let guide = guide::checkin_guide();
    let mut theirs: Vec<&str> = guide.kinds.iter().map(|k| &*k.id).collect();
    let mut ours = KINDS_V1.to_vec();
    theirs.sort_unstable();
    ours.sort_unstable();
    assert_eq!(theirs, ours, "a new kind needs a new code version");
}
