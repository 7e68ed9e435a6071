//! What the published site says about its own origin: the history of every record (who
//! changed it, when, signed or not — never an e-mail address), and `/data/manifest.json`:
//! the commit the site was built from, the day and address it was built for, the SHA-256 of
//! every source that shapes the output, and the sources the commit does not hold as they
//! were published. `council verify` reads the manifest back, rebuilds from the commit and
//! compares.

mod sources;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use sources::{TreeFile, Uncommitted, commit_sources, hex, source_paths};

use super::history::{ChangeKind, CommitInfo, NoHistory, Repo, WalkOptions};
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
    /// The author's name, as `.mailmap` maps it (never the e-mail address).
    pub author: String,
    /// `zh` when the name is written in Chinese characters (pages in another language mark
    /// it, for screen readers), else `None`.
    pub author_lang: Option<&'static str>,
    /// `unsigned`, `verified`, `unknown-key`, `bad`, `gpg`, `unsupported`.
    pub signature: &'static str,
    pub fingerprint: Option<String>,
    /// `added`, `changed`, `renamed`, `restored`.
    pub change: &'static str,
}

/// `/data/manifest.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// The program that built the site (`council 0.1.0`): another version may render the same
    /// records differently.
    pub generator: String,
    /// The commit the sources were read at (HEAD), or `null` outside git.
    pub commit: Option<String>,
    /// The day the site shows the records as of (`--today`).
    pub as_of: String,
    /// The address the site was built for (`--base-url`, else site.toml's).
    pub base_url: String,
    /// Whether pages show each record's history; when not, why (`shallow`, …).
    pub history: bool,
    pub no_history: Option<String>,
    /// The theme (`themes/<theme>/` files, when there are any, are among the sources).
    pub theme: String,
    /// Published sources that `commit` does not hold as they were published, and files it
    /// holds that were not published. Empty when the commit reproduces the site.
    pub uncommitted: Vec<ManifestUncommitted>,
    pub algorithm: String,
    pub files: Vec<FileHash>,
    /// SHA-256 of the lines `<hash>  <path>\n` of every file, in path order: what
    /// `sha256sum` prints for the files in that order, hashed once more.
    pub manifest: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestUncommitted {
    pub path: String,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileHash {
    pub path: String,
    pub sha256: String,
}

impl Manifest {
    /// The hash over the list of files (see [`Manifest::manifest`]).
    pub fn list_hash(files: &[FileHash]) -> String {
        let mut all = Sha256::new();
        for f in files {
            all.update(format!("{}  {}\n", f.sha256, f.path).as_bytes());
        }
        hex(&all.finalize())
    }
}

/// Where the sources were checked out from, when the site is built from a checkout of a
/// commit rather than from a work tree (`verify` rebuilds this way).
#[derive(Clone, Debug)]
pub struct Origin {
    /// The repository (a work tree or a git folder, bare or not).
    pub repo: PathBuf,
    /// The site's folder inside it, `/`-terminated, or empty.
    pub prefix: String,
    pub commit: String,
    /// Why the site being verified showed no history (`None`: it did, so build it).
    pub no_history: Option<NoHistory>,
}

/// Everything the site publishes about its origin.
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    /// Site path → its commits, oldest first.
    pub history: Option<HashMap<String, Vec<HistoryEntry>>>,
    /// Why there is no history (not a git repository, a shallow clone), said once.
    pub no_history: Option<NoHistory>,
    pub manifest: Option<Manifest>,
}

