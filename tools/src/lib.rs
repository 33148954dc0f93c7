//! Closer's build tool: what runs after Trunk has built the site. Each step
//! is a function over the site's files, tested natively; `src/main.rs` is
//! the binary Trunk's `post_build` hook calls.
//! - [`assemble`]: the pages from Trunk's `index.html`;
//! - [`pages`]: which routes get a page of their own, and their files;
//! - [`prerender`]: each page's first screen, rendered from the app's own
//!   components;
//! - [`first_screen`]: the script that runs before that screen is parsed;
//! - [`site`]: the worker's file list, the Content-Security-Policy, and the
//!   changes to Trunk's loader;
//! - [`split`]: the release wasm cut into a piece per route.

pub mod assemble;
pub mod first_screen;
pub mod pages;
pub mod prerender;
pub mod site;
pub mod split;
