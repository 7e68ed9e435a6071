//! A real browser (Debian's chromium, headless, driven through the DevTools protocol by
//! `tests/browser/drive.mjs`) loads the demo site from a local server:
//!
//! - every kind of page, in both languages, on a phone (390×844) and a desktop (1280×900),
//!   checked by axe-core against WCAG 2.1 A and AA: no violation passes; the rendered pages
//!   show what a resident looks for; screenshots go to target/browser/ for a human to look
//!   at;
//! - every kind of page of the demo city (`council aggregate`), checked the same way;
//! - the search page with a Chinese and an English query, in the address as a shared link
//!   would have it.
//!
//! Skips with a message when chromium or the npm packages are missing, unless
//! `COUNCIL_REQUIRE_BROWSER` is set (CI sets it; .ci/run installs them).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

/// A minimal static file server for `root` on a free port of 127.0.0.1, answering a missing
/// file with the site's 404 page as a real server would; returns the port.
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
                let path = line.split(' ').nth(1).unwrap_or("/");
                let path = path.split('?').next().unwrap().to_string();
                let mut file = root.join(path.trim_start_matches('/'));
                if file.is_dir() {
                    file = file.join("index.html");
                }
                let found = if path.contains("..") {
                    None
                } else {
                    std::fs::read(&file).ok()
                };
                let (status, body, ext) = match found {
                    Some(b) => (
                        "200 OK",
                        b,
                        file.extension()
                            .and_then(|e| e.to_str())
                            .unwrap_or("")
                            .to_string(),
                    ),
                    None => {
                        // Each language's own 404 page, as a server configured per folder.
                        let lang = path.trim_start_matches('/').split('/').next().unwrap_or("");
                        let page = Some(root.join(lang).join("404.html"))
                            .filter(|p| !lang.is_empty() && p.exists())
                            .unwrap_or_else(|| root.join("404.html"));
                        (
                            "404 Not Found",
                            std::fs::read(page).unwrap_or_default(),
                            "html".into(),
                        )
                    }
                };
                let ty = match ext.as_str() {
                    "html" => "text/html; charset=utf-8",
                    "css" => "text/css",
                    "js" => "text/javascript",
                    "json" => "application/json",
                    "svg" => "image/svg+xml",
                    "xml" => "application/xml",
                    "ics" => "text/calendar",
                    _ => "application/octet-stream",
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

/// Chromium and the driver's npm packages, or a skip.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let ok = chromium().is_some()
        && runs("node", &["--version"])
        && driver.join("node_modules/puppeteer-core").exists()
        && driver.join("node_modules/axe-core").exists();
    if !outside_tool("chromium, node and `npm ci --prefix tests/browser`", ok) {
        return None;
    }
    Some((chromium().unwrap(), driver.join("drive.mjs")))
}

