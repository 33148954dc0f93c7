//! The QR code of a share link: the `qrcode` crate finds the modules, and
//! this draws them as one path (a run of dark modules in a row is one
//! rectangle) on a light square with the standard quiet zone, so phones
//! can read it in light and dark mode alike.

use super::{Shape, Svg};
use qrcode::{Color, EcLevel, QrCode};

/// The light margin around the code, in modules (the standard's minimum).
pub const QUIET_ZONE: usize = 4;

/// The code's modules for `text`, row by row (`true` is dark), and the
/// number of modules on a side; `None` if the text is too long for any QR
/// code. Error correction M: a smudge or a glare of up to 15% still reads.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((code.width(), dark))
}

/// The QR code of `text` as a picture, one unit per module, or `None` if
/// the text is too long for a QR code.
pub fn qr_code(text: &str) -> Option<Svg> {
    let (width, dark) = qr_modules(text)?;
    let side = (width + 2 * QUIET_ZONE) as f64;
    let mut d = String::new();
    for (y, row) in dark.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            d.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE,
                x - start,
                x - start
            ));
        }
    }
    Some(Svg {
        width: side,
        height: side,
        shapes: vec![
            Shape::Rect {
                x: 0.0,
                y: 0.0,
                w: side,
                h: side,
                rx: 0.0,
                class: "qr-light",
            },
            Shape::Path {
                d,
                class: "qr-dark",
            },
        ],
    })
}
