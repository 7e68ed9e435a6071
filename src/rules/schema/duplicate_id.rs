//! `duplicate-id`: two members of a council, or two proposals, share an id.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查同一个议事会内，每个成员编号和每个提议编号（提议的文件名）都不重复。比较时不区分大小写。

## 为什么
出席情况、监督员和报告人都用成员编号来写，会议事项也用编号来指明提议：如果有两个 `wang-li`，就没人分得清是谁出席、谁投了票。不区分大小写，是因为 Windows 和 macOS 的文件系统也不区分。

## 示例
```text
[[members]]
id = "wang-li"
name = "王丽"

[[members]]
id = "wang-li"
name = "王立"
```

## 如何修改
给第二个人一个自己的编号（`wang-li-2` 或 `wang-lixin`），并修改那些指的是第二个人的记录。
"#;

pub static RULE: Rule = Rule {
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "Two members of a council, or two proposals, share an id (case-insensitively).",
    docs: r#"
## What it does
Checks that within a council every member id and every proposal id (the proposal's file name)
is unique, comparing without case.

## Why
Attendance, supervisors and report authors are written as member ids, and meeting items name
proposals by id: with two `wang-li` nobody can tell who attended or voted. Case is ignored
because file systems on Windows and macOS do.

## Example
```text
[[members]]
id = "wang-li"
name = "王丽"

[[members]]
id = "wang-li"
name = "王立"
```

## How to fix
Give the second one its own id (`wang-li-2`, or `wang-lixin`), and update the records that
mean the second person.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        let mut seen: HashMap<String, &crate::model::Sp<String>> = HashMap::new();
        for m in &c.members {
            let Some(id) = &m.id else { continue };
            match seen.get(&id.value.to_lowercase()) {
                Some(first) => out.push(
                    RULE.at(
                        &c.source,
                        id.span.clone(),
                        msg!("duplicate-member", id = &id.value),
                        msg!("duplicate-second-label"),
                    )
                    .also(&c.source, first.span.clone(), msg!("duplicate-first-label"))
                    .help(msg!("duplicate-member-help")),
                ),
                None => {
                    seen.insert(id.value.to_lowercase(), id);
                }
            }
        }
        let mut seen: HashMap<String, &str> = HashMap::new();
        for p in &c.proposals {
            let key = p.id().to_lowercase();
            match seen.get(&key) {
                Some(first) => out.push(
                    RULE.diag(
                        p.meta.source.path.clone(),
                        msg!("duplicate-proposal", id = p.id(), council = &c.key),
                    )
                    .help(msg!("duplicate-proposal-help", first = *first)),
                ),
                None => {
                    seen.insert(key, &p.meta.source.path);
                }
            }
        }
    }
}
