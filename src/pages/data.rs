//! `/data`: what Closer keeps, that it stays on this device, and the three
//! things a person can do with it: export it, import a file, erase it all.

use crate::components::{Confirm, Name, PageHeading, Title};
use crate::content::{checkin_guide, course};
use crate::download::{download_kept_copy, kept_copy_name, save_text_file};
use crate::env::{now, utc_offset_minutes};
use crate::lock::Envelope;
use crate::notice::Notice;
use crate::pages::data_lock::LockPanel;
use crate::persist::{LockState, Persistence};
use crate::progress::transfer::{export_file_name, import, Import, Summary, IMPORT_MAX_BYTES};
use crate::storage::{Undo, KEY, PREVIOUS_KEY};
use closer_core::{t, tn};
use leptos::{html, prelude::*};
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Where an import stands.
#[derive(Clone, PartialEq)]
enum ImportStep {
    /// No file chosen.
    Idle,
    /// The file is locked: it needs the passphrase it was exported with.
    Locked(Box<Envelope>),
    /// Opening a locked file (deriving its key).
    Opening,
    /// A file passed every check: what it holds, before anything is replaced.
    Preview(Box<Import>),
    /// The file was refused, with the reason.
    Refused(String),
    /// The file replaced the stored progress.
    Done,
    /// The file was added to the stored progress.
    Merged,
}

/// A plain message after an action, announced by a live region.
#[derive(Clone, PartialEq)]
struct Said(String);

/// The id of the page's line that says what an action did.
const SAID_ID: &str = "data-said";

/// Says `message` on the page's status line and moves focus there, so that
/// after erasing, importing or undoing, keyboard and screen reader users
/// carry on from what happened instead of from the top of the page.
fn tell(said: RwSignal<Option<Said>>, message: String) {
    said.set(Some(Said(message)));
    crate::focus::focus_soon(format!("#{SAID_ID}"));
}

/// Puts back what the last import replaced, and says how it went. `done`
/// runs when it is back.
fn undo_import(said: RwSignal<Option<Said>>, done: impl FnOnce() + 'static) {
    let state = expect_context::<Persistence>();
    spawn_local(async move {
        let message = match state.undo_import().await {
            Ok(Undo::Restored(_)) => {
                done();
                t!("Your progress from before the import is back.").to_string()
            }
            Ok(Undo::NothingKept) => {
                t!("There is no copy from before an import to put back. Nothing was changed.").to_string()
            }
            Ok(Undo::Changed) => t!("Your progress has changed since the import (in this tab or another one), \
                so putting back the copy from before it would lose those changes. Nothing was changed. \
                The copy from before the import is still kept in this browser: \
                use “Download” next to it to keep it as a file.")
            .to_string(),
            Err(e) => t!("The import could not be undone: {e}. Nothing was changed.", e = e),
        };
        tell(said, message);
    });
}

fn describe_summary(s: &Summary, lessons: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            t!("Lessons finished"),
            t!("{done} of {total}", done = s.done, total = lessons),
        ),
        (t!("Lessons in progress"), s.in_progress.to_string()),
        (t!("Private notes"), s.notes.to_string()),
        (t!("Quiz questions answered"), s.answered.to_string()),
        (t!("Finished quizzes"), s.attempts.to_string()),
        (
            t!("Relationships checked in on"),
            s.relationships.to_string(),
        ),
        (t!("Check-ins"), s.check_ins.to_string()),
        (t!("Small steps chosen"), s.steps.to_string()),
        (
            t!("Answers shared with you and kept"),
            s.received.to_string(),
        ),
    ]
}

/// Each relationship a copy of progress holds, with its check-ins in words:
/// (`my sister`, `: 2 check-ins, the latest on 2 December 2026`).
fn relationships_in(progress: &crate::progress::Progress) -> Vec<(String, String)> {
    let c = &progress.checkins;
    c.relationships_in_order()
        .into_iter()
        .map(|(id, r)| {
            let history = c.history(id);
            let words = match history.last() {
                // After the relationship's name.
                None => t!(": no check-ins").to_string(),
                Some((_, last)) => tn!(
                    ": {n} check-in, the latest on {date}",
                    ": {n} check-ins, the latest on {date}",
                    n = history.len(),
                    date = crate::time::long_date(last.at, utc_offset_minutes())
                ),
            };
            (r.name.clone(), words)
        })
        .collect()
}

