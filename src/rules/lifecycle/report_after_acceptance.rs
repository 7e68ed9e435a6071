//! `report-after-acceptance`: a report after the acceptance inspection.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查一个事项在 `accepted`（已验收）的报告之后，没有再出现督办报告。

## 为什么
`accepted` 记录的是验收：这个事项已经办结。之后还有报告，说明要么验收得太早，要么这份报告属于别的事项。

## 示例
2022-10-08 的报告写着 `status = "accepted"`，2022-11-02 又有一份 `status = "on-track"` 的报告。

## 如何修改
如果工作重新开始，作为新提议提出；如果报告属于别的事项，改正它的 `proposal`（所属提议）。
"#;

pub static RULE: Rule = Rule {
    name: "report-after-acceptance",
    severity: Severity::Error,
    summary: "A report follows an `accepted` report.",
    docs: r#"
## What it does
Checks that no supervision report on a matter comes after its `accepted` report.

## Why
`accepted` records the acceptance inspection (验收): the matter is closed. A later report means
either the acceptance was premature or the report belongs to another matter.

## Example
`status = "accepted"` on 2022-10-08, then a report with `status = "on-track"` on 2022-11-02.

## How to fix
If the work was reopened, raise it as a new proposal; if the report belongs to another matter,
correct its `proposal`.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::walk(ctx, |s| {
        let EventKind::Report { report } = s.event.kind else {
            return;
        };
        let Some(acc) = s.accepted else { return };
        let r = &s.council.reports[report];
        let Some(date) = &r.date else { return };
        let mut d = RULE.at(
            &r.meta.source,
            date.span.clone(),
            msg!("report-after-acceptance", id = s.proposal.id()),
            msg!("after-acceptance-label"),
        );
        if let Some(st) = &acc.status {
            d = d.also(
                &acc.meta.source,
                st.span.clone(),
                msg!("accepted-here-label"),
            );
        }
        out.push(d.help(msg!("report-after-acceptance-help")));
    });
}
