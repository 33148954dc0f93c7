//! The pictures' geometry: SVG snapshots of each chart (reviewed by eye once,
//! then compared on every run; a change fails until the snapshot is
//! accepted again), and the rules every drawing keeps whatever the data.
//!
//! To accept an intended change: `INSTA_UPDATE=always cargo test --test charts`,
//! then read the changed files under `tests/snapshots/` before committing.
#![cfg(not(target_arch = "wasm32"))]

mod guide;

use closer_core::charts::{
    centre_distance, closeness_picture, labelled, now_and_wished, num, over_time, x_positions,
    Anchor, BarRow, Shape, Svg, TimePoint, CLOSENESS_WIDTH, MAX_LABELS, WIDTH,
};
use closer_core::checkin::{CLOSENESS_MAX, SCALE_MAX};
use closer_core::time::{short_date, DAY};
use guide::checkin_guide;

/// The size of a chart text in viewBox units, by its role, as
/// `style/checkin.css` sets it (12 for a role it does not size).
fn font_size(class: &str) -> f64 {
    match class {
        "circle-label" => 11.0,
        "tick" | "bar-name" => 13.0,
        "bar-value" => 14.0,
        "row-label" => 15.0,
        _ => 12.0,
    }
}

/// A generous average width of one character, in ems, for checking that
/// text stays inside the picture.
const CHAR_EM: f64 = 0.6;

fn circles(svg: &Svg) -> Vec<(f64, f64, f64, &'static str)> {
    svg.shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Circle { cx, cy, r, class } => Some((*cx, *cy, *r, *class)),
            _ => None,
        })
        .collect()
}

fn rects(svg: &Svg) -> Vec<(f64, f64, f64, &'static str)> {
    svg.shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect { x, y, w, class, .. } => Some((*x, *y, *w, *class)),
            _ => None,
        })
        .collect()
}

fn texts(svg: &Svg) -> Vec<(f64, f64, Anchor, &'static str, &str)> {
    svg.shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text {
                x,
                y,
                anchor,
                class,
                text,
            } => Some((*x, *y, *anchor, *class, text.as_str())),
            _ => None,
        })
        .collect()
}

/// The horizontal extent a text takes, by its anchor and an estimate of its
/// width at `em` of its font size per character.
fn text_span(x: f64, anchor: Anchor, class: &str, text: &str, em: f64) -> (f64, f64) {
    let w = em * font_size(class) * text.chars().count() as f64;
    match anchor {
        Anchor::Start => (x, x + w),
        Anchor::Middle => (x - w / 2.0, x + w / 2.0),
        Anchor::End => (x - w, x),
    }
}

/// Every shape, text included, lies inside the viewBox.
fn assert_inside(svg: &Svg, what: &str) {
    let (w, h) = (svg.width, svg.height);
    let inside =
        |x: f64, y: f64| (-1e-9..=w + 1e-9).contains(&x) && (-1e-9..=h + 1e-9).contains(&y);
    for shape in svg.shapes.iter() {
        let ok = match shape {
            Shape::Rect { x, y, w, h, .. } => inside(*x, *y) && inside(x + w, y + h) && *w > 0.0,
            Shape::Circle { cx, cy, r, .. } => inside(cx - r, cy - r) && inside(cx + r, cy + r),
            Shape::Line { x1, y1, x2, y2, .. } => inside(*x1, *y1) && inside(*x2, *y2),
            Shape::Path { d, .. } => {
                let numbers: Vec<f64> = d
                    .split_whitespace()
                    .filter(|t| *t != "M" && *t != "L")
                    .map(|t| t.parse().unwrap())
                    .collect();
                numbers.len().is_multiple_of(2) && numbers.chunks(2).all(|p| inside(p[0], p[1]))
            }
            Shape::Text {
                x,
                y,
                anchor,
                class,
                text,
            } => {
                let (left, right) = text_span(*x, *anchor, class, text, CHAR_EM);
                // The baseline, the cap height above it and a descender below.
                let size = font_size(class);
                inside(left, *y - 0.75 * size) && inside(right, *y + 0.25 * size)
            }
        };
        assert!(ok, "{what}: {shape:?} is outside 0 0 {w} {h}");
    }
}

