//! `council verify [PATH] --site DIR` (issue 13): a published copy is proven against the
//! repository — stated commit an ancestor of HEAD, manifest equal to the commit's blobs, a
//! rebuild in a temporary folder byte-identical — and every way it can fail names the file
//! or the commit.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::git::*;
use common::*;

/// `council verify <repo> --site <copy> --format json`: exit code and report.
fn verify(repo: &Path, copy: &Path) -> (i32, serde_json::Value) {
    let out = council()
        .args(["verify", "--format", "json", "--site"])
        .arg(copy)
        .arg(repo)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "not JSON: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), report)
}

fn problems(report: &serde_json::Value) -> Vec<String> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

/// A clean clone of this repository (the demo street is its site) and its site built into
/// `public/` beside it.
fn demo() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let clone = dir.path().join("records");
    run(Command::new("git")
        .args(["clone", "-q"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg(&clone));
    let public = dir.path().join("public");
    let out = council()
        .args(["build", "--today", "2026-11-25", "-o"])
        .arg(&public)
        .arg(&clone)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, clone, public)
}

/// A copy of `from` at `to`.
fn copy(from: &Path, to: &Path) {
    overlay(from, to);
}

#[test]
fn the_demo_site_built_from_a_clean_clone_verifies_and_every_change_is_named() {
    let (dir, clone, public) = demo();
    let (code, report) = verify(&clone, &public);
    assert_eq!(problems(&report), Vec::<String>::new());
    assert_eq!(code, 0);
    assert_eq!(report["ok"], true);
    assert!(report["rebuild"]["files"].as_u64().unwrap() > 50);
    assert_eq!(report["ancestry"]["ancestor"], true);
    let human = council()
        .args(["verify", "--site"])
        .arg(&public)
        .arg(&clone)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&human.stdout).contains("ok: every file of"),
        "{}",
        String::from_utf8_lossy(&human.stdout)
    );

    // One byte changed: the file and the line are named.
    let one_byte = dir.path().join("one-byte");
    copy(&public, &one_byte);
    let page = one_byte.join("councils/index.html");
    let text = std::fs::read_to_string(&page).unwrap();
    let at = text.find("<h1>").unwrap() + 1;
    let mut bytes = text.into_bytes();
    bytes[at] = b'H';
    std::fs::write(&page, &bytes).unwrap();
    let (code, report) = verify(&clone, &one_byte);
    assert_eq!(code, 1);
    let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    assert_eq!(
        problems(&report),
        [format!(
            "`councils/index.html` differs from the rebuild, first at line {line}"
        )]
    );
    let d = &report["rebuild"]["differing"][0];
    assert!(d["published"].as_str().unwrap().contains("<H1>"), "{d}");
    assert!(d["rebuilt"].as_str().unwrap().contains("<h1>"), "{d}");

    // A file added, a file removed.
    let added = dir.path().join("added");
    copy(&public, &added);
    std::fs::write(added.join("notice.html"), "<p>…</p>").unwrap();
    std::fs::remove_file(added.join("feed.xml")).unwrap();
    let (code, report) = verify(&clone, &added);
    assert_eq!(code, 1);
    assert_eq!(
        problems(&report),
        [
            "`feed.xml` is missing from the copy (the rebuild has it)",
            "`notice.html` is in the copy, but the rebuild does not make it",
        ]
    );

    // History rewritten after publication: the commit is named.
    let published = report["stated"]["commit"].as_str().unwrap().to_string();
    run(git_command(&clone)
        .args(["-c", "user.name=x", "-c", "user.email=x@example.org"])
        .args(["commit", "-q", "--amend", "-m", "rewritten"]));
    let (code, report) = verify(&clone, &public);
    assert_eq!(code, 1);
    let p = problems(&report);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].starts_with("history was rewritten since the site was published"));
    assert!(p[0].contains(&published[..10]), "{}", p[0]);
    assert_eq!(report["ancestry"]["ancestor"], false);
    assert_eq!(
        report["rebuild"]["differing"],
        serde_json::json!([]),
        "the copy still is that commit's"
    );
}

