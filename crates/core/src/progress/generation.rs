//! Import generations: an import (and its undo) replaces progress in every
//! open tab, not only in the one where it was made.
//!
//! Two tabs' copies normally merge (see [`Progress::merge`]). An import is
//! different: the person chose the file's progress *instead of* what was
//! there, so a tab still holding the old copy must take the new one rather
//! than merge the old one back. Each import or undo therefore starts a new
//! generation, recorded in a small mark next to the progress
//! ([`IMPORT_KEY`](crate::keys::IMPORT_KEY)); copies of different
//! generations do not merge: the later generation is taken as it is.
//!
//! The mark also says what the import wrote (a digest of the exact text), so
//! that an undo only puts the old copy back while nothing was saved since.

use super::Progress;
use crate::content::Course;
use serde::{Deserialize, Serialize};

/// The mark stored next to progress: which generation it is, and what the
/// last import wrote while that import can still be undone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportMark {
    /// Starts at 0 (no import ever); each import and each undo adds one.
    pub generation: u64,
    /// The [`digest`] of the exact text the import (or undo) wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrote: Option<String>,
}

impl ImportMark {
    /// Reads a stored mark. Missing or unreadable (another app's text) counts
    /// as generation 0 with nothing to undo: never a reason to refuse to start.
    pub fn decode(text: Option<&str>) -> ImportMark {
        text.and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }

    /// The text to store.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a number and a string serialise")
    }

    /// The mark an import writes over `self`: the next generation, and the digest of what it wrote.
    pub fn imported(&self, wrote: String) -> ImportMark {
        ImportMark {
            generation: self.generation.saturating_add(1),
            wrote: Some(wrote),
        }
    }

    /// The mark an undo writes over `self`: the next generation, and the
    /// digest of the text it put back (there is no kept copy left to undo to).
    pub fn undone(&self, wrote: String) -> ImportMark {
        ImportMark {
            generation: self.generation.saturating_add(1),
            wrote: Some(wrote),
        }
    }

    /// Whether the stored text (as UTF-16 code units, as the browser keeps
    /// it) is still exactly what the import wrote.
    pub fn still_holds(&self, stored: impl IntoIterator<Item = u16>) -> bool {
        self.wrote.as_deref() == Some(digest(stored).as_str())
    }
}

/// A digest of a text's UTF-16 code units (64-bit FNV-1a, in hex): enough to
/// tell whether stored text is still what an import wrote, without keeping a
/// second copy of it.
pub fn digest(units: impl IntoIterator<Item = u16>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for unit in units {
        for byte in unit.to_le_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Joins two copies with their generations: the later generation is taken
/// as it is (an import or undo replaced the earlier one); copies of the same
/// generation merge. Commutative, associative and idempotent, like the merge.
pub fn join_generations(
    a: (u64, &Progress),
    b: (u64, &Progress),
    course: &Course,
) -> (u64, Progress) {
    match a.0.cmp(&b.0) {
        std::cmp::Ordering::Greater => (a.0, a.1.clone()),
        std::cmp::Ordering::Less => (b.0, b.1.clone()),
        std::cmp::Ordering::Equal => (a.0, a.1.merge(b.1, course)),
    }
}
