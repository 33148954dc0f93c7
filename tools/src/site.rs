//! What the build hook does to the built site, as pure functions: the service
//! worker's precache list and build id, and the Content-Security-Policy with
//! a hash for each inline script (Trunk writes its loader inline).
//!
//! Native only: it runs in `tools/src/main.rs`, never in the browser.

use crate::first_screen::FRAME_ONLY_CLASS;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The service worker's file name, next to `index.html`.
pub const SW_FILE: &str = "sw.js";
/// Placeholder in `public/sw.js` for the build id.
pub const BUILD_MARKER: &str = "__CLOSER_BUILD__";
/// Placeholder in `public/sw.js` for the JSON list of files to precache.
pub const FILES_MARKER: &str = "__CLOSER_FILES__";
/// Placeholder in `public/sw.js` for each other language's files, a JSON
/// object from its code to its list ([`lang_lists`]).
pub const LANGS_MARKER: &str = "__CLOSER_LANGS__";

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
    /// `index.html` has no `</body>` to put the first screen before.
    NoBody,
    /// Trunk's loader script is not where it was (a new Trunk version?).
    NoLoader,
    /// `index.html` has no `<title>` for a page's own.
    NoTitle,
    /// `index.html` has no `<html>` tag to carry the page's language.
    NoHtml,
    /// Two pages carry different inline scripts, so one policy cannot cover both.
    ScriptsDiffer,
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SiteError::MissingMarker(m) => write!(f, "the service worker template lacks {m}"),
            SiteError::NoHead => write!(f, "index.html has no <head>"),
            SiteError::UnclosedScript => write!(f, "index.html has a <script> that never closes"),
            SiteError::NoBody => write!(f, "index.html has no </body>"),
            SiteError::NoTitle => write!(f, "index.html has no <title>"),
            SiteError::NoHtml => write!(f, "index.html has no <html> tag"),
            SiteError::ScriptsDiffer => write!(f, "the pages' inline scripts differ"),
            SiteError::NoLoader => {
                write!(f, "index.html has no `{LOADER_INIT}` from Trunk's loader")
            }
        }
    }
}

/// The files the worker precaches: every built file but the worker itself,
/// hidden files and the routes' own pages, sorted, as paths relative to the
/// worker's folder (so the same list works at `/` and under a sub-path).
///
/// Of the pages only `index.html` is kept: once the worker answers, every
/// navigation gets it and the app (from the same cache) draws the page in
/// about a tenth of a second, so the hundred-odd card pages would only add
/// to the first visit's download (bench/README.md has the figures).
/// Another language's files (its pages, its file, its prose) are not in it:
/// see [`lang_lists`].
pub fn precache_list(files: &[BuiltFile]) -> Vec<String> {
    let mut list: Vec<String> = files
        .iter()
        .map(|f| f.path.clone())
        .filter(|p| p != SW_FILE && !p.split('/').any(|part| part.starts_with('.')))
        .filter(|p| p == "index.html" || !p.ends_with(".html"))
        .filter(|p| lang_of(p).is_none())
        .collect();
    list.sort();
    list
}

/// The language other than English that `path` (relative to the site's
/// root) belongs to: its pages (`es/...`), its file (`lang/es.<hash>.json`)
/// or its prose (`guide/es/...`).
pub fn lang_of(path: &str) -> Option<&'static str> {
    use closer::content::model::{LANG_DIR, PROSE_DIR};
    closer_core::i18n::Lang::ALL
        .into_iter()
        .skip(1)
        .map(|l| l.code())
        .find(|code| {
            path.starts_with(&format!("{code}/"))
                || path.starts_with(&format!("{LANG_DIR}/{code}."))
                || path.starts_with(&format!("{PROSE_DIR}/{code}/"))
        })
}

/// What the worker caches for each language other than English once a page
/// in it has been opened (so someone who reads English never downloads it):
/// its shell page (`es/index.html`, which answers every address in it, as
/// `index.html` does for English), its file and its prose. Sorted.
pub fn lang_lists(files: &[BuiltFile]) -> std::collections::BTreeMap<&'static str, Vec<String>> {
    let mut lists = std::collections::BTreeMap::<&'static str, Vec<String>>::new();
    for f in files {
        if let Some(code) = lang_of(&f.path) {
            let page = f.path.ends_with(".html");
            if !page || f.path == format!("{code}/index.html") {
                lists.entry(code).or_default().push(f.path.clone());
            }
        }
    }
    for list in lists.values_mut() {
        list.sort();
    }
    lists
}