/// Runs the driver on `job` (its `chrome` and `base` filled in) against the demo site.
fn drive(chrome: &Path, driver: &Path, port: u16, mut job: serde_json::Value) -> serde_json::Value {
    job["chrome"] = chrome.display().to_string().into();
    job["base"] = format!("http://127.0.0.1:{port}/").into();
    let mut child = Command::new("node")
        .arg(driver)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(job.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "drive.mjs: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// One page of each kind the site has, by name and address from the language root, with
/// what a resident must see there in Chinese and in English.
const PAGES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "home",
        "",
        &["事项概况", "逾期"],
        &["Matters at a glance", "Overdue"],
    ),
    ("councils", "councils/", &["全部议事会"], &["All councils"]),
    (
        "area",
        "councils/huangtai/",
        &["黄台路社区"],
        &["Huangtai Road"],
    ),
    (
        "council",
        "councils/huangtai/grid-03/",
        &["会议日历", "联系方式"],
        &["meeting calendar", "Contact"],
    ),
    (
        "matter",
        "councils/huangtai/grid-03/proposals/2025-001/",
        &["办理进程", "已验收", "step step-decided", "核验码"],
        &[
            "Progress of the matter",
            "Accepted",
            "step step-decided",
            "Verification code",
        ],
    ),
    (
        "notice",
        "councils/huangtai/grid-03/proposals/2025-001/notice/",
        &["公示期", "class=\"qr\""],
        &["Notice period", "class=\"qr\""],
    ),
    (
        "meeting",
        "councils/huangtai/grid-03/meetings/2025-04-19/",
        &["出席情况", "议题", "通过"],
        &["Attendance", "Agenda", "Adopted"],
    ),
    (
        "report",
        "councils/huangtai/grid-03/reports/2025-07-15-2025-001/",
        &["督办报告"],
        &["Supervision report"],
    ),
    (
        "feedback",
        "councils/huangtai/grid-05/feedback/2026-09-04-2026-004/",
        &["回访记录", "基本满意"],
        &["Return visit", "Basically satisfied"],
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
        ],
        &[
            "How the councils are doing",
            "Huangtai Road Community Joint Meeting",
            "Whole street",
            "class=\"chart-svg\"",
            "Matters raised and decided per month",
        ],
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
        ],
        &[
            "Where the matter went",
            "Huangtai Road Community Joint Meeting",
            "Adopted",
            "Latest return visit",
            "Basically satisfied",
        ],
    ),
    (
        "chain-special",
        "councils/huangtai/grid-05/proposals/2026-004/",
        &[
            "办理去向",
            "市北区城市管理局",
            "专事专办",
            "step step-feedback",
        ],
        &[
            "Where the matter went",
            "Shibei District City Administration Bureau",
            "Special handling",
            "step step-feedback",
        ],
    ),
    ("decisions", "decisions/", &["全部决议"], &["All decisions"]),
    (
        "supervision",
        "supervision/",
        &["督办进度"],
        &["Supervision"],
    ),
    ("data", "data/", &["records.json"], &["records.json"]),
    (
        "transparency",
        "transparency/",
        &["记录仓库", "git clone"],
        &["Records repository", "git clone"],
    ),
    (
        "search",
        "search/",
        &["按议事会", "按状态"],
        &["By council", "By state"],
    ),
    ("browse", "search/state/adopted/", &["已通过"], &["Adopted"]),
    ("page", "about/", &["关于"], &["About"]),
    ("section", "guide/", &["议事"], &["council"]),
    (
        "404",
        "no/such/page/at/depth/",
        &["页面不存在"],
        &["Page not found"],
    ),
];

