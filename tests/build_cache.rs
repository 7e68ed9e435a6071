//! Issue 15: the render cache. A build whose inputs did not change renders nothing; a build
//! after any input changed gives exactly the output of a fresh build into an empty folder.
//! Each kind of input is changed in turn (a record, a record's translation, a template, the
//! theme's strings, a theme's static file, a static file of the site, site.toml, `--today`,
//! git history alone), and after each the output is compared byte for byte with a fresh
//! build; then the unchanged rebuild must come from the cache and still equal it. A corrupt
//! or foreign cache, and an output changed by hand, are never trusted.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use common::git::{G, Repo, SECRETARY};
use common::{council, fixtures, overlay, tree};

/// What the build says when it rendered nothing.
const CACHED: &str = "no page was rendered again";

/// `council build --today <today> -o <out> <root>`, which must succeed: its stderr.
fn build(root: &Path, out: &Path, today: &str) -> String {
    let o = council()
        .args(["build", "--today", today, "-o"])
        .arg(out)
        .arg(root)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{err}");
    err
}

/// How many files the build wrote, from its last line.
fn written(stderr: &str) -> usize {
    let line = stderr.lines().find(|l| l.starts_with("built ")).unwrap();
    let (_, rest) = line.split_once(": ").unwrap();
    rest.split(' ').next().unwrap().parse().unwrap()
}

/// The output without council's cache (which records the folder's own inodes and times).
fn site_of(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut t = tree(out);
    t.retain(|rel, _| !rel.starts_with(".council-cache"));
    assert!(!t.is_empty());
    t
}

/// A fresh build of `root` as of `today` into an empty folder.
fn fresh(root: &Path, today: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let err = build(root, &out, today);
    assert!(!err.contains(CACHED), "{err}");
    site_of(&out)
}

/// Waits until the sources are older than the build's margin (a second), so that the next
/// build may keep its cache.
fn settle() {
    std::thread::sleep(Duration::from_millis(1100));
}

/// The demo council of the `sites/states` fixture, committed, with the theme's files in the
/// site (so that they can be changed).
fn site() -> Repo {
    let r = Repo::new();
    overlay(&fixtures().join("base"), r.path());
    overlay(&fixtures().join("sites/states"), r.path());
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    for rel in [
        "templates/base.html",
        "i18n/en.toml",
        "i18n/zh.toml",
        "static/style.css",
    ] {
        r.write(
            &format!("themes/default/{rel}"),
            std::fs::read(theme.join(rel)).unwrap(),
        );
    }
    r.commit(SECRETARY, "2022-09-01", "the site");
    r
}

/// Builds into `out` after a change: it must render, write something, and equal a fresh
/// build; the build after it, with nothing changed, must come from the cache and still equal
/// it, without writing anything.
fn rebuilt_equals_fresh(what: &str, root: &Path, out: &Path, today: &str) {
    settle();
    let err = build(root, out, today);
    assert!(!err.contains(CACHED), "{what}: the cache was used\n{err}");
    assert!(
        written(&err) > 0,
        "{what}: nothing changed in the output\n{err}"
    );
    let want = fresh(root, today);
    assert!(
        site_of(out) == want,
        "{what}: the rebuild differs from a fresh build"
    );
    let again = build(root, out, today);
    assert!(
        again.contains(CACHED),
        "{what}: the cache was not used\n{again}"
    );
    assert_eq!(written(&again), 0, "{what}");
    assert!(site_of(out) == want, "{what}: the cached build differs");
}

