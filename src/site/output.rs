//! Writing the output folder so that no reader ever sees a half-written file, nothing is
//! rewritten when its bytes did not change, only files the site no longer produces are
//! removed, two builds never write into one folder at once, and a build stopped at any
//! moment (killed, out of disk) leaves either the old site or one the next build completes.
//! The folder is never wiped: on a real disk, deleting and re-creating tens of thousands of
//! files costs more than rendering them.
//!
//! A build takes an exclusive lock on the output folder itself (`flock`; a second build
//! waits), then finishes or undoes whatever a stopped build left (see [`journal`]). Each
//! changed file is first written into `<output>/.council-staging/` under a short name of its
//! own (so a file name of 255 bytes still fits); when every file rendered, the build writes
//! the journal of the switch-over (each move into place, each file to remove), applies it
//! (each rename atomic) and deletes it. A first build (empty folder) stages the whole tree
//! and moves its top-level entries. A marker file tells council's output apart from a
//! folder that merely has the same name: council refuses to clean a non-empty folder it did
//! not create.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::cache;
use super::journal::{self, JOURNAL, Journal, STAGING};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::msg;

/// The marker council leaves in its output folder.
pub const MARKER: &str = ".council-output";
const MARKER_TEXT: &str = "This folder is written by `council build`.\nFiles the site no longer produces are removed at each build; do not keep other files here.\n";

/// Names council keeps in the output folder besides the site.
pub(crate) fn is_own(name: &str) -> bool {
    name == MARKER
        || name == STAGING
        || name == JOURNAL
        || name == format!("{JOURNAL}.tmp")
        || name == cache::CACHE
        || name == cache::CACHE_TMP
}

/// Folders of the site an output may not be inside: its sources, and git's own.
const SOURCES: [&str; 5] = ["councils", "content", "static", "themes", ".git"];

/// `dir` made absolute and free of `.`, `..` and symbolic links, whether or not it exists:
/// its nearest existing ancestor, resolved, then the rest of it.
fn resolve(dir: &Path) -> io::Result<PathBuf> {
    use std::path::Component;
    let dir = std::path::absolute(dir)?;
    let parts: Vec<Component<'_>> = dir.components().collect();
    let mut k = parts.len();
    while k > 1 && fs::symlink_metadata(parts[..k].iter().collect::<PathBuf>()).is_err() {
        k -= 1;
    }
    let mut out = parts[..k].iter().collect::<PathBuf>().canonicalize()?;
    for part in &parts[k..] {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => out.push(name),
            _ => {}
        }
    }
    Ok(out)
}

pub struct Output {
    pub root: PathBuf,
    /// The lock on the output folder, held until the build ends.
    _lock: Lock,
    /// Whether this build created the output folder (an aborted build removes it again).
    created: bool,
    /// The folder was empty: the whole site is staged as a tree and moved in at the end.
    fresh: bool,
    /// `<root>/.council-staging`.
    staging: PathBuf,
    /// Names of staged files (incremental builds).
    next: AtomicUsize,
    /// Folders made in the staging tree (fresh builds).
    dirs: Mutex<HashSet<PathBuf>>,
}

/// A file rendered and compared with what the output holds.
#[derive(Debug)]
pub enum Staged {
    Unchanged,
    /// The new bytes wait at `from` (relative to the staging folder) to go to `to`.
    Changed {
        from: String,
        to: String,
    },
}

/// What a switch-over did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Committed {
    pub written: usize,
    pub removed: usize,
}

