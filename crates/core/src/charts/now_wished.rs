//! Now against wished for: a pair of bars per kind, the "now" bar filled
//! and the "wished for" bar outlined with a dashed edge, so the two differ
//! in shape as well as colour, on a grid with one line per scale point.

use super::{num, scale_lines, Anchor, Shape, Svg, WIDTH};

/// One row of the chart: a kind and its two values.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The kind's name, drawn above its bars.
    pub label: String,
    /// How much there is now, 0 to the scale's top.
    pub now: u8,
    /// How much is wished for.
    pub wished: u8,
}

const LEFT: f64 = 84.0;
const RIGHT: f64 = 18.0;
const TOP: f64 = 4.0;
const LABEL: f64 = 20.0;
const BAR: f64 = 16.0;
const BETWEEN: f64 = 4.0;
const ROW_GAP: f64 = 12.0;
const AXIS: f64 = 24.0;

/// The chart for `rows` on a scale from 0 to `max` (values above `max` are
/// drawn at `max`). A bar of 0 is a short stub, so every value can be seen.
pub fn now_and_wished(rows: &[BarRow], max: u8) -> Svg {
    let max = max.max(1);
    let plot = WIDTH - LEFT - RIGHT;
    let x_of = |v: u8| LEFT + plot * f64::from(v.min(max)) / f64::from(max);
    let row_height = LABEL + 2.0 * BAR + BETWEEN + ROW_GAP;
    let plot_bottom =
        TOP + LABEL + (row_height * rows.len() as f64 - LABEL - ROW_GAP + 4.0).max(0.0);
    let mut shapes = scale_lines(max, x_of, TOP + LABEL - 4.0, plot_bottom, "axis");
    for (i, row) in rows.iter().enumerate() {
        let top = TOP + row_height * i as f64;
        shapes.push(Shape::Text {
            x: 0.0,
            y: top + LABEL - 6.0,
            anchor: Anchor::Start,
            class: "row-label",
            text: row.label.clone(),
        });
        let bars = [
            (crate::t!("now"), row.now, "bar-now", top + LABEL),
            (
                crate::t!("wished for"),
                row.wished,
                "bar-wished",
                top + LABEL + BAR + BETWEEN,
            ),
        ];
        for (name, value, class, y) in bars {
            shapes.push(Shape::Text {
                x: LEFT - 6.0,
                y: y + BAR - 4.0,
                anchor: Anchor::End,
                class: "bar-name",
                text: name.into(),
            });
            let w = (x_of(value) - LEFT).max(3.0);
            shapes.push(Shape::Rect {
                x: LEFT,
                y,
                w,
                h: BAR,
                rx: 2.0,
                class,
            });
            shapes.push(Shape::Text {
                x: LEFT + w + 4.0,
                y: y + BAR - 4.0,
                anchor: Anchor::Start,
                class: "bar-value",
                text: num(f64::from(value.min(max))),
            });
        }
    }
    Svg {
        width: WIDTH,
        height: plot_bottom + AXIS,
        shapes,
    }
}
