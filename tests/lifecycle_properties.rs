//! Properties of the derived lifecycle (SPEC §4) over generated records, with proptest: the
//! state is always one of SPEC's and agrees with its flags; events dated after T never
//! change the state as of T; adding a record never makes an accepted matter open again.
//! Records are generated as the text a secretary writes and read by the real parser.

use std::collections::BTreeSet;
use std::path::PathBuf;

use council::diag::Source;
use council::lifecycle::{self, Lifecycle, State, Timelines};
use council::model::{self, Site};
use jiff::ToSpan;
use jiff::civil::Date;
use proptest::prelude::*;

/// The council of the base fixture (members `wang-li`, `zhang-hua`, `li-ming`, `chen-jing`,
/// `zhao-gang`).
fn council_toml() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/base/councils/demo/grid-01/council.toml"
    );
    std::fs::read_to_string(path).unwrap()
}

fn day(offset: u16) -> Date {
    Date::constant(2022, 1, 1)
        .checked_add((offset as i64).days())
        .unwrap()
}

/// A meeting item about the matter.
#[derive(Clone, Debug)]
enum Item {
    Deliberate,
    Decide(&'static str, u16),
}

#[derive(Clone, Debug)]
enum Record {
    Meeting(u16, Vec<Item>),
    Report(u16, &'static str, u8),
}

#[derive(Clone, Debug)]
struct Matter {
    submitted: u16,
    withdrawn: Option<u16>,
    records: Vec<Record>,
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        Just(Item::Deliberate),
        (
            prop::sample::select(&["adopted", "rejected", "deferred", "referred"][..]),
            0u16..500
        )
            .prop_map(|(o, due)| Item::Decide(o, due)),
    ]
}

fn record() -> impl Strategy<Value = Record> {
    prop_oneof![
        (0u16..500, prop::collection::vec(item(), 1..3)).prop_map(|(d, i)| Record::Meeting(d, i)),
        (
            0u16..500,
            prop::sample::select(&["on-track", "delayed", "blocked", "completed", "accepted"][..]),
            0u8..=100
        )
            .prop_map(|(d, s, p)| Record::Report(d, s, p)),
    ]
}

fn matter() -> impl Strategy<Value = Matter> {
    (
        0u16..100,
        prop::option::weighted(0.1, 0u16..500),
        prop::collection::vec(record(), 0..7),
    )
        .prop_map(|(submitted, withdrawn, records)| Matter {
            submitted,
            withdrawn,
            records,
        })
}

/// A matter adopted and accepted (whatever else its records say), with a day on or after
/// the acceptance.
fn accepted_matter() -> impl Strategy<Value = (Matter, u16)> {
    (
        0u16..50,
        0u16..100,
        0u16..200,
        0u16..100,
        prop::collection::vec(record(), 0..4),
    )
        .prop_map(|(submitted, adopt, accept, after, mut records)| {
            let (adopt, accept) = (submitted + adopt, submitted + adopt + accept);
            records.insert(
                0,
                Record::Meeting(adopt, vec![Item::Decide("adopted", accept)]),
            );
            records.push(Record::Report(accept, "accepted", 100));
            let m = Matter {
                submitted,
                withdrawn: None,
                records,
            };
            (m, accept + after)
        })
}

/// The site holding the matter `2022-001` and its records, read as `check` reads them.
fn site(m: &Matter) -> Site {
    let langs = vec!["zh".to_string()];
    let council_src = Source::new("councils/x/g/council.toml", council_toml());
    let (mut council, _) = model::parse_council("x/g", &council_src, &langs);
    let withdrawn = m
        .withdrawn
        .map(|w| format!("withdrawn = {}\n", day(w)))
        .unwrap_or_default();
    let text = format!(
        "+++\ntitle = \"事项\"\nsubmitted = {}\nproposer = \"居民\"\n{withdrawn}+++\n",
        day(m.submitted)
    );
    let src = Source::new("councils/x/g/proposals/2022-001.md", text);
    council
        .proposals
        .push(model::parse_proposal("2022-001", &src, &langs).0);
    for (i, r) in m.records.iter().enumerate() {
        // Names sort in the order generated, so a day's records keep it.
        let stem = format!("r{i:02}");
        match r {
            Record::Meeting(d, items) => {
                let mut text = format!(
                    "+++\ndate = {}\nchair = \"wang-li\"\nrecorder = \"zhang-hua\"\npresent = [\"wang-li\", \"zhang-hua\", \"li-ming\", \"chen-jing\", \"zhao-gang\"]\n",
                    day(*d)
                );
                for it in items {
                    text.push_str("[[items]]\nproposal = \"2022-001\"\n");
                    match it {
                        Item::Deliberate => text.push_str("action = \"deliberate\"\n"),
                        Item::Decide(outcome, due) => {
                            text.push_str(&format!(
                                "action = \"decide\"\noutcome = \"{outcome}\"\nvotes = {{ yes = 5, no = 0, abstain = 0 }}\nowner = \"居委会\"\ndue = {}\nreferred_to = \"街道\"\n",
                                day(*due)
                            ));
                        }
                    }
                }
                text.push_str("+++\n");
                let src = Source::new(format!("councils/x/g/meetings/{stem}.md"), text);
                council
                    .meetings
                    .push(model::parse_meeting(&stem, &src, &langs).0);
            }
            Record::Report(d, status, progress) => {
                let text = format!(
                    "+++\nproposal = \"2022-001\"\ndate = {}\nby = [\"li-ming\"]\nprogress = {progress}\nstatus = \"{status}\"\n+++\n",
                    day(*d)
                );
                let src = Source::new(format!("councils/x/g/reports/{stem}.md"), text);
                council
                    .reports
                    .push(model::parse_report(&stem, &src, &langs).0);
            }
        }
    }
    let config_source = Source::new(
        "site.toml",
        "title = \"街道\"\nbase_url = \"https://example.org/\"\n",
    );
    let (config, _) = model::parse_site_config(&config_source);
    Site {
        root: PathBuf::from("/nonexistent"),
        config,
        config_source,
        areas: Vec::new(),
        councils: vec![council],
        pages: Vec::new(),
        files: BTreeSet::new(),
        statics: Vec::new(),
        attachments: Vec::new(),
        static_texts: Vec::new(),
        file_count: 0,
    }
}

/// The matter's lifecycle as of day `t`.
fn state_at(m: &Matter, t: u16) -> Option<Lifecycle> {
    let site = site(m);
    let timelines = Timelines::build(&site);
    let c = &site.councils[0];
    lifecycle::derive(c, &c.proposals[0], timelines.of(0, 0), day(t), 30)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_state_is_one_of_spec_and_agrees_with_its_flags(m in matter(), t in 0u16..600) {
        match state_at(&m, t) {
            None => prop_assert!(m.submitted > t),
            Some(l) => {
                prop_assert!(State::ALL.contains(&l.state));
                if l.overdue {
                    prop_assert!(matches!(l.state, State::Adopted | State::Implementing));
                }
                if l.unanswered {
                    prop_assert_eq!(l.state, State::Submitted);
                }
                if m.withdrawn.is_some_and(|w| w <= t) {
                    prop_assert_eq!(l.state, State::Withdrawn);
                }
            }
        }
    }

    #[test]
    fn events_after_t_never_change_the_state_as_of_t(
        m in matter(),
        t in 0u16..400,
        later in prop::collection::vec(record(), 1..4),
    ) {
        let before = state_at(&m, t).map(|l| (l.state, l.overdue, l.unanswered, l.due, l.progress));
        let mut more = m.clone();
        for r in later {
            // The same record, dated after T.
            more.records.push(match r {
                Record::Meeting(d, items) => Record::Meeting(t + 1 + d % 100, items),
                Record::Report(d, s, p) => Record::Report(t + 1 + d % 100, s, p),
            });
        }
        let after = state_at(&more, t).map(|l| (l.state, l.overdue, l.unanswered, l.due, l.progress));
        prop_assert_eq!(before, after);
    }

    #[test]
    fn adding_a_record_never_makes_an_accepted_matter_open_again(
        (m, t) in accepted_matter(),
        extra in record(),
        at in 0usize..8,
    ) {
        prop_assume!(state_at(&m, t).is_some_and(|l| l.state == State::Accepted));
        let mut more = m.clone();
        more.records.insert(at.min(more.records.len()), extra);
        let l = state_at(&more, t).expect("still submitted");
        prop_assert!(!l.state.is_open(), "{:?} became {:?}", m, l.state);
    }
}

/// Found by the property above: a deferral recorded between an adoption and its acceptance
/// (an `already-decided` error) made the accepted matter `deliberating` again.
#[test]
fn a_late_decision_does_not_reopen_an_accepted_matter() {
    let m = Matter {
        submitted: 0,
        withdrawn: None,
        records: vec![
            Record::Meeting(1, vec![Item::Decide("deferred", 0)]),
            Record::Meeting(0, vec![Item::Decide("adopted", 0)]),
            Record::Report(192, "accepted", 100),
        ],
    };
    assert_eq!(state_at(&m, 192).unwrap().state, State::Accepted);
    let mut after = m.clone();
    after.records[0] = Record::Meeting(200, vec![Item::Decide("rejected", 0)]);
    assert_eq!(state_at(&after, 300).unwrap().state, State::Accepted);
}
