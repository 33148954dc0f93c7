//! Code per route: the release wasm cut into a main piece and a piece per
//! route (src/pieces.rs marks where), since Trunk cannot split.
//!
//! The order is cargo-leptos's: split the raw wasm from cargo (linked with
//! `--emit-relocs`, .cargo/config.toml), run wasm-bindgen on the main piece
//! with `--keep-lld-exports` (the pieces import what it exports), then
//! wasm-opt on every piece. The set goes in one folder named by a hash of
//! its contents (`wasm-<hash>/`: the splitter's loader finds the pieces
//! beside itself), and Trunk's own unsplit wasm and glue are removed.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The JS glue's name in the set (wasm-bindgen's `--out-name`).
pub const GLUE: &str = "closer.js";
/// The main piece's name in the set.
pub const MAIN_WASM: &str = "closer_bg.wasm";
/// The splitter's loader of the pieces, which the glue imports.
pub const LINK_MODULE: &str = "__wasm_split.js";

/// The split set, ready to be written into the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitSet {
    /// The folder the set goes in, relative to the site's root (`wasm-0123…`).
    pub dir: String,
    /// Each file of the set by its name in that folder.
    pub files: BTreeMap<String, Vec<u8>>,
    /// For each piece (by [`closer::pieces::Piece::name`]), the files it
    /// needs besides the main piece, in the splitter's order.
    pub pieces: BTreeMap<String, Vec<String>>,
}

impl SplitSet {
    /// The files a page showing `piece` preloads, relative to the site's
    /// root: the loader of the pieces and the piece's own wasm files.
    pub fn preloads(&self, piece: &str) -> Vec<String> {
        let mut out = vec![format!("{}/{LINK_MODULE}", self.dir)];
        for file in self.pieces.get(piece).into_iter().flatten() {
            out.push(format!("{}/{file}", self.dir));
        }
        out
    }
}

/// Where cargo put the raw release wasm of the app.
pub fn raw_wasm() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("wasm32-unknown-unknown/release/closer.wasm")
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd
        .output()
        .map_err(|e| format!("{:?}: {e}", cmd.get_program()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{:?} failed: {}",
            cmd.get_program(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Splits the raw wasm `raw`, working in `work`, with `wasm_opt_params` as
/// Trunk passes them (index.html's `data-wasm-opt-params`). The result is
/// kept in `work` under a hash of its inputs, so the sub-path build right
/// after the root one (the same wasm) reuses it instead of splitting again.
pub fn split(raw: &[u8], work: &Path, wasm_opt_params: &[String]) -> Result<SplitSet, String> {
    let key = {
        let mut h = Sha256::new();
        h.update(raw);
        h.update(wasm_opt_params.join(" ").as_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        hex(&h.finalize()[..16])
    };
    if let Some(set) = cached(work, &key) {
        return Ok(set);
    }
    let _ = std::fs::remove_dir_all(work);
    let out = work.join("out");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let unbound = work.join("main.wasm");
    let main_module = format!("./{GLUE}");
    let link_name = format!("./{LINK_MODULE}");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(raw);
        opts.output_dir = &out;
        opts.main_out_path = &unbound;
        opts.main_module = &main_module;
        opts.link_name = &link_name;
        opts
    })
    .map_err(|e| format!("splitting the wasm: {e:#}"))?;

    run(Command::new("wasm-bindgen")
        .args([
            "--target=web",
            "--keep-lld-exports",
            "--no-typescript",
            "--out-name=closer",
        ])
        .arg(format!("--out-dir={}", out.display()))
        .arg(&unbound))?;

    let mut names = Vec::new();
    for entry in std::fs::read_dir(&out).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("a file name")?
            .to_string();
        if path.is_dir() {
            return Err(format!("unexpected folder {name} in the split output"));
        }
        names.push(name);
    }
    // wasm-opt on each piece, two at a time (its npm build starts slowly).
    let final_dir = work.join("final");
    std::fs::create_dir_all(&final_dir).map_err(|e| e.to_string())?;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<(), String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(name) = names.get(i) else {
                        return Ok(());
                    };
                    let (from, to) = (out.join(name), final_dir.join(name));
                    if name.ends_with(".wasm") {
                        run(Command::new("wasm-opt")
                            .arg("-Oz")
                            .args(wasm_opt_params)
                            .arg(&from)
                            .arg("-o")
                            .arg(&to))?;
                    } else {
                        std::fs::copy(&from, &to).map_err(|e| e.to_string())?;
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Err("wasm-opt worker".into())))
            .collect()
    });
    results.into_iter().collect::<Result<Vec<()>, String>>()?;

    let pieces: BTreeMap<String, Vec<String>> = split
        .prefetch_map
        .into_iter()
        .map(|(piece, stems)| {
            let files = stems.into_iter().map(|s| format!("{s}.wasm")).collect();
            (piece, files)
        })
        .collect();
    let pieces_json = serde_json::to_string(&pieces).expect("a map of strings serialises");
    std::fs::write(work.join("pieces.json"), pieces_json).map_err(|e| e.to_string())?;
    std::fs::write(work.join("key"), &key).map_err(|e| e.to_string())?;
    cached(work, &key).ok_or_else(|| "the split set was not written".into())
}

