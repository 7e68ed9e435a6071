//! Who may change a council's records: `unauthorized-commit` and `unsigned-commit`, judged
//! by the council.toml and the `.mailmap` of the commit's first parent.

use std::collections::BTreeMap;

use super::history::{ChangeKind, CommitInfo};
use super::signature::{self, SigStatus};
use super::{Auditor, Note, keys_of};
use crate::i18n::{Msg, codes};
use crate::model::{Council, Role, Signing};
use crate::msg;
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
    fn shown(&self) -> Msg {
        let (name, email) = (&self.name, &self.email);
        match &self.mapped {
            Some(mapped) => msg!("author-with-mapped-address", name, email, mapped),
            None => msg!("author-with-address", name, email),
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
                message: msg!("audit-authorisation-off", key),
            });
            return;
        }
        if who.is_one_of(&secretaries) {
            return;
        }
        let names: Vec<&str> = secretaries.iter().map(|m| m.id()).collect();
        self.out.push(
            unauthorized_commit::RULE
                .diag(
                    file,
                    msg!(
                        "unauthorized-commit",
                        author = who.shown(),
                        key,
                        secretaries = codes(&names)
                    ),
                )
                .commit(&c.id)
                .showing(who.emails())
                .help(msg!("unauthorized-commit-help", key)),
        );
    }

    fn signed(&mut self, c: &CommitInfo, who: &Identity, key: &str, file: &str, council: &Council) {
        let keys = keys_of(council, &who.emails());
        let status = signature::check(&self.repo.repo, c.oid, &keys);
        let why = match &status {
            SigStatus::Verified { .. } => return,
            SigStatus::Unsigned => msg!("sig-why-unsigned"),
            SigStatus::Gpg => msg!("sig-why-gpg"),
            SigStatus::UnknownKey { fingerprint } => {
                msg!("sig-why-unknown-key", fingerprint = fingerprint.as_str())
            }
            SigStatus::Unsupported { algorithm } => {
                msg!("sig-why-unsupported", algorithm = algorithm.as_str())
            }
            SigStatus::Bad => msg!("sig-why-bad"),
        };
        self.out.push(
            unsigned_commit::RULE
                .diag(
                    file,
                    msg!("unsigned-commit", key, author = who.shown(), why),
                )
                .commit(&c.id)
                .showing(who.emails())
                .help(msg!("unsigned-commit-help")),
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
                        .diag(
                            &file,
                            msg!(
                                "mailmap-onto-secretary",
                                author = who.shown(),
                                alias = &e.commit_email,
                                address = &now,
                                member = target.id(),
                                key
                            ),
                        )
                        .commit(&c.id)
                        .showing(
                            who.emails()
                                .into_iter()
                                .chain([e.commit_email.as_str(), now.as_str()]),
                        )
                        .help(msg!("mailmap-onto-secretary-help", key)),
                );
            }
        }
    }
}
