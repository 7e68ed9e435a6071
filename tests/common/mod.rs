//! Helpers shared by the integration tests: fixture sites in temporary folders and the real
//! `council` binary.

#![allow(dead_code)]

pub mod git;
pub mod server;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The fixed day every fixture is checked as of.
pub const TODAY: &str = "2022-10-01";

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies `from` into `to`, file by file, replacing what is there.
pub fn overlay(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A temporary site: the base fixture with `overlays` (folders under tests/fixtures)
/// copied over it in order.
pub fn site(overlays: &[&str]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    overlay(&fixtures().join("base"), dir.path());
    for o in overlays {
        overlay(&fixtures().join(o), dir.path());
    }
    dir
}

/// Writes `text` at `rel` inside `root`, creating folders.
pub fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// The real binary, speaking English whatever the machine's locale (most tests read its
/// English words; `council_in` chooses).
pub fn council() -> Command {
    council_in("en")
}

/// The real binary with `COUNCIL_LANG` set to `lang`.
pub fn council_in(lang: &str) -> Command {
    let mut c = council_bare();
    c.env("COUNCIL_LANG", lang);
    c
}

/// The real binary with no language in its environment (no `COUNCIL_LANG`, no locale): the
/// tests of the order of language selection set what they need.
pub fn council_bare() -> Command {
    let mut c = Command::cargo_bin("council").unwrap();
    c.env("NO_COLOR", "1");
    for var in ["COUNCIL_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(var);
    }
    c
}

/// `council check --format json --today TODAY` on `root`: exit code and findings.
pub fn check_json(root: &Path) -> (i32, Vec<serde_json::Value>) {
    let out = council()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(root)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (code, v.as_array().unwrap().clone())
}

/// `rule file:line` for each finding (`rule file` when it has no line).
pub fn places(diags: &[serde_json::Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| match d["line"].as_u64() {
            Some(l) => format!(
                "{} {}:{}",
                d["rule"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                l
            ),
            None => format!(
                "{} {}",
                d["rule"].as_str().unwrap(),
                d["file"].as_str().unwrap()
            ),
        })
        .collect()
}

/// The base fixture with the `sites/states` overlay: a matter in every state, both flags,
/// translations, content pages, an attachment and a static file.
pub fn states_site() -> TempDir {
    site(&["sites/states"])
}

/// `council build --today TODAY -o <out> <root>`: exit code and stderr.
pub fn build(root: &Path, out: &Path) -> (i32, String) {
    let o = council()
        .args(["build", "--today", TODAY, "-o"])
        .arg(out)
        .arg(root)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Whether `e` is council's render cache of an output folder (`.council-cache`): it records
/// the folder's own inodes and times, so two folders of the same site never share it, and a
/// build that only refreshes it has not changed the site.
fn is_render_cache(e: &walkdir::DirEntry) -> bool {
    e.depth() == 1
        && e.file_name()
            .to_string_lossy()
            .starts_with(".council-cache")
}

/// Every file under `dir` (without council's render cache): relative path → bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && !is_render_cache(e))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Every file under `dir` (without council's render cache): relative path → modification
/// time.
pub fn mtimes(dir: &Path) -> std::collections::BTreeMap<String, std::time::SystemTime> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && !is_render_cache(e))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, e.metadata().unwrap().modified().unwrap())
        })
        .collect()
}

/// The `<main>…</main>` of an HTML page.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    &html[start..end]
}