impl Output {
    /// Opens `dir` as the output of the site at `site_root`: refuses the site root itself, a
    /// folder holding it, folders inside the sources, and a non-empty folder that council did
    /// not create; creates the folder if needed, locks it (waiting for another build that
    /// holds it, and saying so in `lang`) and puts it back in a whole state if a build was
    /// stopped in it.
    pub fn open(dir: &Path, site_root: &Path, lang: Lang) -> Result<Output, Error> {
        let refuse = |why: Msg| Error::Path {
            path: dir.to_path_buf(),
            reason: why,
        };
        let root = resolve(dir).map_err(|e| Error::io(dir, e))?;
        if site_root.starts_with(&root) {
            return Err(refuse(msg!("output-is-site")));
        }
        if let Some(folder) = SOURCES.iter().find(|s| root.starts_with(site_root.join(s))) {
            return Err(refuse(msg!("output-in-sources", folder = *folder)));
        }
        if let Ok(meta) = fs::symlink_metadata(&root) {
            if meta.file_type().is_symlink() {
                return Err(refuse(msg!("output-symlink")));
            }
            if !meta.is_dir() {
                return Err(refuse(msg!("output-is-file")));
            }
        }
        let created = !root.exists();
        fs::create_dir_all(&root).map_err(|e| Error::io(&root, e))?;
        let lock = Lock::take(&root, lang).map_err(|e| Error::io(&root, e))?;
        // Whatever a stopped build left is made whole before anything is judged.
        journal::recover(&root).map_err(|e| Error::io(root.join(JOURNAL), e))?;
        let mut fresh = true;
        for entry in fs::read_dir(&root).map_err(|e| Error::io(&root, e))? {
            let entry = entry.map_err(|e| Error::io(&root, e))?;
            if !is_own(&entry.file_name().to_string_lossy()) {
                fresh = false;
                break;
            }
        }
        if !fresh && !root.join(MARKER).is_file() {
            return Err(refuse(msg!("output-not-ours")));
        }
        let staging = root.join(STAGING);
        fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        Ok(Output {
            root,
            _lock: lock,
            created,
            fresh,
            staging,
            next: AtomicUsize::new(0),
            dirs: Mutex::new(HashSet::new()),
        })
    }

