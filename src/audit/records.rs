//! The rules about what a commit does to records: `record-deleted`, `decision-rewritten`,
//! `late-filing` and `dated-in-future` (for records and for the commit's own dates).
//!
//! A record keeps its history through renames (found by similarity, as git finds them) and
//! through a deletion and a restore; decisions are compared with the last version that
//! could be read, so a broken version in between hides nothing.

use std::sync::Arc;

use git2::Oid;

use super::decisions::decision_changes;
use super::history::{Change, ChangeKind, CommitInfo};
use super::{Auditor, is_meeting, is_record};
use crate::diag::Source;
use crate::model::{Meeting, Sp};
use crate::rules::history::{dated_in_future, decision_rewritten, late_filing, record_deleted};

/// An author date more than this after its own commit's date is not clock skew.
const AUTHOR_AHEAD_SECONDS: i64 = 3600;

/// How a meeting record's new version came to be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arrival {
    Edited,
    Renamed,
    Restored,
}

impl Auditor<'_> {
    pub(super) fn change(&mut self, c: &CommitInfo, ch: &Change) {
        match &ch.kind {
            ChangeKind::Deleted if is_record(&ch.path) => self.out.push(
                record_deleted::RULE
                    .diag(ch.path.clone(), format!("commit by {} deletes the committed record `{}`", c.author, ch.path))
                    .commit(&c.id)
                    .help("records are never deleted: a matter no longer pursued gets `withdrawn` and `withdrawn_reason`"),
            ),
            ChangeKind::Renamed { from } if is_record(from) => {
                self.out.push(
                    record_deleted::RULE
                        .diag(from.clone(), format!("commit by {} renames the committed record `{from}` to `{}`", c.author, ch.path))
                        .commit(&c.id)
                        .help("renaming a record breaks every link and reference to it; keep its name"),
                );
                // The record keeps its first commit: the new name is not a late filing.
                self.seen.insert(ch.path.clone());
                if is_meeting(from) && is_meeting(&ch.path) {
                    self.decisions(c, ch, from, Arrival::Renamed);
                }
            }
            ChangeKind::Modified if is_meeting(&ch.path) => {
                self.decisions(c, ch, &ch.path, Arrival::Edited);
            }
            // Added, or moved here from a file that was not a record.
            ChangeKind::Added | ChangeKind::Renamed { .. } if is_record(&ch.path) => {
                if self.seen.insert(ch.path.clone()) {
                    self.first_committed(c, &ch.path, ch.new);
                } else if is_meeting(&ch.path) {
                    self.decisions(c, ch, &ch.path, Arrival::Restored);
                }
            }
            _ => {}
        }
    }

    /// `decision-rewritten`: the decisions of the new version against the old one, or, when
    /// the old one cannot be read (broken TOML, not UTF-8, deleted), against the last
    /// version that could.
    fn decisions(&mut self, c: &CommitInfo, ch: &Change, from: &str, how: Arrival) {
        let Some(new) = ch.new else { return };
        // A version that cannot be read is judged when it is fixed.
        let Some(b) = self.repo.meeting(new, &ch.path, &self.languages) else {
            return;
        };
        let old = ch
            .old
            .and_then(|o| self.repo.meeting(o, from, &self.languages));
        let (a, against): (Arc<Meeting>, Option<Oid>) = match old {
            Some(a) => (a, None),
            None => {
                let Some(found) = c.first_parent.and_then(|p| {
                    self.repo.last_readable_meeting(
                        p,
                        from,
                        &self.languages,
                        how == Arrival::Restored,
                    )
                }) else {
                    return;
                };
                (found.1, Some(found.0))
            }
        };
        let Some((what, span)) = decision_changes(&a, &b) else {
            return;
        };
        let verb = match how {
            Arrival::Edited => "rewrites committed minutes".to_string(),
            Arrival::Renamed => format!("renames the minutes `{from}` and rewrites them"),
            Arrival::Restored => "restores deleted minutes with other decisions".to_string(),
        };
        let compared = against
            .map(|commit| {
                format!(
                    " (compared with the last version that could be read, in commit {})",
                    &commit.to_string()[..10]
                )
            })
            .unwrap_or_default();
        self.out.push(
            decision_rewritten::RULE
                .diag(ch.path.clone(), format!("commit by {} {verb}: {what}{compared}", c.author))
                .at(&b.meta.source, span, "changed here")
                .commit(&c.id)
                .help("decisions are not edited after the fact; if the minutes were wrong, say so in the commit message and have the council confirm the correction"),
        );
    }

    /// The rules about a record's first commit: dated in the future, minutes filed late.
    fn first_committed(&mut self, c: &CommitInfo, path: &str, blob: Option<Oid>) {
        let Some(blob) = blob else { return };
        if !path.ends_with(".md") {
            return;
        }
        let Some(src) = self.repo.source(blob, path) else {
            return;
        };
        let folder = path.rsplit('/').nth(1).unwrap_or("");
        let Some(date) = record_date(folder, path, &src, &self.languages) else {
            return;
        };
        if date.value > c.date {
            self.out.push(
                dated_in_future::RULE
                    .diag(path, format!("first committed on {} by {}, but dated {}", c.date, c.author, date.value))
                    .at(&src, date.span.clone(), "a later date")
                    .commit(&c.id)
                    .help("correct the date if it is a typo; records are committed after the meeting or event they record"),
            );
        }
        if folder == "meetings" {
            let late = (c.date - date.value).get_days() as i64;
            if late > self.config.filing_days {
                self.out.push(
                    late_filing::RULE
                        .diag(path, format!("minutes of {} first committed {late} days later, on {} (limit {} days)", date.value, c.date, self.config.filing_days))
                        .at(&src, date.span.clone(), "meeting date")
                        .commit(&c.id)
                        .help("commit minutes within a week of the meeting; for old minutes entered late, say so in the commit message"),
                );
            }
        }
    }

    /// `dated-in-future` for the commit itself: an author date after its own commit date, or
    /// either date after today. The rules read commit dates, so a forged one is a finding.
    pub(super) fn commit_dates(&mut self, c: &CommitInfo) {
        let Some(file) = c.changes.first().map(|ch| ch.path.clone()) else {
            return;
        };
        let mut why = Vec::new();
        if c.authored_at > c.committed_at + AUTHOR_AHEAD_SECONDS {
            why.push(format!(
                "its author date {} is after its own commit date {}",
                c.author_date, c.date
            ));
        }
        let latest = c.date.max(c.author_date);
        if latest > self.today {
            why.push(format!(
                "it is dated {latest}, after today ({})",
                self.today
            ));
        }
        if why.is_empty() {
            return;
        }
        self.out.push(
            dated_in_future::RULE
                .diag(file, format!("commit by {} is dated in the future: {}", c.author, why.join("; ")))
                .commit(&c.id)
                .help("the rules judge commits by their dates: check the clock of the computer that made the commit, and never commit with `--date` in the future"),
        );
    }
}

/// The date a record is about, by its folder: a proposal's `submitted`, a meeting's or a
/// report's `date`. (A new record kind adds its folder here.)
fn record_date(
    folder: &str,
    path: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> Option<Sp<jiff::civil::Date>> {
    let stem = path
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md");
    match folder {
        "proposals" => {
            crate::model::parse_proposal(stem, src, languages)
                .0
                .submitted
        }
        "meetings" => crate::model::parse_meeting(stem, src, languages).0.date,
        "reports" => crate::model::parse_report(stem, src, languages).0.date,
        _ => None,
    }
}
