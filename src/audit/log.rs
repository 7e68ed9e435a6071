//! `council log <council key>/<id>`: the story of one matter from git. Every commit that
//! touches its proposal, the meeting items about it or its reports, with the date, the
//! author's name (never the e-mail), the signature status and every field that changed.
//!
//! Only the council's own folder is compared from commit to commit, so a log costs a small
//! part of a full audit. The proposal is followed through renames; items are paired by what
//! they are, never by their position in the file.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use super::decisions::item_fields;
use super::history::{Change, ChangeKind, CommitInfo, Repo, WalkOptions};
use super::{config_at, keys_of, open_history, signature};
use crate::error::Error;
use crate::i18n::{Lang, Msg, list};
use crate::model::{
    Feedback, Item, Meeting, Report, Sp, parse_feedback, parse_proposal, parse_report,
};
use crate::msg;

#[derive(Clone, Debug)]
pub struct LogOptions {
    pub path: PathBuf,
    /// `<council key>/<id>`.
    pub matter: String,
    /// The language of the text.
    pub lang: Lang,
}

/// The story of the matter, as text.
pub fn log(opts: &LogOptions) -> Result<String, Error> {
    let lang = opts.lang;
    let repo = open_history(&opts.path)?;
    let (key, id) = opts
        .matter
        .rsplit_once('/')
        .ok_or_else(|| Error::usage(msg!("matter-not-key-id", matter = &opts.matter)))?;
    let head = repo
        .repo
        .head()
        .ok()
        .and_then(|h| h.peel_to_tree().ok())
        .map(|t| t.id());
    let languages = config_at(&repo, head).languages;
    let folder = format!("councils/{key}");
    let commits = repo.walk(&WalkOptions {
        only: Some(&folder),
        changed_only: true,
        ..WalkOptions::default()
    })?;
    let matter = Matter::follow(&commits, key, id);
    let story = Story {
        repo: &repo,
        matter: &matter,
        languages: &languages,
    };
    let mut out = String::new();
    let mut title = None;
    let mut entries = 0;
    for c in &commits {
        let mut lines = Vec::new();
        for ch in &c.changes {
            lines.extend(story.lines(ch, &mut title));
        }
        if lines.is_empty() {
            continue;
        }
        entries += 1;
        let status = status_of(&repo, c, key, &languages);
        let _ = writeln!(
            out,
            "{}  {}  {}  {}",
            c.date,
            &c.id[..10],
            c.author,
            status.label().render(lang)
        );
        for l in lines {
            let _ = writeln!(out, "    {}", l.render(lang));
        }
    }
    if entries == 0 {
        return Err(Error::usage(msg!(
            "log-no-commit",
            matter = format!("{key}/{id}")
        )));
    }
    let head = format!(
        "{key}/{id}{}\n{}\n\n",
        title.map(|t| format!(" — {t}")).unwrap_or_default(),
        msg!("log-commits", count = entries).render(lang)
    );
    Ok(head + &out)
}

/// The signature status of a commit, against the keys of the author's member in the
/// council as it was before the commit (or as the commit creates it).
pub fn status_of(
    repo: &Repo,
    c: &CommitInfo,
    key: &str,
    languages: &[String],
) -> signature::SigStatus {
    let council = c
        .parent_tree
        .and_then(|t| repo.council_at(t, key, languages))
        .or_else(|| repo.council_at(c.tree, key, languages));
    let who = super::authorship::Identity::of(c, &repo.mailmap_in(c.parent_tree));
    let keys = council
        .as_deref()
        .map(|co| keys_of(co, &who.emails()))
        .unwrap_or_default();
    signature::check(&repo.repo, c.oid, &keys)
}

/// The matter under every name it had: the proposal's paths (followed back through renames)
/// and ids (a renamed proposal file is a new id for the items written after).
struct Matter {
    council: String,
    paths: BTreeSet<String>,
    ids: BTreeSet<String>,
}

impl Matter {
    fn follow(commits: &[CommitInfo], key: &str, id: &str) -> Matter {
        let mut current = format!("councils/{key}/proposals/{id}.md");
        let mut m = Matter {
            council: format!("councils/{key}/"),
            paths: BTreeSet::from([current.clone()]),
            ids: BTreeSet::from([id.to_string()]),
        };
        for c in commits.iter().rev() {
            for ch in &c.changes {
                if let ChangeKind::Renamed { from } = &ch.kind
                    && ch.path == current
                    && let Some(stem) = m.proposal_stem(from)
                {
                    m.ids.insert(stem.to_string());
                    m.paths.insert(from.clone());
                    current = from.clone();
                }
            }
        }
        m
    }

