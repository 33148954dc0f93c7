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
//! Version 2, "only what you both want", carries no ratings and no
//! closeness picture: only which kinds the sender would like more of.
//!
//! | bytes | what |
//! |---|---|
//! | 1 | the version, 2 |
//! | 1 | the kinds wished for more, one bit each in [`KINDS_V1`] order from the lowest bit; never none, the top three bits always 0 |
//! | 2 | the day, as in version 1 |
//! | 1 | the first name's length in bytes, 0 for none |
//! | 0 to [`FIRST_NAME_MAX_BYTES`] | the first name, UTF-8 |
//! | 4 | CRC-32 (IEEE) of every byte before it |
//!
//! A build writes version 1 for a whole share and version 2 for a
//! mutual-only one, and reads both; a version-1 code is written exactly as
//! before version 2 existed, so every code already sent still opens.
//!
//! The CRC-32 catches every change to a burst of up to 32 bits; one wrong
//! character changes at most 5 bits in a row, two swapped neighbours at
//! most 10, so every such mistake is caught (tests/share_code.rs checks
//! this exhaustively for several codes).

use crate::checkin::{Rating, CLOSENESS_MAX, SCALE_MAX};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The version of a whole share (the closeness picture and every rating).
pub const VERSION: u8 = 1;

/// The version of a mutual-only share ([`MutualShared`]).
pub const VERSION_MUTUAL: u8 = 2;

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
/// Bytes before the name in version 2: version, kinds, day, name length.
const HEAD_MUTUAL: usize = 5;
/// Bytes of the checksum.
const CHECK: usize = 4;
/// Five points per rating, ten ratings.
const ANSWERS: u32 = 9_765_625;

/// The fewest characters of a code (a mutual-only one with no name).
pub const MIN_CODE_CHARS: usize = chars_for(HEAD_MUTUAL + CHECK);

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

/// What a person shares in the mutual-only mode ("only what you both
/// want"): the kinds where they would like more, the day, and a first name
/// only if they gave one. No ratings, no closeness picture.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MutualShared {
    /// Their first name, if they typed one.
    pub name: Option<String>,
    /// The day of the check-in (days since 1970-01-01, their time zone).
    pub day: u16,
    /// The kind ids of [`KINDS_V1`] where they would like more; never empty.
    pub more: BTreeSet<String>,
}

/// What a code opens to: a whole share, or a mutual-only one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// Version 1: the closeness picture and every kind, now and wished for.
    All(Shared),
    /// Version 2: only the kinds where the sender would like more.
    Mutual(MutualShared),
}

impl Received {
    /// The sender's first name, if they gave one.
    pub fn name(&self) -> Option<&str> {
        match self {
            Received::All(s) => s.name.as_deref(),
            Received::Mutual(m) => m.name.as_deref(),
        }
    }

    /// The day of the check-in.
    pub fn day(&self) -> u16 {
        match self {
            Received::All(s) => s.day,
            Received::Mutual(m) => m.day,
        }
    }
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
            FirstNameError::TooLong => f.write_str(&crate::t!(
                "Keep it to a first name of {max} letters or fewer, or leave it empty.",
                max = FIRST_NAME_MAX_CHARS
            )),
            FirstNameError::Control => f.write_str(crate::t!(
                "Write the name with letters only: no line breaks, tabs or hidden characters."
            )),
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
            CodeError::Empty => crate::t!("First paste the code or the link you were sent."),
            CodeError::TooLong => crate::t!("This is longer than any Closer code. Check that you copied only the code or the link, or ask for a new one."),
            CodeError::NotACode => crate::t!("This is not a Closer code: a code has only letters, numbers, spaces and hyphens. Check what you pasted, or ask for a new one."),
            CodeError::Incomplete => crate::t!("This code is incomplete: part of it is missing. Check that you copied all of it, or ask for a new one."),
            CodeError::Damaged => crate::t!("This code is damaged: a character is wrong or missing. Check it against what you were sent, or ask for a new one."),
            CodeError::Newer => crate::t!("This code was made by a newer version of Closer. Reload this page to update Closer, then open the code again."),
            CodeError::UnknownVersion => crate::t!("This code is of a version Closer cannot read. Ask for a new one."),
            CodeError::Invalid => crate::t!("This code cannot be read as a check-in. Ask for a new one."),
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
    /// A mutual-only share with no kind wished for more: nothing to carry.
    NothingMore,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Name(e) => e.fmt(f),
            ShareError::NothingMore => f.write_str(crate::t!(
                "In this check-in you did not wish for more of any kind, so there is nothing to share this way. You can share all your answers instead."
            )),
            _ => f.write_str(crate::t!(
                "This check-in cannot be shared because some answers are missing. Check in again to share."
            )),
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
        check_name(self.name.as_deref())
    }

    /// The bytes of version 1, checksum included.
    fn bytes(&self) -> Vec<u8> {
        let mut answers = u32::from(self.closeness - 1);
        for kind in KINDS_V1 {
            let r = self.kinds[kind];
            answers = answers * 25 + u32::from(r.now) * 5 + u32::from(r.wished);
        }
        let mut out = Vec::with_capacity(HEAD + FIRST_NAME_MAX_BYTES + CHECK);
        out.push(VERSION);
        out.extend_from_slice(&answers.to_be_bytes());
        finish(out, self.day, self.name.as_deref())
    }

    /// The code, without hyphens (as it goes into a link).
    pub fn encode(&self) -> Result<String, ShareError> {
        self.check()?;
        Ok(to_base32(&self.bytes()))
    }
}