fn kinds_rows(values: &[(u8, u8)]) -> Vec<BarRow> {
    checkin_guide()
        .kinds
        .iter()
        .zip(values)
        .map(|(k, &(now, wished))| BarRow {
            label: k.name.to_string(),
            now,
            wished,
        })
        .collect()
}

const T: f64 = 1_796_000_000_000.0;

/// `n` weekly check-ins with dated labels and closeness values that wander.
fn weekly(n: usize) -> Vec<TimePoint> {
    (0..n)
        .map(|i| TimePoint {
            label: short_date(T + 7.0 * DAY * i as f64, 0),
            value: f64::from([3u8, 4, 4, 2, 5, 6, 7, 1][i % 8]),
        })
        .collect()
}

fn closeness_over_time(points: &[TimePoint]) -> Svg {
    let ticks: Vec<f64> = (1..=CLOSENESS_MAX).map(f64::from).collect();
    over_time(
        points,
        1.0,
        f64::from(CLOSENESS_MAX),
        &ticks,
        "line-closeness",
    )
}

// ---- snapshots ----

#[test]
fn closeness_pictures_snapshots() {
    for n in 1..=CLOSENESS_MAX {
        insta::assert_snapshot!(
            format!("closeness_picture_{n}"),
            closeness_picture(n).markup()
        );
    }
}

#[test]
fn now_and_wished_snapshot() {
    // Every value of the scale, 0 and the top included, now and wished for.
    let rows = kinds_rows(&[(0, 4), (4, 4), (1, 3), (2, 0), (3, 2)]);
    insta::assert_snapshot!("now_and_wished", now_and_wished(&rows, SCALE_MAX).markup());
    // No rows: the scale alone, in its box.
    insta::assert_snapshot!(
        "now_and_wished_empty",
        now_and_wished(&[], SCALE_MAX).markup()
    );
}

#[test]
fn over_time_snapshots() {
    // 1, 3 and 5: every point labelled; 6 and 8: labels only where there
    // is room; 20: the most labels.
    for n in [1, 3, 5, 6, 8, 20] {
        let svg = closeness_over_time(&weekly(n));
        insta::assert_snapshot!(format!("over_time_{n}_points"), svg.markup());
    }
}

// ---- the closeness picture ----

/// The distance between the two circles' centres as picture `n` draws them.
fn drawn_centre_distance(n: u8) -> f64 {
    let c = circles(&closeness_picture(n));
    assert_eq!(c.len(), 2);
    c[1].0 - c[0].0
}

#[test]
fn the_circles_move_closer_picture_by_picture() {
    let d: Vec<f64> = (1..=CLOSENESS_MAX).map(drawn_centre_distance).collect();
    // What is drawn is what `centre_distance` says, out of range included.
    for n in 0..=u8::MAX {
        assert!(
            (drawn_centre_distance(n) - centre_distance(n)).abs() < 1e-9,
            "picture {n}"
        );
    }
    assert_eq!(centre_distance(0), centre_distance(1));
    assert_eq!(centre_distance(200), centre_distance(CLOSENESS_MAX));
    for pair in d.windows(2) {
        assert!(pair[1] < pair[0], "not strictly closer: {d:?}");
    }
    let picture = closeness_picture(1);
    let c = circles(&picture);
    let r = c[0].2;
    assert_eq!(c[1].2, r, "both circles are the same size");
    assert_eq!(c[0].1, c[1].1, "side by side");
    assert_eq!((c[0].3, c[1].3), ("circle-you", "circle-them"));
    assert!(
        d[0] > 2.0 * r,
        "picture 1: apart, not touching ({} vs {})",
        d[0],
        2.0 * r
    );
    assert_eq!(d[1], 2.0 * r, "picture 2: just touching");
    assert!(d[2] < 2.0 * r, "picture 3: overlapping");
    assert!(d[6] > 0.0, "picture 7: almost one, but still two circles");
    assert!(d[6] < 0.5 * r);
    // From 2 on, the circles close by even steps.
    let steps: Vec<f64> = d[1..].windows(2).map(|p| p[0] - p[1]).collect();
    for s in &steps {
        assert!((s - steps[0]).abs() < 1e-9, "{steps:?}");
    }
    // Centred in the picture, always.
    for n in 1..=CLOSENESS_MAX {
        let c = circles(&closeness_picture(n));
        assert!(((c[0].0 + c[1].0) / 2.0 - CLOSENESS_WIDTH / 2.0).abs() < 1e-9);
        assert_eq!(closeness_picture(n).width, CLOSENESS_WIDTH);
    }
    // Out of range is drawn as the nearest picture.
    assert_eq!(closeness_picture(0), closeness_picture(1));
    assert_eq!(closeness_picture(8), closeness_picture(7));
    assert_eq!(closeness_picture(u8::MAX), closeness_picture(7));
}

