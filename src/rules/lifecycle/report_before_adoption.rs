//! `report-before-adoption`: a supervision report on a matter not adopted at its date.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::model::Outcome;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "report-before-adoption",
    severity: Severity::Error,
    summary: "A report is dated when the proposal is not adopted.",
    docs: r#"
## What it does
Checks that each supervision report is dated after a decision adopting its matter (and that
the latest decision before it is that adoption).

## Why
Supervisors follow the implementation of what the council adopted. A report on a matter still
under discussion, rejected or referred supervises nothing, and would make the lifecycle
inconsistent.

## Example
`reports/2022-03-20-2022-001.md` dated 2022-03-20, while `2022-001` was adopted on 2022-04-02.

## How to fix
Check the report's `date` and `proposal`. If the matter was adopted at a meeting whose minutes
are missing, add those minutes.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::walk(ctx, |s| {
        let EventKind::Report { report } = s.event.kind else {
            return;
        };
        if matches!(s.decision, Some((_, _, Outcome::Adopted))) {
            return;
        }
        let r = &s.council.reports[report];
        let Some(date) = &r.date else { return };
        let state = match s.decision {
            None => "not decided yet".to_string(),
            Some((_, _, o)) => format!("{o}"),
        };
        out.push(
            RULE.at(
                &r.meta.source,
                date.span.clone(),
                format!("a report on `{}` dated {} when the matter was {state}", s.proposal.id(), date.value),
                "no adoption before this date",
            )
            .help("check the report's `date` and `proposal`; supervision starts after the meeting that adopted the matter"),
        );
    });
}
