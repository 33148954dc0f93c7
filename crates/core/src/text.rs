//! Rules for text a person types or receives that Closer shows as a name.

/// Whether `c` is a character that is not seen but changes what is seen:
/// the controls (line breaks, tabs), the marks and overrides that reorder
/// text from right to left or back (a shared first name with one could turn
/// the app's own heading around it backwards), and the zero-width spaces,
/// joiners of words and byte-order marks that make two names look the same.
/// The zero-width joiner and non-joiner stay allowed: Persian, the Indian
/// scripts and emoji need them to be written at all.
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'                  // Arabic letter mark
            | '\u{200B}'                // zero-width space
            | '\u{200E}'..='\u{200F}'   // left-to-right and right-to-left marks
            | '\u{202A}'..='\u{202E}'   // embeddings and overrides
            | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}'   // isolates
            | '\u{FEFF}'                // zero-width no-break space
            | '\u{00AD}'                // soft hyphen
            | '\u{180E}'                // Mongolian vowel separator
            | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotations
        )
}

/// An interface sentence (through `t!`) cut around one `{slot}` that the
/// view fills itself, such as a name drawn as its own element or a link:
/// the words before it and the words after it. Without the slot, every
/// word is before it.
pub fn around<'a>(sentence: &'a str, slot: &str) -> (&'a str, &'a str) {
    let mark = format!("{{{slot}}}");
    sentence.split_once(mark.as_str()).unwrap_or((sentence, ""))
}

/// A piece of an interface sentence: words, or a `{slot}` the view fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Words, shown as they are.
    Words(&'a str),
    /// The name of a slot the view fills (without its braces).
    Slot(&'a str),
}

/// An interface sentence (through `t!`) cut at each `{slot}` still in it,
/// in the order its language puts them, so a view can put elements there.
pub fn pieces(sentence: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Piece::Words(&rest[..open]));
        }
        out.push(Piece::Slot(&rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Words(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_hidden_control;

    #[test]
    fn reordering_and_invisible_characters_are_hidden_controls() {
        for c in [
            '\n', '\t', '\u{202E}', '\u{2066}', '\u{200F}', '\u{200B}', '\u{FEFF}', '\u{061C}',
        ] {
            assert!(is_hidden_control(c), "{c:?}");
        }
    }

    #[test]
    fn letters_of_every_script_and_the_joiners_they_need_are_not() {
        for name in [
            "Sam",
            "Zoë",
            "أمل",
            "שירה",
            "नमस्ते",
            "می‌خواهم",
            "👩‍👩‍👧",
            "李",
            "O'Brien",
            "Anne-Marie",
        ] {
            assert!(!name.chars().any(is_hidden_control), "{name}");
        }
    }

    #[test]
    fn a_sentence_is_cut_around_its_slots_in_its_own_order() {
        use super::{around, pieces, Piece};
        assert_eq!(around("Check in: {name}", "name"), ("Check in: ", ""));
        assert_eq!(around("no slot", "name"), ("no slot", ""));
        assert_eq!(
            pieces("{a} y {b}."),
            vec![
                Piece::Slot("a"),
                Piece::Words(" y "),
                Piece::Slot("b"),
                Piece::Words(".")
            ]
        );
        assert_eq!(pieces("plain"), vec![Piece::Words("plain")]);
    }
}
