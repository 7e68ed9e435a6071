//! `council build` (SPEC §7) through the real binary: what is published, that it is safe,
//! reproducible and written incrementally.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn records_json_has_every_state_and_both_flags_in_the_shape_of_the_contract() {
    let site = states_site();
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&read(&out, "data/records.json")).unwrap();
    assert_eq!(v["as_of"], TODAY);
    let keys = |o: &serde_json::Value| {
        o.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(
        keys(&v),
        [
            "areas",
            "as_of",
            "councils",
            "indicators",
            "languages",
            "lifecycle",
            "proposals",
            "version"
        ]
        .map(String::from)
        .into()
    );
    // The additions a harvester needs (issue 16): the format, and the street's own limits.
    assert_eq!(v["version"], 2);
    assert_eq!(v["lifecycle"]["response_days"], 30);
    assert_eq!(v["languages"][0], "zh");
    let c = &v["councils"][0];
    assert_eq!(keys(c), ["key", "members", "name"].map(String::from).into());
    assert_eq!(c["key"], "demo/grid-01");
    assert_eq!(
        keys(&c["members"][0]),
        ["from", "id", "name", "roles", "to"]
            .map(String::from)
            .into()
    );
    assert!(
        !read(&out, "data/records.json").contains("zhang.hua@example.org"),
        "git addresses are private"
    );

    let by_id = |id: &str| {
        v["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    let expect = [
        ("2022-001", "implementing", false, false),
        ("2022-002", "submitted", false, false),
        ("2022-003", "submitted", false, true),
        ("2022-004", "deliberating", false, false),
        ("2022-005", "adopted", true, false),
        ("2022-006", "completed", false, false),
        ("2022-007", "accepted", false, false),
        ("2022-008", "rejected", false, false),
        ("2022-009", "referred", false, false),
        ("2022-010", "withdrawn", false, false),
    ];
    for (id, state, overdue, unanswered) in expect {
        let p = by_id(id);
        assert_eq!(
            (
                p["state"].as_str().unwrap(),
                p["overdue"].as_bool().unwrap(),
                p["unanswered"].as_bool().unwrap()
            ),
            (state, overdue, unanswered),
            "{id}"
        );
        assert_eq!(
            keys(&p),
            [
                "chain_state",
                "channel",
                "continued_as",
                "continues",
                "council",
                "due",
                "events",
                "feedback",
                "id",
                "overdue",
                "progress",
                "referred_to",
                "state",
                "submitted",
                "title",
                "track",
                "unanswered"
            ]
            .map(String::from)
            .into()
        );
    }
    let p1 = by_id("2022-001");
    assert_eq!(p1["due"], "2022-12-31");
    assert_eq!(p1["progress"], 50);
    let kinds: Vec<&str> = p1["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["submitted", "deliberated", "decided", "report"]);
    assert_eq!(p1["events"][2]["outcome"], "adopted");
    assert_eq!(p1["events"][3]["status"], "on-track");
    assert_eq!(p1["events"][3]["progress"], 50);
    assert_eq!(
        p1["events"][0]["file"],
        "councils/demo/grid-01/proposals/2022-001.md"
    );
    assert_eq!(
        by_id("2022-010")["events"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["kind"],
        "withdrawn"
    );
    assert!(by_id("2022-002")["due"].is_null() && by_id("2022-002")["progress"].is_null());
}

/// The base fixture with the `sites/street` overlay: a grid matter referred to the
/// community's joint council and on to the street's, which adopts and accepts it; a referral
/// to a district office; a rejection without a return visit; visits of each satisfaction.
fn street_site() -> tempfile::TempDir {
    site(&["sites/street"])
}

#[test]
fn records_json_follows_matters_across_councils_with_their_tracks_and_indicators() {
    let site = street_site();
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("feedback-missing"),
        "2022-005 awaits a visit: {err}"
    );
    let v: serde_json::Value = serde_json::from_str(&read(&out, "data/records.json")).unwrap();
    let matter = |key: &str, id: &str| {
        v["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["council"] == key && p["id"] == id)
            .unwrap_or_else(|| panic!("{key}/{id}"))
            .clone()
    };
    let row = |key: &str, id: &str| {
        let p = matter(key, id);
        [
            "state",
            "track",
            "referred_to",
            "continues",
            "continued_as",
            "chain_state",
            "feedback",
        ]
        .map(|k| p[k].as_str().map(String::from))
    };
    let s = |x: &str| Some(x.to_string());
    // The chain grid → community joint meeting → street joint meeting.
    assert_eq!(
        row("demo/grid-01", "2022-003"),
        [
            s("referred"),
            s("joint"),
            s("demo/joint"),
            None,
            s("demo/joint/2022-001"),
            s("accepted"),
            s("satisfied")
        ]
    );
    assert_eq!(
        row("demo/joint", "2022-001"),
        [
            s("referred"),
            s("joint"),
            s("street"),
            s("demo/grid-01/2022-003"),
            s("street/2022-001"),
            s("accepted"),
            s("basically-satisfied")
        ]
    );
    assert_eq!(
        row("street", "2022-001"),
        [
            s("accepted"),
            s("joint"),
            None,
            s("demo/joint/2022-001"),
            None,
            s("accepted"),
            s("satisfied")
        ]
    );
    // Special handling by a district office; direct decisions; a matter not decided yet.
    assert_eq!(
        row("demo/grid-01", "2022-004"),
        [
            s("referred"),
            s("special"),
            s("市北区城市管理局"),
            None,
            None,
            s("referred"),
            s("unsatisfied")
        ]
    );
    assert_eq!(row("demo/grid-01", "2022-005")[1], s("direct"));
    assert_eq!(row("demo/grid-01", "2022-001")[1], s("direct"));
    assert!(matter("demo/grid-01", "2022-002")["track"].is_null());
    assert_eq!(matter("demo/grid-01", "2022-004")["channel"], "applet");
    // Events: the referral says where, the visit how satisfied.
    let events = &matter("demo/grid-01", "2022-004")["events"];
    assert_eq!(events[1]["kind"], "decided");
    assert_eq!(events[1]["referred_to"], "市北区城市管理局");
    assert_eq!(events[2]["kind"], "feedback");
    assert_eq!(events[2]["satisfaction"], "unsatisfied");
    assert_eq!(
        events[2]["file"],
        "councils/demo/grid-01/feedback/2022-06-20-2022-004.md"
    );

    let ind = &v["indicators"];
    let share = |x: &serde_json::Value| (x["n"].as_u64().unwrap(), x["of"].as_u64().unwrap());
    let grid = &ind["councils"]["demo/grid-01"];
    assert_eq!(grid["matters"], 5);
    assert_eq!(grid["by_state"]["referred"], 2);
    assert_eq!(grid["by_state"]["withdrawn"], 0);
    assert_eq!(grid["by_track"]["direct"], 2);
    assert_eq!(grid["by_track"]["joint"], 1);
    assert_eq!(grid["by_track"]["special"], 1);
    assert_eq!(grid["by_channel"]["visit"], 2);
    assert_eq!(grid["response_days_median"], 14, "14, 14, 14, 20");
    assert_eq!(share(&grid["answered_on_time"]), (4, 4));
    assert_eq!(share(&grid["completed_on_time"]), (0, 0), "not due yet");
    assert_eq!(
        share(&grid["supervised"]),
        (0, 1),
        "last report 93 days ago"
    );
    assert_eq!(
        share(&grid["feedback_given"]),
        (2, 3),
        "2022-005 not visited"
    );
    assert_eq!(grid["satisfaction"]["unsatisfied"], 1);
    let street = &ind["councils"]["street"];
    assert_eq!(share(&street["completed_on_time"]), (1, 1));
    assert_eq!(
        share(&street["feedback_given"]),
        (0, 0),
        "accepted 11 days ago"
    );
    assert_eq!(street["satisfaction"]["satisfied"], 1);
    // The area counts its grid and its joint council; the street council is in no area.
    let area = &ind["areas"]["demo"];
    assert_eq!(area["matters"], 6);
    assert_eq!(area["by_track"]["joint"], 2);
    assert_eq!(share(&area["feedback_given"]), (3, 4));
    assert_eq!(ind["areas"].as_object().unwrap().len(), 1);
    let all = &ind["site"];
    assert_eq!(all["matters"], 7);
    assert_eq!(all["by_track"]["joint"], 3);
    assert_eq!(all["by_state"].as_object().unwrap().len(), 9);
    assert_eq!(all["by_channel"].as_object().unwrap().len(), 5);

    // decisions.csv names the track of each decision.
    let csv = read(&out, "data/decisions.csv");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].ends_with(",url,track"), "{}", lines[0]);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2022-06-15,demo/grid-01,2022-004,")
                && l.contains(",市北区城市管理局,")
                && l.ends_with(",special")),
        "{csv}"
    );
}

