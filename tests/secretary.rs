//! The secretary's daily tools through the real binary: `init` → `new proposal` → `new
//! meeting` (filled in as a secretary would) → `new report` → `check` passes → `status` shows
//! the right rows; `new` never overwrites; bad arguments give a clear message and exit 2.

mod common;

use std::path::Path;

use common::*;
use predicates::prelude::*;

const G: &str = "community/grid-01";

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = council().args(args).current_dir(dir).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap()
}

/// Replaces every `【请填写：…】` in `text` with `by`.
fn fill(text: &str, by: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("【请填写") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('】').unwrap() + i + '】'.len_utf8();
        out.push_str(by);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn from_init_to_a_checked_council_with_its_status() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("my-council");
    council()
        .arg("init")
        .arg(&site)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("site.toml"));
    assert!(site.join(".git").exists());
    assert!(read(&site, ".gitignore").contains("public/"));
    // A new repository passes check at once.
    assert_eq!(run(&site, &["check"]).0, 0);

    // A proposal, numbered by year.
    let (code, out, _) = run(
        &site,
        &[
            "new",
            "proposal",
            G,
            "--title",
            "为3号楼加装电梯",
            "--proposer",
            "3号楼居民（18户）",
            "--channel",
            "visit",
            "--date",
            "2030-03-01",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("councils/{G}/proposals/2030-001.md"));
    let (_, out2, _) = run(
        &site,
        &[
            "new",
            "proposal",
            G,
            "--title",
            "修剪树枝",
            "--date",
            "2030-03-02",
        ],
    );
    assert_eq!(out2.trim(), format!("councils/{G}/proposals/2030-002.md"));
    // The blanks are reported until filled.
    let (code, out, _) = run(&site, &["check", "--today", "2030-03-05"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("still holds a placeholder written by `council new`"),
        "{out}"
    );
    for rel in [
        format!("councils/{G}/proposals/2030-001.md"),
        format!("councils/{G}/proposals/2030-002.md"),
    ] {
        let text = fill(&read(&site, &rel), "居民反映的情况。");
        write(&site, &rel, text);
    }
    assert_eq!(
        run(&site, &["check", "--today", "2030-03-05"]).0,
        0,
        "{}",
        run(&site, &["check", "--today", "2030-03-05"]).1
    );

    // The council init wrote has a public contact for its notices; without one, `new
    // meeting` says what its notices will lack.
    let toml = read(&site, &format!("councils/{G}/council.toml"));
    assert!(toml.contains("\ncontact = "), "{toml}");
    write(
        &site,
        &format!("councils/{G}/council.toml"),
        toml.replace("\ncontact = ", "\n# contact = "),
    );
    let (_, _, err) = run(
        &site,
        &["--lang", "en", "new", "meeting", G, "--date", "2030-03-10"],
    );
    assert!(err.contains("has no `contact`"), "{err}");
    std::fs::remove_file(site.join(format!("councils/{G}/meetings/2030-03-10.md"))).unwrap();
    write(&site, &format!("councils/{G}/council.toml"), &toml);
    assert!(read(&site, "site.toml").contains("notice_days = 7"));

    // Minutes: the serving members filled in, the open matters ready to uncomment.
    let (code, out, err) = run(&site, &["new", "meeting", G, "--date", "2030-03-10"]);
    assert_eq!(code, 0);
    assert!(!err.contains("contact"), "{err}");
    let rel = out.trim().to_string();
    assert_eq!(rel, format!("councils/{G}/meetings/2030-03-10.md"));
    let text = read(&site, &rel);
    assert!(text.contains("chair = \"chair\""));
    assert!(text.contains("recorder = \"secretary\""));
    assert!(text.contains(
        "present = [\"chair\", \"secretary\", \"supervisor\", \"member-1\", \"member-2\"]"
    ));
    assert!(text.contains("# proposal = \"2030-001\""));
    assert!(text.contains("# proposal = \"2030-002\""));
    // The secretary fills it in: 2030-001 is adopted, member-2 was absent.
    let text = fill(&text, "社区服务站")
        .replace("\"member-1\", \"member-2\"]\nabsent = []", "\"member-1\"]\nabsent = [\"member-2\"]")
        .replace(
            "# [[items]]  # 为3号楼加装电梯 (submitted)\n# proposal = \"2030-001\"\n# action = \"deliberate\"",
            "[[items]]\nproposal = \"2030-001\"\naction = \"decide\"\noutcome = \"adopted\"\nvotes = { yes = 4, no = 0, abstain = 0 }\nowner = \"社区居委会\"\ndue = 2030-04-30\nsupervisors = [\"supervisor\"]",
        );
    write(&site, &rel, text);
    let (code, out, _) = run(&site, &["check", "--today", "2030-03-11"]);
    assert_eq!(code, 0, "{out}");
    // A second meeting on the same day gets its own file.
    let (_, out, _) = run(&site, &["new", "meeting", G, "--date", "2030-03-10"]);
    assert_eq!(out.trim(), format!("councils/{G}/meetings/2030-03-10-2.md"));
    std::fs::remove_file(site.join(out.trim())).unwrap();

    // A report: `by` the decision's supervisors, progress carried over.
    let (code, out, _) = run(
        &site,
        &[
            "new",
            "report",
            &format!("{G}/2030-001"),
            "--date",
            "2030-04-01",
        ],
    );
    assert_eq!(code, 0);
    let rel = out.trim().to_string();
    assert_eq!(rel, format!("councils/{G}/reports/2030-04-01-2030-001.md"));
    let text = read(&site, &rel);
    assert!(text.contains("by = [\"supervisor\"]"));
    assert!(text.contains("progress = 0"));
    write(
        &site,
        &rel,
        fill(&text, "现场查看，井道已开挖。").replace("progress = 0", "progress = 30"),
    );
    assert_eq!(run(&site, &["check", "--today", "2030-04-02"]).0, 0);
    // The next report starts from the last progress.
    let (_, out, _) = run(
        &site,
        &[
            "new",
            "report",
            &format!("{G}/2030-001"),
            "--date",
            "2030-04-20",
        ],
    );
    assert!(read(&site, out.trim()).contains("progress = 30"));
    std::fs::remove_file(site.join(out.trim())).unwrap();

    // Status as of 2030-05-10: 2030-001 overdue; 2030-002 waiting since 2030-03-02.
    let (code, out, _) = run(&site, &["status", "--today", "2030-05-10"]);
    assert_eq!(code, 0);
    assert!(out.contains("community/grid-01  第一网格议事会"), "{out}");
    let line = |needle: &str| {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` in\n{out}"))
            .to_string()
    };
    assert!(
        line("2030-001").contains("overdue") && line("2030-001").contains("10 days late"),
        "{out}"
    );
    assert!(
        line("2030-002").contains("unanswered") && line("2030-002").contains("69 days waiting"),
        "{out}"
    );
    let (_, json, _) = run(
        &site,
        &["status", "--today", "2030-04-15", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let c = &v["councils"][0];
    assert_eq!(c["due_soon"][0]["id"], "2030-001");
    assert_eq!(c["due_soon"][0]["days"], 15);
    assert!(c["overdue"].as_array().unwrap().is_empty());
    // 60 days after the last report, the matter is listed as unsupervised.
    let (_, out, _) = run(&site, &["status", "--today", "2030-06-05"]);
    assert!(out.contains("no report in 60 days  2030-001"), "{out}");
}

#[test]
fn a_return_visit_follows_the_outcome_and_leaves_the_status_list() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("s");
    council().arg("init").arg(&site).assert().code(0);
    let (_, out, _) = run(
        &site,
        &[
            "new",
            "proposal",
            G,
            "--title",
            "拆除院内车棚",
            "--proposer",
            "2号楼居民",
            "--date",
            "2030-03-01",
        ],
    );
    let p = out.trim().to_string();
    write(&site, &p, fill(&read(&site, &p), "居民反映的情况。"));
    // Not final yet: no visit.
    let (code, _, err) = run(
        &site,
        &[
            "new",
            "feedback",
            &format!("{G}/2030-001"),
            "--date",
            "2030-03-05",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is submitted on 2030-03-05") && err.contains("final outcome"),
        "{err}"
    );
    // Rejected on 2030-03-10.
    write(
        &site,
        &format!("councils/{G}/meetings/2030-03-10.md"),
        "+++\ndate = 2030-03-10\nchair = \"chair\"\nrecorder = \"secretary\"\npresent = [\"chair\", \"secretary\", \"supervisor\", \"member-1\", \"member-2\"]\n\n[[items]]\nproposal = \"2030-001\"\naction = \"decide\"\noutcome = \"rejected\"\nvotes = { yes = 1, no = 4, abstain = 0 }\n+++\n\n多数居民仍在使用车棚。\n",
    );
    let (_, out, _) = run(&site, &["status", "--today", "2030-04-20"]);
    assert!(
        out.lines().any(|l| l.contains("awaiting a return visit")
            && l.contains("2030-001")
            && l.contains("41 days since the outcome")),
        "{out}"
    );
    let (code, out, _) = run(&site, &["check", "--today", "2030-04-20"]);
    assert_eq!(code, 0);
    assert!(out.contains("warning[feedback-missing]"), "{out}");

    // The visit: the secretary filled in, the rest marked for her.
    let (code, out, _) = run(
        &site,
        &[
            "new",
            "feedback",
            &format!("{G}/2030-001"),
            "--date",
            "2030-03-15",
        ],
    );
    assert_eq!(code, 0);
    let rel = out.trim().to_string();
    assert_eq!(rel, format!("councils/{G}/feedback/2030-03-15-2030-001.md"));
    let text = read(&site, &rel);
    assert!(text.contains("proposal = \"2030-001\""), "{text}");
    assert!(text.contains("by = [\"secretary\"]"), "{text}");
    assert!(text.contains("satisfaction = \"【请填写"), "{text}");
    let (code, out, _) = run(&site, &["check", "--today", "2030-04-20"]);
    assert_eq!(code, 1, "blanks are errors until filled: {out}");
    assert_eq!(out.matches("still holds a placeholder").count(), 3, "{out}");
    let filled = fill(&text, "居民代表").replace(
        "satisfaction = \"居民代表\"",
        "satisfaction = \"basically-satisfied\"",
    );
    write(&site, &rel, filled);
    let (code, out, _) = run(&site, &["check", "--today", "2030-04-20"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("feedback-missing"), "{out}");
    let (_, out, _) = run(&site, &["status", "--today", "2030-04-20"]);
    assert!(!out.contains("awaiting a return visit"), "{out}");
    // A second visit the same day gets its own file; the first is never overwritten.
    let (_, out, _) = run(
        &site,
        &[
            "new",
            "feedback",
            &format!("{G}/2030-001"),
            "--date",
            "2030-03-15",
        ],
    );
    assert_eq!(
        out.trim(),
        format!("councils/{G}/feedback/2030-03-15-2030-001-2.md")
    );
    assert!(read(&site, &rel).contains("basically-satisfied"));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "notes.txt", "mine");
    council()
        .arg("init")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not empty"));
    assert_eq!(read(tmp.path(), "notes.txt"), "mine");
}

#[test]
fn bad_arguments_give_a_clear_message_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("s");
    council().arg("init").arg(&site).assert().code(0);
    for (args, words) in [
        (
            vec!["new", "proposal", "community/grid-1", "--title", "x"],
            "did you mean `community/grid-01`?",
        ),
        (
            vec!["new", "proposal", G, "--title", "x", "--date", "2030-02-30"],
            "YYYY-MM-DD",
        ),
        (
            vec!["new", "proposal", G, "--title", "x", "--channel", "wechat"],
            "`channel` is one of",
        ),
        (
            vec!["new", "proposal", G, "--title", "  "],
            "`--title` is empty",
        ),
        (
            vec!["new", "report", "community/grid-01/2030-009"],
            "has no proposal `2030-009`",
        ),
        (
            vec!["new", "report", "2030-001"],
            "is not `<council key>/<id>`",
        ),
        (
            vec!["new", "feedback", "community/grid-01/2030-009"],
            "has no proposal `2030-009`",
        ),
        (
            vec!["new", "meeting", "nowhere"],
            "unknown council `nowhere`",
        ),
    ] {
        let (code, _, err) = run(&site, &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

#[test]
fn new_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("s");
    council().arg("init").arg(&site).assert().code(0);
    let (_, out, _) = run(
        &site,
        &[
            "new",
            "proposal",
            G,
            "--title",
            "一",
            "--date",
            "2030-01-05",
        ],
    );
    let first = read(&site, out.trim());
    let (_, out2, _) = run(
        &site,
        &[
            "new",
            "proposal",
            G,
            "--title",
            "二",
            "--date",
            "2030-01-06",
        ],
    );
    assert_ne!(out.trim(), out2.trim());
    assert_eq!(read(&site, out.trim()), first);
    let err = council::secretary::create(&site.join(out.trim()), "x")
        .unwrap_err()
        .to_string();
    assert!(err.contains("never overwrites"), "{err}");
    assert_eq!(read(&site, out.trim()), first);
}

#[test]
fn the_pre_commit_hook_stops_a_commit_with_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("s");
    council().arg("init").arg(&site).assert().code(0);
    let (code, out, _) = run(&site, &["hook", "install"]);
    assert_eq!(code, 0, "{out}");
    assert!(site.join(".git/hooks/pre-commit").exists());
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args([
                "-c",
                "user.name=s",
                "-c",
                "user.email=s@example.org",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(&site)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            // The hook speaks the site's language (its first is zh) whatever the machine's.
            .env_remove("COUNCIL_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    assert_cmd::cargo::cargo_bin("council")
                        .parent()
                        .unwrap()
                        .display(),
                    std::env::var("PATH").unwrap()
                ),
            )
            .output()
            .unwrap()
    };
    git(&["add", "-A"]);
    assert!(
        git(&["commit", "-q", "-m", "start"]).status.success(),
        "a clean site commits"
    );
    write(
        &site,
        &format!("councils/{G}/proposals/2030-001.md"),
        "+++\ntitle = \"x\"\n+++\n",
    );
    git(&["add", "-A"]);
    let out = git(&["commit", "-q", "-m", "broken"]);
    assert!(!out.status.success(), "the hook stops it");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("missing-field"), "{said}");
    assert!(
        !said.contains("git add councils"),
        "the file on disk is the staged one: {said}"
    );
    // What is checked is what is staged: fixing the file without `git add` does not help,
    // and the hook says so, naming the file to add (in the site's language, Chinese).
    write(
        &site,
        &format!("councils/{G}/proposals/2030-001.md"),
        "+++\ntitle = \"灯\"\nsubmitted = 2030-01-01\nproposer = \"居民\"\n+++\n",
    );
    let out = git(&["commit", "-q", "-m", "fixed only in the folder"]);
    assert!(!out.status.success(), "the staged version still has errors");
    let said = String::from_utf8_lossy(&out.stderr);
    let file = format!("councils/{G}/proposals/2030-001.md");
    assert!(
        said.contains(&format!(
            "`{file}` 在文件夹里的内容，和这次要提交的（`git add` 加进去的）不一样"
        )),
        "{said}"
    );
    assert!(said.contains(&format!("运行 `git add {file}`")), "{said}");
    git(&["add", "-A"]);
    assert!(
        git(&["commit", "-q", "-m", "fixed and staged"])
            .status
            .success()
    );
    // Installing again replaces council's own hook; someone else's is kept.
    assert_eq!(run(&site, &["hook", "install"]).0, 0);
    write(&site, ".git/hooks/pre-commit", "#!/bin/sh\necho mine\n");
    let (code, _, err) = run(&site, &["hook", "install"]);
    assert_eq!(code, 2);
    assert!(err.contains("not council's"));
}
