//! The walk over history: the commits in order (parents first, each read once), each
//! compared with its first parent, the map of councils carried along (see [`Councils`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use git2::{Oid, Tree};

use super::raw::Trees;
use super::{ChangeKind, CommitInfo, Councils, Repo, WalkOptions, commit_date};
use crate::error::Error;
use crate::msg;

impl Repo {
    /// The commits reachable from HEAD (or `from`), oldest first, minus those reachable
    /// from `since`.
    ///
    /// One pass: each commit's trees are compared with its first parent's only where they
    /// differ (the `councils` and `content` subtrees, `site.toml`), and the map of councils
    /// is carried from commit to commit (see [`Councils`]).
    pub fn walk(&self, opts: &WalkOptions<'_>) -> Result<Vec<CommitInfo>, Error> {
        let git = |e: git2::Error| Error::other(msg!("git-failed", detail = e.message()));
        let from = match opts.from {
            Some(from) => from,
            None => self
                .head_oid()
                .ok_or_else(|| Error::other(msg!("audit-empty")))?,
        };
        let order = self.oldest_first(from, opts.since).map_err(git)?;
        // Each commit's tree, so that a parent's is known without reading it again.
        let tree_ids: HashMap<Oid, Oid> = order.iter().map(|c| (c.id(), c.tree_id())).collect();
        let mut out = Vec::new();
        // The councils after each commit walked (shared until a council.toml changes).
        let mut maps: HashMap<Oid, Arc<Councils>> = HashMap::new();
        // With `only`: the id of that folder's tree in each commit walked.
        let mut scoped: HashMap<Oid, Vec<Oid>> = HashMap::new();
        let only_path = opts.only.map(|o| format!("{}{o}", self.prefix));
        let names: Vec<&str> = only_path
            .as_deref()
            .map(|p| p.split('/').filter(|n| !n.is_empty()).collect())
            .unwrap_or_default();
        let empty = Arc::new(Councils::default());
        let odb = self.repo.odb().map_err(git)?;
        let trees = Trees::new(self.repo.odb().map_err(git)?);
        for commit in &order {
            trees.next_commit();
            let oid = commit.id();
            let parents: Vec<Oid> = commit.parent_ids().collect();
            // The parent's tree is read only where it is needed: a walk limited to one
            // folder mostly knows that folder's id in the parent already.
            let parent_tree_id = parents.first().and_then(|p| {
                tree_ids
                    .get(p)
                    .copied()
                    .or_else(|| self.repo.find_commit(*p).ok().map(|c| c.tree_id()))
            });
            let mut changes = match opts.only {
                Some(only) => {
                    let before_levels = match (parents.first(), parent_tree_id) {
                        (Some(p), Some(t)) => match scoped.get(p) {
                            Some(levels) => levels.clone(),
                            None => folder_ids(&odb, t, &names, None),
                        },
                        _ => Vec::new(),
                    };
                    let levels = folder_ids(&odb, commit.tree_id(), &names, Some(&before_levels));
                    let here = levels.get(names.len()).copied();
                    let before = before_levels.get(names.len()).copied();
                    scoped.insert(oid, levels);
                    if here == before && opts.changed_only && parents.len() < 2 {
                        continue;
                    }
                    let mut v = Vec::new();
                    self.diff_trees(&trees, before, here, only, &mut v);
                    v
                }
                None => self.changes(&trees, parent_tree_id, commit.tree_id()),
            };
            let tree_id = commit.tree_id();
            let before = match (opts.only, parents.first()) {
                (None, Some(p)) => maps.get(p).cloned().unwrap_or_else(|| {
                    Arc::new(
                        parent_tree_id
                            .map(|t| self.councils_at(t))
                            .unwrap_or_default(),
                    )
                }),
                _ => empty.clone(),
            };
            let after = match before.apply(&changes) {
                Some(a) if opts.only.is_none() => Arc::new(a),
                _ => before.clone(),
            };
            if parents.len() > 1 {
                let others: Vec<Tree<'_>> = parents[1..]
                    .iter()
                    .filter_map(|p| self.repo.find_commit(*p).ok()?.tree().ok())
                    .collect();
                changes.retain(|ch| others.iter().all(|t| self.blob_in(t, &ch.path) != ch.new));
            }
            self.pair_renames(&mut changes);
            let mut councils_before = BTreeMap::new();
            for ch in &mut changes {
                ch.council = if ch.kind == ChangeKind::Deleted {
                    before.owner(&ch.path)
                } else {
                    after.owner(&ch.path).or_else(|| before.owner(&ch.path))
                };
                let from = match &ch.kind {
                    ChangeKind::Renamed { from } => before.owner(from),
                    _ => None,
                };
                for k in ch.council.iter().chain(from.iter()) {
                    councils_before
                        .entry(k.clone())
                        .or_insert_with(|| before.get(k));
                }
            }
            // The `.mailmap` at the root of the repository, as git reads it.
            let (mailmap, mailmap_before) = match opts.only {
                Some(_) => (None, None),
                None => (
                    trees.blob(tree_id, ".mailmap"),
                    parent_tree_id.and_then(|t| trees.blob(t, ".mailmap")),
                ),
            };
            if opts.only.is_none() {
                maps.insert(oid, after);
            }
            if opts.changed_only && changes.is_empty() && mailmap == mailmap_before {
                continue;
            }
            let committer = commit.committer().when();
            let authored = commit.author().when();
            let author = commit.author();
            out.push(CommitInfo {
                oid,
                id: oid.to_string(),
                author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
                email: String::from_utf8_lossy(author.email_bytes()).to_lowercase(),
                date: commit_date(committer.seconds(), committer.offset_minutes()),
                author_date: commit_date(authored.seconds(), authored.offset_minutes()),
                committed_at: committer.seconds(),
                authored_at: authored.seconds(),
                first_parent: parents.first().copied(),
                parents,
                tree: tree_id,
                parent_tree: parent_tree_id,
                changes,
                councils_before,
                councils_parent: before,
                mailmap,
                mailmap_before,
            });
        }
        Ok(out)
    }

