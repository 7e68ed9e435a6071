//! Matters followed across councils (SPEC §8): a matter referred to another council of the
//! site continues there as a proposal with `referred_from`; the matters linked that way are a
//! **chain**, and the chain gives every matter in it a `track` (direct, joint, special) and a
//! `chain_state` (where the matter is now).
//!
//! Pure functions of the model and the lifecycles as of a day T: a proposal not yet submitted
//! on T (no lifecycle) is not in any chain, and referrals dated after T are not seen.

use std::collections::HashMap;

use crate::model::{Outcome, Site, is_key, split_matter_ref};

use super::{Lifecycle, State};

/// The handling track of a matter (SPEC §8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Track {
    /// Adopted or rejected where it was proposed.
    Direct,
    /// Handled jointly: it moved on to another council of the site.
    Joint,
    /// Sent to a body outside the site (the office responsible).
    Special,
}

impl Track {
    pub const ALL: [Track; 3] = [Track::Direct, Track::Joint, Track::Special];

    /// The track written `s` (as records.json writes it).
    pub fn parse(s: &str) -> Option<Track> {
        Track::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Track::Direct => "direct",
            Track::Joint => "joint",
            Track::Special => "special",
        }
    }
}

/// Where a `referred_to` sends a matter (SPEC §8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referral {
    /// A council of this site, by index.
    Council(usize),
    /// The name of a body outside the site.
    Outside,
    /// Written like a council key, but no council has that key (`unknown-council`).
    UnknownCouncil,
}

/// The councils of a site by key, to resolve referrals and `referred_from`.
pub struct Keys<'a>(HashMap<&'a str, usize>);

impl<'a> Keys<'a> {
    pub fn of(site: &'a Site) -> Keys<'a> {
        Keys(
            site.councils
                .iter()
                .enumerate()
                .map(|(i, c)| (c.key.as_str(), i))
                .collect(),
        )
    }

    pub fn council(&self, key: &str) -> Option<usize> {
        self.0.get(key).copied()
    }

    /// What a `referred_to` value names: a value equal to a council key is that council; a
    /// value shaped like a key (`/`-separated ids) that names none is an unknown council;
    /// anything else is an outside body.
    pub fn referral(&self, value: &str) -> Referral {
        let value = value.trim();
        match self.council(value) {
            Some(ci) => Referral::Council(ci),
            None if value.contains('/') && is_key(value) => Referral::UnknownCouncil,
            None => Referral::Outside,
        }
    }

    /// The matter a `referred_from` names, when its council and proposal exist.
    pub fn matter(&self, site: &Site, reference: &str) -> Option<(usize, usize)> {
        let (key, id) = split_matter_ref(reference)?;
        let ci = self.council(key)?;
        let pi = site.councils[ci]
            .proposals
            .iter()
            .position(|p| p.id().eq_ignore_ascii_case(id))?;
        Some((ci, pi))
    }
}

/// A matter: (council index, proposal index).
pub type MatterAt = (usize, usize);

/// One chain: its matters in order, the track they share, and the state of the last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chain {
    pub matters: Vec<MatterAt>,
    pub track: Option<Track>,
    pub state: State,
}

/// Every published matter's chain, as of the day of the lifecycles.
#[derive(Clone, Debug, Default)]
pub struct Chains {
    /// Per council, per proposal: the index of its chain in `chains` and its position in it
    /// (`None` for a proposal without a lifecycle).
    of: Vec<Vec<Option<(usize, usize)>>>,
    pub chains: Vec<Chain>,
}