#[test]
fn each_picture_says_which_circle_is_whom_under_it() {
    for n in 1..=CLOSENESS_MAX {
        let svg = closeness_picture(n);
        let c = circles(&svg);
        let t = texts(&svg);
        assert_eq!(t.iter().map(|t| t.4).collect::<Vec<_>>(), ["you", "them"]);
        for (label, circle) in t.iter().zip(&c) {
            assert!(
                (circle.0 - circle.2..=circle.0 + circle.2).contains(&label.0),
                "picture {n}: {:?} is not under its circle",
                label.4
            );
            assert!(
                label.1 > circle.1 + circle.2,
                "picture {n}: under the circles"
            );
            assert_eq!(label.2, Anchor::Middle);
        }
        // However much the circles overlap, the two words never touch.
        let you = text_span(t[0].0, t[0].2, t[0].3, t[0].4, CHAR_EM);
        let them = text_span(t[1].0, t[1].2, t[1].3, t[1].4, CHAR_EM);
        assert!(you.1 < them.0, "picture {n}: {you:?} runs into {them:?}");
        assert_inside(&svg, &format!("closeness picture {n}"));
    }
}

// ---- now and wished for ----

#[test]
fn bars_are_as_long_as_their_values() {
    let values: Vec<(u8, u8)> = vec![(0, 4), (1, 3), (2, 2), (3, 1), (4, 0)];
    let svg = now_and_wished(&kinds_rows(&values), SCALE_MAX);
    let bars = rects(&svg);
    assert_eq!(bars.len(), 2 * values.len());
    let full = bars
        .iter()
        .zip(values.iter().flat_map(|&(n, w)| [n, w]))
        .find(|(_, v)| *v == SCALE_MAX)
        .unwrap()
        .0
         .2;
    for (i, (&(x, _, w, class), v)) in bars
        .iter()
        .zip(values.iter().flat_map(|&(n, w)| [n, w]))
        .enumerate()
    {
        assert_eq!(class, if i % 2 == 0 { "bar-now" } else { "bar-wished" });
        assert_eq!(x, bars[0].0, "every bar starts at the axis");
        if v == 0 {
            // A 0 is a short stub, so it can be seen, shorter than a 1.
            assert!(w > 0.0 && w < full / f64::from(SCALE_MAX), "{w}");
        } else {
            let expected = full * f64::from(v) / f64::from(SCALE_MAX);
            assert!(
                (w - expected).abs() < 1e-9,
                "value {v}: width {w}, expected {expected}"
            );
        }
    }
    // The full bar reaches the last grid line.
    let last_grid = svg
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Line {
                x1, class: "grid", ..
            } => Some(*x1),
            _ => None,
        })
        .fold(f64::MIN, f64::max);
    assert!((bars[0].0 + full - last_grid).abs() < 1e-9);
    // Each bar's value is written after it.
    let t = texts(&svg);
    let values_written: Vec<&str> = t
        .iter()
        .filter(|t| t.3 == "bar-value")
        .map(|t| t.4)
        .collect();
    assert_eq!(
        values_written,
        ["0", "4", "1", "3", "2", "2", "3", "1", "4", "0"]
    );
    // Rows go down the page in order, each "now" above its "wished for".
    for pair in bars.windows(2) {
        assert!(pair[1].1 > pair[0].1);
    }
    assert_inside(&svg, "now and wished");
}