/// A short id that changes whenever any file the worker caches changes
/// (the precached ones and every language's).
pub fn build_id(files: &[BuiltFile]) -> String {
    let mut list = precache_list(files);
    list.extend(lang_lists(files).into_values().flatten());
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

/// The worker's source with its build id, file list and message names
/// filled in (the messages as the app defines them,
/// [`closer::offline::WORKER_MESSAGES`]).
pub fn render_worker(
    template: &str,
    build: &str,
    files: &[String],
    langs: &std::collections::BTreeMap<&str, Vec<String>>,
) -> Result<String, SiteError> {
    let messages = closer::offline::WORKER_MESSAGES;
    let markers = [BUILD_MARKER, FILES_MARKER, LANGS_MARKER]
        .into_iter()
        .chain(messages.iter().map(|(marker, _)| *marker));
    for marker in markers {
        if !template.contains(marker) {
            return Err(SiteError::MissingMarker(marker));
        }
    }
    let list = serde_json::to_string(files).expect("a list of strings serialises");
    let langs = serde_json::to_string(langs).expect("lists of strings serialise");
    let source = template
        .replace(BUILD_MARKER, build)
        .replace(FILES_MARKER, &list)
        .replace(LANGS_MARKER, &langs);
    Ok(messages
        .iter()
        .fold(source, |s, (marker, message)| s.replace(marker, message)))
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

/// The page with `<meta name="closer-build" content="…">` at the end of
/// `<head>` (the policy stays first): the build this page belongs to, which the page compares with the
/// build a new service worker announces (src/offline.rs). The build id is
/// taken before this is added, so it depends on every other byte.
pub fn insert_build_meta(html: &str, build: &str) -> Result<String, SiteError> {
    let end = html.find("</head>").ok_or(SiteError::NoHead)?;
    let meta = format!(
        "  <meta name=\"closer-build\" content=\"{}\" />\n  ",
        escape(build)
    );
    Ok(format!("{}{meta}{}", &html[..end], &html[end..]))
}

pub use closer::app::PRERENDER_ID;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page with a route's first screen as the last element of `<body>`,
/// where the app mounts, preceded by the first-screen script (`script`, a
/// whole `<script>` element) that runs before it is parsed. The wrapper has
/// `display: contents` (style/layout.css), so it adds no box of its own;
/// the app removes it in the task in which it mounts (src/main.rs).
pub fn insert_prerender(html: &str, script: &str, markup: &str) -> Result<String, SiteError> {
    let end = html.rfind("</body>").ok_or(SiteError::NoBody)?;
    Ok(format!(
        "{}{script}<div id=\"{PRERENDER_ID}\" class=\"prerender\">{markup}</div>\n  {}",
        &html[..end],
        &html[end..]
    ))
}

/// The web app manifest of a language whose pages are in the folder
/// `code/`, from the English one (`public/manifest.webmanifest`): its own
/// name, description and `lang`, starting at its own home page, with the
/// same scope and id (one app, whichever language installed it) and icons.
pub fn lang_manifest(
    english: &str,
    code: &str,
    name: &str,
    description: &str,
) -> Result<String, String> {
    use serde_json::Value;
    let mut m: Value =
        serde_json::from_str(english).map_err(|e| format!("manifest.webmanifest: {e}"))?;
    let up = |v: &Value| {
        let path = v.as_str().unwrap_or("");
        Value::String(format!("../{}", path.strip_prefix("./").unwrap_or(path)))
    };
    m["name"] = name.into();
    m["description"] = description.into();
    m["lang"] = code.into();
    m["start_url"] = "./".into();
    m["scope"] = up(&m["scope"]);
    m["id"] = up(&m["id"]);
    if let Some(icons) = m["icons"].as_array_mut() {
        for icon in icons {
            icon["src"] = up(&icon["src"]);
        }
    }
    Ok(serde_json::to_string_pretty(&m).expect("JSON serialises"))
}

/// The page linking its language's manifest (`es/manifest.webmanifest`)
/// instead of the English one.
pub fn set_manifest(html: &str, dir: &str) -> String {
    html.replacen(
        "<link rel=\"manifest\" href=\"manifest.webmanifest\"",
        &format!("<link rel=\"manifest\" href=\"{dir}manifest.webmanifest\""),
        1,
    )
}

/// The page's `<html>` tag as `<html lang="es" dir="ltr">`: the language
/// its words are in and their direction.
pub fn set_lang(html: &str, code: &str, dir: &str) -> Result<String, SiteError> {
    let start = html.find("<html").ok_or(SiteError::NoHtml)?;
    let end = start + html[start..].find('>').ok_or(SiteError::NoHtml)?;
    Ok(format!(
        "{}<html lang=\"{}\" dir=\"{}\">{}",
        &html[..start],
        escape(code),
        escape(dir),
        &html[end + 1..]
    ))
}

/// The page with its `<title>`'s text replaced by `title` (escaped).
pub fn set_title(html: &str, title: &str) -> Result<String, SiteError> {
    let start = html.find("<title>").ok_or(SiteError::NoTitle)? + "<title>".len();
    let end = start + html[start..].find("</title>").ok_or(SiteError::NoTitle)?;
    Ok(format!(
        "{}{}{}",
        &html[..start],
        escape(title),
        &html[end..]
    ))
}

/// The page without Trunk's preloads of the loader's files: the wasm's
/// `<link rel="preload" … type="application/wasm">` and the JS glue's
/// `<link rel="modulepreload">`.
///
/// With the first screen prerendered, nothing on it waits for either, and
/// fetching them early made them (the wasm the largest file by far) compete
/// for bandwidth with the stylesheets that the first paint does wait for;
/// the loader fetches both after that paint instead
/// ([`defer_wasm_until_painted`]). (It also silences Chromium's warning that
/// `integrity` is ignored on such preloads.)
pub fn remove_loader_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link rel=\"") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        out.push_str(&rest[..start]);
        let loader = (tag.starts_with("<link rel=\"preload\"") && tag.contains("application/wasm"))
            || tag.starts_with("<link rel=\"modulepreload\"");
        rest = &rest[start + len + 1..];
        if !loader {
            out.push_str(tag);
            continue;
        }
        // Drop the line break the removed tag stood on.
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

/// The call in Trunk's inline loader that fetches and starts the wasm.
pub const LOADER_INIT: &str = "const wasm = await init(";
/// The start of the static import in Trunk's inline loader of the JS glue.
pub const LOADER_IMPORT: &str = "import init, * as bindings from '";

/// Where the single-quoted string after `prefix` stands in `html`.
fn quoted_after(html: &str, prefix: &str) -> Option<std::ops::Range<usize>> {
    let at = html.find(prefix)? + prefix.len();
    Some(at..at + html[at..].find('\'')?)
}

/// The URL of the JS glue that Trunk's loader imports.
pub fn loader_glue(html: &str) -> Option<&str> {
    quoted_after(html, LOADER_IMPORT).map(|r| &html[r])
}

/// The URL of the wasm that Trunk's loader starts.
pub fn loader_wasm(html: &str) -> Option<&str> {
    quoted_after(html, "module_or_path: '").map(|r| &html[r])
}

/// Makes Trunk's loader fetch the JS glue and then the wasm only once the
/// prerendered first screen has painted: its static import of the glue
/// becomes a dynamic `import()` after a wait for the browser's
/// `first-contentful-paint` entry (at most half a second, for pages in the
/// background, which do not paint). The first paint then never shares the
/// network with the loader's files, and the app cannot replace a screen the
/// browser has not shown yet. Where only the page's frame shows (the
/// first-screen script marks it `frame-only`), there is nothing to wait
/// for: the loader is a module script, which runs after the whole page is
/// parsed, that script included. The CSP hash is taken after this change.
pub fn defer_wasm_until_painted(html: &str) -> Result<String, SiteError> {
    if !html.contains(LOADER_INIT) {
        return Err(SiteError::NoLoader);
    }
    let glue_at = quoted_after(html, LOADER_IMPORT).ok_or(SiteError::NoLoader)?;
    let glue = &html[glue_at.clone()];
    let start = glue_at.start - LOADER_IMPORT.len();
    let statement_end = glue_at.end + html[glue_at.end..].find(';').ok_or(SiteError::NoLoader)? + 1;
    let html = format!("{}{}", &html[..start], &html[statement_end..]);
    let wait = fill_script(
        WAIT_FOR_PAINT,
        &[("FRAME_ONLY_CLASS", FRAME_ONLY_CLASS), ("GLUE_URL", glue)],
    );
    Ok(html.replacen(LOADER_INIT, &format!("{wait}{LOADER_INIT}"), 1))
}

/// A script without its whole-line `//` comments, which say why for the
/// reader of the source and would only add bytes to every page.
fn without_comment_lines(source: &str) -> String {
    source
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// One of the build's scripts as it goes into a page: without its comment
/// lines, each placeholder (a name in capitals) replaced by its value as a
/// JavaScript string literal.
pub fn fill_script(source: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(without_comment_lines(source), |text, (name, value)| {
            let literal = serde_json::to_string(value).expect("a string serialises");
            text.replace(name, &literal)
        })
}

/// What [`defer_wasm_until_painted`] puts in the loader, with placeholders.
const WAIT_FOR_PAINT: &str = include_str!("../wait-for-paint.js");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_s_manifest_starts_at_its_home_and_keeps_one_app() {
        let english = include_str!("../../public/manifest.webmanifest");
        let es: serde_json::Value = serde_json::from_str(
            &lang_manifest(english, "es", "Closer: una guía", "Una guía.").unwrap(),
        )
        .unwrap();
        assert_eq!(es["name"], "Closer: una guía");
        assert_eq!(es["lang"], "es");
        assert_eq!(es["start_url"], "./");
        assert_eq!(es["scope"], "../");
        assert_eq!(es["id"], "../");
        assert_eq!(es["icons"][0]["src"], "../icons/icon-192.png");
        assert_eq!(es["short_name"], "Closer");
        let page = "<link rel=\"manifest\" href=\"manifest.webmanifest\" />";
        assert_eq!(
            set_manifest(page, "es/"),
            "<link rel=\"manifest\" href=\"es/manifest.webmanifest\" />"
        );
    }

    #[test]
    fn the_build_meta_goes_last_in_head() {
        let html = "<html><head><meta http-equiv=\"x\" /></head><body></body></html>";
        let out = insert_build_meta(html, "0123abcd").unwrap();
        assert_eq!(
            out,
            "<html><head><meta http-equiv=\"x\" />  <meta name=\"closer-build\" content=\"0123abcd\" />\n  </head><body></body></html>"
        );
        assert_eq!(
            insert_build_meta("<html></html>", "x"),
            Err(SiteError::NoHead)
        );
    }

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
            file("lessons/a/b/c.html", "<html>card"),
            file("404.html", "<html>not found"),
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

    /// A template with every message's placeholder, after `head`.
    fn with_messages(head: &str) -> String {
        closer::offline::WORKER_MESSAGES
            .iter()
            .fold(head.to_string(), |t, (marker, _)| {
                format!("{t} \"{marker}\";")
            })
    }

    #[test]
    fn the_worker_gets_its_id_and_list() {
        let langs = [("es", vec!["es/index.html".to_string()])]
            .into_iter()
            .collect();
        let out = render_worker(
            &with_messages("const BUILD = \"__CLOSER_BUILD__\"; const FILES = __CLOSER_FILES__; const LANGS = __CLOSER_LANGS__;"),
            "0123",
            &["index.html".into(), "a b.js".into()],
            &langs,
        )
        .unwrap();
        assert!(
            out.starts_with(r#"const BUILD = "0123"; const FILES = ["index.html","a b.js"]; const LANGS = {"es":["es/index.html"]};"#),
            "{out}"
        );
        let none = Default::default();
        assert_eq!(
            render_worker("no markers", "1", &[], &none),
            Err(SiteError::MissingMarker(BUILD_MARKER))
        );
        assert_eq!(
            render_worker(
                "__CLOSER_BUILD__ __CLOSER_FILES__ __CLOSER_LANGS__",
                "1",
                &[],
                &none
            ),
            Err(SiteError::MissingMarker(
                closer::offline::WORKER_MESSAGES[0].0
            ))
        );
    }

    #[test]
    fn the_worker_gets_the_messages_the_app_sends_and_hears() {
        let out = render_worker(
            &with_messages("__CLOSER_BUILD__ __CLOSER_FILES__ __CLOSER_LANGS__"),
            "1",
            &[],
            &Default::default(),
        )
        .unwrap();
        for (marker, message) in closer::offline::WORKER_MESSAGES {
            assert!(!out.contains(marker), "{marker} is left in {out}");
            assert!(
                out.contains(&format!("\"{message}\";")),
                "{message} is not in {out}"
            );
        }
    }

    #[test]
    fn every_placeholder_of_the_shipped_worker_is_filled() {
        let template = include_str!("../../public/sw.js");
        let out = render_worker(
            template,
            "0123abcd",
            &["index.html".into()],
            &Default::default(),
        )
        .unwrap();
        assert!(!out.contains("__CLOSER_"), "a placeholder is left:\n{out}");
        for (_, message) in closer::offline::WORKER_MESSAGES {
            assert!(
                out.contains(&format!("\"{message}\"")),
                "{message} is not in the worker"
            );
        }
        assert!(out.contains(r#"const BUILD = "0123abcd";"#));
        assert!(out.contains(r#"const FILES = ["index.html"];"#));
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

    #[test]
    fn text_is_escaped_and_the_screen_goes_last_in_body() {
        assert_eq!(
            escape("<b>\"Tom & Jerry's\"</b>"),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"
        );
        let page = insert_prerender(
            "<html><body><noscript>x</noscript></body></html>",
            "<script>s</script>",
            "<main></main>",
        )
        .unwrap();
        assert_eq!(
            page,
            "<html><body><noscript>x</noscript><script>s</script><div id=\"prerender\" class=\"prerender\"><main></main></div>\n  </body></html>"
        );
        assert_eq!(insert_prerender("<html>", "", "x"), Err(SiteError::NoBody));
        assert_eq!(
            set_title("<head><title>Closer</title></head>", "Quiz & more · Closer").unwrap(),
            "<head><title>Quiz &amp; more · Closer</title></head>"
        );
        assert_eq!(set_title("<head></head>", "x"), Err(SiteError::NoTitle));
    }

    #[test]
    fn only_the_loaders_preloads_are_removed() {
        let html = "<head>\n<link rel=\"modulepreload\" href=\"/a.js\" crossorigin=\"anonymous\">\n<link rel=\"preload\" href=\"/a_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\n<link rel=\"preload\" href=\"/f.woff2\" as=\"font\">\n<link rel=\"stylesheet\" href=\"/s.css\">\n</head>";
        assert_eq!(
            remove_loader_preloads(html),
            "<head>\n<link rel=\"preload\" href=\"/f.woff2\" as=\"font\">\n<link rel=\"stylesheet\" href=\"/s.css\">\n</head>"
        );
        assert_eq!(remove_loader_preloads("<p>none</p>"), "<p>none</p>");
    }

    #[test]
    fn the_wasm_waits_for_the_first_paint_except_where_only_the_frame_shows() {
        let page = "<script type=\"module\">\nimport init, * as bindings from '/a.js';\nconst wasm = await init({ module_or_path: '/a.wasm' });\nwindow.wasmBindings = bindings;\n</script>";
        let out = defer_wasm_until_painted(page).unwrap();
        assert!(out.starts_with("<script type=\"module\">\n\nif (!document.documentElement"));
        assert!(out.contains("classList.contains(\"frame-only\")"));
        assert!(out.contains("const bindings = await import(\"/a.js\"), init = bindings.default;\nconst wasm = await init({ module_or_path: '/a.wasm' });"));
        assert_eq!(loader_glue(page), Some("/a.js"));
        assert_eq!(loader_wasm(page), Some("/a.wasm"));
        assert_eq!(out.matches(LOADER_INIT).count(), 1);
        assert!(
            !out.contains(LOADER_IMPORT),
            "no static import is left to fetch the glue early"
        );
        assert_eq!(
            defer_wasm_until_painted("<p>no loader</p>"),
            Err(SiteError::NoLoader)
        );
        assert_eq!(
            defer_wasm_until_painted("const wasm = await init({});"),
            Err(SiteError::NoLoader),
            "a loader without the import it expects"
        );
    }
}
