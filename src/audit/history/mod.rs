//! One pass over git history (oldest first), reading old and new versions of records from
//! the object database, never the work tree, with a cache of parsed blobs by object id.
//! Never shells out to git.
//!
//! Each commit is compared with its first parent. A merge is judged only by what it adds:
//! the files whose new contents are unlike every parent's (what `git diff --cc` shows, the
//! merger's own edits), so that a clean merge is never blamed for the branch it brings in,
//! whose commits are walked and judged themselves.

mod councils;
mod diff;
mod raw;
mod walk;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use git2::{Oid, Repository, Tree};
use jiff::civil::Date;

pub use councils::Councils;
pub use diff::similarity;

use super::mailmap::Mailmap;
use crate::diag::Source;
use crate::model::{Council, Meeting, parse_council, parse_meeting};

/// How a path changed in a commit (against its first parent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Modified,
    Deleted,
    /// Renamed from this path (site-relative), with or without changes.
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
    /// The key of the council the path belongs to (after the commit; before it, for a
    /// deletion).
    pub council: Option<String>,
}

/// A commit, as the audit and the site see it.
#[derive(Clone, Debug)]
pub struct CommitInfo {
    pub oid: Oid,
    pub id: String,
    /// The author's name as committed (`.mailmap` is applied by who reads it).
    pub author: String,
    /// As committed, lowercase. Never published: used only to judge authorisation.
    pub email: String,
    /// The commit's date, in the committer's own time zone.
    pub date: Date,
    /// The author date, in the author's own time zone.
    pub author_date: Date,
    /// Seconds since the epoch: committer and author time.
    pub committed_at: i64,
    pub authored_at: i64,
    pub parents: Vec<Oid>,
    pub first_parent: Option<Oid>,
    pub tree: Oid,
    pub parent_tree: Option<Oid>,
    pub changes: Vec<Change>,
    /// For each council the commit touches: its council.toml blob in the first parent
    /// (`None` when the commit creates the council). Authorisation is judged by it.
    pub councils_before: BTreeMap<String, Option<Oid>>,
    /// Every council of the first parent.
    pub councils_parent: Arc<Councils>,
    /// The `.mailmap` blob at the root of the repository, in the commit and in its first
    /// parent.
    pub mailmap: Option<Oid>,
    pub mailmap_before: Option<Oid>,
}

/// What part of the history to walk.
#[derive(Clone, Debug, Default)]
pub struct WalkOptions<'a> {
    /// Start at this commit instead of HEAD.
    pub from: Option<Oid>,
    /// Leave out this commit and its ancestors.
    pub since: Option<Oid>,
    /// Only changes below this site folder (e.g. `councils/huangtai/grid-03`); the map of
    /// councils and the `.mailmap` are then not followed.
    pub only: Option<&'a str>,
    /// Leave out commits that change nothing the walk looks at.
    pub changed_only: bool,
}

/// A repository and where the site sits in it.
pub struct Repo {
    pub repo: Repository,
    /// The site root's path inside the repository, `/`-terminated, or empty.
    pub prefix: String,
    /// A shallow clone: its history is cut.
    pub shallow: bool,
    councils: std::sync::Mutex<HashMap<Oid, Option<Arc<Council>>>>,
    meetings: std::sync::Mutex<HashMap<Oid, Option<Arc<Meeting>>>>,
    mailmaps: std::sync::Mutex<HashMap<Oid, Arc<Mailmap>>>,
}

/// Why there is no history to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoHistory {
    NotARepository,
    /// The site lies in a folder its repository ignores (`.gitignore`): none of it is in git.
    Ignored,
    Shallow,
    Empty,
    /// git refuses a repository that belongs to another user (`safe.directory`).
    NotOwned,
}

impl NoHistory {
    pub const ALL: [NoHistory; 5] = [
        NoHistory::NotARepository,
        NoHistory::Ignored,
        NoHistory::Shallow,
        NoHistory::Empty,
        NoHistory::NotOwned,
    ];

    pub fn from_key(key: &str) -> Option<NoHistory> {
        NoHistory::ALL.into_iter().find(|n| n.key() == key)
    }

    /// A stable key, for pages (`t.transparency.no_history.<key>`) and data.
    pub fn key(self) -> &'static str {
        match self {
            NoHistory::NotARepository => "not-a-repository",
            NoHistory::Ignored => "ignored",
            NoHistory::Shallow => "shallow",
            NoHistory::Empty => "empty",
            NoHistory::NotOwned => "not-owned",
        }
    }
}

