//! Views of the site-wide lists: decisions, supervision, the overview on the home page.

use serde::Serialize;

use super::*;
use crate::lifecycle::{Lifecycle, State};
use crate::model::Item;
use crate::site::routes::Route;

/// Every decision taken up to the day, newest first (then by council and matter). The
/// order is the same in every language, so it is kept once and rows are made per page.
pub fn decision_order(ctx: &Ctx<'_>) -> Vec<DecisionAt> {
    let mut out = Vec::new();
    for (ci, c) in ctx.site.councils.iter().enumerate() {
        let index = &ctx.derived.indexes[ci];
        for (mi, m) in c.meetings.iter().enumerate() {
            let Some(date) = &m.date else { continue };
            if date.value > ctx.today {
                continue;
            }
            for (ii, item) in m.items.iter().enumerate() {
                let (Some(_), Some(pid)) = (&item.outcome, &item.proposal) else {
                    continue;
                };
                if !item.is_decision() {
                    continue;
                }
                let Some(&pi) = index.get(&pid.value.to_ascii_lowercase()) else {
                    continue;
                };
                if ctx.lifecycle(ci, pi).is_none() {
                    continue;
                }
                out.push((
                    date.value,
                    DecisionAt {
                        ci,
                        mi,
                        item: ii,
                        pi,
                    },
                ));
            }
        }
    }
    let councils = &ctx.site.councils;
    out.sort_by(|(da, a), (db, b)| {
        db.cmp(da)
            .then_with(|| councils[a.ci].key.cmp(&councils[b.ci].key))
            .then_with(|| {
                let id = |d: &DecisionAt| councils[d.ci].proposals[d.pi].id();
                id(a).cmp(id(b))
            })
    });
    out.into_iter().map(|(_, d)| d).collect()
}

/// The rows of the decisions `at`, in `lang`.
pub fn decision_rows(ctx: &Ctx<'_>, lang: &str, at: &[DecisionAt]) -> Vec<DecisionRow> {
    at.iter()
        .map(|d| {
            let item = &ctx.site.councils[d.ci].meetings[d.mi].items[d.item];
            decision_row(ctx, lang, d.ci, d.mi, item, d.pi)
        })
        .collect()
}

/// Every decision taken up to the day, newest first (then by council and matter).
pub fn decisions(ctx: &Ctx<'_>, lang: &str) -> Vec<DecisionRow> {
    decision_rows(ctx, lang, &decision_order(ctx))
}

pub(crate) fn decision_row(
    ctx: &Ctx<'_>,
    lang: &str,
    ci: usize,
    mi: usize,
    item: &Item,
    pi: usize,
) -> DecisionRow {
    let c = &ctx.site.councils[ci];
    let m = &c.meetings[mi];
    DecisionRow {
        date: m
            .date
            .as_ref()
            .map(|d| d.value.to_string())
            .unwrap_or_default(),
        council: ctx.council_ref(lang, ci),
        matter: ctx.matter_link(lang, ci, pi),
        meeting_url: ctx.url(&Route::Meeting(ci, mi)),
        terms: ctx.terms(lang, item),
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Count {
    pub state: &'static str,
    pub count: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Overview {
    pub counts: Vec<Count>,
    pub total: usize,
    pub recent: Vec<DecisionRow>,
    pub overdue: Vec<MatterRow>,
    pub unanswered: Vec<MatterRow>,
    pub councils: Vec<CouncilSummary>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CouncilSummary {
    #[serde(flatten)]
    pub r#ref: CouncilRef,
    pub areas: Vec<AreaRef>,
    pub matters: usize,
    pub open: usize,
    pub overdue: usize,
    pub unanswered: usize,
}

pub fn all_rows(ctx: &Ctx<'_>, lang: &str) -> Vec<MatterRow> {
    let mut rows = Vec::new();
    for (ci, c) in ctx.site.councils.iter().enumerate() {
        for pi in 0..c.proposals.len() {
            rows.extend(matter_row(ctx, lang, ci, pi));
        }
    }
    rows
}

pub fn council_summaries(ctx: &Ctx<'_>, lang: &str) -> Vec<CouncilSummary> {
    ctx.site
        .councils
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let lcs: Vec<&Lifecycle> = ctx.derived.lifecycles[ci].iter().flatten().collect();
            CouncilSummary {
                r#ref: ctx.council_ref(lang, ci),
                areas: areas_above(ctx, lang, &c.key),
                matters: lcs.len(),
                open: lcs.iter().filter(|l| l.state.is_open()).count(),
                overdue: lcs.iter().filter(|l| l.overdue).count(),
                unanswered: lcs.iter().filter(|l| l.unanswered).count(),
            }
        })
        .collect()
}

pub fn overview(ctx: &Ctx<'_>, lang: &str) -> Overview {
    let rows = all_rows(ctx, lang);
    let counts = State::ALL
        .iter()
        .map(|s| Count {
            state: s.as_str(),
            count: rows.iter().filter(|r| r.state == s.as_str()).count(),
        })
        .collect();
    let mut overdue: Vec<MatterRow> = rows.iter().filter(|r| r.overdue).cloned().collect();
    overdue.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.url.cmp(&b.url)));
    let mut unanswered: Vec<MatterRow> = rows.iter().filter(|r| r.unanswered).cloned().collect();
    unanswered.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.url.cmp(&b.url)));
    let order = decision_order(ctx);
    let recent = decision_rows(ctx, lang, &order[..order.len().min(10)]);
    Overview {
        total: rows.len(),
        counts,
        recent,
        overdue,
        unanswered,
        councils: council_summaries(ctx, lang),
    }
}

