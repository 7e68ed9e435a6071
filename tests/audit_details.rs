//! Issue 13, item 9: the smaller holes — a file name that is not UTF-8, `.mailmap`, commit
//! dates in the future, bare repositories, `log`'s path, notes in JSON, and the shallow-clone
//! note in the page's own language. Each on a real repository made with git.

mod common;

use std::process::Command;

use common::git::*;
use common::*;

#[test]
fn issue_13_9_a_file_name_that_is_not_utf8_is_reported_by_check_and_build_alike() {
    use std::os::unix::ffi::OsStrExt;
    let site = site(&[]);
    let dir = site.path().join("councils/demo/grid-01/files");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(std::ffi::OsStr::from_bytes(b"plan-\xff.pdf")),
        b"%PDF",
    )
    .unwrap();
    let (code, diags) = check_json(site.path());
    assert_eq!(code, 1);
    assert_eq!(
        places(&diags),
        ["invalid-utf8 councils/demo/grid-01/files/plan-\u{fffd}.pdf"]
    );
    let out = tempfile::tempdir().unwrap();
    let (code, err) = build(site.path(), &out.path().join("public"));
    assert_eq!(code, 1, "refused like any error, not a crash: {err}");
    assert!(err.contains("is not UTF-8"), "{err}");
}

#[test]
fn issue_13_9_mailmap_aliases_are_honoured_and_cannot_be_forged() {
    let (r, _) = clean_repo();
    let proposal = format!("{G}/proposals/2022-002.md");
    r.write(
        ".mailmap",
        "张华 <zhang.hua@example.org> <zh@old.example.org>\n",
    );
    r.commit(SECRETARY, "2022-09-22", "the secretary's old address");
    r.edit(&proposal, "采光。", "采光，夏季尤甚。");
    let alias = r.commit("zh@old.example.org", "2022-09-23", "from the old address");
    // git agrees that the alias is the secretary.
    assert_eq!(
        r.git(&["log", "-1", "--use-mailmap", "--format=%aN <%aE>", &alias]),
        "张华 <zhang.hua@example.org>"
    );
    // A stranger maps their own address onto the secretary's.
    r.write(
        ".mailmap",
        "张华 <zhang.hua@example.org> <zh@old.example.org>\n<zhang.hua@example.org> <someone@example.org>\n",
    );
    let forged = r.commit("someone@example.org", "2022-09-24", "me too");
    r.edit(&proposal, "夏季尤甚", "夏季更甚");
    let other = r.commit("other@example.org", "2022-09-25", "an edit");
    let (_, diags, _) = audit_json(r.path(), &[]);
    assert_eq!(
        found(&diags),
        [
            format!("unauthorized-commit {} .mailmap", &forged[..10]),
            format!("unauthorized-commit {} {proposal}", &other[..10]),
        ]
    );
    // The address is shown: it is what the auditor must look up or map.
    let message = |i: usize| diags[i]["message"].as_str().unwrap().to_string();
    assert!(
        message(0).contains("<someone@example.org>"),
        "{}",
        message(0)
    );
    assert!(
        message(0).contains("<zhang.hua@example.org>"),
        "{}",
        message(0)
    );
    assert!(message(1).contains("<other@example.org>"), "{}", message(1));
    // The site shows the name the alias maps to.
    let (_out, page) = built_page(&r, "councils/demo/grid-01/proposals/2022-002/index.html");
    let entry = history_entry(&page, &alias);
    assert!(entry.contains("张华"), "{entry}");
    assert!(!page.contains("@example.org"), "never an address");
}

#[test]
fn issue_13_9_commits_dated_after_their_own_date_or_after_today_are_reported() {
    let (r, _) = clean_repo();
    let proposal = format!("{G}/proposals/2022-002.md");
    r.edit(&proposal, "采光。", "采光，夏季尤甚。");
    r.git(&["add", "-A"]);
    r.git_dated(
        SECRETARY,
        "2022-09-30",
        "2022-09-25",
        &["commit", "-q", "-m", "authored later than committed"],
    );
    let ahead = r.git(&["rev-parse", "HEAD"]);
    r.edit(&proposal, "夏季尤甚", "夏季更甚");
    let future = r.commit(SECRETARY, "2022-10-15", "from the future");
    // An author date before the commit date (a rebase, a cherry-pick) is normal.
    r.edit(&proposal, "夏季更甚", "夏季尤其");
    r.git(&["add", "-A"]);
    r.git_dated(
        SECRETARY,
        "2022-09-01",
        "2022-09-28",
        &["commit", "-q", "-m", "rebased"],
    );
    let (code, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    assert_eq!(
        found(&diags),
        [
            format!("dated-in-future {} {proposal}", &future[..10]),
            format!("dated-in-future {} {proposal}", &ahead[..10]),
        ]
    );
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("dated 2022-10-15, after today (2022-10-01)")
    );
    assert!(
        diags[1]["message"]
            .as_str()
            .unwrap()
            .contains("author date 2022-09-30 is after its own commit date 2022-09-25")
    );
    assert_eq!(code, 1);
}

