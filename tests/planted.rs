//! A site with many problems planted in many files: one run reports every one of them, each
//! at its place, and one bad file never hides the others.

mod common;

use common::*;

const G2: &str = "councils/demo/grid-02";

fn council2() -> String {
    std::fs::read_to_string(fixtures().join("base/councils/demo/grid-01/council.toml"))
        .unwrap()
        .replace("示范社区第一网格议事会", "示范社区第二网格议事会")
}

#[test]
fn every_planted_problem_is_reported_at_its_place_in_one_run() {
    let site = site(&[]);
    let root = site.path();
    let g1 = "councils/demo/grid-01";
    // grid-01: problems in separate files.
    write(
        root,
        &format!("{g1}/proposals/2022-003.md"),
        "+++\ntitle = \"路灯\"\nsubmited = 2022-05-01\nproposer = \"居民\"\n+++\n",
    );
    write(
        root,
        &format!("{g1}/proposals/2022-004.md"),
        "+++\ntitle = 没有引号\n+++\n",
    );
    write(
        root,
        &format!("{g1}/proposals/2022-005.md"),
        b"+++\ntitle = \"\xff\xfe\"\n+++\n".as_slice(),
    );
    write(
        root,
        &format!("{g1}/proposals/2022-006.md"),
        "no front matter at all\n",
    );
    write(
        root,
        &format!("{g1}/proposals/2022-007.md"),
        "+++\ntitle = \"噪音\"\nsubmitted = 2022-05-01\nproposer = \"电话13812345678的居民\"\n+++\n",
    );
    write(root, &format!("{g1}/notes/todo.md"), "a note\n");
    write(
        root,
        &format!("{g1}/reports/2022-07-01.md"),
        "+++\nproposal = \"2022-001\"\ndate = 2022-07-01\nby = [\"li-ming\"]\nprogress = 40\nstatus = \"on-track\"\n+++\n",
    );
    write(
        root,
        &format!("{g1}/reports/2022-07-02.md"),
        "+++\nproposal = \"2022-099\"\ndate = 2022-07-02\nby = [\"li-ming\"]\nprogress = 40\nstatus = \"on-track\"\n+++\n",
    );
    // grid-02: a second council with its own problems.
    write(
        root,
        &format!("{G2}/council.toml"),
        format!("signing = \"maybe\"\n{}", council2()),
    );
    write(
        root,
        &format!("{G2}/proposals/2022-001.md"),
        "+++\ntitle = \"停车\"\nsubmitted = 2022-06-01\nproposer = \"居民\"\nchannel = \"wechat\"\n+++\n\n见[会议](../meetings/2022-06-01.md)。\n",
    );
    write(
        root,
        &format!("{G2}/meetings/2022-06-10.md"),
        "+++\ndate = 2022-06-10\nchair = \"wang-li\"\nrecorder = \"zhang-hua\"\npresent = [\"wang-li\", \"zhang-hua\", \"li-ming\", \"chen-jing\", \"zhao-gang\"]\n\n[[items]]\nproposal = \"2022-001\"\naction = \"decide\"\noutcome = \"adopted\"\nvotes = { yes = 2, no = 2, abstain = 1 }\nowner = \"居委会\"\ndue = 2022-08-01\n+++\n",
    );

    let (code, diags) = check_json(root);
    let found = places(&diags);
    let expected = [
        format!("unknown-field {g1}/proposals/2022-003.md:3"),
        format!("missing-field {g1}/proposals/2022-003.md:1"),
        format!("toml-syntax {g1}/proposals/2022-004.md:2"),
        format!("invalid-utf8 {g1}/proposals/2022-005.md:2"),
        format!("front-matter-missing {g1}/proposals/2022-006.md:1"),
        format!("personal-data {g1}/proposals/2022-007.md:4"),
        format!("misplaced-file {g1}/notes/todo.md"),
        format!("unknown-proposal {g1}/reports/2022-07-02.md:2"),
        format!("progress-regressed {g1}/reports/2022-07-01.md:5"),
        format!("invalid-value {G2}/council.toml:1"),
        format!("invalid-value {G2}/proposals/2022-001.md:5"),
        format!("broken-link {G2}/proposals/2022-001.md:8"),
        format!("outcome-contradicts-votes {G2}/meetings/2022-06-10.md:10"),
        format!("overdue {G2}/meetings/2022-06-10.md:13"),
    ];
    let missing: Vec<_> = expected.iter().filter(|e| !found.contains(e)).collect();
    assert!(missing.is_empty(), "missing {missing:#?}\nfound {found:#?}");
    assert_eq!(code, 1);
}

#[test]
fn one_bad_decision_does_not_bring_follow_on_findings() {
    // `adopt` is not an outcome: reported once, and the report that follows the decision is
    // not reported as coming before an adoption.
    let site = site(&[]);
    let rel = "councils/demo/grid-01/meetings/2022-04-02.md";
    let text = std::fs::read_to_string(site.path().join(rel)).unwrap();
    write(
        site.path(),
        rel,
        text.replace("outcome = \"adopted\"", "outcome = \"adopt\""),
    );
    let (_, diags) = check_json(site.path());
    assert_eq!(places(&diags), [format!("invalid-value {rel}:11")]);
}

#[test]
fn a_field_written_below_its_table_is_explained() {
    let site = site(&[]);
    let rel = "councils/demo/grid-01/meetings/2022-03-15.md";
    let text = std::fs::read_to_string(site.path().join(rel)).unwrap();
    write(
        site.path(),
        rel,
        text.replace(
            "action = \"deliberate\"\n",
            "action = \"deliberate\"\nguests = [\"社区党委书记\"]\n",
        ),
    );
    let (_, diags) = check_json(site.path());
    assert_eq!(diags[0]["rule"], "unknown-field");
    assert!(
        diags[0]["help"]
            .as_str()
            .unwrap()
            .contains("`guests` belongs above the first `[[…]]` table"),
        "{}",
        diags[0]["help"]
    );
}
