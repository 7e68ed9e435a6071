//! Issue 11: what a hostile record or pull request could do, each through the real binary.
//! Every test here failed before its fix. (Attachments and raw HTML:
//! `tests/hostile_content.rs`; serve: `tests/hostile_serve.rs`; the output folder:
//! `tests/hostile_output.rs`; a real browser: `tests/hostile_browser.rs`.)

mod common;

use common::*;

/// Issue 11, item 1: site.toml linked to `/proc/self/environ` printed the CI's environment.
#[test]
fn issue_11_1_a_site_toml_linked_out_of_the_site_is_not_read() {
    let site = site(&[]);
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secrets.toml");
    std::fs::write(
        &secret,
        "token = \"ghp_TOPSECRET\"\nnot toml at all ghp_TOPSECRET\n",
    )
    .unwrap();
    std::fs::remove_file(root.join("site.toml")).unwrap();
    std::os::unix::fs::symlink(&secret, root.join("site.toml")).unwrap();
    for format in ["human", "json", "github"] {
        let out = council()
            .args(["check", "--today", TODAY, "--format", format])
            .arg(root)
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("TOPSECRET"), "{all}");
        assert_eq!(out.status.code(), Some(1), "{all}");
    }
    let (_, diags) = check_json(root);
    assert!(
        places(&diags).contains(&"misplaced-file site.toml".to_string()),
        "{diags:?}"
    );
    // The environment of the process itself, the original report.
    std::fs::remove_file(root.join("site.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", root.join("site.toml")).unwrap();
    let out = council()
        .args(["check", "--today", TODAY])
        .arg(root)
        .env("CI_TOKEN", "ghp_TOPSECRET")
        .output()
        .unwrap();
    let all = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(!all.contains("TOPSECRET"), "{all}");
    assert!(!all.contains("CI_TOKEN"), "{all}");
}