    /// Creates the folders the files `rels` need in the staging tree of a first build, once,
    /// before staging them in parallel; a level at a time, each level in parallel (on a real
    /// disk a `mkdir` costs as much as writing a small file). An incremental build stages
    /// files under names of their own and needs no folders.
    pub fn prepare_dirs<'r>(&self, rels: impl Iterator<Item = &'r str>) -> io::Result<()> {
        if !self.fresh {
            return Ok(());
        }
        let mut dirs: Vec<&str> = Vec::new();
        for rel in rels {
            let mut d = rel;
            while let Some((parent, _)) = d.rsplit_once('/') {
                dirs.push(parent);
                d = parent;
            }
        }
        dirs.sort_unstable_by_key(|d| (d.matches('/').count(), *d));
        dirs.dedup();
        let tree = self.staging.join("tree");
        fs::create_dir(&tree)?;
        for level in dirs.chunk_by(|a, b| a.matches('/').count() == b.matches('/').count()) {
            level
                .par_iter()
                .try_for_each(|d| fs::create_dir(tree.join(d)))?;
        }
        self.dirs
            .lock()
            .expect("not poisoned")
            .extend(dirs.iter().map(|d| tree.join(d)));
        Ok(())
    }

    /// Compares `bytes` with what `rel` holds and, when they differ, writes them into the
    /// staging folder. Nothing a reader sees changes until [`Output::commit`].
    pub fn stage(&self, rel: &str, bytes: &[u8]) -> io::Result<Staged> {
        if self.fresh {
            fs::write(self.staging.join("tree").join(rel), bytes)?;
            return Ok(Staged::Changed {
                from: format!("tree/{rel}"),
                to: rel.to_string(),
            });
        }
        let dest = self.root.join(rel);
        if let Ok(meta) = fs::symlink_metadata(&dest)
            && meta.is_file()
            && meta.len() == bytes.len() as u64
            && fs::read(&dest)? == bytes
        {
            return Ok(Staged::Unchanged);
        }
        // In folders of 256: a folder of tens of thousands of files is slow to add to.
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let bucket = self.staging.join((n >> 8).to_string());
        let name = format!("{}/{}", n >> 8, n & 255);
        let path = self.staging.join(&name);
        if let Err(e) = fs::write(&path, bytes) {
            if e.kind() != io::ErrorKind::NotFound {
                return Err(e);
            }
            match fs::create_dir(&bucket) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                _ => {}
            }
            fs::write(&path, bytes)?;
        }
        Ok(Staged::Changed {
            from: name,
            to: rel.to_string(),
        })
    }

    /// Like [`Output::stage`], for a file made by `write` as it is written (a city's
    /// `city.json` of a million matters is never held in memory): written into the staging
    /// folder, then compared with what `rel` holds a block at a time.
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
            to_file(&self.staging.join("tree").join(rel), write)?;
            return Ok(Staged::Changed {
                from: format!("tree/{rel}"),
                to: rel.to_string(),
            });
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let bucket = self.staging.join((n >> 8).to_string());
        match fs::create_dir(&bucket) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
            _ => {}
        }
        let name = format!("{}/{}", n >> 8, n & 255);
        let path = self.staging.join(&name);
        to_file(&path, write)?;
        if same_bytes(&path, &self.root.join(rel))? {
            fs::remove_file(&path)?;
            return Ok(Staged::Unchanged);
        }
        Ok(Staged::Changed {
            from: name,
            to: rel.to_string(),
        })
    }

    /// Switches the output to the staged site: every changed file moved into place, every
    /// file not in `produced` (paths relative to the root) removed, with folders left empty;
    /// through a journal, so that a build stopped half-way is finished by the next one.
    pub fn commit(self, staged: Vec<Staged>, produced: &HashSet<String>) -> io::Result<Committed> {
        self.commit_cached(staged, produced, |_| None)
    }

    /// [`Output::commit`], then the render cache made by `remember` for the output as it now
    /// is (when it gives one), written while the output is still locked. Whatever cache the
    /// output had is removed before anything moves: a cache never describes an output that
    /// is not the one it was made for.
    pub fn commit_cached(
        self,
        staged: Vec<Staged>,
        produced: &HashSet<String>,
        remember: impl FnOnce(&Path) -> Option<cache::Entry>,
    ) -> io::Result<Committed> {
        let written = staged
            .iter()
            .filter(|s| matches!(s, Staged::Changed { .. }))
            .count();
        let planned = cache::remove(&self.root)
            .and_then(|()| self.plan(staged, produced))
            .and_then(|journal| {
                if !self.root.join(MARKER).is_file() {
                    fs::write(self.root.join(MARKER), MARKER_TEXT)?;
                }
                journal.write(&self.root)?;
                Ok(journal)
            });
        let journal = match planned {
            Ok(j) => j,
            Err(e) => {
                // Nothing was moved yet: the old site stands; the staged files go.
                let _ = fs::remove_file(self.root.join(format!("{JOURNAL}.tmp")));
                self.abort(Vec::new());
                return Err(e);
            }
        };
        // From here on a stopped build is finished by the next one.
        let removed = journal.apply(&self.root)?;
        if let Some(entry) = remember(&self.root) {
            // Without its cache, the output is still whole: the next build renders again.
            let _ = cache::write(&self.root, &entry);
        }
        Ok(Committed { written, removed })
    }

    /// The journal of the switch-over: the moves and the removals.
    fn plan(&self, staged: Vec<Staged>, produced: &HashSet<String>) -> io::Result<Journal> {
        let mut journal = Journal::default();
        if self.fresh {
            // The whole tree moves in by its top-level entries.
            for entry in fs::read_dir(self.staging.join("tree"))? {
                let name = entry?.file_name().to_string_lossy().into_owned();
                journal.moves.push((format!("tree/{name}"), name));
            }
        } else {
            for s in staged {
                if let Staged::Changed { from, to } = s {
                    journal.moves.push((from, to));
                }
            }
            journal.remove = self.stale(produced)?;
        }
        journal.moves.sort();
        Ok(journal)
    }

    /// Every file of the output that is not in `produced`, sorted.
    fn stale(&self, produced: &HashSet<String>) -> io::Result<Vec<String>> {
        let mut out = Vec::new();
        let walker = walkdir::WalkDir::new(&self.root)
            .min_depth(1)
            .into_iter()
            .filter_entry(|e| e.depth() != 1 || !is_own(&e.file_name().to_string_lossy()));
        for entry in walker {
            let entry = entry.map_err(io::Error::other)?;
            if entry.file_type().is_dir() {
                continue;
            }
            let rel = crate::load::rel_path(&self.root, entry.path());
            if !produced.contains(&rel) {
                out.push(rel);
            }
        }
        out.sort();
        Ok(out)
    }

    /// Undoes a build that failed before [`Output::commit`]: the staging folder goes, and the
    /// output folder too if this build created it. The output is as it was.
    pub fn abort(self, _staged: Vec<Staged>) {
        let _ = journal::remove_staging(&self.root);
        if self.created && !self.root.join(MARKER).exists() {
            let _ = fs::remove_dir(&self.root);
        }
    }
}

