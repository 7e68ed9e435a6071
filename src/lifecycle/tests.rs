//! The lifecycle of SPEC §4 on small sites written in memory.

use super::*;
use crate::testsite::{self as t, TestSite};

// The helpers of `testsite`, for the one council `x/g`.
fn proposal(id: &str, submitted: &str, extra: &str) -> (String, String) {
    t::proposal("x/g", id, submitted, extra)
}

fn meeting(date: &str, items: &str) -> (String, String) {
    t::meeting("x/g", date, items)
}

use t::item;

const ADOPT: &str = "outcome = \"adopted\"\nvotes = { yes = 3, no = 0, abstain = 0 }\nowner = \"o\"\ndue = 2022-06-30\n";

fn report(stem: &str, p: &str, date: &str, progress: u8, status: &str) -> (String, String) {
    t::report("x/g", stem, p, date, progress, status)
}

fn state_of(files: Vec<(String, String)>, id: &str, today: &str) -> Option<Lifecycle> {
    let s = TestSite::new(&[("x/g", "grid")], &files, "response_days = 30");
    let (ci, pi) = s.at(&format!("x/g/{id}"));
    s.lifecycles(today)[ci][pi].clone()
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn a_proposal_with_no_item_is_submitted_then_unanswered_after_response_days() {
    let files = vec![proposal("p1", "2022-03-01", "")];
    let lc = state_of(files.clone(), "p1", "2022-03-31").unwrap();
    assert_eq!((lc.state, lc.unanswered), (State::Submitted, false));
    let lc = state_of(files, "p1", "2022-04-01").unwrap();
    assert_eq!((lc.state, lc.unanswered), (State::Submitted, true));
}

#[test]
fn a_proposal_not_yet_submitted_on_the_day_has_no_lifecycle() {
    assert_eq!(
        state_of(vec![proposal("p1", "2022-03-01", "")], "p1", "2022-02-28"),
        None
    );
}

#[test]
fn deliberation_and_deferral_leave_a_matter_deliberating() {
    let files = vec![
        proposal("p1", "2022-03-01", ""),
        meeting("2022-03-10", &item("p1", "deliberate", "")),
        meeting(
            "2022-04-10",
            &item("p1", "decide", "outcome = \"deferred\"\n"),
        ),
    ];
    assert_eq!(
        state_of(files.clone(), "p1", "2022-03-20").unwrap().state,
        State::Deliberating
    );
    let lc = state_of(files, "p1", "2022-05-01").unwrap();
    assert_eq!(lc.state, State::Deliberating);
    assert!(!lc.unanswered);
    assert_eq!(lc.events.len(), 3);
}

#[test]
fn adoption_reports_completion_and_acceptance_follow_in_order() {
    let mut files = vec![
        proposal("p1", "2022-03-01", ""),
        meeting("2022-03-10", &item("p1", "decide", ADOPT)),
    ];
    let lc = state_of(files.clone(), "p1", "2022-03-10").unwrap();
    assert_eq!(
        (lc.state, lc.due, lc.progress),
        (State::Adopted, Some(d("2022-06-30")), None)
    );
    files.push(report("r1", "p1", "2022-05-01", 40, "on-track"));
    let lc = state_of(files.clone(), "p1", "2022-05-02").unwrap();
    assert_eq!(
        (lc.state, lc.progress, lc.overdue),
        (State::Implementing, Some(40), false)
    );
    let lc = state_of(files.clone(), "p1", "2022-07-01").unwrap();
    assert_eq!((lc.state, lc.overdue), (State::Implementing, true));
    files.push(report("r2", "p1", "2022-07-15", 100, "completed"));
    let lc = state_of(files.clone(), "p1", "2022-08-01").unwrap();
    assert_eq!(
        (lc.state, lc.overdue, lc.progress),
        (State::Completed, false, Some(100))
    );
    files.push(report("r3", "p1", "2022-08-10", 100, "accepted"));
    assert_eq!(
        state_of(files, "p1", "2022-09-01").unwrap().state,
        State::Accepted
    );
}

#[test]
fn an_adopted_matter_past_due_without_reports_is_overdue() {
    let files = vec![
        proposal("p1", "2022-03-01", ""),
        meeting("2022-03-10", &item("p1", "decide", ADOPT)),
    ];
    let lc = state_of(files.clone(), "p1", "2022-06-30").unwrap();
    assert!(!lc.overdue);
    let lc = state_of(files, "p1", "2022-07-01").unwrap();
    assert_eq!((lc.state, lc.overdue), (State::Adopted, true));
}

#[test]
fn rejection_referral_and_withdrawal_are_final_states() {
    let rejected = vec![
        proposal("p1", "2022-03-01", ""),
        meeting(
            "2022-03-10",
            &item(
                "p1",
                "decide",
                "outcome = \"rejected\"\nvotes = { yes = 0, no = 3, abstain = 0 }\n",
            ),
        ),
    ];
    assert_eq!(
        state_of(rejected, "p1", "2022-04-01").unwrap().state,
        State::Rejected
    );
    let referred = vec![
        proposal("p1", "2022-03-01", ""),
        meeting(
            "2022-03-10",
            &item(
                "p1",
                "decide",
                "outcome = \"referred\"\nreferred_to = \"区住建局\"\n",
            ),
        ),
    ];
    assert_eq!(
        state_of(referred, "p1", "2022-04-01").unwrap().state,
        State::Referred
    );
    let withdrawn = vec![
        proposal("p1", "2022-03-01", "withdrawn = 2022-03-20\n"),
        meeting("2022-03-10", &item("p1", "deliberate", "")),
    ];
    assert_eq!(
        state_of(withdrawn.clone(), "p1", "2022-03-19")
            .unwrap()
            .state,
        State::Deliberating
    );
    let lc = state_of(withdrawn, "p1", "2022-03-20").unwrap();
    assert_eq!(lc.state, State::Withdrawn);
    assert!(matches!(
        lc.events.last().unwrap().kind,
        EventKind::Withdrawn
    ));
}

#[test]
fn events_after_the_day_are_ignored() {
    let files = vec![
        proposal("p1", "2022-03-01", ""),
        meeting("2022-03-10", &item("p1", "decide", ADOPT)),
        report("r1", "p1", "2022-05-01", 40, "on-track"),
    ];
    let lc = state_of(files, "p1", "2022-04-30").unwrap();
    assert_eq!(lc.state, State::Adopted);
    assert_eq!(lc.events.len(), 2);
}

#[test]
fn on_one_date_submission_comes_first_then_items_by_file_name_then_reports() {
    // Submitted, deliberated and decided on one day, in two meetings of that day.
    let files = vec![
        proposal("p1", "2022-03-10", ""),
        (
            "x/g/meetings/2022-03-10-b.md".into(),
            "+++\ndate = 2022-03-10\nchair = \"a\"\nrecorder = \"b\"\npresent = [\"a\", \"b\", \"c\"]\n".to_string()
                + &item("p1", "decide", ADOPT)
                + "+++\n",
        ),
        (
            "x/g/meetings/2022-03-10-a.md".into(),
            "+++\ndate = 2022-03-10\nchair = \"a\"\nrecorder = \"b\"\npresent = [\"a\", \"b\", \"c\"]\n".to_string()
                + &item("p1", "deliberate", "")
                + "+++\n",
        ),
        report("r1", "p1", "2022-03-10", 10, "on-track"),
    ];
    let lc = state_of(files, "p1", "2022-03-10").unwrap();
    assert_eq!(lc.state, State::Implementing);
    let kinds: Vec<_> = lc.events.iter().map(|e| e.kind).collect();
    assert!(matches!(kinds[0], EventKind::Submitted));
    assert!(matches!(kinds[1], EventKind::Item { .. }));
    assert!(matches!(kinds[2], EventKind::Item { .. }));
    assert!(matches!(kinds[3], EventKind::Report { .. }));
}

mod final_dates_and_return_visits {
    use super::*;

    fn lifecycle(files: &[(String, String)], id: &str, today: &str) -> Lifecycle {
        let s = TestSite::new(&[("x/g", "grid")], files, "");
        let (ci, pi) = s.at(&format!("x/g/{id}"));
        s.lifecycles(today)[ci][pi].clone().unwrap()
    }

    #[test]
    fn a_matter_is_final_from_its_deciding_item_acceptance_or_withdrawal() {
        let decided = |rest: &str| {
            vec![
                t::proposal("x/g", "p1", "2022-03-01", ""),
                t::meeting("x/g", "2022-03-10", &t::item("p1", "decide", rest)),
            ]
        };
        let lc = lifecycle(&decided(t::REJECT), "p1", "2022-04-01");
        assert_eq!(lc.final_date, Some(d("2022-03-10")));
        let lc = lifecycle(&decided(&t::refer("区住建局")), "p1", "2022-04-01");
        assert_eq!(lc.final_date, Some(d("2022-03-10")));

        let mut adopted = decided(&t::adopt("2022-12-31"));
        adopted.push(t::report("x/g", "r1", "p1", "2022-05-01", 100, "completed"));
        let lc = lifecycle(&adopted, "p1", "2022-06-01");
        assert_eq!((lc.state, lc.final_date), (State::Completed, None));
        adopted.push(t::report("x/g", "r2", "p1", "2022-06-10", 100, "accepted"));
        adopted.push(t::report("x/g", "r3", "p1", "2022-07-10", 100, "accepted"));
        let lc = lifecycle(&adopted, "p1", "2022-08-01");
        assert_eq!(lc.final_date, Some(d("2022-06-10")), "the first acceptance");

        let withdrawn = vec![t::proposal(
            "x/g",
            "p1",
            "2022-03-01",
            "withdrawn = 2022-03-20\n",
        )];
        assert_eq!(
            lifecycle(&withdrawn, "p1", "2022-03-19").final_date,
            None,
            "not yet"
        );
        assert_eq!(
            lifecycle(&withdrawn, "p1", "2022-03-20").final_date,
            Some(d("2022-03-20"))
        );
    }

    #[test]
    fn the_latest_return_visit_up_to_the_day_gives_the_satisfaction() {
        let files = vec![
            t::proposal("x/g", "p1", "2022-03-01", ""),
            t::meeting("x/g", "2022-03-10", &t::item("p1", "decide", t::REJECT)),
            t::feedback("x/g", "2022-03-20", "p1", "2022-03-20", "unsatisfied"),
            t::feedback(
                "x/g",
                "2022-05-02",
                "p1",
                "2022-05-02",
                "basically-satisfied",
            ),
        ];
        assert_eq!(lifecycle(&files, "p1", "2022-03-19").feedback, None);
        assert_eq!(
            lifecycle(&files, "p1", "2022-04-01").feedback,
            Some(Satisfaction::Unsatisfied)
        );
        let lc = lifecycle(&files, "p1", "2022-06-01");
        assert_eq!(lc.feedback, Some(Satisfaction::BasicallySatisfied));
        assert_eq!(
            lc.state,
            State::Rejected,
            "a visit does not change the state"
        );
    }

    #[test]
    fn on_one_date_reports_come_before_the_withdrawal_and_return_visits_last() {
        let files = vec![
            t::proposal("x/g", "p1", "2022-03-01", "withdrawn = 2022-05-01\n"),
            t::meeting(
                "x/g",
                "2022-03-10",
                &t::item("p1", "decide", &t::adopt("2022-12-31")),
            ),
            t::feedback("x/g", "a-visit", "p1", "2022-05-01", "satisfied"),
            t::report("x/g", "z-report", "p1", "2022-05-01", 30, "on-track"),
        ];
        let lc = lifecycle(&files, "p1", "2022-06-01");
        let kinds: Vec<_> = lc.events.iter().map(|e| e.kind).collect();
        assert!(matches!(kinds[2], EventKind::Report { .. }), "{kinds:?}");
        assert!(matches!(kinds[3], EventKind::Withdrawn), "{kinds:?}");
        assert!(matches!(kinds[4], EventKind::Feedback { .. }), "{kinds:?}");
    }
}
