//! The share code: round trips, every single mistake caught, versions, the
//! size bound, and plain refusals of everything else.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::checkin::Rating;
use closer_core::share::{
    clean_first_name, decode, grouped, open, CodeError, FirstNameError, MutualShared, Received,
    ShareError, Shared, FIRST_DAY, KINDS_V1, MAX_CODE_CHARS, MAX_INPUT_CHARS, MIN_CODE_CHARS,
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
fn a_code_sent_before_version_2_still_opens_the_same() {
    // Made by the build before the mutual-only mode existed.
    let sent = "040Y-XNTZ-A4TG-6MV1-DQSW-6BCG";
    let s = shared(
        Some("Sam"),
        4,
        [(1, 3), (0, 0), (2, 2), (4, 1), (3, 4)],
        20_789,
    );
    assert_eq!(decode(sent), Ok(s.clone()));
    assert_eq!(open(sent), Ok(Received::All(s.clone())));
    // And this build writes a whole share exactly as that one did.
    assert_eq!(grouped(&s.encode().unwrap()), sent);
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
    assert_eq!(none.len(), 20);
    // The shortest is a mutual-only code with no name.
    let mutual_none = mutual(None, &KINDS_V1, u16::MAX).encode().unwrap();
    assert_eq!(mutual_none.len(), MIN_CODE_CHARS);
    assert_eq!(MIN_CODE_CHARS, 15);
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
    newer[0] = 3;
    assert_eq!(decode(&with_checksum(&newer)), Err(CodeError::Newer));
    assert_eq!(open(&with_checksum(&newer)), Err(CodeError::Newer));
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
    // A body too short for its fields: long enough to be a code (a
    // mutual-only one is this short), but not a version-1 one.
    assert_eq!(decode(&with_checksum(&body[..5])), Err(CodeError::Invalid));
    assert_eq!(
        decode(&with_checksum(&body[..3])),
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

fn mutual(name: Option<&str>, more: &[&str], day: u16) -> MutualShared {
    MutualShared {
        name: name.map(str::to_string),
        day,
        more: more.iter().map(|k| k.to_string()).collect(),
    }
}

fn mutual_samples() -> Vec<MutualShared> {
    vec![
        mutual(None, &["physical"], FIRST_DAY),
        mutual(Some("Sam"), &["emotional", "experiential"], 20_789),
        mutual(Some("Zoë"), &KINDS_V1, u16::MAX),
        mutual(
            Some("Ana-Maria"),
            &["spiritual", "shared-interests"],
            21_000,
        ),
    ]
}

#[test]
fn mutual_only_codes_round_trip_in_every_spelling() {
    for m in mutual_samples() {
        let code = m.encode().unwrap();
        assert!(
            code.len() >= MIN_CODE_CHARS && code.len() <= MAX_CODE_CHARS,
            "{code}"
        );
        let want = Ok(Received::Mutual(m.clone()));
        assert_eq!(open(&code), want);
        assert_eq!(open(&grouped(&code)), want, "with hyphens");
        assert_eq!(open(&code.to_lowercase()), want, "in lower case");
        assert_eq!(open(&format!("https://example.org/compare#{code}")), want);
        // Not a whole share: the reader of version 1 alone refuses it.
        assert_eq!(decode(&code), Err(CodeError::Invalid));
    }
}

#[test]
fn the_mutual_only_reference_code_is_stable() {
    // If this changes, mutual-only codes already sent stop opening.
    let code = mutual(Some("Sam"), &["emotional", "experiential"], 20_789)
        .encode()
        .unwrap();
    insta::assert_snapshot!(grouped(&code), @"08C5-2D83-ADGP-VVMF-KREG");
}

#[test]
fn a_mutual_only_code_carries_only_the_kinds() {
    // Version, kinds, day, name length, the name, the checksum: no ratings,
    // no closeness picture.
    let m = mutual(Some("Sam"), &["emotional", "experiential"], 20_789);
    let bytes = decode_bytes(&m.encode().unwrap());
    assert_eq!(bytes.len(), 5 + 3 + 4);
    assert_eq!(bytes[0], 2);
    assert_eq!(bytes[1], 0b11000);
    assert_eq!(&bytes[5..8], b"Sam");
}

#[test]
fn every_single_character_mistake_in_a_mutual_code_is_caught() {
    for m in mutual_samples() {
        let code = m.encode().unwrap();
        let chars: Vec<char> = code.chars().collect();
        for i in 0..chars.len() {
            for c in ALPHABET.chars().filter(|c| *c != chars[i]) {
                let mut changed = chars.clone();
                changed[i] = c;
                let changed: String = changed.into_iter().collect();
                assert!(open(&changed).is_err(), "{changed} from {code}");
            }
        }
    }
}

#[test]
fn a_mutual_share_needs_a_kind_wished_for_more() {
    assert_eq!(
        mutual(None, &[], 20_789).encode(),
        Err(ShareError::NothingMore)
    );
    assert_eq!(
        mutual(None, &["telepathic"], 20_789).encode(),
        Err(ShareError::Kinds)
    );
    assert_eq!(
        mutual(None, &["physical"], FIRST_DAY - 1).encode(),
        Err(ShareError::Day)
    );
    assert!(mutual(Some(" Sam"), &["physical"], 20_789)
        .encode()
        .is_err());
}

#[test]
fn crafted_mutual_codes_with_a_good_checksum_are_refused() {
    let good = decode_bytes(
        &mutual(Some("Sam"), &["emotional"], 20_789)
            .encode()
            .unwrap(),
    );
    let body = good[..good.len() - 4].to_vec();
    assert!(open(&with_checksum(&body)).is_ok());
    // No kind at all, or a kind past the fifth.
    for bits in [0u8, 0b10_0000, 0b1000_0001, 0xff] {
        let mut crafted = body.clone();
        crafted[1] = bits;
        assert_eq!(
            open(&with_checksum(&crafted)),
            Err(CodeError::Invalid),
            "{bits:#b}"
        );
    }
    // A day before Closer existed.
    let mut early = body.clone();
    early[2..4].copy_from_slice(&1u16.to_be_bytes());
    assert_eq!(open(&with_checksum(&early)), Err(CodeError::Invalid));
    // A name length that does not match the name, or a name with a break.
    let mut length = body.clone();
    length[4] = 9;
    assert_eq!(open(&with_checksum(&length)), Err(CodeError::Invalid));
    let mut control = body[..5].to_vec();
    control[4] = 3;
    control.extend_from_slice(b"a\nb");
    assert_eq!(open(&with_checksum(&control)), Err(CodeError::Invalid));
    // Too short for its fields.
    assert_eq!(open(&with_checksum(&body[..3])), Err(CodeError::Incomplete));
    // The same change without a fresh checksum is damage.
    let mut bytes = good.clone();
    bytes[1] = 0b11111;
    assert_eq!(open(&encode_base32(&bytes)), Err(CodeError::Damaged));
}

fn any_mutual() -> impl Strategy<Value = MutualShared> {
    (
        proptest::option::of("[A-Za-zÀ-ÿ]{1,12}"),
        1u8..32,
        FIRST_DAY..=u16::MAX,
    )
        .prop_map(|(name, bits, day)| MutualShared {
            name,
            day,
            more: KINDS_V1
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, k)| k.to_string())
                .collect(),
        })
}

proptest! {
    #[test]
    fn any_mutual_share_round_trips(m in any_mutual()) {
        let code = m.encode().unwrap();
        prop_assert!(code.len() >= MIN_CODE_CHARS && code.len() <= MAX_CODE_CHARS);
        prop_assert_eq!(open(&grouped(&code)), Ok(Received::Mutual(m)));
    }

    #[test]
    fn any_text_opens_or_is_refused_without_a_panic(text in "\\PC{0,80}") {
        match open(&text) {
            Ok(Received::All(s)) => prop_assert_eq!(decode(&s.encode().unwrap()), Ok(s)),
            Ok(Received::Mutual(m)) => prop_assert_eq!(open(&m.encode().unwrap()), Ok(Received::Mutual(m))),
            Err(_) => {}
        }
    }

    #[test]
    fn any_code_shaped_text_opens_to_a_valid_share_or_is_refused(text in "[0-9A-Z]{15,58}") {
        match open(&text) {
            Ok(Received::All(s)) => prop_assert_eq!(s.check(), Ok(())),
            Ok(Received::Mutual(m)) => prop_assert_eq!(m.check(), Ok(())),
            Err(_) => {}
        }
    }
}
