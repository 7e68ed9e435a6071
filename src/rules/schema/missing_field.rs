//! `missing-field`: a required field is absent.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "missing-field",
    severity: Severity::Error,
    summary: "A required field is absent (also item fields required by the outcome).",
    docs: r#"
## What it does
Checks that each file has the fields SPEC §3 requires: a proposal's `title`, `submitted` and
`proposer`; the minutes' `date`, `chair`, `recorder`, `present` and at least one `[[items]]`;
each item's `proposal` and `action`, and for a decision its `outcome`; an adopted decision's
`votes`, `owner` and `due`; a rejected one's `votes`; a referred one's `referred_to`; a
report's `proposal`, `date`, `by`, `progress` and `status`; a council's `name`, `established`
and members with `id`, `name` and `from`.

## Why
A decision without its votes or deadline cannot be supervised, and residents cannot see who
is responsible. The record must say it.

## Example
```text
[[items]]
proposal = "2022-001"
action = "decide"
outcome = "adopted"
votes = { yes = 6, no = 0, abstain = 1 }
```
(no `owner`, no `due`)

## How to fix
Add the missing field with its value, for example `owner = "社区居委会"` and
`due = 2022-09-30`.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

/// `what` is the table in words ("the proposal", "item 2"); `example` a line to add.
pub fn diagnostic(
    src: &Arc<Source>,
    anchor: Range<usize>,
    what: &str,
    key: &str,
    example: &str,
) -> Diagnostic {
    let first_line = example.lines().next().unwrap_or(example);
    RULE.at(
        src,
        anchor,
        format!("{what} has no `{key}`"),
        format!("`{key}` is required"),
    )
    .help(format!("add `{first_line}` with the right value"))
}
