//! `cargo bench --bench build [-- --matters 1000,10000,50000 --runs 3 --zola PATH]`:
//! `council build` against Zola on the same records, side by side, on the real disk
//! (target/bench-out/), fresh output and rebuild. See docs/benchmarks.md. `--languages 1`:
//! the site in Chinese only; `--root DIR`: sites and outputs under DIR (a tmpfs) instead of
//! target/.
//!
//! The synthetic council site is generated once per size under target/bench-sites/; the
//! equal Zola site (one page per record, the same Markdown bodies, minimal templates) is
//! derived from it. Zola is not part of this project: build it from its source elsewhere and
//! pass its binary with `--zola` (or `ZOLA=`); without it only council is measured.
//! Every run is timed by /usr/bin/time (wall, user+system CPU, peak RSS of that process).

mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    wall: f64,
    cpu: f64,
    rss_mib: f64,
}

/// Runs `cmd` under /usr/bin/time; returns its measurements and stderr.
fn timed(cmd: &mut Command) -> (Run, String) {
    let prog = cmd.get_program().to_owned();
    let args: Vec<_> = cmd.get_args().map(|a| a.to_owned()).collect();
    let mut t = Command::new("/usr/bin/time");
    t.arg("-f").arg("TIME %e %U %S %M").arg(prog).args(args);
    if let Some(d) = cmd.get_current_dir() {
        t.current_dir(d);
    }
    let out = t.output().expect("/usr/bin/time runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    let line = err
        .lines()
        .rev()
        .find(|l| l.starts_with("TIME "))
        .expect("time's line");
    let v: Vec<f64> = line[5..].split(' ').map(|x| x.parse().unwrap()).collect();
    (
        Run {
            wall: v[0],
            cpu: v[1] + v[2],
            rss_mib: v[3] / 1024.0,
        },
        err,
    )
}

/// Moves an old output out of the way without deleting it. On this machine's ext4 (no
/// journal), creating a file skips every inode freed in the last 60 seconds, one by one:
/// a fresh build right after deleting a large output pays for the deletion. Real first
/// builds do not follow a mass deletion, so the old outputs go to a trash folder that is
/// emptied before the first measurement and after the last.
fn discard(dir: &Path, trash: &Path) {
    if synth::arg("--root").is_some() {
        // On a tmpfs (`--root`), deleting costs the next build nothing, and memory is short.
        let _ = std::fs::remove_dir_all(dir);
        return;
    }
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if dir.exists() {
        std::fs::create_dir_all(trash).unwrap();
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        std::fs::rename(dir, trash.join(n.to_string())).unwrap();
    }
}

/// Lets the disk finish writing what came before, so that its work does not land in the
/// next measurement.
fn settle() {
    if synth::arg("--root").is_some() {
        return; // a tmpfs has no disk to wait for
    }
    let _ = Command::new("sync").status();
    std::thread::sleep(std::time::Duration::from_secs(5));
}

fn summarise(name: &str, n: usize, mode: &str, pages: usize, runs: &[Run]) {
    let wall = synth::median(runs.iter().map(|r| r.wall).collect());
    let cpu = synth::median(runs.iter().map(|r| r.cpu).collect());
    let rss = runs.iter().map(|r| r.rss_mib).fold(0.0, f64::max);
    let (lo, hi) = (
        runs.iter().map(|r| r.wall).fold(f64::MAX, f64::min),
        runs.iter().map(|r| r.wall).fold(0.0, f64::max),
    );
    println!(
        "| {n} | {name} | {mode} | {pages} | {wall:.2} ({lo:.2}–{hi:.2}) | {cpu:.2} | {rss:.0} | {:.0} |",
        pages as f64 / wall
    );
}

fn count_pages(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() == "index.html")
        .count()
}

