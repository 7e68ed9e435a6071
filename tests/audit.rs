//! `council audit` and `council log` on repositories built in temporary folders with the git
//! command line, with pinned author and committer dates and SSH signatures made with
//! throwaway keys from ssh-keygen. Each git rule must fire at the right commit, and not on
//! clean commits.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const SECRETARY: &str = "zhang.hua@example.org";
const G: &str = "councils/demo/grid-01";

/// A git repository holding a council site, committed to step by step.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let r = Repo { dir };
        r.git(&["init", "-q", "-b", "main"]);
        r
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Copies fixture files (relative to tests/fixtures/base) into the work tree.
    fn put_base(&self, rels: &[&str]) {
        for rel in rels {
            let text = std::fs::read(fixtures().join("base").join(rel)).unwrap();
            write(self.path(), rel, text);
        }
    }

    /// Commits everything as `email` on `date`; returns the commit id.
    fn commit(&self, email: &str, date: &str, msg: &str) -> String {
        self.commit_with(email, date, msg, &[])
    }

    fn commit_with(&self, email: &str, date: &str, msg: &str, extra: &[&str]) -> String {
        self.git(&["add", "-A"]);
        let stamp = format!("{date}T10:00:00+08:00");
        let name = email.split('@').next().unwrap();
        let mut args = vec!["-c", "user.name", "-c", "user.email"];
        args.clear();
        let out = Command::new("git")
            .args(["-c", "commit.gpgsign=false"])
            .args(extra)
            .args(["commit", "-q", "--allow-empty", "-m", msg])
            .current_dir(self.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", name)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_NAME", name)
            .env("GIT_COMMITTER_EMAIL", email)
            .env("GIT_COMMITTER_DATE", &stamp)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "commit: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.git(&["rev-parse", "HEAD"])
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path().join(rel)).unwrap();
        assert!(text.contains(from), "{rel} lacks {from}");
        write(self.path(), rel, text.replacen(from, to, 1));
    }
}

/// A clean history: each record committed the day after its date, by the secretary.
fn clean_repo() -> (Repo, Vec<String>) {
    let r = Repo::new();
    r.put_base(&[
        "site.toml",
        "councils/demo/area.toml",
        &format!("{G}/council.toml"),
        &format!("{G}/proposals/2022-001.md"),
    ]);
    let c1 = r.commit(SECRETARY, "2022-03-02", "council and first proposal");
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    let c2 = r.commit(SECRETARY, "2022-03-16", "minutes of 15 March");
    r.put_base(&[&format!("{G}/meetings/2022-04-02.md")]);
    let c3 = r.commit(SECRETARY, "2022-04-03", "minutes of 2 April");
    r.put_base(&[&format!("{G}/reports/2022-06-30.md")]);
    let c4 = r.commit(SECRETARY, "2022-07-01", "supervision report");
    r.put_base(&[&format!("{G}/proposals/2022-002.md")]);
    let c5 = r.commit(SECRETARY, "2022-09-21", "new proposal");
    (r, vec![c1, c2, c3, c4, c5])
}

fn audit_json(root: &Path, extra: &[&str]) -> (i32, Vec<serde_json::Value>, String) {
    let out = council()
        .args(["audit", "--format", "json"])
        .args(extra)
        .arg(root)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "not JSON: {} {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (
        out.status.code().unwrap(),
        v.as_array().unwrap().clone(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `rule commit-prefix file[:line]` for each finding.
fn found(diags: &[serde_json::Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            let commit = d["commit"].as_str().unwrap_or("-");
            let place = match d["line"].as_u64() {
                Some(l) => format!("{}:{l}", d["file"].as_str().unwrap()),
                None => d["file"].as_str().unwrap().to_string(),
            };
            format!(
                "{} {} {place}",
                d["rule"].as_str().unwrap(),
                &commit[..commit.len().min(10)]
            )
        })
        .collect()
}

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
    let r = Repo::new();
    r.put_base(&[
        "site.toml",
        "councils/demo/area.toml",
        &format!("{G}/council.toml"),
        &format!("{G}/proposals/2022-001.md"),
    ]);
    r.edit(
        &format!("{G}/council.toml"),
        "git = [\"zhang.hua@example.org\"]\n",
        "",
    );
    r.commit("a@example.org", "2022-03-02", "start");
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    r.commit("b@example.org", "2022-03-16", "minutes");
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

fn keygen(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&key)
        .output()
        .expect("ssh-keygen runs (.ci/run installs openssh-client)");
    assert!(out.status.success());
    let public = std::fs::read_to_string(key.with_extension("pub"))
        .unwrap()
        .trim()
        .to_string();
    (key, public)
}

#[test]
fn councils_that_require_signatures_get_verified_ssh_signatures() {
    let keys = tempfile::tempdir().unwrap();
    let (secret, public) = keygen(keys.path(), "secretary");
    let (other, _) = keygen(keys.path(), "other");
    let r = Repo::new();
    r.put_base(&[
        "site.toml",
        "councils/demo/area.toml",
        &format!("{G}/council.toml"),
        &format!("{G}/proposals/2022-001.md"),
    ]);
    r.edit(
        &format!("{G}/council.toml"),
        "majority = \"present\"",
        "majority = \"present\"\nsigning = \"required\"",
    );
    r.edit(
        &format!("{G}/council.toml"),
        "git = [\"zhang.hua@example.org\"]",
        &format!("git = [\"zhang.hua@example.org\"]\nkeys = [\"{public}\"]"),
    );
    r.commit(SECRETARY, "2022-03-02", "a council that signs");
    let sign = |key: &Path| -> Vec<String> {
        vec![
            "-c".into(),
            "gpg.format=ssh".into(),
            "-c".into(),
            format!("user.signingkey={}", key.display()),
            "-c".into(),
            "commit.gpgsign=true".into(),
        ]
    };
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    let args = sign(&secret);
    r.commit_with(
        SECRETARY,
        "2022-03-16",
        "signed minutes",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    r.put_base(&[&format!("{G}/meetings/2022-04-02.md")]);
    let unsigned = r.commit(SECRETARY, "2022-04-03", "forgot to sign");
    r.put_base(&[&format!("{G}/reports/2022-06-30.md")]);
    let args = sign(&other);
    let wrong = r.commit_with(
        SECRETARY,
        "2022-07-01",
        "signed with another key",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
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
    let script = "find site.toml councils content static -type f ! -name '.*' ! -name '*~' -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum";
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
