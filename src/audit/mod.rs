//! `council audit`, `council log` and `council verify` (SPEC §5–§6): the git rules over the
//! history of the records, the story of one matter, the history the published site shows,
//! and the proof that a published site came from a commit.
//!
//! Authorisation and signing are judged by the council.toml (and the `.mailmap`) of each
//! commit's first parent, so that a commit cannot authorise itself. A shallow clone is
//! refused: rules over a cut history would lie.

mod authorship;
pub mod decisions;
pub mod history;
pub mod log;
pub mod mailmap;
pub mod provenance;
mod records;
pub mod signature;
pub mod verify;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use decisions::{decision_changes, item_fields};

use crate::diag::{self, Diagnostic};
use crate::error::Error;
use crate::i18n::Msg;
use crate::model::{Council, SiteConfig, parse_site_config};
use crate::msg;
use history::{CommitInfo, NoHistory, Repo, WalkOptions};

#[derive(Clone, Debug)]
pub struct AuditOptions {
    pub path: PathBuf,
    /// Only commits after this revision.
    pub since: Option<String>,
    /// The day commits may not be dated after (default: today).
    pub today: Option<Date>,
}

/// Something worth saying once about the whole audit (a rule switched off for a council).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Note {
    /// The rule it concerns.
    pub rule: &'static str,
    pub file: String,
    pub message: Msg,
}

pub struct AuditReport {
    pub diagnostics: Vec<Diagnostic>,
    pub notes: Vec<Note>,
    pub commits: usize,
}

/// The words of SPEC for each way a repository cannot be read.
fn no_history(root: &Path, e: NoHistory) -> Error {
    match e {
        NoHistory::NotARepository => Error::other(msg!("audit-no-repository", path = root))
            .help(msg!("audit-no-repository-help")),
        NoHistory::Ignored => {
            Error::other(msg!("audit-ignored", path = root)).help(msg!("audit-ignored-help"))
        }
        NoHistory::Shallow => Error::other(msg!("audit-shallow")).help(msg!("audit-shallow-help")),
        NoHistory::Empty => Error::other(msg!("audit-empty")),
        NoHistory::NotOwned => {
            Error::other(msg!("audit-not-owned", path = root)).help(msg!("audit-not-owned-help"))
        }
    }
}

/// The repository of the site at or above `path` with its whole history, or a bare
/// repository whose HEAD holds the site at its root (an auditor's mirror clone).
pub fn open_history(path: &Path) -> Result<Repo, Error> {
    let repo = open_repository(path)?;
    if repo.shallow {
        return Err(no_history(path, NoHistory::Shallow));
    }
    Ok(repo)
}

/// [`open_history`], a shallow clone too.
pub fn open_repository(path: &Path) -> Result<Repo, Error> {
    Ok(match crate::load::find_root(path) {
        Ok(root) => Repo::open(&root).map_err(|e| no_history(&root, e))?,
        Err(e @ Error::NoSite { .. }) => {
            let repo = match Repo::open_bare(path) {
                Ok(r) => r,
                Err(NoHistory::NotARepository) => return Err(e),
                Err(other) => return Err(no_history(path, other)),
            };
            let head = repo.repo.head().ok().and_then(|h| h.peel_to_tree().ok());
            if head
                .and_then(|t| t.get_name("site.toml").map(|_| ()))
                .is_none()
            {
                return Err(Error::other(msg!("audit-bare-no-site", path))
                    .help(msg!("audit-bare-no-site-help")));
            }
            repo
        }
        Err(e) => return Err(e),
    })
}

/// The site configuration as committed at `tree` (defaults when missing).
pub fn config_at(repo: &Repo, tree: Option<git2::Oid>) -> SiteConfig {
    tree.and_then(|t| repo.blob_at(t, "site.toml"))
        .and_then(|b| repo.source(b, "site.toml"))
        .map(|src| parse_site_config(&src).0)
        .unwrap_or_default()
}

