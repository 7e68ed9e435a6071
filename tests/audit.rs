//! `council audit` and `council log` on repositories built in temporary folders with the git
//! command line, with pinned author and committer dates and SSH signatures made with
//! throwaway keys from ssh-keygen. Each git rule must fire at the right commit, and not on
//! clean commits.

mod common;

use std::process::Command;

use common::git::*;
use common::*;

#[test]
fn a_clean_history_has_no_findings() {
    let (r, _) = clean_repo();
    let (code, diags, _) = audit_json(r.path(), &[]);
    assert_eq!(found(&diags), Vec::<String>::new());
    assert_eq!(code, 0);
    council()
        .arg("audit")
        .arg(r.path())
        .assert()
        .code(0)
        .stdout(predicates::str::contains("ok: no problems in 5 commits"));
}

#[test]
fn a_rewritten_decision_is_reported_at_its_commit_and_line() {
    let (r, _) = clean_repo();
    // A typo fix in the text is not a decision.
    r.edit(
        &format!("{G}/meetings/2022-04-02.md"),
        "表决通过加装电梯方案。",
        "表决通过了加装电梯方案。",
    );
    r.commit(SECRETARY, "2022-04-05", "typo");
    r.edit(
        &format!("{G}/meetings/2022-04-02.md"),
        "yes = 4, no = 0, abstain = 1",
        "yes = 3, no = 0, abstain = 2",
    );
    let bad = r.commit(SECRETARY, "2022-10-01", "recount");
    let (code, diags, _) = audit_json(r.path(), &[]);
    assert_eq!(
        found(&diags),
        [format!(
            "decision-rewritten {} {G}/meetings/2022-04-02.md:12",
            &bad[..10]
        )]
    );
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("`2022-001` votes.yes 4 → 3"),
        "{}",
        diags[0]["message"]
    );
    assert_eq!(diags[0]["commit"], bad.as_str());
    assert_eq!(code, 1);
}

#[test]
fn deleting_or_renaming_a_record_is_reported() {
    let (r, _) = clean_repo();
    std::fs::remove_file(r.path().join(format!("{G}/proposals/2022-002.md"))).unwrap();
    let del = r.commit(SECRETARY, "2022-10-01", "remove");
    r.git(&[
        "mv",
        &format!("{G}/reports/2022-06-30.md"),
        &format!("{G}/reports/2022-06-30-2022-001.md"),
    ]);
    let mv = r.commit(SECRETARY, "2022-10-02", "rename");
    let (_, diags, _) = audit_json(r.path(), &[]);
    assert_eq!(
        found(&diags),
        [
            format!("record-deleted {} {G}/proposals/2022-002.md", &del[..10]),
            format!("record-deleted {} {G}/reports/2022-06-30.md", &mv[..10]),
        ]
    );
}

#[test]
fn a_commit_by_someone_else_is_unauthorised_and_cannot_authorise_itself() {
    let (r, _) = clean_repo();
    r.edit(
        &format!("{G}/proposals/2022-002.md"),
        "院内树枝遮挡低层住户采光。",
        "院内树枝遮挡采光，夏季尤甚。",
    );
    let c1 = r.commit("someone@example.org", "2022-09-25", "edit by a stranger");
    // Adding oneself as secretary in the same commit does not help: the first parent rules.
    r.edit(
        &format!("{G}/council.toml"),
        "git = [\"zhang.hua@example.org\"]",
        "git = [\"zhang.hua@example.org\", \"someone@example.org\"]",
    );
    let c2 = r.commit("someone@example.org", "2022-09-26", "add myself");
    // After that commit, the new address is authorised.
    r.edit(
        &format!("{G}/proposals/2022-002.md"),
        "夏季尤甚",
        "夏季更甚",
    );
    r.commit("someone@example.org", "2022-09-27", "now allowed");
    let (_, diags, _) = audit_json(r.path(), &[]);
    assert_eq!(
        found(&diags),
        [
            format!("unauthorized-commit {} {G}/council.toml", &c2[..10]),
            format!(
                "unauthorized-commit {} {G}/proposals/2022-002.md",
                &c1[..10]
            ),
        ]
    );
}

