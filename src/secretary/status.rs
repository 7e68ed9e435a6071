//! `council status`: what each council still owes residents, as of a day: matters waiting
//! for an answer, matters under deliberation, overdue implementations, deadlines in the next
//! 30 days, adopted matters that no supervisor has reported on for `supervision_days`, and
//! final matters whose residents have not been visited yet (SPEC §8).

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use crate::check::{CheckOptions, check};
use crate::diag::Severity;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::lifecycle::{EventKind, State, derive};
use crate::msg;

#[derive(Clone, Debug)]
pub struct StatusOptions {
    pub path: PathBuf,
    pub today: Option<Date>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub state: &'static str,
    /// Days waiting, late, left or without a report, depending on the list.
    pub days: i64,
    /// The date the days count from or to.
    pub date: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct CouncilStatus {
    pub key: String,
    pub name: String,
    pub unanswered: Vec<Row>,
    pub deliberating: Vec<Row>,
    pub overdue: Vec<Row>,
    pub due_soon: Vec<Row>,
    pub unsupervised: Vec<Row>,
    /// Final matters without a return visit: days since the outcome.
    pub awaiting_visit: Vec<Row>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Status {
    pub as_of: String,
    /// site.toml `[lifecycle]`: the days after which a matter counts as unsupervised, and
    /// within which residents should be visited.
    pub supervision_days: i64,
    pub feedback_days: i64,
    /// Errors in the records: the lists may be incomplete until they are fixed.
    pub errors: usize,
    pub councils: Vec<CouncilStatus>,
}

/// How far ahead deadlines are listed.
pub const DUE_SOON_DAYS: i64 = 30;

pub fn status(opts: &StatusOptions) -> Result<Status, Error> {
    let checked = check(&CheckOptions {
        path: opts.path.clone(),
        today: opts.today,
    })?;
    let site = &checked.site;
    let today = checked.today;
    let days = |a: Date, b: Date| (b - a).get_days() as i64;
    let mut councils = Vec::new();
    for (ci, c) in site.councils.iter().enumerate() {
        let mut s = CouncilStatus {
            key: c.key.clone(),
            name: c.name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
            ..Default::default()
        };
        for (pi, p) in c.proposals.iter().enumerate() {
            let Some(lc) = derive(
                c,
                p,
                checked.timelines.of(ci, pi),
                today,
                site.config.response_days,
            ) else {
                continue;
            };
            let submitted = p.submitted.as_ref().map(|d| d.value).unwrap_or(today);
            let row = |d: i64, date: Date| Row {
                id: p.id().to_string(),
                title: p
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
                state: lc.state.as_str(),
                days: d,
                date: date.to_string(),
            };
            match lc.state {
                State::Submitted if lc.unanswered => {
                    s.unanswered.push(row(days(submitted, today), submitted))
                }
                State::Deliberating => {
                    let since = lc.events.last().map(|e| e.date).unwrap_or(submitted);
                    s.deliberating.push(row(days(since, today), since));
                }
                State::Adopted | State::Implementing => {
                    if let Some(due) = lc.due {
                        if lc.overdue {
                            s.overdue.push(row(days(due, today), due));
                        } else if days(today, due) <= DUE_SOON_DAYS {
                            s.due_soon.push(row(days(today, due), due));
                        }
                    }
                    // The last supervision since adoption, or the adoption itself.
                    let last = lc
                        .events
                        .iter()
                        .rev()
                        .find(|e| {
                            matches!(e.kind, EventKind::Report { .. })
                                || lc.decision.is_some_and(|(m, i)| {
                                    e.kind
                                        == EventKind::Item {
                                            meeting: m,
                                            item: i,
                                        }
                                })
                        })
                        .map(|e| e.date)
                        .unwrap_or(submitted);
                    if days(last, today) > site.config.supervision_days {
                        s.unsupervised.push(row(days(last, today), last));
                    }
                }
                _ => {}
            }
            let visited = lc
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Feedback { .. }));
            if let Some(fin) = lc.final_date.filter(|_| !visited) {
                s.awaiting_visit.push(row(days(fin, today), fin));
            }
        }
        for list in [
            &mut s.unanswered,
            &mut s.deliberating,
            &mut s.overdue,
            &mut s.unsupervised,
            &mut s.awaiting_visit,
        ] {
            list.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.id.cmp(&b.id)));
        }
        s.due_soon
            .sort_by(|a, b| a.days.cmp(&b.days).then_with(|| a.id.cmp(&b.id)));
        councils.push(s);
    }
    Ok(Status {
        as_of: today.to_string(),
        supervision_days: site.config.supervision_days,
        feedback_days: site.config.feedback_days,
        errors: checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        councils,
    })
}

