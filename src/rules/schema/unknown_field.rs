//! `unknown-field`: a field the format does not know.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::model::suggest;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "unknown-field",
    severity: Severity::Error,
    summary: "A field the format does not know; help suggests the nearest known name.",
    docs: r#"
## What it does
Reports every field that SPEC §3 does not define for that kind of file or table, and suggests
the known field nearest to it. Only `[extra]` in site.toml and pages is free-form.

## Why
A typo must not pass silently: `sumitted = 2022-03-14` would otherwise leave the proposal
without a submission date, and `owner` misspelt would publish a decision with nobody
responsible.

## Example
```text
title = "为黄台路41号加装电梯"
sumitted = 2022-03-14
```

## How to fix
Correct the spelling (`submitted`), or remove the field if it has no place in the record.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

pub fn diagnostic(
    src: &Arc<Source>,
    span: Range<usize>,
    what: &str,
    key: &str,
    known: &[&'static str],
) -> Diagnostic {
    let d = RULE.at(
        src,
        span,
        format!("unknown field `{key}` in {what}"),
        "not a known field",
    );
    match suggest(key, known) {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None if known.is_empty() => d.help("this table takes no fields; remove it"),
        None => d.help(format!(
            "known fields here: {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}