#[test]
fn one_grid_line_per_scale_point_and_values_above_the_top_drawn_at_the_top() {
    let svg = now_and_wished(&kinds_rows(&[(9, 200), (4, 4)]), SCALE_MAX);
    let lines = svg
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Line { .. }))
        .count();
    assert_eq!(lines, usize::from(SCALE_MAX) + 1);
    let ticks: Vec<&str> = texts(&svg)
        .into_iter()
        .filter(|t| t.3 == "tick")
        .map(|t| t.4)
        .collect();
    assert_eq!(ticks, ["0", "1", "2", "3", "4"]);
    let bars = rects(&svg);
    assert!(
        bars.iter().all(|b| b.2 == bars[0].2),
        "all drawn at the top"
    );
    assert!(texts(&svg)
        .iter()
        .filter(|t| t.3 == "bar-value")
        .all(|t| t.4 == "4"));
    assert_inside(&svg, "values above the top");
    // A zero top does not divide by zero.
    let flat = now_and_wished(&kinds_rows(&[(0, 0)]), 0);
    assert!(rects(&flat).iter().all(|b| b.2.is_finite() && b.2 > 0.0));
    // No rows at all: just the scale, inside its box.
    for max in [0, 1, SCALE_MAX, 10] {
        let empty = now_and_wished(&[], max);
        assert!(rects(&empty).is_empty());
        assert!(empty.height > 0.0);
        assert_inside(&empty, &format!("no rows, top {max}"));
        for shape in empty.shapes.iter() {
            if let Shape::Line { y1, y2, .. } = shape {
                assert!(y2 >= y1, "a grid line drawn upwards: {shape:?}");
            }
        }
    }
    assert!(now_and_wished(&kinds_rows(&[(1, 1)]), 4).height > now_and_wished(&[], 4).height);
    // Taller with more rows.
    assert!(
        now_and_wished(&kinds_rows(&[(1, 1); 5]), 4).height
            > now_and_wished(&kinds_rows(&[(1, 1); 2]), 4).height
    );
}

// ---- over time ----

/// The date labels drawn under the points, as (point index, anchor).
fn date_labels(svg: &Svg, points: &[TimePoint]) -> Vec<(usize, f64, Anchor)> {
    texts(svg)
        .into_iter()
        .filter_map(|(x, _, anchor, _, text)| {
            points
                .iter()
                .position(|p| p.label == text)
                .map(|i| (i, x, anchor))
        })
        .collect()
}

fn distinct_labels(n: usize) -> Vec<TimePoint> {
    (0..n)
        .map(|i| TimePoint {
            label: format!("D{i:02}"),
            value: (i % 7) as f64 + 1.0,
        })
        .collect()
}

/// How far apart two labelled points are at least (`LABEL_SPACING` in
/// `src/charts/history.rs`): a six-character date is about 43 units wide,
/// and the first and last hang 6 units outwards from their points.
const LABEL_SPACING: f64 = 64.0;

