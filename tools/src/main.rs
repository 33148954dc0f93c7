//! Trunk's `post_build` hook (see Trunk.toml). In a release build it writes
//! the service worker's build id and file list, and puts a strict
//! Content-Security-Policy (with a hash of Trunk's inline loader) into
//! index.html. In a development build it writes a worker that removes itself,
//! so an old release worker never gets in the way of `trunk serve`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = run() {
        eprintln!("post-build: {e}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
const DEV_WORKER: &str = "// Development build: no offline support. This worker removes itself.\n\
self.addEventListener('install', () => self.skipWaiting());\n\
self.addEventListener('activate', () => self.registration.unregister());\n";

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use closer_build::site::*;
    use std::{env, fs, path::Path};

    let staging = env::var("TRUNK_STAGING_DIR")
        .map_err(|_| "TRUNK_STAGING_DIR is not set (run me from Trunk)")?;
    let staging = Path::new(&staging);
    let release = env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    let worker = staging.join(SW_FILE);
    if !release {
        return fs::write(&worker, DEV_WORKER).map_err(|e| format!("{}: {e}", worker.display()));
    }

    // The lessons' cards' prose and the quiz's, one file each, loaded by the
    // app when first needed (src/prose.rs); the worker precaches them below.
    for (name, json) in closer::content::prose_payloads() {
        let path = staging.join(&name);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }

    let index_path = staging.join("index.html");
    let html =
        fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    // The home page's first screen, so the first paint does not wait for the wasm.
    let base = env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let home = render_home(closer::content::course(), &base);
    let html =
        insert_prerender(&remove_loader_preloads(&html), &home).map_err(|e| e.to_string())?;
    let html = defer_wasm_until_painted(&html).map_err(|e| e.to_string())?;
    let policy = content_security_policy(&inline_script_hashes(&html).map_err(|e| e.to_string())?);
    let html = insert_csp(&html, &policy).map_err(|e| e.to_string())?;
    fs::write(&index_path, &html).map_err(|e| format!("{}: {e}", index_path.display()))?;

    // The id covers index.html as it is now; then the page learns its own build.
    let mut files = Vec::new();
    collect(staging, staging, &mut files)?;
    let build = build_id(&files);
    let html = insert_build_meta(&html, &build).map_err(|e| e.to_string())?;
    fs::write(&index_path, html).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let template = fs::read_to_string(&worker).map_err(|e| format!("{}: {e}", worker.display()))?;
    let source =
        render_worker(&template, &build, &precache_list(&files)).map_err(|e| e.to_string())?;
    fs::write(&worker, source).map_err(|e| format!("{}: {e}", worker.display()))?;
    println!(
        "post-build: service worker lists {} files; CSP written",
        precache_list(&files).len()
    );
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn collect(
    root: &std::path::Path,
    dir: &std::path::Path,
    out: &mut Vec<closer_build::site::BuiltFile>,
) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root).expect("below root");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            out.push(closer_build::site::BuiltFile { path: rel, bytes });
        }
    }
    Ok(())
}
