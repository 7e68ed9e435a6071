//! `council audit` and `council log` (SPEC §5–§6): the git rules over the history of the
//! records, the story of one matter, and the history the published site shows.
//!
//! Authorisation and signing are judged by the council.toml of each commit's first parent,
//! so that a commit cannot authorise itself. A shallow clone is refused: rules over a cut
//! history would lie.

pub mod history;
pub mod log;
pub mod provenance;
pub mod signature;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

use crate::diag::{self, Diagnostic};
use crate::error::Error;
use crate::model::{Council, Meeting, Role, SiteConfig, parse_site_config};
use crate::rules::history::{
    dated_in_future, decision_rewritten, late_filing, record_deleted, unauthorized_commit,
    unsigned_commit,
};
use history::{ChangeKind, CommitInfo, NoHistory, Repo};
use signature::SigStatus;

#[derive(Clone, Debug)]
pub struct AuditOptions {
    pub path: PathBuf,
    /// Only commits after this revision.
    pub since: Option<String>,
}

pub struct AuditReport {
    pub diagnostics: Vec<Diagnostic>,
    /// Things worth saying once (rules switched off for a council).
    pub notes: Vec<String>,
    pub commits: usize,
}

/// Opens the repository of the site at `root`, with the error words of SPEC for each way
/// it can fail.
pub fn open_repo(root: &std::path::Path) -> Result<Repo, Error> {
    Repo::open(root).map_err(|e| match e {
        NoHistory::NotARepository => Error::Other(format!(
            "`{}` is not in a git repository, so it has no history to audit\n  = help: run `git init` and commit the records, or audit a clone of the council's repository",
            root.display()
        )),
        NoHistory::Ignored => Error::Other(format!(
            "`{}` lies in a folder that its git repository ignores, so none of its records are in the history\n  = help: remove the folder from `.gitignore` and commit the records, or give the site a repository of its own with `git init`",
            root.display()
        )),
        NoHistory::Shallow => Error::Other(
            "this is a shallow clone: its history is cut, and rules over a cut history would lie\n  = help: fetch the whole history with `git fetch --unshallow`, then run the audit again".into(),
        ),
        NoHistory::Empty => Error::Other("the repository has no commits yet".into()),
    })
}

/// The site configuration as committed at HEAD (falls back to defaults).
fn config_at_head(repo: &Repo) -> SiteConfig {
    let head = repo
        .repo
        .head()
        .ok()
        .and_then(|h| h.peel_to_tree().ok())
        .map(|t| t.id());
    head.and_then(|t| repo.blob_at(t, "site.toml"))
        .and_then(|b| repo.source(b, "site.toml"))
        .map(|src| parse_site_config(&src).0)
        .unwrap_or_default()
}

/// Is this site path a record (or a council's or area's configuration)?
fn is_record(path: &str) -> bool {
    path.starts_with("councils/")
        && (path.ends_with(".md")
            || path.ends_with("/council.toml")
            || path.ends_with("/area.toml"))
}

fn is_meeting(path: &str) -> bool {
    let mut parts = path.rsplit('/');
    let name = parts.next().unwrap_or("");
    parts.next() == Some("meetings")
        && name.ends_with(".md")
        && name
            .trim_end_matches(".md")
            .rsplit_once('.')
            .is_none_or(|(_, l)| l.chars().all(|c| c.is_ascii_digit()))
}

/// Runs the git rules over the history of the site.
pub fn audit(opts: &AuditOptions) -> Result<AuditReport, Error> {
    let root = crate::load::find_root(&opts.path)?;
    let repo = open_repo(&root)?;
    let config = config_at_head(&repo);
    let languages = config.languages.clone();
    let commits = repo.walk(opts.since.as_deref())?;
    let mut diags = Vec::new();
    let mut notes = BTreeSet::new();
    let mut seen: HashSet<String> = HashSet::new();
    if let Some(since) = &opts.since {
        // Paths committed before `since` are not new when they change later.
        if let Ok(obj) = repo.repo.revparse_single(since)
            && let Ok(tree) = obj.peel_to_tree()
        {
            collect_paths(&repo, &tree, &mut seen);
        }
    }
    for c in &commits {
        audit_commit(
            &repo, c, &config, &languages, &mut seen, &mut diags, &mut notes,
        );
    }
    diag::sort(&mut diags);
    Ok(AuditReport {
        diagnostics: diags,
        notes: notes.into_iter().collect(),
        commits: commits.len(),
    })
}

