//! Turning findings into text: rustc-style for people, JSON (SPEC §6) for programs, and
//! GitHub/Gitea workflow annotations for CI.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Label, Severity, Tally};
use crate::privacy::mask;

/// Output formats of `check` and `audit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Renders findings in `format`. `color` only applies to the human format.
pub fn render(diags: &[Diagnostic], format: Format, color: bool) -> String {
    match format {
        Format::Human => human(diags, color),
        Format::Json => json(diags),
        Format::Github => github(diags),
    }
}

/// The rustc-style rendering of every finding, one after another.
pub fn human(diags: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        out.push_str(&human_one(d, &renderer));
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

fn human_one(d: &Diagnostic, renderer: &Renderer) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
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
            anns.push((s..e, mask(&l.text).into_owned(), *primary));
        }
        snippets.push((path.to_string(), text, first, anns));
    }

    let message = d.masked_message();
    let title = level.primary_title(message.as_ref()).id(d.rule);
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
        group = group.element(Level::NOTE.message(format!("in commit {commit}")));
    }
    if let Some(help) = d.masked_help() {
        group = group.element(Level::HELP.message(help));
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

/// The closing summary line, e.g. `error: 3 errors and 1 warning in 41 records`.
pub fn summary(tally: Tally, what: &str) -> String {
    fn n(count: usize, word: &str) -> String {
        if count == 1 {
            format!("1 {word}")
        } else {
            format!("{count} {word}s")
        }
    }
    match (tally.errors, tally.warnings) {
        (0, 0) => format!("ok: no problems in {what}"),
        (0, w) => format!("warning: {} in {what}", n(w, "warning")),
        (e, 0) => format!("error: {} in {what}", n(e, "error")),
        (e, w) => format!("error: {} and {} in {what}", n(e, "error"), n(w, "warning")),
    }
}

#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: std::borrow::Cow<'a, str>,
    help: Option<std::borrow::Cow<'a, str>>,
    commit: Option<&'a str>,
}

/// Something said once about a whole run (`audit`: a rule switched off for a council), shown
/// in JSON as an entry of severity `note` without a position or commit.
pub struct JsonNote<'a> {
    pub rule: &'a str,
    pub file: &'a str,
    pub message: &'a str,
}

/// One JSON array, exactly the shape of SPEC §6.
pub fn json(diags: &[Diagnostic]) -> String {
    json_with_notes(diags, &[])
}

/// [`json`], with notes after the findings.
pub fn json_with_notes(diags: &[Diagnostic], notes: &[JsonNote<'_>]) -> String {
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
                message: d.masked_message(),
                help: d.masked_help(),
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
        message: mask(n.message),
        help: None,
        commit: None,
    }));
    let mut s = serde_json::to_string_pretty(&items).expect("diagnostics serialise");
    s.push('\n');
    s
}

/// GitHub and Gitea workflow commands: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let mut props = format!("file={}", escape_property(&d.file));
        if let Some((line, col)) = d.line_col() {
            let _ = write!(props, ",line={line},col={col}");
        }
        let _ = write!(props, ",title={}", escape_property(d.rule));
        let mut msg = format!("{} [{}]", d.masked_message(), d.rule);
        if let Some(help) = d.masked_help() {
            let _ = write!(msg, "\nhelp: {help}");
        }
        if let Some(c) = &d.commit {
            let _ = write!(msg, "\ncommit: {c}");
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
            "decision taken with 2 of 7",
        )
        .at(&src, start..end, "2 present")
        .help("hold the vote with at least 5 voting members present")
    }

    #[test]
    fn human_output_looks_like_rustc() {
        let out = human(&[sample()], false);
        assert!(out.starts_with("error[quorum-not-met]: decision taken with 2 of 7\n"));
        assert!(out.contains("--> councils/a/g/meetings/2022-04-05.md:3:11"));
        assert!(out.contains("3 | present = [\"m1\", \"m2\"]"));
        assert!(out.contains("^^^^^^^^^^^^ 2 present"));
        assert!(out.contains("= help: hold the vote"));
    }

    #[test]
    fn redacted_findings_never_show_the_text() {
        let src = Source::new("a.md", "+++\nproposer = \"call 13812345678\"\n+++\n");
        let s = src.text.find("138").unwrap();
        let d = Diagnostic::new("personal-data", Severity::Error, "", "a mobile number").at(
            &src,
            s..s + 11,
            "mobile number",
        );
        let out = human(&[d], false);
        assert!(!out.contains("13812345678"), "{out}");
        assert!(out.contains("***********"), "{out}");
    }

    #[test]
    fn json_has_the_fields_of_the_contract_in_order() {
        let out = json(&[sample()]);
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
        let out = github(&[sample()]);
        assert!(out.starts_with(
            "::error file=councils/a/g/meetings/2022-04-05.md,line=3,col=11,title=quorum-not-met::"
        ));
        assert!(out.contains("%0Ahelp: hold"));
    }

    #[test]
    fn summary_counts_in_words() {
        let t = Tally {
            errors: 3,
            warnings: 1,
        };
        assert_eq!(
            summary(t, "41 records"),
            "error: 3 errors and 1 warning in 41 records"
        );
        assert_eq!(
            summary(Tally::default(), "2 records"),
            "ok: no problems in 2 records"
        );
    }
}
