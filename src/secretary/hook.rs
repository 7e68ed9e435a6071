//! `council hook install`: a git pre-commit hook that runs `council hook pre-commit` before
//! each commit, so that records with errors are not committed.
//!
//! What is checked is what will be committed: the files as staged (git's index), written to
//! a temporary folder inside `.git`, not the files on disk, which may differ from what was
//! staged. When a file with an error differs on disk from its staged copy, the hook says so:
//! the secretary has usually fixed it and forgotten `git add`.

use std::path::{Path, PathBuf};

use crate::check::{CheckOptions, Checked, check};
use crate::diag::Severity;
use crate::error::Error;
use crate::msg;

const MARK: &str = "# Installed by `council hook install`";

/// Installs the hook in the repository holding the site at `path`; returns its path.
pub fn install(path: &Path) -> Result<PathBuf, Error> {
    let root = crate::load::find_root(path)?;
    let repo = open(&root)?;
    let hooks = repo.path().join("hooks");
    std::fs::create_dir_all(&hooks).map_err(|e| Error::io(&hooks, e))?;
    let hook = hooks.join("pre-commit");
    if let Ok(existing) = std::fs::read_to_string(&hook)
        && !existing.contains(MARK)
    {
        return Err(Error::usage(msg!("hook-exists", path = &hook)).help(msg!(
            "hook-exists-help",
            line = format!("council hook pre-commit \"{}\" || exit 1", root.display())
        )));
    }
    let exe = std::env::current_exe()
        .map_err(|e| Error::other(msg!("io-other", detail = e.to_string())))?;
    // The site's folder inside the repository, so the hook works wherever the clone is
    // (git runs hooks at the top of the work tree).
    let site = site_in_repo(&repo, &root);
    let site = if site.is_empty() {
        ".".to_string()
    } else {
        site
    };
    let script = format!(
        "#!/bin/sh\n{MARK}: checks the records about to be committed.\n# To skip once: git commit --no-verify\nCOUNCIL=\"$(command -v council || echo {exe})\"\nexec \"$COUNCIL\" hook pre-commit {site}\n",
        exe = shell_quote(&exe.to_string_lossy()),
        site = shell_quote(&site),
    );
    std::fs::write(&hook, script).map_err(|e| Error::io(&hook, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755));
    }
    Ok(hook)
}

fn open(root: &Path) -> Result<git2::Repository, Error> {
    git2::Repository::discover(root).map_err(|_| {
        Error::other(msg!("not-a-repository", path = root)).help(msg!("not-a-repository-help"))
    })
}

/// The site's folder relative to the repository's work tree, `/`-separated ("" at the top).
fn site_in_repo(repo: &git2::Repository, root: &Path) -> String {
    let workdir = repo
        .workdir()
        .map(|w| w.canonicalize().unwrap_or_else(|_| w.to_path_buf()));
    workdir
        .as_deref()
        .and_then(|w| root.strip_prefix(w).ok())
        .map(|p| crate::load::rel_path(Path::new(""), p))
        .unwrap_or_default()
}

/// What the pre-commit check found in the staged records.
pub struct Staged {
    /// The staged site, checked; `None` when the commit stages nothing of the site.
    pub checked: Option<Checked>,
    /// Files with an error whose copy on disk differs from the staged one.
    pub differs: Vec<String>,
}

/// Removes the temporary copy of the index however the check ends.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Checks the site at `path` as staged for the next commit.
pub fn pre_commit(path: &Path) -> Result<Staged, Error> {
    let root = crate::load::find_root(path)?;
    let repo = open(&root)?;
    let prefix = match site_in_repo(&repo, &root) {
        p if p.is_empty() => String::new(),
        p => format!("{p}/"),
    };
    let index = repo.index().map_err(git_error)?;
    let tmp = TempDir(
        repo.path()
            .join(format!("council-staged-{}", std::process::id())),
    );
    let _ = std::fs::remove_dir_all(&tmp.0);
    std::fs::create_dir_all(&tmp.0).map_err(|e| Error::io(&tmp.0, e))?;
    let mut staged: Vec<(String, git2::Oid)> = Vec::new();
    for entry in index.iter() {
        // Stage 0 only (a conflicted file has no single staged version); regular files only.
        let stage = (entry.flags >> 12) & 0x3;
        let kind = entry.mode & 0o170000;
        if stage != 0 || kind != 0o100000 {
            continue;
        }
        let full = String::from_utf8_lossy(&entry.path).into_owned();
        let Some(rel) = full.strip_prefix(&prefix) else {
            continue;
        };
        if rel.split('/').any(|p| p == ".." || p.is_empty()) {
            continue;
        }
        let blob = repo.find_blob(entry.id).map_err(git_error)?;
        let dest = tmp.0.join(rel);
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&dest, blob.content()).map_err(|e| Error::io(&dest, e))?;
        staged.push((rel.to_string(), entry.id));
    }
    if !staged.iter().any(|(rel, _)| rel == "site.toml") {
        return Ok(Staged {
            checked: None,
            differs: Vec::new(),
        });
    }
    let checked = check(&CheckOptions {
        path: tmp.0.clone(),
        today: None,
    })?;
    let mut differs: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.file.clone())
        .filter(|file| {
            let Some((_, oid)) = staged.iter().find(|(rel, _)| rel == file) else {
                return false;
            };
            let on_disk = std::fs::read(root.join(file)).ok();
            let staged_bytes = repo.find_blob(*oid).ok().map(|b| b.content().to_vec());
            on_disk != staged_bytes
        })
        .collect();
    differs.sort();
    differs.dedup();
    Ok(Staged {
        checked: Some(checked),
        differs,
    })
}

fn git_error(e: git2::Error) -> Error {
    Error::other(msg!("git-failed", detail = e.message()))
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