#[test]
fn labelled_points_are_at_least_64_apart_always_the_first_and_the_last() {
    assert_eq!(MAX_LABELS, 5);
    assert!(labelled(0).is_empty());
    assert!(x_positions(0).is_empty());
    assert_eq!(labelled(1), [0]);
    for n in 1..=60 {
        let xs = x_positions(n);
        let idx = labelled(n);
        assert_eq!(xs.len(), n);
        assert!(!idx.is_empty() && idx.len() <= MAX_LABELS, "{n}: {idx:?}");
        assert_eq!(idx[0], 0, "{n} points: the first");
        assert_eq!(*idx.last().unwrap(), n - 1, "{n} points: the last");
        for pair in idx.windows(2) {
            assert!(
                pair[1] > pair[0],
                "{n} points: in order, each once: {idx:?}"
            );
            let gap = xs[pair[1]] - xs[pair[0]];
            assert!(
                gap >= LABEL_SPACING,
                "{n} points: labels {pair:?} are {gap} apart"
            );
        }
        // No label left out needlessly: unless the most labels are drawn,
        // every point left unlabelled is too close to a labelled one.
        if idx.len() < MAX_LABELS {
            for i in (0..n).filter(|i| !idx.contains(i)) {
                let nearest = idx
                    .iter()
                    .map(|&j| (xs[i] - xs[j]).abs())
                    .fold(f64::MAX, f64::min);
                assert!(
                    nearest < LABEL_SPACING,
                    "{n} points: point {i} could have had a label too: {idx:?}"
                );
            }
        }
    }
    // Up to five points, every one is labelled (the plot is 284 wide).
    for n in 1..=MAX_LABELS {
        assert_eq!(labelled(n), (0..n).collect::<Vec<_>>(), "{n} points");
    }
    assert_eq!(labelled(6), [0, 2, 5]);
    assert_eq!(labelled(8), [0, 2, 4, 7]);
    assert_eq!(labelled(9), [0, 2, 4, 6, 8]);
    assert_eq!(labelled(60).len(), MAX_LABELS);
}

#[test]
fn the_chart_labels_exactly_the_labelled_points_under_them() {
    for n in 0..=60 {
        let points = distinct_labels(n);
        let svg = closeness_over_time(&points);
        let labels = date_labels(&svg, &points);
        let idx: Vec<usize> = labels.iter().map(|l| l.0).collect();
        assert_eq!(idx, labelled(n), "{n} points");
        // Each point is drawn at its x, and its label hangs from it: the
        // first starts 6 before it, the last ends 6 after it, others are
        // centred under it; a single point's label is centred.
        let xs = x_positions(n);
        let c = circles(&svg);
        assert_eq!(c.len(), n);
        for (circle, x) in c.iter().zip(&xs) {
            assert!((circle.0 - x).abs() < 1e-9);
        }
        for &(i, x, anchor) in &labels {
            let (want_anchor, want_x) = match i {
                _ if n == 1 => (Anchor::Middle, xs[i]),
                0 => (Anchor::Start, xs[i] - 6.0),
                i if i == n - 1 => (Anchor::End, xs[i] + 6.0),
                _ => (Anchor::Middle, xs[i]),
            };
            assert_eq!(anchor, want_anchor, "{n} points, label {i}");
            assert!((x - want_x).abs() < 1e-9, "{n} points, label {i}: {x}");
        }
        assert_inside(&svg, &format!("{n} points"));
        let dated = weekly(n);
        assert_inside(&closeness_over_time(&dated), &format!("{n} dated points"));
    }
}

