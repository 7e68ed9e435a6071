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
use crate::i18n::list;
use crate::model::{Meeting, Sp};
use crate::msg;
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
                    .diag(
                        ch.path.clone(),
                        msg!("record-deleted", author = &c.author, path = &ch.path),
                    )
                    .commit(&c.id)
                    .help(msg!("record-deleted-help")),
            ),
            ChangeKind::Renamed { from } if is_record(from) => {
                self.out.push(
                    record_deleted::RULE
                        .diag(
                            from.clone(),
                            msg!("record-renamed", author = &c.author, from, to = &ch.path),
                        )
                        .commit(&c.id)
                        .help(msg!("record-renamed-help")),
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
        let author = &c.author;
        let finding = match how {
            Arrival::Edited => msg!("decision-rewritten", author, changes = what),
            Arrival::Renamed => msg!("decision-rewritten-renamed", author, from, changes = what),
            Arrival::Restored => msg!("decision-rewritten-restored", author, changes = what),
        };
        let finding = match against {
            Some(commit) => msg!(
                "decision-rewritten-compared",
                finding,
                commit = &commit.to_string()[..10]
            ),
            None => finding,
        };
        self.out.push(
            decision_rewritten::RULE
                .diag(ch.path.clone(), finding)
                .at(&b.meta.source, span, msg!("changed-here-label"))
                .commit(&c.id)
                .help(msg!("decision-rewritten-help")),
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
                    .diag(
                        path,
                        msg!(
                            "dated-in-future",
                            committed = c.date,
                            author = &c.author,
                            date = date.value
                        ),
                    )
                    .at(&src, date.span.clone(), msg!("later-date-label"))
                    .commit(&c.id)
                    .help(msg!("dated-in-future-help")),
            );
        }
        if folder == "meetings" {
            let late = (c.date - date.value).get_days() as i64;
            if late > self.config.filing_days {
                self.out.push(
                    late_filing::RULE
                        .diag(
                            path,
                            msg!(
                                "late-filing",
                                date = date.value,
                                late,
                                committed = c.date,
                                limit = self.config.filing_days
                            ),
                        )
                        .at(&src, date.span.clone(), msg!("meeting-date-label"))
                        .commit(&c.id)
                        .help(msg!("late-filing-help")),
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
            why.push(msg!(
                "commit-author-after-commit",
                authored = c.author_date,
                committed = c.date
            ));
        }
        let latest = c.date.max(c.author_date);
        if latest > self.today {
            why.push(msg!(
                "commit-after-today",
                date = latest,
                today = self.today
            ));
        }
        if why.is_empty() {
            return;
        }
        self.out.push(
            dated_in_future::RULE
                .diag(
                    file,
                    msg!(
                        "commit-dated-in-future",
                        author = &c.author,
                        why = list(why)
                    ),
                )
                .commit(&c.id)
                .help(msg!("commit-dated-in-future-help")),
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
        "feedback" => crate::model::parse_feedback(stem, src, languages).0.date,
        _ => None,
    }
}
