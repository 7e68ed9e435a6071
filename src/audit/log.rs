//! `council log <council key>/<id>`: the story of one matter from git. Every commit that
//! touches its proposal, the meeting items about it or its reports, with the date, the
//! author's name (never the e-mail), the signature status and the fields that changed.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::history::{ChangeKind, CommitInfo, Repo};
use super::{item_fields, keys_of, open_repo, signature};
use crate::error::Error;
use crate::i18n::{Lang, Msg, list};
use crate::model::{Item, Meeting, parse_proposal, parse_report};
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
    let root = crate::load::find_root(&opts.path)?;
    let repo = open_repo(&root)?;
    let (key, id) = opts
        .matter
        .rsplit_once('/')
        .ok_or_else(|| Error::usage(msg!("matter-not-key-id", matter = &opts.matter)))?;
    let config = super::config_at_head(&repo);
    let languages = config.languages.clone();
    let commits = repo.walk(None)?;
    let proposal_path = format!("councils/{key}/proposals/{id}.md");
    let mut out = String::new();
    let mut title = None;
    let mut entries = 0;
    for c in &commits {
        let mut lines = Vec::new();
        for ch in &c.changes {
            let Some(rest) = ch.path.strip_prefix(&format!("councils/{key}/")) else {
                continue;
            };
            let (folder, name) = rest.split_once('/').unwrap_or(("", rest));
            if name.contains('/') {
                continue;
            }
            match folder {
                "proposals"
                    if ch.path == proposal_path
                        || name.starts_with(&format!("{id}.")) && name.ends_with(".md") =>
                {
                    lines.extend(proposal_lines(&repo, ch, id, &languages, &mut title));
                }
                "meetings" => lines.extend(meeting_lines(&repo, ch, id, &languages)),
                "reports" => lines.extend(report_lines(&repo, ch, id, &languages)),
                _ => {}
            }
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
    let keys = council
        .as_deref()
        .map(|co| keys_of(co, &c.email))
        .unwrap_or_default();
    signature::check(&repo.repo, c.oid, &keys)
}

/// What happened to a file, with its path: "added councils/…".
fn verb(kind: &ChangeKind, path: &str) -> Msg {
    match kind {
        ChangeKind::Added => msg!("log-added", path),
        ChangeKind::Modified => msg!("log-changed", path),
        ChangeKind::Deleted => msg!("log-deleted", path),
        ChangeKind::Renamed { .. } => msg!("log-renamed", path),
    }
}

/// An indented line of a field's change: "  title a → b".
fn change(field: &str, before: &str, after: &str) -> Msg {
    msg!(
        "log-field-change",
        field,
        before = or_none(before),
        after = or_none(after)
    )
}

fn proposal_lines(
    repo: &Repo,
    ch: &super::history::Change,
    id: &str,
    languages: &[String],
    title: &mut Option<String>,
) -> Vec<Msg> {
    let parse = |blob: Option<git2::Oid>| {
        blob.and_then(|b| repo.source(b, &ch.path))
            .map(|src| parse_proposal(id, &src, languages).0)
    };
    let (old, new) = (parse(ch.old), parse(ch.new));
    if let Some(t) = new.as_ref().and_then(|p| p.title.as_ref()) {
        *title = Some(t.value.clone());
    }
    let mut out = vec![verb(&ch.kind, &ch.path)];
    if let (Some(o), Some(n)) = (&old, &new) {
        let s = |x: &Option<crate::model::Sp<String>>| {
            x.as_ref().map(|v| v.value.clone()).unwrap_or_default()
        };
        let d = |x: &Option<crate::model::Sp<jiff::civil::Date>>| {
            x.as_ref().map(|v| v.value.to_string()).unwrap_or_default()
        };
        for (field, a, b) in [
            ("title", s(&o.title), s(&n.title)),
            ("submitted", d(&o.submitted), d(&n.submitted)),
            ("proposer", s(&o.proposer), s(&n.proposer)),
            ("channel", o.channel.to_string(), n.channel.to_string()),
            ("category", s(&o.category), s(&n.category)),
            ("withdrawn", d(&o.withdrawn), d(&n.withdrawn)),
            (
                "withdrawn_reason",
                s(&o.withdrawn_reason),
                s(&n.withdrawn_reason),
            ),
        ] {
            if a != b {
                out.push(change(field, &a, &b));
            }
        }
        if o.meta.source.text[o.body.span.clone()] != n.meta.source.text[n.body.span.clone()] {
            out.push(msg!("log-text-changed"));
        }
    }
    out
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "—" } else { s }
}

