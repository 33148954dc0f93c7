//! One quiz question: native inputs in a fieldset, "Check", and feedback that
//! explains every option.

use crate::components::{AllFeedback, EvidenceList, Mark, OptionMark};
use crate::content::{course, ChoiceOption, Question, QuestionKind};
use crate::feedback::{as_phrase, right_answer_line, without_verdict};
use crate::persist::Persistence;
use crate::progress::Change;
use crate::quiz::shuffled_options;
use crate::routes::Route;
use closer_core::t;
use leptos::{html, prelude::*};
use leptos_router::components::A;

/// The feedback lines for a checked answer. Select-all: every option, with
/// whether it applies. One answer: the chosen option's feedback, and when it
/// was wrong, the right option's (the options themselves are marked, and
/// every option's feedback is one tap away).
fn feedback_lines(question: &Question, selected: &[String]) -> Vec<(bool, String)> {
    let picked = |o: &ChoiceOption| selected.iter().any(|s| *s == o.id);
    if question.kind == QuestionKind::Multi {
        return question
            .options
            .iter()
            .map(|o| {
                let status = match (picked(o), o.correct) {
                    (true, true) => t!("you selected it, and it applies"),
                    (false, false) => t!("you left it, and it doesn't apply"),
                    (true, false) => t!("you selected it, but it doesn't apply"),
                    (false, true) => t!("you left it, but it applies"),
                };
                (
                    picked(o) == o.correct,
                    t!(
                        "{option}: {status}. {feedback}",
                        option = as_phrase(&o.label),
                        status = status,
                        feedback = without_verdict(&o.feedback)
                    ),
                )
            })
            .collect();
    }
    let mut lines: Vec<(bool, String)> = question
        .options
        .iter()
        .filter(|o| picked(o))
        .map(|o| {
            (
                o.correct,
                t!(
                    "Your answer, {option}: {feedback}",
                    option = as_phrase(&o.label),
                    feedback = without_verdict(&o.feedback)
                ),
            )
        })
        .collect();
    if !lines.iter().any(|(ok, _)| *ok) {
        if let Some(right) = question.options.iter().find(|o| o.correct) {
            lines.push((
                true,
                t!(
                    "{option}: {feedback}",
                    option = as_phrase(&right.label),
                    feedback = without_verdict(&right.feedback)
                ),
            ));
        }
    }
    lines
}

/// The verdict, and when it was wrong, the right answer in words.
fn verdict_line(question: &Question, correct: bool) -> String {
    if correct {
        t!("✓ Correct.").to_string()
    } else {
        let right: Vec<&str> = question
            .options
            .iter()
            .filter(|o| o.correct)
            .map(|o| &*o.label)
            .collect();
        t!("✗ Not quite. {right}", right = right_answer_line(&right))
    }
}