impl Repo {
    /// The repository holding the site at `root` (a shallow one too: see [`Repo::shallow`]).
    pub fn open(root: &Path) -> Result<Repo, NoHistory> {
        let repo = Repository::discover(root).map_err(no_repository)?;
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
        if !prefix.is_empty() && repo.is_path_ignored(&rel).unwrap_or(false) {
            return Err(NoHistory::Ignored);
        }
        Repo::with(repo, prefix)
    }

    /// A bare repository whose tree holds the site at its root.
    pub fn open_bare(path: &Path) -> Result<Repo, NoHistory> {
        let repo = Repository::open_bare(path).map_err(no_repository)?;
        Repo::with(repo, String::new())
    }

    /// The repository at `path` (a work tree or a git folder), with the site at `prefix`.
    pub fn open_git(path: &Path, prefix: String) -> Result<Repo, NoHistory> {
        let repo = Repository::open(path).map_err(no_repository)?;
        Repo::with(repo, prefix)
    }

    fn with(repo: Repository, prefix: String) -> Result<Repo, NoHistory> {
        if repo
            .head()
            .ok()
            .and_then(|h| h.peel_to_commit().ok())
            .is_none()
        {
            return Err(NoHistory::Empty);
        }
        // Objects come from the repository itself; hashing each one again on every read
        // (with collision detection) is most of the time of a walk. `verify` turns it back on.
        git2::opts::strict_hash_verification(false);
        git2::opts::enable_caching(false);
        Ok(Repo {
            shallow: repo.is_shallow(),
            repo,
            prefix,
            councils: Default::default(),
            meetings: Default::default(),
            mailmaps: Default::default(),
        })
    }

    pub fn head(&self) -> Option<String> {
        self.head_oid().map(|o| o.to_string())
    }

    pub fn head_oid(&self) -> Option<Oid> {
        self.repo.head().ok()?.peel_to_commit().ok().map(|c| c.id())
    }

    /// The `.mailmap` at the root of a tree (cached); an empty one without.
    pub fn mailmap_in(&self, tree: Option<Oid>) -> Arc<Mailmap> {
        let blob = tree
            .and_then(|t| self.repo.find_tree(t).ok())
            .and_then(|t| mailmap_blob(&t));
        self.mailmap(blob)
    }

    /// The `.mailmap` of a blob (cached); an empty one for `None`.
    pub fn mailmap(&self, blob: Option<Oid>) -> Arc<Mailmap> {
        let Some(blob) = blob else {
            return Arc::default();
        };
        let mut cache = self.mailmaps.lock().expect("not poisoned");
        cache
            .entry(blob)
            .or_insert_with(|| {
                let text = self
                    .repo
                    .find_blob(blob)
                    .map(|b| String::from_utf8_lossy(b.content()).into_owned())
                    .unwrap_or_default();
                Arc::new(Mailmap::parse(&text))
            })
            .clone()
    }

    /// The councils of the tree `tree` read alone (see [`Councils::from_files`]).
    pub fn councils_at(&self, tree: Oid) -> Councils {
        self.repo
            .find_tree(tree)
            .map(|t| self.councils_in(&t))
            .unwrap_or_default()
    }

