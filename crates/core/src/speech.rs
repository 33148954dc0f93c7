//! Reading a card aloud with the device's own voices: which voice to use
//! and the text to give it. Pure: the browser's speech code lives in
//! src/components/listen.rs.

/// What the browser says about one of its voices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// Its language tag, such as `en-GB` (some browsers write `en_GB`).
    pub lang: String,
    /// Whether it speaks on the device itself. A voice that is not local
    /// sends the text to a speech service and does not work offline.
    pub local: bool,
    /// Whether the browser calls it the default.
    pub default: bool,
}

/// A language tag in one spelling: lower case, `-` between the parts.
fn normal(tag: &str) -> String {
    tag.trim().replace('_', "-").to_ascii_lowercase()
}

/// The voice to read a page in language `page_lang` with (its index in
/// `voices`), or `None` when there is no voice on the device: voices that
/// would send the text away are never chosen. First a local voice of
/// exactly the page's language (`en-GB` for `en-GB`), then one of the same
/// language (`en-US` for `en`), the default among them first; else the
/// device's default voice if it is local.
pub fn pick_voice(voices: &[Voice], page_lang: &str) -> Option<usize> {
    let page = normal(page_lang);
    let primary = page.split('-').next().unwrap_or_default().to_string();
    let local = || voices.iter().enumerate().filter(|(_, v)| v.local);
    let best = |matches: &dyn Fn(&str) -> bool| {
        let mut found: Vec<(usize, &Voice)> =
            local().filter(|(_, v)| matches(&normal(&v.lang))).collect();
        // The browser's default first, then in the browser's order.
        found.sort_by_key(|(_, v)| !v.default);
        found.first().map(|(i, _)| *i)
    };
    if page.is_empty() {
        return local().find(|(_, v)| v.default).map(|(i, _)| i);
    }
    best(&|lang| lang == page)
        .or_else(|| best(&|lang| lang.split('-').next() == Some(primary.as_str())))
        .or_else(|| local().find(|(_, v)| v.default).map(|(i, _)| i))
}

/// The text to speak, from the blocks of a card in reading order (its
/// heading, paragraphs, list items, options): spaces and line breaks
/// within a block made single, empty blocks dropped, and a full stop added
/// where a block ends in a letter or digit, so the voice pauses between them.
pub fn spoken<'a>(blocks: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for block in blocks {
        let words: Vec<&str> = block.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&words.join(" "));
        // A block that ends in a letter or digit gets a full stop; one that
        // ends in a mark (a question mark, a quote, a bracket) keeps its own.
        if out.chars().last().is_some_and(char::is_alphanumeric) {
            out.push('.');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(lang: &str, local: bool, default: bool) -> Voice {
        Voice {
            lang: lang.into(),
            local,
            default,
        }
    }

    #[test]
    fn the_page_language_wins_and_remote_voices_never_do() {
        let voices = [
            voice("de-DE", true, true),
            voice("en-GB", false, false),
            voice("en-US", true, false),
            voice("en_GB", true, false),
        ];
        assert_eq!(pick_voice(&voices, "en-GB"), Some(3));
        assert_eq!(pick_voice(&voices, "en"), Some(2));
        assert_eq!(pick_voice(&voices, "EN-us"), Some(2));
        // No local voice in the page's language: the device's default.
        assert_eq!(pick_voice(&voices, "fr"), Some(0));
    }

    #[test]
    fn the_default_comes_first_among_equals() {
        let voices = [voice("en-US", true, false), voice("en-AU", true, true)];
        assert_eq!(pick_voice(&voices, "en"), Some(1));
        assert_eq!(pick_voice(&voices, ""), Some(1));
    }

    #[test]
    fn no_voice_on_the_device_is_none() {
        assert_eq!(pick_voice(&[], "en"), None);
        // Only voices that would send the text to a service.
        let remote = [voice("en-GB", false, true), voice("en-US", false, false)];
        assert_eq!(pick_voice(&remote, "en"), None);
        // A local voice in another language that is not the default.
        assert_eq!(pick_voice(&[voice("de-DE", true, false)], "en"), None);
    }

    #[test]
    fn blocks_become_sentences_with_pauses() {
        assert_eq!(
            spoken([
                "Learn",
                "  Small  steps\n count ",
                "",
                "Why?",
                "- one",
                "Ask: "
            ]),
            "Learn. Small steps count. Why? - one. Ask:"
        );
        assert_eq!(spoken(["“Quoted.”", "(aside)"]), "“Quoted.” (aside)");
        assert_eq!(spoken(Vec::<&str>::new()), "");
    }
}