/// Writes proposals `2022-<i>` for each `i` in `ids` (three digits) to the base fixture's
/// council, where there is none yet, and a meeting on `date` that adopts all of them.
pub fn adopt_many(root: &Path, ids: std::ops::RangeInclusive<u32>, date: &str) {
    let mut items = String::new();
    for i in ids {
        let proposal = format!("councils/demo/grid-01/proposals/2022-{i}.md");
        if !root.join(&proposal).exists() {
            write(
                root,
                &proposal,
                format!(
                    "+++\ntitle = \"第{i}号议题\"\nsubmitted = 2022-05-02\nproposer = \"居民\"\nchannel = \"visit\"\ncategory = \"其他\"\n+++\n\n正文。\n"
                ),
            );
        }
        items.push_str(&format!(
            "\n[[items]]\nproposal = \"2022-{i}\"\naction = \"decide\"\noutcome = \"adopted\"\nvotes = {{ yes = 5, no = 0, abstain = 0 }}\nowner = \"社区居委会\"\ndue = 2099-12-31\n"
        ));
    }
    write(
        root,
        &format!("councils/demo/grid-01/meetings/{date}.md"),
        format!(
            "+++\ndate = {date}\ntitle = \"例会\"\nchair = \"wang-li\"\nrecorder = \"zhang-hua\"\npresent = [\"wang-li\", \"zhang-hua\", \"li-ming\", \"chen-jing\", \"zhao-gang\"]\n{items}+++\n\n逐项表决。\n"
        ),
    );
}

/// Whether an outside tool that a test drives (chromium, python's icalendar, zbarimg…) is
/// here. When it is not, the test skips with a message, unless `COUNCIL_REQUIRE_BROWSER` is
/// set (CI sets it, after installing them all): then it fails.
pub fn outside_tool(name: &str, available: bool) -> bool {
    if !available {
        assert!(
            std::env::var_os("COUNCIL_REQUIRE_BROWSER").is_none(),
            "{name} is required here (COUNCIL_REQUIRE_BROWSER is set) but not installed; .ci/run installs it"
        );
        eprintln!("SKIPPED: {name} is not installed; .ci/run installs it");
    }
    available
}

/// Whether `program args…` runs and exits 0.
pub fn runs(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Debian's chromium (or another Chrome) where the machine has one.
pub fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// The day the demo site (the repository's own `site.toml` and `councils/`) is built as of.
pub const DEMO_TODAY: &str = "2026-11-25";

/// Builds the demo site into a temporary folder; returns it and the output folder in it.
pub fn build_demo() -> (TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let public = tmp.path().join("public");
    let built = council()
        .args(["build", "--today", DEMO_TODAY, "-o"])
        .arg(&public)
        .arg(root)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    (tmp, public)
}

/// The base fixture and the text of its file `rel`.
pub fn base_with(rel: &str) -> (tempfile::TempDir, String) {
    let site = site(&[]);
    let text = std::fs::read_to_string(site.path().join(rel)).unwrap();
    (site, text)
}

/// Asserts that the findings `found` (as `places` gives them) hold each of `expected`.
pub fn assert_found(found: &[String], expected: impl IntoIterator<Item = String>) {
    for e in expected {
        assert!(found.contains(&e), "{e} not in {found:?}");
    }
}

/// Builds `root` into a new folder, which must succeed: the folder and the output in it.
pub fn build_ok(root: &std::path::Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, stderr) = build(root, &public);
    assert_eq!(code, 0, "{stderr}");
    (out, public)
}

/// The demo city (demo-city/city.toml) aggregated as of [`DEMO_TODAY`] from the demo street
/// and the demo city's second street, each built first; returns the city's folder (its
/// output in `public/`) and the aggregate's stderr.
pub fn build_demo_city() -> (TempDir, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    for (site, out) in [
        (root.to_path_buf(), "a"),
        (root.join("demo-city/streets/dengzhou-road"), "b"),
    ] {
        let built = council()
            .args(["build", "--today", DEMO_TODAY, "-o"])
            .arg(tmp.path().join(out))
            .arg(&site)
            .output()
            .unwrap();
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
    }
    let city = std::fs::read_to_string(root.join("demo-city/city.toml"))
        .unwrap()
        .replace("site = \"../public\"", "site = \"a\"")
        .replace("site = \"streets/dengzhou-road/public\"", "site = \"b\"");
    write(tmp.path(), "city.toml", city);
    let o = council()
        .arg("aggregate")
        .arg(tmp.path())
        .args(["--today", DEMO_TODAY])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{err}");
    (tmp, err)
}
