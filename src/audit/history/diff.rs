//! What changed between two trees: a side-by-side walk of both that skips every subtree whose
//! id did not change, and renames found as git finds them (`-M`, 50% similarity).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use git2::Oid;

use super::raw::{Entry, Trees, entries};
use super::{Change, ChangeKind, Repo};

/// How alike two files must be for a deletion and an addition to be a rename: git's default.
const RENAME_SCORE: f64 = 0.5;
/// Above this many (deleted × added) pairs, only exact renames are looked for (git gives up
/// at 1,000 × 1,000 too; a commit that moves that many records is reported file by file).
const MAX_PAIRS: usize = 1_000_000;

impl Repo {
    /// The files that differ between two trees, below `dir`. Subtrees with the same id are
    /// skipped without being read: a commit that changes one record reads only the trees on
    /// its path. (libgit2's own tree diff is several times slower here: it is general.)
    pub(super) fn diff_trees(
        &self,
        trees: &Trees<'_>,
        old: Option<Oid>,
        new: Option<Oid>,
        dir: &str,
        out: &mut Vec<Change>,
    ) {
        if old == new {
            return;
        }
        // Both trees list their entries in git's order (a folder sorts as its name and `/`);
        // walk them side by side, without copying names.
        fn git_order(x: &Entry<'_>, y: &Entry<'_>) -> std::cmp::Ordering {
            let ext = |e: &Entry<'_>| if e.tree() { Some(b'/') } else { None };
            let n = x.name.len().min(y.name.len());
            x.name[..n].cmp(&y.name[..n]).then_with(|| {
                let xs = x.name.get(n).copied().or(ext(x));
                let ys = y.name.get(n).copied().or(ext(y));
                xs.cmp(&ys)
            })
        }
        let (da, db) = (
            old.and_then(|t| trees.read(t)),
            new.and_then(|t| trees.read(t)),
        );
        let a: Vec<Entry<'_>> = da.as_deref().map(entries).into_iter().flatten().collect();
        let b: Vec<Entry<'_>> = db.as_deref().map(entries).into_iter().flatten().collect();
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
                && x.id == y.id
            {
                continue;
            }
            let name = ea.or(eb).map(|e| e.name).unwrap_or_default();
            let path = format!("{dir}/{}", String::from_utf8_lossy(name));
            // A folder that cannot be read is taken for a file, as before.
            let tree = |e: Option<&Entry<'_>>| {
                e.filter(|e| e.tree() && trees.read(e.id).is_some())
                    .map(|e| e.id)
            };
            let (ta, tb) = (tree(ea), tree(eb));
            if ta.is_some() || tb.is_some() {
                self.diff_trees(trees, ta, tb, &path, out);
                continue;
            }
            let blob = |e: Option<&Entry<'_>>| e.map(|e| e.id);
            let (old, new) = (blob(ea), blob(eb));
            let kind = match (old, new) {
                (Some(_), Some(_)) => ChangeKind::Modified,
                (Some(_), None) => ChangeKind::Deleted,
                (None, Some(_)) => ChangeKind::Added,
                (None, None) => continue,
            };
            out.push(Change {
                path,
                kind,
                old,
                new,
                council: None,
            });
        }
    }

    /// Pairs deletions with additions into renames: first files with the same contents, then
    /// files at least half alike by git's measure (see [`similarity`]), best pairs first.
    pub(super) fn pair_renames(&self, changes: &mut Vec<Change>) {
        let of = |kind: fn(&ChangeKind) -> bool| -> Vec<usize> {
            changes
                .iter()
                .enumerate()
                .filter(|(_, c)| kind(&c.kind))
                .map(|(i, _)| i)
                .collect()
        };
        let deleted = of(|k| *k == ChangeKind::Deleted);
        if deleted.is_empty() {
            return;
        }
        let added = of(|k| *k == ChangeKind::Added);
        if added.is_empty() {
            return;
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut taken_d = vec![false; deleted.len()];
        let mut taken_a = vec![false; added.len()];
        for (di, &d) in deleted.iter().enumerate() {
            if let Some(ai) = (0..added.len())
                .find(|&ai| !taken_a[ai] && changes[added[ai]].new == changes[d].old)
            {
                taken_d[di] = true;
                taken_a[ai] = true;
                pairs.push((d, added[ai]));
            }
        }
        let left_d: Vec<usize> = (0..deleted.len()).filter(|&i| !taken_d[i]).collect();
        let left_a: Vec<usize> = (0..added.len()).filter(|&i| !taken_a[i]).collect();
        if !left_d.is_empty() && !left_a.is_empty() && left_d.len() * left_a.len() <= MAX_PAIRS {
            let chunks = |oid: Option<Oid>| {
                oid.and_then(|o| self.repo.find_blob(o).ok())
                    .map(|b| Chunks::of(b.content()))
                    .unwrap_or_default()
            };
            let dc: Vec<Chunks> = left_d
                .iter()
                .map(|&i| chunks(changes[deleted[i]].old))
                .collect();
            let ac: Vec<Chunks> = left_a
                .iter()
                .map(|&i| chunks(changes[added[i]].new))
                .collect();
            let mut scored = Vec::new();
            for (x, d) in dc.iter().enumerate() {
                for (y, a) in ac.iter().enumerate() {
                    let score = d.similarity(a);
                    if score >= RENAME_SCORE {
                        let (dp, ap) = (
                            &changes[deleted[left_d[x]]].path,
                            &changes[added[left_a[y]]].path,
                        );
                        let same_name = dp.rsplit('/').next() == ap.rsplit('/').next();
                        scored.push((score, same_name, x, y));
                    }
                }
            }
            // Best first; on a tie, the same file name (as git prefers), then path order.
            scored.sort_by(|p, q| {
                q.0.total_cmp(&p.0)
                    .then(q.1.cmp(&p.1))
                    .then(p.2.cmp(&q.2))
                    .then(p.3.cmp(&q.3))
            });
            let (mut used_d, mut used_a) = (vec![false; dc.len()], vec![false; ac.len()]);
            for (_, _, x, y) in scored {
                if !used_d[x] && !used_a[y] {
                    used_d[x] = true;
                    used_a[y] = true;
                    pairs.push((deleted[left_d[x]], added[left_a[y]]));
                }
            }
        }
        let mut gone = Vec::new();
        for (d, a) in pairs {
            let from = changes[d].path.clone();
            changes[a].old = changes[d].old;
            changes[a].kind = ChangeKind::Renamed { from };
            gone.push(d);
        }
        gone.sort_unstable_by(|a, b| b.cmp(a));
        for i in gone {
            changes.remove(i);
        }
    }
}

