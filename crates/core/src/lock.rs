//! The optional lock's stored formats: pure, so they test natively. The
//! browser does the cryptography (WebCrypto, in the app's `storage::lock`);
//! this module only says what is stored and refuses what it cannot trust.
//!
//! - An [`Envelope`] is one encrypted value: AES-GCM with a fresh 96-bit
//!   nonce, under a key derived with PBKDF2-SHA-256 from the passphrase and
//!   the salt it names. It carries its own salt and work factor, so an
//!   encrypted export can be opened anywhere with the passphrase alone.
//! - The [`LockHeader`] sits in plain text beside the encrypted values: it
//!   says a lock is set, how long the app may stay idle before it locks
//!   again, and holds a check value that tells a wrong passphrase from
//!   damaged data.
//!
//! Both are versioned JSON; a version this build does not know, a field out
//! of range or text that is cut short is refused, never guessed at.

use serde::{Deserialize, Serialize};

/// The envelope format this build writes and reads.
pub const ENVELOPE_VERSION: u32 = 1;

/// The only key derivation this build knows.
pub const KDF: &str = "PBKDF2-SHA-256";

/// PBKDF2 iterations for a new lock: OWASP's advice for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;

/// Fewer iterations than this are refused when read: a stored envelope that
/// asks for less was not written by Closer, or was tampered with.
pub const MIN_ITERATIONS: u32 = 600_000;

/// More than this is refused too: a damaged count must not hang the page.
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// Salt length in bytes (128 bits).
pub const SALT_LEN: usize = 16;

/// AES-GCM nonce length in bytes (96 bits, the size GCM is built for).
pub const NONCE_LEN: usize = 12;

/// AES-GCM's tag: every ciphertext is at least this long.
pub const TAG_LEN: usize = 16;

/// What the header's check value encrypts.
pub const CHECK_TEXT: &str = "closer-lock-check";

/// The field that marks text as an envelope (and gives its version).
const MARK: &str = "closer-locked";

/// Idle times a person can choose, in minutes.
pub const IDLE_CHOICES: [u32; 3] = [5, 15, 60];

/// The idle time of a new lock, in minutes.
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

/// Why stored text is not an envelope this build can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Not an envelope at all (plain progress, or anything else).
    NotAnEnvelope,
    /// An envelope from a newer build.
    UnknownVersion(u32),
    /// An envelope whose fields are missing, cut short or out of range.
    Damaged(String),
}

impl std::fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EnvelopeError::NotAnEnvelope => f.write_str(crate::t!("this is not locked data")),
            EnvelopeError::UnknownVersion(v) => f.write_str(&crate::t!(
                "it was locked by a newer version of Closer (format {v})",
                v = v
            )),
            // `why` names the part that is damaged, for whoever looks into it.
            EnvelopeError::Damaged(why) => {
                f.write_str(&crate::t!("the locked data is damaged ({why})", why = why))
            }
        }
    }
}

/// One encrypted value, with everything needed to open it but the passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// PBKDF2-SHA-256 iterations.
    pub iterations: u32,
    /// The PBKDF2 salt.
    pub salt: [u8; SALT_LEN],
    /// The AES-GCM nonce, fresh for every write.
    pub nonce: [u8; NONCE_LEN],
    /// Ciphertext followed by the GCM tag.
    pub ciphertext: Vec<u8>,
}

/// The JSON shape of an envelope.
#[derive(Serialize, Deserialize)]
struct EnvelopeJson {
    #[serde(rename = "closer-locked")]
    version: u32,
    kdf: String,
    iterations: u32,
    salt: String,
    nonce: String,
    data: String,
}

/// Just the version, read first, so that a newer format is named as such.
#[derive(Deserialize)]
struct VersionOnly {
    #[serde(rename = "closer-locked")]
    version: u32,
}

impl Envelope {
    /// Whether `text` claims to be an envelope (of any version, damaged or not).
    pub fn is_envelope(text: &str) -> bool {
        text.trim_start().starts_with('{') && text.contains(MARK)
    }

    /// The envelope as stored: one line of JSON.
    pub fn encode(&self) -> String {
        serde_json::to_string(&EnvelopeJson {
            version: ENVELOPE_VERSION,
            kdf: KDF.to_string(),
            iterations: self.iterations,
            salt: base64_encode(&self.salt),
            nonce: base64_encode(&self.nonce),
            data: base64_encode(&self.ciphertext),
        })
        .expect("an envelope always serialises")
    }

