//! Writing the output folder so that no reader ever sees a half-written file, nothing is
//! rewritten when its bytes did not change, and only files the site no longer produces are
//! removed. The folder is never wiped: on a real disk, deleting and re-creating tens of
//! thousands of files costs more than rendering them.
//!
//! Each changed file is first written to a temporary file beside it (staged); only when every
//! file rendered are they renamed over the old ones (an atomic replacement on POSIX file
//! systems), so a build that fails half-way leaves the output as it was. A first build writes
//! the whole tree into a new folder beside the output and renames it into place: readers see
//! nothing, then everything. A marker file tells council's output apart from a folder that
//! merely has the same name: council refuses to clean a non-empty folder it did not create.

use std::collections::HashSet;

use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::Error;
use crate::i18n::Msg;
use crate::msg;

/// The marker council leaves in its output folder.
pub const MARKER: &str = ".council-output";
const MARKER_TEXT: &str = "This folder is written by `council build`.\nFiles the site no longer produces are removed at each build; do not keep other files here.\n";
const TMP_SUFFIX: &str = ".council-tmp";

pub struct Output {
    pub root: PathBuf,
    /// Folders this build created, so that an aborted build can remove them again.
    created: Mutex<Vec<PathBuf>>,
    /// The folder was missing or empty: nothing to compare with, nothing stale. Then the
    /// whole site is written into a new folder beside it, switched into place at the end.
    fresh: bool,
    /// Where files are written: `root`, or for a fresh build the new folder beside it.
    work: PathBuf,
}

/// A file rendered and compared with what the output holds.
#[derive(Debug)]
pub enum Staged {
    Unchanged,
    /// The new bytes wait in a temporary file beside the destination.
    Changed {
        tmp: PathBuf,
        dest: PathBuf,
    },
    /// Written into the new folder of a fresh build.
    Direct,
}

impl Output {
    /// Checks that `dir` may be used as the output of the site at `site_root`, without
    /// creating or changing anything. Refuses the site root itself, a folder holding it, the
    /// source folders, and a non-empty folder that council did not create.
    pub fn open(dir: &Path, site_root: &Path) -> Result<Output, Error> {
        let refuse = |why: Msg| Error::Path {
            path: dir.to_path_buf(),
            reason: why,
        };
        let mut root = dir.to_path_buf();
        let mut fresh = true;
        if let Ok(meta) = fs::symlink_metadata(dir) {
            if meta.file_type().is_symlink() {
                return Err(refuse(msg!("output-symlink")));
            }
            if !meta.is_dir() {
                return Err(refuse(msg!("output-is-file")));
            }
            root = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
            if site_root.starts_with(&root) {
                return Err(refuse(msg!("output-is-site")));
            }
            for source in ["councils", "content", "static", "themes"] {
                if root.starts_with(site_root.join(source)) {
                    return Err(refuse(msg!("output-in-sources")));
                }
            }
            let empty = fs::read_dir(dir)
                .map_err(|e| Error::io(dir, e))?
                .next()
                .is_none();
            fresh = empty;
            if !empty && !dir.join(MARKER).is_file() {
                return Err(refuse(msg!("output-not-ours")));
            }
        } else if let Some(parent) = dir.parent().filter(|p| p.exists()) {
            let parent = parent.canonicalize().map_err(|e| Error::io(dir, e))?;
            root = parent.join(dir.file_name().unwrap_or_default());
            if root.starts_with(site_root.join("councils"))
                || root.starts_with(site_root.join("content"))
            {
                return Err(refuse(msg!("output-in-sources")));
            }
        }
        let work = if fresh {
            let name = root.file_name().unwrap_or_default().to_string_lossy();
            let parent = root.parent().unwrap_or(Path::new("."));
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            let work = parent.join(format!(".{name}.council-new"));
            if work.exists() {
                // Left by a build that was killed: council's own, by its name.
                fs::remove_dir_all(&work).map_err(|e| Error::io(&work, e))?;
            }
            work
        } else {
            root.clone()
        };
        Ok(Output {
            root,
            created: Mutex::new(Vec::new()),
            fresh,
            work,
        })
    }