/// A question of the session under way. `on_next` moves past it once checked.
#[component]
pub fn QuizQuestion<F>(
    question: &'static Question,
    seed: u64,
    last: bool,
    focus: bool,
    on_next: F,
) -> impl IntoView
where
    F: Fn() + Clone + Send + Sync + 'static,
{
    let state = expect_context::<Persistence>();
    let multi = question.kind == QuestionKind::Multi;
    let options = shuffled_options(question, seed);
    let shown = options.clone();
    let answer = Memo::new(move |_| {
        state.progress.with(|p| {
            p.quiz
                .current
                .as_ref()
                .and_then(|s| s.answers.get(&*question.id).cloned())
        })
    });
    let selected = RwSignal::new(
        answer
            .get_untracked()
            .map(|a| a.selected)
            .unwrap_or_default(),
    );
    let checked = move || answer.with(Option::is_some);

    let first_input = NodeRef::<html::Input>::new();
    let next_button = NodeRef::<html::Button>::new();
    if focus {
        Effect::new(move |_| {
            if let Some(input) = first_input.get() {
                let _ = input.focus();
            }
        });
    }
    // "Check" disables itself; hand focus on to "Next" so it is not lost.
    let just_checked = RwSignal::new(false);
    Effect::new(move |_| {
        if just_checked.get() {
            if let Some(b) = next_button.get() {
                let _ = b.focus();
            }
        }
    });

    let refused = RwSignal::new(None::<String>);
    let check = move |_| {
        let picked = selected.get_untracked();
        if picked.is_empty() {
            return;
        }
        // The feedback is drawn in this frame; the answer is saved just after it.
        match state.apply_after_paint(Change::AnswerQuestion { selected: picked }) {
            Ok(_) => just_checked.set(true),
            Err(e) => refused.set(Some(e.to_string())),
        }
    };
    let name = format!("q-{}", question.id);
    let lesson = course().lesson(&question.lesson);
    view! {
        <article class="card quiz-card">
            <fieldset class="choice" disabled=checked>
                <legend>
                    <span class="question-text">{question.prompt.clone()}</span>
                    {multi.then(|| view! { <span class="hint">{t!(" Select all that apply.")}</span> })}
                </legend>
                {options.iter().copied().enumerate().map(|(i, o)| {
                    let id = format!("{name}-{}", o.id);
                    let oid = o.id.clone();
                    let input_ref = if i == 0 { first_input } else { NodeRef::new() };
                    let mark_id = format!("{id}-mark");
                    // Once checked, the right options and a wrong pick are marked on themselves.
                    let mark = move || answer.with(|a| a.as_ref().map(|a| Mark::of(o, a.selected.iter().any(|s| *s == o.id))).unwrap_or(Mark::None));
                    let mark_id2 = mark_id.clone();
                    view! {
                        <div class=move || mark().class()>
                            <input
                                node_ref=input_ref
                                type=if multi { "checkbox" } else { "radio" }
                                id=id.clone()
                                name=name.clone()
                                value=o.id.clone()
                                aria-describedby=move || (mark() != Mark::None).then(|| mark_id2.clone())
                                prop:checked={let oid = oid.clone(); move || selected.with(|s| s.iter().any(|x| *x == oid))}
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| {
                                        if !multi {
                                            s.clear();
                                        }
                                        s.retain(|x| x != &oid);
                                        if on {
                                            s.push(oid.to_string());
                                        }
                                    });
                                }
                            />
                            <label for=id>{o.label.clone()}</label>
                            {move || view! { <OptionMark mark=mark() id=mark_id.clone()/> }}
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="feedback-region" role="status" aria-live="polite">
                {move || refused.get().map(|m| view! { <p class="field-error">{m}</p> })}
                {move || answer.get().map(|a| view! {
                    <div class=if a.correct { "feedback correct" } else { "feedback wrong" }>
                        <p><strong>{verdict_line(question, a.correct)}</strong></p>
                        <ul class="feedback-lines">
                            {feedback_lines(question, &a.selected).into_iter().map(|(ok, line)| view! {
                                <li><span aria-hidden="true">{if ok { "✓ " } else { "✗ " }}</span>{line}</li>
                            }).collect_view()}
                        </ul>
                        <p>{question.explanation.clone()}</p>
                        <EvidenceList evidence=&question.evidence/>
                        {lesson.map(|l| view! {
                            <p><A href=Route::first_card(l).href()>{t!("From the lesson: {lesson}", lesson = l.title)}</A></p>
                        })}
                    </div>
                })}
            </div>
            {move || answer.get().filter(|_| !multi).map(|a| view! {
                <AllFeedback options=shown.iter().map(|o| (*o, a.selected.iter().any(|s| *s == o.id))).collect()/>
            })}
            <div class="quiz-actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || checked() || selected.with(Vec::is_empty)
                    on:click=check
                >
                    {t!("Check")}
                </button>
                {move || checked().then(|| {
                    let on_next = on_next.clone();
                    view! {
                        <button type="button" class="button primary" node_ref=next_button on:click=move |_| on_next()>
                            {if last { t!("See results") } else { t!("Next question") }}
                        </button>
                    }
                })}
            </div>
        </article>
    }
}
