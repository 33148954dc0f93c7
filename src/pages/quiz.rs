//! `/quiz`, `/quiz/play` and `/quiz/results`: choose a quiz, answer one
//! question per screen with feedback that teaches, and see what stuck.

use crate::components::{
    Confirm, EvidenceList, MasteryList, NextReviews, PageHeading, ProsePending, QuizQuestion,
    Refusal, Title,
};
use crate::content::{course, Question};
use crate::env::{now, random_seed};
use crate::persist::Persistence;
use crate::progress::{Applied, Change};
use crate::prose::{quiz_questions, Loaded};
use crate::quiz::{questions_in, Scope, Session};
use crate::routes::{use_go, Route};
use closer_core::{t, tn};
use leptos::prelude::*;
use leptos_router::components::A;

fn scope_title(scope: &Scope) -> String {
    match scope {
        Scope::All => t!("Everything").into(),
        Scope::Section(id) => course()
            .sections
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.clone(), |s| s.title.to_string()),
        Scope::Mistakes => t!("Review my mistakes").into(),
        Scope::Due => t!("Reviews due").into(),
    }
}

/// Starts a quiz of this scope and opens it, or says in `said` why it cannot
/// start (no questions in it).
fn start(
    state: Persistence,
    scope: Scope,
    said: RwSignal<Option<String>>,
) -> impl Fn() + Clone + 'static {
    let go = use_go();
    move || {
        let start = Change::StartQuiz {
            scope: scope.clone(),
            seed: random_seed(),
        };
        match state.apply(start) {
            Ok(_) => go(&Route::QuizPlay, Default::default()),
            Err(e) => said.set(Some(e.to_string())),
        }
    }
}

#[component]
fn StartButton(
    scope: Scope,
    /// Where a quiz that cannot start says why.
    said: RwSignal<Option<String>>,
    /// Set to this button's scope, instead of starting, while another quiz
    /// is under way: the page then asks first.
    asking: RwSignal<Option<Scope>>,
    /// Whether it is the filled button.
    #[prop(into)]
    primary: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let label = scope_title(&scope);
    let count_scope = scope.clone();
    let count = Memo::new(move |_| {
        state
            .progress
            .with(|p| questions_in(&count_scope, course(), &p.quiz, now()).len())
    });
    let this = scope.clone();
    let go = start(state, scope, said);
    let under_way = move || state.progress.with_untracked(|p| p.quiz.current.is_some());
    view! {
        <button
            type="button"
            class=move || if primary.get() { "button primary" } else { "button" }
            disabled=move || count.get() == 0
            on:click=move |_| if under_way() { asking.set(Some(this.clone())) } else { go() }
        >
            {label}
            <span class="button-note">{move || tn!("{n} question", "{n} questions", n = count.get())}</span>
        </button>
    }
}

/// `/quiz`: resume, or choose what to be quizzed on; mastery per topic.
#[component]
pub fn QuizHome() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let current = Memo::new(move |_| {
        state.progress.with(|p| {
            p.quiz
                .current
                .as_ref()
                .map(|s| (scope_title(&s.scope), s.index + 1, s.order.len()))
        })
    });
    let has_last = Memo::new(move |_| state.progress.with(|p| p.quiz.last.is_some()));
    let said = RwSignal::new(None::<String>);
    // A quiz chosen while another is under way: asked about before it starts.
    let asking = RwSignal::new(None::<Scope>);
    // "Everything" is the filled button only when there is nothing to resume.
    let fresh = Signal::derive(move || current.with(Option::is_none));
    let ask = move || {
        asking.get().map(|scope| {
            let (title, k, n) = current.get_untracked().unwrap_or_default();
            let new_title = scope_title(&scope);
            let go = start(state, scope, said);
            let keep = move || {
                asking.set(None);
                crate::focus::focus_soon("#resume-quiz".into());
            };
            view! {
                <Confirm question_id="replace-question" yes=t!("Start the new quiz") keep=t!("Keep my quiz")
                    on_yes=move || { asking.set(None); go() } on_keep=keep>
                    <strong>{t!("Start “{quiz}” instead?", quiz = new_title)}</strong>
                    " "
                    {t!(
                        "You would leave “{quiz}” at question {number} of {total}: the answers you gave still count, but it could not be resumed.",
                        quiz = title,
                        number = k,
                        total = n
                    )}
                </Confirm>
            }
        })
    };
    view! {
        <Title text=t!("Quiz")/>
        <div class="page">
            <PageHeading text=t!("Quiz")/>
            <p>
                {t!("Check what the lessons taught. Every answer comes with an explanation and a link to the lesson behind it. Questions you miss come back in later sessions until they stick.")}
            </p>
            {move || current.get().map(|(title, k, n)| view! {
                <section class="panel" aria-labelledby="resume-title">
                    <h2 id="resume-title">{t!("Quiz under way")}</h2>
                    <p>{t!("{quiz}: question {number} of {total}.", quiz = title, number = k, total = n)}</p>
                    <A href=Route::QuizPlay.href() attr:class="button primary" attr:id="resume-quiz">{t!("Resume the quiz")}</A>
                </section>
            })}
            <section class="panel" aria-labelledby="choose-title">
                <h2 id="choose-title">{t!("Start a quiz")}</h2>
                <div class="quiz-choices">
                    <StartButton scope=Scope::All said asking primary=fresh/>
                    {course().sections.iter().map(|s| view! { <StartButton scope=Scope::Section(s.id.to_string()) said asking primary=false/> }).collect_view()}
                    <StartButton scope=Scope::Mistakes said asking primary=false/>
                    <StartButton scope=Scope::Due said asking primary=false/>
                </div>
                {ask}
                <p class="hint">
                    {t!("“Review my mistakes” asks again every question whose last answer was wrong, whenever you like. “Reviews due” is what the schedule brings back today: a question you missed comes back straight away, one you got right after a day or more, so that it sticks. Just after a quiz the two are often the same questions.")}
                </p>
                <Refusal said/>
                <NextReviews/>
            </section>
            <section class="panel" aria-labelledby="mastery-title">
                <h2 id="mastery-title">{t!("What you know")}</h2>
                <MasteryList/>
                {move || has_last.get().then(|| view! {
                    <p><A href=Route::QuizResults.href()>{t!("See your last results")}</A></p>
                })}
            </section>
        </div>
    }
}

