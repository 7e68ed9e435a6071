//! `invalid-value`: a field of the wrong type, outside its set or range, or malformed.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "invalid-value",
    severity: Severity::Error,
    summary: "Wrong type, value outside its set or range, malformed id, date, fraction or key.",
    docs: r#"
## What it does
Checks every field's value: text where text is expected, dates as TOML dates (`2022-04-02`,
without quotes), numbers in range (`progress` from 0 to 100), words from the allowed set
(`action` is `deliberate` or `decide`), ids of the form `[a-z0-9][a-z0-9-]*`, a quorum as a
fraction `a/b` no larger than 1, SSH keys that parse, dates that agree with each other (a
member's `to` after `from`, a deadline after the meeting), and file names that can serve as
ids and web addresses.

## Why
A value council cannot understand cannot be judged: a date in quotes is text, not a date, and
a misspelt outcome would make the lifecycle wrong.

## Example
```text
submitted = "2022-03-14"
outcome = "adopt"
progress = 120
```

## How to fix
Follow the help line: remove the quotes around dates, pick one of the listed words
(`adopted`), keep numbers in range.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

pub fn diagnostic(
    src: &Arc<Source>,
    span: Range<usize>,
    message: impl Into<String>,
    label: impl Into<String>,
) -> Diagnostic {
    RULE.at(src, span, message, label)
}

/// A finding about a file's name (no position inside the file).
pub fn file_name(src: &Arc<Source>, message: impl Into<String>) -> Diagnostic {
    RULE.diag(src.path.clone(), message)
}

/// `2022-001.fr.md` when `fr` is not a language of the site.
pub fn bad_language_suffix(rel: &str, lang: &str, languages: &[String]) -> Diagnostic {
    let help = if languages.first().is_some_and(|d| d == lang) {
        format!(
            "`{lang}` is the default language: its text is the record itself, without a language suffix"
        )
    } else {
        format!(
            "add `{lang}` to `languages` in site.toml (now {}), or rename the file",
            languages
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    RULE.diag(
        rel,
        format!("`{lang}` is not a translation language of this site"),
    )
    .help(help)
}
