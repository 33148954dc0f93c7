//! Snapshots (insta) of what the build writes, from a copy of the
//! `index.html` Trunk 0.21.14 writes (tests/fixtures/trunk-index.html): the
//! head of the home page with its policy, one card's page, and the worker's
//! file list. A change to any of them shows up here as a diff to review
//! (`cargo insta review`, or INSTA_UPDATE=always to accept).

use closer_build::assemble::build_pages;
use closer_build::site::{precache_list, BuiltFile, PRERENDER_ID};
use closer_build::split::SplitSet;

const TRUNK_INDEX: &str = include_str!("fixtures/trunk-index.html");

/// A split set as tools/src/split.rs makes it, for the pages' preloads:
/// the lesson piece needs a chunk shared with other pieces and its own file.
fn split_set() -> SplitSet {
    SplitSet {
        dir: "wasm-0123456789abcdef".into(),
        files: Default::default(),
        pieces: [(
            "lesson".to_string(),
            vec!["chunk_3.wasm".to_string(), "split_lesson.wasm".to_string()],
        )]
        .into_iter()
        .collect(),
    }
}

fn pages() -> Vec<(String, String)> {
    build_pages(TRUNK_INDEX, "/", Some(&split_set())).expect("the fixture is Trunk's page")
}

/// One element a line, so a diff shows what changed.
fn lines(html: &str) -> String {
    html.replace("><", ">\n<")
}

fn page<'a>(all: &'a [(String, String)], file: &str) -> &'a str {
    &all.iter()
        .find(|(f, _)| f == file)
        .expect("the page is written")
        .1
}

#[test]
fn the_home_page_s_head_with_its_policy() {
    let all = pages();
    let html = page(&all, "index.html");
    let head = &html[..html.find("</head>").expect("a head")];
    insta::assert_snapshot!("index_head", head);
}

#[test]
fn a_card_s_page() {
    let all = pages();
    let html = page(&all, "lessons/basics/what-is-intimacy/closeness.html");
    assert!(html.contains("<title>What intimacy is (2 of 6) · Closer</title>"));
    // The lesson's piece of the wasm, preloaded beside the main piece.
    assert!(html.contains(" data-pieces=\"wasm-0123456789abcdef/__wasm_split.js wasm-0123456789abcdef/chunk_3.wasm wasm-0123456789abcdef/split_lesson.wasm\">"));
    let start = html
        .find(&format!("<div id=\"{PRERENDER_ID}\""))
        .expect("the first screen");
    insta::assert_snapshot!("card_page_body", lines(&html[start..]));
}

#[test]
fn the_worker_s_file_list() {
    let mut files: Vec<BuiltFile> = pages()
        .into_iter()
        .map(|(path, html)| BuiltFile {
            path,
            bytes: html.into_bytes(),
        })
        .collect();
    let other = [
        "closer-57e3951140c34cba.js",
        "closer-57e3951140c34cba_bg.wasm",
        "base-8db35e5ffa9fb00c.css",
        "favicon-f5006c5859942ece.svg",
        "icons/icon-192.png",
        "manifest.webmanifest",
        "sw.js",
    ];
    files.extend(other.iter().map(|p| BuiltFile {
        path: (*p).into(),
        bytes: Vec::new(),
    }));
    files.extend(
        closer::content::prose_files()
            .iter()
            .map(|(_, p)| BuiltFile {
                path: (*p).into(),
                bytes: Vec::new(),
            }),
    );
    let list = precache_list(&files).join("\n");
    insta::with_settings!({ filters => vec![(r"\.[0-9a-f]{16}\.json", ".[hash].json")] }, {
        insta::assert_snapshot!("worker_files", list);
    });
}

/// Spanish pages: every English page has one under `es/`, marked `lang="es"`,
/// with its first screen in Spanish from the same components, its
/// language's file preloaded, and the same inline scripts (one policy).
#[test]
fn every_page_in_spanish_too() {
    let all = pages();
    let english: Vec<&String> = all
        .iter()
        .map(|(f, _)| f)
        .filter(|f| !f.starts_with("es/"))
        .collect();
    for file in &english {
        assert!(
            all.iter().any(|(f, _)| *f == format!("es/{file}")),
            "es/{file} is missing"
        );
    }
    let html = page(&all, "es/lessons/basics/what-is-intimacy/closeness.html");
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"), "{html}");
    assert!(
        html.contains("En una palabra: cercanía"),
        "the card's Spanish title"
    );
    assert!(html.contains(" data-path=\"/es/lessons/basics/what-is-intimacy/closeness\""));
    assert!(html.contains(" data-lang-file=\"lang/es."));
    assert!(html.contains(" data-prose=\"guide/es/basics-what-is-intimacy."));
    // Links stay in Spanish; the picker leads to the English page.
    assert!(html.contains("href=\"/es/lessons/basics/what-is-intimacy/definition\""));
    assert!(
        html.contains("href=\"/lessons/basics/what-is-intimacy/closeness?lang=en\" lang=\"en\"")
    );
    let english_page = page(&all, "lessons/basics/what-is-intimacy/closeness.html");
    let policy = |h: &str| {
        h[h.find("Content-Security-Policy").unwrap()..]
            .split('>')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(policy(html), policy(english_page));
    // English comes back as the native build's language afterwards.
    assert_eq!(closer_core::i18n::lang(), closer_core::i18n::Lang::En);
}