/// Adopted matters for the supervision page: overdue first (most days late first), then by
/// due date.
pub fn supervision_order(ctx: &Ctx<'_>) -> Vec<(usize, usize)> {
    let mut keyed = Vec::new();
    for (ci, lcs) in ctx.derived.lifecycles.iter().enumerate() {
        for (pi, lc) in lcs.iter().enumerate() {
            let Some(lc) = lc else { continue };
            let supervised = matches!(
                lc.state.as_str(),
                "adopted" | "implementing" | "completed" | "accepted"
            );
            if !supervised || ctx.site.councils[ci].proposals[pi].submitted.is_none() {
                continue;
            }
            let late = lc
                .due
                .filter(|_| lc.overdue)
                .map(|d| (ctx.today - d).get_days());
            let url = ctx.url(&Route::Matter(ci, pi));
            keyed.push(((lc.overdue, late, lc.due, url), (ci, pi)));
        }
    }
    keyed.sort_by(|(a, _), (b, _)| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.cmp(&a.1))
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    keyed.into_iter().map(|(_, m)| m).collect()
}

/// Every published matter by its state and by the year it was submitted, newest first (then
/// by council and id): the search page's browse lists, for readers without JavaScript.
#[allow(clippy::type_complexity)]
pub fn browse_orders(
    ctx: &Ctx<'_>,
) -> (
    std::collections::BTreeMap<&'static str, Vec<(usize, usize)>>,
    std::collections::BTreeMap<i16, Vec<(usize, usize)>>,
) {
    let mut all = Vec::new();
    for (ci, lcs) in ctx.derived.lifecycles.iter().enumerate() {
        for (pi, lc) in lcs.iter().enumerate() {
            let (Some(lc), Some(s)) = (lc, &ctx.site.councils[ci].proposals[pi].submitted) else {
                continue;
            };
            all.push((s.value, ci, pi, lc.state.as_str()));
        }
    }
    let councils = &ctx.site.councils;
    all.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| councils[a.1].key.cmp(&councils[b.1].key))
            .then_with(|| {
                councils[a.1].proposals[a.2]
                    .id()
                    .cmp(councils[b.1].proposals[b.2].id())
            })
    });
    let (mut by_state, mut by_year) = (
        std::collections::BTreeMap::new(),
        std::collections::BTreeMap::new(),
    );
    for (date, ci, pi, state) in all {
        by_state
            .entry(state)
            .or_insert_with(Vec::new)
            .push((ci, pi));
        by_year
            .entry(date.year())
            .or_insert_with(Vec::new)
            .push((ci, pi));
    }
    (by_state, by_year)
}

/// The rows of the matters `at` (council, proposal), in `lang`.
pub fn matter_rows(ctx: &Ctx<'_>, lang: &str, at: &[(usize, usize)]) -> Vec<MatterRow> {
    at.iter()
        .filter_map(|&(ci, pi)| matter_row(ctx, lang, ci, pi))
        .collect()
}