#[test]
fn decisions_csv_has_a_row_per_decision() {
    let site = states_site();
    let out = site.path().join("public");
    build(site.path(), &out);
    let csv = read(&out, "data/decisions.csv");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("date,council,proposal,title,outcome,yes,no,abstain"));
    // 2022-001 adopted in April; five decisions in May.
    assert_eq!(lines.len(), 1 + 6);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2022-05-10,demo/grid-01,2022-008,拆除花坛,rejected,1,4,0"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("2022-009") && l.contains("区综合行政执法局"))
    );
}

#[test]
fn two_builds_of_the_same_sources_are_identical() {
    let site = states_site();
    let (a, b) = (site.path().join("a"), site.path().join("b"));
    assert_eq!(build(site.path(), &a).0, 0);
    assert_eq!(build(site.path(), &b).0, 0);
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(tb[k] == *v, "{k} differs");
    }
}

#[test]
fn a_build_with_errors_leaves_the_output_untouched() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    let before = tree(&out);
    let times = mtimes(&out);
    write(
        site.path(),
        "councils/demo/grid-01/proposals/2022-002.md",
        "+++\ntitle = \"坏\"\n+++\n",
    );
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 1);
    assert!(
        err.contains("missing-field") && err.contains("nothing was published"),
        "{err}"
    );
    assert_eq!(tree(&out), before);
    assert_eq!(mtimes(&out), times);
}

