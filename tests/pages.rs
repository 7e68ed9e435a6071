//! Every page of the demo site, parsed: what outside checkers (the W3C Nu checker,
//! Lighthouse, search engines, screen readers) found wrong before SPEC v2 §9 stays fixed.
//!
//! - each page's `<title>` is its own in its language, page first and site last;
//! - `hreflang` alternates are absolute, one per language plus `x-default`;
//! - each page has a meta description and Open Graph title, description and URL;
//! - the 404 page is `noindex` and has no relative address (it is served at any depth);
//! - on English pages, every Chinese character is inside an element marked `lang="zh"`;
//! - robots.txt names the sitemap, and the favicon the pages name exists.

mod common;

use std::collections::BTreeMap;

use common::*;

const BASE: &str = "https://yishi.liaoninglu.example.org/";

/// An HTML tag or a run of text.
enum Token<'a> {
    Open(&'a str, BTreeMap<String, String>),
    Close(&'a str),
    Text(&'a str),
}

/// The theme's HTML as tokens (double-quoted attributes, no comments; script and style
/// content skipped).
fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        if i > 0 {
            out.push(Token::Text(&rest[..i]));
        }
        let end = rest[i..].find('>').map(|e| i + e).unwrap_or(rest.len() - 1);
        let tag = &rest[i + 1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            out.push(Token::Close(name.trim()));
            continue;
        }
        if tag.starts_with('!') {
            continue;
        }
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = tag[..name_end].trim_end_matches('/');
        let mut attrs = BTreeMap::new();
        let mut a = &tag[name_end..];
        while let Some(eq) = a.find("=\"") {
            let key = a[..eq].trim().to_string();
            let v_end = a[eq + 2..].find('"').unwrap() + eq + 2;
            attrs.insert(key, a[eq + 2..v_end].replace("&amp;", "&"));
            a = &a[v_end + 1..];
        }
        for bare in a.split_whitespace() {
            attrs
                .entry(bare.trim_end_matches('/').to_string())
                .or_default();
        }
        out.push(Token::Open(name, attrs));
        if name == "script" || name == "style" {
            let close = format!("</{name}>");
            let e = rest.find(&close).unwrap();
            rest = &rest[e..];
        }
    }
    out
}

const VOID: &[&str] = &[
    "meta", "link", "br", "img", "input", "hr", "source", "wbr", "path", "rect",
];

/// Text with Han characters outside any element marked `lang="zh…"`.
fn unmarked_chinese(html: &str) -> Vec<String> {
    let mut stack: Vec<(&str, Option<String>)> = Vec::new();
    let mut out = Vec::new();
    for t in tokens(html) {
        match t {
            Token::Open(name, attrs) if !VOID.contains(&name) => {
                stack.push((name, attrs.get("lang").cloned()));
            }
            Token::Open(..) => {}
            Token::Close(name) => {
                while let Some((n, _)) = stack.pop() {
                    if n == name {
                        break;
                    }
                }
            }
            Token::Text(text) => {
                if stack.iter().any(|(n, _)| *n == "title") {
                    continue;
                }
                let lang = stack.iter().rev().find_map(|(_, l)| l.clone());
                let han = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                if han && !lang.is_some_and(|l| l.starts_with("zh")) {
                    out.push(text.trim().chars().take(40).collect());
                }
            }
        }
    }
    out
}

