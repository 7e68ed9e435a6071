//! The secretaries' guides (docs/guide.zh.md, docs/guide.en.md) cannot drift from council:
//!
//! - they end with every rule in plain words, generated from the rules' own documentation
//!   (run with `UPDATE_GUIDE=1` to write that part after changing a rule's docs);
//! - their worked example runs as written: the blocks marked with `<!-- guide: … -->` comments
//!   are the commands a secretary types, the files she writes and the output she sees, and
//!   this test types the same commands on the same files, and compares the output shown with
//!   the real one (the Chinese guide as a Chinese secretary sees it, the English one with an
//!   English locale).

use std::path::{Path, PathBuf};

const MARKER: &str = "<!-- The rules below are generated from the rules' own documentation (tests/guide.rs): edit the rules, not this section. -->";

#[test]
fn the_guides_list_every_rule_as_the_rules_document_themselves() {
    for lang in ["zh", "en"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/guide.{lang}.md"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let start = text
            .find(MARKER)
            .unwrap_or_else(|| panic!("{} has no marker line", path.display()));
        let head = &text[..start + MARKER.len()];
        let expected = format!("{head}\n\n{}", council::rules::guide_section(lang));
        if std::env::var_os("UPDATE_GUIDE").is_some() {
            std::fs::write(&path, &expected).unwrap();
            continue;
        }
        assert!(
            text == expected,
            "{} is out of date with the rules: run `UPDATE_GUIDE=1 cargo test --test guide`",
            path.display()
        );
        for rule in council::rules::REGISTRY {
            assert!(
                text.contains(&format!("## {}", rule.name)),
                "{lang}: {}",
                rule.name
            );
        }
    }
}

/// Where the guide's secretary keeps her records; replaced by the test's folder.
const HOME: &str = "/home/chenli";

/// A step of the worked example: an annotation and the block that follows it.
enum Step {
    /// Run each line of the block (or the one command given): `council …`, `git …`, `cd …`.
    Run(Vec<String>),
    /// The block (lines `start..end` of the guide) is the output of the next `council`
    /// command run and not yet compared.
    Output(String, usize, usize),
    /// Write the block to this file.
    Write(String, String),
    /// The block's `key = value` lines replace those keys in this file.
    Set(String, String),
    /// The file, as council wrote it, is the block.
    Expect(String, String),
    /// Replace text in a file (a slip made on purpose, or its correction).
    Replace(String, String, String),
}

/// The steps of a guide, in order, with the line of each.
fn steps(text: &str) -> Vec<(usize, Step)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        let Some(note) = line
            .strip_prefix("<!-- guide:")
            .and_then(|l| l.strip_suffix("-->"))
            .map(str::trim)
        else {
            i += 1;
            continue;
        };
        let at = i + 1;
        i += 1;
        let (verb, arg) = note.split_once(' ').unwrap_or((note, ""));
        if verb == "replace" {
            let (file, change) = arg.split_once(": ").expect("replace FILE: OLD => NEW");
            let (old, new) = change.split_once(" => ").expect("OLD => NEW");
            out.push((at, Step::Replace(file.into(), old.into(), new.into())));
            continue;
        }
        if verb == "run" && !arg.is_empty() {
            out.push((at, Step::Run(vec![arg.to_string()])));
            continue;
        }
        // The next fenced block.
        while !lines[i].starts_with("```") {
            i += 1;
        }
        let start = i + 1;
        i = start;
        while lines[i] != "```" {
            i += 1;
        }
        let block = lines[start..i].join("\n") + "\n";
        i += 1;
        let step = match verb {
            "run" => Step::Run(
                block
                    .lines()
                    .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                    .map(|l| l.split("  #").next().unwrap().trim().to_string())
                    .collect(),
            ),
            "output" => Step::Output(block, start, i - 1),
            "write" => Step::Write(arg.into(), block),
            "set" => Step::Set(arg.into(), block),
            "expect" => Step::Expect(arg.into(), block),
            other => panic!("line {at}: unknown guide step `{other}`"),
        };
        out.push((at, step));
    }
    out
}

/// Splits a command line into words, honouring double quotes.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            _ => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

/// The day a command is about (`--today` or `--date`), which the next commits are dated.
fn story_day(args: &[String]) -> Option<String> {
    args.windows(2)
        .find(|w| w[0] == "--today" || w[0] == "--date")
        .map(|w| w[1].clone())
}

/// Output as the guide shows it: the test's folder as the secretary's, timings as `0.02`.
fn normalise(s: &str, root: &Path) -> String {
    let s = s.replace(&root.display().to_string(), HOME);
    let mut out = String::new();
    for token in s.split_inclusive([' ', '\n']) {
        let t = token.trim_end();
        let is_time = t.contains('.')
            && t.chars().all(|c| c.is_ascii_digit() || c == '.')
            && t.chars().next().is_some_and(|c| c.is_ascii_digit());
        if is_time {
            out.push_str("0.02");
            out.push_str(&token[t.len()..]);
        } else {
            out.push_str(token);
        }
    }
    out
}