fn items_about<'m>(m: &'m Meeting, id: &str) -> Vec<&'m Item> {
    m.items
        .iter()
        .filter(|i| i.proposal.as_ref().is_some_and(|p| p.value == id))
        .collect()
}

/// An item in a few words: `decide adopted`, its votes, owner and due date.
fn describe(i: &Item) -> Msg {
    let mut what = i
        .action
        .as_ref()
        .map(|a| a.value.to_string())
        .unwrap_or_default();
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
    if parts.is_empty() {
        return msg!("log-item-plain", what);
    }
    msg!("log-item", what, details = list(parts))
}

fn meeting_lines(
    repo: &Repo,
    ch: &super::history::Change,
    id: &str,
    languages: &[String],
) -> Vec<Msg> {
    let old = ch.old.and_then(|b| repo.meeting(b, &ch.path, languages));
    let new = ch.new.and_then(|b| repo.meeting(b, &ch.path, languages));
    let oi: Vec<&Item> = old
        .as_deref()
        .map(|m| items_about(m, id))
        .unwrap_or_default();
    let ni: Vec<&Item> = new
        .as_deref()
        .map(|m| items_about(m, id))
        .unwrap_or_default();
    if oi.is_empty() && ni.is_empty() {
        return Vec::new();
    }
    let date = new
        .as_deref()
        .or(old.as_deref())
        .and_then(|m| m.date.as_ref())
        .map(|d| d.value.to_string())
        .unwrap_or_default();
    let mut out = vec![msg!(
        "log-minutes-of",
        change = verb(&ch.kind, &ch.path),
        date
    )];
    match (oi.as_slice(), ni.as_slice()) {
        ([], n) => out.extend(n.iter().map(|i| msg!("log-indented", line = describe(i)))),
        (o, []) => out.extend(o.iter().map(|i| msg!("log-removed", item = describe(i)))),
        (o, n) => {
            for (a, b) in o.iter().zip(n.iter()) {
                let (aa, ba) = (
                    a.action.as_ref().map(|x| x.value.to_string()),
                    b.action.as_ref().map(|x| x.value.to_string()),
                );
                if aa != ba {
                    out.push(change(
                        "action",
                        &aa.unwrap_or_default(),
                        &ba.unwrap_or_default(),
                    ));
                }
                for (field, x, y, _) in item_fields(a, b) {
                    if x != y {
                        out.push(change(field, &x, &y));
                    }
                }
            }
            if n.len() > o.len() {
                out.extend(
                    n[o.len()..]
                        .iter()
                        .map(|i| msg!("log-added-item", item = describe(i))),
                );
            }
        }
    }
    out
}

fn report_lines(
    repo: &Repo,
    ch: &super::history::Change,
    id: &str,
    languages: &[String],
) -> Vec<Msg> {
    let stem = ch
        .path
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md");
    let parse = |blob: Option<git2::Oid>| {
        blob.and_then(|b| repo.source(b, &ch.path))
            .map(|src| parse_report(stem, &src, languages).0)
    };
    let (old, new) = (parse(ch.old), parse(ch.new));
    let about = |r: &Option<crate::model::Report>| {
        r.as_ref()
            .is_some_and(|r| r.proposal.as_ref().is_some_and(|p| p.value == id))
    };
    if !about(&old) && !about(&new) {
        return Vec::new();
    }
    let mut out = vec![verb(&ch.kind, &ch.path)];
    let st = |r: &crate::model::Report| {
        (
            r.status
                .as_ref()
                .map(|s| s.value.to_string())
                .unwrap_or_default(),
            r.progress.as_ref().map(|p| p.value),
        )
    };
    match (&old, &new) {
        (None, Some(n)) => {
            let (s, p) = st(n);
            out.push(msg!("log-report", status = s, progress = p.unwrap_or(0)));
        }
        (Some(o), Some(n)) => {
            let ((so, po), (sn, pn)) = (st(o), st(n));
            if so != sn {
                out.push(change("status", &so, &sn));
            }
            if po != pn {
                out.push(change(
                    "progress",
                    &format!("{}%", po.unwrap_or(0)),
                    &format!("{}%", pn.unwrap_or(0)),
                ));
            }
        }
        _ => {}
    }
    out
}
