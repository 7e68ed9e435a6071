//! Turning findings into text: rustc-style for people, JSON (SPEC §6) for programs, and
//! GitHub/Gitea workflow annotations for CI.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Label, Severity, Tally};
use crate::i18n::{Lang, Msg};
use crate::msg;
use crate::privacy::mask;

/// Output formats of `check` and `audit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Renders findings in `format`, in `lang`. `color` only applies to the human format.
pub fn render(diags: &[Diagnostic], format: Format, color: bool, lang: Lang) -> String {
    match format {
        Format::Human => human(diags, color, lang),
        Format::Json => json(diags, lang),
        Format::Github => github(diags, lang),
    }
}

/// The rustc-style rendering of every finding, one after another.
pub fn human(diags: &[Diagnostic], color: bool, lang: Lang) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        out.push_str(&human_one(d, &renderer, lang));
        out.push_str("\n\n");
    }
    out
}

/// A snippet's path, text (masked of personal data), first line, and annotations
/// (range in the text, label, primary).
type OwnedSnippet = (
    String,
    String,
    usize,
    Vec<(std::ops::Range<usize>, String, bool)>,
);

/// The name of a level (`error`, `help`…) in `lang`.
fn level_name(level: &str, lang: Lang) -> String {
    match level {
        "error" => msg!("level-error"),
        "warning" => msg!("level-warning"),
        "help" => msg!("level-help"),
        _ => msg!("level-note"),
    }
    .render(lang)
}

fn human_one(d: &Diagnostic, renderer: &Renderer, lang: Lang) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(level_name("error", lang)),
        Severity::Warning => Level::WARNING.with_name(level_name("warning", lang)),
    };
    // Snippets own their text: a copy of the lines shown, masked.
    let mut snippets: Vec<OwnedSnippet> = Vec::new();
    let mut by_file: BTreeMap<&str, Vec<(&Label, bool)>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    let labels = d
        .primary
        .iter()
        .map(|l| (l, true))
        .chain(d.secondary.iter().map(|l| (l, false)));
    for (l, primary) in labels {
        let path = l.source.path.as_str();
        if !by_file.contains_key(path) {
            order.push(path);
        }
        by_file.entry(path).or_default().push((l, primary));
    }
    for path in order {
        let labels = &by_file[path];
        let source = &labels[0].0.source;
        let first = labels
            .iter()
            .map(|(l, _)| source.line_col(l.span.start).0)
            .min()
            .unwrap_or(1);
        let last = labels
            .iter()
            .map(|(l, _)| source.line_col(l.span.end.max(l.span.start)).0)
            .max()
            .unwrap_or(first)
            .min(first + 12);
        let start = source.line_range(first).start;
        let end = source.line_range(last).end;
        // Findings never show personal data, whatever their rule: the shown lines are
        // masked (offsets are kept, see `privacy::mask`).
        let text = mask(&source.text[start..end]).into_owned();
        let mut anns = Vec::new();
        for (l, primary) in labels {
            let s = l.span.start.clamp(start, end) - start;
            let e = l.span.end.clamp(start, end) - start;
            let (s, e) = (floor(&text, s), floor(&text, e.max(s)));
            anns.push((s..e, mask(&l.text.render(lang)).into_owned(), *primary));
        }
        snippets.push((path.to_string(), text, first, anns));
    }

    let message = d.masked_message(lang);
    let title = level.primary_title(message.as_str()).id(d.rule);
    let mut group: Group<'_> = Group::with_title(title);
    if snippets.is_empty() {
        group = group.element(Origin::path(d.file.as_str()));
    }
    for (path, text, line, anns) in &snippets {
        let mut snippet = Snippet::source(text.as_str())
            .line_start(*line)
            .path(path.as_str())
            .fold(true);
        for (span, label, primary) in anns {
            let kind = if *primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let ann = if label.is_empty() {
                kind.span(span.clone())
            } else {
                kind.span(span.clone()).label(label.as_str())
            };
            snippet = snippet.annotation(ann);
        }
        group = group.element(snippet);
    }
    if let Some(commit) = &d.commit {
        group = group.element(
            Level::NOTE
                .with_name(level_name("note", lang))
                .message(msg!("note-in-commit", commit).render(lang)),
        );
    }
    if let Some(help) = d.masked_help(lang) {
        group = group.element(
            Level::HELP
                .with_name(level_name("help", lang))
                .message(help),
        );
    }
    renderer.render(&[group])
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The closing summary line, e.g. `error: 3 errors and 1 warning in 41 files`. `what` says
/// what was checked (`msg!("what-files", count)`).
pub fn summary(tally: Tally, what: Msg, lang: Lang) -> String {
    let errors = msg!("count-errors", count = tally.errors);
    let warnings = msg!("count-warnings", count = tally.warnings);
    match (tally.errors, tally.warnings) {
        (0, 0) => msg!("summary-ok", what),
        (0, _) => msg!("summary-warnings", warnings, what),
        (_, 0) => msg!("summary-errors", errors, what),
        (_, _) => msg!("summary-both", errors, warnings, what),
    }
    .render(lang)
}

#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    help: Option<String>,
    commit: Option<&'a str>,
}

/// Something said once about a whole run (`audit`: a rule switched off for a council), shown
/// in JSON as an entry of severity `note` without a position or commit.
pub struct JsonNote<'a> {
    pub rule: &'a str,
    pub file: &'a str,
    pub message: &'a Msg,
}

/// One JSON array, exactly the shape of SPEC §6: rule names, severities and field names
/// stay as they are; `message` and `help` are in `lang`.
pub fn json(diags: &[Diagnostic], lang: Lang) -> String {
    json_with_notes(diags, &[], lang)
}

