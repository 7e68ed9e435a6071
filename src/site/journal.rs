//! The switch-over of a build, written down before it starts, so that a build killed half-way
//! through it is finished by the next one (see `output` and docs/design.md).
//!
//! A build stages every new file in `<output>/.council-staging/`. When all of them are
//! there, it writes the journal: every move from the staging folder into place and every file
//! to remove, to `.council-journal.tmp`, synced, then renamed to `.council-journal` (so the
//! journal is whole or absent). Then it applies the journal and deletes it. Applying is
//! idempotent: a move whose staged file is gone was done, a removal of a missing file was
//! done. So the next build, finding a journal, applies it again (rolls forward); finding a
//! staging folder without a journal, deletes it (rolls back: the old site was never touched).

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Where a build stages its files, inside the output folder.
pub const STAGING: &str = ".council-staging";
/// The journal of the switch-over in progress, inside the output folder.
pub const JOURNAL: &str = ".council-journal";

/// What a switch-over does. Paths are relative: `from` to the staging folder, `to` and
/// `remove` to the output folder.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Journal {
    pub moves: Vec<(String, String)>,
    pub remove: Vec<String>,
}

impl Journal {
    /// Writes the journal into `root` whole (temporary file, sync, rename, sync the folder).
    pub fn write(&self, root: &Path) -> io::Result<()> {
        let tmp = root.join(format!("{JOURNAL}.tmp"));
        let mut f = fs::File::create(&tmp)?;
        f.write_all(&serde_json::to_vec(self).map_err(io::Error::other)?)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, root.join(JOURNAL))?;
        sync_dir(root)
    }

    /// Does what the journal says, from wherever a killed build left it; then deletes the
    /// staging folder and the journal. Returns how many files were removed.
    pub fn apply(&self, root: &Path) -> io::Result<usize> {
        let staging = root.join(STAGING);
        let mut made: HashSet<PathBuf> = HashSet::new();
        for (from, to) in &self.moves {
            let (src, dest) = (staging.join(from), root.join(to));
            // The usual case is one rename; the others are found by its error.
            let Err(e) = fs::rename(&src, &dest) else {
                continue;
            };
            if fs::symlink_metadata(&src).is_err() {
                continue; // moved before the build was stopped
            }
            match e.kind() {
                // A folder above it is missing, or is a file (an old output's).
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => {
                    make_parents(root, &dest, &mut made)?
                }
                _ => {}
            }
            // A folder where a file now goes (an old output's): replaced.
            if fs::symlink_metadata(&dest).is_ok_and(|m| m.is_dir()) {
                fs::remove_dir_all(&dest)?;
            }
            fs::rename(&src, &dest)?;
        }
        let mut removed = 0;
        let mut emptied: Vec<PathBuf> = Vec::new();
        for rel in &self.remove {
            let path = root.join(rel);
            match fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != root) {
                emptied.push(d.to_path_buf());
                dir = d.parent();
            }
        }
        // Folders left empty, deepest first.
        emptied.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        emptied.dedup();
        for d in emptied {
            if fs::read_dir(&d).is_ok_and(|mut e| e.next().is_none()) {
                fs::remove_dir(&d)?;
            }
        }
        remove_staging(root)?;
        match fs::remove_file(root.join(JOURNAL)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        sync_dir(root)?;
        Ok(removed)
    }
}

/// Puts `root` back in a whole state after a build that was stopped: finishes a switch-over
/// that had begun (a journal is there), or throws away what a build had staged before it.
pub fn recover(root: &Path) -> io::Result<bool> {
    let _ = fs::remove_file(root.join(format!("{JOURNAL}.tmp")));
    match fs::read(root.join(JOURNAL)) {
        Ok(bytes) => {
            // A journal is only ever renamed into place whole; one that does not parse was
            // not written by council.
            let journal: Journal = serde_json::from_slice(&bytes).map_err(io::Error::other)?;
            journal.apply(root)?;
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let staged = root.join(STAGING).exists();
            remove_staging(root)?;
            Ok(staged)
        }
        Err(e) => Err(e),
    }
}

/// Removes the staging folder, if there is one.
pub fn remove_staging(root: &Path) -> io::Result<()> {
    match fs::remove_dir_all(root.join(STAGING)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Creates the folders above `dest` (inside `root`), replacing a file where a folder must
/// now be (an old output's).
fn make_parents(root: &Path, dest: &Path, made: &mut HashSet<PathBuf>) -> io::Result<()> {
    let Some(parent) = dest.parent() else {
        return Ok(());
    };
    if parent == root || made.contains(parent) {
        return Ok(());
    }
    let mut missing = Vec::new();
    let mut d = parent;
    while d != root {
        match fs::symlink_metadata(d) {
            Ok(m) if m.is_dir() => break,
            Ok(_) => {
                fs::remove_file(d)?;
                missing.push(d);
            }
            Err(_) => missing.push(d),
        }
        match d.parent() {
            Some(p) => d = p,
            None => break,
        }
    }
    for d in missing.iter().rev() {
        match fs::create_dir(d) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
            _ => {}
        }
    }
    made.insert(parent.to_path_buf());
    Ok(())
}

/// Makes the renames in a folder durable (a crash of the machine, not only of council).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}