/// Checks that a first name in a code is one [`clean_first_name`] keeps as
/// it is.
fn check_name(name: Option<&str>) -> Result<(), ShareError> {
    match name {
        None => Ok(()),
        Some(name) => match clean_first_name(name) {
            Ok(Some(clean)) if clean == name => Ok(()),
            Ok(_) => Err(ShareError::Name(FirstNameError::Control)),
            Err(e) => Err(ShareError::Name(e)),
        },
    }
}

/// The day, the name and the checksum after a version's own fields.
fn finish(mut out: Vec<u8>, day: u16, name: Option<&str>) -> Vec<u8> {
    let name = name.unwrap_or("").as_bytes();
    out.extend_from_slice(&day.to_be_bytes());
    // At most FIRST_NAME_MAX_BYTES, checked before.
    out.push(name.len() as u8);
    out.extend_from_slice(name);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

impl MutualShared {
    /// Checks that it fits version 2: at least one kind, every one of
    /// [`KINDS_V1`], a day and a name as in version 1.
    pub fn check(&self) -> Result<(), ShareError> {
        if self.more.is_empty() {
            return Err(ShareError::NothingMore);
        }
        if self.more.iter().any(|k| !KINDS_V1.contains(&k.as_str())) {
            return Err(ShareError::Kinds);
        }
        if self.day < FIRST_DAY {
            return Err(ShareError::Day);
        }
        check_name(self.name.as_deref())
    }

    /// The bytes of version 2, checksum included.
    fn bytes(&self) -> Vec<u8> {
        let bits = KINDS_V1
            .iter()
            .enumerate()
            .filter(|(_, k)| self.more.contains(**k))
            .fold(0u8, |bits, (i, _)| bits | 1 << i);
        let mut out = Vec::with_capacity(HEAD_MUTUAL + FIRST_NAME_MAX_BYTES + CHECK);
        out.push(VERSION_MUTUAL);
        out.push(bits);
        finish(out, self.day, self.name.as_deref())
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

/// Reads a whole share (version 1), as [`open`] does; a mutual-only code
/// is refused as [`CodeError::Invalid`] here.
pub fn decode(input: &str) -> Result<Shared, CodeError> {
    match open(input)? {
        Received::All(shared) => Ok(shared),
        Received::Mutual(_) => Err(CodeError::Invalid),
    }
}

/// Reads what a person pasted, or a link's fragment: a code with or
/// without hyphens and spaces, in any case, or a whole link (the part
/// after its `#`), of either version. Never panics; refuses anything that
/// is not exactly a code this build could have written.
pub fn open(input: &str) -> Result<Received, CodeError> {
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
        Some(&VERSION) => read_v1(body).map(Received::All),
        Some(&VERSION_MUTUAL) => read_v2(body).map(Received::Mutual),
        Some(0) => return Err(CodeError::UnknownVersion),
        Some(_) => return Err(CodeError::Newer),
        None => return Err(CodeError::Incomplete),
    }
    .ok_or(CodeError::Invalid)
}

/// The name after a version's head: its length byte must match.
fn read_name(name_len: u8, name_bytes: &[u8]) -> Option<Option<String>> {
    if usize::from(name_len) != name_bytes.len() || name_bytes.len() > FIRST_NAME_MAX_BYTES {
        return None;
    }
    Some(match std::str::from_utf8(name_bytes).ok()? {
        "" => None,
        text => Some(text.to_string()),
    })
}

/// The fields of a version-2 body whose checksum matched.
fn read_v2(body: &[u8]) -> Option<MutualShared> {
    let head: &[u8; HEAD_MUTUAL] = body.first_chunk()?;
    let [_, bits, d0, d1, name_len] = *head;
    if bits >> KINDS_V1.len() != 0 {
        return None;
    }
    let shared = MutualShared {
        name: read_name(name_len, &body[HEAD_MUTUAL..])?,
        day: u16::from_be_bytes([d0, d1]),
        more: KINDS_V1
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, k)| (*k).to_string())
            .collect(),
    };
    shared.check().ok().map(|()| shared)
}

/// The fields of a version-1 body whose checksum matched.
fn read_v1(body: &[u8]) -> Option<Shared> {
    let head: &[u8; HEAD] = body.first_chunk()?;
    let [_, a0, a1, a2, a3, d0, d1, name_len] = *head;
    let name = read_name(name_len, &body[HEAD..])?;
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
    let shared = Shared {
        name,
        day: u16::from_be_bytes([d0, d1]),
        closeness: answers as u8 + 1,
        kinds,
    };
    shared.check().ok().map(|()| shared)
}
