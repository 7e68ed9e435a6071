//! One fixture folder per rule: `tests/fixtures/rules/<rule>/invalid/` must make the rule
//! fire at the places listed in `expect.txt`, and `valid/` (a near miss) must leave the
//! whole site clean. Both are overlays on `tests/fixtures/base/`. See tests/README.md.

mod common;

use std::fs;

use common::*;
use council::rules::{Check, REGISTRY};

fn rule_dirs() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_base_fixture_is_clean() {
    let site = site(&[]);
    let (code, diags) = check_json(site.path());
    assert_eq!(places(&diags), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn every_rule_over_the_records_has_fixtures_and_every_fixture_names_a_rule() {
    let dirs = rule_dirs();
    for rule in REGISTRY
        .iter()
        .filter(|r| !matches!(r.check, Check::History))
    {
        assert!(
            dirs.contains(&rule.name.to_string()),
            "no fixture folder for rule `{}`",
            rule.name
        );
    }
    for d in &dirs {
        assert!(
            REGISTRY.iter().any(|r| r.name == d),
            "fixture folder `{d}` names no rule"
        );
    }
}

#[test]
fn each_invalid_fixture_fires_its_rule_at_the_expected_places() {
    let mut failures = Vec::new();
    for name in rule_dirs() {
        let rule = council::rules::find(&name).unwrap();
        let site = site(&[&format!("rules/{name}/invalid")]);
        let (code, diags) = check_json(site.path());
        let found = places(&diags);
        let expect =
            fs::read_to_string(fixtures().join(format!("rules/{name}/expect.txt"))).unwrap();
        for line in expect.lines().filter(|l| !l.trim().is_empty()) {
            if !found.iter().any(|f| f == line) {
                failures.push(format!("{name}: expected `{line}`, found {found:?}"));
            }
        }
        let expected_code = if rule.severity == council::diag::Severity::Error {
            1
        } else {
            0
        };
        if !found
            .iter()
            .any(|f| f.split(' ').next() != Some(name.as_str()))
            && code != expected_code
        {
            failures.push(format!(
                "{name}: exit code {code}, expected {expected_code}"
            ));
        }
        // The human rendering in both languages, for review of the wording.
        for (lang, suffix) in [("en", ""), ("zh", "_zh")] {
            let out = council_in(lang)
                .args(["check", "--today", TODAY])
                .arg(site.path())
                .output()
                .unwrap();
            let human = String::from_utf8(out.stdout).unwrap();
            insta::assert_snapshot!(format!("rule_{}{suffix}", name.replace('-', "_")), human);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_valid_fixture_leaves_the_site_clean() {
    let mut failures = Vec::new();
    for name in rule_dirs() {
        let site = site(&[&format!("rules/{name}/valid")]);
        let (code, diags) = check_json(site.path());
        if code != 0 || !diags.is_empty() {
            failures.push(format!("{name}: {:?}", places(&diags)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
