//! The search index (SPEC §9) on both of its sides: the terms `search.js` makes of a query
//! and the hash that picks a shard are those of `src/search/`, and the browser's reader of a
//! shard finds the postings the builder wrote. (The browser test runs real queries.)

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;
use council::search::{self, tokens};

/// Runs `script` under node with `search.js` loaded as `s`, feeding `input` as JSON.
fn node(script: &str, input: &serde_json::Value) -> serde_json::Value {
    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js");
    let program = format!(
        "const s = require({:?}); const input = JSON.parse(require('fs').readFileSync(0, 'utf8')); {script}",
        js.display().to_string()
    );
    let mut child = Command::new("node")
        .args(["-e", &program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "node failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

const TEXTS: &[&str] = &[
    "电梯",
    "加装电梯",
    "垃圾分类投放点",
    "口袋公园 POCKET park",
    "黄台路41号楼",
    "ＡＢＣ１２３ 全角",
    "梯",
    "𠀀𠀁 rare characters",
    "Elevator-retrofit, 2025!",
    "〇号",
];

#[test]
fn the_browser_makes_the_same_terms_and_hashes_as_the_index() {
    if !outside_tool("node", runs("node", &["--version"])) {
        return;
    }
    let from_js = node(
        "console.log(JSON.stringify(input.map(t => { const q = s.query(t); return [q.terms.sort(), q.prefixes.sort(), q.terms.map(s.fnv)]; })))",
        &serde_json::json!(TEXTS),
    );
    for (i, text) in TEXTS.iter().enumerate() {
        let q = tokens::query(text);
        let mut terms: Vec<String> = q.terms.iter().map(|t| t.text()).collect();
        terms.sort();
        let hashes: Vec<u64> = {
            let mut js_sorted: Vec<String> = from_js[i][0]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            js_sorted.sort();
            js_sorted
                .iter()
                .map(|t| search::fnv1a(t.as_bytes()) as u64)
                .collect()
        };
        assert_eq!(from_js[i][0], serde_json::json!(terms), "terms of {text:?}");
        assert_eq!(
            from_js[i][1],
            serde_json::json!(q.prefixes),
            "words of {text:?}"
        );
        let js_hashes: Vec<u64> = from_js[i][2]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let mut a = js_hashes.clone();
        a.sort();
        let mut b = hashes.clone();
        b.sort();
        assert_eq!(a, b, "hashes of {text:?}");
    }
}

#[test]
fn the_browser_reads_the_postings_the_index_wrote() {
    if !outside_tool("node", runs("node", &["--version"])) {
        return;
    }
    // Enough documents for both encodings: dense terms as bitmaps, rare ones as deltas.
    let docs: Vec<search::Document> = (0..300)
        .map(|i| search::Document {
            text: format!(
                "加装电梯 {} 第{i}号 word{}",
                if i % 7 == 0 { "口袋公园" } else { "" },
                i % 5
            ),
            entries: vec![search::Entry {
                url: format!("m/{i}/"),
                title: format!("{i}"),
                kind: "matter".into(),
                group: None,
                state: None,
                date: Some(format!("2025-01-{:02}", 1 + i % 28)),
            }],
        })
        .collect();
    let files = search::build(docs, &search::Options::default());
    let shards: Vec<(String, Vec<u8>)> = files
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("p/"))
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect();
    let from_js = node(
        "const out = {}; for (const [p, bytes] of input) { const terms = []; s.scan(Uint8Array.from(bytes).buffer, t => { terms.push(t); return true; }).forEach((ids, i) => { out[p + ' ' + terms[i]] = ids; }); } console.log(JSON.stringify(out))",
        &serde_json::json!(shards),
    );
    let mut expected = serde_json::Map::new();
    for (p, bytes) in &shards {
        for (term, ids) in search::decode_shard(bytes) {
            expected.insert(format!("{p} {term}"), serde_json::json!(ids));
        }
    }
    assert!(expected.len() > 300, "{}", expected.len());
    assert_eq!(from_js, serde_json::Value::Object(expected));
}

#[test]
fn the_search_page_offers_browse_lists_without_javascript() {
    let site = states_site();
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(out.join("search/index.html")).unwrap();
    let main = main_of(&page);
    assert!(main.contains("<noscript>"), "{main}");
    for link in [
        "../councils/demo/grid-01/",
        "../search/state/adopted/",
        "../search/year/2022/",
    ] {
        assert!(
            main.contains(&format!("href=\"{link}\"")),
            "{link} in {main}"
        );
    }
    let adopted = std::fs::read_to_string(out.join("search/state/adopted/index.html")).unwrap();
    assert!(adopted.contains("2022-005"), "the adopted matter is listed");
    let en = std::fs::read_to_string(out.join("en/search/index.html")).unwrap();
    assert!(
        en.contains("data-index=\"../../search/\""),
        "one index for every language"
    );
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("search/meta.json")).unwrap()).unwrap();
    assert_eq!(meta["languages"], serde_json::json!(["zh", "en"]));
    assert!(out.join("search/d/en/0.json").exists() && out.join("search/d/zh/g.json").exists());
}
