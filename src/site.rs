//! What the build hook does to the built site, as pure functions: the service
//! worker's precache list and build id, and the Content-Security-Policy with
//! a hash for each inline script (Trunk writes its loader inline).
//!
//! Native only: it runs in `src/bin/post_build.rs`, never in the browser.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The service worker's file name, next to `index.html`.
pub const SW_FILE: &str = "sw.js";
/// Placeholder in `public/sw.js` for the build id.
pub const BUILD_MARKER: &str = "__CLOSER_BUILD__";
/// Placeholder in `public/sw.js` for the JSON list of files to precache.
pub const FILES_MARKER: &str = "__CLOSER_FILES__";

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltFile {
    /// Path relative to the site's root, with `/` separators.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// What can go wrong while finishing the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteError {
    /// The worker template lacks a placeholder.
    MissingMarker(&'static str),
    /// `index.html` has no `<head>` to put the policy in.
    NoHead,
    /// A `<script>` tag never closes.
    UnclosedScript,
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SiteError::MissingMarker(m) => write!(f, "the service worker template lacks {m}"),
            SiteError::NoHead => write!(f, "index.html has no <head>"),
            SiteError::UnclosedScript => write!(f, "index.html has a <script> that never closes"),
        }
    }
}

/// The files the worker precaches: every built file but the worker itself and
/// hidden files, sorted, as paths relative to the worker's folder (so the
/// same list works at `/` and under a sub-path).
pub fn precache_list(files: &[BuiltFile]) -> Vec<String> {
    let mut list: Vec<String> = files
        .iter()
        .map(|f| f.path.clone())
        .filter(|p| p != SW_FILE && !p.split('/').any(|part| part.starts_with('.')))
        .collect();
    list.sort();
    list
}

/// A short id that changes whenever any precached file changes.
pub fn build_id(files: &[BuiltFile]) -> String {
    let list = precache_list(files);
    let mut hash = Sha256::new();
    for path in &list {
        let file = files
            .iter()
            .find(|f| &f.path == path)
            .expect("listed from files");
        hash.update((path.len() as u64).to_le_bytes());
        hash.update(path.as_bytes());
        hash.update((file.bytes.len() as u64).to_le_bytes());
        hash.update(&file.bytes);
    }
    hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The worker's source with its build id and file list filled in.
pub fn render_worker(template: &str, build: &str, files: &[String]) -> Result<String, SiteError> {
    if !template.contains(BUILD_MARKER) {
        return Err(SiteError::MissingMarker(BUILD_MARKER));
    }
    if !template.contains(FILES_MARKER) {
        return Err(SiteError::MissingMarker(FILES_MARKER));
    }
    let list = serde_json::to_string(files).expect("a list of strings serialises");
    Ok(template
        .replace(BUILD_MARKER, build)
        .replace(FILES_MARKER, &list))
}

/// CSP source expressions (`'sha256-…'`) for every inline `<script>` in the page.
pub fn inline_script_hashes(html: &str) -> Result<Vec<String>, SiteError> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let open_end = after.find('>').ok_or(SiteError::UnclosedScript)?;
        let tag = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let close = body_and_more
            .find("</script>")
            .ok_or(SiteError::UnclosedScript)?;
        let body = &body_and_more[..close];
        if !tag.contains(" src=") {
            let digest = Sha256::digest(body.as_bytes());
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{b64}'"));
        }
        rest = &body_and_more[close + "</script>".len()..];
    }
    Ok(hashes)
}

/// The policy: nothing by default; scripts only from this origin, the hashed
/// inline loader and wasm compilation; no inline styles, no eval.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    let mut script = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    script.extend(script_hashes.iter().cloned());
    [
        "default-src 'none'".to_string(),
        format!("script-src {}", script.join(" ")),
        "style-src 'self'".into(),
        "img-src 'self'".into(),
        "font-src 'self'".into(),
        "connect-src 'self'".into(),
        "manifest-src 'self'".into(),
        "worker-src 'self'".into(),
        "base-uri 'self'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ")
}

/// The page with the policy as the first element of `<head>`, so it covers
/// everything after it.
pub fn insert_csp(html: &str, policy: &str) -> Result<String, SiteError> {
    let head = html.find("<head").ok_or(SiteError::NoHead)?;
    let end = head + html[head..].find('>').ok_or(SiteError::NoHead)? + 1;
    let meta =
        format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    Ok(format!("{}{meta}{}", &html[..end], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: &str) -> BuiltFile {
        BuiltFile {
            path: path.into(),
            bytes: bytes.as_bytes().to_vec(),
        }
    }

    fn site() -> Vec<BuiltFile> {
        vec![
            file("index.html", "<html>"),
            file("closer-abc_bg.wasm", "wasm"),
            file("closer-abc.js", "js"),
            file("sw.js", "worker"),
            file(".stage/leftover", "x"),
            file("icons/icon-192.png", "png"),
        ]
    }

    #[test]
    fn the_list_holds_every_file_but_the_worker_and_hidden_ones_sorted() {
        assert_eq!(
            precache_list(&site()),
            [
                "closer-abc.js",
                "closer-abc_bg.wasm",
                "icons/icon-192.png",
                "index.html"
            ]
        );
    }

    #[test]
    fn the_build_id_follows_the_contents_not_the_order_or_the_worker() {
        let a = build_id(&site());
        let mut reordered = site();
        reordered.reverse();
        assert_eq!(build_id(&reordered), a);
        let mut new_worker = site();
        new_worker[3].bytes = b"other worker".to_vec();
        assert_eq!(
            build_id(&new_worker),
            a,
            "the worker is not part of its own id"
        );
        let mut changed = site();
        changed[1].bytes = b"new wasm".to_vec();
        assert_ne!(build_id(&changed), a);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn the_worker_gets_its_id_and_list() {
        let out = render_worker(
            "const BUILD = \"__CLOSER_BUILD__\"; const FILES = __CLOSER_FILES__;",
            "0123",
            &["index.html".into(), "a b.js".into()],
        )
        .unwrap();
        assert_eq!(
            out,
            r#"const BUILD = "0123"; const FILES = ["index.html","a b.js"];"#
        );
        assert_eq!(
            render_worker("no markers", "1", &[]),
            Err(SiteError::MissingMarker(BUILD_MARKER))
        );
    }

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let html =
            r#"<head><script src="/a.js"></script><script type="module">alert(1)</script></head>"#;
        // sha256("alert(1)") in base64, as browsers compute it for CSP.
        assert_eq!(
            inline_script_hashes(html).unwrap(),
            ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
        );
        assert_eq!(
            inline_script_hashes("<script>x"),
            Err(SiteError::UnclosedScript)
        );
    }

    #[test]
    fn the_policy_is_strict_and_goes_first_in_head() {
        let policy = content_security_policy(&["'sha256-x'".into()]);
        assert!(policy.starts_with("default-src 'none'"));
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-x'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        let html = insert_csp(
            "<html><head lang=\"en\"><meta charset=\"utf-8\"></head>",
            &policy,
        )
        .unwrap();
        assert!(html.starts_with(
            "<html><head lang=\"en\">\n    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
        ));
        assert_eq!(insert_csp("<html></html>", &policy), Err(SiteError::NoHead));
    }
}
