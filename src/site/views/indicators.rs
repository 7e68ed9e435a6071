//! Views of the indicators (SPEC §8): a council's or an area's own, the table of every
//! council side by side grouped by area, and the charts of the `/indicators/` page.

use serde::Serialize;

use super::charts::{self, Chart};
use super::*;
use crate::indicators::{Indicators, Share, is_inside};
use crate::lifecycle::State;
use crate::lifecycle::chain::Track;
use crate::model::{Channel, Satisfaction};

/// A share for a page: `n` of `of`, and the rounded percentage (none when `of` is 0, which
/// pages show as "—").
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ShareView {
    pub n: usize,
    pub of: usize,
    pub percent: Option<usize>,
}

impl From<Share> for ShareView {
    fn from(s: Share) -> ShareView {
        ShareView {
            n: s.n,
            of: s.of,
            percent: (s.of > 0).then(|| (s.n * 100 + s.of / 2) / s.of),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct KeyCount {
    pub key: &'static str,
    pub count: usize,
}

/// The indicators of one set of matters, in the order pages show them.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorsView {
    pub matters: usize,
    /// Matters the council still owes an answer or work on.
    pub open: usize,
    pub response_days_median: Option<i64>,
    pub answered_on_time: ShareView,
    pub completed_on_time: ShareView,
    pub supervised: ShareView,
    pub feedback_given: ShareView,
    /// satisfied, basically-satisfied, unsatisfied.
    pub satisfaction: Vec<KeyCount>,
    /// Matters with a return visit.
    pub visited: usize,
    /// direct, joint, special.
    pub by_track: Vec<KeyCount>,
    pub overdue: usize,
    pub unanswered: usize,
}

pub fn indicators_view(i: &Indicators) -> IndicatorsView {
    let counts = |keys: &[&'static str], map: &std::collections::BTreeMap<&'static str, usize>| {
        keys.iter()
            .map(|k| KeyCount {
                key: k,
                count: map.get(k).copied().unwrap_or(0),
            })
            .collect::<Vec<_>>()
    };
    let tracks: Vec<&'static str> = Track::ALL.iter().map(|t| t.as_str()).collect();
    let satisfaction = counts(Satisfaction::ALL, &i.satisfaction);
    IndicatorsView {
        matters: i.matters,
        open: State::ALL
            .iter()
            .filter(|s| s.is_open())
            .map(|s| i.by_state.get(s.as_str()).copied().unwrap_or(0))
            .sum(),
        response_days_median: i.response_days_median,
        answered_on_time: i.answered_on_time.into(),
        completed_on_time: i.completed_on_time.into(),
        supervised: i.supervised.into(),
        feedback_given: i.feedback_given.into(),
        visited: satisfaction.iter().map(|k| k.count).sum(),
        satisfaction,
        by_track: counts(&tracks, &i.by_track),
        overdue: i.overdue,
        unanswered: i.unanswered,
    }
}

impl Ctx<'_> {
    /// The indicators of council `ci`.
    pub fn council_indicators(&self, ci: usize) -> IndicatorsView {
        let key = &self.site.councils[ci].key;
        indicators_view(&self.derived.indicators.councils[key])
    }
}

/// A council in a table of indicators.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorRow {
    pub council: CouncilRef,
    pub level: &'static str,
    pub ind: IndicatorsView,
}

/// The councils of one area in a table of indicators, and the area's totals.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorGroup {
    /// `None` for the councils in no area.
    pub area: Option<AreaRef>,
    pub rows: Vec<IndicatorRow>,
    /// The area's totals (every council at any depth below it).
    pub total: Option<IndicatorsView>,
}

fn row(ctx: &Ctx<'_>, lang: &str, ci: usize) -> IndicatorRow {
    IndicatorRow {
        council: ctx.council_ref(lang, ci),
        level: ctx.site.councils[ci].level.as_str(),
        ind: ctx.council_indicators(ci),
    }
}

fn area_ref(ctx: &Ctx<'_>, lang: &str, a: &crate::model::Area) -> AreaRef {
    AreaRef {
        key: a.key.clone(),
        name: ctx
            .text(lang, a.name.as_ref(), &a.translations, "name")
            .unwrap_or_else(|| ctx.plain(lang, &a.key)),
        url: ctx.url(&Route::Area(a.key.clone())),
    }
}

