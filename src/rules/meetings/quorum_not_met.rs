//! `quorum-not-met`: a decision taken with too few voting members present.

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

use super::attendance;

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
会议记录中只要有一项 `decide`（表决）事项，就统计会议当天在任、有表决权、并且出席的成员人数，检查这个人数是否达到议事会的 `quorum`（法定人数，默认 `2/3`），也就是全部在任有表决权成员的这个比例。

## 为什么
只有足够多的成员参加，议事会才能代表本网格的居民作出决定。少数几个人作出的决定，不是议事会的决定。

## 示例
在任有表决权的成员有七人，`quorum = "2/3"`，至少要五人出席；会议记录写着 `present = ["wang-li", "li-ming", "chen-jing", "zhao-gang"]`（只有四人），就不能记录表决结果。

## 如何修改
如果当时确实是在人数不够的情况下作的决定，把这个事项记为 `action = "deliberate"`（审议），等到达到法定人数的会议上再表决。如果是出席成员漏写了，把他们加到 `present` 里。
"#;

pub static RULE: Rule = Rule {
    name: "quorum-not-met",
    severity: Severity::Error,
    summary: "A `decide` item at a meeting whose present serving voting members are below quorum.",
    docs: r#"
## What it does
For minutes with at least one `decide` item, counts the present members who serve and vote on
the meeting's date, and checks that they are at least the council's `quorum` (default `2/3`)
of all serving voting members.

## Why
A council decides for the residents of its grid only when enough of its members take part. A
decision taken by a few is not the council's decision.

## Example
With seven serving voting members and `quorum = "2/3"`, five must be present; minutes with
`present = ["wang-li", "li-ming", "chen-jing", "zhao-gang"]` cannot record a decision.

## How to fix
If the decision was really taken with fewer members, record the item as
`action = "deliberate"` and decide at a meeting with a quorum. If members are missing from
`present` by mistake, add them.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        for m in &c.meetings {
            if !m.items.iter().any(|i| i.is_decision()) {
                continue;
            }
            let Some(a) = attendance(c, m) else { continue };
            let needed = c.quorum.value.needed(a.serving_voting);
            if a.present_voting >= needed {
                continue;
            }
            let present = m.present.as_ref().expect("attendance needs present");
            out.push(
                RULE.at(
                    &m.meta.source,
                    present.span.clone(),
                    msg!(
                        "quorum-not-met",
                        present = a.present_voting,
                        serving = a.serving_voting,
                        quorum = c.quorum.value.to_string(),
                        needed
                    ),
                    msg!("quorum-present-label", present = a.present_voting),
                )
                .help(msg!("quorum-not-met-help", needed)),
            );
        }
    }
}