/// Issue 11, item 3: phone numbers the scanner did not see.
#[test]
fn issue_11_3_phone_numbers_in_every_common_form_are_personal_data() {
    let rel = "councils/demo/grid-01/proposals/2022-001.md";
    let (site, text) = base_with(rel);
    let root = site.path();
    let numbers = [
        "+8613812345678",
        "0086 138 1234 5678",
        "138.1234.5678",
        "+86 138-1234-5678",
        "0532-83456789",
        "(0532) 8345 6789",
    ];
    let mut body = text.clone();
    for n in numbers {
        body.push_str(&format!("\n联系电话 {n}。\n"));
    }
    write(root, rel, &body);
    let first = text.lines().count() + 2;
    let (code, diags) = check_json(root);
    assert_eq!(code, 1);
    let found = places(&diags);
    for (i, n) in numbers.iter().enumerate() {
        let at = format!("personal-data {rel}:{}", first + 2 * i);
        assert!(found.contains(&at), "{n}: {at} not in {found:?}");
    }
    // No finding repeats the number.
    let out = council()
        .args(["check", "--today", TODAY])
        .arg(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    for n in numbers {
        assert!(!stdout.contains(n), "{n} shown in {stdout}");
    }
}

/// Issue 11, item 8: names with control characters, spaces, `<>` or `%2e%2e%2f` were
/// published raw (an ESC made sitemap.xml invalid XML).
#[test]
fn issue_11_8_names_that_cannot_be_web_addresses_are_reported() {
    let site = site(&[]);
    let root = site.path();
    let page = "+++\ntitle = \"页面\"\n+++\n\n正文。\n";
    for name in ["a b", "<b>x</b>", "%2e%2e%2f", "esc\u{1b}[31m", "tab\there"] {
        write(root, &format!("content/{name}.md"), page);
    }
    write(root, "content/ok-page.md", page);
    write(root, "content/bad dir/inner.md", page);
    std::fs::rename(
        root.join("councils/demo/grid-01"),
        root.join("councils/demo/grid\u{1b}01"),
    )
    .unwrap();
    write(
        root,
        "councils/demo/grid\u{1b}01/files/plan<1>.txt",
        "平面图\n",
    );
    write(
        root,
        "councils/demo/grid\u{1b}01/files/平面图 第2版.txt",
        "平面图\n",
    );
    let (code, diags) = check_json(root);
    assert_eq!(code, 1);
    let found = places(&diags);
    for bad in [
        "content/a b.md",
        "content/<b>x</b>.md",
        "content/%2e%2e%2f.md",
        "content/esc\u{1b}[31m.md",
        "content/tab\there.md",
        "content/bad dir",
        "councils/demo/grid\u{1b}01",
        "councils/demo/grid\u{1b}01/files/plan<1>.txt",
    ] {
        assert!(
            found.contains(&format!("invalid-value {bad}")),
            "{bad:?} not in {found:?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|f| f.contains("ok-page") || f.contains("第2版")),
        "{found:?}"
    );
    // The terminal never receives the raw control characters.
    let out = council()
        .args(["check", "--today", TODAY])
        .arg(root)
        .output()
        .unwrap();
    assert!(
        !out.stdout.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("esc\\u{1b}[31m"));
    // And nothing is published.
    let public = tempfile::tempdir().unwrap();
    let (code, _) = build(root, &public.path().join("public"));
    assert_eq!(code, 1);
    assert!(!public.path().join("public").exists());
}

/// Issue 11, item 9: a content page or static file at a generated address passed check and
/// then failed the build (twice with a bare `Is a directory`).
#[test]
fn issue_11_9_pages_and_files_at_generated_addresses_are_misplaced() {
    let page = "+++\ntitle = \"页面\"\n+++\n\n正文。\n";
    let cases: &[&[&str]] = &[
        &["content/en/about.md"],
        &["content/councils/x.md"],
        &["content/data/records.json.md"],
        &["static/data/records.json"],
        &["content/decisions.md"],
        &["static/feed.xml"],
        &["static/style.css"],
        &["static/sitemap-2.xml"],
        &["content/about/_index.md", "content/about.md"],
        &["content/about.md", "static/about/index.html"],
        &["content/a.txt", "static/a.txt/b.txt"],
    ];
    for files in cases {
        let site = site(&[]);
        let root = site.path();
        for f in *files {
            write(root, f, page);
        }
        let (code, diags) = check_json(root);
        let found = places(&diags);
        assert_eq!(code, 1, "{files:?}: {found:?}");
        assert!(
            files
                .iter()
                .any(|f| found.contains(&format!("misplaced-file {f}"))),
            "{files:?}: {found:?}"
        );
        let out = tempfile::tempdir().unwrap();
        let (code, stderr) = build(root, &out.path().join("public"));
        assert_eq!(code, 1, "{files:?}: {stderr}");
        assert!(!stderr.contains("Is a directory"), "{stderr}");
    }
    // Near misses publish.
    let site = site(&[]);
    let root = site.path();
    write(root, "content/about.md", page);
    write(root, "content/en-notes/x.md", page);
    write(root, "static/data-extra/x.csv", "a,b\n");
    write(root, "static/about/photo.png", "");
    // The two a site may replace (SPEC §5).
    write(root, "static/robots.txt", "User-agent: *\n");
    write(
        root,
        "static/favicon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let (code, diags) = check_json(root);
    assert_eq!(code, 0, "{diags:?}");
    let (_out, public) = build_ok(root);
    assert_eq!(
        std::fs::read_to_string(public.join("robots.txt")).unwrap(),
        "User-agent: *\n"
    );
}

/// Issue 11, item 9: the list of generated addresses covers every file a build writes, so a
/// page added later cannot be shadowed by a content page without `check` saying so.
#[test]
fn issue_11_9_every_top_level_name_of_a_build_is_listed_as_generated() {
    let site = states_site();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, stderr) = build(site.path(), &public);
    assert_eq!(code, 0, "{stderr}");
    let theme: Vec<&str> = council::site::theme::DEFAULT_THEME
        .iter()
        .filter_map(|(p, _)| p.strip_prefix("static/"))
        .collect();
    let languages = ["en".to_string()];
    let from_sources: Vec<String> = ["content", "static"]
        .iter()
        .flat_map(|top| {
            std::fs::read_dir(site.path().join(top))
                .into_iter()
                .flatten()
        })
        .map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".md").unwrap_or(&name).to_string()
        })
        .collect();
    for entry in std::fs::read_dir(&public).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || from_sources.contains(&name) || theme.contains(&name.as_str()) {
            continue;
        }
        assert!(
            council::site::routes::generated(&name, &languages).is_some(),
            "`{name}` is written by the build but not in site::routes::GENERATED"
        );
    }
}

/// Issue 11, item 10: a 500 MB record took 4 GB of memory to build. Now every file has a
/// documented size limit, enforced with a finding; the record is never read (the test runs
/// council with 1 GiB of address space, and the file is sparse: it costs no disk).
#[test]
fn issue_11_10_a_500_mb_record_is_a_finding_not_4_gb_of_memory() {
    let site = site(&[]);
    let root = site.path();
    let rel = "councils/demo/grid-01/proposals/2022-002.md";
    sparse(root, rel, 500 << 20);
    let attachment = "councils/demo/grid-01/files/scan.pdf";
    write(root, attachment, "%PDF-1.7\n");
    sparse(root, attachment, 300 << 20);
    let out = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("council");
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" build --today 2022-10-01 -o \"$1\" \"$2\"")
        .arg(&bin)
        .arg(out.path().join("public"))
        .arg(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let (_, diags) = check_json(root);
    let found = places(&diags);
    assert!(
        found.contains(&format!("misplaced-file {rel}")),
        "{found:?}"
    );
}

