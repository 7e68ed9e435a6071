//! `report-before-adoption`: a supervision report on a matter not adopted at its date.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::model::Outcome;
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查每份督办报告的日期，不早于通过该事项的那次决定（并且在这份报告之前，最近一次决定就是这次通过）。

## 为什么
监督员跟进的是议事会已通过事项的落实。对还在讨论、未通过或已转交的事项写督办报告，没有可督办的内容，还会让事项的进程前后矛盾。

## 示例
`reports/2022-03-20-2022-001.md` 的日期是 2022-03-20，而 `2022-001` 到 2022-04-02 才通过。

## 如何修改
核对报告的 `date`（报告日期）和 `proposal`（所属提议）。如果事项是在某次会议上通过的，而那次会议的记录还没有录入，就把它补上。
"#;

pub static RULE: Rule = Rule {
    name: "report-before-adoption",
    severity: Severity::Error,
    summary: "A report is dated when the proposal is not adopted.",
    docs: r#"
## What it does
Checks that each supervision report is dated on or after the day of a decision adopting its
matter (and that the latest decision before it is that adoption).

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
            None => msg!("not-decided-yet"),
            Some((_, _, o)) => crate::rules::outcome_words(o),
        };
        out.push(
            RULE.at(
                &r.meta.source,
                date.span.clone(),
                msg!(
                    "report-before-adoption",
                    id = s.proposal.id(),
                    date = date.value,
                    state
                ),
                msg!("no-adoption-label"),
            )
            .help(msg!("report-before-adoption-help")),
        );
    });
}
