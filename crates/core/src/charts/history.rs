//! A value over a relationship's check-ins: a line through one point per
//! check-in, with a dated label under some of them.

use super::{num, Anchor, Shape, Svg, WIDTH};

/// One check-in's value and its date label (`2 Dec`).
#[derive(Debug, Clone, PartialEq)]
pub struct TimePoint {
    /// The date label.
    pub label: String,
    /// The value.
    pub value: f64,
}

const LEFT: f64 = 32.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 10.0;
const PLOT: f64 = 120.0;
const AXIS: f64 = 26.0;
/// Most date labels drawn, so they never run into each other at phone width.
pub const MAX_LABELS: usize = 5;

/// The x positions of `n` points, evenly spread (one point sits in the middle).
pub fn x_positions(n: usize) -> Vec<f64> {
    let plot = WIDTH - LEFT - RIGHT;
    match n {
        0 => Vec::new(),
        1 => vec![LEFT + plot / 2.0],
        _ => (0..n)
            .map(|i| LEFT + plot * i as f64 / (n - 1) as f64)
            .collect(),
    }
}

/// How far apart two labelled points must be: a date label (`28 Dec`) is
/// about 45 units wide, and the first and last hang outwards from their points.
const LABEL_SPACING: f64 = 64.0;

/// Which of `n` points get a date label: the first, the last, and others
/// between them that leave [`LABEL_SPACING`] on both sides, at most
/// [`MAX_LABELS`], so no two labels ever run into each other.
pub fn labelled(n: usize) -> Vec<usize> {
    let xs = x_positions(n);
    let Some(&last_x) = xs.last() else {
        return Vec::new();
    };
    let mut out = vec![0];
    let mut prev = xs[0];
    for (i, &x) in xs.iter().enumerate().take(n - 1).skip(1) {
        if out.len() + 1 >= MAX_LABELS {
            break;
        }
        if x - prev >= LABEL_SPACING && last_x - x >= LABEL_SPACING {
            out.push(i);
            prev = x;
        }
    }
    if n > 1 {
        out.push(n - 1);
    }
    out
}

/// The chart of `points` on a scale from `min` to `max`, with a grid line
/// and a tick at each of `ticks`; `class` styles the line and its points.
pub fn over_time(
    points: &[TimePoint],
    min: f64,
    max: f64,
    ticks: &[f64],
    class: &'static str,
) -> Svg {
    let span = if max > min { max - min } else { 1.0 };
    let y_of = |v: f64| TOP + PLOT - PLOT * ((v.clamp(min, max) - min) / span);
    let mut shapes = Vec::new();
    for &t in ticks {
        shapes.push(Shape::Line {
            x1: LEFT,
            y1: y_of(t),
            x2: WIDTH - RIGHT + 8.0,
            y2: y_of(t),
            class: if t == min { "axis" } else { "grid" },
        });
        shapes.push(Shape::Text {
            x: LEFT - 8.0,
            y: y_of(t) + 4.0,
            anchor: Anchor::End,
            class: "tick",
            text: num(t),
        });
    }
    let xs = x_positions(points.len());
    let path: Vec<String> = points
        .iter()
        .zip(&xs)
        .enumerate()
        .map(|(i, (p, x))| {
            format!(
                "{} {} {}",
                if i == 0 { "M" } else { "L" },
                num(*x),
                num(y_of(p.value))
            )
        })
        .collect();
    if points.len() > 1 {
        shapes.push(Shape::Path {
            d: path.join(" "),
            class,
        });
    }
    for (p, x) in points.iter().zip(&xs) {
        shapes.push(Shape::Circle {
            cx: *x,
            cy: y_of(p.value),
            r: 4.5,
            class,
        });
    }
    for i in labelled(points.len()) {
        let anchor = match (i, points.len()) {
            (_, 1) => Anchor::Middle,
            (0, _) => Anchor::Start,
            (i, n) if i == n - 1 => Anchor::End,
            _ => Anchor::Middle,
        };
        let x = match anchor {
            Anchor::Start => xs[i] - 6.0,
            Anchor::End => xs[i] + 6.0,
            Anchor::Middle => xs[i],
        };
        shapes.push(Shape::Text {
            x,
            y: TOP + PLOT + 20.0,
            anchor,
            class: "tick",
            text: points[i].label.clone(),
        });
    }
    Svg {
        width: WIDTH,
        height: TOP + PLOT + AXIS,
        shapes,
    }
}
