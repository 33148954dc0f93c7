//! The site's pages from Trunk's `index.html`: one per route known at build
//! time, each with its first screen and the one policy they all share.

use crate::first_screen::{script_element, PageFacts};
use crate::pages::pages;
use crate::prerender::render;
use crate::site::{
    content_security_policy, defer_wasm_until_painted, inline_script_hashes, insert_csp,
    insert_prerender, loader_glue, loader_wasm, remove_loader_preloads, set_lang, set_manifest,
    set_title, SiteError,
};
use crate::split::SplitSet;
use closer_core::i18n::Lang;

/// The folder of `lang`'s pages in the site: `es/`, or none for English.
pub fn lang_dir(lang: Lang) -> String {
    match lang.prefix().trim_start_matches('/') {
        "" => String::new(),
        dir => format!("{dir}/"),
    }
}

/// The path of app path `path` in `lang`'s pages, relative to the site's
/// base, as the first-screen script compares it with the address: `/es`
/// for Spanish's home page, `/es/quiz`; English's unchanged.
fn in_lang(lang: Lang, path: &str) -> String {
    match (lang.prefix(), path) {
        ("", path) => path.to_string(),
        (prefix, "/") => prefix.to_string(),
        (prefix, path) => format!("{prefix}{path}"),
    }
}

/// Every page as `(file relative to the site's root, HTML)`, from Trunk's
/// `index.html` (`index`) for a site served under `base`, in the order of
/// [`pages`]: the home page (`index.html`) first. With the wasm split
/// (`split`), each page preloads its route's pieces.
pub fn build_pages(
    index: &str,
    base: &str,
    split: Option<&SplitSet>,
) -> Result<Vec<(String, String)>, SiteError> {
    let glue = loader_glue(index).unwrap_or_default().to_string();
    let wasm = loader_wasm(index).unwrap_or_default().to_string();
    let template = defer_wasm_until_painted(&remove_loader_preloads(index))?;
    let mut built = Vec::new();
    // Each language's pages, rendered with its own words; English last, so
    // the app's native state is English again when this returns.
    for lang in Lang::ALL.into_iter().rev() {
        closer::content::install_native(lang);
        let template = set_manifest(
            &set_lang(&template, lang.code(), lang.dir())?,
            &lang_dir(lang),
        );
        for page in pages(closer::content::course()) {
            let screen = render(&page.path, base);
            let facts = PageFacts {
                path: in_lang(lang, &page.path),
                personal: page.personal,
                prose: page.prose.map(str::to_string),
                glue: glue.clone(),
                wasm: wasm.clone(),
                pieces: split
                    .zip(closer::routes::Route::parse(&page.path))
                    .map(|(set, route)| set.preloads(closer::pieces::Piece::of(&route).name()))
                    .unwrap_or_default(),
                lang_file: closer::content::lang_file(lang).map(str::to_string),
            };
            let html = set_title(&template, &screen.title)?;
            let html = insert_prerender(&html, &script_element(&facts), &screen.body)?;
            built.push((format!("{}{}", lang_dir(lang), page.file), html));
        }
    }
    built.reverse();
    // Every page carries the same two inline scripts (the loader and the
    // first-screen script), so one policy allows them all.
    let hashes = inline_script_hashes(&built[0].1)?;
    let policy = content_security_policy(&hashes);
    for (_, html) in &mut built {
        if inline_script_hashes(html)? != hashes {
            return Err(SiteError::ScriptsDiffer);
        }
        *html = insert_csp(html, &policy)?;
    }
    Ok(built)
}
