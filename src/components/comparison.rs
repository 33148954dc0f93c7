//! Two people's answers side by side, in a picture and in words, and the
//! conversation questions that follow. Used on the page that opens a shared
//! code and on the page of answers a person kept.

use super::chart::rating_words;
use super::{Chart, Drawing, EvidenceList, Name, ScrollTable};
use crate::charts::{closeness_picture, closeness_picture_of, side_by_side, PairRow};
use crate::checkin::{CheckIn, SCALE_MAX};
use crate::content::{checkin_guide, course, together_guide};
use crate::routes::Route;
use crate::share::{
    both_want_more, in_group, kinds_to_start_with, pairs, questions_for, KindPair, MutualShared,
    Shared, Together,
};
use crate::time::long_date;
use closer_core::{
    t,
    text::{pieces, Piece},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// A rating pair in words: `now a little, wished for some`.
fn wish_words(r: crate::checkin::Rating) -> String {
    let guide = checkin_guide();
    t!(
        "now {now}, wished for {wished}",
        now = guide.scale_word(r.now).to_lowercase(),
        wished = guide.scale_word(r.wished).to_lowercase()
    )
}

/// Who shared: their first name, or "Someone" if they gave none.
pub fn sender_name(name: Option<&str>) -> String {
    name.unwrap_or(t!("Someone")).to_string()
}

/// The name of the other person as the page uses it: their first name if
/// they gave one, else the label this person gave the relationship.
pub fn their_label(name: Option<&str>, relationship_name: &str) -> String {
    name.unwrap_or(relationship_name).to_string()
}

/// The day of a shared check-in, from its midday (`Shared::noon`):
/// `29 November 2026`.
pub fn shared_day(noon: crate::time::Millis) -> String {
    long_date(noon, 0)
}

/// Both check-ins compared: `mine` is this person's own, `theirs` what was
/// shared, `them` how to call the other person.
#[component]
pub fn Comparison(mine: CheckIn, theirs: Shared, #[prop(into)] them: String) -> impl IntoView {
    let guide = checkin_guide();
    let words = together_guide();
    let all = pairs(&mine.kinds, &theirs.kinds, guide);
    let rows: Vec<PairRow> = all
        .iter()
        .map(|p| PairRow {
            label: p.kind.name.to_string(),
            mine: (p.mine.now, p.mine.wished),
            theirs: (p.theirs.now, p.theirs.wished),
        })
        .collect();
    let label = t!(
        "Chart of the five kinds for you and {them}, now and wished for, on a scale of 0 to {top}. {kinds}.",
        them = them,
        top = SCALE_MAX,
        kinds = all
            .iter()
            .map(|p| t!(
                "{kind}: you now {my_now}, wished for {my_wish}; {them} now {their_now}, wished for {their_wish}",
                kind = p.kind.name,
                my_now = p.mine.now,
                my_wish = p.mine.wished,
                them = them,
                their_now = p.theirs.now,
                their_wish = p.theirs.wished
            ))
            .collect::<Vec<_>>()
            .join(". ")
    );
    let svg = side_by_side(&rows, SCALE_MAX, t!("you"), &them);
    let table_rows = all
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{p.kind.name.clone()}</th>
                    <td>{t!("{now}, wished for {wished}", now = rating_words(p.mine.now), wished = rating_words(p.mine.wished).to_lowercase())}</td>
                    <td>{t!("{now}, wished for {wished}", now = rating_words(p.theirs.now), wished = rating_words(p.theirs.wished).to_lowercase())}</td>
                </tr>
            }
        })
        .collect_view();
    let unsafe_card = Route::if_unsafe().href();
    let group = |title: &'static str, id: &'static str, blurb: &str, which: Together| {
        let members: Vec<&KindPair> = in_group(&all, which);
        (!members.is_empty()).then(|| {
            let items = members
                .into_iter()
                .map(|p| {
                    // Under "both would like less" the heading says it already.
                    let less = p.someone_wants_less() && which != Together::BothLess;
                    let line = t!(
                        "{kind}: you {mine}; {them} {theirs}.",
                        mine = wish_words(p.mine),
                        theirs = wish_words(p.theirs)
                    );
                    let line = pieces(&line)
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Slot("kind") => view! { <strong>{p.kind.name.clone()}</strong> }.into_any(),
                            Piece::Slot(_) => view! { <Name name=them.clone()/> }.into_any(),
                            Piece::Words(w) => w.to_string().into_any(),
                        })
                        .collect_view();
                    view! {
                        <li>
                            {line}
                            {less.then(|| view! { <span class="wants-less">" "{words.wants_less.clone()}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="together-group" aria-labelledby=id>
                    <h3 id=id>{title}</h3>
                    <p>{blurb.to_string()}</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    };
    let both_more = group(
        t!("Where you both want more"),
        "group-both-more",
        &words.both_more,
        Together::BothMore,
    );
    let differ = group(
        t!("Where your wishes differ"),
        "group-differ",
        &words.differ,
        Together::Differ,
    );
    let both_less = group(
        t!("Where you both would like less"),
        "group-both-less",
        &words.both_less,
        Together::BothLess,
    );
    let content = group(
        t!("Where you are both content"),
        "group-both-content",
        &words.both_content,
        Together::BothContent,
    );
    let practices: Vec<_> = {
        let mut seen = std::collections::HashSet::new();
        in_group(&all, Together::BothMore)
            .iter()
            .flat_map(|p| p.kind.practices.iter())
            .filter(|id| seen.insert(id.to_string()))
            .filter_map(|id| course().lesson(id))
            .map(|l| view! { <li><A href=Route::first_card(l).href()>{l.title.clone()}</A></li> })
            .collect()
    };
    let start_with = kinds_to_start_with(&all);
    let their_picture = t!(
        "{them}: picture {picture}.",
        picture = guide.picture_name(theirs.closeness)
    );
    let their_picture = pieces(&their_picture)
        .into_iter()
        .map(|p| match p {
            Piece::Slot(_) => view! { <Name name=them.clone()/> }.into_any(),
            Piece::Words(w) => w.to_string().into_any(),
        })
        .collect_view();
    view! {
        <div class="comparison">
            {words.compare_intro.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}

            <section class="panel" aria-labelledby="both-closeness-title">
                <h2 id="both-closeness-title">{t!("How close each of you feels")}</h2>
                <div class="both-closeness">
                    <figure>
                        <Drawing svg=closeness_picture(mine.closeness) class="closeness-picture"/>
                        <figcaption>{t!("You: picture {picture}.", picture = guide.picture_name(mine.closeness))}</figcaption>
                    </figure>
                    <figure>
                        <Drawing svg=closeness_picture_of(theirs.closeness, t!("them"), t!("you")) class="closeness-picture"/>
                        <figcaption>{their_picture}</figcaption>
                    </figure>
                </div>
                <p class="hint">{t!("If you chose different pictures, that is common and not a disagreement to settle: each of you sees it from your own side.")}</p>
            </section>

            <section class="panel" aria-labelledby="both-kinds-title">
                <h2 id="both-kinds-title">{t!("The five kinds, side by side")}</h2>
                <figure class="figure">
                    <div class="legend" aria-hidden="true">
                        <span class="key key-dot"></span>" "{t!("now")}" "
                        <span class="key key-ring"></span>" "{t!("wished for")}
                    </div>
                    <Chart svg label class="chart-together"/>
                    <figcaption class="visually-hidden">{t!("The same figures are in the table below.")}</figcaption>
                </figure>
                <ScrollTable label=t!("Both of you, in a table")>
                    <table class="figures together-table">
                        <caption>{t!("Now, then wished for")}</caption>
                        <thead><tr><th scope="col">{t!("Kind")}</th><th scope="col">{t!("You")}</th><th scope="col"><Name name=them.clone()/></th></tr></thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </ScrollTable>
            </section>

            <section class="panel" aria-labelledby="together-words-title">
                <h2 id="together-words-title">{t!("What the answers say together")}</h2>
                {both_more}
                {(!practices.is_empty()).then(|| view! {
                    <p class="practices-label">{t!("Lessons on where you both want more:")}</p>
                    <ul class="practice-links">{practices}</ul>
                })}
                {differ}
                {both_less}
                {content}
                <p class="care">
                    {t!("If talking about any of this does not feel safe, you do not have to.")}" "
                    <A href=unsafe_card>{t!("What to do if you feel unsafe")}</A>
                </p>
            </section>

            <Talk start_with=start_with.iter().map(|k| k.id.to_string()).collect()/>
        </div>
    }
}

/// A mutual-only share beside this person's own check-in: only the kinds
/// where both would like more, and a plain line that the rest was not
/// shared. `mine` is this person's own check-in, `theirs` what came.
#[component]
pub fn MutualComparison(
    mine: CheckIn,
    theirs: MutualShared,
    #[prop(into)] them: String,
) -> impl IntoView {
    let words = together_guide();
    let both = both_want_more(&mine.kinds, &theirs.more, checkin_guide());
    let ids: Vec<&str> = both.iter().map(|k| k.id.as_ref()).collect();
    let one_at_a_time = Route::talk_starting_with(&ids);
    let practices: Vec<_> = {
        let mut seen = std::collections::HashSet::new();
        both.iter()
            .flat_map(|k| k.practices.iter())
            .filter(|id| seen.insert(id.to_string()))
            .filter_map(|id| course().lesson(id))
            .map(|l| view! { <li><A href=Route::first_card(l).href()>{l.title.clone()}</A></li> })
            .collect()
    };
    let kinds = both
        .iter()
        .map(|k| {
            let you = mine
                .kinds
                .get(&*k.id)
                .map(|r| wish_words(*r))
                .unwrap_or_default();
            {
                let line = t!("{kind}: you {you}.", you = you);
                let line = pieces(&line)
                    .into_iter()
                    .map(|p| match p {
                        Piece::Slot(_) => view! { <strong>{k.name.clone()}</strong> }.into_any(),
                        Piece::Words(w) => w.to_string().into_any(),
                    })
                    .collect_view();
                view! { <li>{line}</li> }
            }
        })
        .collect_view();
    let unsafe_card = Route::if_unsafe().href();
    view! {
        <div class="comparison mutual-comparison">
            <section class="panel" aria-labelledby="group-both-more">
                <h2 id="group-both-more">{t!("Where you both want more")}</h2>
                <p class="not-shared">{t!("{them} shared only the kinds where they would like more, so you see only those you would like more of too. The rest was not shared: this shows nothing about their other kinds, or about how close they feel.", them = them)}</p>
                {if both.is_empty() {
                    view! {
                        <p>{t!("Just now there is no kind where you both would like more. That says nothing about how the two of you are doing: wishes change, and you can still talk about any of it with {them} if you both want to.", them = them)}</p>
                    }.into_any()
                } else {
                    view! {
                        <p>{words.both_more.clone()}</p>
                        <ul>{kinds}</ul>
                        {(!practices.is_empty()).then(|| view! {
                            <p class="practices-label">{t!("Lessons on where you both want more:")}</p>
                            <ul class="practice-links">{practices}</ul>
                        })}
                    }.into_any()
                }}
                <p><A href=one_at_a_time attr:class="button">{t!("Talk together, one question at a time")}</A></p>
                <p class="care">
                    {t!("If talking about any of this does not feel safe, you do not have to.")}" "
                    <A href=unsafe_card>{t!("What to do if you feel unsafe")}</A>
                </p>
            </section>
        </div>
    }
}

/// The conversation questions, three rounds, the suggested ones first.
#[component]
fn Talk(start_with: Vec<String>) -> impl IntoView {
    let guide = checkin_guide();
    let talk = &together_guide().talk;
    let kinds: Vec<_> = start_with.iter().filter_map(|id| guide.kind(id)).collect();
    let names: Vec<String> = kinds.iter().map(|k| k.name.to_lowercase()).collect();
    let ids: Vec<&str> = kinds.iter().map(|k| k.id.as_ref()).collect();
    let one_at_a_time = Route::talk_starting_with(&ids);
    let rounds = talk
        .rounds
        .iter()
        .map(|round| {
            let heading_id = format!("round-{}", round.id);
            let labelled_by = heading_id.clone();
            let questions = questions_for(round, &kinds)
                .into_iter()
                .map(|(q, suggested)| {
                    view! {
                        <li class:suggested=suggested>
                            {q.text.clone()}
                            {suggested.then(|| view! { <span class="badge">" "{t!("Suggested")}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="talk-round" aria-labelledby=labelled_by>
                    <h3 id=heading_id>{round.title.clone()}</h3>
                    <p>{round.intro.clone()}</p>
                    <ol class="questions">{questions}</ol>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="panel talk" aria-labelledby="talk-title">
            <h2 id="talk-title">{t!("Talk together")}</h2>
            {talk.intro.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            <h3>{t!("How it works")}</h3>
            <ul class="rules">{talk.rules.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
            <p>{if names.is_empty() {
                t!("Neither of you wished for more of any kind, so no questions are marked: start anywhere you like, or leave the questions for another time.").to_string()
            } else {
                t!("Marked “Suggested”: a few questions on where you would like more ({kinds}). Start there if you like.", kinds = names.join(", "))
            }}</p>
            <p><A href=one_at_a_time attr:class="button">{t!("Take them one at a time")}</A></p>
            {rounds}
            <EvidenceList evidence=&talk.evidence/>
        </section>
    }
}
