//! Diagnostics: what every stage reports when it finds a problem in the records.
//!
//! A [`Diagnostic`] is a finding, not a failure of the tool: the loader, the model and
//! the rules push them into a list, the run goes on, and at the end the list is sorted and
//! rendered once (see [`render`]). Positions are byte spans into a [`Source`], turned into
//! 1-based lines and character columns of the whole file only when rendered.
//!
//! This module knows nothing about records, rules' logic or the command line.

pub mod render;

use std::ops::Range;
use std::sync::Arc;

use crate::i18n::Msg;

/// How serious a finding is. `Error` blocks `build`; `Warning` only with `--deny-warnings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One file's text, with a table of line starts so that byte offsets become lines and
/// columns. `path` is relative to the site root with `/` separators.
#[derive(Debug)]
pub struct Source {
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Arc<Source> {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Arc::new(Source {
            path: path.into(),
            text,
            line_starts,
        })
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let col = self.text[self.line_starts[line]..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// Byte range of the 1-based line `line`, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map(|&e| e - 1)
            .unwrap_or(self.text.len());
        let mut end = end.max(start);
        if self.text[start..end].ends_with('\r') {
            end -= 1;
        }
        start..end
    }

    fn floor_char_boundary(&self, mut i: usize) -> usize {
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// A place in a file, with the short text shown under the caret.
#[derive(Clone, Debug)]
pub struct Label {
    pub source: Arc<Source>,
    pub span: Range<usize>,
    pub text: Msg,
}

/// One finding.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The rule's name (see `rules`), the key users look up with `--explain`.
    pub rule: &'static str,
    pub severity: Severity,
    /// A lowercase phrase, identifiers in backticks, no trailing period: words only when
    /// output is written, in the language of the run.
    pub message: Msg,
    /// The file the finding is about, relative to the site root.
    pub file: String,
    /// Where in `file`; `None` when no position applies (a file name, a whole file).
    pub primary: Option<Label>,
    /// Other places involved (the proposal's `submitted` line for a meeting that predates it).
    pub secondary: Vec<Label>,
    /// One concrete action that fixes the problem.
    pub help: Option<Msg>,
    /// The full commit id, for findings about git history.
    pub commit: Option<String>,
    /// Strings the message names on purpose and that masking must leave: a commit's author
    /// address in an audit finding about who made it (see `privacy::mask_except`).
    pub shown: Vec<String>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        file: impl Into<String>,
        message: Msg,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            message,
            file: file.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
            commit: None,
            shown: Vec::new(),
        }
    }

    /// Points the finding at `span` of `source`, which must be the finding's own file.
    pub fn at(mut self, source: &Arc<Source>, span: Range<usize>, label: Msg) -> Self {
        self.file = source.path.clone();
        self.primary = Some(Label {
            source: source.clone(),
            span,
            text: label,
        });
        self
    }

    pub fn also(mut self, source: &Arc<Source>, span: Range<usize>, label: Msg) -> Self {
        self.secondary.push(Label {
            source: source.clone(),
            span,
            text: label,
        });
        self
    }

    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    pub fn commit(mut self, commit: impl Into<String>) -> Self {
        self.commit = Some(commit.into());
        self
    }

    /// Leaves these strings unmasked in the message and help (see [`Diagnostic::shown`]).
    pub fn showing<S: Into<String>>(mut self, shown: impl IntoIterator<Item = S>) -> Self {
        self.shown.extend(shown.into_iter().map(Into::into));
        self
    }

    /// The message in `lang`, with personal data masked except what it names on purpose.
    pub fn masked_message(&self, lang: crate::i18n::Lang) -> String {
        crate::privacy::mask_except(&self.message.render(lang), &self.shown).into_owned()
    }

    /// The help in `lang`, masked like the message.
    pub fn masked_help(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.help
            .as_ref()
            .map(|h| crate::privacy::mask_except(&h.render(lang), &self.shown).into_owned())
    }

    /// 1-based line and column of the primary span.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        self.primary
            .as_ref()
            .map(|l| l.source.line_col(l.span.start))
    }

    fn sort_key(&self) -> (&str, usize, usize, &'static str, &Msg) {
        let (line, col) = self.line_col().unwrap_or((0, 0));
        (&self.file, line, col, self.rule, &self.message)
    }
}

/// Sorts findings by file, line, column and rule so that output is stable, and drops exact
/// repeats (the same rule at the same place with the same message).
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.commit.cmp(&b.commit))
    });
    diags.dedup_by(|a, b| a.sort_key() == b.sort_key() && a.commit == b.commit);
}

/// Counts of errors and warnings, for the summary line and the exit code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(diags: &[Diagnostic]) -> Tally {
        let mut t = Tally::default();
        for d in diags {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
            }
        }
        t
    }

    /// Whether the run fails: any error, or any warning when warnings are denied.
    pub fn fails(self, deny_warnings: bool) -> bool {
        self.errors > 0 || (deny_warnings && self.warnings > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_in_the_whole_file() {
        let s = Source::new("a.md", "+++\r\ntitle = \"加装电梯\"\r\n+++\n");
        assert_eq!(s.line_col(0), (1, 1));
        let off = s.text.find("\"加").unwrap() + 1;
        assert_eq!(s.line_col(off), (2, 10));
        let after = s.text.find("梯").unwrap();
        assert_eq!(s.line_col(after), (2, 13));
        assert_eq!(&s.text[s.line_range(2)], "title = \"加装电梯\"");
        assert_eq!(&s.text[s.line_range(3)], "+++");
    }

    #[test]
    fn offsets_inside_a_character_round_down() {
        let s = Source::new("a.md", "议事会");
        assert_eq!(s.line_col(1), (1, 1));
        assert_eq!(s.line_col(3), (1, 2));
    }
}
