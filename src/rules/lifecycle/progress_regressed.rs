//! `progress-regressed`: a report's progress below the previous report's.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
把每份督办报告的 `progress`（进度）与同一事项的上一份报告比较。

## 为什么
进度通常只增不减。数字变小，往往是笔误（把 `54` 写成了 `45`）；如果工作真的倒退了（例如管道铺错了，又挖开重铺），报告正文应当写明原因。

## 示例
一份报告写 `progress = 60`，下一份写 `progress = 40`。

## 如何修改
改正数字；或者保留数字，在报告正文里说明哪些工作返工了。
"#;

pub static RULE: Rule = Rule {
    name: "progress-regressed",
    severity: Severity::Warning,
    summary: "A report's progress is lower than the previous report's.",
    docs: r#"
## What it does
Compares each supervision report's `progress` with the previous report on the same matter.

## Why
Progress usually only grows. A lower number is often a typo (`45` for `54`); when work really
went backwards (a pipe laid wrongly and dug up), the report's text should say why.

## Example
A report with `progress = 60`, then the next with `progress = 40`.

## How to fix
Correct the number, or keep it and explain in the report's text what was undone.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::walk(ctx, |s| {
        let EventKind::Report { report } = s.event.kind else {
            return;
        };
        let Some(prev) = s.last_report else { return };
        let r = &s.council.reports[report];
        let (Some(p), Some(pp)) = (&r.progress, &prev.progress) else {
            return;
        };
        if p.value >= pp.value {
            return;
        }
        out.push(
            RULE.at(
                &r.meta.source,
                p.span.clone(),
                msg!(
                    "progress-regressed",
                    id = s.proposal.id(),
                    before = pp.value,
                    now = p.value
                ),
                msg!("progress-lower-label"),
            )
            .also(
                &prev.meta.source,
                pp.span.clone(),
                msg!("previous-report-label"),
            )
            .help(msg!("progress-regressed-help")),
        );
    });
}
