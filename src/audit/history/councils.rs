//! Which council.toml files make councils, commit after commit.
//!
//! Councils do not nest (SPEC §2). A council.toml committed inside a council's folder, or
//! above one, is misplaced: it is never a council, so it can never authorise anyone, and the
//! files below it stay the files of the council that was there first. Which one was first is
//! a fact of history, not of one tree, so the walk carries this map from commit to commit;
//! only where it has no history to carry (the first commit of `--since`, a parent outside the
//! walk) does it read a tree alone, and then the outermost council.toml wins, as `check` has
//! it.

use std::collections::HashMap;

use git2::Oid;

use super::{Change, ChangeKind};
use crate::load::is_under;

/// The councils of one commit: folder key (relative to `councils/`) → council.toml blob.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Councils {
    map: HashMap<String, Oid>,
}

impl Councils {
    /// The councils of a tree read alone, from every council.toml in it (key, blob): the
    /// outermost of folders that nest is the council; none at the top of `councils/`.
    pub fn from_files(mut files: Vec<(String, Oid)>) -> Councils {
        files.sort_by(|a, b| (depth(&a.0), &a.0).cmp(&(depth(&b.0), &b.0)));
        let mut out = Councils::default();
        for (key, blob) in files {
            out.add(key, blob);
        }
        out
    }

    /// The council.toml blob of council `key`.
    pub fn get(&self, key: &str) -> Option<Oid> {
        self.map.get(key).copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, Oid)> {
        self.map.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// The council holding site path `path` (`councils/<key>/…`).
    pub fn owner(&self, path: &str) -> Option<String> {
        let rest = path.strip_prefix("councils/")?;
        rest.match_indices('/')
            .map(|(i, _)| &rest[..i])
            .find(|k| self.map.contains_key(*k))
            .map(str::to_string)
    }

    /// Adds a council unless it would nest with one already there (then it is misplaced).
    fn add(&mut self, key: String, blob: Oid) {
        if key.is_empty() {
            return;
        }
        if let Some(b) = self.map.get_mut(&key) {
            *b = blob;
            return;
        }
        let nests = self
            .map
            .keys()
            .any(|k| is_under(&key, k) || is_under(k, &key));
        if !nests {
            self.map.insert(key, blob);
        }
    }

    /// The councils after a commit with these changes, or `None` when no council.toml
    /// changed. Removals come first, so that a council moved in one commit stays one.
    pub fn apply(&self, changes: &[Change]) -> Option<Councils> {
        let key_of = |p: &str| {
            p.strip_prefix("councils/")
                .and_then(|p| p.strip_suffix("/council.toml"))
                .map(str::to_string)
        };
        let mut removed = Vec::new();
        let mut added = Vec::new();
        for ch in changes {
            if let ChangeKind::Renamed { from } = &ch.kind
                && let Some(k) = key_of(from)
            {
                removed.push(k);
            }
            let Some(k) = key_of(&ch.path) else { continue };
            match (&ch.kind, ch.new) {
                (ChangeKind::Deleted, _) => removed.push(k),
                (_, Some(new)) => added.push((k, new)),
                _ => {}
            }
        }
        if removed.is_empty() && added.is_empty() {
            return None;
        }
        let mut out = self.clone();
        for k in removed {
            out.map.remove(&k);
        }
        added.sort_by(|a, b| (depth(&a.0), &a.0).cmp(&(depth(&b.0), &b.0)));
        for (k, blob) in added {
            out.add(k, blob);
        }
        Some(out)
    }
}

fn depth(key: &str) -> usize {
    key.matches('/').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    fn added(path: &str, n: u8) -> Change {
        Change {
            path: path.into(),
            kind: ChangeKind::Added,
            old: None,
            new: Some(oid(n)),
            council: None,
        }
    }

    #[test]
    fn a_council_toml_inside_or_above_a_council_is_no_council() {
        let c = Councils::default()
            .apply(&[added("councils/a/g/council.toml", 1)])
            .unwrap();
        let c = c
            .apply(&[
                added("councils/a/g/meetings/council.toml", 2),
                added("councils/a/council.toml", 3),
            ])
            .unwrap();
        assert_eq!(
            c.owner("councils/a/g/meetings/x.md").as_deref(),
            Some("a/g")
        );
        assert_eq!(c.get("a"), None);
        assert_eq!(c.get("a/g/meetings"), None);
    }

    #[test]
    fn read_alone_the_outermost_wins_whatever_the_names() {
        let c = Councils::from_files(vec![
            ("a/g/aaa".into(), oid(1)),
            ("a/g".into(), oid(2)),
            ("".into(), oid(3)),
        ]);
        assert_eq!(
            c.owner("councils/a/g/aaa/proposals/x.md").as_deref(),
            Some("a/g")
        );
        assert_eq!(c.iter().count(), 1);
    }
}
