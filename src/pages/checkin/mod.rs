//! `/checkin/...`: the private check-in on a relationship. One module per
//! route: the list of relationships, one relationship's page, the
//! check-in form, and a check-in's result.

mod form;
mod list;
mod relationship;
mod result;

pub use form::CheckinForm;
pub use list::CheckinHome;
pub use relationship::RelationshipPage;
pub use result::CheckinResult;

use crate::env::utc_offset_minutes;
use crate::time::{long_date, Millis};

/// The list of relationships.
pub const HOME: &str = "/checkin";

/// A relationship's page.
pub fn relationship_path(id: &str) -> String {
    format!("{HOME}/{id}")
}

/// The form for a new check-in on a relationship.
pub fn new_check_in_path(id: &str) -> String {
    format!("{HOME}/{id}/new")
}

/// A check-in's result.
pub fn result_path(relationship: &str, check_in: &str) -> String {
    format!("{HOME}/{relationship}/results/{check_in}")
}

/// A date in the person's own time zone: `2 December 2026`.
pub fn date(at: Millis) -> String {
    long_date(at, utc_offset_minutes())
}
