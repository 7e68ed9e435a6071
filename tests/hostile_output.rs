//! Issue 11, item 6: concurrent builds into one folder left a mix of two sites (and one of
//! them reported success); a SIGKILL during the switch-over left old and new pages mixed; a
//! build on a full disk left temporary files behind. Item 10: a 254-byte file name broke
//! every incremental rebuild. Each test drives the real binary.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use council::site::output::Output;

/// A site with enough matters that a build writes a few thousand files; `title` is the site's
/// title, so that two such sites differ in every page.
fn big_site(title: &str) -> tempfile::TempDir {
    let site = site(&[]);
    adopt_many(site.path(), 100..=299, "2022-05-10");
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    write(
        site.path(),
        "site.toml",
        toml.replace("测试街道网格议事会", title),
    );
    site
}

/// What building `site` alone into a new folder publishes.
fn expected(site: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, stderr) = build(site, &public);
    assert_eq!(code, 0, "{stderr}");
    tree(&public)
}

fn build_command(site: &Path, out: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("council"));
    c.args(["build", "--today", TODAY, "-o"])
        .arg(out)
        .arg(site)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// Which of the two sites `out` holds exactly, if either.
fn which(out: &Path, a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Option<char> {
    let now = tree(out);
    if &now == a {
        Some('a')
    } else if &now == b {
        Some('b')
    } else {
        None
    }
}

/// How `now` differs from `want`, briefly.
fn difference(now: &BTreeMap<String, Vec<u8>>, want: &BTreeMap<String, Vec<u8>>) -> String {
    let odd: Vec<&String> = now
        .keys()
        .chain(want.keys())
        .filter(|k| now.get(*k) != want.get(*k))
        .take(5)
        .collect();
    format!("{} files differ, e.g. {odd:?}", odd.len())
}

#[test]
fn issue_11_6_concurrent_builds_into_one_folder_take_turns() {
    let (sa, sb) = (big_site("甲街道"), big_site("乙街道"));
    let (a, b) = (expected(sa.path()), expected(sb.path()));
    for round in 0..4 {
        let out = tempfile::tempdir().unwrap();
        let public = out.path().join("public");
        if round % 2 == 1 {
            // Over an existing site, too.
            let (code, _) = build(sa.path(), &public);
            assert_eq!(code, 0);
        }
        let one = build_command(sa.path(), &public).spawn().unwrap();
        let two = build_command(sb.path(), &public).spawn().unwrap();
        let (one, two) = (
            one.wait_with_output().unwrap(),
            two.wait_with_output().unwrap(),
        );
        assert!(
            one.status.success(),
            "{}",
            String::from_utf8_lossy(&one.stderr)
        );
        assert!(
            two.status.success(),
            "{}",
            String::from_utf8_lossy(&two.stderr)
        );
        assert!(
            which(&public, &a, &b).is_some(),
            "round {round}: a mix of two sites: {}",
            difference(&tree(&public), &b)
        );
    }
}

/// A build killed at any moment leaves the old site or the new one, or a journal from which
/// the next build completes the new one. Kills land at evenly spread moments of a build, and
/// at the moment its switch-over begins (when the journal appears).
#[test]
fn issue_11_6_a_build_killed_at_any_moment_leaves_one_whole_site() {
    let (sa, sb) = (big_site("甲街道"), big_site("乙街道"));
    let (a, b) = (expected(sa.path()), expected(sb.path()));
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, _) = build(sa.path(), &public);
    assert_eq!(code, 0);
    // How long a whole build takes here, to spread the kills over it.
    let started = Instant::now();
    let (code, _) = build(sb.path(), &public);
    assert_eq!(code, 0);
    let whole = started.elapsed();
    let mut state = 'b';
    let mut during_switch = 0;
    let kills = 15;
    for k in 0..kills {
        let target = if state == 'a' { &sb } else { &sa };
        let mut child = build_command(target.path(), &public).spawn().unwrap();
        if k % 3 == 2 {
            // At the switch-over: as soon as the journal is there.
            let journal = public.join(".council-journal");
            let deadline = Instant::now() + whole * 20;
            while !journal.exists() && Instant::now() < deadline {
                if child.try_wait().unwrap().is_some() {
                    break;
                }
                std::thread::sleep(Duration::from_micros(50));
            }
            if journal.exists() {
                during_switch += 1;
            }
        } else {
            std::thread::sleep(whole.mul_f64(k as f64 / kills as f64));
        }
        let _ = child.kill();
        child.wait().unwrap();
        // What a reader sees now is one site, or the journal says how to finish the new one.
        let seen = which(&public, &a, &b);
        let journal = public.join(".council-journal").exists();
        assert!(
            seen.is_some() || journal || public.join(".council-staging").exists(),
            "kill {k}: {}",
            difference(&tree(&public), &b)
        );
        // The next build begins by making the folder whole (done here without building).
        drop(
            Output::open(
                &public,
                &sa.path().canonicalize().unwrap(),
                council::i18n::Lang::En,
            )
            .unwrap(),
        );
        let now = tree(&public);
        state = which(&public, &a, &b)
            .unwrap_or_else(|| panic!("kill {k}: after recovery, {}", difference(&now, &b)));
        assert!(!public.join(".council-journal").exists());
        assert!(!public.join(".council-staging").exists());
    }
    eprintln!("{kills} kills, {during_switch} of them during the switch-over");
    assert!(during_switch > 0, "no kill landed in a switch-over");
}

