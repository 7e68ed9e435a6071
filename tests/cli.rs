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

/// The first line of `council check` on a site with one finding, in whichever language.
fn first_line(cmd: &mut assert_cmd::Command, site: &std::path::Path) -> String {
    let out = cmd
        .args(["check", "--today", TODAY])
        .arg(site)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_language_is_chosen_in_the_order_of_the_spec() {
    let site = site(&["rules/unknown-field/invalid"]);
    let root = site.path();
    let zh = "错误[unknown-field]: 提议里有不认识的字段 `chanel`";
    let en = "error[unknown-field]: unknown field `chanel` in the proposal";
    // 1. `--lang` wins over everything.
    let mut c = council_bare();
    c.env("COUNCIL_LANG", "zh").env("LANG", "zh_CN.UTF-8");
    assert_eq!(first_line(c.args(["--lang", "en"]), root), en);
    // 2. COUNCIL_LANG wins over the locale.
    let mut c = council_bare();
    c.env("COUNCIL_LANG", "en").env("LC_ALL", "zh_CN.UTF-8");
    assert_eq!(first_line(&mut c, root), en);
    // 3. The locale, when it names zh or en, wins over the site (whose first language is zh).
    let mut c = council_bare();
    c.env("LANG", "en_US.UTF-8");
    assert_eq!(first_line(&mut c, root), en);
    let mut c = council_bare();
    c.env("LC_MESSAGES", "zh_CN.UTF-8")
        .env("LANG", "en_US.UTF-8");
    assert_eq!(first_line(&mut c, root), zh);
    // 4. A locale naming neither (C) leaves it to the site's first language.
    let mut c = council_bare();
    c.env("LANG", "C.UTF-8");
    assert_eq!(first_line(&mut c, root), zh);
    // 5. A site whose first language is neither zh nor en, and no locale: English.
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    std::fs::write(
        root.join("site.toml"),
        toml.replace(
            "languages = [\"zh\", \"en\"]",
            "languages = [\"fr\", \"zh\"]",
        ),
    )
    .unwrap();
    let line = first_line(&mut council_bare(), root);
    assert!(line.starts_with("error["), "{line}");
}

#[test]
fn json_keeps_rule_severity_and_field_names_and_translates_message_and_help() {
    let site = site(&["rules/unknown-field/invalid"]);
    let out = council_in("zh")
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(site.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v[0];
    assert_eq!(d["rule"], "unknown-field");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "提议里有不认识的字段 `chanel`");
    assert_eq!(d["help"], "是不是想写 `channel`？");
}

#[test]
fn help_and_argument_errors_speak_the_language_too() {
    council_in("zh")
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("检查记录，列出所有问题"))
        .stdout(predicate::str::contains("用法："))
        .stdout(predicate::str::contains("有警告也算失败"));
    council_in("en")
        .args(["new", "proposal", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("The matter's title"));
    // `--lang` is read before the arguments are understood.
    council_bare()
        .args(["--lang", "zh", "check", "--today", "2022-13-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("错误：`2022-13-01` 不是日期"));
    council_in("zh")
        .args(["check", "--frobnicate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("没有 `--frobnicate` 这个选项"));
    council_in("zh")
        .args(["help", "status"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("每个议事会还欠居民什么"));
}

#[test]
fn the_tools_own_errors_speak_the_language_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    council_in("zh")
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("里都没有 site.toml"))
        .stderr(predicate::str::contains("= 怎么改："));
    council_in("zh")
        .args(["check", "--explain", "quorum-not-mett"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("是不是想写 `quorum-not-met`？"));
}
