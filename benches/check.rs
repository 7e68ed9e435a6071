//! `cargo bench --bench check [-- --matters N --runs K --v1]`: times `council check` (the release
//! binary, as a user runs it) on a synthetic site of N matters (default 10,000) with their
//! meetings and reports. Prints the median, minimum and maximum wall time, the median CPU
//! seconds (user + system) and the peak resident memory over K runs (default 10), after one
//! warm-up run. The site is generated once under target/bench-sites/ (`--v1`: the site
//! without referrals and return visits, as before SPEC v2).

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
    run();
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..runs {
        let (c0, _) = synth::rusage_children();
        let t = Instant::now();
        run();
        wall.push(t.elapsed().as_secs_f64());
        cpu.push(synth::rusage_children().0 - c0);
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
}