#[test]
fn a_rebuild_of_an_unchanged_site_writes_nothing() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    let times = mtimes(&out);
    std::thread::sleep(std::time::Duration::from_millis(50));
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0);
    assert!(err.contains(" 0 written"), "{err}");
    assert_eq!(mtimes(&out), times);
}

#[test]
fn a_one_record_edit_rewrites_only_the_pages_that_show_it() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    let before = tree(&out);
    // A report's text appears only on the report's pages.
    let rel = "councils/demo/grid-01/reports/2022-06-30.md";
    let text = std::fs::read_to_string(site.path().join(rel)).unwrap();
    write(
        site.path(),
        rel,
        text.replace("井道施工已完成一半。", "井道施工已完成一半，电梯门已到货。"),
    );
    assert_eq!(build(site.path(), &out).0, 0);
    let after = tree(&out);
    let changed: BTreeSet<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .filter(|k| !k.starts_with("search/p/"))
        .collect();
    // The report's pages; and, as for any edit, the hash of the sources (and the search
    // index's shards that hold the new words).
    let expected: BTreeSet<String> = [
        "councils/demo/grid-01/reports/2022-06-30/index.html",
        "en/councils/demo/grid-01/reports/2022-06-30/index.html",
        "data/manifest.json",
        "transparency/index.html",
        "en/transparency/index.html",
    ]
    .map(String::from)
    .into();
    assert_eq!(changed, expected.iter().collect());

    // A new title shows on its matter's pages, its council's, and in the data and feed.
    let rel = "councils/demo/grid-01/proposals/2022-002.md";
    let text = std::fs::read_to_string(site.path().join(rel)).unwrap();
    write(
        site.path(),
        rel,
        text.replace("修剪院内树枝", "修剪院内高大树枝"),
    );
    let before = after;
    assert_eq!(build(site.path(), &out).0, 0);
    let after = tree(&out);
    let changed: BTreeSet<&str> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .map(|s| s.as_str())
        .collect();
    assert!(changed.contains("councils/demo/grid-01/proposals/2022-002/index.html"));
    assert!(changed.contains("councils/demo/grid-01/index.html"));
    assert!(changed.contains("data/records.json"));
    assert!(!changed.contains("councils/demo/grid-01/proposals/2022-001/index.html"));
    assert!(!changed.contains("councils/demo/grid-01/meetings/2022-05-10/index.html"));
    assert!(!changed.contains("style.css"));
}

