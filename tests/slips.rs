//! The typical slips of a secretary (issue 12), one fixture folder each under
//! `tests/fixtures/slips/<slip>/`: files copied over the base site, and `expect.txt` with the
//! one finding the slip must give (`rule file:line`). One slip, one finding: nothing else may
//! fire. The human rendering is snapshotted in English and in Chinese, so that the exact fix
//! each help shows can be reviewed in both.

mod common;

use std::fs;

use common::*;

fn slips() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures().join("slips"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn each_slip_gives_exactly_its_one_finding_in_both_languages() {
    let mut failures = Vec::new();
    for name in slips() {
        let site = site(&[&format!("slips/{name}")]);
        let (_, diags) = check_json(site.path());
        let found = places(&diags);
        let expect =
            fs::read_to_string(fixtures().join(format!("slips/{name}/expect.txt"))).unwrap();
        let expect: Vec<String> = expect
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        if found != expect {
            failures.push(format!("{name}: expected {expect:?}, found {found:?}"));
        }
        for d in &diags {
            if d["help"].as_str().is_none_or(str::is_empty) {
                failures.push(format!("{name}: a finding without help: {d}"));
            }
        }
        for (lang, suffix) in [("en", ""), ("zh", "_zh")] {
            let out = council_in(lang)
                .args(["check", "--today", TODAY])
                .arg(site.path())
                .output()
                .unwrap();
            let human = String::from_utf8(out.stdout).unwrap();
            insta::assert_snapshot!(format!("slip_{}{suffix}", name.replace('-', "_")), human);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
