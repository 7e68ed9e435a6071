//! The lifecycle of SPEC §4 on small sites written in memory.

use super::*;
use crate::model::load_site;

const COUNCIL: &str = r#"
name = "第一网格议事会"
established = 2021-01-01
[[members]]
id = "a"
name = "甲"
from = 2021-01-01
[[members]]
id = "b"
name = "乙"
from = 2021-01-01
[[members]]
id = "c"
name = "丙"
from = 2021-01-01
"#;

/// A site with one council `x/g` holding `files` (paths relative to the council).
fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let w = |rel: &str, text: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w(
        "site.toml",
        "title = \"t\"\nbase_url = \"https://e.org/\"\n[lifecycle]\nresponse_days = 30\n",
    );
    w("councils/x/g/council.toml", COUNCIL);
    for (rel, text) in files {
        w(&format!("councils/x/g/{rel}"), text);
    }
    let (site, _) = load_site(root);
    (dir, site)
}

fn proposal(id: &str, submitted: &str, extra: &str) -> (String, String) {
    (
        format!("proposals/{id}.md"),
        format!("+++\ntitle = \"t\"\nsubmitted = {submitted}\nproposer = \"p\"\n{extra}+++\n"),
    )
}

fn meeting(date: &str, items: &str) -> (String, String) {
    (
        format!("meetings/{date}.md"),
        format!(
            "+++\ndate = {date}\nchair = \"a\"\nrecorder = \"b\"\npresent = [\"a\", \"b\", \"c\"]\n{items}+++\n"
        ),
    )
}

fn item(p: &str, action: &str, rest: &str) -> String {
    format!("[[items]]\nproposal = \"{p}\"\naction = \"{action}\"\n{rest}")
}

const ADOPT: &str = "outcome = \"adopted\"\nvotes = { yes = 3, no = 0, abstain = 0 }\nowner = \"o\"\ndue = 2022-06-30\n";

fn report(stem: &str, p: &str, date: &str, progress: u8, status: &str) -> (String, String) {
    (
        format!("reports/{stem}.md"),
        format!(
            "+++\nproposal = \"{p}\"\ndate = {date}\nby = [\"c\"]\nprogress = {progress}\nstatus = \"{status}\"\n+++\n"
        ),
    )
}

fn state_of(files: Vec<(String, String)>, id: &str, today: &str) -> Option<Lifecycle> {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (_dir, site) = site(&refs);
    let t = Timelines::build(&site);
    let c = &site.councils[0];
    let pi = c.proposals.iter().position(|p| p.id() == id).unwrap();
    derive(c, &c.proposals[pi], t.of(0, pi), today.parse().unwrap(), 30)
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
            "meetings/2022-03-10-b.md".into(),
            "+++\ndate = 2022-03-10\nchair = \"a\"\nrecorder = \"b\"\npresent = [\"a\", \"b\", \"c\"]\n".to_string()
                + &item("p1", "decide", ADOPT)
                + "+++\n",
        ),
        (
            "meetings/2022-03-10-a.md".into(),
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