fn collect_paths(repo: &Repo, tree: &git2::Tree<'_>, out: &mut HashSet<String>) {
    let prefix = repo.prefix.clone();
    let _ = tree.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
        if entry.kind() == Some(git2::ObjectType::Blob) {
            let full = format!("{dir}{}", entry.name().unwrap_or(""));
            if let Some(p) = full.strip_prefix(&prefix) {
                out.insert(p.to_string());
            }
        }
        git2::TreeWalkResult::Ok
    });
}

/// The keys of the members of `council` whose `git` addresses include `email`.
pub fn keys_of<'c>(council: &'c Council, email: &str) -> Vec<&'c str> {
    council
        .members
        .iter()
        .filter(|m| m.git.iter().any(|g| g.eq_ignore_ascii_case(email)))
        .flat_map(|m| m.keys.iter().map(|k| k.value.as_str()))
        .collect()
}

fn audit_commit(
    repo: &Repo,
    c: &CommitInfo,
    config: &SiteConfig,
    languages: &[String],
    seen: &mut HashSet<String>,
    out: &mut Vec<Diagnostic>,
    notes: &mut BTreeSet<String>,
) {
    // The councils this commit touches, each with the first file it changes there.
    let mut touched: BTreeMap<String, String> = BTreeMap::new();
    for ch in &c.changes {
        if let Some(key) = &ch.council {
            touched
                .entry(key.clone())
                .or_insert_with(|| ch.path.clone());
        }
    }
    for (key, file) in &touched {
        // Judged by the first parent's council.toml; a council created here is exempt.
        let Some(blob) = c.councils_before.get(key).copied().flatten() else {
            continue;
        };
        let Some(council) = repo.council_blob(blob, key, languages) else {
            continue;
        };
        let secretaries: Vec<_> = council
            .members
            .iter()
            .filter(|m| m.has_role(Role::Secretary) && m.serves(c.date) && !m.git.is_empty())
            .collect();
        if secretaries.is_empty() {
            notes.insert(format!(
                "authorisation is off for council `{key}`: no serving secretary lists a `git` address in its council.toml"
            ));
        } else if !secretaries
            .iter()
            .any(|m| m.git.iter().any(|g| g.eq_ignore_ascii_case(&c.email)))
        {
            let names: Vec<String> = secretaries
                .iter()
                .map(|m| format!("`{}`", m.id()))
                .collect();
            out.push(
                unauthorized_commit::RULE
                    .diag(file.clone(), format!("commit by {} changes council `{key}`, but the author is not one of its serving secretaries ({})", c.author, names.join(", ")))
                    .commit(&c.id)
                    .help(format!("council `{key}`'s records are changed by its secretary; if a new secretary took over, first commit their `git` address in councils/{key}/council.toml (by the current secretary)")),
            );
        }
        if council.signing == crate::model::Signing::Required {
            let keys = keys_of(&council, &c.email);
            let status = signature::check(&repo.repo, c.oid, &keys);
            if !matches!(status, SigStatus::Verified { .. }) {
                let why = match &status {
                    SigStatus::Unsigned => "has no signature".to_string(),
                    SigStatus::Gpg => {
                        "is signed with GPG, which council cannot verify here (use an SSH key)"
                            .to_string()
                    }
                    SigStatus::UnknownKey { fingerprint } => format!(
                        "is signed by a key no member with the author's address lists ({fingerprint})"
                    ),
                    SigStatus::Bad => "has a signature that does not verify".to_string(),
                    SigStatus::Verified { .. } => unreachable!("checked above"),
                };
                out.push(
                    unsigned_commit::RULE
                        .diag(file.clone(), format!("council `{key}` requires signed commits, and commit by {} {why}", c.author))
                        .commit(&c.id)
                        .help("sign commits with your SSH key (`git config gpg.format ssh`, `git config commit.gpgsign true`) and list the public key in your member's `keys`"),
                );
            }
        }
    }

    for ch in &c.changes {
        match &ch.kind {
            ChangeKind::Deleted if is_record(&ch.path) => out.push(
                record_deleted::RULE
                    .diag(ch.path.clone(), format!("commit by {} deletes the committed record `{}`", c.author, ch.path))
                    .commit(&c.id)
                    .help("records are never deleted: a matter no longer pursued gets `withdrawn` and `withdrawn_reason`"),
            ),
            ChangeKind::Renamed { from } if is_record(from) => {
                out.push(
                    record_deleted::RULE
                        .diag(from.clone(), format!("commit by {} renames the committed record `{from}` to `{}`", c.author, ch.path))
                        .commit(&c.id)
                        .help("renaming a record breaks every link and reference to it; keep its name"),
                );
                seen.insert(ch.path.clone());
            }
            ChangeKind::Modified if is_meeting(&ch.path) => {
                if let (Some(old), Some(new)) = (ch.old, ch.new)
                    && let (Some(a), Some(b)) = (repo.meeting(old, &ch.path, languages), repo.meeting(new, &ch.path, languages))
                    && let Some(d) = decision_changes(&a, &b)
                {
                    out.push(
                        decision_rewritten::RULE
                            .diag(ch.path.clone(), format!("commit by {} rewrites committed minutes: {}", c.author, d.0))
                            .at(&b.meta.source, d.1, "changed here")
                            .commit(&c.id)
                            .help("decisions are not edited after the fact; if the minutes were wrong, say so in the commit message and have the council confirm the correction"),
                    );
                }
            }
            ChangeKind::Added if is_record(&ch.path) && seen.insert(ch.path.clone()) => {
                first_committed(repo, c, &ch.path, ch.new, config, languages, out);
            }
            _ => {}
        }
    }
}

