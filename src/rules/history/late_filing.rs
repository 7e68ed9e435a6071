//! `late-filing`: minutes committed long after the meeting.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "late-filing",
    severity: Severity::Warning,
    summary: "A meeting record is first committed more than filing_days after its date.",
    docs: r#"
## What it does
Finds the commit that first added each meeting record and compares its date with the meeting's
`date`: more than `[lifecycle] filing_days` (default 7) days later is late.

## Why
Minutes written weeks later are less reliable, and residents wait for decisions that were
already taken.

## Example
Minutes of a meeting on 2022-04-02 first committed on 2022-05-20.

## How to fix
Commit minutes within a week of the meeting. For old paper minutes entered later, the warning
documents that they were filed late; explain it in the commit message.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
