//! Writing the output folder so that no reader ever sees a half-written file, nothing is
//! rewritten when its bytes did not change, and only files the site no longer produces are
//! removed. The folder is never wiped: on a real disk, deleting and re-creating tens of
//! thousands of files costs more than rendering them.
//!
//! Each changed file is written to a temporary file beside it and renamed over the old one
//! (an atomic replacement on POSIX file systems). A marker file tells council's output apart
//! from a folder that merely has the same name: council refuses to clean a non-empty folder
//! it did not create.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The marker council leaves in its output folder.
pub const MARKER: &str = ".council-output";
const MARKER_TEXT: &str = "This folder is written by `council build`.\nFiles the site no longer produces are removed at each build; do not keep other files here.\n";
const TMP_SUFFIX: &str = ".council-tmp";

/// What happened to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    Unchanged,
    Written,
}

pub struct Output {
    pub root: PathBuf,
}

impl Output {
    /// Checks that `dir` may be used as the output of the site at `site_root`, and creates it.
    /// Refuses the site root itself, a folder holding it, the source folders, and a non-empty
    /// folder that council did not create.
    pub fn prepare(dir: &Path, site_root: &Path) -> Result<Output, Error> {
        let refuse = |why: &str| Error::Path {
            path: dir.to_path_buf(),
            reason: why.to_string(),
        };
        if let Ok(meta) = fs::symlink_metadata(dir) {
            if meta.file_type().is_symlink() {
                return Err(refuse(
                    "the output folder is a symbolic link; give a real folder",
                ));
            }
            if !meta.is_dir() {
                return Err(refuse("it is a file, not a folder"));
            }
            let canon = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
            if site_root.starts_with(&canon) {
                return Err(refuse(
                    "it is the site itself or holds it; publish to a folder such as `public`",
                ));
            }
            for source in ["councils", "content", "static", "themes"] {
                if canon.starts_with(site_root.join(source)) {
                    return Err(refuse(
                        "it is inside the site's sources; publish to a folder such as `public`",
                    ));
                }
            }
            let empty = fs::read_dir(dir)
                .map_err(|e| Error::io(dir, e))?
                .next()
                .is_none();
            if !empty && !dir.join(MARKER).is_file() {
                return Err(refuse(
                    "it is not empty and was not written by council build; choose an empty or new folder (council removes files it does not produce)",
                ));
            }
        }
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let out = Output {
            root: dir.canonicalize().map_err(|e| Error::io(dir, e))?,
        };
        out.put(MARKER, MARKER_TEXT.as_bytes())
            .map_err(|e| Error::io(dir.join(MARKER), e))?;
        Ok(out)
    }

    /// Makes `rel` hold `bytes`, atomically, unless it already does.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<Put> {
        let path = self.root.join(rel);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_file() => {
                if meta.len() == bytes.len() as u64 && fs::read(&path)? == bytes {
                    return Ok(Put::Unchanged);
                }
            }
            Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path)?,
            Ok(_) => fs::remove_file(&path)?,
            Err(_) => {}
        }
        let parent = path.parent().expect("output files have a folder");
        fs::create_dir_all(parent)?;
        let name = path
            .file_name()
            .expect("output files have a name")
            .to_string_lossy();
        let tmp = parent.join(format!(".{name}{TMP_SUFFIX}"));
        fs::write(&tmp, bytes)?;
        fs::rename(&tmp, &path)?;
        Ok(Put::Written)
    }

    /// Removes every file not in `produced` (paths relative to the root), and folders left
    /// empty. Returns how many files were removed.
    pub fn remove_stale(&self, produced: &HashSet<String>) -> io::Result<usize> {
        let mut removed = 0;
        let mut dirs = Vec::new();
        for entry in walkdir::WalkDir::new(&self.root).min_depth(1) {
            let entry = entry.map_err(io::Error::other)?;
            let rel = crate::load::rel_path(&self.root, entry.path());
            if entry.file_type().is_dir() {
                dirs.push(entry.path().to_path_buf());
                continue;
            }
            if rel == MARKER || produced.contains(&rel) {
                continue;
            }
            fs::remove_file(entry.path())?;
            removed += 1;
        }
        // Deepest first, so that a folder emptied by its children goes too.
        dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        for d in dirs {
            if fs::read_dir(&d)?.next().is_none() {
                fs::remove_dir(&d)?;
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_bytes_are_not_rewritten_and_stale_files_go() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join("public");
        let out = Output::prepare(&dir, &site.path().canonicalize().unwrap()).unwrap();
        assert_eq!(out.put("a/index.html", b"one").unwrap(), Put::Written);
        let mtime = fs::metadata(dir.join("a/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(out.put("a/index.html", b"one").unwrap(), Put::Unchanged);
        assert_eq!(
            fs::metadata(dir.join("a/index.html"))
                .unwrap()
                .modified()
                .unwrap(),
            mtime
        );
        assert_eq!(out.put("a/index.html", b"two").unwrap(), Put::Written);
        out.put("b/c/index.html", b"x").unwrap();
        let produced: HashSet<String> = ["a/index.html".to_string()].into();
        assert_eq!(out.remove_stale(&produced).unwrap(), 1);
        assert!(!dir.join("b").exists());
        assert!(dir.join(MARKER).exists());
    }

    #[test]
    fn refuses_folders_it_must_not_clean() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path().canonicalize().unwrap();
        assert!(Output::prepare(&root, &root).is_err());
        fs::create_dir_all(root.join("councils/x")).unwrap();
        assert!(Output::prepare(&root.join("councils/x"), &root).is_err());
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/notes.txt"), "keep me").unwrap();
        let err = Output::prepare(&root.join("mine"), &root)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("not empty"), "{err}");
        assert!(root.join("mine/notes.txt").exists());
    }
}
