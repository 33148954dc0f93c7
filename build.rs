//! Compiles the guide under `content/` into Rust statics for src/content.rs;
//! broken content fails the build with every broken rule listed.
fn main() {
    closer_core::content::compile::build_script();
}
