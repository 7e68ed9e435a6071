//! The command-line contract of `council check` (SPEC §6), through the real binary:
//! formats, exit codes, `--explain`, `--today`, `--deny-warnings`, and the demo site.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn the_demo_site_has_no_errors() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = council()
        .args(["check", "--format", "json", root])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_clean_site_exits_0_with_a_summary_line() {
    let site = site(&[]);
    council()
        .args(["check", "--today", TODAY])
        .arg(site.path())
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("ok: no problems in 8 files"));
}

#[test]
fn errors_exit_1_in_rustc_style_with_a_summary() {
    let site = site(&["rules/quorum-not-met/invalid"]);
    council()
        .args(["check", "--today", TODAY])
        .arg(site.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[quorum-not-met]: decision taken with 3 of 5 voting members present",
        ))
        .stdout(predicate::str::contains(
            "--> councils/demo/grid-01/meetings/2022-04-02.md:6:11",
        ))
        .stdout(predicate::str::contains("= help: "))
        .stdout(predicate::str::ends_with("error: 1 error in 8 files\n"));
}

#[test]
fn json_output_is_one_array_in_the_shape_of_the_contract() {
    let site = site(&["rules/unknown-field/invalid"]);
    let (code, diags) = check_json(site.path());
    assert_eq!(code, 1);
    let d = &diags[0];
    assert_eq!(d["rule"], "unknown-field");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "councils/demo/grid-01/proposals/2022-002.md");
    assert_eq!(d["line"], 5);
    assert_eq!(d["column"], 1);
    assert!(d["message"].as_str().unwrap().contains("`chanel`"));
    assert_eq!(d["help"], "did you mean `channel`?");
    assert!(d["commit"].is_null());
    let keys: Vec<_> = d.as_object().unwrap().keys().cloned().collect();
    let mut expected = [
        "rule", "severity", "file", "line", "column", "message", "help", "commit",
    ]
    .map(String::from)
    .to_vec();
    expected.sort();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort();
    assert_eq!(keys_sorted, expected);
}

#[test]
fn json_gives_null_positions_where_none_apply() {
    let site = site(&["rules/misplaced-file/invalid"]);
    let (_, diags) = check_json(site.path());
    assert_eq!(diags[0]["rule"], "misplaced-file");
    assert!(diags[0]["line"].is_null());
    assert!(diags[0]["column"].is_null());
}

#[test]
fn an_empty_json_array_when_clean() {
    let site = site(&[]);
    let (code, diags) = check_json(site.path());
    assert_eq!((code, diags.len()), (0, 0));
}

#[test]
fn warnings_pass_unless_denied() {
    let site = site(&["rules/overdue/invalid"]);
    council()
        .args(["check", "--today", TODAY])
        .arg(site.path())
        .assert()
        .code(0);
    council()
        .args(["check", "--deny-warnings", "--today", TODAY])
        .arg(site.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("warning[overdue]"));
}

#[test]
fn today_decides_the_flags() {
    let site = site(&[]);
    // 2022-002 is submitted on 2022-09-20: unanswered after 30 days.
    council()
        .args(["check", "--deny-warnings", "--today", "2022-10-20"])
        .arg(site.path())
        .assert()
        .code(0);
    council()
        .args(["check", "--deny-warnings", "--today", "2022-10-21"])
        .arg(site.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("warning[unanswered]"));
}

#[test]
fn a_bad_date_for_today_exits_2() {
    let site = site(&[]);
    council()
        .args(["check", "--today", "2022-13-01"])
        .arg(site.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn no_site_toml_exits_2_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    council()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no site.toml"));
}

#[test]
fn a_missing_path_exits_2() {
    council()
        .args(["check", "/nonexistent/council/site"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot use"));
}

#[test]
fn unknown_arguments_exit_2() {
    council().args(["check", "--frobnicate"]).assert().code(2);
    council()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
}

#[test]
fn the_site_root_is_found_from_a_folder_inside_it() {
    let site = site(&["rules/overdue/invalid"]);
    council()
        .args(["check", "--today", TODAY])
        .current_dir(site.path().join("councils/demo/grid-01/meetings"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "--> councils/demo/grid-01/meetings/2022-04-02.md:14:7",
        ));
}

#[test]
fn explain_prints_the_rule_documentation() {
    council()
        .args(["check", "--explain", "quorum-not-met"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("# quorum-not-met\n"))
        .stdout(predicate::str::contains("## What it does"))
        .stdout(predicate::str::contains("## Why"))
        .stdout(predicate::str::contains("## Example"))
        .stdout(predicate::str::contains("## How to fix"));
}

#[test]
fn explain_works_for_every_rule_and_refuses_unknown_ones() {
    for rule in council::rules::REGISTRY {
        council()
            .args(["check", "--explain", rule.name])
            .assert()
            .code(0);
    }
    council()
        .args(["check", "--explain", "quorum-not-mett"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `quorum-not-met`?"));
}

#[test]
fn github_format_gives_workflow_annotations() {
    let site = site(&["rules/unknown-field/invalid"]);
    council()
        .args(["check", "--format", "github", "--today", TODAY])
        .arg(site.path())
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "::error file=councils/demo/grid-01/proposals/2022-002.md,line=5,col=1,title=unknown-field::",
        ));
}

#[test]
fn no_colour_when_not_on_a_terminal() {
    let site = site(&["rules/unknown-field/invalid"]);
    let out = council()
        .env_remove("NO_COLOR")
        .args(["check", "--today", TODAY])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b), "escape codes in piped output");
}

#[test]
fn personal_data_is_never_repeated_in_any_format() {
    let site = site(&["rules/personal-data/invalid"]);
    for format in ["human", "json", "github"] {
        let out = council()
            .args(["check", "--format", format, "--today", TODAY])
            .arg(site.path())
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("personal-data"), "{format}: {text}");
        for secret in ["13912345678", "wang.xs@example.com", "11010519491231002X"] {
            assert!(!text.contains(secret), "{format} repeats {secret}: {text}");
        }
    }
}