/// Runs the worked example of `guide` with the language environment `env`.
fn run_story(guide: &str, env: &[(&str, &str)]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(guide);
    let text = std::fs::read_to_string(&path).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join(".home")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("council");
    let path_var = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cwd: PathBuf = root.clone();
    let mut day = "2026-11-25".to_string();
    let mut outputs: std::collections::VecDeque<(String, String)> = Default::default();
    let mut failures = Vec::new();
    // With UPDATE_GUIDE=1, the outputs shown are replaced by the real ones.
    let mut updates: Vec<(usize, usize, String)> = Vec::new();
    for (line, step) in steps(&text) {
        match step {
            Step::Run(commands) => {
                outputs.clear();
                for c in commands {
                    let w = words(&c);
                    if w[0] == "cd" {
                        cwd = cwd.join(&w[1]);
                        continue;
                    }
                    if let Some(d) = story_day(&w) {
                        day = d;
                    }
                    let mut cmd = match w[0].as_str() {
                        "council" => std::process::Command::new(&bin),
                        "git" => {
                            let mut g = std::process::Command::new("git");
                            g.args([
                                "-c",
                                "user.name=陈丽",
                                "-c",
                                "user.email=chenli.grid01@example.org",
                                "-c",
                                "commit.gpgsign=false",
                            ]);
                            g
                        }
                        other => panic!("{guide}:{line}: cannot run `{other}`"),
                    };
                    let stamp = format!("{day}T12:00:00+08:00");
                    cmd.args(&w[1..])
                        .current_dir(&cwd)
                        .env("HOME", root.join(".home"))
                        .env("GIT_CONFIG_GLOBAL", "/dev/null")
                        .env("GIT_AUTHOR_DATE", &stamp)
                        .env("GIT_COMMITTER_DATE", &stamp)
                        .env("PATH", &path_var)
                        .env("NO_COLOR", "1");
                    for var in ["COUNCIL_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
                        cmd.env_remove(var);
                    }
                    for (k, v) in env {
                        cmd.env(k, v);
                    }
                    let out = cmd.output().unwrap();
                    assert!(
                        out.status.code().is_some_and(|c| c <= 1),
                        "{guide}:{line}: `{c}` failed: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    if w[0] == "council" {
                        let said = format!(
                            "{}{}",
                            String::from_utf8_lossy(&out.stdout),
                            String::from_utf8_lossy(&out.stderr)
                        );
                        outputs.push_back((c.clone(), normalise(&said, &root)));
                    }
                }
            }
            Step::Output(shown, start, end) => match outputs.pop_front() {
                Some((_, real)) if real.trim_end() == shown.trim_end() => {}
                Some((_, real)) if std::env::var_os("UPDATE_GUIDE").is_some() => {
                    updates.push((start, end, real.trim_end().to_string()));
                }
                Some((command, real)) => failures.push(format!(
                    "{guide}:{line}: `{command}` says\n{real}\nbut the guide shows\n{shown}\n(run `UPDATE_GUIDE=1 cargo test --test guide` to show the real output)"
                )),
                None => failures.push(format!("{guide}:{line}: an output with no command")),
            },
            Step::Write(file, content) => {
                let p = cwd.join(&file);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, content).unwrap();
            }
            Step::Set(file, lines) => {
                let p = cwd.join(&file);
                let mut text = std::fs::read_to_string(&p).unwrap();
                for l in lines.lines() {
                    let key = l.split('=').next().unwrap().trim();
                    let old = text
                        .lines()
                        .find(|x| x.split('=').next().unwrap().trim() == key)
                        .unwrap_or_else(|| panic!("{guide}:{line}: no `{key}` in {file}"))
                        .to_string();
                    text = text.replacen(&old, l, 1);
                }
                std::fs::write(p, text).unwrap();
            }
            Step::Expect(file, shown) => {
                let real = std::fs::read_to_string(cwd.join(&file)).unwrap();
                if real != shown {
                    failures.push(format!(
                        "{guide}:{line}: council wrote {file} as\n{real}\nbut the guide shows\n{shown}"
                    ));
                }
            }
            Step::Replace(file, old, new) => {
                let p = cwd.join(&file);
                let text = std::fs::read_to_string(&p).unwrap();
                assert!(text.contains(&old), "{guide}:{line}: no `{old}` in {file}");
                std::fs::write(p, text.replacen(&old, &new, 1)).unwrap();
            }
        }
    }
    if !updates.is_empty() {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for (start, end, real) in updates.into_iter().rev() {
            lines.splice(start..end, real.lines().map(str::to_string));
        }
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_chinese_guide_shows_what_a_chinese_secretary_sees() {
    // No language in the environment: the site's first language, Chinese, decides.
    run_story("docs/guide.zh.md", &[("LANG", "C.UTF-8")]);
}

#[test]
fn the_english_guide_shows_what_an_english_locale_sees() {
    run_story("docs/guide.en.md", &[("LANG", "en_GB.UTF-8")]);
}
