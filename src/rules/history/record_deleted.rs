//! `record-deleted`: a commit deletes or renames a committed record.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "record-deleted",
    severity: Severity::Error,
    summary: "A commit deletes or renames a committed record.",
    docs: r#"
## What it does
Reports each commit that removes a committed record (proposal, minutes, report, council.toml)
or moves it to another path.

## Why
Records are the council's public memory. A deleted proposal is a resident's request that
disappears; a renamed one breaks every link and every reference by id.

## Example
`git rm councils/huangtai/grid-03/proposals/2022-004.md`

## How to fix
Never delete records: a proposal that is no longer pursued gets `withdrawn` and
`withdrawn_reason`. If a file really was committed by mistake (a duplicate), the finding stays
in the audit as documentation; explain it in the commit message.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
