//! Issue 13, item 3: `/data/manifest.json` and `/transparency/` cover everything that shapes
//! the output (theme overrides and `static/` included) and name every published source that
//! the commit does not hold as it was published — whatever git was told to ignore or not to
//! look at, which `git status` does not show.

mod common;

use std::process::Command;

use common::git::*;
use common::*;

/// Builds the site of `r`: the output folder, the manifest and the Chinese transparency page.
fn built(r: &Repo) -> (tempfile::TempDir, serde_json::Value, String) {
    let out = tempfile::tempdir().unwrap();
    let (code, err) = build(r.path(), out.path());
    assert_eq!(code, 0, "{err}");
    let manifest =
        serde_json::from_slice(&std::fs::read(out.path().join("data/manifest.json")).unwrap())
            .unwrap();
    let page = std::fs::read_to_string(out.path().join("transparency/index.html")).unwrap();
    (out, manifest, main_of(&page).to_string())
}

fn uncommitted(manifest: &serde_json::Value) -> Vec<(String, String)> {
    manifest["uncommitted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["path"].as_str().unwrap().to_string(),
                u["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn listed(manifest: &serde_json::Value, path: &str) -> bool {
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == path)
}

fn proposal(title: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nsubmitted = 2022-09-20\nproposer = \"居民\"\nchannel = \"visit\"\n+++\n\n正文。\n"
    )
}

#[test]
fn ignored_and_excluded_records_that_are_published_are_named() {
    let (r, commits) = clean_repo();
    let (p3, p4) = (
        format!("{G}/proposals/2022-003.md"),
        format!("{G}/proposals/2022-004.md"),
    );
    r.write(".gitignore", format!("{p3}\n"));
    r.commit(SECRETARY, "2022-09-22", "ignore");
    r.write(".git/info/exclude", format!("{p4}\n"));
    r.write(&p3, proposal("忽略的议题"));
    r.write(&p4, proposal("排除的议题"));
    assert_eq!(r.git(&["status", "--porcelain"]), "", "git shows nothing");
    let (out, manifest, page) = built(&r);
    assert!(
        out.path()
            .join("councils/demo/grid-01/proposals/2022-003/index.html")
            .exists()
    );
    assert_eq!(
        uncommitted(&manifest),
        [
            (p3.clone(), "ignored".into()),
            (p4.clone(), "ignored".into())
        ]
    );
    assert!(listed(&manifest, &p3) && listed(&manifest, &p4));
    assert!(page.contains(&p3) && page.contains(&p4), "{page}");
    assert!(page.contains("git 被设置为忽略它"), "{page}");
    assert!(page.contains("仅凭这个提交无法重现本站"), "{page}");
    assert!(!page.contains("本站生成自提交<"), "no plain claim: {page}");
    assert_ne!(manifest["commit"], commits[4].as_str(), "HEAD moved on");
}

#[test]
fn files_git_is_told_not_to_look_at_are_named() {
    let (r, _) = clean_repo();
    let (p1, p2) = (
        format!("{G}/proposals/2022-001.md"),
        format!("{G}/proposals/2022-002.md"),
    );
    r.git(&["update-index", "--assume-unchanged", &p1]);
    r.git(&["update-index", "--skip-worktree", &p2]);
    r.edit(&p1, "加装电梯", "加装两部电梯");
    r.edit(&p2, "采光。", "采光，夏季尤甚。");
    assert_eq!(r.git(&["status", "--porcelain"]), "", "git shows nothing");
    let (_, manifest, page) = built(&r);
    assert_eq!(
        uncommitted(&manifest),
        [
            (p1.clone(), "assume-unchanged".into()),
            (p2.clone(), "skip-worktree".into())
        ]
    );
    assert!(page.contains("assume-unchanged") && page.contains("skip-worktree"));
}

#[test]
fn theme_overrides_and_static_files_are_sources() {
    let (r, _) = clean_repo();
    let (css, template, robots) = (
        "themes/default/static/extra.css",
        "themes/default/templates/404.html",
        "static/robots-notes.txt",
    );
    r.write(css, "body { color: #222; }\n");
    r.write(
        template,
        "{% extends \"base.html\" %}{% block main %}<h1>找不到这一页</h1>{% endblock %}\n",
    );
    r.write(robots, "notes\n");
    r.commit(SECRETARY, "2022-09-22", "theme and static");
    let (out, manifest, page) = built(&r);
    for p in [css, template, robots] {
        assert!(listed(&manifest, p), "{p} is a source");
    }
    assert_eq!(uncommitted(&manifest), Vec::<(String, String)>::new());
    assert!(
        std::fs::read_to_string(out.path().join("404.html"))
            .unwrap()
            .contains("找不到这一页")
    );
    // The page's recipe gives the manifest's hash.
    assert!(page.contains("themes/default"), "{page}");
    let script = "find site.toml councils content static themes/default -type f ! -name '.*' ! -name '*~' -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum";
    let sum = run(Command::new("sh")
        .args(["-c", script])
        .current_dir(r.path()));
    assert_eq!(manifest["manifest"], sum.split(' ').next().unwrap());
    // An override changed and not committed is named: it changes every page.
    r.edit(template, "找不到这一页", "页面不存在");
    let (_, manifest, _) = built(&r);
    assert_eq!(
        uncommitted(&manifest),
        [(template.to_string(), "modified".into())]
    );
}

#[test]
fn a_new_folder_is_named_once_and_a_record_deleted_but_not_committed_too() {
    let (r, _) = clean_repo();
    let g2 = "councils/demo/grid-02";
    r.write(
        &format!("{g2}/council.toml"),
        r.read(&format!("{G}/council.toml")),
    );
    r.write(
        &format!("{g2}/proposals/2022-001.md"),
        proposal("新网格的议题"),
    );
    r.write(
        &format!("{g2}/proposals/2022-002.md"),
        proposal("另一个议题"),
    );
    r.remove(&format!("{G}/proposals/2022-002.md"));
    let (_, manifest, _) = built(&r);
    assert_eq!(
        uncommitted(&manifest),
        [
            (format!("{G}/proposals/2022-002.md"), "deleted".into()),
            (format!("{g2}/"), "untracked".into()),
        ]
    );
}

#[test]
fn the_manifest_states_what_a_rebuild_needs() {
    let (r, commits) = clean_repo();
    let out = tempfile::tempdir().unwrap();
    let o = council()
        .args([
            "build",
            "--today",
            TODAY,
            "--base-url",
            "https://records.example.net/street",
            "-o",
        ])
        .arg(out.path())
        .arg(r.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("data/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["commit"], commits[4].as_str());
    assert_eq!(manifest["as_of"], TODAY);
    assert_eq!(manifest["base_url"], "https://records.example.net/street/");
    assert_eq!(manifest["history"], true);
    assert_eq!(manifest["theme"], "default");
    assert_eq!(
        manifest["generator"],
        format!("council {}", env!("CARGO_PKG_VERSION")).as_str()
    );
}
