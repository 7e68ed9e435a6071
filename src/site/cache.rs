//! The render cache: a build whose inputs did not change since the last build renders
//! nothing (see docs/design.md, "How does a build of an unchanged site skip rendering?").
//!
//! A build renders from exactly these things: the program itself, the sources (site.toml,
//! `councils/`, `content/`, `static/`, the site's theme files), the theme as loaded, what
//! git says about the sources (each record's history, the commit, what is uncommitted), the
//! day and the base URL. The **key** is a SHA-256 over all of them: the program's own bytes,
//! the manifest of the build (which already holds the SHA-256 of every source, the commit,
//! the day and the base URL), every record's history, the theme's files. When the output
//! folder holds the key of the build that made it, and its files are as that build left
//! them, the site it would render is the one it has: nothing is rendered, nothing written.
//!
//! The cache is one file, [`CACHE`], inside the output folder, read and written under the
//! output's lock. It is removed before any switch-over begins and written again only after
//! one ended, so a build stopped at any moment leaves either no cache or one that describes
//! the output. It is never trusted on its own word: a cache that does not parse, was made by
//! another program or for other inputs, or whose record of the output's files (size, times,
//! inode of each file and folder) does not match the folder, is ignored and the site is
//! rendered.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::Path;
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::audit::provenance::{Provenance, hex};

/// The cache file, inside the output folder.
pub const CACHE: &str = ".council-cache";
/// The cache being written, renamed to [`CACHE`] when whole.
pub const CACHE_TMP: &str = ".council-cache.tmp";
/// The version of the cache's format and of what the key covers.
const FORMAT: &str = "council-render-cache 1";

/// What a build renders from, besides the program.
pub struct Inputs<'a> {
    pub today: jiff::civil::Date,
    pub base_url: &'a str,
    pub provenance: &'a Provenance,
    pub theme: &'a super::theme::Theme,
}

/// Adds one field to a hash, its length first (so that no two lists of fields hash alike).
fn field(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The key of a build from `inputs`, or `None` when one cannot be made (the program's own
/// file cannot be read, or the build has no manifest): then nothing is cached.
pub fn key(inputs: &Inputs<'_>) -> Option<String> {
    let exe = file_hash(&std::env::current_exe().ok()?).ok()?;
    let manifest = inputs.provenance.manifest.as_ref()?;
    let mut h = Sha256::new();
    field(&mut h, FORMAT.as_bytes());
    field(&mut h, &exe);
    field(&mut h, inputs.today.to_string().as_bytes());
    field(&mut h, inputs.base_url.as_bytes());
    field(&mut h, &serde_json::to_vec(manifest).ok()?);
    let history: Option<BTreeMap<&String, _>> = inputs
        .provenance
        .history
        .as_ref()
        .map(|h| h.iter().collect());
    field(&mut h, &serde_json::to_vec(&history).ok()?);
    field(
        &mut h,
        inputs
            .provenance
            .no_history
            .map(|n| n.key())
            .unwrap_or("")
            .as_bytes(),
    );
    for (path, bytes) in &inputs.theme.files {
        field(&mut h, path.as_bytes());
        field(&mut h, bytes);
    }
    Some(hex(&h.finalize()))
}

/// The SHA-256 of a file, read a block at a time.
fn file_hash(path: &Path) -> io::Result<Vec<u8>> {
    use io::Read;
    let mut f = fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(h.finalize().to_vec());
        }
        h.update(&buf[..n]);
    }
}

/// Whether a key made now can be stored with the output this build makes: no source (nor
/// the program) changed since the build began. Each source was read once by the check or
/// the render and once to hash it; a file changed in between would leave a key that does not
/// describe the output. A change sets the file's status-change time (`ctime`, which no
/// program can set back), so every source must have one older than the build's start, by a
/// second to spare for coarse file system clocks. Otherwise the output is kept without a
/// cache and the next build renders again.
pub fn settled(site_root: &Path, provenance: &Provenance, start: SystemTime) -> bool {
    let Some(manifest) = &provenance.manifest else {
        return false;
    };
    let Ok(exe) = std::env::current_exe() else {
        return false;
    };
    let Some(limit) = start
        .checked_sub(std::time::Duration::from_secs(1))
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
    else {
        return false;
    };
    let paths: Vec<std::path::PathBuf> = manifest
        .files
        .iter()
        .map(|f| site_root.join(&f.path))
        .chain(std::iter::once(exe))
        .collect();
    paths.par_iter().all(|p| {
        [fs::symlink_metadata(p), fs::metadata(p)]
            .into_iter()
            .all(|m| m.is_ok_and(|m| changed_at(&m).is_some_and(|c| c < limit)))
    })
}

/// When a file's status last changed.
#[cfg(unix)]
fn changed_at(m: &fs::Metadata) -> Option<std::time::Duration> {
    use std::os::unix::fs::MetadataExt;
    let secs = u64::try_from(m.ctime()).ok()?;
    Some(std::time::Duration::new(secs, m.ctime_nsec() as u32))
}