/// The rules about a record's first commit: dated in the future, minutes filed late.
fn first_committed(
    repo: &Repo,
    c: &CommitInfo,
    path: &str,
    blob: Option<git2::Oid>,
    config: &SiteConfig,
    languages: &[String],
    out: &mut Vec<Diagnostic>,
) {
    let Some(blob) = blob else { return };
    if !path.ends_with(".md") {
        return;
    }
    let Some(src) = repo.source(blob, path) else {
        return;
    };
    let kind = path.rsplit('/').nth(1).unwrap_or("");
    let stem = path
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md");
    let date = match kind {
        "proposals" => {
            crate::model::parse_proposal(stem, &src, languages)
                .0
                .submitted
        }
        "meetings" => crate::model::parse_meeting(stem, &src, languages).0.date,
        "reports" => crate::model::parse_report(stem, &src, languages).0.date,
        "feedback" => crate::model::parse_feedback(stem, &src, languages).0.date,
        _ => None,
    };
    let Some(date) = date else { return };
    if date.value > c.date {
        out.push(
            dated_in_future::RULE
                .diag(path, format!("first committed on {} by {}, but dated {}", c.date, c.author, date.value))
                .at(&src, date.span.clone(), "a later date")
                .commit(&c.id)
                .help("correct the date if it is a typo; records are committed after the meeting or event they record"),
        );
    }
    if kind == "meetings" {
        let late = (c.date - date.value).get_days() as i64;
        if late > config.filing_days {
            out.push(
                late_filing::RULE
                    .diag(path, format!("minutes of {} first committed {late} days later, on {} (limit {} days)", date.value, c.date, config.filing_days))
                    .at(&src, date.span.clone(), "meeting date")
                    .commit(&c.id)
                    .help("commit minutes within a week of the meeting; for old minutes entered late, say so in the commit message"),
            );
        }
    }
}