/// Every council grouped by the innermost area holding it (areas in folder order, councils
/// in no area last), each group with its area's totals.
pub fn indicator_groups(ctx: &Ctx<'_>, lang: &str) -> Vec<IndicatorGroup> {
    let site = ctx.site;
    let innermost = |key: &str| {
        site.areas
            .iter()
            .enumerate()
            .filter(|(_, a)| is_inside(key, &a.key))
            .max_by_key(|(_, a)| a.key.len())
            .map(|(i, _)| i)
    };
    let homes: Vec<Option<usize>> = site.councils.iter().map(|c| innermost(&c.key)).collect();
    let mut groups: Vec<IndicatorGroup> = site
        .areas
        .iter()
        .enumerate()
        .map(|(ai, a)| IndicatorGroup {
            area: Some(area_ref(ctx, lang, a)),
            rows: (0..site.councils.len())
                .filter(|&ci| homes[ci] == Some(ai))
                .map(|ci| row(ctx, lang, ci))
                .collect(),
            total: ctx
                .derived
                .indicators
                .areas
                .get(&a.key)
                .map(indicators_view),
        })
        .collect();
    let loose: Vec<IndicatorRow> = (0..site.councils.len())
        .filter(|&ci| homes[ci].is_none())
        .map(|ci| row(ctx, lang, ci))
        .collect();
    if !loose.is_empty() {
        groups.push(IndicatorGroup {
            area: None,
            rows: loose,
            total: None,
        });
    }
    // An area holding only other areas still shows its totals.
    groups.retain(|g| !g.rows.is_empty() || g.total.as_ref().is_some_and(|t| t.matters > 0));
    groups
}

/// Every council of area `a` (at any depth) and the area's totals, for its page.
pub fn area_indicators(ctx: &Ctx<'_>, lang: &str, a: &crate::model::Area) -> IndicatorGroup {
    IndicatorGroup {
        area: Some(area_ref(ctx, lang, a)),
        rows: (0..ctx.site.councils.len())
            .filter(|&ci| is_inside(&ctx.site.councils[ci].key, &a.key))
            .map(|ci| row(ctx, lang, ci))
            .collect(),
        total: ctx
            .derived
            .indicators
            .areas
            .get(&a.key)
            .map(indicators_view),
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorsPage {
    pub groups: Vec<IndicatorGroup>,
    pub site: IndicatorsView,
    pub charts: Vec<Chart>,
}

/// The `/indicators/` page: every council side by side, and the charts of the whole site.
pub fn indicators_page(ctx: &Ctx<'_>, lang: &str) -> IndicatorsPage {
    let all = &ctx.derived.indicators.site;
    let keyed = |keys: Vec<&'static str>, map: &std::collections::BTreeMap<&'static str, usize>| {
        keys.into_iter()
            .map(|k| (k.to_string(), None, vec![map.get(k).copied().unwrap_or(0)]))
            .collect::<Vec<_>>()
    };
    let states: Vec<&'static str> = State::ALL.iter().map(|s| s.as_str()).collect();
    let tracks: Vec<&'static str> = Track::ALL.iter().map(|t| t.as_str()).collect();
    let months = ctx
        .derived
        .monthly
        .iter()
        .map(|m| {
            let label = if lang.starts_with("zh") {
                format!("{}年{}月", m.year, m.month)
            } else {
                format!("{} {}", MONTHS[(m.month - 1) as usize], m.year)
            };
            (
                format!("{}-{:02}", m.year, m.month),
                Some(label),
                vec![m.submitted, m.decided],
            )
        })
        .collect();
    let charts = vec![
        charts::bars(
            "by-state",
            "state",
            vec!["matters"],
            keyed(states, &all.by_state),
        ),
        charts::bars(
            "by-channel",
            "channel",
            vec!["matters"],
            keyed(Channel::ALL.to_vec(), &all.by_channel),
        ),
        charts::bars(
            "by-track",
            "track",
            vec!["matters"],
            keyed(tracks, &all.by_track),
        ),
        charts::bars("monthly", "", vec!["submitted", "decided"], months),
    ];
    IndicatorsPage {
        groups: indicator_groups(ctx, lang),
        site: indicators_view(all),
        charts,
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
