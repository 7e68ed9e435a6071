//! `decision-rewritten`: a commit changes a decision already committed.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "decision-rewritten",
    severity: Severity::Error,
    summary: "A commit changes the date, present list or any decide item (outcome, votes, owner, due) of a meeting record an earlier commit already held.",
    docs: r#"
## What it does
Compares each meeting record with its previous committed version and reports a commit that
changes the meeting's `date`, its `present` list, or any `decide` item's `outcome`, `votes`,
`owner` or `due` (or removes or adds a decision).

## Why
Once minutes are committed, the decision is public. Quietly changing votes or a deadline later
rewrites what residents were told. Corrections happen, but they must be visible: the audit
lists every one with its author and date, so that auditors can ask why.

## Example
A commit changes `votes = { yes = 5, no = 1, abstain = 0 }` to `{ yes = 4, no = 2, abstain = 0 }`
in minutes committed a month earlier.

## How to fix
Do not edit decisions after the fact. If the minutes were wrong, correct them in a commit whose
message explains the correction and cites the council's approval; the finding then documents
the correction. Changes in the text, a typo in the title or a new translation are not
decisions and do not fire.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