/// [`json`], with notes after the findings.
pub fn json_with_notes(diags: &[Diagnostic], notes: &[JsonNote<'_>], lang: Lang) -> String {
    let mut items: Vec<JsonDiagnostic<'_>> = diags
        .iter()
        .map(|d| {
            let lc = d.line_col();
            JsonDiagnostic {
                rule: d.rule,
                severity: d.severity.as_str(),
                file: &d.file,
                line: lc.map(|x| x.0),
                column: lc.map(|x| x.1),
                message: d.masked_message(lang),
                help: d.masked_help(lang),
                commit: d.commit.as_deref(),
            }
        })
        .collect();
    items.extend(notes.iter().map(|n| JsonDiagnostic {
        rule: n.rule,
        severity: "note",
        file: n.file,
        line: None,
        column: None,
        message: mask(&n.message.render(lang)).into_owned(),
        help: None,
        commit: None,
    }));
    let mut s = serde_json::to_string_pretty(&items).expect("diagnostics serialise");
    s.push('\n');
    s
}

/// GitHub and Gitea workflow commands: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(diags: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in diags {
        let mut props = format!("file={}", escape_property(&d.file));
        if let Some((line, col)) = d.line_col() {
            let _ = write!(props, ",line={line},col={col}");
        }
        let _ = write!(props, ",title={}", escape_property(d.rule));
        let mut msg = format!("{} [{}]", d.masked_message(lang), d.rule);
        if let Some(help) = d.masked_help(lang) {
            let _ = write!(msg, "\n{}: {}", level_name("help", lang), help);
        }
        if let Some(c) = &d.commit {
            let _ = write!(msg, "\n{}", msg!("note-in-commit", commit = c).render(lang));
        }
        let _ = writeln!(
            out,
            "::{} {}::{}",
            d.severity.as_str(),
            props,
            escape_data(&msg)
        );
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Source;

    fn sample() -> Diagnostic {
        let src = Source::new(
            "councils/a/g/meetings/2022-04-05.md",
            "+++\ndate = 2022-04-05\npresent = [\"m1\", \"m2\"]\n+++\n",
        );
        let start = src.text.find('[').unwrap();
        let end = src.text.find(']').unwrap() + 1;
        Diagnostic::new(
            "quorum-not-met",
            Severity::Error,
            "",
            msg!(
                "quorum-not-met",
                present = 2,
                serving = 7,
                quorum = "2/3",
                needed = 5
            ),
        )
        .at(&src, start..end, msg!("quorum-present-label", present = 2))
        .help(msg!("quorum-not-met-help", needed = 5))
    }

    #[test]
    fn human_output_in_chinese_names_the_levels_in_chinese() {
        let out = human(&[sample()], false, Lang::Zh);
        assert!(out.starts_with("错误[quorum-not-met]: "), "{out}");
        assert!(out.contains("= 怎么改: "), "{out}");
    }

    #[test]
    fn human_output_looks_like_rustc() {
        let out = human(&[sample()], false, Lang::En);
        assert!(out.starts_with("error[quorum-not-met]: decision taken with 2 of 7 voting members present; quorum is 2/3 (5)\n"), "{out}");
        assert!(out.contains("--> councils/a/g/meetings/2022-04-05.md:3:11"));
        assert!(out.contains("3 | present = [\"m1\", \"m2\"]"));
        assert!(out.contains("^^^^^^^^^^^^ 2 present"));
        assert!(
            out.contains("= help: record the decision at a meeting"),
            "{out}"
        );
    }

    #[test]
    fn redacted_findings_never_show_the_text() {
        let src = Source::new("a.md", "+++\nproposer = \"call 13812345678\"\n+++\n");
        let s = src.text.find("138").unwrap();
        let d = Diagnostic::new(
            "personal-data",
            Severity::Error,
            "",
            msg!("personal-data", what = msg!("privacy-mobile")),
        )
        .at(&src, s..s + 11, msg!("personal-data-label"));
        let out = human(&[d], false, Lang::En);
        assert!(!out.contains("13812345678"), "{out}");
        assert!(out.contains("***********"), "{out}");
    }

    #[test]
    fn json_has_the_fields_of_the_contract_in_order() {
        let out = json(&[sample()], Lang::En);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let o = &v[0];
        assert_eq!(o["rule"], "quorum-not-met");
        assert_eq!(o["line"], 3);
        assert_eq!(o["column"], 11);
        assert_eq!(o["commit"], serde_json::Value::Null);
        let keys: Vec<_> = out
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"'))
            .map(|l| l.split('"').next().unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "rule", "severity", "file", "line", "column", "message", "help", "commit"
            ]
        );
    }

    #[test]
    fn github_annotations_escape_newlines_and_commas() {
        let out = github(&[sample()], Lang::En);
        assert!(out.starts_with(
            "::error file=councils/a/g/meetings/2022-04-05.md,line=3,col=11,title=quorum-not-met::"
        ));
        assert!(out.contains("%0Ahelp: record the decision"), "{out}");
    }

    #[test]
    fn summary_counts_in_words() {
        let t = Tally {
            errors: 3,
            warnings: 1,
        };
        assert_eq!(
            summary(t, msg!("what-files", count = 41), Lang::En),
            "error: 3 errors and 1 warning in 41 files"
        );
        assert_eq!(
            summary(Tally::default(), msg!("what-files", count = 2), Lang::En),
            "ok: no problems in 2 files"
        );
        assert_eq!(
            summary(t, msg!("what-files", count = 41), Lang::Zh),
            "错误：检查了 41 个文件，发现 3 个错误、1 个警告"
        );
    }
}
