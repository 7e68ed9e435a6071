//! Reproducible builds (issue 13, SPEC §7): the same commit built as of the same day gives
//! the same bytes in another folder, as another user, in another time zone and locale, and
//! with another number of threads — what an auditor's rebuild on their own machine relies on.

mod common;

use std::path::Path;
use std::process::Command;

use common::git::*;
use common::*;

/// A user other than the one running the tests, when the tests run as root and can become
/// it (`setpriv`): builds run as `nobody` then. Otherwise only the user's environment (HOME,
/// USER, LOGNAME, git configuration) differs.
fn other_user() -> Option<u32> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .ok()
        .is_some_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let setpriv = Command::new("setpriv").arg("--version").output().is_ok();
    (root && setpriv).then_some(65534)
}

fn chown_all(dir: &Path, uid: u32) {
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        std::os::unix::fs::lchown(e.path(), Some(uid), Some(uid)).unwrap();
    }
}

/// Runs `council build` (the program `cmd` starts) as of the demo's day, with a time zone,
/// a locale and a user's environment.
fn build_as(
    mut cmd: Command,
    site: &Path,
    out: &Path,
    home: &Path,
    (tz, locale, user): (&str, &str, &str),
) {
    let built = cmd
        .args(["build", "--today", "2026-11-25", "-o"])
        .arg(out)
        .arg(site)
        .env("TZ", tz)
        .env("LANG", locale)
        .env("LC_ALL", locale)
        .env("HOME", home)
        .env("USER", user)
        .env("LOGNAME", user)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
}

#[test]
fn two_clones_built_apart_are_byte_identical() {
    let top = tempfile::tempdir().unwrap();
    let clone = |at: &Path| {
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        run(Command::new("git")
            .args(["clone", "-q"])
            .arg(env!("CARGO_MANIFEST_DIR"))
            .arg(at));
    };
    // First: here, UTC, the C locale, one thread.
    let a = top.path().join("a/records");
    clone(&a);
    let home_a = top.path().join("home-a");
    std::fs::create_dir_all(&home_a).unwrap();
    let out_a = top.path().join("a/public");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_council"));
    cmd.env("RAYON_NUM_THREADS", "1");
    build_as(cmd, &a, &out_a, &home_a, ("UTC", "C", "alice"));

    // Second: a deeper folder with another name, a time zone across the date line, a
    // Chinese locale, every thread, another user with a git configuration of their own.
    let b = top.path().join("elsewhere/deeper/记录 copy");
    clone(&b);
    let home_b = top.path().join("home-b");
    std::fs::create_dir_all(&home_b).unwrap();
    std::fs::write(
        home_b.join(".gitconfig"),
        "[user]\n\tname = Bob\n\temail = bob@example.net\n[core]\n\tquotepath = false\n\tautocrlf = input\n[log]\n\tdate = local\n",
    )
    .unwrap();
    let out_b = top.path().join("elsewhere/out");
    std::fs::create_dir_all(&out_b).unwrap();
    let user = other_user();
    let mut cmd = match user {
        Some(uid) => {
            for d in [&top.path().join("elsewhere"), &home_b] {
                chown_all(d, uid);
            }
            for d in [top.path(), &top.path().join("elsewhere")] {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
            }
            let mut c = Command::new("setpriv");
            c.args([
                &format!("--reuid={uid}"),
                &format!("--regid={uid}"),
                "--clear-groups",
                "--",
            ])
            .arg(env!("CARGO_BIN_EXE_council"));
            c
        }
        None => Command::new(env!("CARGO_BIN_EXE_council")),
    };
    cmd.env_remove("RAYON_NUM_THREADS");
    build_as(
        cmd,
        &b,
        &out_b.join("public"),
        &home_b,
        ("Pacific/Kiritimati", "zh_CN.UTF-8", "bob"),
    );

    let (ta, tb) = (tree(&out_a), tree(&out_b.join("public")));
    let differing: Vec<&String> = ta
        .keys()
        .chain(tb.keys())
        .filter(|k| ta.get(*k) != tb.get(*k))
        .collect();
    assert!(differing.is_empty(), "differ: {differing:?}");
    assert!(ta.len() > 50, "a real site: {} files", ta.len());
    // Both say the same commit, with history (a full clone).
    let manifest: serde_json::Value = serde_json::from_slice(&ta["data/manifest.json"]).unwrap();
    assert_eq!(
        manifest["commit"].as_str(),
        Some(run(git_command(&a).args(["rev-parse", "HEAD"])).as_str())
    );
    assert_eq!(manifest["uncommitted"], serde_json::json!([]));
}
