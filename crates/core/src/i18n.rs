//! The reader's language: which languages Closer speaks, and the interface
//! strings in the chosen one.
//!
//! English is written in the code, as it always was: every sentence shown to
//! a person is wrapped in [`t!`] (or [`tn!`] when it counts something), and
//! its English text is its key. Another language is data: a catalog from
//! those English keys to its own words (`content/<lang>/ui.toml`), checked
//! at build time against the keys found in the code (no missing or extra
//! keys, the same placeholders) and fetched by the app as a hashed file when
//! that language is chosen. With no catalog installed, [`tr`] returns the
//! English unchanged, so English costs nothing.
//!
//! The catalog is installed once per page (the app loads one language per
//! page; switching goes to that language's pages), or once per page that
//! the build tool prerenders. Plural rules and date formats come from the
//! caller ([`Locale`]): in the browser, `Intl`; natively, English rules.

use std::{cell::Cell, collections::HashMap, fmt::Display};

/// The languages Closer speaks. English is the source; each other one is
/// data under `content/<code>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English, written in the code and the guide under `content/`.
    #[default]
    En,
    /// Spanish, under `content/es/`.
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code: `lang` on the page, the folder of its pages and data.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language named in itself, as the picker shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The direction of its script: `ltr` or `rtl`.
    pub fn dir(self) -> &'static str {
        "ltr"
    }

    /// The language with this code, ignoring case and any region
    /// (`es-MX` is Spanish).
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(base))
    }

    /// The first of the reader's preferred languages (the browser's list,
    /// best first) that Closer speaks, or English.
    pub fn preferred<'a>(wanted: impl IntoIterator<Item = &'a str>) -> Lang {
        wanted
            .into_iter()
            .find_map(Lang::from_code)
            .unwrap_or_default()
    }

    /// The path prefix of its pages: empty for English, `/es` for Spanish.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Es => "/es",
        }
    }
}

/// What sets two plural forms apart, and how dates are written, in the
/// installed language. The app fills it from `Intl`; natively it is English.
#[derive(Clone, Copy)]
pub struct Locale {
    /// Whether `n` takes the singular form.
    pub singular: fn(f64) -> bool,
    /// A date as a person reads it (`d` 1 to 31, `m` 1 to 12), long
    /// (`5 December 2026`) or short (`5 Dec`).
    pub date: fn(y: i64, m: u32, d: u32, long: bool) -> String,
}

impl Locale {
    /// English, as the code writes it.
    pub const ENGLISH: Locale = Locale {
        singular: |n| n == 1.0,
        date: crate::time::english_date,
    };
}

/// Separates the singular and the plural in a catalog's value for a
/// [`tn!`] key (the build tool writes arrays of two as one string).
pub const PLURAL_SEPARATOR: char = '\u{1f}';

thread_local! {
    static CATALOG: Cell<Option<&'static HashMap<String, String>>> = const { Cell::new(None) };
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
    static LOCALE: Cell<Locale> = const { Cell::new(Locale::ENGLISH) };
}

/// Makes `lang` the language of what follows: `catalog` maps English
/// strings to its own (empty for English). The map lives as long as the
/// program (a page), like the strings it stands in for.
pub fn install(lang: Lang, catalog: HashMap<String, String>, locale: Locale) {
    let catalog: Option<&'static HashMap<String, String>> = if catalog.is_empty() {
        None
    } else {
        Some(Box::leak(Box::new(catalog)))
    };
    CATALOG.with(|c| c.set(catalog));
    LANG.with(|l| l.set(lang));
    LOCALE.with(|l| l.set(locale));
}

/// The installed language.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// The installed plural and date rules.
pub fn locale() -> Locale {
    LOCALE.with(Cell::get)
}

/// `english` in the installed language (English when none is installed, or
/// when the catalog lacks it, which the build's check rules out).
pub fn tr(english: &'static str) -> &'static str {
    CATALOG
        .with(Cell::get)
        .and_then(|c| c.get(english))
        .map_or(english, |s| s.as_str())
}

/// The form of `one` (the singular's English, the key) or `other` (the
/// plural's English) that fits `n`, in the installed language.
pub fn tr_plural(one: &'static str, other: &'static str, n: f64) -> &'static str {
    let singular = (locale().singular)(n);
    match CATALOG.with(Cell::get).and_then(|c| c.get(one)) {
        Some(forms) => {
            let mut forms = forms.splitn(2, PLURAL_SEPARATOR);
            let (s, p) = (forms.next().unwrap_or(one), forms.next().unwrap_or(other));
            if singular {
                s
            } else {
                p
            }
        }
        None if singular => one,
        None => other,
    }
}

/// `template` with each `{name}` replaced by its value from `args`; a name
/// not in `args` stays as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of `text`, sorted and without repeats.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// An interface string in the reader's language.
///
/// `t!("Skip to content")` is a `&'static str`; with arguments,
/// `t!("{done} of {total} lessons done", done = d, total = n)` fills the
/// placeholders and is a `String`. The English literal is the catalog's key,
/// so it must be a literal: the build reads every `t!` in the code to check
/// each language's catalog.
#[macro_export]
macro_rules! t {
    ($english:literal) => {
        $crate::i18n::tr($english)
    };
    ($english:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::tr($english),
            &[$((stringify!($name), &$value as &dyn ::core::fmt::Display)),+],
        )
    };
}