impl Chains {
    /// Links every published proposal with a `referred_from` to the matter it names (when
    /// that matter is published and not already continued by a proposal submitted earlier,
    /// then by council key and id), and follows the links.
    pub fn build(site: &Site, lifecycles: &[Vec<Option<Lifecycle>>]) -> Chains {
        let keys = Keys::of(site);
        let published = |(ci, pi): MatterAt| lifecycles[ci][pi].is_some();
        // The continuations, sorted so that the earliest claims its matter first.
        let mut claims: Vec<(jiff::civil::Date, &str, &str, MatterAt, MatterAt)> = Vec::new();
        for (ci, c) in site.councils.iter().enumerate() {
            for (pi, p) in c.proposals.iter().enumerate() {
                let (Some(from), Some(sub)) = (&p.referred_from, &p.submitted) else {
                    continue;
                };
                if !published((ci, pi)) {
                    continue;
                }
                if let Some(prev) = keys.matter(site, &from.value)
                    && published(prev)
                    && prev != (ci, pi)
                {
                    claims.push((sub.value, &c.key, p.id(), (ci, pi), prev));
                }
            }
        }
        claims.sort();
        let mut next: HashMap<MatterAt, MatterAt> = HashMap::new();
        let mut prev: HashMap<MatterAt, MatterAt> = HashMap::new();
        for (_, _, _, at, from) in claims {
            if next.contains_key(&from) {
                continue;
            }
            next.insert(from, at);
            prev.insert(at, from);
        }

        let mut out = Chains {
            of: lifecycles.iter().map(|l| vec![None; l.len()]).collect(),
            chains: Vec::new(),
        };
        let follow = |start: MatterAt, out: &mut Chains| {
            let mut matters = vec![start];
            let mut at = start;
            while let Some(&n) = next.get(&at) {
                if out.of[n.0][n.1].is_some() || matters.contains(&n) {
                    break; // a cycle (only in records with errors)
                }
                matters.push(n);
                at = n;
            }
            let ix = out.chains.len();
            for (pos, &(ci, pi)) in matters.iter().enumerate() {
                out.of[ci][pi] = Some((ix, pos));
            }
            out.chains.push(chain_of(site, &keys, lifecycles, matters));
        };
        for (ci, lcs) in lifecycles.iter().enumerate() {
            for pi in 0..lcs.len() {
                if published((ci, pi)) && !prev.contains_key(&(ci, pi)) {
                    follow((ci, pi), &mut out);
                }
            }
        }
        // Matters left over sit on a cycle of links.
        for (ci, lcs) in lifecycles.iter().enumerate() {
            for pi in 0..lcs.len() {
                if published((ci, pi)) && out.of[ci][pi].is_none() {
                    follow((ci, pi), &mut out);
                }
            }
        }
        out
    }

    /// The chain of a published matter.
    pub fn chain(&self, ci: usize, pi: usize) -> Option<&Chain> {
        self.of.get(ci)?.get(pi)?.map(|(ix, _)| &self.chains[ix])
    }

    /// The matter this one continues, as linked (published, first claim).
    pub fn continues(&self, ci: usize, pi: usize) -> Option<MatterAt> {
        let (ix, pos) = self.of.get(ci)?.get(pi)?.as_ref().copied()?;
        pos.checked_sub(1).map(|p| self.chains[ix].matters[p])
    }

    /// The matter that continues this one.
    pub fn continued_as(&self, ci: usize, pi: usize) -> Option<MatterAt> {
        let (ix, pos) = self.of.get(ci)?.get(pi)?.as_ref().copied()?;
        self.chains[ix].matters.get(pos + 1).copied()
    }
}

/// The councils linked to council `ci` by a referral, either way: those its decisions refer
/// matters to or its proposals continue, and those whose decisions refer matters to it or
/// whose proposals continue its matters. A change to `ci`'s records can change what they
/// show (chains) and what the referral rules find in them.
pub fn linked_councils(site: &Site, ci: usize) -> std::collections::BTreeSet<usize> {
    let keys = Keys::of(site);
    let mut out = std::collections::BTreeSet::new();
    for (cj, c) in site.councils.iter().enumerate() {
        let refers = c
            .meetings
            .iter()
            .flat_map(|m| &m.items)
            .filter_map(|i| keys.council(i.referred_to.as_ref()?.value.trim()));
        let continues = c.proposals.iter().filter_map(|p| {
            let (from, _) = split_matter_ref(&p.referred_from.as_ref()?.value)?;
            keys.council(from)
        });
        for other in refers.chain(continues) {
            if cj == ci {
                out.insert(other);
            } else if other == ci {
                out.insert(cj);
            }
        }
    }
    out.remove(&ci);
    out
}

/// Where the latest decision of a matter (as of the day) referred it, if it was referred.
pub fn referred_to<'s>(site: &'s Site, ci: usize, lc: &Lifecycle) -> Option<&'s str> {
    let (m, i) = lc.decision?;
    let item = &site.councils[ci].meetings[m].items[i];
    match item.outcome.as_deref() {
        Some(Outcome::Referred) => item.referred_to.as_ref().map(|r| r.value.as_str()),
        _ => None,
    }
}

fn chain_of(
    site: &Site,
    keys: &Keys<'_>,
    lifecycles: &[Vec<Option<Lifecycle>>],
    matters: Vec<MatterAt>,
) -> Chain {
    let last = *matters.last().expect("a chain has a matter");
    let lc = lifecycles[last.0][last.1]
        .as_ref()
        .expect("chains hold published matters");
    let latest = lc.decision.and_then(|(m, i)| {
        site.councils[last.0].meetings[m].items[i]
            .outcome
            .as_ref()
            .map(|o| o.value)
    });
    let track = match referred_to(site, last.0, lc).map(|r| keys.referral(r)) {
        Some(Referral::Outside) => Some(Track::Special),
        Some(_) => Some(Track::Joint),
        None if matters.len() > 1 => Some(Track::Joint),
        None if matches!(latest, Some(Outcome::Adopted | Outcome::Rejected)) => Some(Track::Direct),
        None => None,
    };
    Chain {
        matters,
        track,
        state: lc.state,
    }
}

#[cfg(test)]
mod tests;
