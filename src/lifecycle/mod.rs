//! The derived lifecycle of a matter (SPEC §4): its state, never written by hand, follows
//! from its events in date order as of a day T.
//!
//! [`Timelines`] puts every proposal's events in order once (submission, meeting items,
//! reports, a withdrawal and return visits, by date; on one date submission first, then items
//! in file-name order, then reports in file-name order, then the withdrawal, then return
//! visits in file-name order); the rules walk these timelines, and [`derive`] folds one into a
//! [`Lifecycle`]. [`chain`] follows matters across councils (SPEC §8). Pure functions of the
//! model and a date: no I/O, no clock.

pub mod chain;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::model::{Action, Council, Outcome, Proposal, Satisfaction, Site, Status};

/// The state of a matter as of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Submitted,
    Deliberating,
    Adopted,
    Implementing,
    Completed,
    Accepted,
    Rejected,
    Referred,
    Withdrawn,
}

impl State {
    pub const ALL: [State; 9] = [
        State::Submitted,
        State::Deliberating,
        State::Adopted,
        State::Implementing,
        State::Completed,
        State::Accepted,
        State::Rejected,
        State::Referred,
        State::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Submitted => "submitted",
            State::Deliberating => "deliberating",
            State::Adopted => "adopted",
            State::Implementing => "implementing",
            State::Completed => "completed",
            State::Accepted => "accepted",
            State::Rejected => "rejected",
            State::Referred => "referred",
            State::Withdrawn => "withdrawn",
        }
    }

    /// The state written `s` (as records.json writes it).
    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the matter is final at its own council (SPEC §8): return visits may follow.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            State::Accepted | State::Rejected | State::Referred | State::Withdrawn
        )
    }

    /// Whether the council still owes residents something on this matter.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            State::Submitted | State::Deliberating | State::Adopted | State::Implementing
        )
    }
}

/// What happened to a matter, pointing into its council's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    Submitted,
    /// Item `item` of meeting `meeting` (indices into the council's lists).
    Item {
        meeting: usize,
        item: usize,
    },
    Report {
        report: usize,
    },
    Withdrawn,
    /// A return visit (index into the council's `feedback`).
    Feedback {
        feedback: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    pub date: Date,
    pub kind: EventKind,
}

impl Event {
    fn order_key<'c>(&self, council: &'c Council) -> (Date, u8, &'c str, usize) {
        match self.kind {
            EventKind::Submitted => (self.date, 0, "", 0),
            EventKind::Item { meeting, item } => (
                self.date,
                1,
                council.meetings[meeting].meta.stem.as_str(),
                item,
            ),
            EventKind::Report { report } => {
                (self.date, 2, council.reports[report].meta.stem.as_str(), 0)
            }
            EventKind::Withdrawn => (self.date, 3, "", 0),
            EventKind::Feedback { feedback } => (
                self.date,
                4,
                council.feedback[feedback].meta.stem.as_str(),
                0,
            ),
        }
    }
}

/// Every proposal's events in order, for every council (all dates, not only up to T).
#[derive(Clone, Debug, Default)]
pub struct Timelines {
    /// Per council (same order as `site.councils`): proposal index → events.
    pub councils: Vec<Vec<Vec<Event>>>,
}

impl Timelines {
    pub fn build(site: &Site) -> Timelines {
        Timelines {
            councils: site.councils.iter().map(council_timelines).collect(),
        }
    }

    /// Puts council `ci`'s events in order again (after its records changed).
    pub fn update_council(&mut self, site: &Site, ci: usize) {
        self.councils[ci] = council_timelines(&site.councils[ci]);
    }

    pub fn of(&self, council: usize, proposal: usize) -> &[Event] {
        &self.councils[council][proposal]
    }
}

/// Index of the proposal with id `id` (ids compare without case), for items, reports and
/// return visits.
pub fn proposal_index(council: &Council) -> HashMap<String, usize> {
    council
        .proposals
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id().to_ascii_lowercase(), i))
        .collect()
}

fn council_timelines(council: &Council) -> Vec<Vec<Event>> {
    let index = proposal_index(council);
    let mut out: Vec<Vec<Event>> = council
        .proposals
        .iter()
        .map(|p| {
            let mut ev = Vec::new();
            if let Some(s) = &p.submitted {
                ev.push(Event {
                    date: s.value,
                    kind: EventKind::Submitted,
                });
            }
            if let Some(w) = &p.withdrawn {
                ev.push(Event {
                    date: w.value,
                    kind: EventKind::Withdrawn,
                });
            }
            ev
        })
        .collect();
    for (mi, m) in council.meetings.iter().enumerate() {
        let Some(date) = &m.date else { continue };
        for (ii, item) in m.items.iter().enumerate() {
            let Some(pid) = &item.proposal else { continue };
            if let Some(&pi) = index.get(&pid.value.to_ascii_lowercase()) {
                out[pi].push(Event {
                    date: date.value,
                    kind: EventKind::Item {
                        meeting: mi,
                        item: ii,
                    },
                });
            }
        }
    }
    for (ri, r) in council.reports.iter().enumerate() {
        let (Some(date), Some(pid)) = (&r.date, &r.proposal) else {
            continue;
        };
        if let Some(&pi) = index.get(&pid.value.to_ascii_lowercase()) {
            out[pi].push(Event {
                date: date.value,
                kind: EventKind::Report { report: ri },
            });
        }
    }
    for (fi, f) in council.feedback.iter().enumerate() {
        let (Some(date), Some(pid)) = (&f.date, &f.proposal) else {
            continue;
        };
        if let Some(&pi) = index.get(&pid.value.to_ascii_lowercase()) {
            out[pi].push(Event {
                date: date.value,
                kind: EventKind::Feedback { feedback: fi },
            });
        }
    }
    for ev in &mut out {
        ev.sort_by(|a, b| a.order_key(council).cmp(&b.order_key(council)));
    }
    out
}