/// What changed in the decisions of a meeting between two versions, and where (in the new
/// version) the first change is. `None` when nothing SPEC calls a decision changed.
pub fn decision_changes(old: &Meeting, new: &Meeting) -> Option<(String, std::ops::Range<usize>)> {
    let mut changes = Vec::new();
    let mut first: Option<std::ops::Range<usize>> = None;
    let mut note = |what: String,
                    span: Option<std::ops::Range<usize>>,
                    first: &mut Option<std::ops::Range<usize>>| {
        changes.push(what);
        if first.is_none() {
            *first = span;
        }
    };
    let od = old.date.as_ref().map(|d| d.value);
    let nd = new.date.as_ref().map(|d| d.value);
    if od != nd {
        note(
            format!("date {} → {}", show(od), show(nd)),
            new.date.as_ref().map(|d| d.span.clone()),
            &mut first,
        );
    }
    let set = |m: &Meeting| m.present_ids().map(str::to_string).collect::<BTreeSet<_>>();
    let (op, np) = (set(old), set(new));
    if op != np {
        let gone: Vec<_> = op.difference(&np).map(|s| format!("-{s}")).collect();
        let came: Vec<_> = np.difference(&op).map(|s| format!("+{s}")).collect();
        note(
            format!(
                "present {}",
                gone.into_iter().chain(came).collect::<Vec<_>>().join(" ")
            ),
            new.present.as_ref().map(|p| p.span.clone()),
            &mut first,
        );
    }
    fn decisions(m: &Meeting) -> BTreeMap<String, &crate::model::Item> {
        m.items
            .iter()
            .filter(|i| i.is_decision())
            .filter_map(|i| i.proposal.as_ref().map(|p| (p.value.clone(), i)))
            .collect()
    }
    let (oi, ni) = (decisions(old), decisions(new));
    for (pid, o) in &oi {
        match ni.get(pid) {
            None => note(
                format!("the decision on `{pid}` is removed"),
                new.items.first().map(|i| i.span.clone()),
                &mut first,
            ),
            Some(n) => {
                for (field, a, b, span) in item_fields(o, n) {
                    if a != b {
                        note(format!("`{pid}` {field} {a} → {b}"), span, &mut first);
                    }
                }
            }
        }
    }
    for (pid, n) in &ni {
        if !oi.contains_key(pid) {
            note(
                format!("a decision on `{pid}` is added"),
                Some(n.span.clone()),
                &mut first,
            );
        }
    }
    if changes.is_empty() {
        return None;
    }
    Some((changes.join("; "), first.unwrap_or(0..0)))
}

fn show<T: std::fmt::Display>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_else(|| "(none)".into())
}

/// The decision fields of two versions of an item: name, old, new, span in the new one.
pub fn item_fields(
    o: &crate::model::Item,
    n: &crate::model::Item,
) -> Vec<(&'static str, String, String, Option<std::ops::Range<usize>>)> {
    let ov = o.votes.as_ref().map(|v| v.value);
    let nv = n.votes.as_ref().map(|v| v.value);
    let vspan = n.votes.as_ref().map(|v| v.span.clone());
    vec![
        (
            "outcome",
            show(o.outcome.as_ref().map(|x| x.value)),
            show(n.outcome.as_ref().map(|x| x.value)),
            n.outcome.as_ref().map(|x| x.span.clone()),
        ),
        (
            "votes.yes",
            show(ov.map(|v| v.yes)),
            show(nv.map(|v| v.yes)),
            vspan.clone(),
        ),
        (
            "votes.no",
            show(ov.map(|v| v.no)),
            show(nv.map(|v| v.no)),
            vspan.clone(),
        ),
        (
            "votes.abstain",
            show(ov.map(|v| v.abstain)),
            show(nv.map(|v| v.abstain)),
            vspan,
        ),
        (
            "owner",
            show(o.owner.as_ref().map(|x| x.value.clone())),
            show(n.owner.as_ref().map(|x| x.value.clone())),
            n.owner.as_ref().map(|x| x.span.clone()),
        ),
        (
            "due",
            show(o.due.as_ref().map(|x| x.value)),
            show(n.due.as_ref().map(|x| x.value)),
            n.due.as_ref().map(|x| x.span.clone()),
        ),
    ]
}
