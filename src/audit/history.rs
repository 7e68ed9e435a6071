//! One pass over git history (oldest first, merges against their first parent), reading old
//! and new versions of records from the object database, never the work tree, with a cache
//! of parsed blobs by object id. Never shells out to git.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use git2::{Delta, DiffFindOptions, DiffOptions, Oid, Repository, Sort, Tree};
use jiff::civil::Date;

use crate::diag::Source;
use crate::error::Error;
use crate::model::{Council, Meeting, parse_council, parse_meeting};

/// How a path changed in a commit (against its first parent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Modified,
    Deleted,
    /// Renamed from this path (site-relative).
    Renamed {
        from: String,
    },
}

#[derive(Clone, Debug)]
pub struct Change {
    /// Site-relative path (for a rename, the new path).
    pub path: String,
    pub kind: ChangeKind,
    pub old: Option<Oid>,
    pub new: Option<Oid>,
}

/// A commit, as the audit and the site see it.
#[derive(Clone, Debug)]
pub struct CommitInfo {
    pub oid: Oid,
    pub id: String,
    pub author: String,
    /// Never published: used only to judge authorisation.
    pub email: String,
    /// The commit's date, in the committer's own time zone.
    pub date: Date,
    pub first_parent: Option<Oid>,
    pub tree: Oid,
    pub parent_tree: Option<Oid>,
    pub changes: Vec<Change>,
}

/// A repository and where the site sits in it.
pub struct Repo {
    pub repo: Repository,
    /// The site root's path inside the repository, `/`-terminated, or empty.
    pub prefix: String,
    councils: std::sync::Mutex<HashMap<Oid, Option<Arc<Council>>>>,
    meetings: std::sync::Mutex<HashMap<Oid, Option<Arc<Meeting>>>>,
}

/// Why there is no history to read.
#[derive(Debug)]
pub enum NoHistory {
    NotARepository,
    Shallow,
    Empty,
}

