//! The view of one matter: its timeline from submission on, with every event linked.

use jiff::civil::Date;
use serde::Serialize;

use super::*;
use crate::lifecycle::{EventKind, State};
use crate::model::Meeting;
use crate::site::routes::Route;

/// A step of a matter's timeline.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub date: String,
    /// `submitted`, `deliberated`, `decided`, `report`, `withdrawn`.
    pub kind: &'static str,
    pub url: String,
    #[serde(flatten)]
    pub terms: Terms,
    pub status: Option<&'static str>,
    pub progress: Option<u8>,
    pub meeting_title: Option<Text>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MatterView {
    #[serde(flatten)]
    pub row: MatterRow,
    pub proposer: Option<Text>,
    pub channel: &'static str,
    pub category: Option<Text>,
    pub withdrawn_reason: Option<Text>,
    pub timeline: Vec<Step>,
    /// The latest decision, if any.
    pub decision: Option<Step>,
    pub supervisors: Vec<PersonRef>,
    pub source: String,
}

pub fn matter(ctx: &Ctx<'_>, lang: &str, ci: usize, pi: usize) -> Option<MatterView> {
    let row = matter_row(ctx, lang, ci, pi)?;
    let c = &ctx.site.councils[ci];
    let p = &c.proposals[pi];
    let lc = ctx.lifecycle(ci, pi)?;
    let mut timeline = Vec::new();
    let mut decision = None;
    let mut supervisors = Vec::new();
    for e in &lc.events {
        let step = match e.kind {
            EventKind::Feedback { .. } => continue,
            EventKind::Submitted => {
                empty_step(e.date, "submitted", ctx.url(&Route::Matter(ci, pi)))
            }
            EventKind::Withdrawn => {
                empty_step(e.date, "withdrawn", ctx.url(&Route::Matter(ci, pi)))
            }
            EventKind::Item { meeting, item } => {
                let m = &c.meetings[meeting];
                let it = &m.items[item];
                let mut s = empty_step(
                    e.date,
                    if it.is_decision() {
                        "decided"
                    } else {
                        "deliberated"
                    },
                    ctx.url(&Route::Meeting(ci, meeting)),
                );
                s.meeting_title = meeting_title(ctx, lang, m);
                if it.is_decision() {
                    s.terms = ctx.terms(lang, it);
                    decision = Some(s.clone());
                    supervisors = it
                        .supervisors
                        .iter()
                        .map(|id| ctx.member_name(lang, c, &id.value))
                        .collect();
                }
                s
            }
            EventKind::Report { report } => {
                let r = &c.reports[report];
                let mut s = empty_step(e.date, "report", ctx.url(&Route::Report(ci, report)));
                s.status = r.status.as_ref().map(|x| x.value.as_str());
                s.progress = r.progress.as_ref().map(|x| x.value);
                s
            }
        };
        timeline.push(step);
    }
    Some(MatterView {
        row,
        proposer: ctx.text(lang, p.proposer.as_ref(), &p.translations, "proposer"),
        channel: p.channel.as_str(),
        category: ctx.text(lang, p.category.as_ref(), &p.translations, "category"),
        withdrawn_reason: if lc.state == State::Withdrawn {
            ctx.text(
                lang,
                p.withdrawn_reason.as_ref(),
                &p.translations,
                "withdrawn_reason",
            )
        } else {
            None
        },
        timeline,
        decision,
        supervisors,
        source: p.meta.source.path.clone(),
    })
}

pub(crate) fn empty_step(date: Date, kind: &'static str, url: String) -> Step {
    Step {
        date: date.to_string(),
        kind,
        url,
        terms: Terms::default(),
        status: None,
        progress: None,
        meeting_title: None,
    }
}

pub(crate) fn meeting_title(ctx: &Ctx<'_>, lang: &str, m: &Meeting) -> Option<Text> {
    ctx.text(lang, m.title.as_ref(), &m.translations, "title")
}
