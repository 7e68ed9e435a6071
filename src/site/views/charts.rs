//! Bar charts drawn at build time (SPEC §8): the geometry of horizontal bars in an SVG
//! `viewBox`, computed here; the theme's `charts.html` draws them with their labels, a
//! `<title>`, a `<desc>` and the numbers as a table beside.
//!
//! Bars are horizontal, each under its label, so that a Chinese label of any length fits a
//! 390 px phone: the picture scales with the page (`width: 100%`), and nothing needs a
//! script. See docs/design.md on why this is a few lines of our own and not a chart crate.

use serde::Serialize;

/// Width of the drawing, in `viewBox` units (the SVG scales to the width of the page).
pub const WIDTH: u32 = 320;
/// The longest bar: the rest of the width holds the number written after it.
const BAR_MAX: u32 = 260;
const LABEL: u32 = 19;
const BAR: u32 = 13;
const GAP: u32 = 3;
const ROW_GAP: u32 = 10;

/// One bar: its value, its length and where it sits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bar {
    /// The series it belongs to (a CSS class: `series-0`, `series-1`).
    pub series: usize,
    pub value: usize,
    pub y: u32,
    pub width: u32,
}

/// One category: its label and its bars (one per series).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Key of the label in the theme's strings (`t[chart.labels][key]`), or the label itself
    /// when `text` is set (months).
    pub key: String,
    pub text: Option<String>,
    /// Baseline of the label.
    pub label_y: u32,
    pub bars: Vec<Bar>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chart {
    /// The chart's id in the page and the key of its title and description in the strings.
    pub id: &'static str,
    /// Which table of strings names the rows (`state`, `channel`, `track`), if any.
    pub labels: &'static str,
    /// Keys of the series in `t.charts.series`.
    pub series: Vec<&'static str>,
    pub rows: Vec<Row>,
    pub width: u32,
    pub height: u32,
    /// The height of a bar.
    pub bar: u32,
    pub max: usize,
    pub total: usize,
}

/// A chart of `rows` (key or label text, one value per series). Bars are scaled to the
/// largest value; a value of zero has no bar, and its number says so.
pub fn bars(
    id: &'static str,
    labels: &'static str,
    series: Vec<&'static str>,
    rows: Vec<(String, Option<String>, Vec<usize>)>,
) -> Chart {
    let max = rows
        .iter()
        .flat_map(|(_, _, v)| v.iter().copied())
        .max()
        .unwrap_or(0);
    let per_row = LABEL + rows.first().map_or(1, |r| r.2.len() as u32) * (BAR + GAP) + ROW_GAP;
    let mut y = 0;
    let mut total = 0;
    let rows = rows
        .into_iter()
        .map(|(key, text, values)| {
            let label_y = y + LABEL - 5;
            let bars = values
                .iter()
                .enumerate()
                .map(|(series, &value)| {
                    total += value;
                    Bar {
                        series,
                        value,
                        y: y + LABEL + series as u32 * (BAR + GAP),
                        width: scaled(value, max),
                    }
                })
                .collect();
            y += per_row;
            Row {
                key,
                text,
                label_y,
                bars,
            }
        })
        .collect();
    Chart {
        id,
        labels,
        series,
        rows,
        width: WIDTH,
        height: y.saturating_sub(ROW_GAP).max(1),
        bar: BAR,
        max,
        total,
    }
}

/// The length of a bar of `value` when `max` fills [`BAR_MAX`]; at least 2 units for any
/// value above zero, so that a small count is still seen.
fn scaled(value: usize, max: usize) -> u32 {
    if value == 0 || max == 0 {
        return 0;
    }
    ((value as u64 * BAR_MAX as u64).div_ceil(max as u64) as u32).max(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_largest_value_and_stacked_under_their_labels() {
        let c = bars(
            "by-track",
            "track",
            vec!["matters"],
            vec![
                ("direct".into(), None, vec![10]),
                ("joint".into(), None, vec![5]),
                ("special".into(), None, vec![0]),
            ],
        );
        assert_eq!(c.max, 10);
        assert_eq!(c.total, 15);
        let widths: Vec<u32> = c.rows.iter().map(|r| r.bars[0].width).collect();
        assert_eq!(widths, [BAR_MAX, BAR_MAX / 2, 0]);
        assert!(c.rows[0].label_y < c.rows[0].bars[0].y);
        assert!(c.rows[0].bars[0].y + BAR < c.rows[1].label_y);
        assert!(c.rows[2].bars[0].y + BAR <= c.height);
    }

    #[test]
    fn a_chart_of_nothing_has_no_bars_and_a_small_value_is_still_seen() {
        let c = bars(
            "x",
            "state",
            vec!["a", "b"],
            vec![("k".into(), None, vec![0, 0])],
        );
        assert_eq!(c.rows[0].bars.len(), 2);
        assert!(c.rows[0].bars.iter().all(|b| b.width == 0));
        assert_eq!(scaled(1, 1000), 2);
    }
}
