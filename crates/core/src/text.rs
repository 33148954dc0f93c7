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
}
