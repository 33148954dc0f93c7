//! Closer: an interactive guide to intimacy that runs entirely in the browser.
//!
//! The pure core ([`content`], [`progress`], [`quiz`], [`checkin`],
//! [`charts`], [`share`], [`notice`], [`keys`], [`merge`], [`time`]) compiles and tests natively; the browser-bound parts
//! (storage adapter, persistence, env, paths, offline, views) exist only for
//! wasm32, where their dependencies do, so a browser import in the core fails
//! the native build.

pub mod charts;
pub mod checkin;
pub mod content;
pub mod keys;
pub mod merge;
pub mod notice;
pub mod progress;
pub mod quiz;
pub mod share;
pub mod time;

#[cfg(not(target_arch = "wasm32"))]
pub mod site;

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
