//! The share code: a check-in's answers as a short text that a person can
//! send, paste or put in a link after the `#`.
//!
//! Layout, version 1 (bytes, big-endian):
//!
//! | bytes | what |
//! |---|---|
//! | 1 | the version, 1 |
//! | 4 | the answers as one number: (closeness − 1) × 5¹⁰ plus the ten ratings in base 5, kind by kind in [`KINDS_V1`] order, now before wished for |
//! | 2 | the day of the check-in, days since 1970-01-01 in the sender's time zone |
//! | 1 | the first name's length in bytes, 0 for none |
//! | 0 to [`FIRST_NAME_MAX_BYTES`] | the first name, UTF-8 |
//! | 4 | CRC-32 (IEEE) of every byte before it |
//!
//! The bytes are written in Crockford's base32 (digits and capital letters
//! without I, L, O and U), read back case-insensitively with O as 0 and I
//! and L as 1, and shown in groups of four. The version and the checksum
//! sit in the same place in every version, so a code that a newer Closer
//! made is told apart from a damaged one.
//!
//! The CRC-32 catches every change to a burst of up to 32 bits; one wrong
//! character changes at most 5 bits in a row, two swapped neighbours at
//! most 10, so every such mistake is caught (tests/share_code.rs checks
//! this exhaustively for several codes).

use crate::checkin::{Rating, CLOSENESS_MAX, SCALE_MAX};
use std::collections::BTreeMap;
use std::fmt;

/// The version this build writes, and the only one it reads.
pub const VERSION: u8 = 1;

/// The kinds of intimacy in the order version 1 writes them. Fixed for
/// the life of version 1, whatever order the guide asks them in.
pub const KINDS_V1: [&str; 5] = [
    "physical",
    "spiritual",
    "shared-interests",
    "emotional",
    "experiential",
];

/// The most characters a first name in a code may have.
pub const FIRST_NAME_MAX_CHARS: usize = 16;

/// The most bytes (UTF-8) a first name in a code may have.
pub const FIRST_NAME_MAX_BYTES: usize = 24;

/// The day before which no code can have been made (2026-01-01): an
/// earlier day is a crafted code.
pub const FIRST_DAY: u16 = 20_454;

/// Bytes before the name: version, answers, day, name length.
const HEAD: usize = 8;
/// Bytes of the checksum.
const CHECK: usize = 4;
/// Five points per rating, ten ratings.
const ANSWERS: u32 = 9_765_625;

/// The fewest characters of a code (no name).
pub const MIN_CODE_CHARS: usize = chars_for(HEAD + CHECK);

/// The most characters of a code (the longest name), without the hyphens.
pub const MAX_CODE_CHARS: usize = chars_for(HEAD + FIRST_NAME_MAX_BYTES + CHECK);

/// The most characters of pasted text that is even looked at; anything
/// longer is refused before it is read.
pub const MAX_INPUT_CHARS: usize = 2_000;

const fn chars_for(bytes: usize) -> usize {
    (bytes * 8).div_ceil(5)
}

/// What a person shares: the closeness picture, the five kinds now and
/// wished for, the day, and a first name only if they gave one. Never a
/// note, never another relationship.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shared {
    /// Their first name, if they typed one.
    pub name: Option<String>,
    /// The day of the check-in (days since 1970-01-01, their time zone).
    pub day: u16,
    /// The closeness picture, 1 to [`CLOSENESS_MAX`].
    pub closeness: u8,
    /// Per kind id of [`KINDS_V1`]: now and wished for.
    pub kinds: BTreeMap<String, Rating>,
}

/// Why a first name cannot go into a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstNameError {
    /// Longer than [`FIRST_NAME_MAX_CHARS`] characters or
    /// [`FIRST_NAME_MAX_BYTES`] bytes.
    TooLong,
    /// A control character (a line break, a tab) or another hidden one
    /// ([`crate::text::is_hidden_control`]: a mark that reverses text, a
    /// zero-width space).
    Control,
}

impl fmt::Display for FirstNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FirstNameError::TooLong => write!(
                f,
                "Keep it to a first name of {FIRST_NAME_MAX_CHARS} letters or fewer, or leave it empty."
            ),
            FirstNameError::Control => {
                write!(f, "Write the name with letters only: no line breaks, tabs or hidden characters.")
            }
        }
    }
}

