//! Issue 11, items 2, 4 and 5: what a hostile record or attachment could publish. Files
//! that are not records nor of a published type were copied raw (a resident's mobile number
//! in a `.txt` report, an `.html` page, an SVG with `onload`), and 20,000 nested `<div>`s
//! took 13 s to build. Every test here failed before its fix; each drives the real binary.

mod common;

use common::*;

/// Issue 11, item 2: a record saved as `.txt`, `.md.txt` or `.docx` in reports/ or meetings/
/// passed check and was copied raw into the site, unscanned (a resident's mobile number was
/// published this way), and the old page went without a word.
#[test]
fn issue_11_2_files_that_are_not_records_or_published_types_are_reported() {
    let site = site(&[]);
    let root = site.path();
    let council = "councils/demo/grid-01";
    let report =
        std::fs::read_to_string(root.join(format!("{council}/reports/2022-06-30.md"))).unwrap();
    std::fs::remove_file(root.join(format!("{council}/reports/2022-06-30.md"))).unwrap();
    write(
        root,
        &format!("{council}/reports/2022-06-30.txt"),
        format!("{report}\n居民电话 13812345678\n"),
    );
    write(
        root,
        &format!("{council}/meetings/2022-05-01.md.txt"),
        "会议记录\n",
    );
    write(
        root,
        &format!("{council}/reports/2022-07-01.docx"),
        b"PK\x03\x04 a Word document",
    );
    write(
        root,
        &format!("{council}/files/scan.docx"),
        b"PK\x03\x04 a Word document",
    );
    write(
        root,
        &format!("{council}/files/page.html"),
        "<script>alert(1)</script>",
    );
    let (code, diags) = check_json(root);
    assert_eq!(code, 1);
    let found = places(&diags);
    assert_found(
        &found,
        [
            "reports/2022-06-30.txt",
            "meetings/2022-05-01.md.txt",
            "reports/2022-07-01.docx",
            "files/scan.docx",
            "files/page.html",
        ]
        .map(|rel| format!("misplaced-file {council}/{rel}")),
    );
    // Nothing is published, and the last site stays as it was.
    let clean = site_with_report(&report);
    let (_out, public) = build_ok(clean.path());
    let before = tree(&public);
    let (code, _) = build(root, &public);
    assert_eq!(code, 1);
    assert_eq!(tree(&public), before);
}

fn site_with_report(report: &str) -> tempfile::TempDir {
    let site = site(&[]);
    write(
        site.path(),
        "councils/demo/grid-01/reports/2022-06-30.md",
        report,
    );
    site
}

/// Issue 11, item 2: every published file that is text is scanned for personal data:
/// attachments, the text of SVG images, content attachments and static files.
#[test]
fn issue_11_2_personal_data_in_published_text_files_is_found() {
    let site = site(&[]);
    let root = site.path();
    let files = [
        (
            "councils/demo/grid-01/files/notes.txt",
            "走访记录\n王先生 138-1234-5678\n",
            2,
        ),
        (
            "councils/demo/grid-01/files/list.csv",
            "户号,电话\n3-201,13912345678\n",
            2,
        ),
        (
            "councils/demo/grid-01/files/plan.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"138\" height=\"1234\"/>\n<text>联系 0532-83456789</text>\n</svg>\n",
            3,
        ),
        ("content/about/contact.txt", "邮箱 someone@example.com\n", 1),
        ("static/info.html", "<p>身份证 11010519491231002X</p>\n", 1),
    ];
    for (rel, text, _) in files {
        write(root, rel, text);
    }
    write(
        root,
        "content/about.md",
        "+++\ntitle = \"关于\"\n+++\n\n正文。\n",
    );
    let (code, diags) = check_json(root);
    assert_eq!(code, 1);
    let found = places(&diags);
    for (rel, _, line) in files {
        assert!(
            found.contains(&format!("personal-data {rel}:{line}")),
            "{rel}: {found:?}"
        );
    }
    assert_eq!(
        found
            .iter()
            .filter(|f| f.starts_with("personal-data"))
            .count(),
        files.len(),
        "the drawing's numbers are not a phone: {found:?}"
    );
}