/// A build whose writes fail (a full disk; here a file-size limit, which fails writes the
/// same way) leaves the old site exactly, and no temporary files.
#[test]
fn issue_11_6_a_build_that_cannot_write_leaves_the_old_site_and_no_temporary_files() {
    let (sa, sb) = (big_site("甲街道"), big_site("乙街道"));
    let a = expected(sa.path());
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, _) = build(sa.path(), &public);
    assert_eq!(code, 0);
    for target in [&sb, &sb] {
        let run = Command::new("bash")
            .arg("-c")
            .arg("ulimit -f 16 && trap '' XFSZ && exec \"$0\" build --today 2022-10-01 -o \"$1\" \"$2\"")
            .arg(assert_cmd::cargo::cargo_bin("council"))
            .arg(&public)
            .arg(target.path())
            .output()
            .unwrap();
        assert_eq!(
            run.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(tree(&public), a, "{}", difference(&tree(&public), &a));
    }
    let names: Vec<String> = walkdir::WalkDir::new(out.path())
        .into_iter()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The marker and the render cache of the old site, which still describes it.
        .filter(|n| n.contains("council-") && n != ".council-output" && n != ".council-cache")
        .collect();
    assert!(names.is_empty(), "{names:?}");
    // A first build that cannot write leaves no folder at all.
    let fresh = out.path().join("fresh");
    let run = Command::new("bash")
        .arg("-c")
        .arg(
            "ulimit -f 16 && trap '' XFSZ && exec \"$0\" build --today 2022-10-01 -o \"$1\" \"$2\"",
        )
        .arg(assert_cmd::cargo::cargo_bin("council"))
        .arg(&fresh)
        .arg(sb.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(!fresh.exists());
}

/// Issue 11, item 10: the temporary name of a 254-byte file name was longer than a name may
/// be, so every rebuild failed.
#[test]
fn issue_11_10_a_254_byte_file_name_rebuilds() {
    let site = site(&[]);
    let root = site.path();
    let name = format!("static/{}.txt", "长".repeat(83)); // 249 + 4 bytes
    assert_eq!(name.len() - "static/".len(), 253);
    write(root, &name, "一\n");
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    for text in ["一\n", "二\n"] {
        write(root, &name, text);
        let (code, stderr) = build(root, &public);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(
            std::fs::read_to_string(public.join(&name["static/".len()..])).unwrap(),
            text
        );
    }
}
