//! How an option's feedback is put into words after an answer, in a lesson's
//! choice card and in the quiz. The content writes each option's feedback
//! as if it stood alone ("Yes. …", "Right. …"); the views say the verdict
//! once and mark the options themselves, so these helpers take the verdict
//! word off a feedback and make a label into one sentence, so that nothing
//! reads "home town.." or "The answer is Physical: Yes.".

/// Words some feedback opens with that only repeat the verdict, in every
/// language the guide is written in (the content's own words, not the
/// interface's: the Spanish guide opens with `Sí.`, `Correcto.`…).
const VERDICTS: [&str; 10] = [
    "Yes.",
    "Right.",
    "Correct.",
    "No.",
    "Not quite.",
    "Not so.",
    "Sí.",
    "Correcto.",
    "No es así.",
    "No exactamente.",
];

/// The feedback without a verdict word at its start ("Yes. Time…" → "Time…").
pub fn without_verdict(feedback: &str) -> &str {
    let text = feedback.trim();
    for v in VERDICTS {
        if let Some(rest) = text.strip_prefix(v) {
            let rest = rest.trim_start();
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    text
}

/// A label as a sentence: with its own full stop, question or exclamation
/// mark, or with a full stop added (never two).
pub fn as_sentence(label: &str) -> String {
    let text = label.trim();
    let last = text
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .chars()
        .last();
    match last {
        Some('.' | '?' | '!' | '…') => text.to_string(),
        _ => format!("{text}."),
    }
}

/// A label without its closing full stop, to stand before a colon.
pub fn as_phrase(label: &str) -> &str {
    let text = label.trim();
    text.strip_suffix('.').unwrap_or(text)
}

/// What the feedback says the right answer was: "The right answer: X." or,
/// for several, "The right answers: X; Y."
pub fn right_answer_line(labels: &[&str]) -> String {
    match labels {
        [] => String::new(),
        [one] => crate::t!("The right answer: {answer}", answer = as_sentence(one)),
        many => crate::t!(
            "The right answers: {answers}",
            answers = as_sentence(
                &many
                    .iter()
                    .map(|l| as_phrase(l))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_words_come_off_only_at_the_start() {
        assert_eq!(
            without_verdict("Yes. Time together counts."),
            "Time together counts."
        );
        assert_eq!(
            without_verdict("Right. What carries it is trust."),
            "What carries it is trust."
        );
        assert_eq!(
            without_verdict("Not quite. Sex can be part of it."),
            "Sex can be part of it."
        );
        assert_eq!(without_verdict("No. It is not."), "It is not.");
        // Only a whole word with its full stop: "Yesterday" and "Rightly" stay.
        assert_eq!(
            without_verdict("Yesterday counts too."),
            "Yesterday counts too."
        );
        assert_eq!(without_verdict("Rightly so."), "Rightly so.");
        // A feedback that is nothing but the verdict keeps it.
        assert_eq!(without_verdict("Yes."), "Yes.");
    }

    #[test]
    fn spanish_verdict_words_come_off_too() {
        assert_eq!(
            without_verdict("Sí. El tiempo juntos cuenta."),
            "El tiempo juntos cuenta."
        );
        assert_eq!(
            without_verdict("Correcto. Lo que la sostiene es la confianza."),
            "Lo que la sostiene es la confianza."
        );
        assert_eq!(
            without_verdict("No es así. Los cinco tipos son distintos."),
            "Los cinco tipos son distintos."
        );
        assert_eq!(
            without_verdict("No exactamente. El sexo puede ser parte."),
            "El sexo puede ser parte."
        );
        // "No es lo que…" is an answer, not a verdict: it stays whole.
        assert_eq!(
            without_verdict("No es lo que probó el estudio."),
            "No es lo que probó el estudio."
        );
    }

    #[test]
    fn a_label_becomes_one_sentence_never_two_full_stops() {
        assert_eq!(as_sentence("Physical"), "Physical.");
        assert_eq!(as_sentence("Colin's home town."), "Colin's home town.");
        assert_eq!(as_sentence("Is it?"), "Is it?");
        assert_eq!(as_sentence("“Not now.”"), "“Not now.”");
        assert_eq!(as_phrase("Their home town."), "Their home town");
        assert_eq!(right_answer_line(&["True"]), "The right answer: True.");
        assert_eq!(
            right_answer_line(&["Friends and family can be intimate too."]),
            "The right answer: Friends and family can be intimate too."
        );
        assert_eq!(right_answer_line(&["A.", "B"]), "The right answers: A; B.");
        for line in [right_answer_line(&["x."]), as_sentence("y.")] {
            assert!(!line.contains(".."), "{line}");
        }
    }
}