/// `/quiz/play`: the question on screen of the session under way.
#[component]
pub fn QuizPlay() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let go = use_go();
    // Only the parts that change the screen: which question, of how many.
    let position = Memo::new(move |_| {
        state.progress.with(|p| {
            p.quiz
                .current
                .as_ref()
                .and_then(|s| Some((s.current_id()?.to_string(), s.index, s.order.len(), s.seed)))
        })
    });
    let first = StoredValue::new(true);
    // The questions' prose (ids and answers are in the binary; the words are a file).
    let bank = Memo::new(|_| quiz_questions());
    let said = RwSignal::new(None::<String>);
    let next = move || match state.apply(Change::NextQuestion) {
        Ok(Applied::Advanced { finished: true }) => go(&Route::QuizResults, Default::default()),
        Ok(_) => said.set(None),
        Err(e) => said.set(Some(e.to_string())),
    };
    view! {
        <Title text=move || match position.get() {
            Some((_, i, n, _)) => t!("Quiz (question {number} of {total})", number = i + 1, total = n),
            None => t!("Quiz").to_string(),
        }/>
        <div class="page">
            <PageHeading text=t!("Quiz")/>
            {move || match position.get() {
                None => view! {
                    <p>{t!("There's no quiz under way.")}</p>
                    <p><A href=Route::Quiz.href() attr:class="button primary">{t!("Choose a quiz")}</A></p>
                }.into_any(),
                Some((id, i, n, seed)) => {
                    let position = move || view! {
                        <div class="lesson-progress">
                            <span id="quiz-position">{t!("Question {number} of {total}", number = i + 1, total = n)}</span>
                            <progress aria-labelledby="quiz-position" max=n value=i + 1></progress>
                        </div>
                    };
                    match bank.get() {
                        Loaded::Loading => view! { {position()} <ProsePending failed=false what=t!("this question")/> }.into_any(),
                        Loaded::Failed => view! { {position()} <ProsePending failed=true what=t!("this question")/> }.into_any(),
                        Loaded::Ready(bank) => match bank.iter().find(|q| q.id == id) {
                            Some(q) => {
                                let focus = !first.get_value();
                                first.set_value(false);
                                let next = next.clone();
                                view! {
                                    {position()}
                                    <QuizQuestion question=q seed last=i + 1 == n focus on_next=next/>
                                }.into_any()
                            }
                            // The bank changed under a stored session: skip what is gone.
                            None => {
                                let next = next.clone();
                                view! {
                                    <p>{t!("This question is no longer part of the quiz.")}</p>
                                    <button type="button" class="button primary" on:click=move |_| next()>{t!("Skip it")}</button>
                                }.into_any()
                            }
                        },
                    }
                }
            }}
            <Refusal said/>
        </div>
    }
}

