//! One pass over git history (oldest first, merges against their first parent), reading old
//! and new versions of records from the object database, never the work tree, with a cache
//! of parsed blobs by object id. Never shells out to git.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use git2::{Oid, Repository, Sort, Tree};
use jiff::civil::Date;

use crate::diag::Source;
use crate::error::Error;
use crate::model::{Council, Meeting, parse_council, parse_meeting};
use crate::msg;

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
    /// The key of the council the path belongs to (after the commit; before it, for a
    /// deletion).
    pub council: Option<String>,
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
    /// For each council the commit touches: its council.toml blob in the first parent
    /// (`None` when the commit creates the council). Authorisation is judged by it.
    pub councils_before: std::collections::BTreeMap<String, Option<Oid>>,
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
    /// The site lies in a folder its repository ignores (`.gitignore`): none of it is in git.
    Ignored,
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
        if !prefix.is_empty() && repo.is_path_ignored(&rel).unwrap_or(false) {
            return Err(NoHistory::Ignored);
        }
        if repo.head().is_err() {
            return Err(NoHistory::Empty);
        }
        // Objects come from the repository itself; hashing each one again on every read
        // (with collision detection) is most of the time of a walk.
        git2::opts::strict_hash_verification(false);
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
    ///
    /// One pass: each commit's trees are compared with its first parent's only where they
    /// differ (the `councils` and `content` subtrees, `site.toml`), and the map of councils
    /// (folder → council.toml blob) is carried from commit to commit, rebuilt from the tree
    /// only when the walk jumps (a merge's second line, or `since`).
    pub fn walk(&self, since: Option<&str>) -> Result<Vec<CommitInfo>, Error> {
        let git = |e: git2::Error| Error::other(msg!("git-failed", detail = e.message()));
        let mut walk = self.repo.revwalk().map_err(git)?;
        walk.push_head().map_err(git)?;
        if let Some(rev) = since {
            let obj = self
                .repo
                .revparse_single(rev)
                .map_err(|_| Error::usage(msg!("no-such-revision", rev)))?;
            walk.hide(obj.peel_to_commit().map_err(git)?.id())
                .map_err(git)?;
        }
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
            .map_err(git)?;
        let mut out = Vec::new();
        let mut councils: HashMap<String, Oid> = HashMap::new();
        let mut councils_at: Option<Oid> = None;
        for oid in walk {
            let oid = oid.map_err(git)?;
            let commit = self.repo.find_commit(oid).map_err(git)?;
            let tree = commit.tree().map_err(git)?;
            let parent = commit.parent(0).ok();
            let parent_tree = parent.as_ref().and_then(|p| p.tree().ok());
            if councils_at != parent.as_ref().map(|p| p.id())
                || (councils_at.is_none() && parent.is_some())
            {
                councils = parent_tree
                    .as_ref()
                    .map(|t| self.councils_in(t))
                    .unwrap_or_default();
            }
            let mut changes = self.changes(parent_tree.as_ref(), &tree)?;
            // The councils after this commit: those it creates or removes change the map.
            let mut after = None;
            for ch in &changes {
                if let Some(key) = ch
                    .path
                    .strip_prefix("councils/")
                    .and_then(|p| p.strip_suffix("/council.toml"))
                {
                    let a = after.get_or_insert_with(|| councils.clone());
                    match (&ch.kind, ch.new) {
                        (ChangeKind::Deleted, _) => {
                            a.remove(key);
                        }
                        (ChangeKind::Renamed { from }, Some(new)) => {
                            if let Some(old) = from
                                .strip_prefix("councils/")
                                .and_then(|p| p.strip_suffix("/council.toml"))
                            {
                                a.remove(old);
                            }
                            a.insert(key.to_string(), new);
                        }
                        (_, Some(new)) => {
                            a.insert(key.to_string(), new);
                        }
                        _ => {}
                    }
                }
            }
            let mut councils_before = std::collections::BTreeMap::new();
            for ch in &mut changes {
                let map = if ch.kind == ChangeKind::Deleted {
                    &councils
                } else {
                    after.as_ref().unwrap_or(&councils)
                };
                ch.council =
                    council_key(map, &ch.path).or_else(|| council_key(&councils, &ch.path));
                if let Some(k) = &ch.council {
                    councils_before
                        .entry(k.clone())
                        .or_insert_with(|| councils.get(k).copied());
                }
            }
            if let Some(after) = after {
                councils = after;
            }
            councils_at = Some(oid);
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
                councils_before,
            });
        }
        Ok(out)
    }

    /// Every council in `tree`: folder key → council.toml blob.
    fn councils_in(&self, tree: &Tree<'_>) -> HashMap<String, Oid> {
        let mut out = HashMap::new();
        let Some(sub) = self.subtree(tree, "councils") else {
            return out;
        };
        let _ = sub.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
            if entry.name().ok() == Some("council.toml")
                && entry.kind() == Some(git2::ObjectType::Blob)
            {
                out.insert(dir.trim_end_matches('/').to_string(), entry.id());
            }
            git2::TreeWalkResult::Ok
        });
        out
    }

    fn subtree<'r>(&'r self, tree: &Tree<'_>, name: &str) -> Option<Tree<'r>> {
        let entry = tree
            .get_path(Path::new(&format!("{}{name}", self.prefix)))
            .ok()?;
        self.repo.find_tree(entry.id()).ok()
    }

    fn changes(&self, old: Option<&Tree<'_>>, new: &Tree<'_>) -> Result<Vec<Change>, Error> {
        let mut out = Vec::new();
        for top in ["councils", "content"] {
            let (o, n) = (
                old.and_then(|t| self.subtree(t, top)),
                self.subtree(new, top),
            );
            self.diff_trees(o.as_ref(), n.as_ref(), top, &mut out);
        }
        pair_renames(&mut out);
        let blob = |t: Option<&Tree<'_>>| {
            t.and_then(|t| {
                t.get_path(Path::new(&format!("{}site.toml", self.prefix)))
                    .ok()
            })
            .map(|e| e.id())
        };
        let (o, n) = (blob(old), blob(Some(new)));
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

