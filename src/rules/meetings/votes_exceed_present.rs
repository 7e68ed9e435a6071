//! `votes-exceed-present`: more votes than voting members present.

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

use super::attendance;

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
把每个事项 `votes`（票数）中的赞成（yes）、反对（no）、弃权（abstain）三项相加，检查总数不超过会议当天在任、有表决权、并且出席的成员人数。

## 为什么
每位出席的有表决权成员只投一票。票数比投票的人还多，说明计票或出席名单有错，表决结果就不可信。

## 示例
出席的有表决权成员五人，而 `votes = { yes = 5, no = 1, abstain = 0 }`。

## 如何修改
对照签到表核对票数；没有表决权的成员和列席人员不投票。
"#;

pub static RULE: Rule = Rule {
    name: "votes-exceed-present",
    severity: Severity::Error,
    summary: "yes + no + abstain exceeds the present serving voting members.",
    docs: r#"
## What it does
Adds up each item's `votes` (yes, no and abstain) and checks the sum is not more than the
members present who serve and vote on the meeting's date.

## Why
Each present voting member votes once. More votes than voters means the count or the
attendance is wrong, and the outcome cannot be trusted.

## Example
Five voting members present and `votes = { yes = 5, no = 1, abstain = 0 }`.

## How to fix
Check the count against the sign-in sheet; non-voting members and guests do not vote.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        for m in &c.meetings {
            let Some(a) = attendance(c, m) else { continue };
            for item in &m.items {
                let Some(v) = &item.votes else { continue };
                let total = v.value.total() as usize;
                if total <= a.present_voting {
                    continue;
                }
                out.push(
                    RULE.at(
                        &m.meta.source,
                        v.span.clone(),
                        msg!("votes-exceed", total, present = a.present_voting),
                        msg!("votes-label", total),
                    )
                    .help(msg!("votes-exceed-help")),
                );
            }
        }
    }
}