    /// The councils of `tree` read alone (see [`Councils::from_files`]).
    fn councils_in(&self, tree: &Tree<'_>) -> Councils {
        let mut files = Vec::new();
        if let Some(sub) = self.subtree(tree, "councils") {
            let _ = sub.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
                if entry.name().ok() == Some("council.toml")
                    && entry.kind() == Some(git2::ObjectType::Blob)
                {
                    files.push((dir.trim_end_matches('/').to_string(), entry.id()));
                }
                git2::TreeWalkResult::Ok
            });
        }
        Councils::from_files(files)
    }

    fn subtree<'r>(&'r self, tree: &Tree<'_>, name: &str) -> Option<Tree<'r>> {
        self.repo.find_tree(self.subtree_id(tree, name)?).ok()
    }

    /// The id of the folder at site path `name` in `tree`.
    fn subtree_id(&self, tree: &Tree<'_>, name: &str) -> Option<Oid> {
        let entry = tree
            .get_path(Path::new(&format!("{}{name}", self.prefix)))
            .ok()?;
        (entry.kind() == Some(git2::ObjectType::Tree)).then(|| entry.id())
    }

    /// The changes between two trees in the folders that hold records and pages, and
    /// site.toml; renames are paired later (a merge first drops what its parents hold).
    fn changes(&self, trees: &raw::Trees<'_>, old: Option<Oid>, new: Oid) -> Vec<Change> {
        let mut out = Vec::new();
        for top in ["councils", "content"] {
            let path = format!("{}{top}", self.prefix);
            let (o, n) = (
                old.and_then(|t| trees.folder(t, &path)),
                trees.folder(new, &path),
            );
            self.diff_trees(trees, o, n, top, &mut out);
        }
        let path = format!("{}site.toml", self.prefix);
        let (o, n) = (
            old.and_then(|t| trees.blob(t, &path)),
            trees.blob(new, &path),
        );
        if o != n {
            let kind = match (o, n) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Deleted,
                _ => ChangeKind::Modified,
            };
            out.push(Change {
                path: "site.toml".into(),
                kind,
                old: o,
                new: n,
                council: None,
            });
        }
        out
    }

    /// The blob at site path `path` in a loaded tree.
    pub fn blob_in(&self, tree: &Tree<'_>, path: &str) -> Option<Oid> {
        let entry = tree
            .get_path(Path::new(&format!("{}{path}", self.prefix)))
            .ok()?;
        (entry.kind() == Some(git2::ObjectType::Blob)).then(|| entry.id())
    }

    /// The blob at site path `path` in tree `tree`.
    pub fn blob_at(&self, tree: Oid, path: &str) -> Option<Oid> {
        self.blob_in(&self.repo.find_tree(tree).ok()?, path)
    }

    /// The last version of the minutes at `path` that can be read, looking back from commit
    /// `start` along first parents: (its commit, the minutes). The search ends where the file
    /// did not exist, unless `through_gap` (a record deleted, then restored: the search goes
    /// on to where it existed before).
    pub fn last_readable_meeting(
        &self,
        start: Oid,
        path: &str,
        languages: &[String],
        through_gap: bool,
    ) -> Option<(Oid, Arc<Meeting>)> {
        let mut commit = self.repo.find_commit(start).ok()?;
        let mut found = false;
        loop {
            match self.blob_in(&commit.tree().ok()?, path) {
                Some(blob) => {
                    found = true;
                    if let Some(m) = self.meeting(blob, path, languages) {
                        return Some((commit.id(), m));
                    }
                }
                None if found || !through_gap => return None,
                None => {}
            }
            commit = commit.parent(0).ok()?;
        }
    }

    /// The text of a blob, as a source named `path` (`None` if not UTF-8).
    pub fn source(&self, blob: Oid, path: &str) -> Option<Arc<Source>> {
        let b = self.repo.find_blob(blob).ok()?;
        crate::load::source_from_bytes(path, b.content().to_vec()).ok()
    }

    /// The council `key` as its council.toml was in `tree` (cached by blob).
    pub fn council_at(&self, tree: Oid, key: &str, languages: &[String]) -> Option<Arc<Council>> {
        let blob = self.blob_at(tree, &format!("councils/{key}/council.toml"))?;
        self.council_blob(blob, key, languages)
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

    /// A council from its council.toml blob (cached by blob).
    pub fn council_blob(&self, blob: Oid, key: &str, languages: &[String]) -> Option<Arc<Council>> {
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
}

/// Why git would not open a repository.
fn no_repository(e: git2::Error) -> NoHistory {
    if e.code() == git2::ErrorCode::Owner {
        NoHistory::NotOwned
    } else {
        NoHistory::NotARepository
    }
}

/// The `.mailmap` blob at the root of a commit's tree.
fn mailmap_blob(tree: &Tree<'_>) -> Option<Oid> {
    let entry = tree.get_name(".mailmap")?;
    (entry.kind() == Some(git2::ObjectType::Blob)).then(|| entry.id())
}

/// The civil date of a git time in its own offset.
pub fn commit_date(seconds: i64, offset_minutes: i32) -> Date {
    let ts = jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let offset =
        jiff::tz::Offset::from_seconds(offset_minutes * 60).unwrap_or(jiff::tz::Offset::UTC);
    ts.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset))
        .date()
}