/// A file cut into git's chunks for rename detection: lines, or 64-byte pieces of longer
/// lines, each counted by the bytes it holds (git's `diffcore-delta.c`).
#[derive(Default)]
struct Chunks {
    bytes: HashMap<u64, usize>,
    size: usize,
}

impl Chunks {
    fn of(data: &[u8]) -> Chunks {
        let mut out = Chunks {
            size: data.len(),
            ..Chunks::default()
        };
        let mut start = 0;
        for i in 0..data.len() {
            if data[i] == b'\n' || i + 1 - start == 64 {
                out.add(&data[start..=i]);
                start = i + 1;
            }
        }
        if start < data.len() {
            out.add(&data[start..]);
        }
        out
    }

    fn add(&mut self, chunk: &[u8]) {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        chunk.hash(&mut h);
        *self.bytes.entry(h.finish()).or_default() += chunk.len();
    }

    /// The bytes of `self` found in `other`, over the larger size: git's similarity score.
    fn similarity(&self, other: &Chunks) -> f64 {
        let larger = self.size.max(other.size);
        if larger == 0 {
            return 1.0;
        }
        let common: usize = self
            .bytes
            .iter()
            .map(|(h, n)| (*n).min(other.bytes.get(h).copied().unwrap_or(0)))
            .sum();
        common as f64 / larger as f64
    }
}

/// git's similarity of two files, 0.0–1.0 (a rename at 0.5 and above).
pub fn similarity(a: &[u8], b: &[u8]) -> f64 {
    Chunks::of(a).similarity(&Chunks::of(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_record_is_still_mostly_itself() {
        let a = "+++\ndate = 2022-04-02\nchair = \"wang-li\"\nvotes = { yes = 7, no = 0, abstain = 0 }\n+++\n\n讨论加装电梯。\n";
        let b = a.replace("yes = 7, no = 0", "yes = 4, no = 3");
        let s = similarity(a.as_bytes(), b.as_bytes());
        assert!(s > 0.5 && s < 1.0, "{s}");
        assert!(similarity(a.as_bytes(), b"something else entirely\n") < 0.5);
        assert_eq!(similarity(a.as_bytes(), a.as_bytes()), 1.0);
    }
}