#[test]
fn files_no_longer_produced_are_removed() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    assert!(
        !read(&out, "robots.txt").contains("Sitemap:"),
        "the site's own"
    );
    std::fs::remove_file(site.path().join("static/robots.txt")).unwrap();
    std::fs::remove_file(site.path().join("content/guide/process.md")).unwrap();
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    assert!(
        read(&out, "robots.txt").contains("Sitemap: https://example.org/sitemap.xml"),
        "the generated robots.txt replaces the site's own"
    );
    assert!(!out.join("guide/process").exists());
    assert!(out.join("guide/index.html").exists());
}

#[test]
fn council_refuses_to_clean_a_folder_it_did_not_write() {
    let site = states_site();
    let out = site.path().join("mine");
    write(&out, "notes.txt", "keep");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 2);
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn every_link_and_image_in_the_output_resolves() {
    for site in [states_site(), street_site()] {
        let out = site.path().join("public");
        assert_eq!(build(site.path(), &out).0, 0);
        links_resolve(&out);
    }
}

/// Every relative `href` and `src` of every page of `out` leads to a file of `out`.
fn links_resolve(out: &Path) {
    let files = tree(out);
    let mut checked = 0;
    for (rel, bytes) in &files {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).unwrap();
        for url in attribute_values(&html, &["href", "src"]) {
            checked += 1;
            if url.starts_with("https://") || url.starts_with("http://") || url.starts_with('#') {
                continue;
            }
            let path = url.split(['#', '?']).next().unwrap();
            let mut parts: Vec<&str> = rel.split('/').collect();
            parts.pop();
            // An address from the root (the 404 page's, whose base path is `/`).
            if path.starts_with('/') {
                parts.clear();
            }
            for seg in path.split('/') {
                match seg {
                    "" | "." => {}
                    ".." => assert!(
                        parts.pop().is_some(),
                        "{rel}: `{url}` climbs out of the site"
                    ),
                    s => parts.push(s),
                }
            }
            let target = parts.join("/");
            let ok = files.contains_key(&target)
                || files.contains_key(&format!("{target}/index.html"))
                || (target.is_empty() && files.contains_key("index.html"));
            assert!(
                ok,
                "{rel}: `{url}` leads to `{target}`, which is not in the output"
            );
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

/// Values of the attributes `names` in `html` (double-quoted, as the theme writes them).
fn attribute_values(html: &str, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for name in names {
        let pat = format!(" {name}=\"");
        let mut rest = html;
        while let Some(i) = rest.find(&pat) {
            rest = &rest[i + pat.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].replace("&amp;", "&"));
        }
    }
    out
}

#[test]
fn hostile_records_leave_no_payload_in_any_output_file() {
    let site = site(&["sites/hostile"]);
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("unsafe-html"),
        "the body's raw HTML is warned about: {err}"
    );
    for (rel, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if rel.ends_with(".json") {
            assert!(
                !text.contains('<') && !text.contains('>'),
                "{rel} holds raw markup characters"
            );
        }
        if rel.ends_with(".html") || rel.ends_with(".xml") {
            let mut problems = dangerous_markup(&text);
            // The search page's own form and scripts (its strings are the theme's).
            if rel.ends_with("search/index.html")
                && !rel.contains("/state/")
                && !rel.contains("/year/")
            {
                let ours = [
                    "a `<form>` tag",
                    "a `<input>` tag",
                    "a `<script>` tag",
                    "a `<script>` tag",
                ];
                for o in ours {
                    let i = problems
                        .iter()
                        .position(|p| p == o)
                        .unwrap_or_else(|| panic!("{rel}: {o}"));
                    problems.remove(i);
                }
            }
            assert!(problems.is_empty(), "{rel}: {problems:?}");
        }
    }
    // The CSV keeps the records' text as data, with formulas defused.
    let csv = read(&out, "data/decisions.csv");
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
}

