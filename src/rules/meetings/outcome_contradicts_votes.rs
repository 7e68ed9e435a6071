//! `outcome-contradicts-votes`: the recorded outcome does not follow from the votes.

use crate::diag::{Diagnostic, Severity};
use crate::model::Outcome;
use crate::msg;
use crate::rules::{Check, Context, Rule};

use super::{attendance, carries, rule_words};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
按议事会的 `majority`（表决规则）检查每项决定的 `votes`（票数）：
- `present`（默认）：赞成票要超过出席的有表决权成员人数的一半；
- `cast`：赞成票多于反对票；
- `two-thirds`：赞成票至少占出席的有表决权成员人数的三分之二。

结果为 `adopted`（通过）的，票数必须符合规则；结果为 `rejected`（未通过）的，票数必须不符合规则。

## 为什么
结果是居民看到的，票数是证据。两者对不上，说明票数或结果抄错了。

## 示例
出席的有表决权成员七人，表决规则为 `present`，`outcome = "adopted"`，而 `votes = { yes = 3, no = 2, abstain = 2 }`：3 票没有超过 7 人的一半。

## 如何修改
核对会议上的表决记录，改正票数或结果。
"#;

pub static RULE: Rule = Rule {
    name: "outcome-contradicts-votes",
    severity: Severity::Error,
    summary: "`adopted` whose votes fail the majority rule, or `rejected` whose votes meet it.",
    docs: r#"
## What it does
Applies the council's `majority` rule to each decision's votes: `present` (the default) needs
more yes votes than half of the voting members present; `cast` needs more yes than no;
`two-thirds` needs yes from at least two thirds of the voting members present. An `adopted`
outcome must meet the rule, a `rejected` one must fail it.

## Why
The outcome is what residents see; the votes are the evidence. If they disagree, either the
count or the outcome was copied wrongly.

## Example
Seven voting members present, majority `present`, `outcome = "adopted"` with
`votes = { yes = 3, no = 2, abstain = 2 }`: three is not more than half of seven.

## How to fix
Check the minutes of the vote. Correct the numbers, or the outcome.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        for m in &c.meetings {
            let Some(a) = attendance(c, m) else { continue };
            for item in &m.items {
                let (Some(o), Some(v)) = (&item.outcome, &item.votes) else {
                    continue;
                };
                let passes = carries(c.majority, v.value, a.present_voting);
                let wrong = match o.value {
                    Outcome::Adopted => !passes,
                    Outcome::Rejected => passes,
                    _ => false,
                };
                if !wrong {
                    continue;
                }
                let message = msg!(
                    "outcome-contradicts-votes",
                    outcome = o.value.as_str(),
                    yes = v.value.yes,
                    no = v.value.no,
                    abstain = v.value.abstain,
                    majority = c.majority.as_str(),
                    carries = if passes { "yes" } else { "no" }
                );
                out.push(
                    RULE.at(
                        &m.meta.source,
                        o.span.clone(),
                        message,
                        msg!("outcome-recorded-label", outcome = o.value.as_str()),
                    )
                    .also(&m.meta.source, v.span.clone(), msg!("votes-plain-label"))
                    .help(msg!(
                        "outcome-votes-help",
                        rule = rule_words(c.majority, a.present_voting)
                    )),
                );
            }
        }
    }
}
