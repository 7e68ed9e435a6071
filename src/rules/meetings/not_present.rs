//! `not-present`: the chair or recorder is not listed as present.

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查会议的 `chair`（召集人）和 `recorder`（记录人）都列在 `present`（出席成员）里。

## 为什么
主持会议的人和做记录的人一定在场。如果 `present` 里没有他们，那么要么出席名单写错了，要么召集人写错了；而出席情况决定是否达到法定人数。

## 示例
```text
chair = "wang-li"
recorder = "zhang-hua"
present = ["wang-li", "li-ming", "chen-jing"]
```

## 如何修改
把召集人和记录人加到 `present` 里（并把他们从 `absent` 中删掉）。
"#;

pub static RULE: Rule = Rule {
    name: "not-present",
    severity: Severity::Error,
    summary: "The chair or recorder is not in `present`.",
    docs: r#"
## What it does
Checks that the meeting's `chair` and `recorder` are both listed in `present`.

## Why
Whoever chaired the meeting or took the minutes was there. If they are missing from
`present`, either the attendance or the chair is wrong, and attendance decides the quorum.

## Example
```text
chair = "wang-li"
recorder = "zhang-hua"
present = ["wang-li", "li-ming", "chen-jing"]
```

## How to fix
Add the chair and the recorder to `present` (and remove them from `absent`).
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        for m in &c.meetings {
            let Some(present) = &m.present else { continue };
            for (field, who) in [("chair", &m.chair), ("recorder", &m.recorder)] {
                let Some(who) = who else { continue };
                if present.value.iter().any(|p| p.value == who.value) {
                    continue;
                }
                // A misspelt id is `unknown-member`, not also this (one slip, one finding).
                if c.members_known() && c.member(&who.value).is_none() {
                    continue;
                }
                let message = if field == "chair" {
                    msg!("not-present-chair", id = &who.value)
                } else {
                    msg!("not-present-recorder", id = &who.value)
                };
                out.push(
                    RULE.at(
                        &m.meta.source,
                        who.span.clone(),
                        message,
                        msg!("not-present-label"),
                    )
                    .also(
                        &m.meta.source,
                        present.span.clone(),
                        msg!("attendance-label"),
                    )
                    .help(msg!("not-present-help", id = &who.value)),
                );
            }
        }
    }
}
