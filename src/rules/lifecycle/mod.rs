//! Rules about the order of a matter's events (SPEC §4): nothing before submission, no
//! decision on a matter already decided, reports only on adopted matters and not after
//! acceptance, progress that does not go back; and the two flags, `overdue` and
//! `unanswered`, as of the day T.

pub mod already_decided;
pub mod before_submission;
pub mod overdue;
pub mod progress_incomplete;
pub mod progress_regressed;
pub mod report_after_acceptance;
pub mod report_before_adoption;
pub mod unanswered;

use jiff::civil::Date;

use crate::lifecycle::{Event, EventKind, Lifecycle, derive};
use crate::model::{Council, Item, Meeting, Outcome, Proposal, Report};
use crate::rules::Context;

/// Every matter of the councils in scope whose events can be ordered, with its lifecycle as
/// of `day` (matters not yet submitted on that day are skipped).
pub fn each_lifecycle<'a>(
    ctx: &Context<'a>,
    day: Date,
    mut f: impl FnMut(&'a Council, &'a Proposal, Lifecycle),
) {
    for (ci, c) in ctx.councils() {
        if !c.meetings_known() {
            continue;
        }
        for (pi, p) in c.proposals.iter().enumerate() {
            let timeline = ctx.timelines.of(ci, pi);
            if let Some(lc) = derive(c, p, timeline, day, ctx.site.config.response_days) {
                f(c, p, lc);
            }
        }
    }
}

/// One step of a walk over a matter's timeline, with what came before it.
pub struct Step<'a> {
    pub council: &'a Council,
    pub proposal: &'a Proposal,
    pub event: &'a Event,
    /// The latest decision before this event: meeting, item, outcome.
    pub decision: Option<(&'a Meeting, &'a Item, Outcome)>,
    /// The `accepted` report before this event, if any.
    pub accepted: Option<&'a Report>,
    /// The latest report (since the latest adoption) before this event.
    pub last_report: Option<&'a Report>,
    /// Whether the matter was withdrawn before this event.
    pub withdrawn: bool,
}

/// Walks every matter's full timeline (all dates, not only up to T: the order of records
/// does not depend on the day you look at them).
pub fn walk<'a>(ctx: &Context<'a>, mut f: impl FnMut(&Step<'a>)) {
    for (ci, council) in ctx.councils() {
        if !council.meetings_known() {
            continue;
        }
        for (pi, proposal) in council.proposals.iter().enumerate() {
            let mut decision = None;
            let mut accepted = None;
            let mut last_report = None;
            let mut withdrawn = false;
            for event in ctx.timelines.of(ci, pi) {
                f(&Step {
                    council,
                    proposal,
                    event,
                    decision,
                    accepted,
                    last_report,
                    withdrawn,
                });
                match event.kind {
                    EventKind::Submitted | EventKind::Feedback { .. } => {}
                    EventKind::Withdrawn => withdrawn = true,
                    EventKind::Item { meeting, item } => {
                        let m = &council.meetings[meeting];
                        let it = &m.items[item];
                        if it.is_decision()
                            && let Some(o) = &it.outcome
                        {
                            decision = Some((m, it, o.value));
                            if o.value == Outcome::Adopted {
                                last_report = None;
                                accepted = None;
                            }
                        }
                    }
                    EventKind::Report { report } => {
                        let r = &council.reports[report];
                        if r.status
                            .as_ref()
                            .is_some_and(|s| s.value == crate::model::Status::Accepted)
                            && accepted.is_none()
                        {
                            accepted = Some(r);
                        }
                        last_report = Some(r);
                    }
                }
            }
        }
    }
}
