//! `cargo bench --bench serve [-- --matters 10000 --edits 20 --zola PATH --no-build]`: what a
//! one-record edit costs `council serve`, against a full build of the same site (left out
//! with `--no-build`); and, with `--zola`, the time from the same kind of edit to `zola
//! serve`'s "Done in" line on the equal Zola site.
//!
//! Each of `--edits` edits changes a proposal's title. Before the edits, every list page of
//! the site (each page of the sitemap that is not one record's) and the open data are asked
//! for once, and the benchmark notes which of them show each edited matter's title. After
//! each edit it times: the reload event sent to open pages; the matter's page, asked for as
//! soon as the event arrives, which must show the new title ("visible"); then each list that
//! showed the matter, asked for in turn, each of which must show the new title (the time of
//! each request). See docs/benchmarks.md.

mod synth;

use std::io::{BufRead, BufReader, Read, Write};
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

/// The title in a record's front matter (the first `title = "…"` line).
fn title_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let line = text.lines().find(|l| l.starts_with("title = \"")).unwrap();
    line["title = \"".len()..line.len() - 1].to_string()
}

/// Gives a record the title `new`, as an editor's save would.
fn set_title(path: &Path, new: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let old = title_of(path);
    let text = text.replacen(
        &format!("title = \"{old}\""),
        &format!("title = \"{new}\""),
        1,
    );
    std::fs::write(path, text).unwrap();
}

/// Gives a record a new title (`<old>（修订n）`); returns it.
fn retitle(path: &Path, n: usize) -> String {
    let new = format!("{}（修订{n}）", title_of(path));
    set_title(path, &new);
    new
}

/// `GET path` from the server: the status line and the body (as sent).
fn get(port: u16, path: &str) -> (String, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let end = memchr::memmem::find(&all, b"\r\n\r\n")
        .map(|i| i + 4)
        .unwrap_or(all.len());
    let status = String::from_utf8_lossy(&all[..end])
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    (status, all[end..].to_vec())
}

fn contains(hay: &[u8], needle: &str) -> bool {
    memchr::memmem::find(hay, needle.as_bytes()).is_some()
}

/// The paths of every page in the site's sitemap (its parts followed).
fn sitemap_paths(port: u16) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec!["/sitemap.xml".to_string()];
    while let Some(p) = todo.pop() {
        let (_, body) = get(port, &p);
        let text = String::from_utf8_lossy(&body);
        let is_index = text.contains("<sitemapindex");
        for loc in text.split("<loc>").skip(1) {
            let url = loc.split("</loc>").next().unwrap_or("");
            // `https://host/path` → `/path`.
            let path = match url.split_once("://") {
                Some((_, rest)) => rest.find('/').map(|i| &rest[i..]).unwrap_or("/"),
                None => url,
            };
            if is_index {
                todo.push(path.to_string());
            } else {
                out.push(path.to_string());
            }
        }
    }
    out.sort();
    out
}

/// Whether a page is one record's (its own page or its notice), not a list.
fn record_page(path: &str) -> bool {
    [
        "/proposals/",
        "/meetings/",
        "/reports/",
        "/feedback/",
        "/notices/",
    ]
    .iter()
    .any(|k| path.contains(k))
}

