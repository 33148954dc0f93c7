//! `/checkin/:rel/results/:id`: what a check-in shows. The closeness
//! picture, now against wished for as a chart and a table, the biggest
//! gaps in words with the practice lessons that fit them, what changed
//! since last time, and the choice of one small step.

use super::{date, use_record_ids};
use crate::charts::closeness_picture;
use crate::checkin::{change_since, gaps, ranked_gaps, CheckIn};
use crate::components::titles;
use crate::components::{
    Drawing, EvidenceList, Name, NowWishedFigure, PageHeading, SharePanel, StepChooser, Title,
};
use crate::content::{checkin_guide, course};
use crate::persist::Persistence;
use crate::routes::Route;
use closer_core::{t, text::around};
use leptos::prelude::*;
use leptos_router::components::A;

/// How many gaps the result names.
const GAPS_NAMED: usize = 3;

/// Finds the check-in in the URL, or says it is not there.
#[component]
pub fn CheckinResult() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let ids = use_record_ids();
    let found = Memo::new(move |_| {
        let (rel, id) = ids.get();
        state.progress.with(|p| {
            let c = &p.checkins;
            let check_in = c.get(&rel, &id)?.clone();
            let name = c.relationships.get(&rel)?.name.clone();
            let before = c.previous(&rel, &id).map(|(_, b)| b.clone());
            Some((rel, id, name, check_in, before))
        })
    });
    move || match found.get() {
        Some((rel, _id, name, check_in, before)) => {
            view! { <ResultView rel name check_in before/> }.into_any()
        }
        None => view! { <Gone/> }.into_any(),
    }
}

/// A check-in that is not (or no longer) here: deleted, perhaps in another tab.
#[component]
fn Gone() -> impl IntoView {
    view! {
        <Title text=t!("Check-in not found")/>
        <div class="page narrow">
            <PageHeading text=t!("This check-in is not here")/>
            <p>{t!("It may have been deleted, here or in another tab, or the link may be mistyped.")}</p>
            <p><A href=Route::Checkin.href() attr:class="button">{t!("Go to your check-ins")}</A></p>
        </div>
    }
}

/// Names in a sentence: "A", "A and B", "A, B and C".
fn in_words(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => t!("{list} and {last}", list = rest.join(", "), last = last),
    }
}

#[component]
fn ResultView(
    rel: String,
    name: String,
    check_in: CheckIn,
    before: Option<CheckIn>,
) -> impl IntoView {
    let guide = checkin_guide();
    let wanted = ranked_gaps(&check_in, guide, GAPS_NAMED);
    let less: Vec<String> = gaps(&check_in, guide)
        .into_iter()
        .filter(|g| g.size() < 0)
        .map(|g| g.kind.name.to_string())
        .collect();
    let change = before
        .as_ref()
        .map(|b| change_since(b, &check_in, guide).sentences(guide));
    let more_of = if wanted.is_empty() {
        t!("You did not wish for more of any kind this time.").to_string()
    } else {
        let names: Vec<String> = wanted.iter().map(|g| g.kind.name.to_string()).collect();
        t!("You would like more of: {kinds}.", kinds = in_words(&names))
    };
    let less_of = (!less.is_empty()).then(|| t!("And less of: {kinds}.", kinds = in_words(&less)));
    let unsafe_card = Route::if_unsafe().href();
    let heading_name = name.clone();
    let (heading_before, heading_after) = around(t!("Your check-in: {name}"), "name");
    let (all_before, all_after) = around(t!("All check-ins: {name}"), "name");
    let less_sentence = t!(
        "You would like less of: {kinds}. That is a fair answer: closeness should feel welcome to both of you. If someone pushes for closeness you do not want, {link}.",
        kinds = in_words(&less)
    );
    let (less_before, less_after) = around(&less_sentence, "link");
    let (less_before, less_after) = (less_before.to_string(), less_after.to_string());
    view! {
        <Title text=titles::RESULT/>
        <div class="page narrow checkin-page result-page">
            <PageHeading>{heading_before} <Name name=heading_name/> {heading_after}</PageHeading>
            <p class="when">{t!("Checked in on {date}.", date = date(check_in.at))}</p>

            <section class="panel result-summary" aria-labelledby="summary-title">
                <h2 id="summary-title">{t!("In short")}</h2>
                <div class="closeness-result">
                    <Drawing svg=closeness_picture(check_in.closeness) class="closeness-picture"/>
                    <div>
                        <p>{t!("You chose picture {picture}.", picture = guide.picture_name(check_in.closeness))}</p>
                        <p>{more_of}</p>
                        {less_of.map(|l| view! { <p>{l}</p> })}
                    </div>
                </div>
            </section>

            <SharePanel check_in=check_in.clone()/>
            // After the share panel, so that a phone's first screen keeps the
            // summary and the way to share; its words cover sharing too.
            <p class="care">
                {t!("Share, and choose a step, only where you feel safe. If someone pressures, controls, checks up on or frightens you, you do not owe them any openness.")}" "
                <A href=unsafe_card.clone()>{t!("What to do if you feel unsafe")}</A>
            </p>

            <StepChooser relationship=rel.clone() check_in=Some(check_in.clone())/>

            <section class="panel" aria-labelledby="kinds-result-title">
                <h2 id="kinds-result-title">{t!("The five kinds, now and wished for")}</h2>
                <NowWishedFigure check_in=check_in.clone()/>
            </section>

            <section class="panel" aria-labelledby="gaps-title">
                <h2 id="gaps-title">{t!("Where you would like more")}</h2>
                {if wanted.is_empty() {
                    view! { <p>{t!("Things may feel right as they are, or more closeness may not be what you want with this person now. Both are fine.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="gaps">
                            {wanted.iter().map(|g| {
                                let links = g.kind.practices.iter().filter_map(|id| course().lesson(id)).map(|l| view! {
                                    <li><A href=Route::first_card(l).href()>{l.title.clone()}</A></li>
                                }).collect_view();
                                view! {
                                    <li class="gap">
                                        <h3>{g.kind.name.clone()}</h3>
                                        <p>{t!(
                                            "Now {now}, wished for {wished}: a gap of {gap}.",
                                            now = guide.scale_word(g.rating.now).to_lowercase(),
                                            wished = guide.scale_word(g.rating.wished).to_lowercase(),
                                            gap = g.size()
                                        )}" "{g.kind.why.clone()}</p>
                                        <p class="practices-label">{t!("Lessons that can help:")}</p>
                                        <ul class="practice-links">{links}</ul>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {(!less.is_empty()).then(|| view! {
                    <p class="less">
                        {less_before.clone()}
                        <A href=unsafe_card.clone()>{t!("see what to do if you feel unsafe")}</A>{less_after.clone()}
                    </p>
                })}
            </section>

            {change.map(|lines| view! {
                <section class="panel" aria-labelledby="change-title">
                    <h2 id="change-title">{t!("Since last time")}</h2>
                    <ul class="change">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </section>
            })}

            <details class="panel caveat">
                <summary><h2 id="about-title">{t!("About this check-in")}</h2></summary>
                <p>{guide.caveat.clone()}</p>
                <EvidenceList evidence=&guide.evidence/>
            </details>

            <p><A href=Route::relationship(&rel).href()>{all_before} <Name name=name.clone()/> {all_after}</A></p>
        </div>
    }
}
