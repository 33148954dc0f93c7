//! `/talk`, "Talk together": the conversation questions one at a time, for
//! any two people side by side on one phone (or one person, thinking
//! alone). The rules first; then a question with "Next", "Pass" and "Go
//! deeper"; favourites kept with progress. No comparison is needed first:
//! one can start from there with the kinds it suggests (`?start=`).

use crate::components::{EvidenceList, Listen, PageHeading, Refusal, Title};
use crate::content::{checkin_guide, together_guide, TalkQuestion};
use crate::env::random_seed;
use crate::persist::Persistence;
use crate::progress::Change;
use crate::routes::TALK_START;
use crate::talk::Deck;
use closer_core::t;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The question with this id, in any round.
fn question(id: &str) -> Option<&'static TalkQuestion> {
    together_guide()
        .talk
        .rounds
        .iter()
        .flat_map(|r| r.questions.iter())
        .find(|q| q.id.as_ref() == id)
}

#[component]
pub fn TalkPage() -> impl IntoView {
    let talk = &together_guide().talk;
    let rounds = &talk.rounds[..];
    let query = use_query_map();
    // Kinds from a comparison's link, only those the guide knows.
    let kinds: Vec<_> = query.with_untracked(|q| {
        q.get(TALK_START)
            .unwrap_or_default()
            .split(',')
            .filter_map(|id| checkin_guide().kind(id))
            .collect()
    });
    let start: Vec<&'static str> = kinds.iter().map(|k| k.id.as_ref()).collect();
    let start_names: Vec<String> = kinds.iter().map(|k| k.name.to_lowercase()).collect();
    let deck = RwSignal::new(None::<Deck>);
    let begin = {
        let start = start.clone();
        move |_| {
            deck.set(Some(Deck::new(rounds, random_seed(), &start)));
            crate::focus::focus_soon("#talk-question".into());
        }
    };
    let rules = talk
        .rules
        .iter()
        .map(|r| view! { <li>{r.clone()}</li> })
        .collect_view();
    let started = Memo::new(move |_| deck.with(Option::is_some));
    let (lead, more) = talk.intro.split_at(talk.intro.len().min(1));
    view! {
        <Title text=t!("Talk together")/>
        <div class="page narrow talk-page">
            <PageHeading text=t!("Talk together")/>
            {lead.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            // The rules come first, and fold away once the talk begins, so
            // the question sits near the top of a phone's screen.
            <details class="panel talk-rules" prop:open=move || !started.get()>
                <summary>{t!("How it works")}</summary>
                <ul class="rules">{rules}</ul>
                <p class="hint">{t!("It works for two people side by side on one phone, or for one person thinking alone. Nothing you say is recorded; only the questions you star are kept, in this browser.")}</p>
            </details>
            {move || match deck.get() {
                None => view! {
                    <section class="panel talk-start" aria-labelledby="talk-begin">
                        <h2 id="talk-begin">{t!("Begin with the {round} round", round = rounds[0].title.to_lowercase())}</h2>
                        {more.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                        {(!start_names.is_empty()).then(|| view! {
                            <p>{t!("Questions about the kinds you would both like more of ({kinds}) come first.", kinds = start_names.join(", "))}</p>
                        })}
                        <button type="button" class="button primary" on:click=begin.clone()>{t!("Begin")}</button>
                    </section>
                }.into_any(),
                Some(_) => view! { <Table deck/> }.into_any(),
            }}
            <Favourites/>
            <EvidenceList evidence=&talk.evidence/>
        </div>
    }
}

/// The question on the table and what can be done with it.
#[component]
fn Table(deck: RwSignal<Option<Deck>>) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let rounds = &together_guide().talk.rounds[..];
    let refused = RwSignal::new(None::<String>);
    let on_deck = move |f: &mut dyn FnMut(&mut Deck)| {
        deck.update(|d| {
            if let Some(d) = d {
                f(d)
            }
        })
    };
    let round = move || deck.with(|d| d.as_ref().map_or(0, |d| d.round));
    let current = move || {
        deck.with(|d| {
            d.as_ref()
                .and_then(|d| d.current(rounds))
                .map(|q| (q.id.to_string(), q.text.to_string()))
        })
    };
    let deeper = move || deck.with(|d| d.as_ref().is_some_and(|d| d.can_go_deeper(rounds)));
    let position = move || {
        deck.with(|d| {
            d.as_ref().map_or(String::new(), |d| {
                let (taken, all) = d.progress();
                t!(
                    "{round}: question {number} of {total}",
                    round = rounds[d.round].title,
                    number = (taken + 1).min(all),
                    total = all
                )
            })
        })
    };
    let favourite = move |id: String| {
        let on = !state.progress.with_untracked(|p| p.talk.is_favourite(&id));
        if let Err(e) = state.apply(Change::Favourite { question: id, on }) {
            refused.set(Some(e.to_string()));
        }
    };
    view! {
        <section class="panel talk-table" aria-labelledby="talk-round">
            <h2 id="talk-round">{move || rounds[round()].title.to_string()}</h2>
            {move || match current() {
                Some((id, text)) => {
                    let starred = {
                        let id = id.clone();
                        move || state.progress.with(|p| p.talk.is_favourite(&id))
                    };
                    let starred2 = starred.clone();
                    let id2 = id.clone();
                    view! {
                        <p class="talk-position">{position}</p>
                        <p id="talk-question" class="talk-question" tabindex="-1" aria-live="polite">{text}</p>
                        // A new question is a new reader: the old one stops.
                        <Listen target="talk-question" label=t!("Listen to this question")/>
                        <div class="talk-actions">
                            <button type="button" class="button primary" on:click=move |_| on_deck(&mut |d| d.next())>{t!("Next question")}</button>
                            <button type="button" class="button" on:click=move |_| on_deck(&mut |d| d.pass())>{t!("Pass")}</button>
                            {move || deeper().then(|| view! {
                                <button type="button" class="button" on:click=move |_| {
                                    on_deck(&mut |d| d.deeper(rounds));
                                    crate::focus::focus_soon("#talk-question".into());
                                }>{t!("Go deeper")}</button>
                            })}
                            <button type="button" class="button star"
                                aria-pressed=move || starred().to_string()
                                on:click=move |_| favourite(id2.clone())>
                                {move || if starred2() { t!("\u{2605} Starred") } else { t!("\u{2606} Star it") }}
                            </button>
                        </div>
                    }.into_any()
                }
                None => view! {
                    <p id="talk-question" class="talk-question" tabindex="-1" aria-live="polite">{t!("That was every question in this round.")}</p>
                    <div class="talk-actions">
                        {move || deeper().then(|| view! {
                            <button type="button" class="button primary" on:click=move |_| {
                                on_deck(&mut |d| d.deeper(rounds));
                                crate::focus::focus_soon("#talk-question".into());
                            }>{t!("Go deeper")}</button>
                        })}
                        <button type="button" class="button" on:click=move |_| {
                            on_deck(&mut |d| d.again(rounds));
                            crate::focus::focus_soon("#talk-question".into());
                        }>{t!("This round again")}</button>
                    </div>
                }.into_any(),
            }}
            <Refusal said=refused/>
        </section>
    }
}

/// The starred questions, kept with progress.
#[component]
fn Favourites() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let refused = RwSignal::new(None::<String>);
    let starred = Memo::new(move |_| {
        state.progress.with(|p| {
            p.talk
                .favourite_ids()
                .filter_map(question)
                .map(|q| (q.id.to_string(), q.text.to_string()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel talk-favourites" aria-labelledby="talk-favourites">
            <h2 id="talk-favourites">{t!("Your starred questions")}</h2>
            {move || {
                let all = starred.get();
                if all.is_empty() {
                    view! { <p>{t!("None yet. Star a question to keep it here for another time.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="favourites">
                            {all.into_iter().map(|(id, text)| {
                                let label = t!("Unstar: {question}", question = text);
                                view! {
                                    <li>
                                        <span>{text}</span>
                                        <button type="button" class="button subtle" aria-label=label on:click=move |_| {
                                            if let Err(e) = state.apply(Change::Favourite { question: id.clone(), on: false }) {
                                                refused.set(Some(e.to_string()));
                                            }
                                        }>{t!("Unstar")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <Refusal said=refused/>
        </section>
    }
}