impl Repo {
    /// The files that differ between two trees, below `dir`. Subtrees with the same id are
    /// skipped without being read: a commit that changes one record reads only the trees on
    /// its path. (libgit2's own tree diff is several times slower here: it is general.)
    fn diff_trees(
        &self,
        old: Option<&Tree<'_>>,
        new: Option<&Tree<'_>>,
        dir: &str,
        out: &mut Vec<Change>,
    ) {
        if old.map(|t| t.id()) == new.map(|t| t.id()) {
            return;
        }
        // Both trees list their entries in git's order (a folder sorts as its name and `/`);
        // walk them side by side, without copying names.
        type E<'t> = (&'t [u8], Oid, bool);
        fn git_order(x: &E<'_>, y: &E<'_>) -> std::cmp::Ordering {
            let ext = |e: &E<'_>| if e.2 { Some(b'/') } else { None };
            let n = x.0.len().min(y.0.len());
            x.0[..n].cmp(&y.0[..n]).then_with(|| {
                let xs = x.0.get(n).copied().or(ext(x));
                let ys = y.0.get(n).copied().or(ext(y));
                xs.cmp(&ys)
            })
        }
        fn ents<'t>(t: Option<&'t Tree<'_>>) -> Vec<git2::TreeEntry<'t>> {
            t.map(|t| t.iter().collect()).unwrap_or_default()
        }
        fn keyed<'e>(entries: &'e [git2::TreeEntry<'_>]) -> Vec<E<'e>> {
            entries
                .iter()
                .map(|e| {
                    (
                        e.name_bytes(),
                        e.id(),
                        e.kind() == Some(git2::ObjectType::Tree),
                    )
                })
                .collect()
        }
        let (ta_entries, tb_entries) = (ents(old), ents(new));
        let (a, b) = (keyed(&ta_entries), keyed(&tb_entries));
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let order = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) => git_order(x, y),
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            let (ea, eb) = match order {
                std::cmp::Ordering::Less => (a.get(i), None),
                std::cmp::Ordering::Greater => (None, b.get(j)),
                std::cmp::Ordering::Equal => (a.get(i), b.get(j)),
            };
            if ea.is_some() {
                i += 1;
            }
            if eb.is_some() {
                j += 1;
            }
            if let (Some(x), Some(y)) = (ea, eb)
                && x.1 == y.1
            {
                continue;
            }
            let name = ea.or(eb).map(|e| e.0).unwrap_or_default();
            let path = format!("{dir}/{}", String::from_utf8_lossy(name));
            let tree = |e: Option<&E<'_>>| {
                e.filter(|e| e.2)
                    .and_then(|e| self.repo.find_tree(e.1).ok())
            };
            let (ta, tb) = (tree(ea), tree(eb));
            if ta.is_some() || tb.is_some() {
                self.diff_trees(ta.as_ref(), tb.as_ref(), &path, out);
                continue;
            }
            let blob = |e: Option<&E<'_>>| e.map(|e| e.1);
            match (blob(ea), blob(eb)) {
                (Some(x), Some(y)) => out.push(Change {
                    path,
                    kind: ChangeKind::Modified,
                    old: Some(x),
                    new: Some(y),
                    council: None,
                }),
                (Some(x), None) => out.push(Change {
                    path,
                    kind: ChangeKind::Deleted,
                    old: Some(x),
                    new: None,
                    council: None,
                }),
                (None, Some(y)) => out.push(Change {
                    path,
                    kind: ChangeKind::Added,
                    old: None,
                    new: Some(y),
                    council: None,
                }),
                (None, None) => {}
            }
        }
    }
}

/// A file deleted and a file added with the same contents in one commit: a rename.
fn pair_renames(changes: &mut Vec<Change>) {
    let deleted: Vec<(usize, Oid)> = changes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ChangeKind::Deleted)
        .filter_map(|(i, c)| c.old.map(|o| (i, o)))
        .collect();
    if deleted.is_empty() {
        return;
    }
    let mut gone = Vec::new();
    for (di, oid) in deleted {
        if let Some(ai) = changes
            .iter()
            .position(|c| c.kind == ChangeKind::Added && c.new == Some(oid))
        {
            let from = changes[di].path.clone();
            changes[ai].kind = ChangeKind::Renamed { from };
            changes[ai].old = Some(oid);
            gone.push(di);
        }
    }
    gone.sort_unstable_by(|a, b| b.cmp(a));
    for i in gone {
        changes.remove(i);
    }
}

/// The council holding site path `path`: the nearest folder above it in `councils`.
fn council_key(councils: &HashMap<String, Oid>, path: &str) -> Option<String> {
    let mut dir = path.strip_prefix("councils/")?;
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if councils.contains_key(parent) {
            return Some(parent.to_string());
        }
        dir = parent;
    }
    None
}

/// The civil date of a git time in its own offset.
pub fn commit_date(seconds: i64, offset_minutes: i32) -> Date {
    let ts = jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let offset =
        jiff::tz::Offset::from_seconds(offset_minutes * 60).unwrap_or(jiff::tz::Offset::UTC);
    ts.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset))
        .date()
}