/// The data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<Persistence>();
    let lessons = course().lesson_count();
    let summary = Memo::new(move |_| state.progress.with(|p| Summary::of(p, course())));
    let size = Memo::new(move |_| state.progress.with(|p| p.encode().len()));
    let said = RwSignal::new(None::<Said>);
    // Whether the import panel says "Imported" (until that import is undone).
    let imported = RwSignal::new(false);
    let kept = move || {
        state.progress.track();
        state.notice();
        state.is_kept()
    };

    let plain_export = RwSignal::new(false);
    let export = move |_| {
        let text = state.progress.with_untracked(|p| p.encode());
        let name = export_file_name(now(), utc_offset_minutes());
        let locked = matches!(state.lock.get_untracked(), LockState::Open { .. })
            && !plain_export.get_untracked();
        spawn_local(async move {
            // With a lock set, the file is locked with the same passphrase
            // (unless the person chose otherwise).
            let (text, sealed) = if locked {
                match state.seal_export(&text).await {
                    Some(sealed) => (sealed, true),
                    None => {
                        said.set(Some(Said(
                            t!("The file could not be locked, so it was not saved. Nothing was changed.")
                                .into(),
                        )));
                        return;
                    }
                }
            } else {
                (text, false)
            };
            let message = if !save_text_file(&name, &text) {
                t!("This browser would not save the file. Nothing was changed.").to_string()
            } else if sealed {
                t!(
                    "Your progress was saved to the file {name}. It is locked with your passphrase.",
                    name = name
                )
            } else {
                t!("Your progress was saved to the file {name}.", name = name)
            };
            said.set(Some(Said(message)));
        });
    };

    view! {
        <Title text=t!("Your data")/>
        <div class="page narrow data-page">
            <PageHeading text=t!("Your data")/>
            <p>
                {t!("Everything Closer remembers for you stays in this browser on this device: \
                which cards you have seen, your private notes, your quiz answers and your check-ins on relationships. ")}
                {t!("There is no account, and Closer keeps nothing on a server: nothing leaves this device unless you share a check-in yourself.")}
            </p>
            <div class="notice-region" role="status" aria-live="polite">
                {move || said.get().map(|Said(m)| view! { <p class="said" id=SAID_ID tabindex="-1">{m}</p> })}
            </div>

            <section class="panel" aria-labelledby="stored-title">
                <h2 id="stored-title">{t!("What is stored")}</h2>
                <dl class="facts">
                    {move || describe_summary(&summary.get(), lessons).into_iter().map(|(k, v)| view! {
                        <div><dt>{k}</dt><dd>{v}</dd></div>
                    }).collect_view()}
                    <div>
                        <dt>{t!("Size")}</dt>
                        <dd>{move || t!(
                            "{size} KiB under the key “{key}”",
                            size = format!("{:.1}", size.get() as f64 / 1024.0),
                            key = KEY
                        )}</dd>
                    </div>
                    <div>
                        <dt>{t!("Kept in this browser")}</dt>
                        <dd>{move || if kept() { t!("Yes, saved on every change") } else { t!("No: see the notice at the top of the page") }}</dd>
                    </div>
                </dl>
                <KeptCopies said imported/>
            </section>

            <section class="panel" aria-labelledby="export-title">
                <h2 id="export-title">{t!("Export")}</h2>
                <p>{t!("Save a copy of your progress as a file, to keep or to move to another browser.")}</p>
                {move || matches!(state.lock.get(), LockState::Open { .. }).then(|| view! {
                    <p>{t!("With a lock set, the file is locked with your passphrase too: only someone who knows it can read it or import it.")}</p>
                    <p class="choice">
                        <input id="export-plain" type="checkbox" prop:checked=move || plain_export.get()
                            on:change=move |ev| plain_export.set(event_target_checked(&ev))/>
                        <label for="export-plain">{t!("Save it unlocked instead (anyone who has the file can read it)")}</label>
                    </p>
                })}
                <button type="button" class="button primary" on:click=export>{t!("Download my progress")}</button>
            </section>

            <LockPanel/>
            <ImportPanel said imported/>
            <ErasePanel said/>
        </div>
    }
}

