//! Compiles the guide under `content/` into Rust statics for src/content.rs;
//! broken content fails the build with every broken rule listed.
fn main() {
    closer_core::content::compile::build_script();
    // `cfg(split)`: the release build for the browser, which the build tool
    // splits into a piece per route (src/pieces.rs, tools/src/split.rs).
    println!("cargo::rustc-check-cfg=cfg(split)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var("PROFILE").as_deref() == Ok("release") {
        println!("cargo::rustc-cfg=split");
    }
}
