//! "Add to my calendar": a reminder the person's own calendar keeps, as a
//! calendar file made here and saved like the export. No server is asked
//! to remind anyone, and the file names no one unless the person says so.

use crate::calendar::{calendar_file, Details, Floating, Reminder};
use crate::content::course;
use crate::env::{now, utc_offset_minutes};
use crate::persist::Persistence;
use crate::routes::Route;
use crate::time::{long_date, Millis};
use closer_core::t;
use leptos::prelude::*;

/// What a reminder is for.
#[derive(Debug, Clone, PartialEq)]
pub enum ReminderFor {
    /// A small step: the gentle question a week after it was chosen.
    Step {
        /// The relationship's id (random; names no one).
        relationship: String,
        /// When the step was chosen.
        chosen_at: Millis,
        /// The relationship's name, written in only if the person asks.
        name: String,
        /// The step's words, written in only if the person asks.
        step: String,
    },
    /// The quiz's next reviews, due at this time.
    Reviews(Millis),
}

impl ReminderFor {
    fn file_name(&self) -> &'static str {
        match self {
            ReminderFor::Step { .. } => "closer-step.ics",
            ReminderFor::Reviews(_) => "closer-reviews.ics",
        }
    }

    /// The reminder, or `None` for a time no calendar can hold.
    fn reminder(&self, named: bool, weekly: bool) -> Option<Reminder> {
        let offset = utc_offset_minutes();
        let (reminder, route) = match self {
            ReminderFor::Step {
                relationship,
                chosen_at,
                name,
                step,
            } => {
                let details = named.then(|| Details {
                    about: name.clone(),
                    step: step.clone(),
                });
                let r = Reminder::for_step(relationship, *chosen_at, offset, details.as_ref())?;
                let r = if weekly { r.weekly(4) } else { r };
                (r, Route::relationship(relationship))
            }
            ReminderFor::Reviews(due) => (Reminder::for_reviews(*due, offset)?, Route::Quiz),
        };
        Some(match site_origin() {
            Some(origin) => reminder.leading_to(format!("{origin}{}", route.href())),
            None => reminder,
        })
    }
}

/// The page's origin (`https://example.org`), for the link back to Closer.
fn site_origin() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.location().origin().ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// A fold with what the reminder will say and a button that saves it.
#[component]
pub fn AddToCalendar(
    /// What the reminder is for.
    of: ReminderFor,
    /// Distinguishes this fold's fields from another's on the same page.
    key: String,
) -> impl IntoView {
    let named = RwSignal::new(false);
    let weekly = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let is_step = matches!(of, ReminderFor::Step { .. });
    let when = match &of {
        ReminderFor::Step { chosen_at, .. } => *chosen_at + crate::checkin::FOLLOW_UP_AFTER,
        ReminderFor::Reviews(due) => *due,
    };
    let rings = Floating::reminder_for(when, utc_offset_minutes()).map(|f| f.describe());
    let file = of.file_name();
    let save = move |_| {
        let text = of
            .reminder(named.get_untracked(), weekly.get_untracked())
            .map(|r| calendar_file(&[r], now()));
        said.set(Some(match text {
            Some(text) if crate::download::save_file(file, "text/calendar", &text) => {
                t!(
                    "Saved {file}. Open it to add the reminder to your calendar.",
                    file = file
                )
            }
            Some(_) => {
                t!("The browser did not save the file. Nothing else has changed.").to_string()
            }
            None => t!("This date cannot go in a calendar.").to_string(),
        }));
    };
    let named_id = format!("reminder-named-{key}");
    let weekly_id = format!("reminder-weekly-{key}");
    view! {
        <details class="reminder">
            <summary>{t!("Add to my calendar")}</summary>
            <p>{match rings {
                   Some(at) => t!("The reminder is for {at}. Once it is in your calendar, check that your calendar will alert you: some leave out the alert of a file they import.", at = at) + " ",
                   None => String::new(),
               }}
               {if is_step {
                   t!("It says “Closer: a small step” and links to Closer. It names no one and holds none of your notes, but anyone who can see your calendar will see it. The file also stays in your downloads until you delete it.")
               } else {
                   t!("It says “Closer: quiz review” and links to Closer. Anyone who can see your calendar will see it.")
               }}
            </p>
            {is_step.then(|| view! {
                <div class="option">
                    <input type="checkbox" id=named_id.clone()
                        prop:checked=move || named.get()
                        on:change=move |ev| named.set(event_target_checked(&ev))/>
                    <label for=named_id.clone()>{t!("Also write who it is for and the step itself (anyone who sees your calendar could read them)")}</label>
                </div>
                <div class="option">
                    <input type="checkbox" id=weekly_id.clone()
                        prop:checked=move || weekly.get()
                        on:change=move |ev| weekly.set(event_target_checked(&ev))/>
                    <label for=weekly_id.clone()>{t!("Remind me every week for four weeks")}</label>
                </div>
            })}
            <button type="button" class="button" on:click=save>{t!("Save the calendar file")}</button>
            <div class="notice-region" role="status" aria-live="polite">
                {move || said.get().map(|m| view! { <p class="said">{m}</p> })}
            </div>
        </details>
    }
}

/// On the quiz page: when the next reviews come, with a reminder for that
/// day. Shows nothing while reviews are due now or none are waiting.
#[component]
pub fn NextReviews() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let next = Memo::new(move |_| {
        let t = now();
        state.progress.with(|p| {
            (p.quiz.due_count(course(), t) == 0)
                .then(|| p.quiz.next_due_after(course(), t))
                .flatten()
        })
    });
    move || {
        next.get().map(|due| {
            view! {
                <div class="next-reviews">
                    <p>{t!("Your next reviews come on {date}.", date = long_date(due, utc_offset_minutes()))}</p>
                    <AddToCalendar of=ReminderFor::Reviews(due) key="reviews".to_string()/>
                </div>
            }
        })
    }
}
