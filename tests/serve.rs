//! `council serve` through the real binary: pages from memory, live changes, the error
//! overlay, deletions and additions, reload events, and a clean stop on Ctrl-C.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::server::*;
use common::*;

/// Polls `path` until `ok` holds for (status, body), for at most 10 seconds.
fn until(port: u16, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (status, body) = get(port, path);
        if ok(status, &body) {
            return body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{path}: waited 10 s for {what}; last status {status}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

const MATTER: &str = "/councils/demo/grid-01/proposals/2022-001/";
const P1: &str = "councils/demo/grid-01/proposals/2022-001.md";

#[test]
fn a_secretary_sees_her_changes_and_her_mistakes_live() {
    let site = states_site();
    let root = site.path();
    let server = start(root);
    let port = server.port;

    // The matter page, from memory, with the reload script that only serve adds.
    let (status, page) = get(port, MATTER);
    assert_eq!(status, 200);
    assert!(page.contains("为3号楼加装电梯"));
    assert!(page.contains("/__council/events"));
    assert!(!page.contains("council-overlay"));
    assert!(
        !root.join("public").exists(),
        "serve never writes the output"
    );

    // An edit shows up.
    let text = std::fs::read_to_string(root.join(P1)).unwrap();
    write(
        root,
        P1,
        text.replace("居民希望加装电梯", "居民希望尽快加装电梯"),
    );
    until(port, MATTER, "the edited text", |s, b| {
        s == 200 && b.contains("居民希望尽快加装电梯")
    });

    // A mistake brings the overlay, worded as check words it, over the last good page.
    let broken = text.replace("proposer = \"3号楼居民（18户）\"\n", "");
    write(root, P1, &broken);
    let page = until(port, MATTER, "the overlay", |_, b| {
        b.contains("council-overlay")
    });
    assert!(page.contains("error[missing-field]"), "{page}");
    assert!(page.contains("councils/demo/grid-01/proposals/2022-001.md:1:1"));
    assert!(page.contains("= help:"));
    assert!(
        page.contains("居民希望尽快加装电梯"),
        "the last good build stays underneath"
    );
    let (_, other) = get(port, "/decisions/");
    assert!(
        other.contains("council-overlay"),
        "every page carries the overlay"
    );

    // Fixing it removes the overlay.
    write(
        root,
        P1,
        text.replace("居民希望加装电梯", "居民希望今年加装电梯"),
    );
    until(port, MATTER, "the fix", |_, b| {
        !b.contains("council-overlay") && b.contains("居民希望今年加装电梯")
    });

    // A deleted record's page is gone.
    std::fs::remove_file(root.join("councils/demo/grid-01/proposals/2022-002.md")).unwrap();
    until(
        port,
        "/councils/demo/grid-01/proposals/2022-002/",
        "a 404",
        |s, _| s == 404,
    );

    // A new record is listed on its council's page.
    write(
        root,
        "councils/demo/grid-01/proposals/2022-011.md",
        "+++\ntitle = \"增设无障碍坡道\"\nsubmitted = 2022-09-25\nproposer = \"7号楼居民\"\n+++\n\n坡道。\n",
    );
    until(port, "/councils/demo/grid-01/", "the new matter", |s, b| {
        s == 200 && b.contains("增设无障碍坡道")
    });
    let (status, _) = get(port, "/councils/demo/grid-01/proposals/2022-011/");
    assert_eq!(status, 200);
}

#[test]
fn open_pages_are_told_to_reload() {
    let site = states_site();
    let root = site.path();
    let server = start(root);
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET /__council/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(s);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    // Let the subscription settle, then edit.
    std::thread::sleep(Duration::from_millis(300));
    let text = std::fs::read_to_string(root.join(P1)).unwrap();
    write(
        root,
        P1,
        text.replace("居民希望加装电梯", "居民盼望加装电梯"),
    );
    let start = Instant::now();
    loop {
        line.clear();
        reader.read_line(&mut line).expect("an event within 10 s");
        if line.trim() == "event: reload" {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10));
    }
}

#[test]
fn missing_pages_are_404_and_folders_get_their_slash() {
    let site = states_site();
    let server = start(site.path());
    let (status, body) = get(server.port, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("页面不存在"));
    let (status, _) = get(server.port, "/councils/demo/grid-01");
    assert_eq!(status, 301);
    let (status, _) = get(server.port, "/../../etc/passwd");
    assert!(status == 400 || status == 404);
    let (status, css) = get(server.port, "/style.css");
    assert_eq!(status, 200);
    assert!(css.contains("font-family"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = states_site();
    let mut server = start(site.path());
    assert_eq!(get(server.port, "/").0, 200);
    interrupt(&mut server, Duration::from_secs(10));
}

#[test]
fn a_new_decision_can_add_a_page_to_the_lists() {
    let site = site(&[]);
    // 115 proposals, 95 of them adopted at one meeting: one page of decisions.
    adopt_many(site.path(), 101..=215, "2022-06-01");
    adopt_many(site.path(), 101..=195, "2022-06-01");
    let server = start(site.path());
    assert_eq!(get(server.port, "/decisions/").0, 200);
    let (status, body) = get(server.port, "/decisions/page/2/");
    assert_eq!(status, 404, "{body}");
    // The minutes are corrected: the meeting adopted all 115.
    adopt_many(site.path(), 101..=215, "2022-06-01");
    until(
        server.port,
        "/decisions/page/2/",
        "a second page of decisions",
        |s, _| s == 200,
    );
    let (_, first) = get(server.port, "/decisions/");
    assert!(first.contains("rel=\"next\""), "{first}");
}

#[test]
fn a_return_visit_edit_updates_the_matter_page_the_indicators_and_the_data() {
    let site = site(&["sites/street"]);
    let root = site.path();
    let server = start(root);
    let port = server.port;
    const MATTER: &str = "/councils/demo/grid-01/proposals/2022-004/";
    const VISIT: &str = "councils/demo/grid-01/feedback/2022-06-20-2022-004.md";
    let (status, page) = get(port, MATTER);
    assert_eq!(status, 200);
    assert!(page.contains("badge satisfaction-unsatisfied"), "{page}");
    // Satisfied / basically satisfied / unsatisfied, for the whole street.
    let (_, indicators) = get(port, "/indicators/");
    assert!(indicators.contains("<td>2 / 1 / 1</td>"), "{indicators}");

    // The residents were satisfied after all: the secretary corrects the visit.
    let text = std::fs::read_to_string(root.join(VISIT)).unwrap();
    write(
        root,
        VISIT,
        text.replace("\"unsatisfied\"", "\"satisfied\""),
    );
    until(port, MATTER, "the new satisfaction", |s, b| {
        s == 200 && b.contains("badge satisfaction-satisfied") && !b.contains("unsatisfied")
    });
    until(port, "/indicators/", "the new totals", |s, b| {
        s == 200 && b.contains("<td>3 / 1 / 0</td>")
    });
    until(
        port,
        "/en/indicators/",
        "the new totals in English",
        |s, b| s == 200 && b.contains("<td>3 / 1 / 0</td>"),
    );
    let data = until(port, "/data/records.json", "the new data", |s, b| {
        s == 200 && b.contains("\"unsatisfied\": 0")
    });
    let v: serde_json::Value = serde_json::from_str(&data).unwrap();
    let p = v["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["council"] == "demo/grid-01" && p["id"] == "2022-004")
        .unwrap();
    assert_eq!(p["feedback"], "satisfied");
    assert_eq!(v["indicators"]["site"]["satisfaction"]["satisfied"], 3);

    // A change at the street's council shows on the grid's page, in the matter's chain.
    const STREET: &str = "councils/street/proposals/2022-001.md";
    let text = std::fs::read_to_string(root.join(STREET)).unwrap();
    write(
        root,
        STREET,
        text.replace(
            "title = \"更换小区主供水管道\"",
            "title = \"更换小区主供水管道（街道统筹）\"",
        ),
    );
    until(
        port,
        "/councils/demo/grid-01/proposals/2022-003/",
        "the street's new title in the chain",
        |s, b| s == 200 && b.contains("更换小区主供水管道（街道统筹）"),
    );

    // A referral changed at the grid makes the joint council's continuation wrong: the
    // councils linked by referrals are checked again together.
    const REFERRAL: &str = "councils/demo/grid-01/meetings/2022-05-10.md";
    let text = std::fs::read_to_string(root.join(REFERRAL)).unwrap();
    write(
        root,
        REFERRAL,
        text.replace(
            "referred_to = \"demo/joint\"",
            "referred_to = \"市北区水务局\"",
        ),
    );
    let page = until(port, "/", "the overlay", |_, b| {
        b.contains("council-overlay")
    });
    assert!(page.contains("error[referral-mismatch]"), "{page}");
    assert!(
        page.contains("councils/demo/joint/proposals/2022-001.md"),
        "{page}"
    );
}

#[test]
fn the_overlay_speaks_the_language_of_the_run() {
    let site = states_site();
    let root = site.path();
    let text = std::fs::read_to_string(root.join(P1)).unwrap();
    write(
        root,
        P1,
        text.replace("proposer = \"3号楼居民（18户）\"\n", ""),
    );
    let server = start_in(root, "zh");
    let page = until(server.port, MATTER, "the overlay", |_, b| {
        b.contains("council-overlay")
    });
    assert!(page.contains("错误[missing-field]"), "{page}");
    assert!(page.contains("提议缺少字段 `proposer`"), "{page}");
    assert!(page.contains("= 怎么改:"), "{page}");
    assert!(page.contains("council check：1 个错误"), "{page}");
}

#[test]
fn after_an_edit_the_search_index_and_the_browse_lists_are_current() {
    let site = states_site();
    let root = site.path();
    let server = start(root);
    let port = server.port;
    // The index and a browse list, before the edit.
    let (status, docs) = get(port, "/search/d/zh/0.json");
    assert_eq!(status, 200);
    assert!(docs.contains("为3号楼加装电梯"), "{docs}");
    assert_eq!(get(port, "/search/year/2022/").0, 200);

    let text = std::fs::read_to_string(root.join(P1)).unwrap();
    write(
        root,
        P1,
        text.replace("为3号楼加装电梯", "为3号楼加装无障碍电梯"),
    );
    until(port, MATTER, "the edited title", |s, b| {
        s == 200 && b.contains("为3号楼加装无障碍电梯")
    });
    // A list page first (it must not need the search index), then the browse list, then
    // the index's own files, made again with the new title.
    let (status, list) = get(port, "/councils/demo/grid-01/");
    assert_eq!(status, 200);
    assert!(list.contains("为3号楼加装无障碍电梯"), "{list}");
    let (status, year) = get(port, "/search/year/2022/");
    assert_eq!(status, 200);
    assert!(year.contains("为3号楼加装无障碍电梯"), "{year}");
    let (status, docs) = get(port, "/search/d/zh/0.json");
    assert_eq!(status, 200);
    assert!(docs.contains("为3号楼加装无障碍电梯"), "{docs}");
    assert_eq!(get(port, "/search/meta.json").0, 200);
    assert_eq!(get(port, "/search/no-such-file.json").0, 404);
}