#[test]
fn points_are_spread_evenly_and_placed_by_value() {
    // One point sits in the middle, with no line.
    let one = closeness_over_time(&weekly(1));
    let c = circles(&one);
    assert_eq!(c.len(), 1);
    assert!(!one.shapes.iter().any(|s| matches!(s, Shape::Path { .. })));
    let labels = date_labels(&one, &weekly(1));
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0].2, Anchor::Middle);
    assert!(
        (labels[0].1 - c[0].0).abs() < 1e-9,
        "the label is under the point"
    );

    // Several: evenly spaced, one circle per point, a line through them all.
    let points = weekly(8);
    let svg = closeness_over_time(&points);
    let c = circles(&svg);
    assert_eq!(c.len(), 8);
    let gaps: Vec<f64> = c.windows(2).map(|p| p[1].0 - p[0].0).collect();
    assert!(
        gaps.iter().all(|g| (g - gaps[0]).abs() < 1e-9 && *g > 0.0),
        "{gaps:?}"
    );
    assert!(
        (c[0].0 + c[7].0 - WIDTH).abs() < 20.0,
        "roughly centred: {} .. {}",
        c[0].0,
        c[7].0
    );
    // Higher values are higher up (smaller y); equal values level.
    for (a, b) in points
        .iter()
        .zip(&c)
        .flat_map(|x| points.iter().zip(&c).map(move |y| (x, y)))
    {
        let ((pa, ca), (pb, cb)) = (a, b);
        if pa.value > pb.value {
            assert!(ca.1 < cb.1);
        } else if pa.value == pb.value {
            assert_eq!(ca.1, cb.1);
        }
    }
    let path = svg
        .shapes
        .iter()
        .find_map(|s| match s {
            Shape::Path { d, class } => Some((d.clone(), *class)),
            _ => None,
        })
        .unwrap();
    assert_eq!(path.1, "line-closeness");
    assert_eq!(path.0.matches('M').count(), 1);
    assert_eq!(path.0.matches('L').count(), 7);
    assert!(path
        .0
        .starts_with(&format!("M {} {}", num(c[0].0), num(c[0].1))));
    // The first date starts at its point, the last ends at its point.
    let labels = date_labels(&svg, &points);
    assert_eq!(labels.first().unwrap().2, Anchor::Start);
    assert_eq!(labels.last().unwrap().2, Anchor::End);

    // The scale's ends are the plot's bottom and top; beyond them, clamped.
    let ends = closeness_over_time(&[
        TimePoint {
            label: "a".into(),
            value: 1.0,
        },
        TimePoint {
            label: "b".into(),
            value: 7.0,
        },
        TimePoint {
            label: "c".into(),
            value: -50.0,
        },
        TimePoint {
            label: "d".into(),
            value: 50.0,
        },
    ]);
    let c = circles(&ends);
    assert_eq!(c[0].1, c[2].1);
    assert_eq!(c[1].1, c[3].1);
    assert!(c[0].1 > c[1].1);
    let grid_ys: Vec<f64> = ends
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Line { y1, y2, .. } => {
                assert_eq!(y1, y2, "grid lines are level");
                Some(*y1)
            }
            _ => None,
        })
        .collect();
    assert_eq!(grid_ys.len(), 7, "one per tick");
    assert_eq!(grid_ys[0], c[0].1, "the lowest tick at the bottom");
    assert_eq!(grid_ys[6], c[1].1, "the highest at the top");
    assert_inside(&ends, "clamped");

    // No points at all: just the grid.
    let none = closeness_over_time(&[]);
    assert!(circles(&none).is_empty());
    assert_inside(&none, "no points");
    // A scale with no span does not divide by zero.
    let flat = over_time(&weekly(3), 2.0, 2.0, &[2.0], "line");
    assert!(circles(&flat).iter().all(|c| c.1.is_finite()));
}

// ---- markup ----