#[test]
fn a_manifest_that_lies_about_the_commit_is_caught() {
    let (r, _) = clean_repo();
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    assert_eq!(build(r.path(), &public).0, 0);
    let path = public.join("data/manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let file = manifest["files"][2]["path"].as_str().unwrap().to_string();
    manifest["files"][2]["sha256"] = "0".repeat(64).into();
    std::fs::write(&path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let (code, report) = verify(r.path(), &public);
    assert_eq!(code, 1);
    let p = problems(&report);
    assert!(
        p.iter().any(|x| x.starts_with(&format!(
            "`{file}`: its SHA-256 in data/manifest.json is not that of the file in commit"
        ))),
        "{p:#?}"
    );
    assert!(p.iter().any(|x| x.contains("the hash over the list")));
    assert!(
        p.iter()
            .any(|x| x.starts_with("`data/manifest.json` differs"))
    );
}

#[test]
fn a_site_built_with_changes_not_committed_does_not_verify() {
    let (r, _) = clean_repo();
    r.edit(
        &format!("{G}/proposals/2022-002.md"),
        "采光。",
        "采光，夏季尤甚。",
    );
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    assert_eq!(build(r.path(), &public).0, 0);
    let (code, report) = verify(r.path(), &public);
    assert_eq!(code, 1);
    let p = problems(&report);
    assert!(
        p.iter()
            .any(|x| x.contains(&format!("`{G}/proposals/2022-002.md` (modified)"))),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|x| x.starts_with("`councils/demo/grid-01/proposals/2022-002/index.html` differs")),
        "{p:#?}"
    );
}

#[test]
fn a_bare_clone_verifies_and_a_foreign_commit_is_named() {
    let (r, commits) = clean_repo();
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    assert_eq!(build(r.path(), &public).0, 0);
    let bare = dir.path().join("records.git");
    run(Command::new("git")
        .args(["clone", "-q", "--bare"])
        .arg(r.path())
        .arg(&bare));
    let (code, report) = verify(&bare, &public);
    assert_eq!(problems(&report), Vec::<String>::new());
    assert_eq!(code, 0);
    // Another repository does not have the commit.
    let (other, _) = clean_repo();
    other.edit(
        &format!("{G}/proposals/2022-002.md"),
        "采光。",
        "采光，夏季尤甚。",
    );
    other.commit(SECRETARY, "2022-09-22", "another history");
    let foreign = dir.path().join("foreign");
    copy(&public, &foreign);
    let m = foreign.join("data/manifest.json");
    let text = std::fs::read_to_string(&m)
        .unwrap()
        .replace(&commits[4], &"1".repeat(40));
    std::fs::write(&m, text).unwrap();
    let (code, report) = verify(other.path(), &foreign);
    assert_eq!(code, 1);
    let p = problems(&report);
    assert!(
        p[0].starts_with(&format!("commit {}, which the copy says", "1".repeat(40)))
            && p[0].contains("is not in this repository"),
        "{p:#?}"
    );
}

#[test]
fn a_copy_without_a_manifest_fails_and_a_missing_folder_cannot_run() {
    let (r, _) = clean_repo();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<p>hi</p>").unwrap();
    let (code, report) = verify(r.path(), dir.path());
    assert_eq!(code, 1);
    assert!(problems(&report)[0].contains("no data/manifest.json"));
    council()
        .args(["verify", "--site"])
        .arg(dir.path().join("missing"))
        .arg(r.path())
        .assert()
        .code(2);
}

#[test]
fn the_commits_signature_is_reported() {
    let keys = tempfile::tempdir().unwrap();
    let (secret, public) = keygen(keys.path(), "secretary", "ecdsa -b 521");
    let r = base_council();
    require_signing(&r, &public);
    r.commit(SECRETARY, "2022-03-02", "a council that signs");
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    commit_signed(&r, &secret, "2022-03-16", "signed minutes");
    let dir = tempfile::tempdir().unwrap();
    let public_site = dir.path().join("public");
    assert_eq!(build(r.path(), &public_site).0, 0);
    let (code, report) = verify(r.path(), &public_site);
    assert_eq!(code, 0, "{:#?}", problems(&report));
    assert_eq!(report["signature"]["status"], "verified");
    assert!(
        report["signature"]["label"]
            .as_str()
            .unwrap()
            .starts_with("verified (SHA256:")
    );
}
