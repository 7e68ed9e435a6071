//! `cargo bench --bench search [-- --matters 10000 --runs 5]`: the static search index of
//! SPEC §9 on a synthetic street (see docs/benchmarks.md).
//!
//! 1. What indexing adds to a build: the whole build (check, render, write; output on tmpfs so
//!    that the disk's noise stays out), and, on the same site, making the index (collecting
//!    the documents, tokenising, encoding) and writing its files, each timed in this process.
//! 2. What a resident's query costs in Chromium: the built site is served over HTTP on
//!    127.0.0.1 and `tests/browser/drive.mjs` loads `/search/?q=…` in a fresh browser context
//!    per run, recording the bytes fetched from `/search/` and the time from navigation to the
//!    first result on screen (the page's `first-result` mark).
//!
//! Needs `npm ci --prefix tests/browser` (as .ci/run does) and chromium for part 2.

mod synth;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// CPU seconds (user + system) of this process so far.
fn cpu_seconds() -> f64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(u.ru_utime) + t(u.ru_stime)
}

/// Runs `f`, returning its result, wall seconds and CPU seconds.
fn measure<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (c0, w0) = (cpu_seconds(), Instant::now());
    let out = f();
    (out, w0.elapsed().as_secs_f64(), cpu_seconds() - c0)
}

fn main() {
    let queries_only = std::env::args().any(|a| a == "--queries-only");
    let n: usize = synth::arg("--matters")
        .map(|s| s.parse().expect("--matters N"))
        .unwrap_or(10_000);
    let runs: usize = synth::arg("--runs")
        .map(|s| s.parse().expect("--runs N"))
        .unwrap_or(5);
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = synth::site(manifest, n);
    let today: jiff::civil::Date = synth::TODAY.parse().unwrap();
    let shm = PathBuf::from("/dev/shm/council-search-bench");
    let _ = std::fs::remove_dir_all(&shm);

    // 1. Build against index.
    let (mut build_wall, mut build_cpu, mut index_wall, mut index_cpu, mut write_wall) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut index_stats = (0usize, 0usize, 0usize);
    for run in 0..runs {
        let out = shm.join(format!("build-{run}"));
        if queries_only && run + 1 < runs {
            continue;
        }
        let (built, wall, cpu) = measure(|| {
            council::site::build(&council::site::BuildOptions {
                path: site.clone(),
                output: Some(out.clone()),
                today: Some(today),
                base_url: None,
                progress: false,
                origin: None,
                lang: council::i18n::Lang::En,
            })
            .expect("build runs")
        });
        assert!(matches!(built, council::site::BuildOutcome::Built(..)));
        build_wall.push(wall);
        build_cpu.push(cpu);
        if run + 1 < runs {
            std::fs::remove_dir_all(&out).unwrap();
        }

        let checked = council::check::check(&council::check::CheckOptions {
            path: site.clone(),
            today: Some(today),
        })
        .unwrap();
        let look = council::site::Look::load(&checked.site).unwrap();
        let derived = council::site::Derived::new(&checked.site, &checked.timelines, today);
        let renderer = council::site::Renderer::new(&checked.site, &derived, &look, today, None);
        let (index, wall, cpu) = measure(|| renderer.search_index());
        index_wall.push(wall);
        index_cpu.push(cpu);
        let dir = shm.join(format!("index-{run}"));
        let ((), wall, _) = measure(|| {
            for (path, bytes) in &index.files {
                let p = dir.join(path);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, bytes).unwrap();
            }
        });
        write_wall.push(wall);
        std::fs::remove_dir_all(&dir).unwrap();
        let shards: Vec<usize> = index
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("p/"))
            .map(|(_, b)| b.len())
            .collect();
        let mut sorted = shards.clone();
        sorted.sort();
        index_stats = (
            index.files.len(),
            index.files.values().map(Vec::len).sum(),
            sorted[sorted.len() / 2],
        );
    }
    let m = |v: &Vec<f64>| synth::median(v.clone());
    if queries_only {
        println!("(--queries-only: one build, not measured against its index)\n");
    }
    println!("## search index, {n} matters, {runs} runs (medians)\n");
    println!(
        "| build wall s | build CPU s | index wall s | index CPU s | write index wall s | overhead (wall) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    let cost = m(&index_wall) + m(&write_wall);
    println!(
        "| {:.2} | {:.2} | {:.2} | {:.2} | {:.3} | {:.1}% |",
        m(&build_wall),
        m(&build_cpu),
        m(&index_wall),
        m(&index_cpu),
        m(&write_wall),
        100.0 * cost / (m(&build_wall) - cost)
    );
    println!(
        "\nindex: {} files, {:.1} MB, median shard {:.1} KB\n",
        index_stats.0,
        index_stats.1 as f64 / 1e6,
        index_stats.2 as f64 / 1024.0
    );

    // 2. Queries in Chromium.
    let public = shm.join(format!("build-{}", runs - 1));
    let driver = manifest.join("tests/browser/drive.mjs");
    if !Path::new("/usr/bin/chromium").exists()
        || !manifest.join("tests/browser/node_modules").exists()
    {
        eprintln!("SKIPPED queries: needs /usr/bin/chromium and `npm ci --prefix tests/browser`");
        return;
    }
    let port = 18000 + (std::process::id() % 1000) as u16;
    let mut server = Command::new("python3")
        .args([
            "-m",
            "http.server",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
        ])
        .current_dir(&public)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 -m http.server");
    std::thread::sleep(std::time::Duration::from_millis(800));
    let queries = [
        "电梯",
        "停车",
        "照明",
        "供水管",
        "无障碍",
        "垃圾分类",
        "口袋公园",
        "楼道照明",
        "elev",
    ];
    let searches: Vec<serde_json::Value> = queries
        .iter()
        .map(|q| serde_json::json!({ "path": "search/", "q": q }))
        .collect();
    let job = serde_json::json!({
        "chrome": "/usr/bin/chromium",
        "base": format!("http://127.0.0.1:{port}/"),
        "searches": searches,
        "runs": runs,
    });
    let mut node = Command::new("node")
        .arg(&driver)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    use std::io::Write as _;
    node.stdin
        .take()
        .unwrap()
        .write_all(job.to_string().as_bytes())
        .unwrap();
    let out = node.wait_with_output().unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert!(out.status.success(), "drive.mjs failed");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    println!(
        "| query | characters | results | KB fetched from /search/ | page ready, ms | first result, ms (median, min–max) |"
    );
    println!("|---|---:|---:|---:|---:|---|");
    for q in queries {
        let rows: Vec<&serde_json::Value> = v["searches"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["q"] == q)
            .collect();
        let ms: Vec<f64> = rows.iter().filter_map(|r| r["ms"].as_f64()).collect();
        let ready = synth::median(rows.iter().filter_map(|r| r["ready"].as_f64()).collect());
        let kb = rows[0]["bytes"].as_f64().unwrap() / 1024.0;
        let status = rows[0]["status"].as_str().unwrap_or("");
        let count: String = status.chars().filter(|c| c.is_ascii_digit()).collect();
        if ms.is_empty() {
            println!(
                "| {q} | {} | {count} | {kb:.1} | {ready:.0} | no result |",
                q.chars().count()
            );
            continue;
        }
        println!(
            "| {q} | {} | {count} | {kb:.1} | {ready:.0} | {:.0} ({:.0}–{:.0}) |",
            q.chars().count(),
            synth::median(ms.clone()),
            ms.iter().cloned().fold(f64::MAX, f64::min),
            ms.iter().cloned().fold(0.0, f64::max),
        );
    }
    let _ = std::fs::remove_dir_all(&shm);
}
