//! Closer: an interactive guide to intimacy that runs entirely in the browser.
//!
//! This crate is the app: the views, the storage adapter and persistence. The
//! pure core lives in `closer-core` (re-exported here under the same module
//! names, so the views read `crate::progress`, `crate::quiz` …); the guide's
//! compiled content is [`content`]; build-time code lives in `tools/`.

pub use closer_core::{
    calendar, charts, checkin, feedback, keys, lock, merge, notice, progress, quiz, share, talk,
    time,
};

pub mod content;

pub mod storage;

pub mod app;
pub mod components;
mod download;
pub mod env;
mod focus;
pub mod lang;
pub mod leave;
pub mod offline;
pub mod pages;
pub mod paths;
mod persist;
pub mod pieces;
pub mod prose;
pub mod routes;
pub mod sharing;

pub use app::App;