/// Makes the file `rel` `len` bytes long without writing them (a sparse file).
fn sparse(root: &std::path::Path, rel: &str, len: u64) {
    std::fs::OpenOptions::new()
        .write(true)
        .open(root.join(rel))
        .unwrap()
        .set_len(len)
        .unwrap();
}

/// Issue 11, item 10: `--output` inside `static/`, `themes/` or `.git/` was accepted once, and
/// the site was then republished inside itself.
#[test]
fn issue_11_10_an_output_inside_the_sources_or_git_is_refused() {
    let site = site(&[]);
    let root = site.path();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::create_dir_all(root.join("themes/default")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    for out in [
        "static/public",
        "themes/default/out",
        ".git/public",
        "static/a/b/public",
        "public/../static/x",
    ] {
        let (code, stderr) = build(root, &root.join(out));
        assert_eq!(code, 2, "{out}: {stderr}");
        assert!(stderr.contains("inside the site's"), "{out}: {stderr}");
    }
    let leftovers: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().to_string_lossy().contains("public"))
        .map(|e| e.path().display().to_string())
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Issue 11, item 10: `--base-url` was not validated (site.toml's `base_url` barely).
#[test]
fn issue_11_10_base_urls_are_validated() {
    let site = site(&[]);
    let root = site.path();
    let out = tempfile::tempdir().unwrap();
    for bad in [
        "javascript:alert(1)//",
        "https://example.org/\"><script>alert(1)</script>",
        "//example.org/",
        "https://user:pw@example.org/",
        "https://example.org/?q=1",
        "https://exa mple.org/",
        "ftp://example.org/",
    ] {
        let o = council()
            .args(["build", "--today", TODAY, "--base-url", bad, "-o"])
            .arg(out.path().join("public"))
            .arg(root)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("--base-url"));
        assert!(!out.path().join("public").exists());
        let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
        let changed = toml.replace("https://example.org/", &bad.replace('"', "\\\""));
        write(root, "site.toml", &changed);
        let (code, diags) = check_json(root);
        assert_eq!(code, 1, "{bad}");
        assert!(
            places(&diags).contains(&"invalid-value site.toml:2".to_string()),
            "{bad}: {diags:?}"
        );
        write(root, "site.toml", &toml);
    }
    let (code, stderr) = build(root, &out.path().join("public"));
    assert_eq!(code, 0, "{stderr}");
}

/// Issue 11, item 10: in decisions.csv a leading space or line break before `=` escaped the
/// formula guard.
#[test]
fn issue_11_10_no_csv_cell_starts_a_formula_after_blanks() {
    let rel = "councils/demo/grid-01/meetings/2022-04-02.md";
    let (site, text) = base_with(rel);
    let root = site.path();
    let owner = text
        .lines()
        .find(|l| l.starts_with("owner ="))
        .expect("the base fixture adopts a matter")
        .to_string();
    for hostile in [
        r#"owner = " =HYPERLINK(\"http://evil.example/\",\"x\")""#,
        r#"owner = "\n=1+cmd|' /C calc'!A0""#,
        r#"owner = "\t@SUM(1+1)""#,
        r#"owner = "＝1+2""#,
    ] {
        write(root, rel, text.replace(&owner, hostile));
        let out = tempfile::tempdir().unwrap();
        let public = out.path().join("public");
        let (code, stderr) = build(root, &public);
        assert_eq!(code, 0, "{stderr}");
        let csv = std::fs::read_to_string(public.join("data/decisions.csv")).unwrap();
        let cells = csv_cells(&csv);
        assert!(
            cells.iter().any(|c| c
                .trim_start_matches('\'')
                .trim_start()
                .starts_with(['=', '@', '＝'])),
            "the hostile owner is in the file"
        );
        for c in cells {
            assert!(
                !c.trim_start().starts_with(['=', '+', '@', '＝']),
                "{hostile}: a cell starts a formula: {c:?}"
            );
        }
    }
}

/// The cells of a CSV file (RFC 4180 quoting).
fn csv_cells(csv: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = csv.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') | (false, '\n') => cells.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (_, c) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}