/// `/quiz/results`: the last finished session.
#[component]
pub fn QuizResults() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let last = Memo::new(move |_| state.progress.with(|p| p.quiz.last.clone()));
    view! {
        <Title text=t!("Quiz results")/>
        <div class="page">
            <PageHeading text=t!("Your results")/>
            {move || match last.get() {
                None => view! {
                    <p>{t!("You haven't finished a quiz yet.")}</p>
                    <p><A href=Route::Quiz.href() attr:class="button primary">{t!("Choose a quiz")}</A></p>
                }.into_any(),
                Some(session) => view! { <ResultsBody session/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn ResultsBody(session: Session) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let go = use_go();
    let (score, total) = (session.score(), session.total());
    let key = session.scope.key();
    let best = Memo::new(move |_| state.progress.with(|p| p.quiz.best.get(&key).copied()));
    let missed: Vec<(String, Vec<String>)> = session
        .missed()
        .into_iter()
        .filter_map(|id| Some((id.to_string(), session.answers.get(id)?.selected.clone())))
        .collect();
    let bank = Memo::new(|_| quiz_questions());
    let said = RwSignal::new(None::<String>);
    // Retries the last finished session, which is the one on screen.
    let retry = move || match state.apply(Change::RetryQuiz {
        seed: random_seed(),
    }) {
        Ok(_) => go(&Route::QuizPlay, Default::default()),
        Err(e) => said.set(Some(e.to_string())),
    };
    let review = start(state, Scope::Mistakes, said);
    let mistakes = Memo::new(move |_| {
        state
            .progress
            .with(|p| questions_in(&Scope::Mistakes, course(), &p.quiz, now()).len())
    });
    view! {
        <section class="panel score" aria-labelledby="score-title">
            <h2 id="score-title">{scope_title(&session.scope)}</h2>
            <p class="big-score">{t!("{score} of {total}", score = score, total = total)}<span class="visually-hidden">{t!(" answered right")}</span></p>
            <p class="hint">{move || best.get().map(|(s, t)| t!("Your best for this quiz: {score} of {total}.", score = s, total = t))}</p>
            <div class="done-actions">
                <button type="button" class="button primary" on:click=move |_| retry()>{t!("Retry")}</button>
                <button type="button" class="button" disabled=move || mistakes.get() == 0 on:click=move |_| review()>
                    {move || t!("Review my mistakes ({n})", n = mistakes.get())}
                </button>
                <A href=Route::Quiz.href() attr:class="button">{t!("All quizzes")}</A>
            </div>
            <Refusal said/>
        </section>
        <section class="panel" aria-labelledby="mastery-title">
            <h2 id="mastery-title">{t!("What you know")}</h2>
            <MasteryList/>
        </section>
        <section class="panel" aria-labelledby="missed-title">
            <h2 id="missed-title">{t!("Questions you missed")}</h2>
            {move || match bank.get() {
                _ if missed.is_empty() => view! { <p>{t!("None. Every answer was right.")}</p> }.into_any(),
                Loaded::Loading => view! { <ProsePending failed=false what=t!("the questions")/> }.into_any(),
                Loaded::Failed => view! { <ProsePending failed=true what=t!("the questions")/> }.into_any(),
                Loaded::Ready(bank) => view! {
                    <ol class="missed">
                        {missed
                            .iter()
                            .filter_map(|(id, selected)| {
                                let question = bank.iter().find(|q| q.id == *id)?;
                                Some(view! { <MissedQuestion question selected=selected.clone()/> })
                            })
                            .collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn MissedQuestion(question: &'static Question, selected: Vec<String>) -> impl IntoView {
    let labels = |pick: &dyn Fn(&crate::content::ChoiceOption) -> bool| {
        let l: Vec<&str> = question
            .options
            .iter()
            .filter(|o| pick(o))
            .map(|o| o.label.as_ref())
            .collect();
        if l.is_empty() {
            t!("nothing").to_string()
        } else {
            l.join("; ")
        }
    };
    let yours = labels(&|o| selected.iter().any(|s| *s == o.id));
    let right = labels(&|o| o.correct);
    let lesson = course().lesson(&question.lesson);
    view! {
        <li>
            <p class="missed-prompt">{question.prompt.clone()}</p>
            <p><span class="tag wrong">{t!("✗ Your answer: ")}</span>{yours}</p>
            <p><span class="tag correct">{t!("✓ Right answer: ")}</span>{right}</p>
            <p>{question.explanation.clone()}</p>
            <EvidenceList evidence=&question.evidence/>
            {lesson.map(|l| view! {
                <p><A href=Route::first_card(l).href()>{t!("Revisit the lesson: {lesson}", lesson = l.title)}</A></p>
            })}
        </li>
    }
}
