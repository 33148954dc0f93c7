//! Closer's pure core: the guide's content model, its rules and its compiler,
//! the quiz, progress (schemas, migrations, merge), check-ins, share codes,
//! chart geometry, notices and time.
//!
//! It depends on no browser or UI crate, so the compiler keeps it pure: it
//! builds and tests natively, and the app (the crate at the workspace's root)
//! and the build tool (`tools/`) use it. Time and randomness come in as
//! parameters; nothing here reads a clock or storage.

pub mod calendar;
pub mod charts;
pub mod checkin;
pub mod content;
pub mod feedback;
pub mod i18n;
pub mod keys;
pub mod lock;
pub mod merge;
pub mod notice;
pub mod progress;
pub mod quiz;
pub mod share;
pub mod speech;
pub mod talk;
pub mod text;
pub mod time;