    /// Reads an envelope, refusing an unknown version and anything damaged.
    pub fn decode(text: &str) -> Result<Envelope, EnvelopeError> {
        if !Envelope::is_envelope(text) {
            return Err(EnvelopeError::NotAnEnvelope);
        }
        let version = serde_json::from_str::<VersionOnly>(text)
            .map_err(|e| EnvelopeError::Damaged(e.to_string()))?
            .version;
        if version != ENVELOPE_VERSION {
            return Err(EnvelopeError::UnknownVersion(version));
        }
        let json: EnvelopeJson =
            serde_json::from_str(text).map_err(|e| EnvelopeError::Damaged(e.to_string()))?;
        let damaged = |why: &str| EnvelopeError::Damaged(why.to_string());
        if json.kdf != KDF {
            return Err(damaged("unknown key derivation"));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&json.iterations) {
            return Err(damaged("work factor out of range"));
        }
        let salt = base64_decode(&json.salt)
            .and_then(|b| <[u8; SALT_LEN]>::try_from(b).ok())
            .ok_or_else(|| damaged("salt"))?;
        let nonce = base64_decode(&json.nonce)
            .and_then(|b| <[u8; NONCE_LEN]>::try_from(b).ok())
            .ok_or_else(|| damaged("nonce"))?;
        let ciphertext = base64_decode(&json.data).ok_or_else(|| damaged("data"))?;
        if ciphertext.len() < TAG_LEN {
            return Err(damaged("data cut short"));
        }
        Ok(Envelope {
            iterations: json.iterations,
            salt,
            nonce,
            ciphertext,
        })
    }

    /// Whether this envelope was sealed with the key of `header`'s lock
    /// (same salt and work factor): if not, the passphrase was changed.
    pub fn same_key_as(&self, header: &LockHeader) -> bool {
        self.salt == header.check.salt && self.iterations == header.check.iterations
    }
}

/// The lock's plain header: stored unencrypted beside the encrypted values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHeader {
    /// Minutes without a key press or a tap before the app locks again.
    pub idle_minutes: u32,
    /// [`CHECK_TEXT`] sealed with the lock's key: opening it proves the
    /// passphrase, so a value that then fails to open is damaged, not locked
    /// with another passphrase. Its salt and work factor are the lock's.
    pub check: Envelope,
}

#[derive(Serialize, Deserialize)]
struct HeaderJson {
    lock: u32,
    idle_minutes: u32,
    check: serde_json::Value,
}

#[derive(Deserialize)]
struct HeaderVersion {
    lock: u32,
}

impl LockHeader {
    /// The header as stored.
    pub fn encode(&self) -> String {
        let check = serde_json::from_str(&self.check.encode()).expect("an envelope is JSON");
        serde_json::to_string(&HeaderJson {
            lock: ENVELOPE_VERSION,
            idle_minutes: self.idle_minutes,
            check,
        })
        .expect("a header always serialises")
    }

    /// Reads a header, refusing an unknown version and anything damaged.
    pub fn decode(text: &str) -> Result<LockHeader, EnvelopeError> {
        let version = serde_json::from_str::<HeaderVersion>(text)
            .map_err(|e| EnvelopeError::Damaged(e.to_string()))?
            .lock;
        if version != ENVELOPE_VERSION {
            return Err(EnvelopeError::UnknownVersion(version));
        }
        let json: HeaderJson =
            serde_json::from_str(text).map_err(|e| EnvelopeError::Damaged(e.to_string()))?;
        if !IDLE_CHOICES.contains(&json.idle_minutes) {
            return Err(EnvelopeError::Damaged("idle time".into()));
        }
        let check = Envelope::decode(&json.check.to_string())?;
        Ok(LockHeader {
            idle_minutes: json.idle_minutes,
            check,
        })
    }

    /// The same lock with another idle time (one of [`IDLE_CHOICES`]).
    pub fn with_idle(&self, minutes: u32) -> LockHeader {
        LockHeader {
            idle_minutes: if IDLE_CHOICES.contains(&minutes) {
                minutes
            } else {
                DEFAULT_IDLE_MINUTES
            },
            check: self.check.clone(),
        }
    }
}