#[test]
fn every_kind_of_input_is_rebuilt_as_a_fresh_build_would() {
    let r = site();
    let root = r.path();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let today = "2022-10-01";
    // The sources were just written: the first build may keep no cache; the second does.
    build(root, &out, today);
    settle();
    let second = build(root, &out, today);
    assert_eq!(written(&second), 0, "{second}");
    let third = build(root, &out, today);
    assert!(third.contains(CACHED), "{third}");
    assert!(site_of(&out) == fresh(root, today));

    let proposal = format!("{G}/proposals/2022-001.md");
    r.edit(&proposal, "居民希望加装电梯", "居民一致希望加装电梯");
    rebuilt_equals_fresh("a record", root, &out, today);

    // The same bytes, now committed: only git's history changed.
    r.commit(SECRETARY, "2022-09-20", "wording");
    rebuilt_equals_fresh("a new commit", root, &out, today);

    r.edit(
        &format!("{G}/proposals/2022-001.en.md"),
        "An elevator for Building 3",
        "A lift for Building 3",
    );
    rebuilt_equals_fresh("a translation", root, &out, today);

    r.edit(
        "themes/default/templates/base.html",
        "<footer class=\"site-footer\">",
        "<footer class=\"site-footer\"><p>Grid councils of the street</p>",
    );
    rebuilt_equals_fresh("a template", root, &out, today);

    r.edit(
        "themes/default/i18n/en.toml",
        "skip = \"Skip to content\"",
        "skip = \"Skip to the content\"",
    );
    rebuilt_equals_fresh("the theme's strings", root, &out, today);

    let css = r.read("themes/default/static/style.css");
    r.write(
        "themes/default/static/style.css",
        css + "\nmain { margin: 0 }\n",
    );
    rebuilt_equals_fresh("a theme's static file", root, &out, today);

    r.edit("static/robots.txt", "User-agent", "User-Agent");
    rebuilt_equals_fresh("a static file of the site", root, &out, today);

    r.edit(
        "site.toml",
        "description = \"A small site for the tests.\"",
        "description = \"A small site for the tests, changed.\"",
    );
    rebuilt_equals_fresh("site.toml", root, &out, today);

    rebuilt_equals_fresh("--today", root, &out, "2022-11-15");

    r.remove(&format!("{G}/proposals/2022-001.en.md"));
    rebuilt_equals_fresh("a removed translation", root, &out, "2022-11-15");
}

#[test]
fn a_corrupt_or_foreign_cache_and_an_output_changed_by_hand_are_not_trusted() {
    let r = site();
    let root = r.path();
    let dir = tempfile::tempdir().unwrap();
    let (out, other) = (dir.path().join("out"), dir.path().join("other"));
    let today = "2022-10-01";
    build(root, &out, today);
    settle();
    build(root, &out, today);
    build(root, &other, today);
    let want = fresh(root, today);
    let cache = out.join(".council-cache");
    let good = std::fs::read(&cache).unwrap();

    // Damaged cache files: ignored, the site is rendered again.
    for bad in [&b"not json"[..], &good[..good.len() / 2], b""] {
        std::fs::write(&cache, bad).unwrap();
        let err = build(root, &out, today);
        assert!(!err.contains(CACHED), "{err}");
        assert!(site_of(&out) == want);
    }
    let flipped = String::from_utf8(std::fs::read(&cache).unwrap())
        .unwrap()
        .replacen("\"key\":\"", "\"key\":\"0", 1);
    std::fs::write(&cache, flipped).unwrap();
    let err = build(root, &out, today);
    assert!(!err.contains(CACHED), "{err}");

    // Another output's cache, for the very same inputs: it does not describe this folder.
    std::fs::copy(other.join(".council-cache"), &cache).unwrap();
    let err = build(root, &out, today);
    assert!(!err.contains(CACHED), "{err}");
    assert!(build(root, &out, today).contains(CACHED));

    // The output changed by hand: a page edited (same size), a page removed, a file added.
    let home = out.join("index.html");
    let mut bytes = std::fs::read(&home).unwrap();
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    std::fs::write(&home, bytes).unwrap();
    let err = build(root, &out, today);
    assert!(!err.contains(CACHED), "{err}");
    assert_eq!(written(&err), 1, "{err}");
    assert!(site_of(&out) == want);

    std::fs::remove_file(out.join("en/index.html")).unwrap();
    std::fs::write(out.join("en/notes.txt"), "mine").unwrap();
    let err = build(root, &out, today);
    assert!(!err.contains(CACHED), "{err}");
    assert!(site_of(&out) == want);
    assert!(build(root, &out, today).contains(CACHED));
}