fn main() {
    let sizes: Vec<usize> = synth::arg("--matters")
        .unwrap_or_else(|| "1000,10000,50000".into())
        .split(',')
        .map(|s| s.parse().unwrap())
        .collect();
    let runs: usize = synth::arg("--runs")
        .map(|r| r.parse().unwrap())
        .unwrap_or(3);
    let zola = synth::arg("--zola")
        .or_else(|| std::env::var("ZOLA").ok())
        .map(PathBuf::from);
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let council = env!("CARGO_BIN_EXE_council");

    println!(
        "| matters | tool | build | pages | wall s median (min–max) | CPU s | peak RSS MiB | pages/s |"
    );
    println!("|---:|---|---|---:|---|---:|---:|---:|");
    let bench_root = synth::bench_root(&manifest);
    let trash = bench_root.join("bench-trash");
    let _ = std::fs::remove_dir_all(&trash);
    for n in &sizes {
        let _ = std::fs::remove_dir_all(bench_root.join(format!("bench-out/council-{n}")));
        let _ = std::fs::remove_dir_all(
            synth::beside(&synth::site(&manifest, *n), "zola").join("public"),
        );
    }
    if synth::arg("--root").is_none() {
        eprintln!("waiting 65 s for the file system to forget the deleted outputs");
        settle();
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
    let mut ratios = Vec::new();
    for n in sizes {
        let site = synth::site(&manifest, n);
        let out = bench_root.join(format!("bench-out/council-{n}"));
        let council_build = || {
            let mut c = Command::new(council);
            c.args(["build", "--lang", "en", "--today", synth::TODAY, "-o"])
                .arg(&out)
                .arg(&site);
            c
        };
        let zsite = synth::beside(&site, "zola");
        if zola.is_some() && !zsite.join("config.toml").exists() {
            let tmp = zsite.with_extension("tmp");
            let _ = std::fs::remove_dir_all(&tmp);
            synth::zola_site(&site, &tmp);
            std::fs::rename(&tmp, &zsite).unwrap();
        }
        let zola_build = |z: &Path| {
            let mut c = Command::new(z);
            c.arg("build").current_dir(&zsite);
            c
        };
        // Fresh builds alternate (council, Zola, council, Zola…) so that the disk's
        // changing speed hits both; each starts from a deleted output and a synced disk.
        let (mut fresh, mut zfresh) = (Vec::new(), Vec::new());
        let mut pages = 0;
        for _ in 0..runs {
            discard(&out, &trash);
            settle();
            let (r, err) = timed(&mut council_build());
            pages = err
                .lines()
                .find_map(|l| {
                    l.strip_prefix("built ")
                        .and_then(|l| l.split(' ').next())
                        .and_then(|p| p.parse().ok())
                })
                .unwrap_or(0);
            fresh.push(r);
            if let Some(z) = &zola {
                discard(&zsite.join("public"), &trash);
                settle();
                zfresh.push(timed(&mut zola_build(z)).0);
            }
        }
        let (mut rebuild, mut zrebuild) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            rebuild.push(timed(&mut council_build()).0);
            if let Some(z) = &zola {
                zrebuild.push(timed(&mut zola_build(z)).0);
            }
        }
        summarise("council", n, "fresh", pages, &fresh);
        summarise("council", n, "rebuild", pages, &rebuild);
        if zola.is_some() {
            let zpages = count_pages(&zsite.join("public"));
            summarise("zola", n, "fresh", zpages, &zfresh);
            summarise("zola", n, "rebuild", zpages, &zrebuild);
            // Each council run against the Zola run beside it: pages per second, paired.
            let paired = |c: &[Run], z: &[Run]| {
                synth::median(
                    c.iter()
                        .zip(z)
                        .map(|(c, z)| (pages as f64 / c.wall) / (zpages as f64 / z.wall))
                        .collect(),
                )
            };
            let cpu_per_page = |runs: &[Run], p: usize| {
                synth::median(runs.iter().map(|r| r.cpu).collect()) / p as f64 * 1000.0
            };
            ratios.push(format!(
                "| {n} | {:.2}x | {:.2}x | {:.2} ms vs {:.2} ms | {:.2}x |",
                paired(&rebuild, &zrebuild),
                paired(&fresh, &zfresh),
                cpu_per_page(&fresh, pages),
                cpu_per_page(&zfresh, zpages),
                fresh.iter().map(|r| r.rss_mib).fold(0.0, f64::max)
                    / zfresh.iter().map(|r| r.rss_mib).fold(0.0, f64::max),
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&trash);
    if !ratios.is_empty() {
        println!();
        println!(
            "| matters | pages/s rebuild (paired median) | pages/s fresh (paired median) | CPU per page, fresh | peak memory |"
        );
        println!("|---:|---:|---:|---:|---:|");
        for r in ratios {
            println!("{r}");
        }
    }
}