/// Trims a first name: empty is none, and a name must fit a code.
pub fn clean_first_name(name: &str) -> Result<Option<String>, FirstNameError> {
    let name = name.trim();
    if name.is_empty() {
        return Ok(None);
    }
    if name.chars().any(crate::text::is_hidden_control) {
        return Err(FirstNameError::Control);
    }
    if name.chars().count() > FIRST_NAME_MAX_CHARS || name.len() > FIRST_NAME_MAX_BYTES {
        return Err(FirstNameError::TooLong);
    }
    Ok(Some(name.to_string()))
}

/// Why a code or link cannot be read. Each says, in plain words, what the
/// person can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing to read.
    Empty,
    /// Longer than any code.
    TooLong,
    /// Characters that no code has.
    NotACode,
    /// Too short to be a whole code.
    Incomplete,
    /// The checksum does not match: a character is wrong or missing.
    Damaged,
    /// Made by a newer Closer (a higher version with a good checksum).
    Newer,
    /// A version no Closer writes (0).
    UnknownVersion,
    /// The checksum matches but the answers are impossible: not a code
    /// that Closer made.
    Invalid,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CodeError::Empty => "First paste the code or the link you were sent.",
            CodeError::TooLong => "This is longer than any Closer code. Check that you copied only the code or the link, or ask for a new one.",
            CodeError::NotACode => "This is not a Closer code: a code has only letters, numbers, spaces and hyphens. Check what you pasted, or ask for a new one.",
            CodeError::Incomplete => "This code is incomplete: part of it is missing. Check that you copied all of it, or ask for a new one.",
            CodeError::Damaged => "This code is damaged: a character is wrong or missing. Check it against what you were sent, or ask for a new one.",
            CodeError::Newer => "This code was made by a newer version of Closer. Reload this page to update Closer, then open the code again.",
            CodeError::UnknownVersion => "This code is of a version Closer cannot read. Ask for a new one.",
            CodeError::Invalid => "This code cannot be read as a check-in. Ask for a new one.",
        })
    }
}

/// Why a check-in cannot be put into a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// The closeness picture is out of range.
    Closeness,
    /// A kind of [`KINDS_V1`] has no rating, or one out of range, or there
    /// is a kind that version 1 cannot carry.
    Kinds,
    /// The day is before [`FIRST_DAY`].
    Day,
    /// The first name does not fit.
    Name(FirstNameError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Name(e) => e.fmt(f),
            _ => write!(
                f,
                "This check-in cannot be shared because some answers are missing. Check in again to share."
            ),
        }
    }
}

/// Crockford's base32 alphabet: digits and capitals without I, L, O, U.
const SYMBOLS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The 5-bit value of a code character, read case-insensitively, with O as
/// 0 and I and L as 1; `None` for anything else.
fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    SYMBOLS
        .iter()
        .position(|s| char::from(*s) == c)
        .map(|i| i as u8)
}

/// Whether a character can be part of a code (before the checksum is
/// looked at): a symbol of the alphabet in either case, or an alias.
fn is_code_char(c: char) -> bool {
    symbol_value(c).is_some()
}

/// Bytes as base32, five bits a character, the last one padded with zeros.
/// (Hand-written: the `data-encoding` crate did the same for 56 KB of wasm.)
fn to_base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut acc, mut bits) = (0u16, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u16::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(SYMBOLS[usize::from((acc >> bits) & 31)]));
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(char::from(SYMBOLS[usize::from((acc << (5 - bits)) & 31)]));
    }
    out
}