/// An interface string that counts something: `tn!("{n} lesson", "{n}
/// lessons", n = count)` picks the form for `count` by the language's own
/// plural rule and fills `{n}` (and any other named values given after it).
#[macro_export]
macro_rules! tn {
    ($one:literal, $other:literal, n = $n:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let n = $n;
        $crate::i18n::fill(
            $crate::i18n::tr_plural($one, $other, n as f64),
            &[("n", &n as &dyn ::core::fmt::Display) $(, (stringify!($name), &$value as &dyn ::core::fmt::Display))*],
        )
    }};
}

/// One key of the code's interface strings, as the build finds it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    /// The English text (for [`tn!`], its singular).
    pub english: String,
    /// For [`tn!`], the plural's English.
    pub plural: Option<String>,
    /// Where it was found first: `path:line`.
    pub at: String,
}

/// Every [`t!`] and [`tn!`] key in one Rust source file, in order. The
/// scan is lexical: comments and other string literals are skipped, so a
/// `t!` mentioned in a comment or a string is not a key, and it ends at the
/// first `#[cfg(test)]` (a file's tests come last and use keys of their own).
pub fn scan_keys(source: &str, path: &str) -> Result<Vec<Key>, String> {
    let bytes = source.as_bytes();
    let mut keys = Vec::new();
    let mut i = 0;
    let line_of = |at: usize| source[..at].matches('\n').count() + 1;
    while i < bytes.len() {
        let rest = &source[i..];
        if rest.starts_with("#[cfg(test)]") {
            // Tests (at the end of a file, by habit) use keys of their own.
            break;
        } else if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |e| e + 2);
        } else if rest.starts_with('"') || rest.starts_with("r\"") || rest.starts_with("r#") {
            // A literal outside a macro call: skip it whole.
            match literal(source, i) {
                Some((_, end)) => i = end,
                None => i += 1,
            }
        } else if let Some(tail) = rest.strip_prefix('\'') {
            // A char literal ('"' would otherwise open a string) or a lifetime.
            i += match tail.find('\'') {
                Some(close) if close <= 4 => close + 2,
                _ => 1,
            };
        } else if let Some(plural) = macro_at(source, i) {
            let open = i + if plural { 4 } else { 3 };
            let at = format!("{path}:{}", line_of(i));
            let mut j = skip_space(source, open);
            let (english, end) = literal(source, j).ok_or_else(|| {
                format!("{at}: the first argument of `t!`/`tn!` must be a string literal")
            })?;
            j = end;
            let plural = if plural {
                j = skip_space(source, j);
                if source[j..].starts_with(',') {
                    j = skip_space(source, j + 1);
                }
                let (other, end) = literal(source, j).ok_or_else(|| {
                    format!("{at}: `tn!` takes the singular and the plural as string literals")
                })?;
                j = end;
                Some(other)
            } else {
                None
            };
            keys.push(Key {
                english,
                plural,
                at,
            });
            i = j;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    Ok(keys)
}

/// Whether a `t!(` (false) or `tn!(` (true) call starts at `i`, not as the
/// end of a longer name.
fn macro_at(source: &str, i: usize) -> Option<bool> {
    let before = source[..i].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let rest = &source[i..];
    if rest.starts_with("t!(") {
        Some(false)
    } else if rest.starts_with("tn!(") {
        Some(true)
    } else {
        None
    }
}

fn skip_space(source: &str, mut i: usize) -> usize {
    while source[i..].starts_with(char::is_whitespace) {
        i += source[i..].chars().next().map_or(1, char::len_utf8);
    }
    i
}

/// The value of the string literal starting at `i` and the index after it.
fn literal(source: &str, i: usize) -> Option<(String, usize)> {
    let rest = &source[i..];
    if let Some(raw) = rest.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = body.find(&close)?;
        let start = i + 1 + hashes + 1;
        return Some((body[..end].to_string(), start + end + close.len()));
    }
    let body = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((k, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1 + k + 1)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '0' => out.push('\0'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                '\n' => {
                    // A line continuation: the next line's leading spaces go too.
                    while let Some((_, c)) = chars.clone().next() {
                        if c.is_whitespace() {
                            chars.next();
                        } else {
                            break;
                        }
                    }
                }
                'u' => {
                    let hex: String = chars
                        .by_ref()
                        .map(|(_, c)| c)
                        .skip(1)
                        .take_while(|c| *c != '}')
                        .collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => {
                    out.push('\\');
                    out.push(other);
                }
            },
            c => out.push(c),
        }
    }
    None
}