/// Issue 11, item 4: an SVG with `onload` or `<script>`, or an HTML file under files/, was
/// published byte for byte and ran its script on the site's origin.
#[test]
fn issue_11_4_only_safe_attachments_are_published_and_svg_is_sanitised() {
    let site = site(&[]);
    let root = site.path();
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"document.title='pwned'\">\n<script>alert(1)</script>\n<circle r=\"5\" fill=\"red\"/>\n</svg>\n";
    write(root, "councils/demo/grid-01/files/plan.svg", svg);
    write(root, "content/about/map.svg", svg);
    write(
        root,
        "content/about.md",
        "+++\ntitle = \"关于\"\n+++\n\n![地图](about/map.svg)\n",
    );
    let (code, diags) = check_json(root);
    assert_eq!(code, 0, "{diags:?}");
    let found = places(&diags);
    for rel in [
        "councils/demo/grid-01/files/plan.svg",
        "content/about/map.svg",
    ] {
        assert_found(
            &found,
            [1, 2].map(|line| format!("unsafe-html {rel}:{line}")),
        );
    }
    let (_out, public) = build_ok(root);
    for rel in ["councils/demo/grid-01/files/plan.svg", "about/map.svg"] {
        let published = std::fs::read_to_string(public.join(rel)).unwrap();
        assert!(
            published.contains("<circle r=\"5\" fill=\"red\">"),
            "{published}"
        );
        for bad in ["script", "onload", "alert", "pwned"] {
            assert!(!published.contains(bad), "{bad} in {rel}: {published}");
        }
    }
    // What cannot be made safe is not published: HTML, a disguised page, a broken SVG.
    for (rel, bytes) in [
        (
            "councils/demo/grid-01/files/page.html",
            &b"<script>alert(1)</script>"[..],
        ),
        (
            "councils/demo/grid-01/files/page.htm",
            b"<script>alert(1)</script>",
        ),
        (
            "councils/demo/grid-01/files/photo.png",
            b"<html><script>alert(1)</script>",
        ),
        (
            "councils/demo/grid-01/files/scan.pdf",
            b"<html><script>alert(1)</script>",
        ),
        (
            "councils/demo/grid-01/files/broken.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>",
        ),
        (
            "councils/demo/grid-01/files/page.xhtml",
            b"<html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
        ),
        ("content/about/page.html", b"<script>alert(1)</script>"),
    ] {
        let one = common::site(&[]);
        write(one.path(), rel, bytes);
        let (code, diags) = check_json(one.path());
        assert_eq!(code, 1, "{rel}");
        assert!(
            places(&diags)
                .iter()
                .any(|p| p.starts_with(&format!("misplaced-file {rel}"))),
            "{rel}: {diags:?}"
        );
    }
}

/// Issue 11, item 5: 20,000 nested `<div>`s took 12.7 s to build, 100,000 did not finish
/// (html5ever looks through every open element at each tag). Now HTML nested deeper than
/// 100 is published as text, with a warning. The build runs with a CPU limit of 30 s, far
/// above what it needs (a hang guard, not a speed test: the speed is in the benchmarks).
#[test]
fn issue_11_5_deeply_nested_html_is_published_as_text_in_linear_time() {
    let rel = "councils/demo/grid-01/proposals/2022-001.md";
    let (site, text) = base_with(rel);
    let root = site.path();
    let n = 100_000;
    write(
        root,
        rel,
        format!("{text}\n{}深{}\n", "<div>".repeat(n), "</div>".repeat(n)),
    );
    let (code, diags) = check_json(root);
    assert_eq!(code, 0, "{diags:?}");
    let line = text.lines().count() + 2;
    assert_found(&places(&diags), [format!("unsafe-html {rel}:{line}")]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -t 30 && exec \"$0\" build --today 2022-10-01 -o \"$1\" \"$2\"")
        .arg(assert_cmd::cargo::cargo_bin("council"))
        .arg(&public)
        .arg(root)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let page =
        std::fs::read_to_string(public.join("councils/demo/grid-01/proposals/2022-001/index.html"))
            .unwrap();
    assert!(page.contains("&lt;div&gt;&lt;div&gt;"));
    assert!(page.contains('深'));
}
