//! Who may change a council's records: `unauthorized-commit` and `unsigned-commit`, judged
//! by the council.toml and the `.mailmap` of the commit's first parent.

use std::collections::BTreeMap;

use super::history::{ChangeKind, CommitInfo};
use super::signature::{self, SigStatus};
use super::{Auditor, Note, keys_of};
use crate::model::{Council, Role, Signing};
use crate::rules::history::{unauthorized_commit, unsigned_commit};

/// Who made a commit, as the audit judges it: the address committed and, when the
/// `.mailmap` maps it to another, that one too.
pub struct Identity {
    pub name: String,
    pub email: String,
    pub mapped: Option<String>,
}

impl Identity {
    pub fn of(c: &CommitInfo, mailmap: &super::mailmap::Mailmap) -> Identity {
        let (name, mapped) = mailmap.resolve(&c.author, &c.email);
        Identity {
            name,
            mapped: (mapped != c.email).then_some(mapped),
            email: c.email.clone(),
        }
    }

    pub fn emails(&self) -> Vec<&str> {
        std::iter::once(self.email.as_str())
            .chain(self.mapped.as_deref())
            .collect()
    }

    /// `name <address>`, with the address `.mailmap` maps it to.
    fn shown(&self) -> String {
        match &self.mapped {
            Some(m) => format!(
                "{} <{}> (mapped to <{m}> by .mailmap)",
                self.name, self.email
            ),
            None => format!("{} <{}>", self.name, self.email),
        }
    }

    fn is_one_of(&self, members: &[&crate::model::Member]) -> bool {
        let emails = self.emails();
        members.iter().any(|m| {
            m.git
                .iter()
                .any(|g| emails.iter().any(|e| g.eq_ignore_ascii_case(e)))
        })
    }
}

/// The serving secretaries of `council` on `date` that list a `git` address.
fn secretaries(council: &Council, date: jiff::civil::Date) -> Vec<&crate::model::Member> {
    council
        .members
        .iter()
        .filter(|m| m.has_role(Role::Secretary) && m.serves(date) && !m.git.is_empty())
        .collect()
}