#[test]
fn key_pages_look_right() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    for page in [
        "index.html",
        "councils/demo/grid-01/index.html",
        "councils/demo/grid-01/proposals/2022-001/index.html",
        "councils/demo/grid-01/proposals/2022-005/index.html",
        "councils/demo/grid-01/meetings/2022-05-10/index.html",
        "councils/demo/grid-01/reports/2022-08-15-2022-007/index.html",
        "decisions/index.html",
        "supervision/index.html",
        "guide/index.html",
        "en/index.html",
        "en/councils/demo/grid-01/proposals/2022-001/index.html",
        "en/councils/demo/grid-01/proposals/2022-005/index.html",
    ] {
        let html = read(&out, page);
        let name = page
            .trim_end_matches("/index.html")
            .trim_end_matches(".html")
            .replace('/', "__");
        insta::assert_snapshot!(format!("page_{name}"), main_of(&html));
    }
}

#[test]
fn pages_of_a_street_with_referrals_and_return_visits_look_right() {
    let site = street_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    for page in [
        "indicators/index.html",
        "en/indicators/index.html",
        "councils/demo/index.html",
        "councils/demo/grid-01/proposals/2022-003/index.html",
        "en/councils/demo/grid-01/proposals/2022-004/index.html",
        "councils/demo/grid-01/feedback/2022-06-20-2022-004/index.html",
        "councils/street/index.html",
    ] {
        let html = read(&out, page);
        let name = page.trim_end_matches("/index.html").replace('/', "__");
        insta::assert_snapshot!(format!("street_{name}"), main_of(&html));
    }
    // Each chart is an image with a title and a description, and its numbers in a table.
    let html = read(&out, "indicators/index.html");
    assert_eq!(html.matches("<svg class=\"chart-svg\"").count(), 4);
    assert_eq!(html.matches("role=\"img\"").count(), 4);
    assert_eq!(html.matches("<title id=").count(), 4);
    assert_eq!(html.matches("<desc id=").count(), 4);
    assert_eq!(html.matches("<table class=\"chart-table\">").count(), 4);
    assert!(!html.contains("<script"), "no JavaScript");
    // The twelve months end with the day's month.
    assert!(
        html.contains("2022年10月") && html.contains("2021年11月") && !html.contains("2021年10月")
    );
}

#[test]
fn every_page_declares_its_language_and_offers_the_other() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    for (rel, bytes) in tree(&out) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let lang = if rel.starts_with("en/") { "en" } else { "zh" };
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{rel}");
        assert!(
            html.contains("hreflang=\"en\"") && html.contains("hreflang=\"zh\""),
            "{rel}"
        );
        assert!(html.contains("<main id=\"main\""), "{rel}");
    }
    // Untranslated text falls back to Chinese, visibly and with its language marked.
    let en = read(
        &out,
        "en/councils/demo/grid-01/proposals/2022-002/index.html",
    );
    assert!(
        en.contains("translation-missing") && en.contains("lang=\"zh\""),
        "{en}"
    );
    // A translated body is used.
    let en = read(
        &out,
        "en/councils/demo/grid-01/proposals/2022-001/index.html",
    );
    assert!(en.contains("Building 3 is an old six-storey block"));
    assert!(!en.contains("translation-missing"));
}

