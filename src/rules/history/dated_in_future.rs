//! `dated-in-future`: a record committed before its own date.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "dated-in-future",
    severity: Severity::Error,
    summary: "A record is first committed before its own date.",
    docs: r#"
## What it does
Finds the commit that first added each record and checks that the record's own date
(`submitted`, a meeting's `date`, a report's `date`) is not after the commit's date.

## Why
Minutes of a meeting that has not happened yet are not minutes: they are a script. A record
dated in the future is either a typo in the year or a decision written before it was taken.

## Example
Minutes with `date = 2022-04-20` first committed on 2022-04-02.

## How to fix
Correct the date if it is a typo. Never commit minutes before the meeting.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