impl Auditor<'_> {
    pub(super) fn authorship(&mut self, c: &CommitInfo) {
        let who = Identity::of(c, &self.repo.mailmap(c.mailmap_before));
        // The councils this commit touches, each with the first file it changes there.
        let mut touched: BTreeMap<String, String> = BTreeMap::new();
        for ch in &c.changes {
            let from = match &ch.kind {
                ChangeKind::Renamed { from } => c.councils_parent.owner(from),
                _ => None,
            };
            for key in ch.council.iter().chain(from.iter()) {
                touched
                    .entry(key.clone())
                    .or_insert_with(|| ch.path.clone());
            }
        }
        for (key, file) in &touched {
            // Judged by the first parent's council.toml; a council created here is exempt.
            let Some(blob) = c.councils_before.get(key).copied().flatten() else {
                continue;
            };
            let Some(council) = self.repo.council_blob(blob, key, &self.languages) else {
                continue;
            };
            self.authorised(c, &who, key, file, &council);
            if council.signing == Signing::Required {
                self.signed(c, &who, key, file, &council);
            }
        }
        if c.mailmap != c.mailmap_before {
            self.mailmap_change(c, &who);
        }
    }

    fn authorised(
        &mut self,
        c: &CommitInfo,
        who: &Identity,
        key: &str,
        file: &str,
        council: &Council,
    ) {
        let secretaries = secretaries(council, c.date);
        if secretaries.is_empty() {
            self.notes.entry(key.to_string()).or_insert_with(|| Note {
                rule: unauthorized_commit::RULE.name,
                file: format!("councils/{key}/council.toml"),
                message: format!(
                    "authorisation is off for council `{key}`: no serving secretary lists a `git` address in its council.toml"
                ),
            });
            return;
        }
        if who.is_one_of(&secretaries) {
            return;
        }
        let names: Vec<String> = secretaries
            .iter()
            .map(|m| format!("`{}`", m.id()))
            .collect();
        self.out.push(
            unauthorized_commit::RULE
                .diag(file, format!("commit by {} changes council `{key}`, but the author is not one of its serving secretaries ({})", who.shown(), names.join(", ")))
                .commit(&c.id)
                .showing(who.emails())
                .help(format!("council `{key}`'s records are changed by its secretary; if a new secretary took over, first commit their `git` address in councils/{key}/council.toml (by the current secretary); if this is a secretary's other address, map it in .mailmap")),
        );
    }

    fn signed(&mut self, c: &CommitInfo, who: &Identity, key: &str, file: &str, council: &Council) {
        let keys = keys_of(council, &who.emails());
        let status = signature::check(&self.repo.repo, c.oid, &keys);
        let why = match &status {
            SigStatus::Verified { .. } => return,
            SigStatus::Unsigned => "has no signature".to_string(),
            SigStatus::Gpg => {
                "is signed with GPG, which council cannot verify here (use an SSH key)".to_string()
            }
            SigStatus::UnknownKey { fingerprint } => format!(
                "is signed by a key no member with the author's address lists ({fingerprint})"
            ),
            SigStatus::Unsupported { algorithm } => format!(
                "is signed with a key of type `{algorithm}`, which council cannot verify (the signature may be good: check it with `git verify-commit`)"
            ),
            SigStatus::Bad => "has a signature that does not verify".to_string(),
        };
        self.out.push(
            unsigned_commit::RULE
                .diag(file, format!("council `{key}` requires signed commits, and commit by {} {why}", who.shown()))
                .commit(&c.id)
                .showing(who.emails())
                .help("sign commits with your SSH key (`git config gpg.format ssh`, `git config commit.gpgsign true`) and list the public key in your member's `keys`"),
        );
    }

    /// A commit that maps an address onto a serving secretary's in `.mailmap` makes that
    /// address a secretary's from then on: only a secretary of that council may do it.
    fn mailmap_change(&mut self, c: &CommitInfo, who: &Identity) {
        let (old, new) = (
            self.repo.mailmap(c.mailmap_before),
            self.repo.mailmap(c.mailmap),
        );
        let depth = self.repo.prefix.matches('/').count();
        let file = format!("{}.mailmap", "../".repeat(depth));
        for e in &new.entries {
            let name = e.commit_name.as_deref().unwrap_or("");
            let (_, was) = old.resolve(name, &e.commit_email);
            let (_, now) = new.resolve(name, &e.commit_email);
            if now == was || now == e.commit_email {
                continue;
            }
            let mut keys: Vec<&str> = c.councils_parent.iter().map(|(k, _)| k).collect();
            keys.sort_unstable();
            for key in keys {
                let Some(council) = c
                    .councils_parent
                    .get(key)
                    .and_then(|b| self.repo.council_blob(b, key, &self.languages))
                else {
                    continue;
                };
                let secretaries = secretaries(&council, c.date);
                let target = secretaries
                    .iter()
                    .find(|m| m.git.iter().any(|g| g.eq_ignore_ascii_case(&now)));
                let Some(target) = target else { continue };
                if who.is_one_of(&secretaries) {
                    continue;
                }
                self.out.push(
                    unauthorized_commit::RULE
                        .diag(&file, format!("commit by {} maps <{}> onto <{now}>, the address of `{}`, a secretary of council `{key}`, in .mailmap; only that council's secretaries may do so", who.shown(), e.commit_email, target.id()))
                        .commit(&c.id)
                        .showing(who.emails().into_iter().chain([e.commit_email.as_str(), now.as_str()]))
                        .help(format!("have a secretary of `{key}` commit the mapping, or list the address in the member's `git` in councils/{key}/council.toml")),
                );
            }
        }
    }
}