impl Drop for Output {
    /// An output dropped without a commit or an abort (a panic, or only opened): what it
    /// staged goes, unless a switch-over has begun (its journal is there to be finished).
    fn drop(&mut self) {
        if !self.root.join(JOURNAL).exists() {
            let _ = journal::remove_staging(&self.root);
        }
    }
}

/// An exclusive lock on a folder (`flock` on the folder itself), released when dropped.
struct Lock {
    _dir: fs::File,
}

impl Lock {
    /// Locks `dir`, waiting (and saying so on stderr) while another build holds it. When the
    /// folder was removed or replaced meanwhile, locks the new one.
    fn take(dir: &Path, lang: Lang) -> io::Result<Lock> {
        loop {
            let lock = Lock::take_once(dir, lang)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                let held = lock._dir.metadata()?;
                match fs::metadata(dir) {
                    Ok(now) if now.dev() == held.dev() && now.ino() == held.ino() => {}
                    Ok(_) => continue,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {
                        fs::create_dir_all(dir)?;
                        continue;
                    }
                    Err(e) => return Err(e),
                }
            }
            return Ok(lock);
        }
    }

    fn take_once(dir: &Path, lang: Lang) -> io::Result<Lock> {
        let file = fs::File::open(dir)?;
        #[cfg(unix)]
        {
            use std::os::fd::AsRawFd;
            let fd = file.as_raw_fd();
            // SAFETY: `flock` on a descriptor this function owns; no memory is involved.
            if unsafe { libc::flock(fd, libc::LOCK_EX | libc::LOCK_NB) } != 0 {
                let err = io::Error::last_os_error();
                if err.raw_os_error() != Some(libc::EWOULDBLOCK) {
                    return Err(err);
                }
                eprintln!("{}", msg!("output-waiting", dir).render(lang));
                // SAFETY: as above.
                while unsafe { libc::flock(fd, libc::LOCK_EX) } != 0 {
                    let err = io::Error::last_os_error();
                    if err.kind() != io::ErrorKind::Interrupted {
                        return Err(err);
                    }
                }
            }
        }
        Ok(Lock { _dir: file })
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

    /// A site folder (removed when dropped), its path resolved, and its `public` output.
    fn folders() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let site = tempfile::tempdir().unwrap();
        let root = site.path().canonicalize().unwrap();
        let dir = root.join("public");
        (site, root, dir)
    }

    /// Builds `files` into `dir` as a build would.
    fn publish(dir: &Path, site: &Path, files: &[(&str, &[u8])]) -> Committed {
        let out = Output::open(dir, site, Lang::En).unwrap();
        out.prepare_dirs(files.iter().map(|(r, _)| *r)).unwrap();
        let staged = files
            .iter()
            .map(|(r, b)| out.stage(r, b).unwrap())
            .collect();
        let produced = files.iter().map(|(r, _)| r.to_string()).collect();
        out.commit(staged, &produced).unwrap()
    }

    #[test]
    fn unchanged_bytes_are_not_rewritten_and_stale_files_go() {
        let (_site, root, dir) = folders();
        assert_eq!(publish(&dir, &root, &[("a/index.html", b"one")]).written, 1);
        let mtime = fs::metadata(dir.join("a/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let c = publish(
            &dir,
            &root,
            &[("a/index.html", b"one"), ("b/c/index.html", b"x")],
        );
        assert_eq!((c.written, c.removed), (1, 0));
        let now = fs::metadata(dir.join("a/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(now, mtime);
        let c = publish(&dir, &root, &[("a/index.html", b"two")]);
        assert_eq!((c.written, c.removed), (1, 1));
        assert!(!dir.join("b").exists());
        assert!(dir.join(MARKER).exists());
        assert!(!dir.join(STAGING).exists() && !dir.join(JOURNAL).exists());
    }

    #[test]
    fn an_aborted_build_leaves_no_trace() {
        let (_site, root, dir) = folders();
        let out = Output::open(&dir, &root, Lang::En).unwrap();
        out.prepare_dirs(std::iter::once("a/b/index.html")).unwrap();
        let staged = vec![out.stage("a/b/index.html", b"x").unwrap()];
        assert!(
            !dir.join("a/b/index.html").exists(),
            "staged files are not visible"
        );
        out.abort(staged);
        assert!(!dir.exists());
        // An output that existed stays, as it was.
        publish(&dir, &root, &[("a/index.html", b"one")]);
        let out = Output::open(&dir, &root, Lang::En).unwrap();
        let staged = vec![out.stage("a/index.html", b"two").unwrap()];
        out.abort(staged);
        assert_eq!(fs::read(dir.join("a/index.html")).unwrap(), b"one");
        assert!(!dir.join(STAGING).exists());
    }

    #[test]
    fn a_switch_over_stopped_half_way_is_finished_by_the_next_build() {
        let (_site, root, dir) = folders();
        publish(
            &dir,
            &root,
            &[("a/index.html", b"old"), ("old/index.html", b"old")],
        );
        // A build that wrote its journal and then stopped: nothing applied yet.
        let out = Output::open(&dir, &root, Lang::En).unwrap();
        let staged = vec![
            out.stage("a/index.html", b"new").unwrap(),
            out.stage("b/index.html", b"new").unwrap(),
        ];
        let produced: HashSet<String> = ["a/index.html", "b/index.html"].map(String::from).into();
        let journal = out.plan(staged, &produced).unwrap();
        journal.write(&dir).unwrap();
        // One move done, then killed.
        let (from, to) = &journal.moves[0];
        fs::rename(dir.join(STAGING).join(from), dir.join(to)).unwrap();
        drop(out);
        // The next build opens the folder: the switch-over is completed first.
        drop(Output::open(&dir, &root, Lang::En).unwrap());
        assert_eq!(fs::read(dir.join("a/index.html")).unwrap(), b"new");
        assert_eq!(fs::read(dir.join("b/index.html")).unwrap(), b"new");
        assert!(!dir.join("old").exists());
        assert!(!dir.join(JOURNAL).exists());
    }

    #[test]
    fn file_names_of_255_bytes_can_be_rebuilt() {
        let (_site, root, dir) = folders();
        let name = format!("a/{}", "x".repeat(255));
        publish(&dir, &root, &[(&name, b"one")]);
        publish(&dir, &root, &[(&name, b"two")]);
        assert_eq!(fs::read(dir.join(&name)).unwrap(), b"two");
    }

    #[test]
    fn refuses_folders_it_must_not_clean() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path().canonicalize().unwrap();
        assert!(Output::open(&root, &root, Lang::En).is_err());
        fs::create_dir_all(root.join("councils/x")).unwrap();
        assert!(Output::open(&root.join("councils/x"), &root, Lang::En).is_err());
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/notes.txt"), "keep me").unwrap();
        let err = Output::open(&root.join("mine"), &root, Lang::En)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("not empty"), "{err}");
        assert!(root.join("mine/notes.txt").exists());
        assert!(!root.join("mine").join(STAGING).exists());
    }
}
