//! Trees read straight from the object database, as raw entries. A walk reads a few small
//! trees per commit, and libgit2's tree objects (read, parsed into an array of entries and
//! freed again each time, with the object cache off) cost more than the reading. The trees
//! read for one commit are kept for the next, whose first parent it usually is: the trees a
//! commit shares with its parent on the changed paths are read once, not twice.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use git2::{Odb, Oid};

/// One entry of a tree: its name, its object's id and its mode.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry<'t> {
    pub name: &'t [u8],
    pub id: Oid,
    mode: u32,
}

impl Entry<'_> {
    /// A folder, as libgit2 calls one (mode `040000`).
    pub fn tree(&self) -> bool {
        self.mode & 0o170000 == 0o040000
    }

    /// A file or a symbolic link: what libgit2 calls a blob (not a folder, not a submodule).
    pub fn blob(&self) -> bool {
        !self.tree() && self.mode & 0o170000 != 0o160000
    }
}

/// The entries of a tree object's raw data (`<octal mode> <name>\0<20-byte id>`, repeated),
/// in the order git stores them. Stops at the first malformed entry.
pub(super) fn entries(mut data: &[u8]) -> impl Iterator<Item = Entry<'_>> {
    std::iter::from_fn(move || {
        let space = data.iter().position(|&b| b == b' ')?;
        let nul = space + data[space..].iter().position(|&b| b == 0)?;
        let id = Oid::from_bytes(data.get(nul + 1..nul + 21)?).ok()?;
        let mode = data[..space].iter().try_fold(0u32, |m, &b| {
            (b'0'..=b'7')
                .contains(&b)
                .then(|| m * 8 + u32::from(b - b'0'))
        })?;
        let entry = Entry {
            name: &data[space + 1..nul],
            id,
            mode,
        };
        data = &data[nul + 21..];
        Some(entry)
    })
}

/// Raw trees, read once per commit walked (see the module's notes).
pub(super) struct Trees<'r> {
    odb: Odb<'r>,
    /// The trees read for the commit before, and for this one.
    before: RefCell<HashMap<Oid, Rc<[u8]>>>,
    now: RefCell<HashMap<Oid, Rc<[u8]>>>,
}

impl<'r> Trees<'r> {
    pub fn new(odb: Odb<'r>) -> Trees<'r> {
        Trees {
            odb,
            before: RefCell::default(),
            now: RefCell::default(),
        }
    }

    /// The next commit begins: what this one read is kept for it, the rest dropped.
    pub fn next_commit(&self) {
        let now = std::mem::take(&mut *self.now.borrow_mut());
        *self.before.borrow_mut() = now;
    }

    /// The raw data of the tree `id`; `None` when it cannot be read or is not a tree.
    pub fn read(&self, id: Oid) -> Option<Rc<[u8]>> {
        if let Some(d) = self.now.borrow().get(&id) {
            return Some(d.clone());
        }
        let data = match self.before.borrow_mut().remove(&id) {
            Some(d) => d,
            None => {
                let obj = self.odb.read(id).ok()?;
                if obj.kind() != git2::ObjectType::Tree {
                    return None;
                }
                Rc::from(obj.data())
            }
        };
        self.now.borrow_mut().insert(id, data.clone());
        Some(data)
    }

    /// The entry at the `/`-separated path `path` below the tree `root`, as libgit2's
    /// `get_path` finds it: its id, and whether it is a folder or a blob.
    fn at(&self, root: Oid, path: &str) -> Option<(Oid, bool, bool)> {
        let mut at = (root, true, false);
        for name in path.split('/').filter(|n| !n.is_empty()) {
            if !at.1 {
                return None;
            }
            let data = self.read(at.0)?;
            let e = entries(&data).find(|e| e.name == name.as_bytes())?;
            at = (e.id, e.tree(), e.blob());
        }
        Some(at)
    }

    /// The folder at `path` below `root`.
    pub fn folder(&self, root: Oid, path: &str) -> Option<Oid> {
        self.at(root, path).filter(|e| e.1).map(|e| e.0)
    }

    /// The blob (a file or a symbolic link) at `path` below `root`.
    pub fn blob(&self, root: Oid, path: &str) -> Option<Oid> {
        self.at(root, path).filter(|e| e.2).map(|e| e.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_entries_give_names_ids_and_folders() {
        let mut data = Vec::new();
        for (mode, name, byte) in [
            ("100644", "a.md", 1u8),
            ("40000", "b", 2),
            ("160000", "sub", 3),
            ("120000", "link", 4),
        ] {
            data.extend_from_slice(format!("{mode} {name}\0").as_bytes());
            data.extend_from_slice(&[byte; 20]);
        }
        let e: Vec<_> = entries(&data).collect();
        assert_eq!(e.len(), 4);
        assert_eq!(e[0].name, b"a.md");
        let kinds: Vec<_> = e.iter().map(|e| (e.tree(), e.blob())).collect();
        assert_eq!(
            kinds,
            [(false, true), (true, false), (false, false), (false, true)]
        );
        assert_eq!(e[1].id, Oid::from_bytes(&[2; 20]).unwrap());
        // A truncated entry ends the list.
        assert_eq!(entries(&data[..data.len() - 5]).count(), 3);
    }
}
