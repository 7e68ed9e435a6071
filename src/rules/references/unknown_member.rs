//! `unknown-member`: a record names a member the council does not have.

use crate::diag::{Diagnostic, Severity};
use crate::model::suggest;
use crate::msg;
use crate::rules::{Check, Context, Rule};

use super::member_refs;

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查会议记录（`chair` 召集人、`recorder` 记录人、`present` 出席成员、`absent` 缺席成员、事项的 `supervisors` 监督员）、督办报告（`by` 报告人）和回访记录（`by` 回访人）中的每个成员编号，都是本议事会 council.toml 里某位成员的 `id`（编号）。

## 为什么
出席情况决定决议是否有效（法定人数、表决规则）。编号写错了，这个人就不会被算进去，公开的会议记录还会出现一个不在议事会里的人。

## 示例
```text
present = ["wang-li", "li-mign"]
```

## 如何修改
改正编号（`li-ming`）；如果这个人是新加入议事会的，在 council.toml 的 `[[members]]` 里加上他。
"#;

pub static RULE: Rule = Rule {
    name: "unknown-member",
    severity: Severity::Error,
    summary: "chair, recorder, present, absent, supervisors or by names no member.",
    docs: r#"
## What it does
Checks that every member id in minutes (`chair`, `recorder`, `present`, `absent`, an item's
`supervisors`), reports and return visits (`by`) is the `id` of a member in the council's council.toml.

## Why
Attendance decides whether a decision was valid (quorum, majority). A misspelt id would count
nobody, and the published minutes would name a person who is not on the council.

## Example
```text
present = ["wang-li", "li-mign"]
```

## How to fix
Correct the id (`li-ming`), or add the person to `[[members]]` in council.toml if they joined
the council.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        if !c.members_known() {
            continue;
        }
        let ids: Vec<&str> = c.members.iter().map(|m| m.id()).collect();
        for r in member_refs(c) {
            if c.member(&r.id.value).is_some() {
                continue;
            }
            let written = r.id.value.trim();
            // A member's name written where the id goes: the id of the member of that name.
            let by_name = c
                .members
                .iter()
                .find(|m| m.name.as_ref().is_some_and(|n| n.value.trim() == written));
            let help = match (by_name, suggest(&r.id.value, &ids)) {
                (Some(m), _) => msg!("unknown-member-name-help", name = written, id = m.id()),
                (None, Some(s)) => msg!("help-did-you-mean", code = s),
                (None, None) => msg!("unknown-member-help", file = &c.source.path),
            };
            out.push(
                RULE.at(
                    r.source,
                    r.id.span.clone(),
                    msg!(
                        "unknown-member",
                        id = &r.id.value,
                        field = r.field,
                        council = &c.key
                    ),
                    msg!("unknown-member-label"),
                )
                .help(help),
            );
        }
    }
}
