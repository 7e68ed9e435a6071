//! `council log <council key>/<id>`: the story of one matter from git. Every commit that
//! touches its proposal, the meeting items about it or its reports, with the date, the
//! author's name (never the e-mail), the signature status and the fields that changed.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::history::{ChangeKind, CommitInfo, Repo};
use super::{item_fields, keys_of, open_repo, signature};
use crate::error::Error;
use crate::model::{Item, Meeting, parse_feedback, parse_proposal, parse_report};

#[derive(Clone, Debug)]
pub struct LogOptions {
    pub path: PathBuf,
    /// `<council key>/<id>`.
    pub matter: String,
}

/// The story of the matter, as text.
pub fn log(opts: &LogOptions) -> Result<String, Error> {
    let root = crate::load::find_root(&opts.path)?;
    let repo = open_repo(&root)?;
    let (key, id) = opts.matter.rsplit_once('/').ok_or_else(|| {
        Error::Usage(format!(
            "`{}` is not `<council key>/<id>`, like `huangtai/grid-03/2025-001`",
            opts.matter
        ))
    })?;
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
                "feedback" => lines.extend(feedback_lines(&repo, ch, id, &languages)),
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
            status.label()
        );
        for l in lines {
            let _ = writeln!(out, "    {l}");
        }
    }
    if entries == 0 {
        return Err(Error::Usage(format!(
            "no commit in the history touches the matter `{key}/{id}`"
        )));
    }
    let head = format!(
        "{key}/{id}{}\n{} commits\n\n",
        title.map(|t| format!(" — {t}")).unwrap_or_default(),
        entries
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

fn verb(kind: &ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Modified => "changed",
        ChangeKind::Deleted => "deleted",
        ChangeKind::Renamed { .. } => "renamed",
    }
}

fn proposal_lines(
    repo: &Repo,
    ch: &super::history::Change,
    id: &str,
    languages: &[String],
    title: &mut Option<String>,
) -> Vec<String> {
    let parse = |blob: Option<git2::Oid>| {
        blob.and_then(|b| repo.source(b, &ch.path))
            .map(|src| parse_proposal(id, &src, languages).0)
    };
    let (old, new) = (parse(ch.old), parse(ch.new));
    if let Some(t) = new.as_ref().and_then(|p| p.title.as_ref()) {
        *title = Some(t.value.clone());
    }
    let mut out = vec![format!("{} {}", verb(&ch.kind), ch.path)];
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
                out.push(format!("  {field} {} → {}", or_none(&a), or_none(&b)));
            }
        }
        if o.meta.source.text[o.body.span.clone()] != n.meta.source.text[n.body.span.clone()] {
            out.push("  text changed".into());
        }
    }
    out
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none)" } else { s }
}

fn items_about<'m>(m: &'m Meeting, id: &str) -> Vec<&'m Item> {
    m.items
        .iter()
        .filter(|i| i.proposal.as_ref().is_some_and(|p| p.value == id))
        .collect()
}

fn describe(i: &Item) -> String {
    let mut s = i
        .action
        .as_ref()
        .map(|a| a.value.to_string())
        .unwrap_or_else(|| "item".into());
    if let Some(o) = &i.outcome {
        let _ = write!(s, " {}", o.value);
    }
    if let Some(v) = &i.votes {
        let _ = write!(
            s,
            " (votes {}/{}/{})",
            v.value.yes, v.value.no, v.value.abstain
        );
    }
    if let Some(o) = &i.owner {
        let _ = write!(s, ", owner {}", o.value);
    }
    if let Some(d) = &i.due {
        let _ = write!(s, ", due {}", d.value);
    }
    s
}

fn meeting_lines(
    repo: &Repo,
    ch: &super::history::Change,
    id: &str,
    languages: &[String],
) -> Vec<String> {
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
    let mut out = vec![format!(
        "{} {} (minutes of {date})",
        verb(&ch.kind),
        ch.path
    )];
    match (oi.as_slice(), ni.as_slice()) {
        ([], n) => out.extend(n.iter().map(|i| format!("  {}", describe(i)))),
        (o, []) => out.extend(o.iter().map(|i| format!("  removed: {}", describe(i)))),
        (o, n) => {
            for (a, b) in o.iter().zip(n.iter()) {
                let (aa, ba) = (
                    a.action.as_ref().map(|x| x.value.to_string()),
                    b.action.as_ref().map(|x| x.value.to_string()),
                );
                if aa != ba {
                    out.push(format!(
                        "  action {} → {}",
                        aa.unwrap_or_default(),
                        ba.unwrap_or_default()
                    ));
                }
                for (field, x, y, _) in item_fields(a, b) {
                    if x != y {
                        out.push(format!("  {field} {x} → {y}"));
                    }
                }
            }
            if n.len() > o.len() {
                out.extend(
                    n[o.len()..]
                        .iter()
                        .map(|i| format!("  added: {}", describe(i))),
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
) -> Vec<String> {
    let stem = stem_of(&ch.path);
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
    let mut out = vec![format!("{} {}", verb(&ch.kind), ch.path)];
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
            out.push(format!("  status {s}, progress {}%", p.unwrap_or(0)));
        }
        (Some(o), Some(n)) => {
            let ((so, po), (sn, pn)) = (st(o), st(n));
            if so != sn {
                out.push(format!("  status {so} → {sn}"));
            }
            if po != pn {
                out.push(format!(
                    "  progress {}% → {}%",
                    po.unwrap_or(0),
                    pn.unwrap_or(0)
                ));
            }
        }
        _ => {}
    }
    out
}

/// A return visit about `id`: added, changed (the satisfaction), or removed.
fn feedback_lines(
    repo: &Repo,
    ch: &super::history::Change,
    id: &str,
    languages: &[String],
) -> Vec<String> {
    let stem = stem_of(&ch.path);
    let satisfaction = |blob: Option<git2::Oid>| {
        let f = parse_feedback(stem, &repo.source(blob?, &ch.path)?, languages).0;
        f.proposal.as_ref().filter(|p| p.value == id)?;
        Some(f.satisfaction.map(|s| s.value.as_str()).unwrap_or("?"))
    };
    let (old, new) = (satisfaction(ch.old), satisfaction(ch.new));
    if old.is_none() && new.is_none() {
        return Vec::new();
    }
    let mut out = vec![format!("{} {}", verb(&ch.kind), ch.path)];
    match (old, new) {
        (None, Some(n)) => out.push(format!("  return visit, {n}")),
        (Some(o), Some(n)) if o != n => out.push(format!("  satisfaction {o} → {n}")),
        _ => {}
    }
    out
}

/// The file stem of a record's path: `councils/x/reports/2022-06-30.md` → `2022-06-30`.
fn stem_of(path: &str) -> &str {
    path.rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md")
}
