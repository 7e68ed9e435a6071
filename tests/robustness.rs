//! No input makes council panic: truncated, binary, empty, huge and random files, and
//! malformed TOML of every kind, in every kind of file. Each gets findings instead.

mod common;

use std::path::Path;

use common::*;
use council::check::{CheckOptions, check};

const FILES: [&str; 8] = [
    "site.toml",
    "councils/demo/area.toml",
    "councils/demo/grid-01/council.toml",
    "councils/demo/grid-01/proposals/2022-001.md",
    "councils/demo/grid-01/proposals/2022-002.md",
    "councils/demo/grid-01/meetings/2022-03-15.md",
    "councils/demo/grid-01/meetings/2022-04-02.md",
    "councils/demo/grid-01/reports/2022-06-30.md",
];

/// Checks the site in-process; returns the findings about `rel` (every finding when `rel` is
/// empty). A panic anywhere fails the test.
fn findings(root: &Path, rel: &str) -> Vec<String> {
    let opts = CheckOptions {
        path: root.to_path_buf(),
        today: Some(TODAY.parse().unwrap()),
    };
    let checked = check(&opts).expect("the site can be checked");
    checked
        .diagnostics
        .iter()
        .filter(|d| rel.is_empty() || d.file == rel)
        .map(|d| format!("{} {}", d.rule, d.message.render(council::i18n::Lang::En)))
        .collect()
}

/// A deterministic pseudo-random sequence (xorshift), so that failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn truncated_files_give_findings_not_panics() {
    let site = site(&[]);
    let root = site.path();
    for rel in FILES {
        let original = std::fs::read(root.join(rel)).unwrap();
        let step = if rel.ends_with(".md") { 1 } else { 3 };
        for cut in (0..original.len()).step_by(step) {
            write(root, rel, &original[..cut]);
            findings(root, "");
        }
        write(root, rel, &original);
    }
    // A cut in the middle of a multi-byte character is an encoding error, reported.
    let rel = "councils/demo/grid-01/proposals/2022-001.md";
    let original = std::fs::read(root.join(rel)).unwrap();
    let cut = original.iter().position(|&b| b >= 0x80).unwrap() + 1;
    write(root, rel, &original[..cut]);
    let f = findings(root, rel);
    assert!(f.iter().any(|f| f.starts_with("invalid-utf8")), "{f:?}");
}

#[test]
fn empty_files_of_every_kind_are_reported() {
    for rel in FILES {
        let site = site(&[]);
        write(site.path(), rel, "");
        let f = findings(site.path(), rel);
        assert!(!f.is_empty(), "an empty {rel} passed");
    }
}

#[test]
fn binary_and_random_files_are_reported() {
    let mut rng = Rng(0x5eed_c0de_1234_5678);
    for round in 0..60 {
        let site = site(&[]);
        let rel = FILES[round % FILES.len()];
        let len = rng.below(4096) + 1;
        let bytes: Vec<u8> = if round % 2 == 0 {
            (0..len).map(|_| rng.next() as u8).collect()
        } else {
            // Random text made of characters that matter to TOML and Markdown.
            let alphabet: Vec<char> = "+=\"'[]{}.,#\n\r\t 0123456789-:TZabcxyz议事会\\<>/`*_"
                .chars()
                .collect();
            let mut s = if rel.ends_with(".md") {
                "+++\n".to_string()
            } else {
                String::new()
            };
            s.extend((0..len).map(|_| alphabet[rng.below(alphabet.len())]));
            s.into_bytes()
        };
        write(site.path(), rel, &bytes);
        let f = findings(site.path(), rel);
        assert!(
            !f.is_empty(),
            "random content in {rel} (round {round}) passed"
        );
    }
}

#[test]
fn malformed_toml_of_every_kind_is_reported_in_every_kind_of_file() {
    let cases = [
        "title = \"unclosed",
        "title = 'unclosed",
        "title = \"\"\"never closed",
        "present = [\"a\", \"b\"",
        "votes = { yes = 1, no = 2",
        "votes = { yes = 1,\n no = 2 }",
        "title = \"a\"\ntitle = \"b\"",
        "[table]\n[table]",
        "key =",
        "= \"value\"",
        "date = 2022-02-30",
        "date = 2022-13-01",
        "date = 2022-04-02T25:00:00",
        "n = 0x",
        "n = 1__2",
        "n = 99999999999999999999999",
        "s = \"bad escape \\q\"",
        "s = \"\\uD800\"",
        "a.b = 1\na = 2",
        "[[items]]\nproposal = \"x\"\n[items]",
        "x = [1, \"mixed\"",
        "key with spaces = 1",
        "\"quoted\nkey\" = 1",
        "title = \"a\" extra",
        "\u{0}",
    ];
    for rel in FILES {
        for (i, case) in cases.iter().enumerate() {
            let site = site(&[]);
            let text = if rel.ends_with(".md") {
                format!("+++\n{case}\n+++\nbody\n")
            } else {
                format!("{case}\n")
            };
            write(site.path(), rel, &text);
            let f = findings(site.path(), rel);
            assert!(!f.is_empty(), "case {i} {case:?} in {rel} passed");
        }
    }
}

#[test]
fn deeply_nested_toml_does_not_overflow_the_stack() {
    for depth in [100, 10_000] {
        let site = site(&[]);
        let rel = "councils/demo/grid-01/proposals/2022-002.md";
        let text = format!("+++\nx = {}{}\n+++\n", "[".repeat(depth), "]".repeat(depth));
        write(site.path(), rel, &text);
        assert!(!findings(site.path(), rel).is_empty());
        let text = format!(
            "+++\nx = {}1{}\n+++\n",
            "{a = ".repeat(depth),
            "}".repeat(depth)
        );
        write(site.path(), rel, &text);
        assert!(!findings(site.path(), rel).is_empty());
    }
}

#[test]
fn huge_files_are_read_and_checked() {
    let site = site(&[]);
    let rel = "councils/demo/grid-01/proposals/2022-002.md";
    let mut text = String::from(
        "+++\ntitle = \"大文件\"\nsubmitted = 2022-09-20\nproposer = \"居民\"\n+++\n\n",
    );
    let para =
        "网格议事会讨论了加装电梯的方案，居民代表发表了意见。The council discussed the plan.\n\n";
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(para);
    }
    text.push_str("[坏链接](../proposals/none.md)\n");
    write(site.path(), rel, &text);
    let f = findings(site.path(), rel);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].starts_with("broken-link"));

    // 10 MB of one line with no front matter, and 10 MB of front matter.
    write(site.path(), rel, "x".repeat(10 * 1024 * 1024));
    assert!(!findings(site.path(), rel).is_empty());
    write(
        site.path(),
        rel,
        format!("+++\n{}\n+++\n", "a = 1\n".repeat(1_700_000)),
    );
    assert!(!findings(site.path(), rel).is_empty());
}

#[test]
fn odd_line_endings_and_bytes_do_not_confuse_positions() {
    let site = site(&[]);
    let rel = "councils/demo/grid-01/proposals/2022-002.md";
    for text in [
        "\u{feff}",
        "+++\r+++\r",
        "+++",
        "+++\n+++",
        "\r\n\r\n",
        "+++\ntitle = \"x\"\n+++\n\u{0}\u{0}",
        "+++\ntitle = \"\u{202e}\"\nsubmitted = 2022-09-20\nproposer = \"p\"\n+++\n",
    ] {
        write(site.path(), rel, text);
        findings(site.path(), "");
    }
}