/// A matter's derived lifecycle as of a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lifecycle {
    pub state: State,
    pub overdue: bool,
    pub unanswered: bool,
    /// The implementation deadline of the adopting decision.
    pub due: Option<Date>,
    /// Progress of the latest report since adoption.
    pub progress: Option<u8>,
    /// The latest decision: (meeting index, item index).
    pub decision: Option<(usize, usize)>,
    /// The day the matter became final at its council (SPEC §8): the deciding item
    /// (rejected, referred), the first `accepted` report, or the withdrawal; `None` while it
    /// is not final.
    pub final_date: Option<Date>,
    /// The satisfaction recorded by the latest return visit, if any.
    pub feedback: Option<Satisfaction>,
    /// The events up to the day, in order.
    pub events: Vec<Event>,
}

/// Folds a proposal's timeline into its lifecycle as of `today` (SPEC §4). `None` for a
/// proposal that was not submitted yet on that day (or whose `submitted` is unknown).
pub fn derive(
    council: &Council,
    proposal: &Proposal,
    timeline: &[Event],
    today: Date,
    response_days: i64,
) -> Option<Lifecycle> {
    let submitted = proposal.submitted.as_ref()?.value;
    if submitted > today {
        return None;
    }
    let events: Vec<Event> = timeline
        .iter()
        .filter(|e| e.date <= today)
        .copied()
        .collect();
    let mut has_items = false;
    let mut decision: Option<(usize, usize, Outcome)> = None;
    let mut reports = 0;
    let mut latest_status = None;
    let mut accepted = false;
    let mut progress = None;
    let mut withdrawn = false;
    let mut final_date = None;
    let mut feedback = None;
    for e in &events {
        match e.kind {
            EventKind::Submitted => {}
            EventKind::Withdrawn => {
                withdrawn = true;
                final_date = final_date.or(Some(e.date));
            }
            // Acceptance is final (SPEC §4): a later item or report (which `already-decided`
            // and `report-after-acceptance` report) does not reopen the matter.
            EventKind::Item { .. } | EventKind::Report { .. } if accepted => {}
            EventKind::Item { meeting, item } => {
                has_items = true;
                let it = &council.meetings[meeting].items[item];
                // A decision after one that settled the matter (adopted, rejected, referred) is
                // `already-decided`: it does not undo the first.
                let settled = matches!(decision, Some((_, _, o)) if o != Outcome::Deferred);
                if matches!(it.action.as_deref(), Some(Action::Decide))
                    && !settled
                    && let Some(o) = &it.outcome
                {
                    decision = Some((meeting, item, o.value));
                    match o.value {
                        Outcome::Adopted => {
                            reports = 0;
                            latest_status = None;
                            accepted = false;
                            progress = None;
                        }
                        Outcome::Rejected | Outcome::Referred => {
                            final_date = final_date.or(Some(e.date));
                        }
                        Outcome::Deferred => {}
                    }
                }
            }
            EventKind::Report { report } => {
                if matches!(decision, Some((_, _, Outcome::Adopted))) {
                    let r = &council.reports[report];
                    reports += 1;
                    if let Some(s) = &r.status {
                        latest_status = Some(s.value);
                        if s.value == Status::Accepted && !accepted {
                            accepted = true;
                            final_date = final_date.or(Some(e.date));
                        }
                    }
                    if let Some(p) = &r.progress {
                        progress = Some(p.value);
                    }
                }
            }
            EventKind::Feedback { feedback: fi } => {
                if let Some(s) = &council.feedback[fi].satisfaction {
                    feedback = Some(s.value);
                }
            }
        }
    }
    let state = if withdrawn {
        State::Withdrawn
    } else if !has_items {
        State::Submitted
    } else {
        match decision.map(|d| d.2) {
            None | Some(Outcome::Deferred) => State::Deliberating,
            Some(Outcome::Rejected) => State::Rejected,
            Some(Outcome::Referred) => State::Referred,
            Some(Outcome::Adopted) if accepted => State::Accepted,
            Some(Outcome::Adopted) if latest_status == Some(Status::Completed) => State::Completed,
            Some(Outcome::Adopted) if reports > 0 => State::Implementing,
            Some(Outcome::Adopted) => State::Adopted,
        }
    };
    let due = match decision {
        Some((m, i, Outcome::Adopted)) => {
            council.meetings[m].items[i].due.as_ref().map(|d| d.value)
        }
        _ => None,
    };
    let adopted_family = matches!(
        state,
        State::Adopted | State::Implementing | State::Completed | State::Accepted
    );
    let overdue =
        matches!(state, State::Adopted | State::Implementing) && due.is_some_and(|d| today > d);
    let unanswered = state == State::Submitted
        && submitted
            .checked_add(jiff::Span::new().days(response_days))
            .is_ok_and(|limit| today > limit);
    Some(Lifecycle {
        state,
        overdue,
        unanswered,
        due: if adopted_family { due } else { None },
        progress: if adopted_family { progress } else { None },
        decision: decision.map(|(m, i, _)| (m, i)),
        final_date: final_date.filter(|_| state.is_final()),
        feedback,
        events,
    })
}

#[cfg(test)]
mod tests;
