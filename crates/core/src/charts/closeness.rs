//! The closeness picture: two circles, "you" and "them", from apart to
//! almost one (after the idea of the Inclusion of Other in the Self scale;
//! the drawing is this project's own).

use super::{Anchor, Shape, Svg};
use crate::checkin::CLOSENESS_MAX;

/// The viewBox width of one closeness picture.
pub const CLOSENESS_WIDTH: f64 = 100.0;
const HEIGHT: f64 = 64.0;
const R: f64 = 20.0;
const CY: f64 = 26.0;
/// How far each label's middle stays from the picture's middle at least.
const LABEL_GAP: f64 = 15.0;

/// The distance between the two centres for picture `n`: a clear gap at 1,
/// touching at 2, then closing evenly to a small offset at 7 (out-of-range
/// `n` is drawn as the nearest picture).
pub fn centre_distance(n: u8) -> f64 {
    let n = n.clamp(1, CLOSENESS_MAX);
    if n == 1 {
        2.0 * R + 8.0
    } else {
        let closest = 0.3 * R;
        let step = (2.0 * R - closest) / f64::from(CLOSENESS_MAX - 2);
        2.0 * R - step * f64::from(n - 2)
    }
}

/// Closeness picture `n` (1 to 7), with the words "you" and "them" under
/// the two circles, kept far enough apart to read when the circles overlap.
pub fn closeness_picture(n: u8) -> Svg {
    closeness_picture_of(n, crate::t!("you"), crate::t!("them"))
}

/// Closeness picture `n` with other words under the circles: a picture
/// someone else chose, where their own circle (the left) is "them".
pub fn closeness_picture_of(n: u8, left_word: &str, right_word: &str) -> Svg {
    let d = centre_distance(n);
    let mid = CLOSENESS_WIDTH / 2.0;
    let (left, right) = (mid - d / 2.0, mid + d / 2.0);
    Svg {
        width: CLOSENESS_WIDTH,
        height: HEIGHT,
        shapes: vec![
            Shape::Circle {
                cx: left,
                cy: CY,
                r: R,
                class: "circle-you",
            },
            Shape::Circle {
                cx: right,
                cy: CY,
                r: R,
                class: "circle-them",
            },
            Shape::Text {
                x: left.min(mid - LABEL_GAP),
                y: HEIGHT - 4.0,
                anchor: Anchor::Middle,
                class: "circle-label",
                text: left_word.into(),
            },
            Shape::Text {
                x: right.max(mid + LABEL_GAP + 2.0),
                y: HEIGHT - 4.0,
                anchor: Anchor::Middle,
                class: "circle-label",
                text: right_word.into(),
            },
        ],
    }
}