#[test]
fn a_council_without_secretary_addresses_has_authorisation_off_and_says_so_once() {
    let r = council_without_addresses();
    r.put_base(&[&format!("{G}/proposals/2022-002.md")]);
    r.commit("c@example.org", "2022-09-21", "proposal");
    let out = council().arg("audit").arg(r.path()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.matches("authorisation is off for council `demo/grid-01`")
            .count(),
        1,
        "{text}"
    );
    assert!(!text.contains("unauthorized-commit"));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn minutes_filed_late_and_records_dated_in_the_future_are_reported() {
    let (r, _) = clean_repo();
    write(
        r.path(),
        &format!("{G}/meetings/2022-05-01.md"),
        "+++\ndate = 2022-05-01\nchair = \"wang-li\"\nrecorder = \"zhang-hua\"\npresent = [\"wang-li\", \"zhang-hua\", \"li-ming\", \"chen-jing\", \"zhao-gang\"]\n\n[[items]]\nproposal = \"2022-001\"\naction = \"deliberate\"\n+++\n",
    );
    let late = r.commit(SECRETARY, "2022-06-01", "old minutes");
    write(
        r.path(),
        &format!("{G}/meetings/2022-12-01.md"),
        "+++\ndate = 2022-12-01\nchair = \"wang-li\"\nrecorder = \"zhang-hua\"\npresent = [\"wang-li\", \"zhang-hua\", \"li-ming\", \"chen-jing\", \"zhao-gang\"]\n\n[[items]]\nproposal = \"2022-001\"\naction = \"deliberate\"\n+++\n",
    );
    let early = r.commit(SECRETARY, "2022-11-01", "minutes written in advance");
    let (code, diags, _) = audit_json(r.path(), &[]);
    assert_eq!(
        found(&diags),
        [
            format!("late-filing {} {G}/meetings/2022-05-01.md:2", &late[..10]),
            format!(
                "dated-in-future {} {G}/meetings/2022-12-01.md:2",
                &early[..10]
            ),
        ]
    );
    assert_eq!(code, 1);
    // Only the late filing with --since the first of them: a warning, exit 0.
    let (code, diags, _) = audit_json(r.path(), &["--since", &format!("{late}~1")]);
    assert_eq!(diags.len(), 2);
    let (_, diags2, _) = audit_json(r.path(), &["--since", &late]);
    assert_eq!(
        found(&diags2),
        [format!(
            "dated-in-future {} {G}/meetings/2022-12-01.md:2",
            &early[..10]
        )]
    );
    assert_eq!(code, 1);
}

#[test]
fn councils_that_require_signatures_get_verified_ssh_signatures() {
    let keys = tempfile::tempdir().unwrap();
    let (secret, public) = keygen(keys.path(), "secretary", "ed25519");
    let (other, _) = keygen(keys.path(), "other", "ed25519");
    let r = base_council();
    require_signing(&r, &public);
    r.commit(SECRETARY, "2022-03-02", "a council that signs");
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    commit_signed(&r, &secret, "2022-03-16", "signed minutes");
    r.put_base(&[&format!("{G}/meetings/2022-04-02.md")]);
    let unsigned = r.commit(SECRETARY, "2022-04-03", "forgot to sign");
    r.put_base(&[&format!("{G}/reports/2022-06-30.md")]);
    let wrong = commit_signed(&r, &other, "2022-07-01", "signed with another key");
    let (_, diags, _) = audit_json(r.path(), &[]);
    assert_eq!(
        found(&diags),
        [
            format!(
                "unsigned-commit {} {G}/meetings/2022-04-02.md",
                &unsigned[..10]
            ),
            format!("unsigned-commit {} {G}/reports/2022-06-30.md", &wrong[..10]),
        ]
    );
    assert!(
        diags[1]["message"]
            .as_str()
            .unwrap()
            .contains("a key no member"),
        "{}",
        diags[1]["message"]
    );
    // The log says which key verified the signed commit.
    let log = council()
        .args(["log", "demo/grid-01/2022-001", "--path"])
        .arg(r.path())
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(log.contains("verified (SHA256:"), "{log}");
}

#[test]
fn a_shallow_clone_is_refused() {
    let (r, _) = clean_repo();
    let shallow = tempfile::tempdir().unwrap();
    let out = Command::new("git")
        .args(["clone", "-q", "--depth", "1"])
        .arg(format!("file://{}", r.path().display()))
        .arg(shallow.path().join("c"))
        .output()
        .unwrap();
    assert!(out.status.success());
    council()
        .arg("audit")
        .arg(shallow.path().join("c"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("shallow clone"));
}

#[test]
fn a_site_outside_git_cannot_be_audited() {
    let site = site(&[]);
    council()
        .arg("audit")
        .arg(site.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not in a git repository"));
}

#[test]
fn the_log_tells_the_story_of_one_matter() {
    let (r, _) = clean_repo();
    r.edit(
        &format!("{G}/meetings/2022-04-02.md"),
        "due = 2022-12-31",
        "due = 2023-03-31",
    );
    r.commit(SECRETARY, "2022-10-01", "new deadline");
    let out = council()
        .args(["log", "demo/grid-01/2022-001", "--path"])
        .arg(r.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        !text.contains("@example.org"),
        "the log never shows e-mail addresses"
    );
    // Commit ids depend only on the pinned contents and dates.
    insta::assert_snapshot!(text);
    council()
        .args(["log", "demo/grid-01/2099-001", "--path"])
        .arg(r.path())
        .assert()
        .code(2);
}

#[test]
fn the_site_shows_each_records_history_and_how_to_verify_it() {
    let (r, commits) = clean_repo();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let status = council()
        .args(["build", "--today", TODAY, "-o"])
        .arg(&public)
        .arg(r.path())
        .output()
        .unwrap();
    assert!(status.status.success());
    let page = std::fs::read_to_string(
        public.join("councils/demo/grid-01/meetings/2022-04-02/index.html"),
    )
    .unwrap();
    assert!(page.contains("记录历史"));
    assert!(page.contains(&commits[2][..10]));
    assert!(
        page.contains(">zhang.hua<") || page.contains("zhang.hua\n") || page.contains("zhang.hua "),
        "author name shown"
    );
    assert!(!page.contains("zhang.hua@example.org"), "never the e-mail");
    let transparency = std::fs::read_to_string(public.join("transparency/index.html")).unwrap();
    assert!(transparency.contains(&commits[4]));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("data/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["commit"], commits[4].as_str());
    assert!(manifest["uncommitted"].as_array().unwrap().is_empty());
    let files = manifest["files"].as_array().unwrap();
    assert!(
        files
            .iter()
            .any(|f| f["path"] == "councils/demo/grid-01/proposals/2022-001.md")
    );
    // The manifest hash is what sha256sum gives over the same files.
    let script = "find site.toml councils content static themes/default -type f ! -name '.*' ! -name '*~' -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum";
    let out = Command::new("sh")
        .args(["-c", script])
        .current_dir(r.path())
        .output()
        .unwrap();
    let expected = String::from_utf8_lossy(&out.stdout)
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(manifest["manifest"], expected.as_str());
}