/// Base32 back to bytes; `None` for a length no byte string encodes to, or
/// padding bits that are not zero (a changed last character).
fn from_base32(code: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(code.len() * 5 / 8);
    let (mut acc, mut bits) = (0u16, 0u32);
    for c in code.chars() {
        acc = (acc << 5) | u16::from(symbol_value(c)?);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    // Whole bytes leave fewer than 5 bits over, all of them zero.
    (bits < 5 && acc == 0).then_some(out)
}

impl Shared {
    /// Checks that every answer fits version 1.
    pub fn check(&self) -> Result<(), ShareError> {
        if !(1..=CLOSENESS_MAX).contains(&self.closeness) {
            return Err(ShareError::Closeness);
        }
        if self.kinds.len() != KINDS_V1.len()
            || KINDS_V1.iter().any(|k| {
                self.kinds
                    .get(*k)
                    .is_none_or(|r| r.now > SCALE_MAX || r.wished > SCALE_MAX)
            })
        {
            return Err(ShareError::Kinds);
        }
        if self.day < FIRST_DAY {
            return Err(ShareError::Day);
        }
        if let Some(name) = &self.name {
            match clean_first_name(name) {
                Ok(Some(clean)) if clean == *name => {}
                Ok(_) => return Err(ShareError::Name(FirstNameError::Control)),
                Err(e) => return Err(ShareError::Name(e)),
            }
        }
        Ok(())
    }

    /// The bytes of version 1, checksum included.
    fn bytes(&self) -> Vec<u8> {
        let mut answers = u32::from(self.closeness - 1);
        for kind in KINDS_V1 {
            let r = self.kinds[kind];
            answers = answers * 25 + u32::from(r.now) * 5 + u32::from(r.wished);
        }
        let name = self.name.as_deref().unwrap_or("").as_bytes();
        let mut out = Vec::with_capacity(HEAD + name.len() + CHECK);
        out.push(VERSION);
        out.extend_from_slice(&answers.to_be_bytes());
        out.extend_from_slice(&self.day.to_be_bytes());
        // At most FIRST_NAME_MAX_BYTES, checked by `check`.
        out.push(name.len() as u8);
        out.extend_from_slice(name);
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_be_bytes());
        out
    }

    /// The code, without hyphens (as it goes into a link).
    pub fn encode(&self) -> Result<String, ShareError> {
        self.check()?;
        Ok(to_base32(&self.bytes()))
    }
}

/// A code in groups of four, for reading aloud or copying by hand.
pub fn grouped(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Reads what a person pasted, or a link's fragment: a code with or
/// without hyphens and spaces, in any case, or a whole link (the part
/// after its `#`). Never panics; refuses anything that is not exactly a
/// code this build could have written.
pub fn decode(input: &str) -> Result<Shared, CodeError> {
    if input.chars().count() > MAX_INPUT_CHARS {
        return Err(CodeError::TooLong);
    }
    let code = input.rsplit_once('#').map_or(input, |(_, after)| after);
    let mut chars = String::new();
    for c in code.chars() {
        if c == '-' || c.is_whitespace() {
            continue;
        }
        if !is_code_char(c) {
            return Err(CodeError::NotACode);
        }
        chars.push(c);
        if chars.len() > MAX_CODE_CHARS {
            return Err(CodeError::TooLong);
        }
    }
    if chars.is_empty() {
        return Err(CodeError::Empty);
    }
    if chars.len() < MIN_CODE_CHARS {
        return Err(CodeError::Incomplete);
    }
    let bytes = from_base32(&chars).ok_or(CodeError::Damaged)?;
    let Some((body, check)) = bytes.split_last_chunk::<CHECK>() else {
        return Err(CodeError::Incomplete);
    };
    if crc32fast::hash(body) != u32::from_be_bytes(*check) {
        return Err(CodeError::Damaged);
    }
    match body.first() {
        Some(&VERSION) => {}
        Some(0) => return Err(CodeError::UnknownVersion),
        Some(_) => return Err(CodeError::Newer),
        None => return Err(CodeError::Incomplete),
    }
    read_v1(body).ok_or(CodeError::Invalid)
}

/// The fields of a version-1 body whose checksum matched.
fn read_v1(body: &[u8]) -> Option<Shared> {
    let head: &[u8; HEAD] = body.first_chunk()?;
    let [_, a0, a1, a2, a3, d0, d1, name_len] = *head;
    let name_bytes = &body[HEAD..];
    if usize::from(name_len) != name_bytes.len() || name_bytes.len() > FIRST_NAME_MAX_BYTES {
        return None;
    }
    let mut answers = u32::from_be_bytes([a0, a1, a2, a3]);
    if answers >= u32::from(CLOSENESS_MAX) * ANSWERS {
        return None;
    }
    let mut kinds = BTreeMap::new();
    for kind in KINDS_V1.iter().rev() {
        let pair = (answers % 25) as u8;
        answers /= 25;
        kinds.insert(
            (*kind).to_string(),
            Rating {
                now: pair / 5,
                wished: pair % 5,
            },
        );
    }
    let name = match std::str::from_utf8(name_bytes).ok()? {
        "" => None,
        text => Some(text.to_string()),
    };
    let shared = Shared {
        name,
        day: u16::from_be_bytes([d0, d1]),
        closeness: answers as u8 + 1,
        kinds,
    };
    shared.check().ok().map(|()| shared)
}
