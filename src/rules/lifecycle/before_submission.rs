//! `before-submission`: an item or report dated before the proposal was submitted.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
把每个会议事项的日期（会议的 `date`）和每份督办报告的日期，与它所涉及提议的 `submitted`（提出日期）比较。

## 为什么
事项还没有人提出，议事会就不可能讨论或督办它。一定有一个日期写错了，否则网站上公布的时间线会倒着走。

## 示例
`proposals/2022-001.md` 中写着 `submitted = 2022-03-14`，而日期为 2022-03-02 的会议记录里有一项关于 `2022-001` 的事项。

## 如何修改
对照纸质记录核对这两个日期，改正写错的那个。
"#;

pub static RULE: Rule = Rule {
    name: "before-submission",
    severity: Severity::Error,
    summary: "An item or report is dated before the proposal's `submitted`.",
    docs: r#"
## What it does
Compares the date of every meeting item (the meeting's `date`) and every report with the
`submitted` date of the proposal it names.

## Why
A council cannot discuss or supervise a matter before anyone raised it. One of the dates is
wrong, and the published timeline would run backwards.

## Example
`proposals/2022-001.md` has `submitted = 2022-03-14`, and minutes dated 2022-03-02 hold an
item about `2022-001`.

## How to fix
Check both dates against the paper records and correct the wrong one.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::walk(ctx, |s| {
        let Some(submitted) = &s.proposal.submitted else {
            return;
        };
        if s.event.date >= submitted.value {
            return;
        }
        let (src, span, what) = match s.event.kind {
            EventKind::Item { meeting, item } => {
                let m = &s.council.meetings[meeting];
                let Some(p) = &m.items[item].proposal else {
                    return;
                };
                (&m.meta.source, p.span.clone(), msg!("what-meeting-item"))
            }
            EventKind::Report { report } => {
                let r = &s.council.reports[report];
                let Some(d) = &r.date else { return };
                (&r.meta.source, d.span.clone(), msg!("what-a-report"))
            }
            _ => return,
        };
        out.push(
            RULE.at(
                src,
                span,
                msg!(
                    "before-submission",
                    what,
                    id = s.proposal.id(),
                    date = s.event.date,
                    submitted = submitted.value
                ),
                msg!("dated-label", date = s.event.date),
            )
            .also(
                &s.proposal.meta.source,
                submitted.span.clone(),
                msg!("submitted-here-label"),
            )
            .help(msg!("before-submission-help")),
        );
    });
}
