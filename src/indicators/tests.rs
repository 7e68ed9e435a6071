//! The indicators of SPEC §8 at their boundaries, on small streets written to a temporary
//! folder. Limits are the defaults: response 30 days, return visits 30, supervision 60.

use super::*;
use crate::testsite::*;

const COUNCILS: [(&str, &str); 4] = [
    ("ht/g1", "grid"),
    ("ht/g2", "grid"),
    ("ht/joint", "community"),
    ("street", "street"),
];

/// Everything as of `today`.
fn all(t: &TestSite, today: &str) -> All {
    let lcs = t.lifecycles(today);
    let chains = Chains::build(&t.site, &lcs);
    All::build(
        &t.site,
        &lcs,
        &chains,
        &Settings::of(&t.site, today.parse().unwrap()),
    )
}

fn site(files: &[(String, String)]) -> TestSite {
    TestSite::new(&COUNCILS, files, "")
}

fn share(n: usize, of: usize) -> Share {
    Share { n, of }
}

#[test]
fn the_median_is_the_lower_middle_value() {
    assert_eq!(lower_median(vec![]), None);
    assert_eq!(lower_median(vec![7]), Some(7));
    assert_eq!(lower_median(vec![9, 1, 5]), Some(5), "odd count");
    assert_eq!(
        lower_median(vec![9, 1, 5, 3]),
        Some(3),
        "even count: 3 of 3 and 5"
    );
}

#[test]
fn response_days_take_the_median_of_matters_with_a_first_item() {
    // First items after 2, 10, 4 and 20 days; a fifth matter has none yet.
    let mut files = Vec::new();
    let mut items = String::new();
    for (id, submitted) in [
        ("a", "2022-03-08"),
        ("b", "2022-02-28"),
        ("c", "2022-03-06"),
        ("d", "2022-02-18"),
        ("e", "2022-03-09"),
    ] {
        files.push(proposal("ht/g1", id, submitted, ""));
        if id != "e" {
            items += &item(id, "deliberate", "");
        }
    }
    files.push(meeting("ht/g1", "2022-03-10", &items));
    let t = site(&files);
    let ind = &all(&t, "2022-03-20").councils["ht/g1"];
    assert_eq!(ind.matters, 5);
    assert_eq!(
        ind.response_days_median,
        Some(4),
        "2, 4, 10, 20: the lower middle"
    );
    // An odd count: without `d`.
    let files: Vec<_> = files
        .into_iter()
        .filter(|(p, _)| !p.ends_with("/d.md"))
        .map(|(p, text)| (p, text.replace("proposal = \"d\"", "proposal = \"a\"")))
        .collect();
    let t = site(&files);
    assert_eq!(
        all(&t, "2022-03-20").councils["ht/g1"].response_days_median,
        Some(4),
        "an odd count: 2, 4 and 10 (`a` named twice counts its first item once)"
    );
    assert_eq!(
        all(&t, "2022-03-09").councils["ht/g1"].response_days_median,
        None,
        "no item yet on the day"
    );
}

#[test]
fn a_matter_answered_exactly_at_response_days_is_on_time() {
    let files = vec![
        proposal("ht/g1", "on-time", "2022-02-08", ""), // 30 days before 2022-03-10
        proposal("ht/g1", "late", "2022-02-07", ""),    // 31 days
        proposal("ht/g1", "waiting", "2022-02-20", ""), // no item; 30 days on 2022-03-22
        proposal("ht/g1", "gone", "2022-01-01", "withdrawn = 2022-01-20\n"),
        meeting(
            "ht/g1",
            "2022-03-10",
            &(item("on-time", "deliberate", "") + &item("late", "deliberate", "")),
        ),
    ];
    let t = site(&files);
    let ind = |day| all(&t, day).councils["ht/g1"].answered_on_time;
    assert_eq!(ind("2022-03-22"), share(1, 2), "`waiting` is not late yet");
    assert_eq!(ind("2022-03-23"), share(1, 3), "`waiting` is now late");
    let f = &all(&t, "2022-03-23").councils["ht/g1"];
    assert_eq!(f.unanswered, 1);
    assert_eq!(
        f.by_state["withdrawn"], 1,
        "withdrawn before any item: not in the share"
    );
}