#[test]
fn text_is_escaped_in_the_markup_and_kept_as_written_in_the_shapes() {
    let nasty = r#"<&">"#;
    let svg = now_and_wished(
        &[BarRow {
            label: format!("{nasty}<script>alert(1)</script>"),
            now: 1,
            wished: 2,
        }],
        SCALE_MAX,
    );
    let markup = svg.markup();
    assert!(
        markup.contains("&lt;&amp;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{markup}"
    );
    assert!(!markup.contains(nasty));
    assert!(!markup.contains("<script>"));
    assert!(
        texts(&svg).iter().any(|t| t.4.starts_with(nasty)),
        "the shape holds the raw words"
    );
    let over = over_time(
        &[TimePoint {
            label: nasty.into(),
            value: 1.0,
        }],
        0.0,
        4.0,
        &[0.0, 4.0],
        "line",
    )
    .markup();
    assert!(over.contains(">&lt;&amp;&quot;&gt;</text>"), "{over}");
    // One element per line, opened and closed.
    assert!(markup.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 340 "));
    assert!(markup.ends_with("</svg>\n"));
    assert_eq!(
        markup.lines().count(),
        svg.shapes.len() + 2,
        "one line per shape"
    );
}

#[test]
fn numbers_are_written_with_at_most_one_decimal() {
    assert_eq!(num(0.0), "0");
    assert_eq!(num(-0.0), "0");
    assert_eq!(num(12.0), "12");
    assert_eq!(num(12.34), "12.3");
    assert_eq!(num(12.36), "12.4");
    assert_eq!(num(0.04), "0");
    assert_eq!(num(-3.5), "-3.5");
    assert_eq!(num(340.0), "340");
    assert_eq!(closeness_picture(1).view_box(), "0 0 100 64");
}

/// The date labels of every chart from 1 to 60 check-ins, each as wide as
/// `short_date` writes it at its widest ("28 May", six characters) at a
/// plain average of 0.55 em per character (13-unit text), leave a gap
/// between each other, reckoned from their anchors as drawn: the first
/// starts at its x, the last ends at its x, the others are centred on it.
#[test]
fn date_labels_never_run_into_each_other() {
    const EM: f64 = 0.55;
    assert_eq!(font_size("tick"), 13.0);
    let mut overlapping = Vec::new();
    for n in 1..=60 {
        let synthetic: Vec<TimePoint> = (0..n)
            .map(|i| TimePoint {
                label: format!("{} May", 10 + i % 20),
                value: 1.0,
            })
            .collect();
        // Real dates too: weekly check-ins, every label as short_date writes it.
        for points in [synthetic, weekly(n)] {
            let svg = closeness_over_time(&points);
            let labels: Vec<_> = texts(&svg)
                .into_iter()
                .filter(|t| t.1 > 140.0 && t.3 == "tick")
                .collect();
            assert_eq!(labels.len(), labelled(n).len(), "{n} points");
            let mut spans: Vec<(f64, f64)> = labels
                .into_iter()
                .map(|(x, _, anchor, class, text)| {
                    assert!(text.chars().count() <= 6, "{text:?}");
                    text_span(x, anchor, class, text, EM)
                })
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            for p in spans.windows(2) {
                if p[0].1 >= p[1].0 {
                    overlapping.push((n, p[0], p[1]));
                }
            }
        }
    }
    assert!(overlapping.is_empty(), "labels overlap: {overlapping:?}");
    // The same from the geometry alone, for the widest label (42.9 units):
    // a first label spans [x - 6, x + 36.9] and a middle one [x - 21.45,
    // x + 21.45], so those two points need over 58.35 between them (the
    // same for a middle one and the last); two middle ones need over 42.9.
    // Labelled points at least 64 apart leave a gap every time.
    let width = EM * 13.0 * 6.0;
    for n in 2..=60 {
        let xs = x_positions(n);
        let idx = labelled(n);
        let span = |k: usize| {
            let (i, x) = (idx[k], xs[idx[k]]);
            if i == 0 {
                (x - 6.0, x - 6.0 + width)
            } else if i == n - 1 {
                (x + 6.0 - width, x + 6.0)
            } else {
                (x - width / 2.0, x + width / 2.0)
            }
        };
        for k in 1..idx.len() {
            let gap = span(k).0 - span(k - 1).1;
            assert!(
                gap > 0.0,
                "{n} points: labels {} and {} overlap by {}",
                idx[k - 1],
                idx[k],
                -gap
            );
        }
    }
}

#[test]
fn the_side_by_side_picture_is_stable() {
    use closer_core::charts::{side_by_side, PairRow};
    let rows = vec![
        PairRow {
            label: "Physical".into(),
            mine: (2, 4),
            theirs: (2, 3),
        },
        PairRow {
            label: "Spiritual".into(),
            mine: (1, 1),
            theirs: (4, 0),
        },
    ];
    // A long name is cut to fit the lane's column.
    insta::assert_snapshot!(
        "side_by_side",
        side_by_side(&rows, SCALE_MAX, "you", "Alexandrinaaaaaa").markup()
    );
}
