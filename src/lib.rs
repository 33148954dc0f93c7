//! Closer: an interactive guide to intimacy that runs entirely in the browser.
//!
//! The pure core ([`content`], [`progress`]) compiles and tests natively; the
//! browser-bound parts (storage adapter, views) exist only for wasm32, where
//! their dependencies do.

pub mod content;
pub mod progress;
pub mod quiz;

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
mod offline;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod state;

#[cfg(target_arch = "wasm32")]
pub use app::App;