impl Repo {
    /// The repository holding the site at `root`.
    pub fn open(root: &Path) -> Result<Repo, NoHistory> {
        let repo = Repository::discover(root).map_err(|_| NoHistory::NotARepository)?;
        if repo.is_shallow() {
            return Err(NoHistory::Shallow);
        }
        let Some(workdir) = repo.workdir().map(Path::to_path_buf) else {
            return Err(NoHistory::NotARepository);
        };
        let workdir = workdir.canonicalize().unwrap_or(workdir);
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let rel = root
            .strip_prefix(&workdir)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| PathBuf::new());
        let mut prefix = crate::load::rel_path(Path::new(""), &rel);
        if !prefix.is_empty() {
            prefix.push('/');
        }
        if repo.head().is_err() {
            return Err(NoHistory::Empty);
        }
        Ok(Repo {
            repo,
            prefix,
            councils: Default::default(),
            meetings: Default::default(),
        })
    }

    pub fn head(&self) -> Option<String> {
        self.repo
            .head()
            .ok()?
            .peel_to_commit()
            .ok()
            .map(|c| c.id().to_string())
    }

    /// The commits reachable from HEAD, oldest first, minus those reachable from `since`.
    pub fn walk(&self, since: Option<&str>) -> Result<Vec<CommitInfo>, Error> {
        let git = |e: git2::Error| Error::Other(format!("git: {}", e.message()));
        let mut walk = self.repo.revwalk().map_err(git)?;
        walk.push_head().map_err(git)?;
        if let Some(rev) = since {
            let obj = self
                .repo
                .revparse_single(rev)
                .map_err(|_| Error::Usage(format!("`{rev}` names no commit in this repository")))?;
            walk.hide(obj.peel_to_commit().map_err(git)?.id())
                .map_err(git)?;
        }
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
            .map_err(git)?;
        let mut out = Vec::new();
        for oid in walk {
            let oid = oid.map_err(git)?;
            let commit = self.repo.find_commit(oid).map_err(git)?;
            let tree = commit.tree().map_err(git)?;
            let parent = commit.parent(0).ok();
            let parent_tree = parent.as_ref().and_then(|p| p.tree().ok());
            let changes = self.changes(parent_tree.as_ref(), &tree)?;
            let time = commit.committer().when();
            let date = commit_date(time.seconds(), time.offset_minutes());
            let author = commit.author();
            out.push(CommitInfo {
                oid,
                id: oid.to_string(),
                author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
                email: String::from_utf8_lossy(author.email_bytes()).to_ascii_lowercase(),
                date,
                first_parent: parent.as_ref().map(|p| p.id()),
                tree: tree.id(),
                parent_tree: parent_tree.as_ref().map(|t| t.id()),
                changes,
            });
        }
        Ok(out)
    }

    fn changes(&self, old: Option<&Tree<'_>>, new: &Tree<'_>) -> Result<Vec<Change>, Error> {
        let git = |e: git2::Error| Error::Other(format!("git: {}", e.message()));
        let mut opts = DiffOptions::new();
        opts.pathspec(format!("{}councils", self.prefix));
        opts.pathspec(format!("{}content", self.prefix));
        opts.pathspec(format!("{}site.toml", self.prefix));
        let mut diff = self
            .repo
            .diff_tree_to_tree(old, Some(new), Some(&mut opts))
            .map_err(git)?;
        let mut find = DiffFindOptions::new();
        find.renames(true);
        diff.find_similar(Some(&mut find)).map_err(git)?;
        let mut out = Vec::new();
        for d in diff.deltas() {
            let strip = |p: Option<&Path>| {
                p.map(|p| crate::load::rel_path(Path::new(""), p))
                    .and_then(|p| p.strip_prefix(&self.prefix).map(str::to_string))
            };
            let new_path = strip(d.new_file().path());
            let old_path = strip(d.old_file().path());
            let oid = |f: git2::DiffFile<'_>| (!f.id().is_zero()).then(|| f.id());
            let (path, kind) = match d.status() {
                Delta::Added | Delta::Copied => (new_path, ChangeKind::Added),
                Delta::Deleted => (old_path, ChangeKind::Deleted),
                Delta::Modified | Delta::Typechange => (new_path, ChangeKind::Modified),
                Delta::Renamed => match old_path {
                    Some(from) => (new_path, ChangeKind::Renamed { from }),
                    None => (new_path, ChangeKind::Added),
                },
                _ => continue,
            };
            let Some(path) = path else { continue };
            out.push(Change {
                path,
                kind,
                old: oid(d.old_file()),
                new: oid(d.new_file()),
            });
        }
        Ok(out)
    }

    /// The blob at site path `path` in tree `tree`.
    pub fn blob_at(&self, tree: Oid, path: &str) -> Option<Oid> {
        let tree = self.repo.find_tree(tree).ok()?;
        let entry = tree
            .get_path(Path::new(&format!("{}{path}", self.prefix)))
            .ok()?;
        (entry.kind() == Some(git2::ObjectType::Blob)).then(|| entry.id())
    }

    /// The text of a blob, as a source named `path` (`None` if not UTF-8).
    pub fn source(&self, blob: Oid, path: &str) -> Option<Arc<Source>> {
        let b = self.repo.find_blob(blob).ok()?;
        crate::load::source_from_bytes(path, b.content().to_vec()).ok()
    }

    /// The council `key` as its council.toml was in `tree` (cached by blob).
    pub fn council_at(&self, tree: Oid, key: &str, languages: &[String]) -> Option<Arc<Council>> {
        let blob = self.blob_at(tree, &format!("councils/{key}/council.toml"))?;
        if let Some(c) = self.councils.lock().expect("not poisoned").get(&blob) {
            return c.clone();
        }
        let parsed = self
            .source(blob, &format!("councils/{key}/council.toml"))
            .and_then(|src| {
                let (c, _) = parse_council(key, &src, languages);
                c.parsed.then(|| Arc::new(c))
            });
        self.councils
            .lock()
            .expect("not poisoned")
            .insert(blob, parsed.clone());
        parsed
    }

    /// A meeting record from a blob (cached).
    pub fn meeting(&self, blob: Oid, path: &str, languages: &[String]) -> Option<Arc<Meeting>> {
        if let Some(m) = self.meetings.lock().expect("not poisoned").get(&blob) {
            return m.clone();
        }
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".md");
        let parsed = self.source(blob, path).and_then(|src| {
            let (m, _) = parse_meeting(stem, &src, languages);
            m.meta.parsed.then(|| Arc::new(m))
        });
        self.meetings
            .lock()
            .expect("not poisoned")
            .insert(blob, parsed.clone());
        parsed
    }

    /// The key of the council holding site path `path`, as of `tree`: the nearest folder
    /// above it that holds council.toml.
    pub fn council_of(&self, tree: Oid, path: &str) -> Option<String> {
        let rest = path.strip_prefix("councils/")?;
        let mut dir = rest;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            if self
                .blob_at(tree, &format!("councils/{parent}/council.toml"))
                .is_some()
            {
                return Some(parent.to_string());
            }
            dir = parent;
        }
        None
    }
}

/// The civil date of a git time in its own offset.
pub fn commit_date(seconds: i64, offset_minutes: i32) -> Date {
    let ts = jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let offset =
        jiff::tz::Offset::from_seconds(offset_minutes * 60).unwrap_or(jiff::tz::Offset::UTC);
    ts.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset))
        .date()
}
