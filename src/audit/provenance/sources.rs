//! The sources of a site — every file that shapes its output — hashed, and compared with
//! the commit the site says it was built from.
//!
//! The comparison is with the commit's tree, file by file, by git's own object id of the
//! bytes that were published: it does not ask the index (`git status`), so a file git was
//! told to ignore (`.gitignore`, `.git/info/exclude`), to stop looking at
//! (`update-index --assume-unchanged`, `--skip-worktree`) or simply changed after the commit
//! is named all the same, in a shallow clone too.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use git2::{Oid, Tree};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::history::Repo;
use crate::model::Site;

/// A source as published: its path (site-relative) and SHA-256, and git's id of the same
/// bytes (of the link, for a symbolic link).
pub struct Hashed {
    pub path: String,
    pub sha256: String,
    pub oid: Option<Oid>,
}

/// A file of a commit's tree: its blob, and whether it is a symbolic link (the blob is then
/// the link's target).
#[derive(Clone, Copy, Debug)]
pub struct TreeFile {
    pub oid: Oid,
    pub link: bool,
}

/// A published source that the commit does not hold as it was published.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Uncommitted {
    /// A file, or a folder (ending in `/`) none of whose files the commit has.
    pub path: String,
    /// `modified`, `untracked`, `ignored`, `assume-unchanged`, `skip-worktree` (published
    /// bytes that are not the commit's), or `deleted` (in the commit, not published).
    pub reason: &'static str,
}

/// Every file that shapes the output, sorted: site.toml, the records, content pages,
/// `static/`, attachments, and the site's theme files (`themes/<name>/`, which override the
/// built-in theme).
pub fn source_paths(site: &Site) -> Vec<String> {
    let mut paths: BTreeSet<String> = site.files.iter().cloned().collect();
    paths.insert("site.toml".into());
    let theme = site.root.join("themes").join(&site.config.theme);
    if theme.is_dir() {
        let mut diags = Vec::new();
        for f in crate::load::walk_files(&site.root, &theme, &mut diags) {
            paths.insert(f.rel);
        }
    }
    paths.into_iter().collect()
}

/// Reads and hashes every source (in parallel); git ids only when there is a commit to
/// compare with.
pub fn hash(root: &Path, paths: &[String], with_git: bool) -> Vec<Hashed> {
    paths
        .par_iter()
        .filter_map(|p| {
            let full = root.join(p);
            let bytes = std::fs::read(&full).ok()?;
            let oid = with_git.then(|| git_id(&full, &bytes)).flatten();
            Some(Hashed {
                path: p.clone(),
                sha256: hex(&Sha256::digest(&bytes)),
                oid,
            })
        })
        .collect()
}

/// git's id of a work-tree file: of its bytes, or of its target for a symbolic link.
fn git_id(full: &Path, bytes: &[u8]) -> Option<Oid> {
    let meta = std::fs::symlink_metadata(full).ok()?;
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(full).ok()?;
        return Oid::hash_object(git2::ObjectType::Blob, target.to_string_lossy().as_bytes()).ok();
    }
    Oid::hash_object(git2::ObjectType::Blob, bytes).ok()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The sources a tree holds: site path → blob, below the site's prefix, in the folders the
/// site is read from (hidden files and editors' backups left out, as the walk leaves them),
/// and the folders that hold them.
pub fn commit_sources(
    repo: &Repo,
    tree: &Tree<'_>,
    theme: &str,
) -> (HashMap<String, TreeFile>, BTreeSet<String>) {
    let mut files = HashMap::new();
    let mut dirs = BTreeSet::new();
    let theme_dir = format!("themes/{theme}");
    let tops = ["councils", "content", "static", theme_dir.as_str()];
    for top in tops {
        let Ok(entry) = tree.get_path(Path::new(&format!("{}{top}", repo.prefix))) else {
            continue;
        };
        let Ok(sub) = repo.repo.find_tree(entry.id()) else {
            continue;
        };
        dirs.insert(format!("{top}/"));
        let _ = sub.walk(git2::TreeWalkMode::PreOrder, |dir, e| {
            let name = e.name().unwrap_or("");
            if crate::load::is_ignored(name) {
                return git2::TreeWalkResult::Skip;
            }
            let path = format!("{top}/{dir}{name}");
            match e.kind() {
                Some(git2::ObjectType::Tree) => {
                    dirs.insert(format!("{path}/"));
                }
                Some(git2::ObjectType::Blob) => {
                    let link = e.filemode() == i32::from(git2::FileMode::Link);
                    files.insert(path, TreeFile { oid: e.id(), link });
                }
                _ => {}
            }
            git2::TreeWalkResult::Ok
        });
    }
    if let Ok(e) = tree.get_path(Path::new(&format!("{}site.toml", repo.prefix))) {
        let link = e.filemode() == i32::from(git2::FileMode::Link);
        files.insert("site.toml".into(), TreeFile { oid: e.id(), link });
    }
    (files, dirs)
}

/// What the published sources have that `tree` does not, and what `tree` has that was not
/// published. A folder none of whose files the commit holds is named once.
pub fn compare(repo: &Repo, tree: &Tree<'_>, theme: &str, hashed: &[Hashed]) -> Vec<Uncommitted> {
    let (mut committed, dirs) = commit_sources(repo, tree, theme);
    let index = repo.repo.index().ok();
    let mut out = Vec::new();
    let mut folders: BTreeMap<String, &'static str> = BTreeMap::new();
    for h in hashed {
        let in_git = repo.prefix.clone() + &h.path;
        match committed.remove(&h.path) {
            Some(f) if Some(f.oid) == h.oid => {}
            Some(_) => {
                let entry = index
                    .as_ref()
                    .and_then(|i| i.get_path(Path::new(&in_git), 0));
                let reason = match entry {
                    Some(e) if git2::IndexEntryFlag::from_bits_truncate(e.flags).is_valid() => {
                        "assume-unchanged"
                    }
                    Some(e)
                        if git2::IndexEntryExtendedFlag::from_bits_truncate(e.flags_extended)
                            .is_skip_worktree() =>
                    {
                        "skip-worktree"
                    }
                    _ => "modified",
                };
                out.push(Uncommitted {
                    path: h.path.clone(),
                    reason,
                });
            }
            None => {
                let reason = if repo.repo.is_path_ignored(&in_git).unwrap_or(false) {
                    "ignored"
                } else {
                    "untracked"
                };
                // The outermost folder the commit does not have at all, if any.
                let missing = h
                    .path
                    .match_indices('/')
                    .map(|(i, _)| &h.path[..=i])
                    .find(|d| !dirs.contains(*d));
                match missing {
                    Some(d) => {
                        folders.entry(d.to_string()).or_insert(reason);
                    }
                    None => out.push(Uncommitted {
                        path: h.path.clone(),
                        reason,
                    }),
                }
            }
        }
    }
    out.extend(
        folders
            .into_iter()
            .map(|(path, reason)| Uncommitted { path, reason }),
    );
    out.extend(committed.into_keys().map(|path| Uncommitted {
        path,
        reason: "deleted",
    }));
    out.sort();
    out
}