    /// The id of a proposal file of this council (`proposals/<id>.md`).
    fn proposal_stem<'p>(&self, path: &'p str) -> Option<&'p str> {
        path.strip_prefix(&self.council)?
            .strip_prefix("proposals/")?
            .strip_suffix(".md")
            .filter(|s| !s.contains('/') && !s.contains('.'))
    }

    /// Whether `path` is the proposal or one of its translations (`<id>.<lang>.md`).
    fn is_proposal(&self, path: &str) -> bool {
        let Some(name) = path
            .strip_prefix(&self.council)
            .and_then(|p| p.strip_prefix("proposals/"))
        else {
            return false;
        };
        let stem = name.trim_end_matches(".md");
        let id = stem.split('.').next().unwrap_or(stem);
        self.ids.contains(id) && (self.paths.contains(path) || stem.contains('.'))
    }

    fn is_about(&self, proposal: &Option<Sp<String>>) -> bool {
        proposal
            .as_ref()
            .is_some_and(|p| self.ids.contains(&p.value))
    }
}

struct Story<'a> {
    repo: &'a Repo,
    matter: &'a Matter,
    languages: &'a [String],
}

/// What happened to a file, with its path: "added councils/…".
fn verb(ch: &Change) -> Msg {
    let path = &ch.path;
    match &ch.kind {
        ChangeKind::Added => msg!("log-added", path),
        ChangeKind::Modified => msg!("log-changed", path),
        ChangeKind::Deleted => msg!("log-deleted", path),
        ChangeKind::Renamed { from } => msg!("log-renamed", from, path),
    }
}

/// `  field a → b` when the two differ.
fn field(out: &mut Vec<Msg>, name: &str, a: String, b: String) {
    if a != b {
        out.push(msg!(
            "log-field-change",
            field = name,
            before = or_none(&a),
            after = or_none(&b)
        ));
    }
}

/// `  field -gone +came` for two lists read as sets.
fn set_field(out: &mut Vec<Msg>, name: &str, a: &[Sp<String>], b: &[Sp<String>]) {
    let (a, b): (BTreeSet<&str>, BTreeSet<&str>) = (
        a.iter().map(|s| s.value.as_str()).collect(),
        b.iter().map(|s| s.value.as_str()).collect(),
    );
    if a != b {
        let gone = a.difference(&b).map(|s| format!("-{s}"));
        let came = b.difference(&a).map(|s| format!("+{s}"));
        let changes = gone.chain(came).collect::<Vec<_>>().join(" ");
        out.push(msg!("log-set-change", field = name, changes));
    }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "—" } else { s }
}

fn text<T: std::fmt::Display>(x: &Option<Sp<T>>) -> String {
    x.as_ref().map(|v| v.value.to_string()).unwrap_or_default()
}

fn body_of(meta: &crate::model::RecordMeta, body: &crate::model::Body) -> String {
    meta.source.text[body.span.clone()].to_string()
}

