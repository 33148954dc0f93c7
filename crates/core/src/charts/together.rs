//! Two people's answers side by side: per kind, a lane for each person on
//! the same scale, with a filled dot at "now", a ring at "wished for" and a
//! line between them, so the direction and size of each wish can be seen.
//! Dot and ring differ in shape, and the lanes are named in text, so
//! nothing depends on colour.

use super::{scale_lines, Anchor, Shape, Svg, WIDTH};

/// One kind: its name and both people's answers, `(now, wished)`.
#[derive(Debug, Clone, PartialEq)]
pub struct PairRow {
    /// The kind's name, drawn above its lanes.
    pub label: String,
    /// The person's own answer.
    pub mine: (u8, u8),
    /// The other person's answer.
    pub theirs: (u8, u8),
}

const LEFT: f64 = 84.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 4.0;
const LABEL: f64 = 20.0;
const LANE: f64 = 20.0;
const ROW_GAP: f64 = 12.0;
const AXIS: f64 = 24.0;
const DOT: f64 = 5.0;
const RING: f64 = 8.0;
/// The most characters of a lane's name drawn in the picture; the table
/// beside it has the whole name.
pub const LANE_NAME_CHARS: usize = 11;

/// A lane's name, cut to fit the left column.
fn lane_name(name: &str) -> String {
    if name.chars().count() <= LANE_NAME_CHARS {
        name.to_string()
    } else {
        let cut: String = name.chars().take(LANE_NAME_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// The picture for `rows` on a scale from 0 to `max`, the lanes named
/// `me` and `them`. Values above `max` are drawn at `max`.
pub fn side_by_side(rows: &[PairRow], max: u8, me: &str, them: &str) -> Svg {
    let max = max.max(1);
    let plot = WIDTH - LEFT - RIGHT;
    let x_of = |v: u8| LEFT + plot * f64::from(v.min(max)) / f64::from(max);
    let row_height = LABEL + 2.0 * LANE + ROW_GAP;
    let plot_bottom = TOP + (row_height * rows.len() as f64 - ROW_GAP).max(LABEL);
    let mut shapes = scale_lines(max, x_of, TOP + LABEL - 4.0, plot_bottom, "grid");
    let names = [lane_name(me), lane_name(them)];
    for (i, row) in rows.iter().enumerate() {
        let top = TOP + row_height * i as f64;
        shapes.push(Shape::Text {
            x: 0.0,
            y: top + LABEL - 6.0,
            anchor: Anchor::Start,
            class: "row-label",
            text: row.label.clone(),
        });
        let lanes = [
            (row.mine, "mine", &names[0]),
            (row.theirs, "theirs", &names[1]),
        ];
        for (lane, ((now, wished), who, name)) in lanes.into_iter().enumerate() {
            let y = top + LABEL + LANE * lane as f64 + LANE / 2.0;
            let (line, dot, ring) = match who {
                "mine" => ("span-mine", "dot-mine", "ring-mine"),
                _ => ("span-theirs", "dot-theirs", "ring-theirs"),
            };
            shapes.push(Shape::Text {
                x: LEFT - 12.0,
                y: y + 4.0,
                anchor: Anchor::End,
                class: "lane-name",
                text: name.clone(),
            });
            shapes.push(Shape::Line {
                x1: x_of(now),
                y1: y,
                x2: x_of(wished),
                y2: y,
                class: line,
            });
            shapes.push(Shape::Circle {
                cx: x_of(wished),
                cy: y,
                r: RING,
                class: ring,
            });
            shapes.push(Shape::Circle {
                cx: x_of(now),
                cy: y,
                r: DOT,
                class: dot,
            });
        }
    }
    Svg {
        width: WIDTH,
        height: plot_bottom + AXIS,
        shapes,
    }
}
