//! What the published site says about its own origin: the history of every record (who
//! changed it, when, signed or not — never an e-mail address), the commit the site was built
//! from, and a manifest of SHA-256 hashes of every source file, so that anyone can rebuild
//! from git and compare.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::history::{ChangeKind, NoHistory, Repo};
use super::log::status_of;
use crate::i18n::Msg;
use crate::model::Site;
use crate::msg;

/// One commit in a record's history, as a page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryEntry {
    pub id: String,
    pub short: String,
    pub date: String,
    /// The author's name (never the e-mail address).
    pub author: String,
    /// `unsigned`, `verified`, `unknown-key`, `bad`, `gpg`.
    pub signature: &'static str,
    pub fingerprint: Option<String>,
    /// `added`, `changed`, `renamed`.
    pub change: &'static str,
}

/// The hashes of the site's sources.
#[derive(Clone, Debug, Serialize)]
pub struct Manifest {
    pub commit: Option<String>,
    /// Source files that differ from the commit (uncommitted changes) when the site was built.
    pub uncommitted: Vec<String>,
    pub algorithm: &'static str,
    pub files: Vec<FileHash>,
    /// SHA-256 of the lines `<hash>  <path>\n` of every file, in path order: what
    /// `sha256sum` prints for the files in that order, hashed once more.
    pub manifest: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct FileHash {
    pub path: String,
    pub sha256: String,
}

/// Everything the site publishes about its origin.
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    /// Site path → its commits, oldest first.
    pub history: Option<HashMap<String, Vec<HistoryEntry>>>,
    /// Why there is no history (not a git repository, a shallow clone), said once.
    pub no_history: Option<Msg>,
    pub manifest: Option<Manifest>,
}

impl Provenance {
    /// Reads the history of the site's repository and hashes its sources.
    pub fn collect(site: &Site) -> Provenance {
        let mut p = Provenance::default();
        let (commit, uncommitted) = match Repo::open(&site.root) {
            Ok(repo) => {
                p.history = history(&repo, site).ok();
                (repo.head(), uncommitted(&repo))
            }
            Err(e) => {
                p.no_history = Some(match e {
                    NoHistory::NotARepository => msg!("history-none-repository"),
                    NoHistory::Ignored => msg!("history-none-ignored"),
                    NoHistory::Shallow => msg!("history-none-shallow"),
                    NoHistory::Empty => msg!("history-none-empty"),
                });
                (None, Vec::new())
            }
        };
        p.manifest = Some(manifest(site, commit, uncommitted));
        p
    }
}

fn history(
    repo: &Repo,
    site: &Site,
) -> Result<HashMap<String, Vec<HistoryEntry>>, crate::error::Error> {
    let languages = site.config.languages.clone();
    let commits = repo.walk(None)?;
    let mut out: HashMap<String, Vec<HistoryEntry>> = HashMap::new();
    let mut status_cache: HashMap<(git2::Oid, String), super::signature::SigStatus> =
        HashMap::new();
    for c in &commits {
        for ch in &c.changes {
            let change = match &ch.kind {
                ChangeKind::Added => "added",
                ChangeKind::Modified => "changed",
                ChangeKind::Renamed { .. } => "renamed",
                ChangeKind::Deleted => continue,
            };
            let key = ch.council.clone().unwrap_or_default();
            let status = status_cache
                .entry((c.oid, key.clone()))
                .or_insert_with(|| {
                    if key.is_empty() {
                        super::signature::check(&repo.repo, c.oid, &[])
                    } else {
                        status_of(repo, c, &key, &languages)
                    }
                })
                .clone();
            let fingerprint = match &status {
                super::signature::SigStatus::Verified { fingerprint }
                | super::signature::SigStatus::UnknownKey { fingerprint } => {
                    Some(fingerprint.clone())
                }
                _ => None,
            };
            out.entry(ch.path.clone()).or_default().push(HistoryEntry {
                id: c.id.clone(),
                short: c.id[..10].to_string(),
                date: c.date.to_string(),
                author: c.author.clone(),
                signature: status.kind(),
                fingerprint,
                change,
            });
        }
    }
    Ok(out)
}

/// Source files with changes not committed (modified, new or deleted in the work tree).
///
/// A directory nobody has committed yet is listed once, as `dir/`, not file by file:
/// a site generated inside another repository's work tree would otherwise make git
/// walk every file of it on each build.
fn uncommitted(repo: &Repo) -> Vec<String> {
    let mut opts = git2::StatusOptions::new();
    opts.include_untracked(true)
        .recurse_untracked_dirs(false)
        .include_ignored(false);
    for p in ["site.toml", "councils", "content", "static"] {
        opts.pathspec(format!("{}{p}", repo.prefix));
    }
    let Ok(statuses) = repo.repo.statuses(Some(&mut opts)) else {
        return Vec::new();
    };
    let mut out: Vec<String> = statuses
        .iter()
        .filter_map(|s| {
            s.path()
                .ok()
                .and_then(|p| p.strip_prefix(&repo.prefix))
                .map(str::to_string)
        })
        .filter(|p| {
            let name = p.rsplit('/').next().unwrap_or("");
            !name.starts_with('.') && !name.ends_with('~')
        })
        .collect();
    out.sort();
    out
}

fn manifest(site: &Site, commit: Option<String>, uncommitted: Vec<String>) -> Manifest {
    let mut paths: Vec<&str> = site.files.iter().map(String::as_str).collect();
    paths.push("site.toml");
    paths.sort_unstable();
    let files: Vec<FileHash> = paths
        .par_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(site.root.join(Path::new(p))).ok()?;
            Some(FileHash {
                path: p.to_string(),
                sha256: hex(&Sha256::digest(&bytes)),
            })
        })
        .collect();
    let mut all = Sha256::new();
    for f in &files {
        all.update(format!("{}  {}\n", f.sha256, f.path).as_bytes());
    }
    Manifest {
        commit,
        uncommitted,
        algorithm: "sha256",
        files,
        manifest: hex(&all.finalize()),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
