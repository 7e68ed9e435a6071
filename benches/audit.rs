//! `cargo bench --bench audit [-- --matters 1000 --commits 10000 --runs 5]`: `council audit`
//! over a synthetic history against `git log --name-status` over the same repository (the
//! floor: git reading the same commits and diffing the same trees), and `council log` of one
//! matter against the audit. Runs alternate (audit, git log, log), so that a busy machine
//! slows all three alike; wall and CPU seconds are medians, ratios are medians of the CPU
//! ratios of each round. See docs/benchmarks.md.
//!
//! The history is written with `git fast-import` from the synthetic site: first every record
//! in the order of its date (one commit each, by its council's secretary, the day after),
//! then edits of proposals' texts and reports' progress until there are `--commits` commits.

mod synth;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn files(site: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(site)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    v.sort();
    v
}

/// The date a record is about (submitted or date), from its front matter.
fn record_date(text: &[u8]) -> String {
    let t = String::from_utf8_lossy(text);
    for l in t.lines() {
        for key in ["submitted = ", "date = ", "established = "] {
            if let Some(d) = l.strip_prefix(key) {
                return d.trim().to_string();
            }
        }
    }
    "2019-12-01".into()
}

fn make_history(site: &Path, repo: &Path, commits: usize) {
    let _ = std::fs::remove_dir_all(repo);
    std::fs::create_dir_all(repo).unwrap();
    let git = |args: &[&str]| {
        assert!(
            Command::new("git")
                .args(args)
                .current_dir(repo)
                .status()
                .unwrap()
                .success()
        );
    };
    git(&["init", "-q", "-b", "main"]);
    let mut all = files(site);
    // Councils and site.toml first, then records in date order.
    all.sort_by_key(|(p, t)| {
        let d = if p.ends_with(".toml") {
            "0000".to_string()
        } else {
            record_date(t)
        };
        (d, p.clone())
    });
    let mut fi = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(repo)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut w = std::io::BufWriter::new(fi.stdin.take().unwrap());
    let day = |d: &str| -> i64 {
        let date: jiff::civil::Date = d.parse().unwrap_or("2020-01-01".parse().unwrap());
        date.to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp()
            .as_second()
    };
    let mut n = 0;
    let mut last_time = day("2019-12-02");
    let commit = |w: &mut std::io::BufWriter<std::process::ChildStdin>,
                  path: &str,
                  data: &[u8],
                  time: i64,
                  n: &mut usize,
                  last_time: &mut i64| {
        let time = time.max(*last_time + 60);
        *last_time = time;
        let msg = format!("update {path}");
        write!(w, "commit refs/heads/main\ncommitter 李建国 <m02@example.org> {time} +0800\ndata {}\n{msg}\n", msg.len()).unwrap();
        write!(w, "M 100644 inline {path}\ndata {}\n", data.len()).unwrap();
        w.write_all(data).unwrap();
        writeln!(w).unwrap();
        *n += 1;
    };
    for (path, data) in &all {
        let t = day(&record_date(data)) + 86_400;
        commit(&mut w, path, data, t, &mut n, &mut last_time);
    }
    // Edits until the wanted number of commits: proposals' texts and reports' progress.
    let editable: Vec<&(String, Vec<u8>)> = all
        .iter()
        .filter(|(p, _)| p.contains("/proposals/"))
        .collect();
    let mut i = 0;
    while n < commits {
        let (path, data) = editable[i % editable.len()];
        let mut text = data.clone();
        text.extend_from_slice(format!("\n补充说明第{i}条。\n").as_bytes());
        let next = last_time + 3600;
        commit(&mut w, path, &text, next, &mut n, &mut last_time);
        i += 1;
    }
    drop(w);
    assert!(fi.wait().unwrap().success());
    git(&["checkout", "-q", "-f", "main"]);
}

fn main() {
    let matters: usize = synth::arg("--matters")
        .map(|m| m.parse().unwrap())
        .unwrap_or(1000);
    let commits: usize = synth::arg("--commits")
        .map(|m| m.parse().unwrap())
        .unwrap_or(10_000);
    let runs: usize = synth::arg("--runs")
        .map(|m| m.parse().unwrap())
        .unwrap_or(5);
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let site = synth::site(&manifest, matters);
    let repo = synth::beside(&site, &format!("history-{commits}"));
    if !repo.join(".git").exists() {
        make_history(&site, &repo, commits);
    }
    let count = String::from_utf8(
        Command::new("git")
            .args(["rev-list", "--count", "HEAD"])
            .current_dir(&repo)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();

    // One matter of the first council, for `council log`.
    let matter = first_matter(&site);
    let council = env!("CARGO_BIN_EXE_council");
    let audit = || {
        let mut c = Command::new(council);
        c.arg("audit").arg(&repo);
        c
    };
    let git_log = || {
        let mut c = Command::new("git");
        c.args(["log", "--name-status"]).current_dir(&repo);
        c
    };
    let log = || {
        let mut c = Command::new(council);
        c.args(["log", &matter]).arg(&repo);
        c
    };
    // Warm-up: the repository in the page cache.
    for mut c in [audit(), git_log(), log()] {
        time(&mut c);
    }
    let mut rounds: Vec<[(f64, f64); 3]> = Vec::new();
    for _ in 0..runs {
        rounds.push([time(&mut audit()), time(&mut git_log()), time(&mut log())]);
    }
    let col = |i: usize, cpu: bool| {
        synth::median(
            rounds
                .iter()
                .map(|r| if cpu { r[i].1 } else { r[i].0 })
                .collect(),
        )
    };
    let ratio =
        |a: usize, b: usize| synth::median(rounds.iter().map(|r| r[a].1 / r[b].1).collect());
    println!(
        "history of {} commits over {matters} matters ({runs} rounds)",
        count.trim()
    );
    for (i, name) in [
        "council audit",
        "git log --name-status",
        &format!("council log {matter}"),
    ]
    .iter()
    .enumerate()
    {
        println!(
            "{name}: wall median {:.3} s, CPU median {:.3} s",
            col(i, false),
            col(i, true)
        );
    }
    println!(
        "CPU ratios (median of rounds): audit / git log {:.2}x; log / audit {:.2}x",
        ratio(0, 1),
        ratio(2, 0)
    );
}

/// Runs a command to its end: (wall seconds, CPU seconds).
fn time(cmd: &mut Command) -> (f64, f64) {
    let (cpu0, _) = synth::rusage_children();
    let t = Instant::now();
    let out = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(out.success() || out.code() == Some(1), "{cmd:?} failed");
    let wall = t.elapsed().as_secs_f64();
    (wall, synth::rusage_children().0 - cpu0)
}

/// `<council key>/<id>` of the first proposal of the first council of the site.
fn first_matter(site: &Path) -> String {
    let mut proposals: Vec<PathBuf> = walkdir::WalkDir::new(site.join("councils"))
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("proposals")))
        .collect();
    proposals.sort();
    let first = &proposals[0];
    let key = first
        .parent()
        .and_then(|d| d.parent())
        .and_then(|d| d.strip_prefix(site.join("councils")).ok())
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let id = first.file_stem().unwrap().to_string_lossy();
    format!("{key}/{id}")
}
