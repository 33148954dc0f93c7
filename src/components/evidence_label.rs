//! The evidence behind a claim: a small label that opens to the full citation.

use crate::content::Evidence;
use leptos::prelude::*;

/// One piece of evidence as a native `<details>`: the summary is the label
/// (`Diary study · Laurenceau et al., 1998`), and opening it shows the full
/// source and what the work shows and does not. Native, so it opens with
/// Enter or Space and screen readers announce it as expandable.
#[component]
pub fn EvidenceLabel(evidence: &'static Evidence) -> impl IntoView {
    view! {
        <details class="evidence">
            <summary>{evidence.label()}</summary>
            <p class="evidence-source">{evidence.source.clone()}</p>
            <p class="evidence-shows">{evidence.shows.clone()}</p>
        </details>
    }
}

/// Every piece of evidence of a card or question, in order (nothing when empty).
#[component]
pub fn EvidenceList(evidence: &'static [Evidence]) -> impl IntoView {
    (!evidence.is_empty()).then(|| {
        view! {
            <div class="evidence-list">
                {evidence.iter().map(|e| view! { <EvidenceLabel evidence=e/> }).collect_view()}
            </div>
        }
    })
}
