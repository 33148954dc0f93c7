//! Pictures: the shapes from [`crate::charts`] placed in an `<svg>`, and
//! the figures that put each chart beside the same numbers in a table.

use super::ScrollTable;
use crate::charts::{now_and_wished, num, BarRow, Shape, Svg};
use crate::checkin::{gaps, CheckIn, SCALE_MAX};
use crate::content::checkin_guide;
use closer_core::t;
use leptos::prelude::*;

/// One shape as an SVG element.
fn shape_view(shape: Shape) -> AnyView {
    match shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            rx,
            class,
        } => view! {
            <rect class=class x=num(x) y=num(y) width=num(w) height=num(h) rx=num(rx)/>
        }
        .into_any(),
        Shape::Circle { cx, cy, r, class } => view! {
            <circle class=class cx=num(cx) cy=num(cy) r=num(r)/>
        }
        .into_any(),
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            class,
        } => view! {
            <line class=class x1=num(x1) y1=num(y1) x2=num(x2) y2=num(y2)/>
        }
        .into_any(),
        Shape::Path { d, class } => view! { <path class=class d=d/> }.into_any(),
        Shape::Text {
            x,
            y,
            anchor,
            class,
            text,
        } => view! {
            <text class=class x=num(x) y=num(y) text-anchor=anchor.as_str()>{text}</text>
        }
        .into_any(),
    }
}

/// A chart with an accessible name. `label` is what a screen reader says
/// for the whole picture; the shapes inside are not read one by one.
#[component]
pub fn Chart(
    /// What to draw.
    svg: Svg,
    /// The picture's accessible name, with its figures.
    #[prop(into)]
    label: String,
    /// Extra class for sizing (`chart-bars`).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let view_box = svg.view_box();
    let shapes = svg.shapes.into_iter().map(shape_view).collect_view();
    view! {
        <svg class=format!("chart {class}") viewBox=view_box role="img" aria-label=label focusable="false">
            {shapes}
        </svg>
    }
}

/// A picture that only decorates (its meaning is in text beside it).
#[component]
pub fn Drawing(
    /// What to draw.
    svg: Svg,
    /// Class for sizing.
    class: &'static str,
) -> impl IntoView {
    let view_box = svg.view_box();
    let shapes = svg.shapes.into_iter().map(shape_view).collect_view();
    view! {
        <svg class=class viewBox=view_box aria-hidden="true" focusable="false">{shapes}</svg>
    }
}

/// A rating in words and number: `A little (1)`.
pub fn rating_words(n: u8) -> String {
    format!("{} ({n})", checkin_guide().scale_word(n))
}

/// The figures of a check-in in one sentence, for the chart's name.
pub fn now_wished_label(check_in: &CheckIn) -> String {
    let parts: Vec<String> = gaps(check_in, checkin_guide())
        .iter()
        .map(|g| {
            t!(
                "{kind}: now {now}, wished for {wished}",
                kind = g.kind.name,
                now = g.rating.now,
                wished = g.rating.wished
            )
        })
        .collect();
    t!(
        "Bar chart of the five kinds, now and wished for, on a scale of 0 to {top}. {kinds}.",
        top = SCALE_MAX,
        kinds = parts.join("; ")
    )
}

/// Now against wished for: the bar chart and, beside it, the same figures
/// in a table with words, so nothing depends on seeing the picture.
#[component]
pub fn NowWishedFigure(
    /// The check-in to show.
    check_in: CheckIn,
) -> impl IntoView {
    let guide = checkin_guide();
    let all = gaps(&check_in, guide);
    let rows: Vec<BarRow> = all
        .iter()
        .map(|g| BarRow {
            label: g.kind.name.to_string(),
            now: g.rating.now,
            wished: g.rating.wished,
        })
        .collect();
    let label = now_wished_label(&check_in);
    let table_rows = all
        .into_iter()
        .map(|g| {
            let gap = match g.size() {
                0 => t!("none").to_string(),
                n if n > 0 => t!("{n} more", n = n),
                n => t!("{n} less", n = -n),
            };
            view! {
                <tr>
                    <th scope="row">{g.kind.name.clone()}</th>
                    <td>{rating_words(g.rating.now)}</td>
                    <td>{rating_words(g.rating.wished)}</td>
                    <td>{gap}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="figure">
            <div class="legend" aria-hidden="true">
                <span class="key key-now"></span>" "{t!("now")}" "
                <span class="key key-wished"></span>" "{t!("wished for")}
            </div>
            <Chart svg=now_and_wished(&rows, SCALE_MAX) label class="chart-bars"/>
            <details class="figures-table">
                <summary>{t!("The same figures in a table")}</summary>
                <ScrollTable label=t!("Now and wished for, in a table")>
                    <table class="figures">
                        <thead>
                            <tr><th scope="col">{t!("Kind")}</th><th scope="col">{t!("Now")}</th><th scope="col">{t!("Wished for")}</th><th scope="col">{t!("Gap")}</th></tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </ScrollTable>
            </details>
        </figure>
    }
}
