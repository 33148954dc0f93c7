//! The QR code of a share link: drawn from the modules, and read back by a
//! QR decoder (rqrr) from a picture of those modules, so what a phone
//! camera would see is checked, not only that something was drawn.
#![cfg(not(target_arch = "wasm32"))]

use closer_core::charts::{qr_code, qr_modules, Shape, QUIET_ZONE};

/// Paints the modules into a greyscale picture, `scale` pixels a module,
/// with the quiet zone, as a screen would show them.
fn picture(width: usize, dark: &[bool], scale: usize) -> (usize, Vec<u8>) {
    let side = (width + 2 * QUIET_ZONE) * scale;
    let mut pixels = vec![255u8; side * side];
    for (i, d) in dark.iter().enumerate() {
        if !*d {
            continue;
        }
        let (x, y) = (i % width + QUIET_ZONE, i / width + QUIET_ZONE);
        for dy in 0..scale {
            for dx in 0..scale {
                pixels[(y * scale + dy) * side + x * scale + dx] = 0;
            }
        }
    }
    (side, pixels)
}

fn read_back(text: &str) -> String {
    let (width, dark) = qr_modules(text).expect("fits a QR code");
    let (side, pixels) = picture(width, &dark, 4);
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| pixels[y * side + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    grids[0].decode().expect("the code reads").1
}

#[test]
fn a_share_link_reads_back_exactly() {
    for link in [
        "https://example.org/compare#040YXNTZA4TG6MV1DQSW6BCG",
        "http://127.0.0.1:8080/closer/compare#040YXNTZA4TG6MV1DQSW6BCGAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ] {
        assert_eq!(read_back(link), link);
    }
}

#[test]
fn the_path_covers_exactly_the_dark_modules() {
    let link = "https://example.org/compare#040YXNTZA4TG6MV1DQSW6BCG";
    let (width, dark) = qr_modules(link).unwrap();
    let svg = qr_code(link).unwrap();
    assert_eq!(svg.width, (width + 2 * QUIET_ZONE) as f64);
    let Shape::Path { d, .. } = &svg.shapes[1] else {
        panic!("the modules are one path");
    };
    // Each run is `M{x} {y}h{n}v1h-{n}z`.
    let mut painted = vec![false; width * width];
    for run in d.split('M').filter(|r| !r.is_empty()) {
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let n: usize = rest.split_once('v').unwrap().0.parse().unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        for i in 0..n {
            let cell = (y - QUIET_ZONE) * width + (x - QUIET_ZONE + i);
            assert!(!painted[cell], "painted twice");
            painted[cell] = true;
        }
    }
    assert_eq!(painted, dark);
}

#[test]
fn text_too_long_for_any_qr_code_draws_nothing() {
    assert!(qr_code(&"x".repeat(5000)).is_none());
}
