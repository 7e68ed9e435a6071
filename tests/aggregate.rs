//! `council aggregate` (SPEC §10) through the real binary: three streets built by
//! `council build` and served over HTTP on 127.0.0.1, harvested into one city index.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use sha2::Digest;

/// A static file server on 127.0.0.1 for the folder `root`, for the life of the test
/// process. `/slow/…` never answers (to time out).
fn serve(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let root = root.clone();
            std::thread::spawn(move || answer(stream, &root));
        }
    });
    format!("http://{addr}/")
}

fn answer(mut stream: TcpStream, root: &Path) {
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
    let path = line.split(' ').nth(1).unwrap_or("/").to_string();
    if path.starts_with("/slow/") {
        std::thread::sleep(std::time::Duration::from_secs(30));
        return;
    }
    let mut file = root.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    let (status, body) = match std::fs::read(&file) {
        Ok(b) if !path.contains("..") => ("200 OK", b),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the site at `site` as of `today` into `out`.
fn build_street(site: &Path, today: &str, out: &Path) {
    let o = council()
        .args(["build", "--today", today, "-o"])
        .arg(out)
        .arg(site)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Three streets, built and served: `a` the demo street, `b` the demo city's second street,
/// `c` the fixture street with every state. Returns the served folder, its address and the
/// folder holding the fixture's sources (kept alive).
fn three_streets() -> (tempfile::TempDir, String, tempfile::TempDir) {
    let served = tempfile::tempdir().unwrap();
    build_street(&repo(), "2026-12-01", &served.path().join("a"));
    build_street(
        &repo().join("demo-city/streets/dengzhou-road"),
        "2025-12-31",
        &served.path().join("b"),
    );
    let c = states_site();
    build_street(c.path(), TODAY, &served.path().join("c"));
    let url = serve(served.path().to_path_buf());
    (served, url, c)
}

fn city(dir: &Path, sources: &[(&str, &str, &str)]) {
    let mut text = String::from(
        "title = \"市北区网格议事会\"\nbase_url = \"https://city.example.org/\"\nlanguages = [\"zh\", \"en\"]\n\n[translations.en]\ntitle = \"Shibei District\"\n",
    );
    for (id, name, at) in sources {
        let key = if at.starts_with("http") {
            "url"
        } else {
            "site"
        };
        text.push_str(&format!(
            "\n[[sources]]\nid = \"{id}\"\nname = \"{name}\"\n{key} = \"{at}\"\n"
        ));
    }
    write(dir, "city.toml", text);
}

fn aggregate(dir: &Path, today: &str, extra: &[&str]) -> (i32, String) {
    let o = council()
        .arg("aggregate")
        .arg(dir)
        .args(["--today", today])
        .args(extra)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
        .unwrap()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

const STREETS: [(&str, &str); 3] = [("a", "辽宁路街道"), ("b", "登州路街道"), ("c", "测试街道")];

fn all_sources(url: &str) -> Vec<(&'static str, &'static str, String)> {
    STREETS
        .iter()
        .map(|(id, name)| (*id, *name, format!("{url}{id}/")))
        .collect()
}

fn with_refs<'a>(
    v: &'a [(&'static str, &'static str, String)],
) -> Vec<(&'static str, &'static str, &'a str)> {
    v.iter().map(|(a, b, c)| (*a, *b, c.as_str())).collect()
}

#[test]
fn three_streets_give_their_own_indicators_and_the_city_counts_their_matters() {
    let (served, url, _c) = three_streets();
    let dir = tempfile::tempdir().unwrap();
    city(dir.path(), &with_refs(&all_sources(&url)));
    let (code, err) = aggregate(dir.path(), "2027-01-01", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("harvested 3 of 3 streets (3 with new records)"),
        "{err}"
    );
    let out = dir.path().join("public");
    let c = json(&out.join("data/city.json"));
    assert_eq!(c["as_of"], "2027-01-01");
    let mut all_matters = Vec::new();
    for (i, (id, _)) in STREETS.iter().enumerate() {
        let bytes = std::fs::read(served.path().join(id).join("data/records.json")).unwrap();
        let r: Value = serde_json::from_slice(&bytes).unwrap();
        // The street's indicators, as the city counts them from its matters, are the
        // street's own: per street and per council.
        assert_eq!(
            c["indicators"]["streets"][id], r["indicators"]["site"],
            "{id}"
        );
        for (key, ind) in r["indicators"]["councils"].as_object().unwrap() {
            assert_eq!(
                c["indicators"]["councils"][format!("{id}/{key}")],
                *ind,
                "{id}/{key}"
            );
        }
        let s = &c["sources"][i];
        assert_eq!(s["id"], *id);
        assert_eq!(s["as_of"], r["as_of"]);
        assert_eq!(s["stale"], false);
        assert_eq!(
            s["sha256"],
            format!("{:x}", sha2::Sha256::digest(&bytes)).as_str()
        );
        all_matters.extend(r["proposals"].as_array().unwrap().iter().cloned());
    }
    // The demo street is in git: its commit is recorded.
    assert_eq!(
        c["sources"][0]["commit"].as_str().map(str::len),
        Some(40),
        "{:?}",
        c["sources"][0]
    );
    // Every matter, each with its source, in the records.json shape.
    let proposals = c["proposals"].as_array().unwrap();
    assert_eq!(proposals.len(), all_matters.len());
    assert!(proposals.iter().any(|p| p["source"] == "b"
        && p["council"] == "dengzhou/joint"
        && p["continues"] == "dengzhou/grid-01/2025-002"));
    // The city's totals are counted from the matters, never averaged: its median days to
    // answer is the lower middle of every matter's own.
    let city = &c["indicators"]["city"];
    assert_eq!(
        city["matters"].as_u64().unwrap() as usize,
        all_matters.len()
    );
    let mut days: Vec<i64> = all_matters
        .iter()
        .filter_map(|p| {
            let first = p["events"]
                .as_array()?
                .iter()
                .find(|e| e["kind"] == "deliberated" || e["kind"] == "decided")?;
            let d = |v: &Value| v.as_str().unwrap().parse::<jiff::civil::Date>().unwrap();
            Some((d(&first["date"]) - d(&p["submitted"])).get_days() as i64)
        })
        .collect();
    days.sort();
    assert_eq!(city["response_days_median"], days[(days.len() - 1) / 2]);
    for share in [
        "answered_on_time",
        "completed_on_time",
        "supervised",
        "feedback_given",
    ] {
        for part in ["n", "of"] {
            let sum: u64 = STREETS
                .iter()
                .map(|(id, _)| {
                    c["indicators"]["streets"][id][share][part]
                        .as_u64()
                        .unwrap()
                })
                .sum();
            assert_eq!(city[share][part], sum, "{share}.{part}");
        }
    }
    // The pages: every street with its totals, each council linked to its street's site.
    let home = read(&out.join("index.html"));
    for (id, name) in STREETS {
        assert!(
            home.contains(&format!("href=\"streets/{id}/\">{name}</a>")),
            "{id}"
        );
    }
    let b = read(&out.join("streets/b/index.html"));
    assert!(
        b.contains(&format!("href=\"{url}b/councils/dengzhou/grid-01/\"")),
        "{b}"
    );
    let en = read(&out.join("en/streets/b/index.html"));
    assert!(en.contains(&format!("href=\"{url}b/en/councils/dengzhou/grid-01/\"")));
    assert!(
        en.contains("lang=\"zh\">登州路社区第一网格议事会</span>"),
        "{en}"
    );
    let ind = read(&out.join("indicators/index.html"));
    for key in ["huangtai/grid-03", "dengzhou/joint", "demo/grid-01"] {
        assert!(ind.contains(&format!("councils/{key}/\"")), "{key}");
    }
    let feed = read(&out.join("feed.xml"));
    assert!(feed.contains(&format!("{url}a/councils/")), "{feed}");
}

#[test]
fn a_search_finds_a_matter_of_the_second_street_and_links_to_its_page() {
    let (_served, url, _c) = three_streets();
    let dir = tempfile::tempdir().unwrap();
    city(dir.path(), &with_refs(&all_sources(&url)));
    let (code, err) = aggregate(dir.path(), "2027-01-01", &[]);
    assert_eq!(code, 0, "{err}");
    let index = dir.path().join("public/search");
    let meta = json(&index.join("meta.json"));
    let shards = meta["shards"].as_u64().unwrap() as u32;
    let chunk = meta["chunk"].as_u64().unwrap() as usize;
    let q = council::search::tokens::query("信报箱");
    let mut hits: Option<Vec<u32>> = None;
    for t in &q.terms {
        let k = council::search::fnv1a(t.shard_key().as_bytes()) % shards;
        let shard = council::search::decode_shard(
            &std::fs::read(index.join(format!("p/{k}.bin"))).unwrap(),
        );
        let ids = shard.get(&t.text()).cloned().unwrap_or_default();
        hits = Some(match hits {
            None => ids,
            Some(h) => h.into_iter().filter(|i| ids.contains(i)).collect(),
        });
    }
    let hits = hits.unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    let row = |lang: &str| {
        let table = json(&index.join(format!("d/{lang}/{}.json", hits[0] as usize / chunk)));
        table[hits[0] as usize % chunk].clone()
    };
    let zh = row("zh");
    let page = format!("{url}b/councils/dengzhou/grid-02/proposals/2025-001/");
    assert_eq!(zh[0], page.as_str());
    assert_eq!(zh[1], "更换20号楼楼道信报箱");
    assert_eq!(zh[4], "rejected");
    let groups = json(&index.join("d/zh/g.json"));
    assert_eq!(groups[zh[3].as_u64().unwrap() as usize], "登州路街道");
    // The English result opens the street's English page, which exists.
    assert_eq!(
        row("en")[0],
        format!("{url}b/en/councils/dengzhou/grid-02/proposals/2025-001/").as_str()
    );
    let body = ureq::get(&page)
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    assert!(body.contains("更换20号楼楼道信报箱"));
    // The search page carries the index's shape and the script.
    let html = read(&dir.path().join("public/search/index.html"));
    assert!(html.contains("data-index=\"../search/\"") && html.contains("search.js"));
}

#[test]
fn broken_sources_are_reported_by_id_and_the_others_published() {
    let (served, url, _c) = three_streets();
    let root = served.path();
    write(
        root,
        "bad/data/records.json",
        "{\"as_of\": \"2025-01-01\", \"councils\": [",
    );
    std::fs::create_dir_all(root.join("bad/data")).unwrap();
    std::fs::copy(
        root.join("b/data/manifest.json"),
        root.join("bad/data/manifest.json"),
    )
    .unwrap();
    let future =
        read(&root.join("b/data/records.json")).replacen("\"version\": 2", "\"version\": 99", 1);
    write(root, "future/data/records.json", future);
    std::fs::copy(
        root.join("b/data/manifest.json"),
        root.join("future/data/manifest.json"),
    )
    .unwrap();
    write(root, "big/data/records.json", vec![b' '; 2 * 1024 * 1024]);
    let dir = tempfile::tempdir().unwrap();
    let bad = format!("{url}bad/");
    let gone = format!("{url}gone/");
    let slow = format!("{url}slow/");
    let future = format!("{url}future/");
    let big = format!("{url}big/");
    let good = format!("{url}b/");
    city(
        dir.path(),
        &[
            ("bad", "坏街道", &bad),
            ("gone", "无街道", &gone),
            ("slow", "慢街道", &slow),
            ("future", "新街道", &future),
            ("big", "大街道", &big),
            ("b", "登州路街道", &good),
        ],
    );
    let (code, err) = aggregate(
        dir.path(),
        "2027-01-01",
        &["--timeout", "2", "--max-size", "1"],
    );
    assert_eq!(code, 1, "{err}");
    for (id, why) in [
        ("bad", "is not the JSON council publishes"),
        ("gone", "is not there (not found)"),
        ("slow", "did not answer in time"),
        ("future", "has format version 99"),
        ("big", "is larger than 1 MiB"),
    ] {
        assert!(
            err.contains(&format!("error: source `{id}`: ")) && err.contains(why),
            "{id}: {err}"
        );
    }
    assert!(err.contains("harvested 1 of 6 streets"), "{err}");
    let out = dir.path().join("public");
    let c = json(&out.join("data/city.json"));
    let stale: Vec<(&str, bool)> = c["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["stale"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        stale,
        [
            ("bad", true),
            ("gone", true),
            ("slow", true),
            ("future", true),
            ("big", true),
            ("b", false)
        ]
    );
    assert!(
        c["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["source"] == "b")
    );
    assert!(out.join("streets/b/index.html").is_file());
    assert!(!out.join("streets/gone/index.html").exists());
    assert!(read(&out.join("index.html")).contains("无街道"));

    // The good street breaks later: its last good harvest is kept, marked with its day.
    write(root, "b/data/records.json", "not json");
    let (code, err) = aggregate(
        dir.path(),
        "2027-02-01",
        &["--timeout", "2", "--max-size", "1"],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("error: source `b`: ")
            && err.contains("its last good harvest, of 2027-01-01, is shown instead"),
        "{err}"
    );
    let c = json(&out.join("data/city.json"));
    let b = &c["sources"][5];
    assert_eq!(
        (b["stale"].as_bool(), b["harvested"].as_str()),
        (Some(true), Some("2027-01-01"))
    );
    assert!(
        c["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["source"] == "b")
    );
    let page = read(&out.join("streets/b/index.html"));
    assert!(
        page.contains("could not be read at the last harvest") || page.contains("无法读取"),
        "{page}"
    );
}

#[test]
fn a_rerun_with_no_change_writes_nothing_and_parses_nothing() {
    let (_served, url, _c) = three_streets();
    let dir = tempfile::tempdir().unwrap();
    city(dir.path(), &with_refs(&all_sources(&url)));
    let (code, err) = aggregate(dir.path(), "2027-01-01", &[]);
    assert_eq!(code, 0, "{err}");
    let out = dir.path().join("public");
    let stamp = |p: &Path| std::fs::metadata(p).unwrap().modified().unwrap();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file())
        .collect();
    let before: Vec<_> = files.iter().map(|p| stamp(p)).collect();
    let store = dir.path().join("harvest/b/harvest.json");
    let store_before = stamp(&store);
    std::thread::sleep(std::time::Duration::from_millis(50));
    let (code, err) = aggregate(dir.path(), "2027-01-01", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("(0 with new records)") && err.contains(" 0 written,"),
        "{err}"
    );
    let after: Vec<_> = files.iter().map(|p| stamp(p)).collect();
    assert_eq!(before, after);
    assert_eq!(stamp(&store), store_before);
}

#[test]
fn a_city_toml_with_mistakes_is_refused_with_every_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "city.toml",
        "title = \"市北区\"\nbase_url = \"https://e.org/\"\n\n[[sources]]\nid = \"A\"\nname = \"甲\"\nsite = \"a\"\n\n[[sources]]\nid = \"b\"\nnmae = \"乙\"\n",
    );
    let (code, err) = aggregate(dir.path(), "2027-01-01", &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("city.toml:5:6"), "{err}");
    assert!(
        err.contains("error[unknown-field]") && err.contains("city.toml:11:1"),
        "{err}"
    );
    assert!(err.contains("nothing was harvested"), "{err}");
    assert!(!dir.path().join("public").exists());
}