/// The URL of a proposal file's page: `/councils/<key>/proposals/<id>/`.
fn page_of(site: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(site).unwrap().to_string_lossy();
    format!("/{}/", rel.trim_end_matches(".md"))
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

/// A child process killed when dropped.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Median, minimum, 90th percentile and maximum, in ms.
fn stats(v: &[f64]) -> String {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let p90 = s.get(s.len() * 9 / 10).copied().unwrap_or(f64::NAN);
    format!(
        "median {:.1} ms (min {:.1}, p90 {p90:.1}, max {:.1}; {} times)",
        synth::median(s.clone()),
        s.first().copied().unwrap_or(f64::NAN),
        s.last().copied().unwrap_or(f64::NAN),
        s.len()
    )
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

    let rebuild = if std::env::args().any(|a| a == "--no-build") {
        None
    } else {
        Some(full_builds(&manifest, council, &site, matters))
    };
    serve_edits(council, &site, matters, edits, rebuild);
    let _ = std::fs::remove_dir_all(&site);
    if let Some(zola) = zola {
        zola_edits(&zola, &source, edits);
    }
}

/// A fresh build and a rebuild of the site; the rebuild's wall seconds.
fn full_builds(manifest: &Path, council: &str, site: &Path, matters: usize) -> f64 {
    let out = manifest.join(format!("target/bench-out/serve-full-{matters}"));
    let _ = std::fs::remove_dir_all(&out);
    let build = || {
        let t = Instant::now();
        let ok = Command::new(council)
            .args(["build", "--today", synth::TODAY, "-o"])
            .arg(&out)
            .arg(site)
            .output()
            .unwrap();
        assert!(ok.status.success());
        t.elapsed().as_secs_f64()
    };
    let fresh = build();
    let rebuild = build();
    let _ = std::fs::remove_dir_all(&out);
    println!("full build of the same site: fresh {fresh:.2} s, rebuild {rebuild:.2} s");
    rebuild
}

fn serve_edits(council: &str, site: &Path, matters: usize, edits: usize, rebuild: Option<f64>) {
    // Titles repeat from council to council: the edited matters get titles of their own
    // first, so that a list showing the title shows that matter.
    let files = proposals(&site.join("councils"), edits);
    let mut titles = Vec::new();
    for (k, f) in files.iter().enumerate() {
        set_title(f, &format!("{}（基准{k}）", title_of(f)));
        titles.push(title_of(f));
    }
    let start = Instant::now();
    let mut child = Command::new(council)
        .args(["serve", "--port", "0", "--today", synth::TODAY])
        .arg(site)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // The server ends with the benchmark, also when an assertion fails.
    let child = KillOnDrop(child);
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
        "GET /__council/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(sse);
    std::thread::sleep(Duration::from_millis(500));

    // Every list page and the open data, asked for once: which of them show each matter.
    let t = Instant::now();
    let lists: Vec<String> = sitemap_paths(port)
        .into_iter()
        .filter(|p| !record_page(p))
        .collect();
    let mut data: Vec<String> = ["/data/records.json", "/data/decisions.csv", "/feed.xml"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for f in &files {
        let page = page_of(site, f);
        let council = page.split("/proposals/").next().unwrap();
        data.push(format!("{council}/feed.xml"));
    }
    data.sort();
    data.dedup();
    let mut shows: Vec<Vec<String>> = vec![Vec::new(); files.len()];
    for (i, p) in lists.iter().chain(data.iter()).enumerate() {
        let (status, body) = get(port, p);
        assert!(status.contains("200"), "{p}: {status}");
        for (k, title) in titles.iter().enumerate() {
            if contains(&body, title) {
                shows[k].push(p.clone());
            }
        }
        if i % 1000 == 999 {
            eprintln!("  asked for {} lists", i + 1);
        }
    }
    println!(
        "asked for {} list pages and {} data files once in {:.1} s; an edited matter is shown by {} of them (median)",
        lists.len(),
        data.len(),
        t.elapsed().as_secs_f64(),
        synth::median(shows.iter().map(|s| s.len() as f64).collect())
    );

    let (mut reload, mut visible, mut list_times, mut data_times, mut current) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, f) in files.iter().enumerate() {
        let t = Instant::now();
        let title = retitle(f, i);
        loop {
            line.clear();
            assert!(
                events.read_line(&mut line).unwrap() > 0,
                "the event stream ended"
            );
            if line.trim() == "event: reload" {
                break;
            }
        }
        reload.push(t.elapsed().as_secs_f64() * 1000.0);
        let (status, body) = get(port, &page_of(site, f));
        assert!(
            status.contains("200") && contains(&body, &title),
            "{f:?} is not current"
        );
        visible.push(t.elapsed().as_secs_f64() * 1000.0);
        for p in &shows[i] {
            let r = Instant::now();
            let (status, body) = get(port, p);
            let ms = r.elapsed().as_secs_f64() * 1000.0;
            assert!(status.contains("200"), "{p}: {status}");
            assert!(
                contains(&body, &title),
                "{p} does not show the new title {title}"
            );
            if data.contains(p) {
                data_times.push(ms);
            } else {
                list_times.push(ms);
            }
        }
        current.push(t.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(300));
    }
    drop(child);
    println!("council serve, {matters} matters: start-up {startup:.2} s; {edits} edits of a title");
    println!("  edit → reload event: {}", stats(&reload));
    println!("  edit → the matter's page shows it: {}", stats(&visible));
    println!(
        "  each list page that shows the matter, asked for next: {}",
        stats(&list_times)
    );
    println!(
        "  each data file that shows it (records.json, decisions.csv, feeds): {}",
        stats(&data_times)
    );
    println!(
        "  edit → every list and data file asked for and current: {}",
        stats(&current)
    );
    if let Some(rebuild) = rebuild {
        println!(
            "the edit (to the reload event) is {:.0}x faster than a rebuild",
            rebuild * 1000.0 / synth::median(reload)
        );
    }
}

/// The same kind of edit under `zola serve`: the time to its "Done in" line.
fn zola_edits(zola: &Path, source: &Path, edits: usize) {
    let zsource = synth::beside(source, "zola");
    if !zsource.join("config.toml").exists() {
        synth::zola_site(source, &zsource);
    }
    let zsite = synth::beside(source, "zola-serve");
    copy_tree(&zsource, &zsite);
    let _ = std::fs::remove_dir_all(zsite.join("public"));
    let zport = 40000 + (std::process::id() % 20000) as u16;
    let mut z = Command::new(zola)
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
