//! After an answer, in a lesson's choice card and in the quiz: each option
//! marked on itself (✓ right, ✗ the chosen wrong one), in words for a screen
//! reader as well as by sign and colour, and the feedback of every option,
//! folded, so that what was written for the options not picked is not lost.

use crate::content::ChoiceOption;
use crate::feedback::{as_phrase, without_verdict};
use closer_core::t;
use leptos::prelude::*;

/// What an option was, once the answer is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A right option (chosen or not).
    Right,
    /// A wrong option that was chosen.
    ChosenWrong,
    /// A wrong option left alone.
    None,
}

impl Mark {
    /// The mark of `option` when `chosen` says whether it was picked.
    pub fn of(option: &ChoiceOption, chosen: bool) -> Mark {
        match (option.correct, chosen) {
            (true, _) => Mark::Right,
            (false, true) => Mark::ChosenWrong,
            (false, false) => Mark::None,
        }
    }

    /// The class of the mark alone.
    pub fn state(self) -> &'static str {
        match self {
            Mark::Right => "is-right",
            Mark::ChosenWrong => "is-wrong",
            Mark::None => "",
        }
    }

    /// The class the option's row takes.
    pub fn class(self) -> String {
        format!("option {}", self.state()).trim_end().to_string()
    }
}

/// The sign beside an option, with its meaning in words (the id is the
/// option input's `aria-describedby`).
#[component]
pub fn OptionMark(mark: Mark, id: String) -> impl IntoView {
    let (sign, words) = match mark {
        Mark::Right => ("✓", t!("Right answer")),
        Mark::ChosenWrong => ("✗", t!("Your answer, not quite right")),
        Mark::None => return None,
    };
    Some(view! {
        <span class="option-mark" id=id>
            <span aria-hidden="true">{sign}</span>
            <span class="visually-hidden">{words}</span>
        </span>
    })
}

/// Every option's feedback, folded under "About each option".
#[component]
pub fn AllFeedback(
    /// The options in the order shown, each with whether it was chosen.
    options: Vec<(&'static ChoiceOption, bool)>,
) -> impl IntoView {
    view! {
        <details class="all-feedback">
            <summary>{t!("About each option")}</summary>
            <ul>
                {options.into_iter().map(|(o, chosen)| {
                    let mark = Mark::of(o, chosen);
                    let (sign, words) = match mark {
                        Mark::Right => ("✓ ", t!("Right answer: ")),
                        Mark::ChosenWrong => ("✗ ", t!("Your answer, not quite right: ")),
                        Mark::None => ("", ""),
                    };
                    view! {
                        <li class=mark.state()>
                            <span aria-hidden="true">{sign}</span>
                            <span class="visually-hidden">{words}</span>
                            <strong>{as_phrase(&o.label).to_string()}</strong>
                            ": "
                            {without_verdict(&o.feedback).to_string()}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