impl Story<'_> {
    fn lines(&self, ch: &Change, title: &mut Option<String>) -> Vec<Msg> {
        let from = match &ch.kind {
            ChangeKind::Renamed { from } => from.as_str(),
            _ => ch.path.as_str(),
        };
        let Some(rest) = ch.path.strip_prefix(&self.matter.council) else {
            return Vec::new();
        };
        match rest.split_once('/').map(|(f, _)| f) {
            Some("proposals")
                if self.matter.is_proposal(&ch.path) || self.matter.is_proposal(from) =>
            {
                self.proposal_lines(ch, from, title)
            }
            Some("meetings") => self.meeting_lines(ch, from),
            Some("reports") => self.report_lines(ch, from),
            Some("feedback") => self.feedback_lines(ch, from),
            _ => Vec::new(),
        }
    }

    fn proposal_lines(&self, ch: &Change, from: &str, title: &mut Option<String>) -> Vec<Msg> {
        let stem = |p: &str| {
            let name = p.rsplit('/').next().unwrap_or("").trim_end_matches(".md");
            name.split('.').next().unwrap_or(name).to_string()
        };
        let parse = |blob: Option<git2::Oid>, path: &str| {
            blob.and_then(|b| self.repo.source(b, path))
                .map(|src| parse_proposal(&stem(path), &src, self.languages).0)
        };
        let (old, new) = (parse(ch.old, from), parse(ch.new, &ch.path));
        if let Some(t) = new.as_ref().and_then(|p| p.title.as_ref())
            && !ch.path.trim_end_matches(".md").contains('.')
        {
            *title = Some(t.value.clone());
        }
        let mut out = vec![verb(ch)];
        if let (Some(o), Some(n)) = (&old, &new) {
            field(&mut out, "title", text(&o.title), text(&n.title));
            field(
                &mut out,
                "submitted",
                text(&o.submitted),
                text(&n.submitted),
            );
            field(&mut out, "proposer", text(&o.proposer), text(&n.proposer));
            field(
                &mut out,
                "channel",
                o.channel.to_string(),
                n.channel.to_string(),
            );
            field(&mut out, "category", text(&o.category), text(&n.category));
            field(
                &mut out,
                "withdrawn",
                text(&o.withdrawn),
                text(&n.withdrawn),
            );
            field(
                &mut out,
                "withdrawn_reason",
                text(&o.withdrawn_reason),
                text(&n.withdrawn_reason),
            );
            if body_of(&o.meta, &o.body) != body_of(&n.meta, &n.body) {
                out.push(msg!("log-text-changed"));
            }
        }
        out
    }

    fn meeting_lines(&self, ch: &Change, from: &str) -> Vec<Msg> {
        let old = ch
            .old
            .and_then(|b| self.repo.meeting(b, from, self.languages));
        let new = ch
            .new
            .and_then(|b| self.repo.meeting(b, &ch.path, self.languages));
        let (oi, ni) = (
            self.items_about(old.as_deref()),
            self.items_about(new.as_deref()),
        );
        if oi.is_empty() && ni.is_empty() {
            return Vec::new();
        }
        let date = new
            .as_deref()
            .or(old.as_deref())
            .map(|m| text(&m.date))
            .unwrap_or_default();
        let mut out = vec![msg!("log-minutes-of", change = verb(ch), date)];
        if let (Some(o), Some(n)) = (old.as_deref(), new.as_deref()) {
            field(&mut out, "date", text(&o.date), text(&n.date));
            field(&mut out, "chair", text(&o.chair), text(&n.chair));
            field(&mut out, "recorder", text(&o.recorder), text(&n.recorder));
            let present = |m: &Meeting| {
                m.present
                    .as_ref()
                    .map(|p| p.value.clone())
                    .unwrap_or_default()
            };
            set_field(&mut out, "present", &present(o), &present(n));
            set_field(&mut out, "absent", &o.absent, &n.absent);
        }
        let (pairs, removed, added) = pair_items(&oi, &ni);
        for (a, b) in pairs {
            let mut lines = Vec::new();
            field(&mut lines, "action", text(&a.action), text(&b.action));
            for (name, x, y, _) in item_fields(a, b) {
                if x != y {
                    lines.push(msg!(
                        "log-field-change",
                        field = name,
                        before = x,
                        after = y
                    ));
                }
            }
            field(
                &mut lines,
                "referred_to",
                text(&a.referred_to),
                text(&b.referred_to),
            );
            set_field(&mut lines, "supervisors", &a.supervisors, &b.supervisors);
            out.extend(lines);
        }
        let (only_new, only_old) = (old.is_none(), new.is_none());
        for i in removed {
            out.push(match only_old {
                true => msg!("log-indented", line = describe(i)),
                false => msg!("log-removed", item = describe(i)),
            });
        }
        for i in added {
            out.push(match only_new {
                true => msg!("log-indented", line = describe(i)),
                false => msg!("log-added-item", item = describe(i)),
            });
        }
        out
    }

    fn items_about<'m>(&self, m: Option<&'m Meeting>) -> Vec<&'m Item> {
        m.map(|m| {
            m.items
                .iter()
                .filter(|i| self.matter.is_about(&i.proposal))
                .collect()
        })
        .unwrap_or_default()
    }

    /// A return visit about the matter: added (with its satisfaction), or what changed.
    fn feedback_lines(&self, ch: &Change, from: &str) -> Vec<Msg> {
        let parse = |blob: Option<git2::Oid>, path: &str| {
            let stem = path
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".md");
            blob.and_then(|b| self.repo.source(b, path))
                .map(|src| parse_feedback(stem, &src, self.languages).0)
        };
        let (old, new) = (parse(ch.old, from), parse(ch.new, &ch.path));
        let about = |f: &Option<Feedback>| {
            f.as_ref()
                .is_some_and(|f| self.matter.is_about(&f.proposal))
        };
        if !about(&old) && !about(&new) {
            return Vec::new();
        }
        let mut out = vec![verb(ch)];
        match (&old, &new) {
            (None, Some(n)) => out.push(msg!("log-feedback", satisfaction = text(&n.satisfaction))),
            (Some(o), Some(n)) => {
                field(&mut out, "proposal", text(&o.proposal), text(&n.proposal));
                field(&mut out, "date", text(&o.date), text(&n.date));
                set_field(&mut out, "by", &o.by, &n.by);
                field(
                    &mut out,
                    "satisfaction",
                    text(&o.satisfaction),
                    text(&n.satisfaction),
                );
                if body_of(&o.meta, &o.body) != body_of(&n.meta, &n.body) {
                    out.push(msg!("log-text-changed"));
                }
            }
            _ => {}
        }
        out
    }

    fn report_lines(&self, ch: &Change, from: &str) -> Vec<Msg> {
        let parse = |blob: Option<git2::Oid>, path: &str| {
            let stem = path
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".md");
            blob.and_then(|b| self.repo.source(b, path))
                .map(|src| parse_report(stem, &src, self.languages).0)
        };
        let (old, new) = (parse(ch.old, from), parse(ch.new, &ch.path));
        let about = |r: &Option<Report>| {
            r.as_ref()
                .is_some_and(|r| self.matter.is_about(&r.proposal))
        };
        if !about(&old) && !about(&new) {
            return Vec::new();
        }
        let mut out = vec![verb(ch)];
        match (&old, &new) {
            (None, Some(n)) => out.push(msg!(
                "log-report",
                status = text(&n.status),
                progress = n.progress.as_ref().map(|p| p.value).unwrap_or(0)
            )),
            (Some(o), Some(n)) => {
                if about(&old) != about(&new) {
                    let (before, after) = (text(&o.proposal), text(&n.proposal));
                    let (before, after) = (or_none(&before), or_none(&after));
                    out.push(match about(&new) {
                        true => msg!("log-report-moved-here", before, after),
                        false => msg!("log-report-moved-away", before, after),
                    });
                } else {
                    field(&mut out, "proposal", text(&o.proposal), text(&n.proposal));
                }
                field(&mut out, "date", text(&o.date), text(&n.date));
                set_field(&mut out, "by", &o.by, &n.by);
                field(&mut out, "status", text(&o.status), text(&n.status));
                let pct = |r: &Report| {
                    r.progress
                        .as_ref()
                        .map(|p| format!("{}%", p.value))
                        .unwrap_or_default()
                };
                field(&mut out, "progress", pct(o), pct(n));
                if body_of(&o.meta, &o.body) != body_of(&n.meta, &n.body) {
                    out.push(msg!("log-text-changed"));
                }
            }
            _ => {}
        }
        out
    }
}

