//! Issue 11: what a hostile record or pull request could do, each through the real binary.
//! Every test here failed before its fix. (Serve: `tests/hostile_serve.rs`; the output
//! folder: `tests/hostile_output.rs`; a real browser: `tests/hostile_browser.rs`.)

mod common;

use common::*;

/// Issue 11, item 1: site.toml linked to `/proc/self/environ` printed the CI's environment.
#[test]
fn issue_11_1_a_site_toml_linked_out_of_the_site_is_not_read() {
    let site = site(&[]);
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secrets.toml");
    std::fs::write(
        &secret,
        "token = \"ghp_TOPSECRET\"\nnot toml at all ghp_TOPSECRET\n",
    )
    .unwrap();
    std::fs::remove_file(root.join("site.toml")).unwrap();
    std::os::unix::fs::symlink(&secret, root.join("site.toml")).unwrap();
    for format in ["human", "json", "github"] {
        let out = council()
            .args(["check", "--today", TODAY, "--format", format])
            .arg(root)
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("TOPSECRET"), "{all}");
        assert_eq!(out.status.code(), Some(1), "{all}");
    }
    let (_, diags) = check_json(root);
    assert!(
        places(&diags).contains(&"misplaced-file site.toml".to_string()),
        "{diags:?}"
    );
    // The environment of the process itself, the original report.
    std::fs::remove_file(root.join("site.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", root.join("site.toml")).unwrap();
    let out = council()
        .args(["check", "--today", TODAY])
        .arg(root)
        .env("CI_TOKEN", "ghp_TOPSECRET")
        .output()
        .unwrap();
    let all = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(!all.contains("TOPSECRET"), "{all}");
    assert!(!all.contains("CI_TOKEN"), "{all}");
}
