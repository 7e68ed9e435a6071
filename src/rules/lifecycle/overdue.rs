//! `overdue`: an adopted matter past its deadline and not completed.

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
按 T 日（`--today` 指定的日期，默认是今天）推算每个事项的状态：如果状态是 `adopted`（已通过）或 `implementing`（实施中），而 T 日已经过了通过这个事项的那次决定中的 `due`（完成期限），就发出警告。

## 为什么
督办落实（督）是议事会对居民的承诺。过了期限的事项，监督员必须跟进，公开网站上也会醒目地显示出来。

## 示例
2022-04-02 通过，`due = 2022-09-30`；到 2022-10-15，最新一份督办报告写的是 `status = "delayed"`、`progress = 70`。

## 如何修改
这是提醒，不是记录写错了：请督促落实，然后提交督办报告（完工后写 `completed`）。居民看到的期限是通过时定下的期限：如果议事会同意延期，请在下一份督办报告里写明（`status = "delayed"`，即进度滞后）并说明原因；事项完工之前会一直标为逾期。
"#;

pub static RULE: Rule = Rule {
    name: "overdue",
    severity: Severity::Warning,
    summary: "Flag overdue as of T: adopted or implementing, and T is after the decision's `due`.",
    docs: r#"
## What it does
Derives each matter's state as of the day T (`--today`, default today) and warns when it is
`adopted` or `implementing` and T is after the `due` date of the adopting decision.

## Why
Supervising implementation (督) is the council's promise to residents; a missed deadline is
what supervisors must follow up and what the public site shows plainly.

## Example
Adopted on 2022-04-02 with `due = 2022-09-30`; on 2022-10-15 the latest report says
`status = "delayed"`, `progress = 70`.

## How to fix
This is a reminder, not a mistake in the records: supervise, then file a report (`completed`
when the work is done). The deadline residents were promised is the one of the adopting
decision: if the council agreed to give more time, say so in the next supervision report
(`status = "delayed"`) with the reason; the matter stays flagged until it is completed.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::each_lifecycle(ctx, ctx.today, |c, p, lc| {
        if !lc.overdue {
            return;
        }
        let Some((mi, ii)) = lc.decision else {
            return;
        };
        let m = &c.meetings[mi];
        let Some(due) = &m.items[ii].due else {
            return;
        };
        let late = (ctx.today - due.value).get_days();
        out.push(
            RULE.at(
                &m.meta.source,
                due.span.clone(),
                msg!(
                    "overdue",
                    matter = format!("{}/{}", c.key, p.id()),
                    due = due.value,
                    late,
                    state = crate::rules::state_words(lc.state)
                ),
                msg!("overdue-label"),
            )
            .help(msg!("overdue-help")),
        );
    });
}