fn head_tree(repo: &Repo) -> Option<git2::Oid> {
    repo.repo
        .head()
        .ok()
        .and_then(|h| h.peel_to_tree().ok())
        .map(|t| t.id())
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

/// `rev` as a commit that HEAD descends from; anything else is refused, since "after REV"
/// means nothing once history was rewritten (a rebase, a force-push).
fn since_commit(repo: &Repo, rev: &str) -> Result<git2::Oid, Error> {
    let commit = repo
        .repo
        .revparse_single(rev)
        .and_then(|o| o.peel_to_commit())
        .map_err(|_| Error::usage(msg!("no-such-revision", rev)))?;
    let head = repo
        .head_oid()
        .ok_or_else(|| Error::other(msg!("audit-empty")))?;
    let id = commit.id();
    if head != id && !repo.repo.graph_descendant_of(head, id).unwrap_or(false) {
        return Err(Error::usage(msg!(
            "since-not-ancestor",
            rev,
            commit = &id.to_string()[..10]
        ))
        .help(msg!("since-not-ancestor-help")));
    }
    Ok(id)
}

/// Runs the git rules over the history of the site.
pub fn audit(opts: &AuditOptions) -> Result<AuditReport, Error> {
    let repo = open_history(&opts.path)?;
    let config = config_at(&repo, head_tree(&repo));
    let since = opts
        .since
        .as_deref()
        .map(|rev| since_commit(&repo, rev))
        .transpose()?;
    let commits = repo.walk(&WalkOptions {
        since,
        ..WalkOptions::default()
    })?;
    let mut auditor = Auditor {
        repo: &repo,
        languages: config.languages.clone(),
        config: &config,
        today: opts.today.unwrap_or_else(crate::check::today),
        seen: HashSet::new(),
        out: Vec::new(),
        notes: BTreeMap::new(),
    };
    if let Some(since) = since {
        // Paths committed before `since` are not new when they change later.
        if let Ok(tree) = repo.repo.find_commit(since).and_then(|c| c.tree()) {
            auditor.collect_paths(&tree);
        }
    }
    for c in &commits {
        auditor.commit(c);
    }
    let mut diags = auditor.out;
    diag::sort(&mut diags);
    Ok(AuditReport {
        diagnostics: diags,
        notes: auditor.notes.into_values().collect(),
        commits: commits.len(),
    })
}

/// The state of one audit as it walks the history.
struct Auditor<'a> {
    repo: &'a Repo,
    config: &'a SiteConfig,
    languages: Vec<String>,
    today: Date,
    /// Every site path committed so far: a path added again is a record restored.
    seen: HashSet<String>,
    out: Vec<Diagnostic>,
    notes: BTreeMap<String, Note>,
}

impl Auditor<'_> {
    fn collect_paths(&mut self, tree: &git2::Tree<'_>) {
        let prefix = self.repo.prefix.clone();
        let seen = &mut self.seen;
        let _ = tree.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
            if entry.kind() == Some(git2::ObjectType::Blob) {
                let full = format!("{dir}{}", entry.name().unwrap_or(""));
                if let Some(p) = full.strip_prefix(&prefix) {
                    seen.insert(p.to_string());
                }
            }
            git2::TreeWalkResult::Ok
        });
    }

    fn commit(&mut self, c: &CommitInfo) {
        self.authorship(c);
        self.commit_dates(c);
        for ch in &c.changes {
            self.change(c, ch);
        }
    }
}

/// The keys of the members of `council` whose `git` addresses include one of `emails`.
pub fn keys_of<'c>(council: &'c Council, emails: &[&str]) -> Vec<&'c str> {
    council
        .members
        .iter()
        .filter(|m| {
            m.git
                .iter()
                .any(|g| emails.iter().any(|e| g.eq_ignore_ascii_case(e)))
        })
        .flat_map(|m| m.keys.iter().map(|k| k.value.as_str()))
        .collect()
}