#[cfg(not(unix))]
fn changed_at(_: &fs::Metadata) -> Option<std::time::Duration> {
    None
}

/// What the cache file holds.
#[derive(Serialize, Deserialize)]
pub struct Entry {
    format: String,
    pub key: String,
    /// [`state`] of the output as the build left it.
    state: String,
    pub pages: usize,
    /// Every file of the site in the output, sorted.
    pub files: Vec<String>,
}

impl Entry {
    /// The entry for an output just switched over to `files`, made from the inputs `key`.
    pub fn new(root: &Path, key: String, pages: usize, files: Vec<String>) -> io::Result<Entry> {
        let state = state(root, pages, &files)?;
        Ok(Entry {
            format: FORMAT.into(),
            key,
            state,
            pages,
            files,
        })
    }

    /// Whether this entry describes the output at `root` built from inputs `key`.
    pub fn holds(&self, root: &Path, key: &str) -> bool {
        self.format == FORMAT
            && self.key == key
            && state(root, self.pages, &self.files).is_ok_and(|s| s == self.state)
    }
}

/// The cache of the output at `root`, if it has one that parses.
pub fn read(root: &Path) -> Option<Entry> {
    let bytes = fs::read(root.join(CACHE)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes `entry` into `root` whole (a temporary file renamed into place).
pub fn write(root: &Path, entry: &Entry) -> io::Result<()> {
    let tmp = root.join(CACHE_TMP);
    let written = serde_json::to_vec(entry)
        .map_err(io::Error::other)
        .and_then(|bytes| fs::write(&tmp, bytes))
        .and_then(|()| fs::rename(&tmp, root.join(CACHE)));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Removes the cache of `root` (before the output changes).
pub fn remove(root: &Path) -> io::Result<()> {
    for name in [CACHE, CACHE_TMP] {
        match fs::remove_file(root.join(name)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// A hash of the output's state: the size, modification and status-change times and inode
/// of every file of the site and of every folder above one (a file added or removed changes
/// its folder's times), and the names at the top of the output besides council's own. Any
/// change to the output by anyone changes it.
fn state(root: &Path, pages: usize, files: &[String]) -> io::Result<String> {
    let dirs: BTreeSet<&str> = files
        .iter()
        .flat_map(|f| {
            let mut out = Vec::new();
            let mut d = f.as_str();
            while let Some((parent, _)) = d.rsplit_once('/') {
                out.push(parent);
                d = parent;
            }
            out
        })
        .collect();
    let stat = |rel: &str| -> io::Result<[u8; 40]> {
        let m = fs::symlink_metadata(root.join(rel))?;
        Ok(stamp(&m))
    };
    let file_stamps: Vec<[u8; 40]> = files
        .par_iter()
        .map(|f| stat(f))
        .collect::<io::Result<_>>()?;
    let dirs: Vec<&str> = dirs.into_iter().collect();
    let dir_stamps: Vec<[u8; 40]> = dirs
        .par_iter()
        .map(|d| stat(d))
        .collect::<io::Result<_>>()?;
    let mut top: Vec<String> = fs::read_dir(root)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<io::Result<_>>()?;
    top.retain(|n| !super::output::is_own(n));
    top.sort();
    let mut h = Sha256::new();
    field(&mut h, FORMAT.as_bytes());
    field(&mut h, &(pages as u64).to_le_bytes());
    for (f, s) in files.iter().zip(&file_stamps) {
        field(&mut h, f.as_bytes());
        field(&mut h, s);
    }
    for (d, s) in dirs.iter().zip(&dir_stamps) {
        field(&mut h, d.as_bytes());
        field(&mut h, s);
    }
    for n in &top {
        field(&mut h, n.as_bytes());
    }
    Ok(hex(&h.finalize()))
}

/// A file's kind, size, times and inode.
#[cfg(unix)]
fn stamp(m: &fs::Metadata) -> [u8; 40] {
    use std::os::unix::fs::MetadataExt;
    let mut out = [0u8; 40];
    let kind = if m.is_file() {
        1u64
    } else if m.is_dir() {
        2
    } else {
        3
    };
    let time = |s: i64, ns: i64| {
        (s as u64)
            .wrapping_mul(1_000_000_000)
            .wrapping_add(ns as u64)
    };
    for (i, v) in [
        kind,
        m.size(),
        time(m.mtime(), m.mtime_nsec()),
        time(m.ctime(), m.ctime_nsec()),
        m.ino(),
    ]
    .into_iter()
    .enumerate()
    {
        out[i * 8..i * 8 + 8].copy_from_slice(&v.to_le_bytes());
    }
    out
}

/// Without inodes and status-change times, no state is trusted: each call differs.
#[cfg(not(unix))]
fn stamp(_: &fs::Metadata) -> [u8; 40] {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut out = [0u8; 40];
    out[..8].copy_from_slice(
        &N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .to_le_bytes(),
    );
    out
}
