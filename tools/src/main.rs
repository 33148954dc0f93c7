//! Trunk's `post_build` hook (see Trunk.toml), run in Trunk's staging folder.
//!
//! Every build: writes the lessons' and the quiz's prose files, which the
//! app fetches when first needed (a development build needs them as much as
//! a release). A release build then writes a page for every route known at
//! build time, its first screen rendered from the app's components, with a
//! strict Content-Security-Policy, and fills in the service worker's build
//! id and file list. A development build gets a worker that removes itself,
//! so an old release worker never gets in the way of `trunk serve`.

use closer_build::assemble::{build_pages, lang_dir};
use closer_build::site::{self, *};
use closer_build::split;
use std::{env, fs, path::Path};

const DEV_WORKER: &str = "// Development build: no offline support. This worker removes itself.\n\
self.addEventListener('install', () => self.skipWaiting());\n\
self.addEventListener('activate', () => self.registration.unregister());\n";

fn main() {
    if let Err(e) = run() {
        eprintln!("closer-build: {e}");
        std::process::exit(1);
    }
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let staging = env::var("TRUNK_STAGING_DIR")
        .map_err(|_| "TRUNK_STAGING_DIR is not set (run me from Trunk)")?;
    let staging = Path::new(&staging);
    let release = env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    let base = env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());

    for (name, json) in closer::content::prose_payloads()
        .into_iter()
        .chain(closer::content::lang_payloads())
    {
        write(&staging.join(&name), &json)?;
    }
    let worker = staging.join(SW_FILE);
    if !release {
        return write(&worker, DEV_WORKER);
    }

    // Each other language's manifest, beside its pages.
    let manifest = read(&staging.join("manifest.webmanifest"))?;
    for lang in closer_core::i18n::Lang::ALL.into_iter().skip(1) {
        closer::content::install_native(lang);
        let (name, description) = closer::lang::manifest_words();
        let text = lang_manifest(&manifest, lang.code(), name, description)?;
        write(
            &staging.join(format!("{}manifest.webmanifest", lang_dir(lang))),
            &text,
        )?;
    }
    closer::content::install_native(closer_core::i18n::Lang::En);

    let index = read(&staging.join("index.html"))?;
    let (index, split_set) = split_wasm(staging, &index)?;
    let built = build_pages(&index, &base, Some(&split_set)).map_err(|e| e.to_string())?;
    for (file, html) in &built {
        write(&staging.join(file), html)?;
    }

    // The id covers every page as it is now; then each page learns its build.
    let mut files = Vec::new();
    collect(staging, staging, &mut files)?;
    let build = build_id(&files);
    for (file, html) in &built {
        let html = insert_build_meta(html, &build).map_err(|e| e.to_string())?;
        write(&staging.join(file), &html)?;
    }
    let list = precache_list(&files);
    let langs = lang_lists(&files);
    let source =
        render_worker(&read(&worker)?, &build, &list, &langs).map_err(|e| e.to_string())?;
    write(&worker, &source)?;
    println!(
        "closer-build: wasm split into {} files in {}; {} pages prerendered; the service worker lists {} files; CSP written",
        split_set.files.len(),
        split_set.dir,
        built.len(),
        list.len()
    );
    Ok(())
}

/// Replaces Trunk's unsplit wasm and glue with the split set (see
/// `closer_build::split`): writes it, removes Trunk's two files, and
/// returns `index` loading the set instead.
fn split_wasm(staging: &Path, index: &str) -> Result<(String, split::SplitSet), String> {
    let glue = site::loader_glue(index)
        .ok_or("index.html has no loader")?
        .to_string();
    let wasm = site::loader_wasm(index)
        .ok_or("index.html has no loader")?
        .to_string();
    let raw_path = split::raw_wasm();
    let raw = fs::read(&raw_path).map_err(|e| format!("{}: {e}", raw_path.display()))?;
    let source = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../index.html"))?;
    let work = raw_path.with_file_name("closer-split");
    let set = split::split(&raw, &work, &split::wasm_opt_params(&source))?;
    for (name, bytes) in &set.files {
        let path = staging.join(&set.dir).join(name);
        fs::create_dir_all(path.parent().expect("in a folder")).map_err(|e| e.to_string())?;
        fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for url in [&glue, &wasm] {
        let file = &url[url.rfind('/').map_or(0, |i| i + 1)..];
        fs::remove_file(staging.join(file)).map_err(|e| format!("{file}: {e}"))?;
    }
    let index = split::use_split_set(index, &glue, &wasm, &set.dir);
    Ok((index, set))
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<BuiltFile>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
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
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            out.push(BuiltFile { path: rel, bytes });
        }
    }
    Ok(())
}