/// Copies Closer has kept aside (unreadable data, what an import replaced),
/// each with a way to download it.
#[component]
fn KeptCopies(said: RwSignal<Option<Said>>, imported: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let backups = Memo::new(move |_| {
        state.progress.track();
        state.stored_keys().1
    });
    let plain_kept = RwSignal::new(false);
    let download = move |key: String| {
        let locked = matches!(state.lock.get_untracked(), LockState::Open { .. })
            && !plain_kept.get_untracked();
        if !locked {
            if let Some(name) = download_kept_copy(&state, &key, "closer-kept-copy") {
                said.set(Some(Said(t!(
                    "The kept copy was saved to the file {name}.",
                    name = name
                ))));
            }
            return;
        }
        // With a lock set, the file is locked with the same passphrase, as an
        // export is (unless the person chose otherwise).
        spawn_local(async move {
            let name = kept_copy_name(&key, "closer-kept-copy");
            let message = match state.seal_kept_copy(&key).await {
                None => {
                    t!("The kept copy could not be locked, so it was not saved. Nothing was changed.")
                        .to_string()
                }
                Some(sealed) if save_text_file(&name, &sealed) => t!(
                    "The kept copy was saved to the file {name}. It is locked with your passphrase.",
                    name = name
                ),
                Some(_) => t!("This browser would not save the file. Nothing was changed.").to_string(),
            };
            said.set(Some(Said(message)));
        });
    };
    let undo = move |_| undo_import(said, move || imported.set(false));
    view! {
        {move || {
            let keys = backups.get();
            let can_undo = state.import_backup.get();
            (!keys.is_empty()).then(|| view! {
                <h3>{t!("Copies kept aside")}</h3>
                {move || matches!(state.lock.get(), LockState::Open { .. }).then(|| view! {
                    <p>{t!("With a lock set, a kept copy is saved locked with your passphrase, as an export is.")}</p>
                    <p class="choice">
                        <input id="kept-plain" type="checkbox" prop:checked=move || plain_kept.get()
                            on:change=move |ev| plain_kept.set(event_target_checked(&ev))/>
                        <label for="kept-plain">{t!("Save kept copies unlocked instead (anyone who has the file can read it)")}</label>
                    </p>
                })}
                <ul class="kept">
                    {keys.into_iter().map(|key| {
                        let what = if key == PREVIOUS_KEY && can_undo {
                            t!("Your progress from before the last import (it can be put back until your next change)")
                        } else if key == PREVIOUS_KEY {
                            t!("Your progress from before the last import (changes were saved since, so it can only be downloaded)")
                        } else {
                            t!("Saved data that Closer could not read, kept exactly as it was found")
                        };
                        let k = key.clone();
                        view! {
                            <li>
                                <span>{what}</span>
                                <button type="button" class="button subtle" on:click=move |_| download(k.clone())>
                                    {t!("Download")} <span class="visually-hidden">" " {what}</span>
                                </button>
                                {(key == PREVIOUS_KEY && can_undo).then(|| view! {
                                    <button type="button" class="button subtle" on:click=undo>{t!("Undo the import")}</button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })
        }}
    }
}

/// Choose a file, see what it holds, then confirm.
#[component]
fn ImportPanel(said: RwSignal<Option<Said>>, imported: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let step = RwSignal::new(ImportStep::Idle);
    let input = NodeRef::<html::Input>::new();
    let lessons = course().lesson_count();

    let reset_input = move || {
        if let Some(i) = input.get_untracked() {
            i.set_value("");
        }
    };
    let on_file = move |_| {
        let Some(file) = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        said.set(None);
        let size = file.size() as u64;
        if size > IMPORT_MAX_BYTES {
            // Refused before a byte is read.
            let refusal = crate::progress::transfer::ImportError::TooLarge { bytes: size };
            step.set(ImportStep::Refused(refusal.to_string()));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            step.set(match text {
                None => ImportStep::Refused(t!("That file could not be read as text.").into()),
                Some(text) if Envelope::is_envelope(&text) => match Envelope::decode(&text) {
                    Ok(envelope) => ImportStep::Locked(Box::new(envelope)),
                    Err(e) => ImportStep::Refused(t!("That file is locked, but {e}.", e = e)),
                },
                Some(text) => read_import(&text),
            });
        });
    };
    let passphrase = NodeRef::<html::Input>::new();
    let open_file = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ImportStep::Locked(envelope) = step.get_untracked() else {
            return;
        };
        let typed = passphrase
            .get_untracked()
            .map(|p| p.value())
            .unwrap_or_default();
        step.set(ImportStep::Opening);
        spawn_local(async move {
            step.set(
                match crate::storage::lock::open_file(&typed, &envelope).await {
                    Ok(text) => read_import(&text),
                    Err(_) => {
                        ImportStep::Refused(t!("That passphrase doesn't open the file.").into())
                    }
                },
            );
        });
    };
    let confirm = move |_| {
        let ImportStep::Preview(found) = step.get_untracked() else {
            return;
        };
        // The file's progress, keeping every deletion made here (see `Import::replacing`).
        let progress = state
            .progress
            .with_untracked(|current| found.replacing(current, crate::env::random_id));
        spawn_local(async move {
            match state.import(progress).await {
                Ok(()) => {
                    step.set(ImportStep::Done);
                    imported.set(true);
                    reset_input();
                    crate::focus::focus_soon("#import-done".into());
                }
                // The refusal's view adds "Nothing was changed." once.
                Err(e) => step.set(ImportStep::Refused(t!(
                    "The file could not be saved in this browser ({e}).",
                    e = e
                ))),
            }
        });
    };
    let merge = move |_| {
        let ImportStep::Preview(found) = step.get_untracked() else {
            return;
        };
        let merged = state
            .progress
            .with_untracked(|current| found.merged_into(current, course()));
        state.import_merged(merged);
        step.set(ImportStep::Merged);
        reset_input();
    };
    let cancel = move |_| {
        step.set(ImportStep::Idle);
        reset_input();
        said.set(Some(Said(
            t!("Import cancelled. Nothing was changed.").into(),
        )));
    };

    view! {
        <section class="panel" aria-labelledby="import-title">
            <h2 id="import-title">{t!("Import")}</h2>
            <p>
                {t!("Bring back progress from a file you exported. ")}
                {t!("You will see what it holds before anything changes; what it replaces is kept, so you can undo it until your next change.")}
            </p>
            <p class="file-field">
                <label for="import-file">{t!("Choose a Closer progress file")}</label>
                <input id="import-file" type="file" accept=".json,application/json" node_ref=input on:change=on_file/>
            </p>
            <div class="import-result" role="status" aria-live="polite">
                {move || match step.get() {
                    ImportStep::Idle => ().into_any(),
                    ImportStep::Opening => view! { <p>{t!("Opening the file… this takes a moment.")}</p> }.into_any(),
                    ImportStep::Locked(_) => view! {
                        <form class="lock-form" on:submit=open_file>
                            <p>{t!("This file is locked. Enter the passphrase it was saved with.")}</p>
                            <p class="field">
                                <label for="import-passphrase">{t!("The file's passphrase")}</label>
                                <input id="import-passphrase" type="password" autocomplete="current-password" node_ref=passphrase/>
                            </p>
                            <button type="submit" class="button primary">{t!("Open the file")}</button>
                        </form>
                    }.into_any(),
                    ImportStep::Refused(reason) => view! {
                        <p class="feedback wrong"><strong>{t!("✗ Not imported. ")}</strong>{reason}{t!(" Nothing was changed.")}</p>
                    }.into_any(),
                    // Gone once the import is undone (here or under "Copies
                    // kept aside"), so it never contradicts what is stored.
                    ImportStep::Done => view! {
                        <Show when=move || imported.get()>
                            <p class="feedback correct" id="import-done" tabindex="-1">
                                <strong>{t!("✓ Imported. ")}</strong>{t!("Your progress now comes from the file. ")}
                            </p>
                            <Show when=move || state.import_backup.get()>
                                <p>
                                    <button type="button" class="button subtle"
                                        on:click=move |_| undo_import(said, move || imported.set(false))>
                                        {t!("Undo this import")}
                                    </button>
                                </p>
                            </Show>
                        </Show>
                    }.into_any(),
                    ImportStep::Merged => view! {
                        <p class="feedback correct"><strong>{t!("✓ Added. ")}</strong>{t!("Your progress now holds what the file holds as well.")}</p>
                    }.into_any(),
                    ImportStep::Preview(found) => {
                        let now_s = state.progress.with_untracked(|p| Summary::of(p, course()));
                        let new_s = Summary::of(&found.progress, course());
                        let both_s = state
                            .progress
                            .with_untracked(|p| Summary::of(&found.merged_into(p, course()), course()));
                        let rows = describe_summary(&now_s, lessons)
                            .into_iter()
                            .zip(describe_summary(&new_s, lessons))
                            .zip(describe_summary(&both_s, lessons))
                            .map(|(((what, before), (_, after)), (_, both))| view! {
                                <tr><th scope="row">{what}</th><td>{before}</td><td>{after}</td><td>{both}</td></tr>
                            })
                            .collect_view();
                        let ignored = found.ignored.len();
                        let people = relationships_in(&found.progress);
                        view! {
                            <div class="preview">
                                <table>
                                    <caption>{t!("What the import would change")}</caption>
                                    <thead><tr><th scope="col">""</th><th scope="col">{t!("Now")}</th><th scope="col">{t!("If replaced by the file")}</th><th scope="col">{t!("If the file is added")}</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                                {(!people.is_empty()).then(|| view! {
                                    <p>{t!("Relationships in the file, with their check-ins:")}</p>
                                    <ul class="file-relationships">
                                        {people.into_iter().map(|(name, words)| view! { <li><Name name/>{words}</li> }).collect_view()}
                                    </ul>
                                })}
                                {(ignored > 0).then(|| view! {
                                    <p class="hint">{tn!(
                                        "{n} entry in the file belongs to lessons, questions or check-ins this version of Closer can’t show, and will be left out.",
                                        "{n} entries in the file belong to lessons, questions or check-ins this version of Closer can’t show, and will be left out.",
                                        n = ignored
                                    )}</p>
                                })}
                                <p>
                                    {t!("Replacing puts the file's progress in place of yours (in every open tab; you can undo it until your next change). ")}
                                    {t!("Adding keeps everything of both: where both have a note on the same card, the newer one.")}
                                </p>
                                <div class="done-actions">
                                    <button type="button" class="button primary" on:click=confirm>{t!("Replace my progress with this file")}</button>
                                    <button type="button" class="button" on:click=merge>{t!("Add the file to my progress")}</button>
                                    <button type="button" class="button" on:click=cancel>{t!("Cancel")}</button>
                                </div>
                            </div>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

/// A file's text, checked: its preview, or why it is refused.
fn read_import(text: &str) -> ImportStep {
    match import(text, course(), checkin_guide()) {
        Ok(found) => ImportStep::Preview(Box::new(found)),
        Err(e) => ImportStep::Refused(e.to_string()),
    }
}

/// Erase everything, after a confirmation.
#[component]
fn ErasePanel(said: RwSignal<Option<Said>>) -> impl IntoView {
    let state = expect_context::<Persistence>();
    let asking = RwSignal::new(false);
    let erase = move || {
        let message = match state.erase() {
            Ok(()) => t!("Everything Closer kept in this browser has been erased.").to_string(),
            Err(e) => t!(
                "Erasing failed ({e}). Your progress is still here; some copies kept aside may already be gone.",
                e = e
            ),
        };
        asking.set(false);
        tell(said, message);
        if matches!(untrack(|| state.notice()), Some(Notice::Recovered { .. })) {
            state.dismiss_notice();
        }
    };
    view! {
        <section class="panel" aria-labelledby="erase-title">
            <h2 id="erase-title">{t!("Erase everything")}</h2>
            <p>{t!("Remove your progress, notes, quiz history, check-ins, every kept copy and the lock, if one is set, from this browser.")}</p>
            {move || if asking.get() {
                view! {
                    <Confirm question_id="erase-question" yes=t!("Yes, erase everything") keep=t!("Keep my data") danger=true
                        on_yes=erase on_keep=move || asking.set(false)>
                        <strong>{t!("Erase everything? This can't be undone.")}</strong>{t!(" Export a copy first if you might want it back.")}
                    </Confirm>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button" on:click=move |_| asking.set(true)>{t!("Erase everything…")}</button>
                }.into_any()
            }}
        </section>
    }
}
