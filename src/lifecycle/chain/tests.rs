//! Chains and tracks of SPEC §8 on small streets written to a temporary folder.

use super::*;
use crate::testsite::*;

const COUNCILS: [(&str, &str); 3] = [
    ("ht/g1", "grid"),
    ("ht/joint", "community"),
    ("street", "street"),
];

fn three_councils() -> TestSite {
    TestSite::new(&COUNCILS, &chain_over_three(""), "")
}

fn chains(t: &TestSite, today: &str) -> Chains {
    Chains::build(&t.site, &t.lifecycles(today))
}

#[test]
fn a_chain_over_three_councils_links_every_matter_and_shares_the_last_state() {
    let t = three_councils();
    let c = chains(&t, "2022-06-01");
    let (g, j, s) = (t.at("ht/g1/p1"), t.at("ht/joint/j1"), t.at("street/s1"));
    for m in [g, j, s] {
        let chain = c.chain(m.0, m.1).unwrap();
        assert_eq!(chain.matters, [g, j, s]);
        assert_eq!(chain.track, Some(Track::Joint));
        assert_eq!(chain.state, State::Adopted);
    }
    assert_eq!(c.continues(g.0, g.1), None);
    assert_eq!(c.continued_as(g.0, g.1), Some(j));
    assert_eq!(c.continues(j.0, j.1), Some(g));
    assert_eq!(c.continued_as(j.0, j.1), Some(s));
    assert_eq!(c.continued_as(s.0, s.1), None);
}

#[test]
fn a_chain_grows_as_the_receiving_councils_record_the_matter() {
    let t = three_councils();
    let (g, j) = (t.at("ht/g1/p1"), t.at("ht/joint/j1"));
    // Referred, not yet recorded at the joint council: joint already, a chain of one.
    let c = chains(&t, "2022-03-12");
    let chain = c.chain(g.0, g.1).unwrap();
    assert_eq!(chain.matters, [g]);
    assert_eq!(
        (chain.track, chain.state),
        (Some(Track::Joint), State::Referred)
    );
    assert!(c.chain(j.0, j.1).is_none(), "not yet submitted");
    // Recorded, still being discussed there.
    let c = chains(&t, "2022-03-20");
    let chain = c.chain(g.0, g.1).unwrap();
    assert_eq!(chain.matters, [g, j]);
    assert_eq!(chain.state, State::Submitted);
}

#[test]
fn a_chain_whose_middle_matter_is_withdrawn_runs_on() {
    // The joint council's matter is withdrawn after it went on to the street.
    let t = TestSite::new(&COUNCILS, &chain_over_three("withdrawn = 2022-04-20\n"), "");
    let lcs = t.lifecycles("2022-06-01");
    let (g, j, s) = (t.at("ht/g1/p1"), t.at("ht/joint/j1"), t.at("street/s1"));
    assert_eq!(lcs[j.0][j.1].as_ref().unwrap().state, State::Withdrawn);
    let c = Chains::build(&t.site, &lcs);
    let chain = c.chain(g.0, g.1).unwrap();
    assert_eq!(chain.matters, [g, j, s]);
    assert_eq!(
        (chain.track, chain.state),
        (Some(Track::Joint), State::Adopted)
    );
}

#[test]
fn a_referral_to_an_outside_body_is_the_special_track() {
    let t = TestSite::new(
        &COUNCILS,
        &[
            proposal("ht/g1", "p1", "2022-03-01", ""),
            meeting(
                "ht/g1",
                "2022-03-10",
                &item("p1", "decide", &refer("市北区城市管理局")),
            ),
        ],
        "",
    );
    let g = t.at("ht/g1/p1");
    let c = chains(&t, "2022-04-01");
    let chain = c.chain(g.0, g.1).unwrap();
    assert_eq!(
        (chain.track, chain.state),
        (Some(Track::Special), State::Referred)
    );
}

