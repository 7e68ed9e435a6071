//! `cargo bench --bench serve [-- --matters 10000 --edits 20 --zola PATH]`: the time from a
//! one-record edit to the reload event that `council serve` sends open pages, median of
//! `--edits` edits, against a full build of the same site; and, with `--zola`, the time from
//! the same kind of edit to `zola serve`'s "Done in" line on the equal Zola site.
//! See docs/benchmarks.md.

mod synth;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn copy_tree(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// Appends a line to the body of a record file, as an editor's save would.
fn edit(path: &Path, n: usize) {
    let mut text = std::fs::read_to_string(path).unwrap();
    text.push_str(&format!("\n补充说明第{n}条：监督员回访了居民。\n"));
    std::fs::write(path, text).unwrap();
}

/// `n` proposal files spread over the councils under `dir`.
fn proposals(dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| {
            p.parent().is_some_and(|d| d.ends_with("proposals"))
                && p.extension().is_some_and(|e| e == "md")
        })
        .collect();
    v.sort();
    let step = (v.len() / n).max(1);
    v.into_iter().step_by(step).take(n).collect()
}

fn main() {
    let matters: usize = synth::arg("--matters")
        .map(|m| m.parse().unwrap())
        .unwrap_or(10_000);
    let edits: usize = synth::arg("--edits")
        .map(|m| m.parse().unwrap())
        .unwrap_or(20);
    let zola = synth::arg("--zola")
        .or_else(|| std::env::var("ZOLA").ok())
        .map(PathBuf::from);
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let council = env!("CARGO_BIN_EXE_council");

    let source = synth::site(&manifest, matters);
    let site = synth::beside(&source, "serve");
    copy_tree(&source, &site);

    // A full build of the same site, for the ratio.
    let out = manifest.join(format!("target/bench-out/serve-full-{matters}"));
    let _ = std::fs::remove_dir_all(&out);
    let t = Instant::now();
    let ok = Command::new(council)
        .args(["build", "--today", synth::TODAY, "-o"])
        .arg(&out)
        .arg(&site)
        .output()
        .unwrap();
    assert!(ok.status.success());
    let fresh = t.elapsed().as_secs_f64();
    let t = Instant::now();
    Command::new(council)
        .args(["build", "--today", synth::TODAY, "-o"])
        .arg(&out)
        .arg(&site)
        .output()
        .unwrap();
    let rebuild = t.elapsed().as_secs_f64();

    let start = Instant::now();
    let mut child = Command::new(council)
        .args(["serve", "--port", "0", "--today", synth::TODAY])
        .arg(&site)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    line.clear();
    stdout.read_line(&mut line).unwrap();
    let startup = start.elapsed().as_secs_f64();
    std::thread::spawn(move || {
        let mut l = String::new();
        while stdout.read_line(&mut l).unwrap_or(0) > 0 {
            eprint!("  serve: {l}");
            l.clear();
        }
    });
    let mut sse = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        sse,
        "GET /__council/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(sse);
    std::thread::sleep(Duration::from_millis(500));
    let mut latencies = Vec::new();
    for (i, p) in proposals(&site.join("councils"), edits).iter().enumerate() {
        let t = Instant::now();
        edit(p, i);
        loop {
            line.clear();
            events.read_line(&mut line).unwrap();
            if line.trim() == "event: reload" {
                break;
            }
        }
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(300));
    }
    let _ = child.kill();
    let _ = child.wait();
    let med = synth::median(latencies.clone());
    println!(
        "council serve, {matters} matters: start-up {startup:.2} s; edit → reload event: median {med:.1} ms (min {:.1}, max {:.1}) over {edits} edits",
        latencies.iter().cloned().fold(f64::MAX, f64::min),
        latencies.iter().cloned().fold(0.0, f64::max)
    );
    println!(
        "full build of the same site: fresh {fresh:.2} s, rebuild {rebuild:.2} s; the edit is {:.0}x faster than a rebuild",
        rebuild * 1000.0 / med
    );

    if let Some(zola) = zola {
        let zsource = synth::beside(&source, "zola");
        if !zsource.join("config.toml").exists() {
            synth::zola_site(&source, &zsource);
        }
        let zsite = synth::beside(&source, "zola-serve");
        copy_tree(&zsource, &zsite);
        let _ = std::fs::remove_dir_all(zsite.join("public"));
        let zport = 40000 + (std::process::id() % 20000) as u16;
        let mut z = Command::new(&zola)
            .args([
                "serve",
                "--interface",
                "127.0.0.1",
                "--port",
                &zport.to_string(),
            ])
            .current_dir(&zsite)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = std::sync::mpsc::channel::<(Instant, String)>();
        // Zola reports on stderr.
        let zout = z.stderr.take().unwrap();
        std::thread::spawn(move || {
            for l in BufReader::new(zout).lines() {
                let Ok(l) = l else { break };
                let _ = tx.send((Instant::now(), l));
            }
        });
        // Wait for the first build.
        loop {
            let (_, l) = rx.recv().unwrap();
            if l.contains("Web server is available") {
                break;
            }
        }
        std::thread::sleep(Duration::from_secs(2));
        while rx.try_recv().is_ok() {}
        let zedits = edits.min(5);
        let mut zl = Vec::new();
        for (i, p) in proposals(&zsite.join("content"), zedits).iter().enumerate() {
            let t = Instant::now();
            edit(p, i);
            loop {
                let (when, l) = rx
                    .recv_timeout(Duration::from_secs(600))
                    .expect("zola rebuilt");
                if l.contains("Done in") {
                    zl.push((when - t).as_secs_f64() * 1000.0);
                    break;
                }
            }
            std::thread::sleep(Duration::from_secs(2));
            while rx.try_recv().is_ok() {}
        }
        let _ = z.kill();
        let _ = z.wait();
        println!(
            "zola serve, same records: edit → \"Done in\": median {:.0} ms over {zedits} edits ({:?})",
            synth::median(zl.clone()),
            zl.iter().map(|x| x.round()).collect::<Vec<_>>()
        );
    }
}