    /// Creates every folder the files `rels` need, once, before staging them (in parallel,
    /// staging then never has to look at folders). Folders are made a level at a time, each
    /// level in parallel: on a real disk a `mkdir` costs as much as writing a small file.
    pub fn prepare_dirs<'r>(&self, rels: impl Iterator<Item = &'r str>) -> io::Result<()> {
        let mut dirs: Vec<&str> = Vec::new();
        for rel in rels {
            // The file's folder and every folder above it, so that each is created after its
            // parent with a single call.
            let mut d = rel;
            while let Some((parent, _)) = d.rsplit_once('/') {
                dirs.push(parent);
                d = parent;
            }
        }
        dirs.sort_unstable_by_key(|d| (d.matches('/').count(), *d));
        dirs.dedup();
        self.create_dirs(&self.work)?;
        for level in dirs.chunk_by(|a, b| a.matches('/').count() == b.matches('/').count()) {
            level.par_iter().try_for_each(|d| {
                let path = self.work.join(d);
                if !self.fresh && fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
                    // A file where a folder must now be: an old output's, replaced.
                    fs::remove_file(&path)?;
                }
                self.create_dirs(&path)
            })?;
        }
        Ok(())
    }

    fn create_dirs(&self, dir: &Path) -> io::Result<()> {
        if !self.fresh && dir.is_dir() {
            return Ok(());
        }
        if self.fresh && fs::create_dir(dir).is_ok() {
            self.created
                .lock()
                .expect("not poisoned")
                .push(dir.to_path_buf());
            return Ok(());
        }
        if dir.is_dir() {
            return Ok(());
        }
        let mut missing = Vec::new();
        let mut d = dir;
        while !d.exists() {
            missing.push(d.to_path_buf());
            match d.parent() {
                Some(p) => d = p,
                None => break,
            }
        }
        fs::create_dir_all(dir)?;
        self.created.lock().expect("not poisoned").extend(missing);
        Ok(())
    }

    /// Compares `bytes` with what `rel` holds and, when they differ, writes them to a
    /// temporary file beside it. Nothing a reader sees changes until [`Output::commit`].
    /// The file's folder must exist ([`Output::prepare_dirs`]).
    pub fn stage(&self, rel: &str, bytes: &[u8]) -> io::Result<Staged> {
        if self.fresh {
            fs::write(self.work.join(rel), bytes)?;
            return Ok(Staged::Direct);
        }
        let dest = self.root.join(rel);
        if let Ok(meta) = fs::symlink_metadata(&dest)
            && meta.is_file()
            && meta.len() == bytes.len() as u64
            && fs::read(&dest)? == bytes
        {
            return Ok(Staged::Unchanged);
        }
        let parent = dest.parent().expect("output files have a folder");
        let name = dest
            .file_name()
            .expect("output files have a name")
            .to_string_lossy();
        let tmp = parent.join(format!(".{name}{TMP_SUFFIX}"));
        fs::write(&tmp, bytes)?;
        Ok(Staged::Changed { tmp, dest })
    }

    /// Like [`Output::stage`], for a file made by `write` as it is written (a city's
    /// `city.json` of a million matters is never held in memory): written beside its
    /// destination, then compared with it a block at a time.
    pub fn stage_with(
        &self,
        rel: &str,
        write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<Staged> {
        fn to_file(
            path: &Path,
            write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
        ) -> io::Result<()> {
            let mut w = io::BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
            write(&mut w)?;
            io::Write::flush(&mut w)
        }
        if self.fresh {
            to_file(&self.work.join(rel), write)?;
            return Ok(Staged::Direct);
        }
        let dest = self.root.join(rel);
        let parent = dest.parent().expect("output files have a folder");
        let name = dest
            .file_name()
            .expect("output files have a name")
            .to_string_lossy();
        let tmp = parent.join(format!(".{name}{TMP_SUFFIX}"));
        to_file(&tmp, write)?;
        if same_bytes(&tmp, &dest)? {
            fs::remove_file(&tmp)?;
            return Ok(Staged::Unchanged);
        }
        Ok(Staged::Changed { tmp, dest })
    }

    /// Moves every staged file into place, each with an atomic rename, and leaves the
    /// marker that makes the folder council's.
    pub fn commit(&self, staged: Vec<Staged>) -> io::Result<usize> {
        if self.fresh {
            fs::write(self.work.join(MARKER), MARKER_TEXT)?;
            if self.root.exists() {
                // An empty folder: replaced by the new one in the same rename.
                fs::remove_dir(&self.root)?;
            }
            fs::rename(&self.work, &self.root)?;
            return Ok(staged.len());
        }
        let mut written = 0;
        for s in staged {
            if let Staged::Changed { tmp, dest } = s {
                if !self.fresh {
                    match fs::symlink_metadata(&dest) {
                        Ok(m) if m.is_dir() => fs::remove_dir_all(&dest)?,
                        Ok(m) if !m.is_file() => fs::remove_file(&dest)?,
                        _ => {}
                    }
                }
                fs::rename(&tmp, &dest)?;
                written += 1;
            }
        }
        let marker = self.root.join(MARKER);
        if !marker.is_file() {
            fs::write(marker, MARKER_TEXT)?;
        }
        Ok(written)
    }

    /// Undoes a build that failed before [`Output::commit`]: removes the staged files and the
    /// folders this build created, so the output is as it was.
    pub fn abort(&self, staged: Vec<Staged>) {
        if self.fresh {
            let _ = fs::remove_dir_all(&self.work);
            return;
        }
        for s in staged {
            if let Staged::Changed { tmp, .. } = s {
                let _ = fs::remove_file(tmp);
            }
        }
        let mut created = std::mem::take(&mut *self.created.lock().expect("not poisoned"));
        created.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        for d in created {
            let _ = fs::remove_dir(d);
        }
    }

    /// Removes every file not in `produced` (paths relative to the root), and folders left
    /// empty. Returns how many files were removed.
    pub fn remove_stale(&self, produced: &HashSet<String>) -> io::Result<usize> {
        if self.fresh {
            return Ok(0);
        }
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

/// Whether two files hold the same bytes (`b` may be missing).
fn same_bytes(a: &Path, b: &Path) -> io::Result<bool> {
    use io::Read;
    let Ok(meta) = fs::symlink_metadata(b) else {
        return Ok(false);
    };
    if !meta.is_file() || meta.len() != fs::metadata(a)?.len() {
        return Ok(false);
    }
    let (mut x, mut y) = (fs::File::open(a)?, fs::File::open(b)?);
    let (mut bx, mut by) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = x.read(&mut bx)?;
        if n == 0 {
            return Ok(true);
        }
        y.read_exact(&mut by[..n])?;
        if bx[..n] != by[..n] {
            return Ok(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(out: &Output, rel: &str, bytes: &[u8]) -> usize {
        out.prepare_dirs(std::iter::once(rel)).unwrap();
        let s = out.stage(rel, bytes).unwrap();
        out.commit(vec![s]).unwrap()
    }

    #[test]
    fn unchanged_bytes_are_not_rewritten_and_stale_files_go() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join("public");
        let out = Output::open(&dir, &site.path().canonicalize().unwrap()).unwrap();
        assert_eq!(put(&out, "a/index.html", b"one"), 1);
        // The next builds find a folder that is not empty.
        let out = Output::open(&dir, &site.path().canonicalize().unwrap()).unwrap();
        let mtime = fs::metadata(dir.join("a/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(put(&out, "a/index.html", b"one"), 0);
        assert_eq!(
            fs::metadata(dir.join("a/index.html"))
                .unwrap()
                .modified()
                .unwrap(),
            mtime
        );
        assert_eq!(put(&out, "a/index.html", b"two"), 1);
        put(&out, "b/c/index.html", b"x");
        let produced: HashSet<String> = ["a/index.html".to_string()].into();
        let out = Output::open(&dir, &site.path().canonicalize().unwrap()).unwrap();
        assert_eq!(out.remove_stale(&produced).unwrap(), 1);
        assert!(!dir.join("b").exists());
        assert!(dir.join(MARKER).exists());
    }

    #[test]
    fn an_aborted_build_leaves_no_trace() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join("public");
        let out = Output::open(&dir, &site.path().canonicalize().unwrap()).unwrap();
        out.prepare_dirs(std::iter::once("a/b/index.html")).unwrap();
        let staged = vec![out.stage("a/b/index.html", b"x").unwrap()];
        assert!(
            !dir.join("a/b/index.html").exists(),
            "staged files are not visible"
        );
        out.abort(staged);
        assert!(!dir.exists());
    }

    #[test]
    fn refuses_folders_it_must_not_clean() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path().canonicalize().unwrap();
        assert!(Output::open(&root, &root).is_err());
        fs::create_dir_all(root.join("councils/x")).unwrap();
        assert!(Output::open(&root.join("councils/x"), &root).is_err());
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/notes.txt"), "keep me").unwrap();
        let err = Output::open(&root.join("mine"), &root)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("not empty"), "{err}");
        assert!(root.join("mine/notes.txt").exists());
    }
}
