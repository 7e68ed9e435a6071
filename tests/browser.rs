//! A real browser (Debian's chromium, headless) loads pages of the demo site from a local
//! server at a phone-sized viewport, in both languages; the test checks the rendered DOM for
//! the timeline and the state, and saves screenshots under target/browser/ for a human to
//! look at. Skips with a message when chromium is not installed (.ci/run installs it).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// A minimal static file server for `root` on a free port of 127.0.0.1; returns the port.
fn serve(root: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let root = root.clone();
            std::thread::spawn(move || {
                let mut line = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                }
                let path = line
                    .split(' ')
                    .nth(1)
                    .unwrap_or("/")
                    .split('?')
                    .next()
                    .unwrap()
                    .to_string();
                let mut file = root.join(path.trim_start_matches('/'));
                if file.is_dir() {
                    file = file.join("index.html");
                }
                let (status, body, ty) = match std::fs::read(&file) {
                    Ok(b) if !path.contains("..") => {
                        let ty = match file.extension().and_then(|e| e.to_str()) {
                            Some("html") => "text/html; charset=utf-8",
                            Some("css") => "text/css",
                            Some("svg") => "image/svg+xml",
                            Some("xml") => "application/xml",
                            _ => "application/octet-stream",
                        };
                        ("200 OK", b, ty)
                    }
                    _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: {ty}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(&body);
            });
        }
    });
    port
}

fn headless(chrome: &Path, profile: &Path, extra: &[String], url: &str) -> std::process::Output {
    Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=390,844",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs")
}

#[test]
fn the_demo_site_renders_in_a_real_browser_on_a_phone() {
    let Some(chrome) = chromium() else {
        assert!(
            std::env::var_os("COUNCIL_REQUIRE_BROWSER").is_none(),
            "chromium is required here (COUNCIL_REQUIRE_BROWSER is set) but not installed"
        );
        eprintln!(
            "SKIPPED: chromium is not installed (apt-get install chromium); .ci/run installs it"
        );
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let status = council()
        .args(["build", "--today", "2026-11-25", "-o"])
        .arg(&public)
        .arg(root)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let port = serve(public.clone());
    let shots = root.join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let profile = tempfile::tempdir().unwrap();

    let pages = [
        (
            "home",
            "",
            &["事项概况", "逾期"][..],
            &["Matters at a glance", "Overdue"][..],
        ),
        (
            "matter",
            "councils/huangtai/grid-03/proposals/2025-001/",
            &[
                "办理进程",
                "已验收",
                "class=\"timeline\"",
                "step step-decided",
            ][..],
            &[
                "Progress of the matter",
                "Accepted",
                "class=\"timeline\"",
                "step step-decided",
            ][..],
        ),
        (
            "meeting",
            "councils/huangtai/grid-03/meetings/2025-04-19/",
            &["出席情况", "议题", "通过"][..],
            &["Attendance", "Agenda", "Adopted"][..],
        ),
        (
            "indicators",
            "indicators/",
            &[
                "议事会办理情况指标",
                "黄台路社区联席会议",
                "全街道合计",
                "class=\"chart-svg\"",
                "近12个月每月提出和决定的事项",
            ][..],
            &[
                "How the councils are doing",
                "Huangtai Road Community Joint Meeting",
                "Whole street",
                "class=\"chart-svg\"",
                "Matters raised and decided per month",
            ][..],
        ),
        (
            "chain-joint",
            "councils/huangtai/grid-03/proposals/2026-001/",
            &[
                "办理去向",
                "黄台路社区联席会议",
                "已通过",
                "最近一次回访",
                "基本满意",
            ][..],
            &[
                "Where the matter went",
                "Huangtai Road Community Joint Meeting",
                "Adopted",
                "Latest return visit",
                "Basically satisfied",
            ][..],
        ),
        (
            "chain-special",
            "councils/huangtai/grid-05/proposals/2026-004/",
            &[
                "办理去向",
                "市北区城市管理局",
                "专事专办",
                "step step-feedback",
            ][..],
            &[
                "Where the matter went",
                "Shibei District City Administration Bureau",
                "Special handling",
                "step step-feedback",
            ][..],
        ),
    ];
    for (name, path, zh, en) in pages {
        for (lang, prefix, expect) in [("zh", "", zh), ("en", "en/", en)] {
            let url = format!("http://127.0.0.1:{port}/{prefix}{path}");
            let dom = headless(&chrome, profile.path(), &["--dump-dom".into()], &url);
            let dom = String::from_utf8_lossy(&dom.stdout);
            assert!(
                dom.contains(&format!("<html lang=\"{lang}\"")),
                "{url}: {dom}"
            );
            for e in expect {
                assert!(dom.contains(e), "{url}: `{e}` not in the rendered page");
            }
            let png = shots.join(format!("{name}-{lang}.png"));
            let _ = std::fs::remove_file(&png);
            let shot = headless(
                &chrome,
                profile.path(),
                &[format!("--screenshot={}", png.display())],
                &url,
            );
            assert!(
                png.exists(),
                "no screenshot: {}",
                String::from_utf8_lossy(&shot.stderr)
            );
            assert!(
                std::fs::metadata(&png).unwrap().len() > 10_000,
                "{} looks empty",
                png.display()
            );
        }
    }
    eprintln!("screenshots in {}", shots.display());
}