    /// The commits reachable from `from` and not from `since`, each read once, parents before
    /// children (first parents first).
    fn oldest_first(
        &self,
        from: Oid,
        since: Option<Oid>,
    ) -> Result<Vec<git2::Commit<'_>>, git2::Error> {
        let mut hidden = std::collections::HashSet::new();
        if let Some(since) = since {
            let mut w = self.repo.revwalk()?;
            w.push(since)?;
            for oid in w {
                hidden.insert(oid?);
            }
        }
        let mut out = Vec::new();
        if hidden.contains(&from) {
            return Ok(out);
        }
        let mut visited = std::collections::HashSet::from([from]);
        let mut stack = vec![(self.repo.find_commit(from)?, 0)];
        while let Some((commit, next)) = stack.last_mut() {
            if let Ok(p) = commit.parent_id(*next) {
                *next += 1;
                if hidden.contains(&p) || !visited.insert(p) {
                    continue;
                }
                // A parent a shallow clone does not have is no parent here.
                if let Ok(parent) = self.repo.find_commit(p) {
                    stack.push((parent, 0));
                }
            } else if let Some((commit, _)) = stack.pop() {
                out.push(commit);
            }
        }
        Ok(out)
    }
}

/// The ids of the trees along the folder path `names` from `root`, the root's first (fewer
/// where the path ends early). Where one is the id the parent had at that level (`parent`),
/// the rest are the parent's too and are not read. Trees are read from the object database
/// without building tree objects: a walk limited to one folder reads a few small trees per
/// commit, and libgit2's tree objects cost more than reading them.
fn folder_ids(odb: &git2::Odb<'_>, root: Oid, names: &[&str], parent: Option<&[Oid]>) -> Vec<Oid> {
    let mut out = vec![root];
    for (i, name) in names.iter().enumerate() {
        let at = out[i];
        if let Some(p) = parent
            && p.get(i) == Some(&at)
        {
            out.extend_from_slice(&p[i + 1..]);
            return out;
        }
        let Some(next) = odb
            .read(at)
            .ok()
            .and_then(|obj| tree_entry(obj.data(), name.as_bytes()))
        else {
            return out;
        };
        out.push(next);
    }
    out
}

/// The id of the entry `name` that is a folder, in a tree object's raw data
/// (`<mode> <name>\0<20-byte id>`, repeated).
fn tree_entry(mut data: &[u8], name: &[u8]) -> Option<Oid> {
    while !data.is_empty() {
        let space = data.iter().position(|&b| b == b' ')?;
        let nul = space + data[space..].iter().position(|&b| b == 0)?;
        let id = data.get(nul + 1..nul + 21)?;
        if &data[space + 1..nul] == name && &data[..space] == b"40000" {
            return Oid::from_bytes(id).ok();
        }
        data = &data[nul + 21..];
    }
    None
}