/// The split set kept in `work` for the inputs `key`, if it is there.
fn cached(work: &Path, key: &str) -> Option<SplitSet> {
    if std::fs::read_to_string(work.join("key")).ok()? != key {
        return None;
    }
    let pieces: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(work.join("pieces.json")).ok()?).ok()?;
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(work.join("final")).ok()? {
        let path = entry.ok()?.path();
        let name = path.file_name()?.to_str()?.to_string();
        files.insert(name, std::fs::read(&path).ok()?);
    }
    for needed in [GLUE, MAIN_WASM, LINK_MODULE] {
        if !files.contains_key(needed) {
            return None;
        }
    }
    Some(SplitSet {
        dir: format!("wasm-{}", hash(&files)),
        files,
        pieces,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 16 hex digits that change whenever any file of the set changes.
fn hash(files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut h = Sha256::new();
    for (name, bytes) in files {
        h.update((name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The wasm-opt parameters in Trunk's `index.html` source
/// (`data-wasm-opt-params="…"` on the rust link), split at spaces.
pub fn wasm_opt_params(index_source: &str) -> Vec<String> {
    let key = "data-wasm-opt-params=\"";
    index_source
        .find(key)
        .map(|at| {
            let rest = &index_source[at + key.len()..];
            rest[..rest.find('"').unwrap_or(rest.len())]
                .split_whitespace()
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Trunk's page with its glue and wasm (`glue`, `wasm`: the URLs its
/// loader uses) replaced by the split set's, under the same base, and
/// without Trunk's preloads of them (whose `integrity` was for Trunk's
/// files; see [`crate::site::remove_loader_preloads`]).
pub fn use_split_set(index: &str, glue: &str, wasm: &str, dir: &str) -> String {
    let base_of = |url: &str| url[..url.rfind('/').map_or(0, |i| i + 1)].to_string();
    let html = crate::site::remove_loader_preloads(index);
    html.replace(glue, &format!("{}{dir}/{GLUE}", base_of(glue)))
        .replace(wasm, &format!("{}{dir}/{MAIN_WASM}", base_of(wasm)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wasm_opt_params_are_trunk_s() {
        let src = r#"<link data-trunk rel="rust" data-wasm-opt="z"
      data-wasm-opt-params="--enable-bulk-memory  --enable-sign-ext" />"#;
        assert_eq!(
            wasm_opt_params(src),
            ["--enable-bulk-memory", "--enable-sign-ext"]
        );
        assert!(wasm_opt_params("<p>").is_empty());
        let shipped = wasm_opt_params(include_str!("../../index.html"));
        assert!(shipped.contains(&"--enable-bulk-memory".to_string()));
    }

    #[test]
    fn the_page_loads_the_split_set_under_its_base() {
        let index = "<head>\n<link rel=\"modulepreload\" href=\"/closer/closer-ab.js\" crossorigin=\"anonymous\" integrity=\"sha384-x\">\n<link rel=\"preload\" href=\"/closer/closer-ab_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" integrity=\"sha384-y\">\n<script type=\"module\">\nimport init, * as bindings from '/closer/closer-ab.js';\nconst wasm = await init({ module_or_path: '/closer/closer-ab_bg.wasm' });\n</script></head>";
        let out = use_split_set(
            index,
            "/closer/closer-ab.js",
            "/closer/closer-ab_bg.wasm",
            "wasm-01",
        );
        assert!(!out.contains("integrity"), "{out}");
        assert!(!out.contains("closer-ab"), "{out}");
        assert!(out.contains("from '/closer/wasm-01/closer.js'"));
        assert!(out.contains("module_or_path: '/closer/wasm-01/closer_bg.wasm'"));
    }

    #[test]
    fn a_page_preloads_the_loader_and_its_piece_s_files() {
        let set = SplitSet {
            dir: "wasm-01".into(),
            files: BTreeMap::new(),
            pieces: [(
                "quiz_play".to_string(),
                vec![
                    "chunk_2.wasm".to_string(),
                    "split_quiz_play.wasm".to_string(),
                ],
            )]
            .into_iter()
            .collect(),
        };
        assert_eq!(
            set.preloads("quiz_play"),
            [
                "wasm-01/__wasm_split.js",
                "wasm-01/chunk_2.wasm",
                "wasm-01/split_quiz_play.wasm"
            ]
        );
        assert_eq!(set.preloads("none"), ["wasm-01/__wasm_split.js"]);
    }
}