#[test]
fn every_page_has_its_own_title_absolute_alternates_and_a_description() {
    let (_tmp, public) = build_demo();
    let files = tree(&public);
    let mut titles: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut pages = 0;
    for (rel, bytes) in &files {
        if !rel.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes.clone()).unwrap();
        let toks = tokens(&html);
        let lang = if rel.starts_with("en/") { "en" } else { "zh" };
        let title_at = toks
            .iter()
            .position(|t| matches!(t, Token::Open("title", _)))
            .unwrap_or_else(|| panic!("{rel}: no <title>"));
        let title = match &toks[title_at + 1] {
            Token::Text(t) => t.to_string(),
            _ => panic!("{rel}: empty <title>"),
        };
        titles
            .entry((lang.to_string(), title.clone()))
            .or_default()
            .push(rel.clone());
        let site = if lang == "en" {
            "Liaoning Road Street Grid Councils"
        } else {
            "辽宁路街道网格议事会"
        };
        assert!(
            title.ends_with(site),
            "{rel}: the site comes last in `{title}`"
        );

        let links: Vec<&BTreeMap<String, String>> = toks
            .iter()
            .filter_map(|t| match t {
                Token::Open("link", a)
                    if a.get("rel").map(String::as_str) == Some("alternate")
                        && a.contains_key("hreflang") =>
                {
                    Some(a)
                }
                _ => None,
            })
            .collect();
        let langs: Vec<&str> = links.iter().map(|a| a["hreflang"].as_str()).collect();
        assert_eq!(langs, ["zh", "en", "x-default"], "{rel}");
        for a in &links {
            assert!(
                a["href"].starts_with(BASE),
                "{rel}: relative hreflang `{}`",
                a["href"]
            );
        }
        let meta = |key: &str, value: &str| {
            toks.iter().find_map(|t| match t {
                Token::Open("meta", a) if a.get(key).map(String::as_str) == Some(value) => {
                    a.get("content").cloned()
                }
                _ => None,
            })
        };
        let description =
            meta("name", "description").unwrap_or_else(|| panic!("{rel}: no description"));
        assert!(!description.is_empty(), "{rel}");
        if lang == "en" {
            assert!(
                !description
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    || rel.contains("/proposals/"),
                "{rel}: a Chinese description on an English page: {description}"
            );
        }
        for p in ["og:title", "og:description", "og:url"] {
            assert!(meta("property", p).is_some(), "{rel}: no {p}");
        }
        let is_404 = rel.ends_with("404.html");
        assert_eq!(
            meta("name", "robots").as_deref() == Some("noindex"),
            is_404,
            "{rel}"
        );
        if is_404 {
            for t in &toks {
                if let Token::Open(name, a) = t {
                    for key in ["href", "src"] {
                        if let Some(v) = a.get(key) {
                            assert!(
                                v.starts_with('/')
                                    || v.starts_with("https://")
                                    || v.starts_with('#'),
                                "{rel}: relative `{v}` on <{name}>"
                            );
                        }
                    }
                }
            }
        }
        if lang == "en" {
            let unmarked = unmarked_chinese(&html);
            assert!(
                unmarked.is_empty(),
                "{rel}: Chinese without lang=\"zh\": {unmarked:?}"
            );
        }
    }
    let shared: Vec<String> = titles
        .iter()
        .filter(|(_, rels)| rels.len() > 1)
        .map(|((_, t), rels)| format!("`{t}`: {rels:?}"))
        .collect();
    assert!(
        shared.is_empty(),
        "titles shared by pages:\n{}",
        shared.join("\n")
    );
    assert!(pages > 200, "{pages} pages");

    let robots = String::from_utf8(files["robots.txt"].clone()).unwrap();
    assert!(
        robots.contains(&format!("Sitemap: {BASE}sitemap.xml")),
        "{robots}"
    );
    assert!(files.contains_key("favicon.svg"));
}

#[test]
fn english_text_outside_lang_zh_is_found() {
    let html = "<html lang=\"en\"><body><p>Hello <span lang=\"zh\">你好</span></p><p>世界</p></body></html>";
    assert_eq!(unmarked_chinese(html), ["世界"]);
}

#[test]
fn the_w3c_nu_checker_finds_no_error_in_the_demo_site_and_the_demo_city() {
    let jar = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    let here = jar.exists() && runs("java", &["-version"]);
    if !outside_tool(
        "java and the vnu-jar npm package (npm ci --prefix tests/browser)",
        here,
    ) {
        return;
    }
    let (_tmp, public) = build_demo();
    let (city, _) = build_demo_city();
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--skip-non-html", "--errors-only"])
        .arg(&public)
        .arg(city.path().join("public"))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && report.trim().is_empty(),
        "the Nu checker found errors:\n{report}"
    );
}

#[test]
fn a_sites_own_favicon_replaces_the_themes() {
    let site = states_site();
    write(site.path(), "static/favicon.ico", b"\x00\x00\x01\x00");
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    assert!(out.join("favicon.ico").exists());
    assert!(
        !out.join("favicon.svg").exists(),
        "the theme's is not published too"
    );
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("<link rel=\"icon\" href=\"favicon.ico\">"),
        "{home}"
    );
}