/// What a language's catalog gets wrong against the code's keys, one line
/// each: keys it lacks, keys the code no longer has, a plural given as one
/// string or the reverse, and placeholders that differ from the English.
pub fn check_catalog(
    lang: &str,
    keys: &[Key],
    catalog: &HashMap<String, Vec<String>>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut known: HashMap<&str, &Key> = HashMap::new();
    for key in keys {
        if let Some(first) = known.get(key.english.as_str()) {
            if first.plural != key.plural {
                problems.push(format!(
                    "{}: {:?} is used both as a plain string and as a plural's singular (first at {}); give them different English",
                    key.at, key.english, first.at
                ));
            }
            continue;
        }
        known.insert(&key.english, key);
        let Some(value) = catalog.get(&key.english) else {
            problems.push(format!(
                "content/{lang}/ui.toml lacks {:?} (used at {})",
                key.english, key.at
            ));
            continue;
        };
        let english: Vec<&str> = match &key.plural {
            Some(other) => vec![&key.english, other],
            None => vec![&key.english],
        };
        if value.len() != english.len() {
            problems.push(format!(
                "content/{lang}/ui.toml: {:?} needs {} (used at {})",
                key.english,
                if key.plural.is_some() {
                    "two forms, [singular, plural]"
                } else {
                    "one string, not a list"
                },
                key.at
            ));
            continue;
        }
        for (theirs, ours) in value.iter().zip(&english) {
            if theirs.trim().is_empty() {
                problems.push(format!(
                    "content/{lang}/ui.toml: {:?} is empty",
                    key.english
                ));
            } else if placeholders(theirs) != placeholders(ours) {
                problems.push(format!(
                    "content/{lang}/ui.toml: {:?} has placeholders {:?}, the English {:?}",
                    key.english,
                    placeholders(theirs),
                    placeholders(ours)
                ));
            }
        }
    }
    let mut extra: Vec<&String> = catalog
        .keys()
        .filter(|k| !known.contains_key(k.as_str()))
        .collect();
    extra.sort();
    for k in extra {
        problems.push(format!(
            "content/{lang}/ui.toml has {k:?}, which the code no longer uses: remove it"
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            fill("{a} of {b}, {c}", &[("a", &1), ("b", &"two")]),
            "1 of two, {c}"
        );
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
    }

    #[test]
    fn codes_and_preferences() {
        assert_eq!(Lang::from_code("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::preferred(["fr-FR", "es", "en"]), Lang::Es);
        assert_eq!(Lang::preferred(["de"]), Lang::En);
        assert_eq!(Lang::preferred([]), Lang::En);
    }

    #[test]
    fn the_scan_finds_keys_and_skips_comments_and_other_strings() {
        let src = r##"
            // t!("in a comment")
            let a = "t!(\"in a string\")";
            let b = t!("Plain \"quoted\" text");
            let c = t!(
                "{n} of {total}",
                n = 1, total = 2
            );
            let d = tn!("{n} lesson", "{n} lessons", n = 3);
            let e = at!("not ours");
            let f = '"'; let g = t!(r#"raw "one""#);
        "##;
        let keys = scan_keys(src, "x.rs").unwrap();
        let found: Vec<(&str, Option<&str>)> = keys
            .iter()
            .map(|k| (k.english.as_str(), k.plural.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("Plain \"quoted\" text", None),
                ("{n} of {total}", None),
                ("{n} lesson", Some("{n} lessons")),
                ("raw \"one\"", None),
            ]
        );
        assert_eq!(keys[1].at, "x.rs:5");
    }

    #[test]
    fn the_check_names_missing_extra_and_mismatched_entries() {
        let keys = scan_keys(
            r#"t!("Hello {name}"); tn!("{n} day", "{n} days", n = 1); t!("Gone");"#,
            "a.rs",
        )
        .unwrap();
        let catalog: HashMap<String, Vec<String>> = [
            ("Hello {name}", vec!["Hola {nombre}"]),
            ("{n} day", vec!["{n} día"]),
            ("Old", vec!["Viejo"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
        .collect();
        let problems = check_catalog("es", &keys, &catalog);
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(problems[0].contains("placeholders"));
        assert!(problems[1].contains("two forms"));
        assert!(problems[2].contains("lacks \"Gone\""));
        assert!(problems[3].contains("no longer uses"));
    }

    #[test]
    fn installed_catalog_translates_and_plurals_follow_the_locale() {
        let catalog: HashMap<String, String> = [
            ("Next", "Siguiente".to_string()),
            (
                "{n} lesson",
                format!("{{n}} lección{PLURAL_SEPARATOR}{{n}} lecciones"),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        install(Lang::Es, catalog, Locale::ENGLISH);
        assert_eq!(crate::t!("Next"), "Siguiente");
        assert_eq!(crate::t!("Unlisted"), "Unlisted");
        assert_eq!(crate::tn!("{n} lesson", "{n} lessons", n = 1), "1 lección");
        assert_eq!(
            crate::tn!("{n} lesson", "{n} lessons", n = 4),
            "4 lecciones"
        );
        assert_eq!(lang(), Lang::Es);
        install(Lang::En, HashMap::new(), Locale::ENGLISH);
        assert_eq!(crate::t!("Next"), "Next");
        assert_eq!(crate::tn!("{n} lesson", "{n} lessons", n = 2), "2 lessons");
    }
}