/// Display width of a string in a terminal (CJK characters take two columns).
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// One list of a council's status: its name, its rows, and how each row's days are said.
type List<'a> = (Msg, &'a Vec<Row>, fn(i64) -> Msg);

/// The status as aligned tables, one per council, in `lang`.
pub fn human(s: &Status, lang: Lang) -> String {
    let mut out = msg!("status-as-of", date = s.as_of.as_str()).render(lang);
    out.push('\n');
    if s.errors > 0 {
        out.push_str(&msg!("status-errors-note", errors = s.errors).render(lang));
        out.push('\n');
    }
    for c in &s.councils {
        out.push_str(&format!("\n{}  {}\n", c.key, c.name));
        let lists: [List<'_>; 6] = [
            (msg!("status-unanswered"), &c.unanswered, |days| {
                msg!("status-days-waiting", days)
            }),
            (msg!("status-overdue"), &c.overdue, |days| {
                msg!("status-days-late", days)
            }),
            (
                msg!("status-due-soon", days = DUE_SOON_DAYS),
                &c.due_soon,
                |days| msg!("status-days-left", days),
            ),
            (
                msg!("status-unsupervised", days = s.supervision_days),
                &c.unsupervised,
                |days| msg!("status-days-since", days),
            ),
            (msg!("status-awaiting-visit"), &c.awaiting_visit, |days| {
                msg!("status-days-since-outcome", days)
            }),
            (msg!("status-deliberating"), &c.deliberating, |days| {
                msg!("status-days-since", days)
            }),
        ];
        if lists.iter().all(|(_, rows, _)| rows.is_empty()) {
            out.push_str(&format!("  {}\n", msg!("status-nothing-owed").render(lang)));
            continue;
        }
        // One table per council, so the columns line up across its lists.
        let all: Vec<(String, &Row, String)> = lists
            .iter()
            .flat_map(|(l, rows, unit)| {
                let l = l.render(lang);
                rows.iter()
                    .map(move |r| (l.clone(), r, unit(r.days).render(lang)))
            })
            .collect();
        let w_list = all.iter().map(|(l, _, _)| width(l)).max().unwrap_or(0);
        let w_id = all.iter().map(|(_, r, _)| width(&r.id)).max().unwrap_or(0);
        let w_title = all
            .iter()
            .map(|(_, r, _)| width(&r.title))
            .max()
            .unwrap_or(0)
            .min(40);
        let w_days = all.iter().map(|(_, _, d)| width(d)).max().unwrap_or(0);
        for (list, r, days) in &all {
            let title: String = if width(&r.title) > 40 {
                let mut t = String::new();
                for ch in r.title.chars() {
                    if width(&t) + width(&ch.to_string()) > 39 {
                        break;
                    }
                    t.push(ch);
                }
                t + "…"
            } else {
                r.title.clone()
            };
            out.push_str(&format!(
                "  {}  {}  {}  {}{days} ({})\n",
                pad(list, w_list),
                pad(&r.id, w_id),
                pad(&title, w_title),
                " ".repeat(w_days.saturating_sub(width(days))),
                r.date
            ));
        }
    }
    out
}