#[test]
fn content_pages_follow_zola() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    assert!(out.join("about/index.html").exists());
    assert!(out.join("guide/index.html").exists());
    assert!(out.join("guide/process/index.html").exists());
    assert!(
        !out.join("guide/draft").exists(),
        "drafts are not published"
    );
    let section = read(&out, "guide/index.html");
    assert!(
        section.contains("href=\"../guide/process/\""),
        "the section lists its pages"
    );
    let home = read(&out, "index.html");
    assert!(
        home.contains("欢迎查阅示范社区的议事记录"),
        "content/_index.md introduces the home page"
    );
    let about = read(&out, "about/index.html");
    assert!(
        about.contains("href=\"../guide/\""),
        "links between pages are rewritten: {about}"
    );
    assert!(about.contains("href=\"../councils/demo/grid-01/proposals/2022-001/\""));
    assert!(read(&out, "en/about/index.html").contains("About the councils"));
    assert_eq!(read(&out, "robots.txt"), "User-agent: *\nAllow: /\n");
}

#[test]
fn relative_links_between_records_become_links_between_pages() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    let m = read(&out, "councils/demo/grid-01/meetings/2022-05-10/index.html");
    assert!(
        m.contains("href=\"../../../../../councils/demo/grid-01/proposals/2022-004/\""),
        "{m}"
    );
    assert!(m.contains("href=\"../../../../../councils/demo/grid-01/files/photo.svg\""));
    let en = read(
        &out,
        "en/councils/demo/grid-01/meetings/2022-05-10/index.html",
    );
    assert!(en.contains("href=\"../../../../../../en/councils/demo/grid-01/proposals/2022-004/\""));
    assert!(out.join("councils/demo/grid-01/files/photo.svg").exists());
}

#[test]
fn feed_and_sitemap_are_well_formed() {
    let site = states_site();
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    let feed = read(&out, "feed.xml");
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
    ));
    assert!(feed.contains("<id>https://example.org/feed.xml</id>"));
    assert!(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/councils/demo/grid-01/proposals/2022-005/\"/>"));
    let sitemap = read(&out, "sitemap.xml");
    assert!(
        sitemap.contains(
            "<loc>https://example.org/en/councils/demo/grid-01/proposals/2022-001/</loc>"
        )
    );
    // The English feed links to English pages; a council's feed holds only its matters.
    let en = read(&out, "en/feed.xml");
    assert!(en.contains("xml:lang=\"en\""), "{en}");
    assert!(en.contains("<id>https://example.org/en/feed.xml</id>"));
    assert!(
        en.contains("href=\"https://example.org/en/councils/demo/grid-01/proposals/2022-005/\"")
    );
    let council = read(&out, "councils/demo/grid-01/feed.xml");
    assert!(council.contains("<id>https://example.org/councils/demo/grid-01/feed.xml</id>"));
    assert_eq!(
        council.matches("<entry>").count(),
        feed.matches("<entry>").count(),
        "the only council has every entry"
    );
    // A real XML parser, where the machine has one.
    for file in [
        "feed.xml",
        "en/feed.xml",
        "councils/demo/grid-01/feed.xml",
        "sitemap.xml",
    ] {
        let status = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])",
            ])
            .arg(out.join(file))
            .status();
        if let Ok(s) = status {
            assert!(s.success(), "{file} is not well-formed XML");
        }
    }
}

#[test]
fn a_site_theme_overrides_the_default_file_by_file() {
    let site = states_site();
    write(
        site.path(),
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>走错了 {{ t.nav.home }}</h1>{% endblock %}",
    );
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out).0, 0);
    assert!(read(&out, "404.html").contains("<h1>走错了 首页</h1>"));
    assert!(
        read(&out, "index.html").contains("事项概况"),
        "other templates are the built-in ones"
    );
}

