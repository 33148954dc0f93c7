//! The page's language in the app: which one the page is in (the `lang`
//! the build wrote on `<html>`), its file loaded and installed before the
//! app mounts, `Intl` for its plurals and dates, and the other languages'
//! addresses for the picker. One page speaks one language; choosing another
//! opens that language's pages (`/es/...`), each prerendered in it.

#[cfg(target_arch = "wasm32")]
use crate::content;
#[cfg(target_arch = "wasm32")]
use closer_core::i18n::Locale;
use closer_core::i18n::{self, Lang};

/// The language of the page the browser shows, as the build marked it.
#[cfg(target_arch = "wasm32")]
pub fn of_page() -> Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Makes the page's language the app's at once, with no words yet (they
/// show in English until [`arrive`] has them): the addresses of its pages
/// (`/es/...`) depend on it, so it comes before anything reads a route.
#[cfg(target_arch = "wasm32")]
pub fn mark() {
    i18n::install(of_page(), Default::default(), Locale::ENGLISH);
}

/// Loads and installs the page's language; English needs nothing. When its
/// file cannot be had (offline on a first visit to these pages, say), the
/// page goes on in English at the same address, and `<html lang>` says
/// English, so a screen reader reads the words in the language they are in.
#[cfg(target_arch = "wasm32")]
pub async fn arrive() {
    let lang = of_page();
    if lang == Lang::En {
        return;
    }
    let loaded = match content::lang_file(lang) {
        Some(file) => crate::prose::fetch_text(file).await.ok(),
        None => None,
    };
    let installed = loaded
        .map(|json| content::install_lang(lang, &json, intl_locale()).is_ok())
        .unwrap_or(false);
    if !installed {
        i18n::install(lang, Default::default(), Locale::ENGLISH);
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", Lang::En.code());
        }
    }
}

/// The installed language's plural and date rules, from the browser's `Intl`.
#[cfg(target_arch = "wasm32")]
fn intl_locale() -> Locale {
    Locale {
        singular: |n| intl::plural(n) == "one",
        date: intl::date,
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use js_sys::{Array, Date, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    fn locales() -> Array {
        Array::of1(&JsValue::from_str(super::i18n::lang().code()))
    }

    thread_local! {
        static PLURALS: Intl::PluralRules = Intl::PluralRules::new(&locales(), &Object::new());
    }

    /// The plural category of `n` (`one`, `other`, ...).
    pub fn plural(n: f64) -> String {
        PLURALS.with(|p| p.select(n).as_string().unwrap_or_default())
    }

    /// A date (`d` 1 to 31, `m` 1 to 12) as the language writes it, long
    /// (`5 de diciembre de 2026`) or short (`5 dic`).
    pub fn date(y: i64, m: u32, d: u32, long: bool) -> String {
        let options = Object::new();
        let set = |k: &str, v: &str| {
            let _ = Reflect::set(&options, &k.into(), &v.into());
        };
        set("day", "numeric");
        set("month", if long { "long" } else { "short" });
        if long {
            set("year", "numeric");
        }
        // The civil date is already the person's own; shown as it is.
        set("timeZone", "UTC");
        let format = Intl::DateTimeFormat::new(&locales(), &options).format();
        let at = Date::utc(y as f64, f64::from(m) - 1.0);
        let at = at + (f64::from(d) - 1.0) * closer_core::time::DAY;
        format
            .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(at)))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| closer_core::time::english_date(y, m, d, long))
    }
}

/// The page's language: natively, the one the build installed.
#[cfg(not(target_arch = "wasm32"))]
pub fn of_page() -> Lang {
    i18n::lang()
}

/// The web app manifest's name and description in the installed language
/// (the build writes one manifest per language; `public/manifest.webmanifest`
/// holds the English, which these keys repeat word for word).
pub fn manifest_words() -> (&'static str, &'static str) {
    (
        closer_core::t!("Closer: an interactive guide to intimacy"),
        closer_core::t!("A free, private guide to closeness, openness and understanding in friendships, families and partnerships. Works offline; nothing leaves your device."),
    )
}
