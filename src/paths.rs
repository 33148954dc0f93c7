//! The base path every link carries: `/` at a site's root, or a sub-path
//! such as `/closer/` as Trunk wrote it into `<base href>`.

/// The site's base path as Trunk wrote it into `<base href>`: `/` or a sub-path like `/closer/`.
#[cfg(target_arch = "wasm32")]
pub fn base_href() -> String {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(read_base_href).clone()
}

// Natively, the base the build tool renders pages for (see [`set_prerender_base`]).
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static PRERENDER_BASE: std::cell::RefCell<String> = std::cell::RefCell::new("/".into());
}

/// Sets the base that native renders use (the build's public URL, `/` or
/// `/closer/`); the browser reads its own from `<base href>`.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_prerender_base(base: &str) {
    PRERENDER_BASE.with(|b| *b.borrow_mut() = base.to_string());
}

#[cfg(not(target_arch = "wasm32"))]
pub fn base_href() -> String {
    PRERENDER_BASE.with(|b| b.borrow().clone())
}

#[cfg(target_arch = "wasm32")]
fn read_base_href() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .filter(|h| h.starts_with('/'))
        .unwrap_or_else(|| "/".into())
}

/// The route of a path as the browser has it (under the site's base, maybe
/// with a trailing slash); `None` outside the base or for no page.
pub fn route_of(browser_path: &str) -> Option<crate::routes::Route> {
    let path = browser_path.strip_prefix(router_base().as_str())?;
    crate::routes::Route::parse(match path.trim_end_matches('/') {
        "" => "/",
        p => p,
    })
}

/// The route of the address the page was loaded at.
#[cfg(target_arch = "wasm32")]
pub fn current_route() -> Option<crate::routes::Route> {
    route_of(&web_sys::window()?.location().pathname().ok()?)
}

/// Whether this page was opened from `route`'s page by a link (the
/// document's referrer, same origin). Natively (the prerender), never.
pub fn arrived_from(route: &crate::routes::Route) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let referrer = window.document().map(|d| d.referrer()).unwrap_or_default();
        let origin = window.location().origin().unwrap_or_default();
        referrer
            .strip_prefix(&origin)
            .and_then(route_of)
            .is_some_and(|from| &from == route)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = route;
        false
    }
}

/// The router's base: the base path without its trailing slash (empty at
/// the root), then the page's language's prefix (`/es`; none for English).
/// Files (the wasm, the prose) stay under the base itself: every language's
/// pages share them.
pub fn router_base() -> String {
    format!(
        "{}{}",
        base_href().trim_end_matches('/'),
        closer_core::i18n::lang().prefix()
    )
}

/// The href of `path` (an app path) in another language's pages: where the
/// language picker leads.
pub fn in_lang(lang: closer_core::i18n::Lang, path: &str) -> String {
    format!(
        "{}{}{path}",
        base_href().trim_end_matches('/'),
        lang.prefix()
    )
}

/// The href of an app path (`/quiz`) under the site's base (`/closer/quiz`).
/// leptos_router's `<A>` leaves absolute paths as they are, so every link
/// goes through this; `navigate()` adds the base itself and must not.
pub fn app_path(path: &str) -> String {
    format!("{}{path}", router_base())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::routes::Route;

    #[test]
    fn a_browser_path_reads_as_its_route_under_the_base() {
        set_prerender_base("/closer/");
        assert_eq!(route_of("/closer"), Some(Route::Home));
        assert_eq!(route_of("/closer/"), Some(Route::Home));
        assert_eq!(route_of("/closer/quiz/"), Some(Route::Quiz));
        assert_eq!(route_of("/quiz"), None, "outside the base");
        assert_eq!(route_of("/closer/no/such/page"), None);
        set_prerender_base("/");
        assert_eq!(route_of("/"), Some(Route::Home));
        assert_eq!(route_of("/compare"), Some(Route::Compare));
    }
}
