//! The geometry of every picture, as pure functions that return shapes with
//! numbers: no browser code. The views place these shapes in an `<svg>`;
//! [`Svg::markup`] writes the same shapes as SVG text for the snapshot
//! tests, so what is tested is what is drawn.
//!
//! Sizes are in viewBox units. Every chart is drawn for a width of
//! [`WIDTH`], and the page's style never shows it wider than [`WIDTH`] / 16
//! rem: one unit is one CSS pixel at the default text size, so text set in
//! units reads at that size on a phone (whose column is about as wide) and
//! on a desktop alike, and grows with the browser's text-size setting.

mod closeness;
mod history;
mod now_wished;
mod qr;
mod together;

pub use closeness::{centre_distance, closeness_picture, closeness_picture_of, CLOSENESS_WIDTH};
pub use history::{labelled, over_time, x_positions, TimePoint, MAX_LABELS};
pub use now_wished::{now_and_wished, BarRow};
pub use qr::{qr_code, qr_modules, QUIET_ZONE};
pub use together::{side_by_side, PairRow};

use std::fmt::Write;

/// The width every chart is laid out for.
pub const WIDTH: f64 = 340.0;

/// A picture: its viewBox size and what is drawn in it, back to front.
#[derive(Debug, Clone, PartialEq)]
pub struct Svg {
    /// The viewBox width.
    pub width: f64,
    /// The viewBox height.
    pub height: f64,
    /// The shapes, in drawing order.
    pub shapes: Vec<Shape>,
}

/// Where a text's `x` is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is where the text starts.
    Start,
    /// `x` is the text's middle.
    Middle,
    /// `x` is where the text ends.
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One shape. `class` names its role (`bar-now`, `grid`); the stylesheet
/// gives each role its colours for light and dark, and every role that
/// tells data apart also differs in shape or stroke, never in colour alone.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle with rounded corners.
    Rect {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Corner radius.
        rx: f64,
        /// Its role.
        class: &'static str,
    },
    /// A circle.
    Circle {
        /// Centre, x.
        cx: f64,
        /// Centre, y.
        cy: f64,
        /// Radius.
        r: f64,
        /// Its role.
        class: &'static str,
    },
    /// A straight line.
    Line {
        /// Start, x.
        x1: f64,
        /// Start, y.
        y1: f64,
        /// End, x.
        x2: f64,
        /// End, y.
        y2: f64,
        /// Its role.
        class: &'static str,
    },
    /// A path (`M 1 2 L 3 4`).
    Path {
        /// The path data.
        d: String,
        /// Its role.
        class: &'static str,
    },
    /// A line of text.
    Text {
        /// Anchor point, x.
        x: f64,
        /// Baseline, y.
        y: f64,
        /// Which part of the text `x` is.
        anchor: Anchor,
        /// Its role.
        class: &'static str,
        /// The words.
        text: String,
    },
}

/// The vertical lines of a 0-to-`max` scale from `top` to `bottom`, each
/// with its number below: the line at 0 has the role `zero`, the others
/// `grid`. Shared by the charts that put a scale along the x axis.
fn scale_lines(
    max: u8,
    x_of: impl Fn(u8) -> f64,
    top: f64,
    bottom: f64,
    zero: &'static str,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    for v in 0..=max {
        shapes.push(Shape::Line {
            x1: x_of(v),
            y1: top,
            x2: x_of(v),
            y2: bottom,
            class: if v == 0 { zero } else { "grid" },
        });
        shapes.push(Shape::Text {
            x: x_of(v),
            y: bottom + 17.0,
            anchor: Anchor::Middle,
            class: "tick",
            text: num(f64::from(v)),
        });
    }
    shapes
}

/// A number as SVG text: at most one decimal, no trailing `.0`.
pub fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Svg {
    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", num(self.width), num(self.height))
    }

    /// The picture as SVG text (text escaped), one shape per line: what the
    /// snapshot tests compare.
    pub fn markup(&self) -> String {
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{}\">\n",
            self.view_box()
        );
        for shape in self.shapes.iter() {
            // Writing to a String cannot fail.
            let _ = match shape {
                Shape::Rect { x, y, w, h, rx, class } => writeln!(
                    out,
                    "  <rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"/>",
                    num(*x),
                    num(*y),
                    num(*w),
                    num(*h),
                    num(*rx)
                ),
                Shape::Circle { cx, cy, r, class } => writeln!(
                    out,
                    "  <circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                    num(*cx),
                    num(*cy),
                    num(*r)
                ),
                Shape::Line { x1, y1, x2, y2, class } => writeln!(
                    out,
                    "  <line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                    num(*x1),
                    num(*y1),
                    num(*x2),
                    num(*y2)
                ),
                Shape::Path { d, class } => {
                    writeln!(out, "  <path class=\"{class}\" d=\"{d}\"/>")
                }
                Shape::Text { x, y, anchor, class, text } => writeln!(
                    out,
                    "  <text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>",
                    num(*x),
                    num(*y),
                    anchor.as_str(),
                    escape(text)
                ),
            };
        }
        out.push_str("</svg>\n");
        out
    }
}
