//! Closer's build tool: what runs after Trunk has built the site, as pure
//! functions over its files (tested natively), and the binary Trunk's
//! `post_build` hook calls (`src/main.rs`).

pub mod prerender;
pub mod site;
