//! Rules about matters referred from one council to another (SPEC §8): a referral names a
//! council that exists (or an outside body), a continuation names a matter that was referred
//! to its council before it was recorded there, and a council of the site takes up what was
//! referred to it in time.
//!
//! These rules read more than one council: a finding about a continuation depends on the
//! minutes of the council that referred it, and the other way round. `serve` checks the
//! councils linked by referrals together (see `lifecycle::chain::linked_councils`).

pub mod referral_mismatch;
pub mod referral_unanswered;
pub mod unknown_council;

use jiff::civil::Date;

use crate::lifecycle::chain::{Keys, MatterAt};
use crate::model::{Council, Item, Meeting, Outcome, Site, Sp};

/// A proposal that continues a matter of the site (its `referred_from` resolves).
pub struct Continuation<'a> {
    /// The matter continued.
    pub from: MatterAt,
    /// The continuing proposal.
    pub at: MatterAt,
    pub submitted: Date,
    pub path: &'a str,
}

/// Every continuation of the site whose `submitted` is known.
pub fn continuations<'a>(site: &'a Site, keys: &Keys<'_>) -> Vec<Continuation<'a>> {
    let mut out = Vec::new();
    for (ci, c) in site.councils.iter().enumerate() {
        for (pi, p) in c.proposals.iter().enumerate() {
            if let (Some(from), Some(sub)) = (&p.referred_from, &p.submitted)
                && let Some(q) = keys.matter(site, &from.value)
            {
                out.push(Continuation {
                    from: q,
                    at: (ci, pi),
                    submitted: sub.value,
                    path: &p.meta.source.path,
                });
            }
        }
    }
    out
}

/// A decide item referring a matter elsewhere: its minutes, the item, where it sends the
/// matter (as written) and its date.
pub struct Referring<'a> {
    pub meeting: &'a Meeting,
    pub item: &'a Item,
    pub to: &'a Sp<String>,
    pub date: Date,
}

/// Every referring item of council `c`, with the id of the proposal it refers (as written).
pub fn referrals(c: &Council) -> impl Iterator<Item = (&str, Referring<'_>)> {
    c.meetings.iter().flat_map(|m| {
        m.items.iter().filter_map(move |item| {
            if !item.is_decision() || item.outcome.as_deref() != Some(&Outcome::Referred) {
                return None;
            }
            Some((
                item.proposal.as_ref()?.value.as_str(),
                Referring {
                    meeting: m,
                    item,
                    to: item.referred_to.as_ref()?,
                    date: m.date.as_ref()?.value,
                },
            ))
        })
    })
}

/// The referring items of proposal `id` of council `c`, in date order (then file name).
pub fn referrals_of<'a>(c: &'a Council, id: &str) -> Vec<Referring<'a>> {
    let mut out: Vec<Referring<'a>> = referrals(c)
        .filter(|(p, _)| p.eq_ignore_ascii_case(id))
        .map(|(_, r)| r)
        .collect();
    out.sort_by(|a, b| (a.date, &a.meeting.meta.stem).cmp(&(b.date, &b.meeting.meta.stem)));
    out
}
