//! "Leave quickly": where it goes, and the names the page script that does
//! it (`tools/leave-quickly.js`, inlined into every page by the build tool)
//! shares with the app's views. No browser code: the script does the work,
//! before the wasm has arrived as well as after.

/// Where "Leave quickly" goes: a page that says nothing about Closer or its
/// subject, in every language, and belongs to no company.
pub const LEAVE_TO: &str = "https://www.wikipedia.org/";

/// The attribute that marks a control as "Leave quickly" for the script.
pub const LEAVE_ATTR: &str = "data-leave";

/// The `sessionStorage` key the script sets while it takes the tab back
/// through Closer's own history entries; a Closer page that opens with it
/// set goes on to [`LEAVE_TO`] before it shows anything.
pub const LEAVING_KEY: &str = "closer.leaving";
