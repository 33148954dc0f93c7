//! "Listen": a card or a question read aloud by the device's own voices
//! (the browser's `speechSynthesis`), so no text leaves the device and it
//! works offline. One button: "Listen…" starts, "Stop reading" stops. It
//! also stops when the card or question changes, and when the page is left.
//!
//! Where the browser has no speech, or no voice on the device itself (a
//! voice that is not `localService` would send the text to a speech
//! service), there is no button: the first card of the visit says why,
//! once, in a fold one line high, and how to add a voice.
//!
//! Nothing moves when the answer comes (browsers load their voices after
//! the page, so it can take a moment): the button's line is kept free from
//! the first draw (and in the prerendered page), and the button or the
//! fold fills it. Once the visit knows there are no voices, later cards
//! leave the line out from their first draw.
//!
//! Which voice, and the text from the card's blocks, are decided in
//! closer-core (`speech`); the reading of the page is here.

use closer_core::t;
use leptos::prelude::*;

/// Whether this device can read aloud. (The build's prerender only ever
/// sees `Checking`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Voices {
    /// Not known yet (before the app runs, or while the browser loads its
    /// voices).
    Checking,
    /// A voice on the device, in the page's language or the default one.
    Ready,
    /// No speech, or no voice on the device.
    Missing,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Whether the lack of voices has been explained in this visit.
    static EXPLAINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether this visit already knows there is no voice (so later cards
    /// need not keep a line free for a button).
    static KNOWN_MISSING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The button that reads the element with id `target` aloud. `label`
/// names what it reads: "Listen to this card".
#[component]
pub fn Listen(
    /// The id of the element whose visible text is read.
    #[prop(into)]
    target: String,
    /// The button's words while nothing is being read.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let voices = RwSignal::new(Voices::Checking);
    let speaking = RwSignal::new(false);
    // Whether this instance is the one that explains the missing voices.
    let explain = RwSignal::new(false);
    #[cfg(target_arch = "wasm32")]
    let toggle = browser::setup(target, voices, speaking, explain);
    #[cfg(not(target_arch = "wasm32"))]
    let toggle = {
        let _ = (target, explain);
        move || {}
    };
    move || {
        match voices.get() {
        // The button's line, kept free until the answer comes.
        Voices::Checking => {
            Some(view! { <div class="listen" aria-hidden="true"></div> }.into_any())
        }
        Voices::Ready => {
            let label = label.clone();
            // The prerender's stand-in is `Copy`; the browser's is not.
            #[allow(clippy::clone_on_copy)]
            let toggle = toggle.clone();
            Some(
                view! {
                    <div class="listen">
                        <button
                            type="button"
                            class="button subtle listen-button"
                            class:speaking=move || speaking.get()
                            on:click=move |_| toggle()
                        >
                            <span aria-hidden="true" class="listen-icon">{move || if speaking.get() { "\u{25A0}" } else { "\u{25B6}" }}</span>
                            " "
                            {move || if speaking.get() { t!("Stop reading").to_string() } else { label.clone() }}
                        </button>
                    </div>
                }
                .into_any(),
            )
        }
        Voices::Missing => explain.get().then(|| {
            view! {
                <div class="listen">
                    <details class="hint listen-none">
                        // The fold's line on the first card of a visit when nothing can be read aloud.
                        <summary>{t!("Reading aloud is not available here")}</summary>
                        <p>{t!("This browser has no voice of its own on this device. To add one, install a voice for English in your device's settings (under speech, or text to speech), then reload this page.")}</p>
                    </details>
                </div>
            }
            .into_any()
        }),
    }
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Voices, EXPLAINED, KNOWN_MISSING};
    use closer_core::speech::{pick_voice, spoken, Voice};
    use leptos::prelude::*;
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering::Relaxed};
    use std::sync::Arc;
    use std::time::Duration;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{Element, Node, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

    /// How long to wait for a browser that loads its voices after the page
    /// (Chrome does) before saying there are none.
    const VOICE_WAIT: Duration = Duration::from_millis(2_000);

    /// The browser's speech, if it has both halves of it.
    fn synth() -> Option<SpeechSynthesis> {
        let window = web_sys::window()?;
        let has = |name: &str| {
            js_sys::Reflect::get(&window, &JsValue::from_str(name))
                .map(|v| !v.is_undefined() && !v.is_null())
                .unwrap_or(false)
        };
        if !has("speechSynthesis") || !has("SpeechSynthesisUtterance") {
            return None;
        }
        js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis"))
            .ok()
            .map(JsCast::unchecked_into)
    }

    /// The page's language (`<html lang>`).
    fn page_lang() -> String {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default()
    }

    /// The voice to read with, chosen by closer-core's rule.
    fn voice(synth: &SpeechSynthesis) -> Option<SpeechSynthesisVoice> {
        let voices: Vec<SpeechSynthesisVoice> = synth
            .get_voices()
            .iter()
            .map(JsCast::unchecked_into)
            .collect();
        let about: Vec<Voice> = voices
            .iter()
            .map(|v| Voice {
                lang: v.lang(),
                local: v.local_service(),
                default: v.default(),
            })
            .collect();
        pick_voice(&about, &page_lang()).map(|i| voices[i].clone())
    }

    /// Elements whose text is never read: controls (their labels are not
    /// the card's text), hidden ones, and text only screen readers get.
    fn skipped(el: &Element) -> bool {
        let tag = el.tag_name().to_ascii_uppercase();
        matches!(
            tag.as_str(),
            "BUTTON" | "INPUT" | "TEXTAREA" | "SELECT" | "SCRIPT" | "STYLE" | "SVG" | "TEMPLATE"
        ) || el.has_attribute("hidden")
            || el.get_attribute("aria-hidden").as_deref() == Some("true")
            || el.class_list().contains("visually-hidden")
            || el.class_list().contains("listen")
    }

    /// Elements that start a block of their own: the voice pauses after one.
    fn is_block(tag: &str) -> bool {
        matches!(
            tag,
            "P" | "H1"
                | "H2"
                | "H3"
                | "H4"
                | "H5"
                | "H6"
                | "LI"
                | "UL"
                | "OL"
                | "LEGEND"
                | "LABEL"
                | "DIV"
                | "SECTION"
                | "ARTICLE"
                | "FIELDSET"
                | "FIGCAPTION"
                | "FIGURE"
                | "SUMMARY"
                | "DETAILS"
                | "TD"
                | "TH"
                | "TR"
                | "TABLE"
                | "CAPTION"
                | "BLOCKQUOTE"
                | "DT"
                | "DD"
        )
    }

    /// The visible text under `node`, block by block, in document order
    /// (which is reading order here). A closed `<details>` gives only its
    /// summary.
    fn collect(node: &Node, out: &mut Vec<String>) {
        let children = node.child_nodes();
        for i in 0..children.length() {
            let Some(child) = children.item(i) else {
                continue;
            };
            match child.node_type() {
                Node::TEXT_NODE => {
                    if let Some(last) = out.last_mut() {
                        last.push_str(&child.text_content().unwrap_or_default());
                    }
                }
                Node::ELEMENT_NODE => {
                    let el: &Element = child.unchecked_ref();
                    if skipped(el) {
                        continue;
                    }
                    let tag = el.tag_name().to_ascii_uppercase();
                    let block = is_block(&tag);
                    if block {
                        out.push(String::new());
                    }
                    if tag == "DETAILS" && !el.has_attribute("open") {
                        if let Ok(Some(summary)) = el.query_selector(":scope > summary") {
                            collect(&summary, out);
                        }
                    } else {
                        collect(&child, out);
                    }
                    if block {
                        out.push(String::new());
                    }
                }
                _ => {}
            }
        }
    }

    /// What to say for the element with id `target`.
    fn text_of(target: &str) -> String {
        let mut blocks = vec![String::new()];
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(target))
        {
            collect(&root, &mut blocks);
        }
        spoken(blocks.iter().map(String::as_str))
    }

    /// Says there are no voices, and whether this is the first time in
    /// this visit.
    fn missing(voices: RwSignal<Voices>, explain: RwSignal<bool>) {
        if voices.try_get_untracked() == Some(Voices::Missing) {
            return;
        }
        let first = !EXPLAINED.with(|e| e.replace(true));
        KNOWN_MISSING.with(|k| k.set(true));
        explain.try_set(first);
        voices.try_set(Voices::Missing);
    }

    /// Finds out whether there is a voice, and returns what the button
    /// does. Stops reading when this card goes or the page is left.
    pub(super) fn setup(
        target: String,
        voices: RwSignal<Voices>,
        speaking: RwSignal<bool>,
        explain: RwSignal<bool>,
    ) -> impl Fn() + Clone + 'static {
        match synth() {
            None => missing(voices, explain),
            // Already found out on an earlier card of this visit.
            Some(s) if KNOWN_MISSING.with(|k| k.get()) && voice(&s).is_none() => {
                missing(voices, explain)
            }
            Some(s) if voice(&s).is_some() => voices.set(Voices::Ready),
            Some(s) => {
                // The browser may still be loading its voices. A property,
                // not a listener: the card on screen is the one that hears.
                let on_change = Closure::<dyn FnMut()>::new(move || {
                    if let Some(s) = synth() {
                        if voice(&s).is_some() && voices.try_get_untracked() != Some(Voices::Ready)
                        {
                            voices.try_set(Voices::Ready);
                        }
                    }
                })
                .into_js_value();
                s.set_onvoiceschanged(Some(on_change.unchecked_ref()));
                set_timeout(
                    move || {
                        if voices.try_get_untracked() == Some(Voices::Checking) {
                            missing(voices, explain);
                        }
                    },
                    VOICE_WAIT,
                );
            }
        }
        // Which reading is this button's latest: an older one that ends
        // (cancelled) must not mark a newer one as stopped.
        let turn = Arc::new(AtomicU32::new(0));
        // Whether this button started what is being read.
        let mine = Arc::new(AtomicBool::new(false));
        let stop = {
            let mine = mine.clone();
            move || {
                if mine.swap(false, Relaxed) {
                    if let Some(s) = synth() {
                        s.cancel();
                    }
                }
            }
        };
        let stop_on_leave = stop.clone();
        let leave = window_event_listener(leptos::ev::pagehide, move |_| stop_on_leave());
        let stop_on_cleanup = stop.clone();
        on_cleanup(move || {
            leave.remove();
            stop_on_cleanup();
        });
        move || {
            if speaking.get_untracked() {
                stop();
                speaking.set(false);
                return;
            }
            let Some(s) = synth() else {
                missing(voices, explain);
                return;
            };
            let Some(v) = voice(&s) else {
                missing(voices, explain);
                return;
            };
            let text = text_of(&target);
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
                return;
            };
            utterance.set_voice(Some(&v));
            utterance.set_lang(&v.lang());
            let this = turn.fetch_add(1, Relaxed).wrapping_add(1);
            let (turn, mine_done) = (turn.clone(), mine.clone());
            let done = Closure::<dyn FnMut()>::new(move || {
                if turn.load(Relaxed) == this {
                    mine_done.store(false, Relaxed);
                    speaking.try_set(false);
                }
            })
            .into_js_value();
            utterance.set_onend(Some(done.unchecked_ref()));
            utterance.set_onerror(Some(done.unchecked_ref()));
            // Anything another button started stops first.
            s.cancel();
            s.speak(&utterance);
            mine.store(true, Relaxed);
            speaking.set(true);
        }
    }
}
