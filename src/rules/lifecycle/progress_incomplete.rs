//! `progress-incomplete`: completed or accepted with progress below 100.

use crate::diag::{Diagnostic, Severity};
use crate::model::Status;
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查 `status`（状态）为 `completed`（已完成）或 `accepted`（已验收）的督办报告，写的是 `progress = 100`（进度 100%）。

## 为什么
居民两样都会看：“已完成，80%”不可能是真的；而且网站上事项的状态是按 `status` 来定的。

## 示例
```text
status = "completed"
progress = 90
```

## 如何修改
如果工作已经完成，写 `progress = 100`；如果还没完成，改用 `status = "on-track"`（按计划推进），或 `delayed`（进度滞后）、`blocked`（受阻）。
"#;

pub static RULE: Rule = Rule {
    name: "progress-incomplete",
    severity: Severity::Error,
    summary: "Status `completed` or `accepted` with progress below 100.",
    docs: r#"
## What it does
Checks that a report whose `status` is `completed` or `accepted` has `progress = 100`.

## Why
Residents read both: "completed, 80%" cannot be true, and the matter's state on the site
depends on the status.

## Example
```text
status = "completed"
progress = 90
```

## How to fix
If the work is finished, write `progress = 100`; if not, use `status = "on-track"` (or
`delayed`, `blocked`).
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        for r in &c.reports {
            let (Some(st), Some(p)) = (&r.status, &r.progress) else {
                continue;
            };
            if matches!(st.value, Status::Completed | Status::Accepted) && p.value < 100 {
                out.push(
                    RULE.at(
                        &r.meta.source,
                        p.span.clone(),
                        msg!(
                            "progress-incomplete",
                            status = st.value.as_str(),
                            progress = p.value
                        ),
                        msg!("progress-below-label"),
                    )
                    .also(&r.meta.source, st.span.clone(), msg!("status-label"))
                    .help(msg!("progress-incomplete-help")),
                );
            }
        }
    }
}
