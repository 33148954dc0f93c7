//! Closer: an interactive guide to intimacy that runs entirely in the browser.
//!
//! This crate is the app: the views, the storage adapter and persistence. The
//! pure core lives in `closer-core` (re-exported here under the same module
//! names, so the views read `crate::progress`, `crate::quiz` …); the guide's
//! compiled content is [`content`]; build-time code lives in `tools/`.

pub use closer_core::{charts, checkin, keys, merge, notice, progress, quiz, share, time};

pub mod content;

#[cfg(target_arch = "wasm32")]
pub mod storage;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
pub mod env;
#[cfg(target_arch = "wasm32")]
mod focus;
#[cfg(target_arch = "wasm32")]
mod offline;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod paths;
#[cfg(target_arch = "wasm32")]
mod persist;
#[cfg(target_arch = "wasm32")]
mod prose;
#[cfg(target_arch = "wasm32")]
pub mod sharing;

#[cfg(target_arch = "wasm32")]
pub use app::App;