#[test]
fn completion_counts_against_the_due_date() {
    let files = vec![
        proposal("ht/g1", "exact", "2022-03-01", ""),
        proposal("ht/g1", "late", "2022-03-01", ""),
        proposal("ht/g1", "open", "2022-03-01", ""),
        proposal("ht/g1", "not-due", "2022-03-01", ""),
        meeting(
            "ht/g1",
            "2022-03-10",
            &(item("exact", "decide", &adopt("2022-06-30"))
                + &item("late", "decide", &adopt("2022-06-30"))
                + &item("open", "decide", &adopt("2022-06-30"))
                + &item("not-due", "decide", &adopt("2022-12-31"))),
        ),
        report("ht/g1", "r1", "exact", "2022-06-30", 100, "completed"),
        report("ht/g1", "r2", "late", "2022-07-01", 100, "completed"),
        report("ht/g1", "r3", "late", "2022-07-20", 100, "accepted"),
    ];
    let t = site(&files);
    let ind = all(&t, "2022-08-01");
    let g = &ind.councils["ht/g1"];
    assert_eq!(
        g.completed_on_time,
        share(1, 3),
        "exact: done on its due date; late: after; open: due and not done"
    );
    assert_eq!(g.overdue, 1, "open");
    assert_eq!(g.by_track["direct"], 4);
}

#[test]
fn supervision_counts_reports_within_supervision_days() {
    let files = vec![
        proposal("ht/g1", "recent", "2022-01-01", ""),
        proposal("ht/g1", "stale", "2022-01-01", ""),
        proposal("ht/g1", "boundary", "2022-01-01", ""),
        proposal("ht/g1", "young", "2022-01-01", ""),
        meeting(
            "ht/g1",
            "2022-01-10",
            &(item("recent", "decide", &adopt("2023-12-31"))
                + &item("stale", "decide", &adopt("2023-12-31"))
                + &item("boundary", "decide", &adopt("2023-12-31"))),
        ),
        meeting(
            "ht/g1",
            "2022-04-02",
            &item("young", "decide", &adopt("2023-12-31")),
        ),
        // T = 2022-06-01: the window is (2022-04-02, 2022-06-01].
        report("ht/g1", "r1", "recent", "2022-04-03", 30, "on-track"),
        report("ht/g1", "r2", "stale", "2022-03-01", 30, "on-track"),
        report("ht/g1", "r3", "boundary", "2022-04-02", 30, "on-track"),
    ];
    let t = site(&files);
    let g = &all(&t, "2022-06-01").councils["ht/g1"];
    assert_eq!(
        g.supervised,
        share(1, 3),
        "`young` was adopted exactly 60 days before T: not yet counted"
    );
}

#[test]
fn a_return_visit_is_due_after_feedback_days() {
    let files = vec![
        proposal("ht/g1", "visited", "2022-03-01", ""),
        proposal("ht/g1", "not-visited", "2022-03-01", ""),
        meeting(
            "ht/g1",
            "2022-03-10",
            &(item("visited", "decide", REJECT) + &item("not-visited", "decide", REJECT)),
        ),
        // Exactly feedback_days after the outcome.
        feedback("ht/g1", "f1", "visited", "2022-04-09", "unsatisfied"),
    ];
    let t = site(&files);
    let g = |day| all(&t, day).councils["ht/g1"].clone();
    assert_eq!(g("2022-04-09").feedback_given, share(0, 0), "not due yet");
    let on = g("2022-04-10");
    assert_eq!(on.feedback_given, share(1, 2));
    assert_eq!(on.satisfaction["unsatisfied"], 1);
    assert_eq!(on.satisfaction["satisfied"], 0);
    assert_eq!(
        g("2022-04-08").satisfaction["unsatisfied"],
        0,
        "the visit is dated after that day"
    );
}

