//! Writing a commit's sources into a folder, straight from git's objects (no filters, no
//! configuration, no work tree), and comparing two built sites file by file.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Serialize;

use super::RebuildCheck;
use crate::audit::history::Repo;
use crate::audit::provenance::TreeFile;
use crate::error::Error;
use crate::msg;

/// A file of the copy that is not what the rebuild made.
#[derive(Clone, Debug, Serialize)]
pub struct Differing {
    pub path: String,
    /// The first line (1-based) where they differ.
    pub line: usize,
    /// That line in each, cut short.
    pub published: String,
    pub rebuilt: String,
}

/// The bytes a source has in the commit: a symbolic link's are its target's (inside the
/// commit), as the site's loader reads them.
pub fn blob_bytes(
    repo: &Repo,
    files: &HashMap<String, TreeFile>,
    path: &str,
    file: &TreeFile,
) -> Option<Vec<u8>> {
    let mut at = (path.to_string(), *file);
    for _ in 0..16 {
        let bytes = repo.repo.find_blob(at.1.oid).ok()?.content().to_vec();
        if !at.1.link {
            return Some(bytes);
        }
        let target = resolve(&at.0, &String::from_utf8_lossy(&bytes))?;
        let next = *files.get(&target)?;
        at = (target, next);
    }
    None
}

/// A link's target as a site path, from the folder of the link; `None` when it leaves the site.
fn resolve(link: &str, target: &str) -> Option<String> {
    if target.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = link.split('/').collect();
    parts.pop();
    for p in target.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Writes the commit's sources under `dir`, links as links (where the system has them).
pub fn checkout(repo: &Repo, files: &HashMap<String, TreeFile>, dir: &Path) -> Result<(), Error> {
    let mut paths: Vec<&String> = files.keys().collect();
    paths.sort();
    for p in paths {
        let f = files[p];
        let dest = dir.join(p);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let blob = repo.repo.find_blob(f.oid).map_err(|e| {
            Error::other(msg!(
                "git-failed",
                detail = format!("`{p}`: {}", e.message())
            ))
        })?;
        #[cfg(unix)]
        if f.link {
            let target = String::from_utf8_lossy(blob.content()).into_owned();
            std::os::unix::fs::symlink(target, &dest).map_err(|e| Error::io(&dest, e))?;
            continue;
        }
        let bytes = match f.link {
            true => blob_bytes(repo, files, p, &f).unwrap_or_default(),
            false => blob.content().to_vec(),
        };
        std::fs::write(&dest, bytes).map_err(|e| Error::io(&dest, e))?;
    }
    Ok(())
}

/// Every file below `dir`: path → full path, without council's output marker.
fn listing(dir: &Path) -> Result<BTreeMap<String, std::path::PathBuf>, Error> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).follow_links(false) {
        let e = e.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            match e.into_io_error() {
                Some(io) => Error::io(path, io),
                None => Error::other(msg!("git-failed", detail = path.display().to_string())),
            }
        })?;
        if e.file_type().is_dir() {
            continue;
        }
        let rel = crate::load::rel_path(dir, e.path());
        if rel == crate::site::output::MARKER {
            continue;
        }
        out.insert(rel, e.path().to_path_buf());
    }
    Ok(out)
}

/// Compares the rebuild with the copy, file by file.
pub fn trees(rebuilt: &Path, copy: &Path) -> Result<RebuildCheck, Error> {
    let (ours, theirs) = (listing(rebuilt)?, listing(copy)?);
    let mut out = RebuildCheck {
        checked: true,
        files: ours.len(),
        ..RebuildCheck::default()
    };
    for (rel, path) in &ours {
        let Some(other) = theirs.get(rel) else {
            out.missing.push(rel.clone());
            continue;
        };
        let a = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let b = std::fs::read(other).map_err(|e| Error::io(other, e))?;
        if a != b {
            out.differing.push(first_difference(rel, &b, &a));
        }
    }
    out.extra = theirs
        .keys()
        .filter(|k| !ours.contains_key(*k))
        .cloned()
        .collect();
    Ok(out)
}

/// Where two versions of a file first differ, by line.
fn first_difference(path: &str, published: &[u8], rebuilt: &[u8]) -> Differing {
    let (a, b): (Vec<&[u8]>, Vec<&[u8]>) = (
        published.split(|&c| c == b'\n').collect(),
        rebuilt.split(|&c| c == b'\n').collect(),
    );
    let i = (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .unwrap_or(0);
    let show = |l: Option<&&[u8]>| match l {
        None => "(end of file)".to_string(),
        Some(l) => {
            let s = String::from_utf8_lossy(l);
            let cut: String = s.chars().take(160).collect();
            if cut.len() < s.len() {
                format!("{cut}…")
            } else {
                cut
            }
        }
    };
    Differing {
        path: path.to_string(),
        line: i + 1,
        published: show(a.get(i)),
        rebuilt: show(b.get(i)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_differing_line_is_named() {
        let d = first_difference("a.html", b"one\ntwo\nthree\n", b"one\nTWO\nthree\n");
        assert_eq!(
            (d.line, d.published.as_str(), d.rebuilt.as_str()),
            (2, "two", "TWO")
        );
        let d = first_difference("a.html", b"one", b"one\ntwo");
        assert_eq!((d.line, d.published.as_str()), (2, "(end of file)"));
    }

    #[test]
    fn links_resolve_inside_the_site_only() {
        assert_eq!(
            resolve("static/a/link.css", "../style.css").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(resolve("static/link.css", "../../etc/passwd"), None);
        assert_eq!(resolve("static/link.css", "/etc/passwd"), None);
    }
}