/// How strong a passphrase looks, for the hint beside the field. A rough
/// guide only: length counts most, a mix of kinds of character a little.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Too short to set (under [`MIN_PASSPHRASE_CHARS`]).
    TooShort,
    /// Long enough to set, easy to guess for someone with time.
    Weak,
    /// A fair passphrase.
    Fair,
    /// A long passphrase.
    Strong,
}

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// A rough strength for `passphrase`.
pub fn strength(passphrase: &str) -> Strength {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    let kinds = [
        passphrase.chars().any(char::is_lowercase),
        passphrase.chars().any(char::is_uppercase),
        passphrase.chars().any(|c| c.is_ascii_digit()),
        passphrase.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    // Words of three letters or more: "a b c d" is not four words' worth.
    let words = passphrase
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3)
        .count();
    // Few different characters ("aaaaaaaa…", "abababab…") are quick to
    // guess at any length.
    let distinct = {
        let mut seen: Vec<char> = passphrase.chars().collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    if distinct < 5 {
        return Strength::Weak;
    }
    match (chars, kinds, words) {
        (20.., _, _) if distinct >= 10 => Strength::Strong,
        (16.., _, 4..) => Strength::Strong,
        (14.., _, _) | (_, 3.., _) => Strength::Fair,
        _ => Strength::Weak,
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Reads standard base64 with padding; `None` for anything else (wrong
/// length, a character outside the alphabet, bits set after the end).
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32);
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let groups = bytes.len() / 4;
    for (g, chunk) in bytes.chunks(4).enumerate() {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && g + 1 != groups) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = 3 - pad;
        // Bits beyond the last byte must be zero, so each text has one meaning.
        if got[keep..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&got[..keep]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Envelope {
        Envelope {
            iterations: ITERATIONS,
            salt: [7; SALT_LEN],
            nonce: [9; NONCE_LEN],
            ciphertext: (0..40).collect(),
        }
    }

    #[test]
    fn an_envelope_reads_back() {
        let e = sample();
        assert_eq!(Envelope::decode(&e.encode()), Ok(e));
    }

    #[test]
    fn plain_progress_is_not_an_envelope() {
        assert_eq!(
            Envelope::decode("{\"schema\":5}"),
            Err(EnvelopeError::NotAnEnvelope)
        );
    }

    #[test]
    fn an_unknown_version_is_named() {
        let text = sample()
            .encode()
            .replace("\"closer-locked\":1", "\"closer-locked\":2");
        assert_eq!(
            Envelope::decode(&text),
            Err(EnvelopeError::UnknownVersion(2))
        );
    }

    #[test]
    fn a_low_work_factor_is_refused() {
        let mut e = sample();
        e.iterations = 1000;
        assert!(matches!(
            Envelope::decode(&e.encode()),
            Err(EnvelopeError::Damaged(_))
        ));
    }

    #[test]
    fn a_short_salt_nonce_or_data_is_refused() {
        let text = sample().encode();
        let salt = base64_encode(&[7; SALT_LEN]);
        let short_salt = text.replace(&salt, &base64_encode(&[7; 8]));
        assert!(matches!(
            Envelope::decode(&short_salt),
            Err(EnvelopeError::Damaged(_))
        ));
        let nonce = base64_encode(&[9; NONCE_LEN]);
        let long_nonce = text.replace(&nonce, &base64_encode(&[9; 16]));
        assert!(matches!(
            Envelope::decode(&long_nonce),
            Err(EnvelopeError::Damaged(_))
        ));
        let mut e = sample();
        e.ciphertext.truncate(TAG_LEN - 1);
        assert!(matches!(
            Envelope::decode(&e.encode()),
            Err(EnvelopeError::Damaged(_))
        ));
    }

    #[test]
    fn another_kdf_is_refused() {
        let text = sample().encode().replace(KDF, "Argon2id");
        assert!(matches!(
            Envelope::decode(&text),
            Err(EnvelopeError::Damaged(_))
        ));
    }

    #[test]
    fn a_header_reads_back_and_keeps_its_check() {
        let h = LockHeader {
            idle_minutes: 5,
            check: sample(),
        };
        assert_eq!(LockHeader::decode(&h.encode()), Ok(h.clone()));
        assert!(sample().same_key_as(&h));
        let mut other = sample();
        other.salt = [1; SALT_LEN];
        assert!(!other.same_key_as(&h));
        assert_eq!(h.with_idle(60).idle_minutes, 60);
        assert_eq!(h.with_idle(7).idle_minutes, DEFAULT_IDLE_MINUTES);
    }

    #[test]
    fn a_header_with_an_odd_idle_time_or_version_is_refused() {
        let h = LockHeader {
            idle_minutes: 15,
            check: sample(),
        };
        let text = h.encode();
        assert!(
            LockHeader::decode(&text.replace("\"idle_minutes\":15", "\"idle_minutes\":0")).is_err()
        );
        assert_eq!(
            LockHeader::decode(&text.replace("\"lock\":1", "\"lock\":9")),
            Err(EnvelopeError::UnknownVersion(9))
        );
    }

    #[test]
    fn base64_matches_the_standard() {
        // RFC 4648's test vectors.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(plain.as_bytes()), coded);
            assert_eq!(base64_decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64_decode("Zg="), None);
        assert_eq!(base64_decode("Zh=="), None);
        assert_eq!(base64_decode("Z===",), None);
        assert_eq!(base64_decode("Zg==Zg=="), None);
        assert_eq!(base64_decode("Zm9*"), None);
    }

    #[test]
    fn strength_grows_with_length_and_words() {
        assert_eq!(strength("short"), Strength::TooShort);
        assert_eq!(strength("abcdefgh"), Strength::Weak);
        assert_eq!(strength("Abcdefg1!"), Strength::Fair);
        assert_eq!(strength("river lantern quiet orange"), Strength::Strong);
        // Four "words" of one letter, or one letter many times, are not strong.
        assert_ne!(strength("aa b c d"), Strength::Strong);
        assert_eq!(strength(&"a".repeat(24)), Strength::Weak);
        assert_eq!(strength(&"ab".repeat(12)), Strength::Weak);
        // Characters, not bytes.
        assert_eq!(strength("ééééééé"), Strength::TooShort);
    }
}
