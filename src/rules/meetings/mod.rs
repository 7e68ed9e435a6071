//! Rules about a meeting's attendance and its decisions: who was there, whether enough
//! voting members were there to decide, and whether the votes carry the outcome.

pub mod attendance_incomplete;
pub mod not_present;
pub mod outcome_contradicts_votes;
pub mod present_and_absent;
pub mod quorum_not_met;
pub mod votes_exceed_present;

use std::collections::BTreeSet;

use crate::i18n::Msg;
use crate::model::{Council, Majority, Meeting, Votes};
use crate::msg;

/// Attendance of a meeting as the quorum and majority rules count it.
pub struct Attendance {
    /// Present members who serve and vote on the meeting's date (each counted once).
    pub present_voting: usize,
    /// Members who serve and vote on that date.
    pub serving_voting: usize,
}

/// `None` when the meeting's date, its `present` list or the council's members are unknown,
/// or when `present` names someone who is not a member: that typo is `unknown-member`, and
/// counting without the member it hides would report a quorum or a majority that is only
/// its consequence (one slip, one finding).
pub fn attendance(c: &Council, m: &Meeting) -> Option<Attendance> {
    let date = m.date.as_ref()?.value;
    m.present.as_ref()?;
    if !c.members_known() || m.present_ids().any(|id| c.member(id).is_none()) {
        return None;
    }
    let present: BTreeSet<&str> = m.present_ids().collect();
    let serving: Vec<&str> = c.voting_members_on(date).map(|m| m.id()).collect();
    Some(Attendance {
        present_voting: serving.iter().filter(|id| present.contains(*id)).count(),
        serving_voting: serving.len(),
    })
}

/// Whether `votes` adopt a matter under the council's majority rule (SPEC §3), with
/// `present` the present serving voting members.
pub fn carries(majority: Majority, votes: Votes, present: usize) -> bool {
    let (yes, no, present) = (votes.yes as usize, votes.no as usize, present);
    match majority {
        Majority::Present => yes * 2 > present,
        Majority::Cast => yes > no,
        Majority::TwoThirds => yes * 3 >= present * 2,
    }
}

/// The rule in words, for messages.
pub fn rule_words(majority: Majority, present: usize) -> Msg {
    match majority {
        Majority::Present => msg!("majority-present-words", present, needed = present / 2 + 1),
        Majority::Cast => msg!("majority-cast-words"),
        Majority::TwoThirds => msg!(
            "majority-two-thirds-words",
            present,
            needed = (present * 2).div_ceil(3)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(yes: u32, no: u32, abstain: u32) -> Votes {
        Votes { yes, no, abstain }
    }

    #[test]
    fn majority_rules_follow_the_contract() {
        assert!(carries(Majority::Present, v(4, 3, 0), 7));
        assert!(!carries(Majority::Present, v(3, 1, 2), 7));
        assert!(!carries(Majority::Present, v(3, 3, 0), 6));
        assert!(carries(Majority::Cast, v(3, 1, 2), 7));
        assert!(!carries(Majority::Cast, v(2, 2, 3), 7));
        assert!(carries(Majority::TwoThirds, v(4, 2, 0), 6));
        assert!(!carries(Majority::TwoThirds, v(4, 3, 0), 7));
        assert!(carries(Majority::TwoThirds, v(5, 2, 0), 7));
    }
}
