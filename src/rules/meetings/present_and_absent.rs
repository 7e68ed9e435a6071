//! `present-and-absent`: a member listed both present and absent.

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查在同一份会议记录中，没有哪位成员的编号同时出现在 `present`（出席成员）和 `absent`（缺席成员）里。

## 为什么
一位成员不可能既在场又不在场；法定人数和票数都取决于谁在场。

## 示例
```text
present = ["wang-li", "li-ming"]
absent = ["li-ming"]
```

## 如何修改
这位成员只保留在一个名单里：与签到表一致的那个。
"#;

pub static RULE: Rule = Rule {
    name: "present-and-absent",
    severity: Severity::Error,
    summary: "A member is listed both present and absent.",
    docs: r#"
## What it does
Checks that no member id appears in both `present` and `absent` of the same minutes.

## Why
A member cannot have been both there and away; the quorum and the votes depend on who was
there.

## Example
```text
present = ["wang-li", "li-ming"]
absent = ["li-ming"]
```

## How to fix
Keep the member in one list only: the one that matches the sign-in sheet.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        for m in &c.meetings {
            let Some(present) = &m.present else { continue };
            for a in &m.absent {
                if let Some(p) = present.value.iter().find(|p| p.value == a.value) {
                    out.push(
                        RULE.at(
                            &m.meta.source,
                            a.span.clone(),
                            msg!("present-and-absent", id = &a.value),
                            msg!("listed-absent-label"),
                        )
                        .also(&m.meta.source, p.span.clone(), msg!("listed-present-label"))
                        .help(msg!("present-and-absent-help")),
                    );
                }
            }
        }
    }
}