impl Provenance {
    /// Reads the history of the site's repository (or of `origin`) and hashes its sources.
    pub fn collect(
        site: &Site,
        as_of: Date,
        base_url: &str,
        origin: Option<&Origin>,
    ) -> Provenance {
        let mut p = Provenance::default();
        let (repo, commit) = match origin {
            Some(o) => match Repo::open_git(&o.repo, o.prefix.clone()) {
                Ok(r) => {
                    p.no_history = o.no_history;
                    (Some(r), git2::Oid::from_str(&o.commit).ok())
                }
                Err(e) => {
                    p.no_history = Some(e);
                    (None, None)
                }
            },
            None => match Repo::open(&site.root) {
                Ok(r) => {
                    let head = r.head_oid();
                    (Some(r), head)
                }
                Err(e) => {
                    p.no_history = Some(e);
                    (None, None)
                }
            },
        };
        if let Some(repo) = &repo {
            if repo.shallow && origin.is_none() {
                p.no_history = Some(NoHistory::Shallow);
            }
            if p.no_history.is_none() {
                p.history = commit.and_then(|c| history(repo, site, c).ok());
            }
        }
        let paths = source_paths(site);
        let hashed = sources::hash(&site.root, &paths, repo.is_some());
        let uncommitted = match (&repo, commit) {
            (Some(repo), Some(c)) => repo
                .repo
                .find_commit(c)
                .and_then(|c| c.tree())
                .map(|t| sources::compare(repo, &t, &site.config.theme, &hashed))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let files: Vec<FileHash> = hashed
            .into_iter()
            .map(|h| FileHash {
                path: h.path,
                sha256: h.sha256,
            })
            .collect();
        p.manifest = Some(Manifest {
            generator: format!("council {}", env!("CARGO_PKG_VERSION")),
            commit: commit.map(|c| c.to_string()),
            as_of: as_of.to_string(),
            base_url: base_url.to_string(),
            history: p.history.is_some(),
            no_history: p.no_history.map(|n| n.key().to_string()),
            theme: site.config.theme.clone(),
            uncommitted: uncommitted
                .into_iter()
                .map(|u| ManifestUncommitted {
                    path: u.path,
                    reason: u.reason.to_string(),
                })
                .collect(),
            algorithm: "sha256".into(),
            manifest: Manifest::list_hash(&files),
            files,
        });
        p
    }
}

/// Why a build has no history, as the build's note says it (pages use the theme's
/// `transparency.no_history` strings).
pub fn no_history_note(n: NoHistory) -> Msg {
    match n {
        NoHistory::NotARepository => msg!("history-none-repository"),
        NoHistory::Ignored => msg!("history-none-ignored"),
        NoHistory::Shallow => msg!("history-none-shallow"),
        NoHistory::Empty => msg!("history-none-empty"),
        NoHistory::NotOwned => msg!("history-none-not-owned"),
    }
}

/// Each record's commits, from the first commit to `head`: renamed records keep their
/// history under the new name, a record deleted and restored says so.
fn history(
    repo: &Repo,
    site: &Site,
    head: git2::Oid,
) -> Result<HashMap<String, Vec<HistoryEntry>>, crate::error::Error> {
    let languages = site.config.languages.clone();
    let commits = repo.walk(&WalkOptions {
        from: Some(head),
        ..WalkOptions::default()
    })?;
    let names = repo.mailmap_in(repo.repo.find_commit(head).ok().map(|c| c.tree_id()));
    let mut out: HashMap<String, Vec<HistoryEntry>> = HashMap::new();
    let mut deleted: HashSet<String> = HashSet::new();
    let mut status_cache: HashMap<(git2::Oid, String), super::signature::SigStatus> =
        HashMap::new();
    for c in &commits {
        for ch in &c.changes {
            let change = match &ch.kind {
                ChangeKind::Added if deleted.remove(&ch.path) && out.contains_key(&ch.path) => {
                    "restored"
                }
                ChangeKind::Added => "added",
                ChangeKind::Modified => "changed",
                ChangeKind::Renamed { from } => {
                    if let Some(before) = out.remove(from) {
                        let after = out.entry(ch.path.clone()).or_default();
                        let mut all = before;
                        all.append(after);
                        *after = all;
                    }
                    "renamed"
                }
                ChangeKind::Deleted => {
                    deleted.insert(ch.path.clone());
                    continue;
                }
            };
            let key = ch.council.clone().unwrap_or_default();
            let status = status_cache
                .entry((c.oid, key.clone()))
                .or_insert_with(|| commit_status(repo, c, &key, &languages))
                .clone();
            let fingerprint = match &status {
                super::signature::SigStatus::Verified { fingerprint }
                | super::signature::SigStatus::UnknownKey { fingerprint } => {
                    Some(fingerprint.clone())
                }
                _ => None,
            };
            let author = names.resolve(&c.author, &c.email).0;
            out.entry(ch.path.clone()).or_default().push(HistoryEntry {
                id: c.id.clone(),
                short: c.id[..10].to_string(),
                date: c.date.to_string(),
                author: author.clone(),
                author_lang: author
                    .chars()
                    .any(|ch| matches!(ch, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'))
                    .then_some("zh"),
                signature: status.kind(),
                fingerprint,
                change,
            });
        }
    }
    Ok(out)
}

fn commit_status(
    repo: &Repo,
    c: &CommitInfo,
    key: &str,
    languages: &[String],
) -> super::signature::SigStatus {
    if key.is_empty() {
        super::signature::check(&repo.repo, c.oid, &[])
    } else {
        status_of(repo, c, key, languages)
    }
}