#[test]
fn a_template_typo_is_an_error_naming_the_template_and_line() {
    let site = states_site();
    write(
        site.path(),
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ t.nav.hoem }}</h1>{% endblock %}",
    );
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 2);
    assert!(err.contains("template `404.html`, line 3"), "{err}");
    assert!(!out.exists(), "nothing is written");
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_site_is_refused() {
    let site = states_site();
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(secret.path(), "secret").unwrap();
    std::os::unix::fs::symlink(secret.path(), site.path().join("static/leak.txt")).unwrap();
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 1);
    assert!(
        err.contains("misplaced-file") && err.contains("outside the site"),
        "{err}"
    );
    assert!(!out.join("leak.txt").exists());
}

/// Tags and attributes in `html` that could run code or restyle the page: a tag-aware scan,
/// so that escaped text (`&lt;script&gt;`) does not count.
fn dangerous_markup(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(p) = html[i..].find('<') {
        let start = i + p;
        i = start + 1;
        let name: String = html[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if name.is_empty() {
            continue;
        }
        let end = html[start..]
            .find('>')
            .map(|e| start + e)
            .unwrap_or(b.len());
        let tag = html[start..end].to_lowercase();
        if [
            "script", "iframe", "form", "style", "object", "embed", "input", "svg", "math", "base",
            "meta",
        ]
        .contains(&name.as_str())
            // The notice's QR code, drawn by council itself.
            && !(name == "svg" && tag.starts_with("<svg class=\"qr\" xmlns="))
            && !(name == "meta"
                && (tag.starts_with("<meta charset")
                    || tag.starts_with("<meta name=")
                    || tag.starts_with("<meta property=\"og:")))
            // The theme's own charts (labels from its strings, numbers from the counts).
            && !tag.starts_with("<svg class=\"chart-svg\"")
        {
            out.push(format!("a `<{name}>` tag"));
        }
        // Attributes: ` name=` pairs outside quotes.
        let mut in_quote = None;
        let mut word = String::new();
        for c in tag.chars().skip(1 + name.len()) {
            match (in_quote, c) {
                (None, '"' | '\'') => in_quote = Some(c),
                (Some(q), c) if c == q => in_quote = None,
                (None, '=') => {
                    if word.starts_with("on")
                        || word == "style"
                        || word == "srcdoc"
                        || word == "formaction"
                    {
                        out.push(format!("the attribute `{word}` on `<{name}>`"));
                    }
                    word.clear();
                }
                (None, c) if c.is_whitespace() => word.clear(),
                (None, c) => word.push(c),
                _ => {}
            }
        }
        for attr in ["href=\"", "src=\""] {
            if let Some(v) = tag.find(attr) {
                let value: String = tag[v + attr.len()..]
                    .chars()
                    .take_while(|c| *c != '"')
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|s| value.starts_with(s))
                {
                    out.push(format!("a `{value}` URL on `<{name}>`"));
                }
            }
        }
        i = end;
    }
    out
}

#[test]
fn long_lists_are_split_into_pages_that_link_to_each_other() {
    let site = site(&[]);
    adopt_many(site.path(), 101..=230, "2022-06-01");
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    for list in ["decisions", "supervision", "en/decisions", "en/supervision"] {
        let first = read(&out, &format!("{list}/index.html"));
        let second = read(&out, &format!("{list}/page/2/index.html"));
        assert!(!out.join(format!("{list}/page/3")).exists(), "{list}");
        assert!(first.contains("page/2/\" rel=\"next\""), "{list}: {first}");
        assert!(!first.contains("rel=\"prev\""), "{list}");
        assert!(second.contains("rel=\"prev\""), "{list}");
        assert!(!second.contains("rel=\"next\""), "{list}");
        // Every new matter is on exactly one of the two pages, and the first page is full.
        let (mut on_first, mut on_second) = (0, 0);
        for i in 101..=230 {
            let link = format!("proposals/2022-{i}/\"");
            let (a, b) = (
                main_of(&first).contains(&link),
                main_of(&second).contains(&link),
            );
            assert!(a != b, "{list}: 2022-{i} on both pages or on neither");
            on_first += usize::from(a);
            on_second += usize::from(b);
        }
        assert!(
            on_first >= 98 && on_second > 0,
            "{list}: {on_first} + {on_second}"
        );
    }
}