/// An item in a few words: `decide adopted`, its votes, owner, due date and referral.
fn describe(i: &Item) -> Msg {
    let mut what = text(&i.action);
    if let Some(o) = &i.outcome {
        what.push(' ');
        what.push_str(o.value.as_str());
    }
    let mut parts: Vec<Msg> = Vec::new();
    if let Some(v) = &i.votes {
        parts.push(msg!(
            "log-votes",
            yes = v.value.yes,
            no = v.value.no,
            abstain = v.value.abstain
        ));
    }
    if let Some(o) = &i.owner {
        parts.push(msg!("log-owner", owner = &o.value));
    }
    if let Some(d) = &i.due {
        parts.push(msg!("log-due", due = d.value));
    }
    if let Some(r) = &i.referred_to {
        parts.push(msg!("log-referred", to = &r.value));
    }
    if parts.is_empty() {
        return msg!("log-item-plain", what);
    }
    msg!("log-item", what, details = list(parts))
}

/// What an item says, for pairing: everything but its place in the file.
fn content(i: &Item) -> (Msg, Vec<&str>) {
    let mut sup: Vec<&str> = i.supervisors.iter().map(|s| s.value.as_str()).collect();
    sup.sort_unstable();
    (describe(i), sup)
}

/// Pairs the items about the matter in two versions of a meeting: unchanged items first,
/// then items with the same action, in order, then what is left, in order. Returns the
/// pairs that differ, the items removed and the items added.
fn pair_items<'m>(
    old: &[&'m Item],
    new: &[&'m Item],
) -> (Vec<(&'m Item, &'m Item)>, Vec<&'m Item>, Vec<&'m Item>) {
    let mut used_old = vec![false; old.len()];
    let mut used_new = vec![false; new.len()];
    let mut changed = Vec::new();
    type Same<'f> = &'f dyn Fn(&Item, &Item) -> bool;
    let passes: [Same<'_>; 3] = [
        &|a, b| content(a) == content(b),
        &|a, b| a.action.as_deref() == b.action.as_deref(),
        &|_, _| true,
    ];
    for (pass, same) in passes.iter().enumerate() {
        for (i, a) in old.iter().enumerate() {
            if used_old[i] {
                continue;
            }
            if let Some(j) = (0..new.len()).find(|&j| !used_new[j] && same(a, new[j])) {
                used_old[i] = true;
                used_new[j] = true;
                if pass > 0 {
                    changed.push((*a, new[j]));
                }
            }
        }
        if pass == 1 && old.len() != new.len() {
            // Items that did not keep their action are removed and added, not changed,
            // when the counts differ.
            break;
        }
    }
    let removed = (0..old.len())
        .filter(|&i| !used_old[i])
        .map(|i| old[i])
        .collect();
    let added = (0..new.len())
        .filter(|&j| !used_new[j])
        .map(|j| new[j])
        .collect();
    (changed, removed, added)
}
