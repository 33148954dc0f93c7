//! Sharing a check-in with the person it is about, with no server: the
//! code that carries the answers (in a link after the `#`, which browsers
//! never send to a server, or pasted by hand), and the comparison of two
//! people's answers. Pure: the views and the link's address live in the
//! browser code.

mod code;
mod compare;

pub use code::{
    clean_first_name, decode, grouped, open, CodeError, FirstNameError, MutualShared, Received,
    ShareError, Shared, FIRST_DAY, FIRST_NAME_MAX_BYTES, FIRST_NAME_MAX_CHARS, KINDS_V1,
    MAX_CODE_CHARS, MAX_INPUT_CHARS, MIN_CODE_CHARS, VERSION, VERSION_MUTUAL,
};
pub use compare::{
    both_want_more, in_group, kinds_to_start_with, pairs, questions_for, KindPair, Together,
    SUGGESTED_PER_ROUND,
};

use crate::checkin::CheckIn;
use crate::time::{Millis, DAY};

/// The day number (days since 1970-01-01) of a moment in a time zone
/// `offset_minutes` east of UTC.
pub fn local_day(at: Millis, offset_minutes: i32) -> i64 {
    ((at + f64::from(offset_minutes) * 60_000.0) / DAY).floor() as i64
}

impl Shared {
    /// What a check-in shares, with a first name if one is given.
    pub fn from_check_in(
        check_in: &CheckIn,
        first_name: &str,
        offset_minutes: i32,
    ) -> Result<Shared, ShareError> {
        let name = clean_first_name(first_name).map_err(ShareError::Name)?;
        let day =
            u16::try_from(local_day(check_in.at, offset_minutes)).map_err(|_| ShareError::Day)?;
        let shared = Shared {
            name,
            day,
            closeness: check_in.closeness,
            kinds: check_in.kinds.clone(),
        };
        shared.check()?;
        Ok(shared)
    }

    /// Midday UTC of the shared day: shown with a zero offset, it is that
    /// same calendar day.
    pub fn noon(&self) -> Millis {
        noon_of(self.day)
    }

    /// The shared answers as a check-in, for the pictures that draw one.
    pub fn as_check_in(&self) -> CheckIn {
        CheckIn {
            at: self.noon(),
            closeness: self.closeness,
            kinds: self.kinds.clone(),
        }
    }
}

/// Midday UTC of a day number.
fn noon_of(day: u16) -> Millis {
    f64::from(day) * DAY + DAY / 2.0
}

impl MutualShared {
    /// What a check-in shares in the mutual-only mode: the kinds where the
    /// person wished for more than now, and a first name if one is given.
    pub fn from_check_in(
        check_in: &CheckIn,
        first_name: &str,
        offset_minutes: i32,
    ) -> Result<MutualShared, ShareError> {
        let name = clean_first_name(first_name).map_err(ShareError::Name)?;
        let day =
            u16::try_from(local_day(check_in.at, offset_minutes)).map_err(|_| ShareError::Day)?;
        let shared = MutualShared {
            name,
            day,
            more: check_in
                .kinds
                .iter()
                .filter(|(_, r)| r.gap() > 0)
                .map(|(k, _)| k.clone())
                .collect(),
        };
        shared.check()?;
        Ok(shared)
    }
}

impl Received {
    /// Midday UTC of the shared day (see [`Shared::noon`]).
    pub fn noon(&self) -> Millis {
        noon_of(self.day())
    }
}