/// A page: its name, its address from the language root, what a resident must see there in
/// Chinese and in English.
type Page = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Loads every page of `pages` from `public` in both languages (Chinese at the root, English
/// under `en/`), on a phone and a desktop: asserts that axe finds no WCAG 2.1 A/AA violation,
/// that each page is in its language and shows what it must, and that a screenshot of each
/// was taken. Returns axe's results, one per page and size.
fn axe_clean(public: &Path, pages: &[Page]) -> Option<Vec<serde_json::Value>> {
    let (chrome, driver) = tools()?;
    let port = serve(public.to_path_buf());
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let mut jobs = Vec::new();
    for (name, path, _, _) in pages {
        for (lang, prefix) in [("zh", ""), ("en", "en/")] {
            jobs.push(serde_json::json!({ "name": format!("{name}-{lang}"), "path": format!("{prefix}{path}") }));
        }
    }
    let out = drive(
        &chrome,
        &driver,
        port,
        serde_json::json!({
            "viewports": [[390, 844], [1280, 900]],
            "axe": jobs,
            "shots": shots.display().to_string(),
            "html": true,
        }),
    );
    let results = out["axe"].as_array().unwrap().clone();
    assert_eq!(results.len(), pages.len() * 4, "every page at both sizes");
    let mut problems = Vec::new();
    for r in &results {
        for v in r["violations"].as_array().unwrap() {
            problems.push(format!(
                "{} at {}: {} ({}): {}",
                r["path"], r["viewport"], v["id"], v["help"], v["nodes"]
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "axe, WCAG 2.1 A/AA:\n{}",
        problems.join("\n")
    );
    for (name, path, zh, en) in pages {
        for (lang, prefix, expect) in [("zh", "", zh), ("en", "en/", en)] {
            let r = results
                .iter()
                .find(|r| r["path"] == format!("{prefix}{path}").as_str())
                .unwrap();
            let html = r["html"].as_str().unwrap();
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{name} {lang}"
            );
            for e in expect.iter() {
                assert!(
                    html.contains(e),
                    "{name} {lang}: `{e}` not in the rendered page"
                );
            }
        }
    }
    for (name, ..) in pages {
        for size in [390, 1280] {
            let png = shots.join(format!("{name}-zh-{size}.png"));
            assert!(
                std::fs::metadata(&png)
                    .map(|m| m.len() > 10_000)
                    .unwrap_or(false),
                "{}",
                png.display()
            );
        }
    }
    eprintln!("screenshots in {}", shots.display());
    Some(results)
}

#[test]
fn every_kind_of_page_passes_axe_in_both_languages_on_a_phone_and_a_desktop() {
    let (_tmp, public) = build_demo();
    let Some(results) = axe_clean(&public, PAGES) else {
        return;
    };
    // The 404 page, shown at a depth of five folders, still has its style.
    let notfound = results
        .iter()
        .find(|r| r["path"] == "no/such/page/at/depth/")
        .unwrap();
    assert_eq!(
        notfound["styled"], true,
        "the 404 page loads its stylesheet at any depth"
    );
}

/// Every kind of page of a city (SPEC §10), made by `council aggregate` from the demo
/// street and the demo city's second street.
const CITY_PAGES: &[Page] = &[
    (
        "city-home",
        "",
        &["市北区网格议事会", "辽宁路街道", "登州路街道"],
        &[
            "Shibei District",
            "Liaoning Road Street",
            "Dengzhou Road Street",
        ],
    ),
    (
        "city-street",
        "streets/dengzhou-road/",
        &["登州路街道"],
        &["Dengzhou Road Street"],
    ),
    (
        "city-indicators",
        "indicators/",
        &["辽宁路街道", "登州路街道"],
        &["Liaoning Road Street", "Dengzhou Road Street"],
    ),
    ("city-search", "search/", &["搜索"], &["Search"]),
];

#[test]
fn every_kind_of_city_page_passes_axe_in_both_languages_on_a_phone_and_a_desktop() {
    let (tmp, _) = build_demo_city();
    axe_clean(&tmp.path().join("public"), CITY_PAGES);
}

#[test]
fn a_chinese_query_in_the_address_finds_its_matters_newest_first() {
    let Some((chrome, driver)) = tools() else {
        return;
    };
    let (_tmp, public) = build_demo();
    let port = serve(public.clone());
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let out = drive(
        &chrome,
        &driver,
        port,
        serde_json::json!({
            "shots": shots.display().to_string(),
            "searches": [
                { "path": "search/", "q": "加装电梯", "shot": "search-results-zh-390" },
                { "path": "search/", "q": "口袋公园", "viewport": [1280, 900], "shot": "search-results-zh-1280" },
                { "path": "en/search/", "q": "elev", "shot": "search-results-en-390" },
                { "path": "search/", "q": "没有这样的事情" },
            ],
        }),
    );
    let s = out["searches"].as_array().unwrap();
    let titles = |i: usize| -> Vec<String> {
        s[i]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].as_str().unwrap().to_string())
            .collect()
    };
    // 加装电梯: the elevator matter of grid 3, its minutes and reports.
    let elevator = titles(0);
    assert!(
        elevator.iter().any(|t| t == "黄台路41号老旧住宅加装电梯"),
        "{elevator:?}"
    );
    assert!(
        s[0]["status"].as_str().unwrap().starts_with("找到"),
        "{}",
        s[0]["status"]
    );
    let first = &s[0]["results"][0];
    assert!(
        first["href"]
            .as_str()
            .unwrap()
            .starts_with("../councils/huangtai/grid-03/"),
        "{first}"
    );
    for r in s[0]["results"].as_array().unwrap() {
        if r["href"].as_str().unwrap().contains("/grid-03/") {
            let meta = r["meta"].as_str().unwrap();
            assert!(meta.contains("黄台路社区第三网格议事会"), "{r}");
        }
    }
    // Newest first: the dates in the results never go up.
    let dates: Vec<String> = s[0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap_or("").to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert!(
        titles(1).iter().any(|t| t.contains("口袋公园")),
        "{:?}",
        titles(1)
    );
    assert!(
        titles(2).iter().any(|t| t.starts_with("Elevator retrofit")),
        "{:?}",
        titles(2)
    );
    assert!(titles(3).is_empty());
    assert!(
        s[3]["status"].as_str().unwrap().starts_with("没有找到"),
        "{}",
        s[3]["status"]
    );
}