#[test]
fn issue_13_9_a_bare_clone_is_audited_and_logged() {
    let (r, _) = clean_repo();
    let bare = tempfile::tempdir().unwrap();
    let path = bare.path().join("records.git");
    run(Command::new("git")
        .args(["clone", "-q", "--bare"])
        .arg(r.path())
        .arg(&path));
    council()
        .arg("audit")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("ok: no problems in 5 commits"));
    council()
        .args(["log", "demo/grid-01/2022-001"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("4 commits"));
    // A bare repository without a site says so.
    let empty = bare.path().join("other.git");
    run(Command::new("git")
        .args(["init", "-q", "-b", "main", "--bare"])
        .arg(&empty));
    let other = Repo::new();
    other.write("README.md", "not a site\n");
    other.commit(SECRETARY, "2022-01-01", "readme");
    run(git_command(other.path())
        .args(["push", "-q"])
        .arg(&empty)
        .arg("main"));
    council()
        .arg("audit")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no site.toml at the root of HEAD",
        ));
}

#[test]
fn issue_13_9_log_takes_the_site_as_a_positional_path_like_every_command() {
    let (r, _) = clean_repo();
    council()
        .args(["log", "demo/grid-01/2022-001"])
        .arg(r.path())
        .assert()
        .code(0);
    council()
        .args(["log", "demo/grid-01/2022-001", "--path"])
        .arg(r.path())
        .assert()
        .code(0);
    council()
        .args(["log", "demo/grid-01/2022-001"])
        .arg(r.path())
        .arg("--path")
        .arg(r.path())
        .assert()
        .code(2);
}

#[test]
fn issue_13_9_notes_are_in_the_json_on_stdout() {
    let r = council_without_addresses();
    let (code, diags, stderr) = audit_json(r.path(), &[]);
    assert_eq!(code, 0);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["severity"], "note");
    assert_eq!(diags[0]["rule"], "unauthorized-commit");
    assert_eq!(diags[0]["file"], format!("{G}/council.toml").as_str());
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("authorisation is off for council `demo/grid-01`")
    );
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn issue_13_9_a_shallow_clone_is_named_in_the_pages_language_and_still_compared() {
    let (r, commits) = clean_repo();
    let dir = tempfile::tempdir().unwrap();
    let clone = dir.path().join("c");
    run(Command::new("git")
        .args(["clone", "-q", "--depth", "1"])
        .arg(format!("file://{}", r.path().display()))
        .arg(&clone));
    // A change in the shallow clone that was never committed.
    let proposal = clone.join(format!("{G}/proposals/2022-002.md"));
    let text = std::fs::read_to_string(&proposal).unwrap();
    std::fs::write(&proposal, text.replace("采光。", "采光，夏季尤甚。")).unwrap();
    let out = dir.path().join("public");
    let (code, err) = build(&clone, &out);
    assert_eq!(code, 0, "{err}");
    let zh = std::fs::read_to_string(out.join("transparency/index.html")).unwrap();
    let en = std::fs::read_to_string(out.join("en/transparency/index.html")).unwrap();
    assert!(zh.contains("浅克隆"), "{}", main_of(&zh));
    assert!(!zh.contains("shallow clone"), "{}", main_of(&zh));
    assert!(en.contains("shallow clone"), "{}", main_of(&en));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["commit"], commits[4].as_str());
    assert_eq!(manifest["history"], false);
    assert_eq!(manifest["no_history"], "shallow");
    assert_eq!(
        manifest["uncommitted"],
        serde_json::json!([{"path": format!("{G}/proposals/2022-002.md"), "reason": "modified"}])
    );
    assert!(
        zh.contains("仅凭这个提交无法重现本站"),
        "never a plain \"built from\""
    );
}
