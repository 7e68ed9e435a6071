//! `cargo bench --bench check [-- --matters N --runs K --v1]`: times `council check` (the release
//! binary, as a user runs it) on a synthetic site of N matters (default 10,000) with their
//! meetings and reports. Prints the median, minimum and maximum wall time, the median CPU
//! seconds (user + system) and the peak resident memory over K runs (default 10), after one
//! warm-up run. The site is generated once under target/bench-sites/ (`--v1`: the site
//! without referrals and return visits, as before SPEC v2).
//!
//! `--floor`: also, in turn with each check, the floor of just reading the files (in this
//! process: walking the site's folders in order, then reading every file on two threads, as
//! `check` reads them), with its wall and CPU seconds.

mod synth;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn main() {
    let matters: usize = synth::arg("--matters")
        .map(|m| m.parse().unwrap())
        .unwrap_or(10_000);
    let runs: usize = synth::arg("--runs")
        .map(|m| m.parse().unwrap())
        .unwrap_or(10);

    let site = synth::site(&PathBuf::from(env!("CARGO_MANIFEST_DIR")), matters);
    let files = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter(|e| e.as_ref().is_ok_and(|e| e.file_type().is_file()))
        .count();
    let bytes: u64 = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();

    let bin = env!("CARGO_BIN_EXE_council");
    let run = || {
        let out = Command::new(bin)
            .args(["check", "--format", "json", "--today", synth::TODAY])
            .arg(&site)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "the synthetic site must be valid: {}",
            String::from_utf8_lossy(&out.stdout)
                .chars()
                .take(2000)
                .collect::<String>()
        );
        // The v1 site has no return visits: as of 2030 every final matter lacks one
        // (`feedback-missing`, a warning). The site of today is clean.
        if !std::env::args().any(|a| a == "--v1") {
            assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
        }
    };
    let with_floor = std::env::args().any(|a| a == "--floor");
    run();
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let (mut floor_wall, mut floor_cpu) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let (c0, _) = synth::rusage_children();
        let t = Instant::now();
        run();
        wall.push(t.elapsed().as_secs_f64());
        cpu.push(synth::rusage_children().0 - c0);
        if with_floor {
            let c0 = self_cpu();
            let t = Instant::now();
            read_all(&site);
            floor_wall.push(t.elapsed().as_secs_f64());
            floor_cpu.push(self_cpu() - c0);
        }
    }
    let peak_mib = synth::rusage_children().1 as f64 / 1024.0;
    let (min, max) = (
        wall.iter().cloned().fold(f64::MAX, f64::min),
        wall.iter().cloned().fold(0.0, f64::max),
    );
    println!(
        "council check: {matters} matters, {files} files, {:.1} MB",
        bytes as f64 / 1e6
    );
    println!(
        "  wall median {:.3} s (min {min:.3}, max {max:.3}), CPU median {:.3} s, peak RSS {peak_mib:.0} MiB, {runs} runs",
        synth::median(wall.clone()),
        synth::median(cpu.clone())
    );
    if with_floor {
        println!(
            "  floor (walk, then read every file on two threads): wall median {:.3} s, CPU median {:.3} s; check / floor: wall {:.2}x",
            synth::median(floor_wall.clone()),
            synth::median(floor_cpu),
            synth::median(wall) / synth::median(floor_wall)
        );
    }
}

/// CPU seconds (user + system) of this process so far.
fn self_cpu() -> f64 {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage only writes into the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(ru.ru_utime) + secs(ru.ru_stime)
}

/// Walks the site's folders (sorted, as `check` does) and reads every file on two threads.
fn read_all(site: &std::path::Path) {
    use rayon::prelude::*;
    let files: Vec<PathBuf> = walkdir::WalkDir::new(site)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let bytes: usize = files
        .par_iter()
        .map(|f| std::fs::read(f).map(|b| b.len()).unwrap_or(0))
        .sum();
    assert!(bytes > 0);
}