#[test]
fn a_chain_ending_outside_the_site_is_special_for_every_matter() {
    let t = TestSite::new(
        &COUNCILS,
        &referred_to_joint("", &refer("市北区城市管理局")),
        "",
    );
    let c = chains(&t, "2022-05-01");
    let g = t.at("ht/g1/p1");
    let chain = c.chain(g.0, g.1).unwrap();
    assert_eq!(chain.matters.len(), 2);
    assert_eq!(chain.track, Some(Track::Special));
}

#[test]
fn matters_decided_where_they_were_proposed_are_direct_and_others_have_no_track() {
    let t = TestSite::new(
        &COUNCILS,
        &[
            proposal("ht/g1", "adopted", "2022-03-01", ""),
            proposal("ht/g1", "rejected", "2022-03-01", ""),
            proposal("ht/g1", "deferred", "2022-03-01", ""),
            proposal("ht/g1", "new", "2022-03-01", ""),
            proposal("ht/g1", "gone", "2022-03-01", "withdrawn = 2022-03-05\n"),
            meeting(
                "ht/g1",
                "2022-03-10",
                &(item("adopted", "decide", &adopt("2022-12-31"))
                    + &item("rejected", "decide", REJECT)
                    + &item("deferred", "decide", "outcome = \"deferred\"\n")),
            ),
        ],
        "",
    );
    let c = chains(&t, "2022-04-01");
    let track = |id: &str| {
        let m = t.at(&format!("ht/g1/{id}"));
        c.chain(m.0, m.1).unwrap().track
    };
    assert_eq!(track("adopted"), Some(Track::Direct));
    assert_eq!(track("rejected"), Some(Track::Direct));
    assert_eq!(track("deferred"), None);
    assert_eq!(track("new"), None);
    assert_eq!(track("gone"), None);
}

#[test]
fn when_two_proposals_continue_one_matter_the_earlier_one_does() {
    let t = TestSite::new(
        &COUNCILS,
        &[
            proposal("ht/g1", "p1", "2022-03-01", ""),
            meeting(
                "ht/g1",
                "2022-03-10",
                &item("p1", "decide", &refer("ht/joint")),
            ),
            proposal(
                "ht/joint",
                "a-late",
                "2022-03-20",
                "referred_from = \"ht/g1/p1\"\n",
            ),
            proposal(
                "ht/joint",
                "b-early",
                "2022-03-15",
                "referred_from = \"ht/g1/p1\"\n",
            ),
        ],
        "",
    );
    let c = chains(&t, "2022-04-01");
    let g = t.at("ht/g1/p1");
    assert_eq!(c.continued_as(g.0, g.1), Some(t.at("ht/joint/b-early")));
    let late = t.at("ht/joint/a-late");
    assert_eq!(c.chain(late.0, late.1).unwrap().matters, [late]);
}

#[test]
fn referral_values_are_keys_unknown_keys_or_names() {
    let t = TestSite::new(&COUNCILS, &[], "");
    let keys = Keys::of(&t.site);
    assert_eq!(keys.referral("ht/joint"), Referral::Council(1));
    assert_eq!(keys.referral("street"), Referral::Council(2));
    assert_eq!(keys.referral("ht/joint2"), Referral::UnknownCouncil);
    assert_eq!(keys.referral("市北区城市管理局"), Referral::Outside);
    assert_eq!(keys.referral("district-office"), Referral::Outside);
    assert_eq!(keys.referral("市北区/城管局"), Referral::Outside);
}

#[test]
fn councils_are_linked_by_referrals_both_ways() {
    let t = three_councils();
    let linked = |k: &str| {
        let ci = t.site.councils.iter().position(|c| c.key == k).unwrap();
        linked_councils(&t.site, ci)
            .into_iter()
            .map(|cj| t.site.councils[cj].key.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(linked("ht/g1"), ["ht/joint"]);
    assert_eq!(linked("ht/joint"), ["ht/g1", "street"]);
    assert_eq!(linked("street"), ["ht/joint"]);
}
