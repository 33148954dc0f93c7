//! Mastery per topic (one topic per section), in words and as a four-step meter.

use crate::content::course;
use crate::persist::Persistence;
use crate::quiz::{Mastery, PROFICIENT_SHARE};
use closer_core::t;
use leptos::prelude::*;

fn steps(m: Mastery) -> usize {
    match m {
        Mastery::NotStarted => 0,
        Mastery::Learning => 1,
        Mastery::Proficient => 2,
        Mastery::Mastered => 3,
    }
}

/// Every topic with its mastery level.
#[component]
pub fn MasteryList() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let tenths = (PROFICIENT_SHARE * 10.0).round();
    let levels = t!(
        "Learning: fewer than {tenths} in 10 of a topic's questions right the last time. \
        Proficient: {tenths} in 10 or more. \
        Mastered: every question of the topic answered right again in a later session, a day or more after the first time.",
        tenths = tenths
    );
    view! {
        <ul class="mastery">
            {course().sections.iter().map(|s| {
                let id = s.id.clone();
                let level = Memo::new(move |_| state.progress.with(|p| p.quiz.mastery(course(), &id)));
                view! {
                    <li>
                        <span class="mastery-topic">{s.title.clone()}</span>
                        <span class="mastery-meter" aria-hidden="true">
                            {move || (0..3).map(|i| view! {
                                <span class=if i < steps(level.get()) { "pip on" } else { "pip" }></span>
                            }).collect_view()}
                        </span>
                        <span class="mastery-label">{move || level.get().label()}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        <p class="hint">{levels}</p>
    }
}
