//! The first-screen script (`tools/first-screen.js`), with its constants
//! filled in from the one place each is defined, and the tag that carries a
//! page's own facts to it.

use crate::site::{escape, fill_script};

/// The script as written, with placeholders in capitals.
const SOURCE: &str = include_str!("../first-screen.js");
/// "Leave quickly" (`tools/leave-quickly.js`), which rides in the same
/// element: one more inline script would be one more hash in every page's
/// policy for no gain.
const LEAVE: &str = include_str!("../leave-quickly.js");

/// On `<html>`: the person has saved progress (style/layout.css).
pub const RETURNING_CLASS: &str = "returning";
/// On `<html>`: the page's own content waits for the app (style/layout.css);
/// the loader then fetches at once instead of after the first paint.
pub const FRAME_ONLY_CLASS: &str = "frame-only";

/// The script with every placeholder filled: the same text on every page, so
/// one hash in the Content-Security-Policy allows it everywhere.
pub fn script() -> String {
    let first = fill_script(
        SOURCE,
        &[
            ("STORAGE_KEY", closer_core::keys::KEY),
            ("LOCK_KEY", closer_core::keys::LOCK_KEY),
            ("LANG_KEY", closer_core::keys::LANG_KEY),
            ("RETURNING_CLASS", RETURNING_CLASS),
            ("FRAME_ONLY_CLASS", FRAME_ONLY_CLASS),
            ("COMPARE_PATH", &closer::routes::Route::Compare.path()),
            ("SHARED_LINK_CLASS", closer::sharing::SHARED_LINK_CLASS),
        ],
    );
    // The codes of the languages other than English, as a JSON array.
    let codes: Vec<&str> = closer_core::i18n::Lang::ALL
        .iter()
        .skip(1)
        .map(|l| l.code())
        .collect();
    let first = first.replace(
        "LANG_CODES",
        &serde_json::to_string(&codes).expect("strings serialise"),
    );
    let leave = fill_script(
        LEAVE,
        &[
            ("LEAVE_TO", closer::leave::LEAVE_TO),
            ("LEAVE_ATTR", closer::leave::LEAVE_ATTR),
            ("LEAVING_KEY", closer::leave::LEAVING_KEY),
        ],
    );
    format!("{first}\n{leave}")
}

/// What one page tells the script about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFacts {
    /// The app path the page was rendered for.
    pub path: String,
    /// Whether it shows a person's own state (see the script).
    pub personal: bool,
    /// The prose file the app fetches on this page, relative to the base.
    pub prose: Option<String>,
    /// The loader's JS glue and wasm, as the loader names them.
    pub glue: String,
    /// See [`PageFacts::glue`].
    pub wasm: String,
    /// The files of the page's own piece of the wasm (and the loader of
    /// the pieces), relative to the base: preloaded beside the main piece.
    pub pieces: Vec<String>,
    /// The page's language's file (none for English), relative to the
    /// base: preloaded beside the wasm, as the app waits for it.
    pub lang_file: Option<String>,
}

/// The `<script>` element for a page: the shared script, with the page's
/// facts in `data-` attributes (which the CSP hash does not cover).
pub fn script_element(facts: &PageFacts) -> String {
    let mut attrs = format!(" data-path=\"{}\"", escape(&facts.path));
    if facts.personal {
        attrs.push_str(" data-personal");
    }
    if let Some(prose) = &facts.prose {
        attrs.push_str(&format!(" data-prose=\"{}\"", escape(prose)));
    }
    if !facts.glue.is_empty() && !facts.wasm.is_empty() {
        attrs.push_str(&format!(
            " data-glue=\"{}\" data-wasm=\"{}\"",
            escape(&facts.glue),
            escape(&facts.wasm)
        ));
    }
    if let Some(file) = &facts.lang_file {
        attrs.push_str(&format!(" data-lang-file=\"{}\"", escape(file)));
    }
    if !facts.pieces.is_empty() {
        attrs.push_str(&format!(
            " data-pieces=\"{}\"",
            escape(&facts.pieces.join(" "))
        ));
    }
    format!("<script{attrs}>{}</script>", script())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled_with_a_string() {
        let s = script();
        for name in [
            "STORAGE_KEY",
            "LOCK_KEY",
            "LANG_KEY",
            "LANG_CODES",
            "RETURNING_CLASS",
            "FRAME_ONLY_CLASS",
            "COMPARE_PATH",
            "SHARED_LINK_CLASS",
        ] {
            assert!(!s.contains(name), "{name} is left in the script");
        }
        assert!(s.contains(&format!(
            "localStorage.getItem(\"{}\")",
            closer_core::keys::KEY
        )));
        assert!(s.contains("app === \"/compare\""));
        assert!(s.contains("var codes = [\"es\"];"));
    }

    #[test]
    fn the_classes_it_sets_are_the_ones_the_styles_read() {
        let layout = include_str!("../../style/layout.css");
        assert!(layout.contains(&format!(".{RETURNING_CLASS} .prerender")));
        assert!(layout.contains(&format!(".{FRAME_ONLY_CLASS} .prerender")));
        let checkin = include_str!("../../style/checkin.css");
        assert!(checkin.contains(&format!(
            ".{} .link-arriving",
            closer::sharing::SHARED_LINK_CLASS
        )));
    }

    /// The filled script parses as JavaScript (Node's own parser: the same
    /// language the browsers run), so a slip in the template or in a filled
    /// value fails here and not on a phone.
    #[test]
    fn the_filled_scripts_parse() {
        let dir = std::env::temp_dir().join(format!("closer-first-screen-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let classic = dir.join("first-screen.js");
        std::fs::write(&classic, script()).expect("written");
        // The loader's part is module code (top-level await).
        let module = dir.join("wait-for-paint.mjs");
        let loader = "<script type=\"module\">\nimport init, * as bindings from '/a.js';\nconst wasm = await init({ module_or_path: '/a.wasm' });\n</script>";
        let page = crate::site::defer_wasm_until_painted(loader).expect("the loader is there");
        let body = &page["<script type=\"module\">".len()..page.len() - "</script>".len()];
        std::fs::write(&module, body).expect("written");
        for file in [&classic, &module] {
            let out = std::process::Command::new("node")
                .arg("--check")
                .arg(file)
                .output()
                .expect("node runs (the project's tests need Node.js)");
            assert!(
                out.status.success(),
                "{}: {}",
                file.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_page_s_facts_go_in_attributes_escaped() {
        let tag = script_element(&PageFacts {
            path: "/quiz".into(),
            personal: true,
            prose: Some("guide/quiz.1.json".into()),
            glue: "/a.js".into(),
            wasm: "/a\"b.wasm".into(),
            pieces: vec!["w/__wasm_split.js".into(), "w/split_quiz.wasm".into()],
            lang_file: None,
        });
        assert!(tag.starts_with(
            "<script data-path=\"/quiz\" data-personal data-prose=\"guide/quiz.1.json\" data-glue=\"/a.js\" data-wasm=\"/a&quot;b.wasm\" data-pieces=\"w/__wasm_split.js w/split_quiz.wasm\">"
        ));
        assert!(tag.ends_with("})();\n</script>"));
    }
}