/// grid 1 → joint → street, with the street adopting and a return visit at the grid; the
/// joint matter is withdrawn when `withdrawn` is set; a matter waits in grid 2.
fn chain_files(withdrawn: bool) -> Vec<(String, String)> {
    let mut files = chain_over_three(if withdrawn {
        "withdrawn = 2022-04-20\n"
    } else {
        ""
    });
    files.extend([
        feedback("ht/g1", "f1", "p1", "2022-03-15", "satisfied"),
        proposal("ht/g2", "q1", "2022-03-01", "channel = \"applet\"\n"),
    ]);
    files
}

#[test]
fn a_chain_over_three_councils_counts_at_each_council() {
    let t = site(&chain_files(false));
    let ind = all(&t, "2022-06-01");
    let c = |k: &str| &ind.councils[k];
    assert_eq!(c("ht/g1").by_state["referred"], 1);
    assert_eq!(c("ht/joint").by_state["referred"], 1);
    assert_eq!(c("street").by_state["adopted"], 1);
    for k in ["ht/g1", "ht/joint", "street"] {
        assert_eq!(c(k).by_track["joint"], 1, "{k}");
        assert_eq!(c(k).matters, 1, "{k}");
    }
    // The joint council has not visited its residents 31+ days after referring it on.
    assert_eq!(c("ht/joint").feedback_given, share(0, 1));
    assert_eq!(c("ht/g1").feedback_given, share(1, 1));
    // The area `ht` holds both grids and the joint council, not the street.
    let ht = &ind.areas;
    assert!(ht.is_empty(), "no area.toml in this street");
    assert_eq!(ind.site.matters, 4);
    assert_eq!(ind.site.by_track["joint"], 3);
    assert_eq!(ind.site.by_channel["applet"], 1);
    assert_eq!(ind.site.by_channel["other"], 3);
    assert_eq!(ind.site.by_state.len(), 9, "every state, 0 where none");
}

#[test]
fn a_chain_whose_middle_matter_is_withdrawn_keeps_its_track() {
    let t = site(&chain_files(true));
    let ind = all(&t, "2022-06-01");
    let joint = &ind.councils["ht/joint"];
    assert_eq!(joint.by_state["withdrawn"], 1);
    assert_eq!(joint.by_track["joint"], 1);
    // Final since it was referred on 2022-04-01 (the withdrawal came later).
    assert_eq!(joint.feedback_given, share(0, 1));
    assert_eq!(ind.councils["street"].by_state["adopted"], 1);
    assert_eq!(ind.site.by_track["joint"], 3);
}

#[test]
fn areas_count_every_council_below_their_folder() {
    let mut t = site(&chain_files(false));
    t.write((
        "ht/area.toml".into(),
        "name = \"黄台路社区\"\nkind = \"community\"\n".into(),
    ));
    let ind = all(&t, "2022-06-01");
    let ht = &ind.areas["ht"];
    assert_eq!(ht.matters, 3);
    assert_eq!(ht.by_state["referred"], 2);
    assert_eq!(ht.by_state["submitted"], 1);
}

#[test]
fn the_monthly_chart_covers_twelve_months_ending_with_the_day() {
    let t = site(&chain_files(false));
    let lcs = t.lifecycles("2022-06-01");
    let months = monthly(&t.site, &lcs, "2022-06-01".parse().unwrap());
    assert_eq!(months.len(), 12);
    assert_eq!((months[0].year, months[0].month), (2021, 7));
    assert_eq!((months[11].year, months[11].month), (2022, 6));
    let m = |mo: i8| months.iter().find(|m| m.month == mo).unwrap();
    assert_eq!((m(3).submitted, m(3).decided), (3, 1));
    assert_eq!((m(4).submitted, m(4).decided), (1, 1));
    assert_eq!((m(5).submitted, m(5).decided), (0, 1));
}
