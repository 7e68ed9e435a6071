//! `attendance-incomplete`: a serving member is neither present nor absent.

use std::collections::BTreeSet;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::codes;
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查会议当天在任的每位成员，都列在 `present`（出席成员）或 `absent`（缺席成员）里。

## 为什么
出席情况写全了，居民才能看到谁参加了会议，任何人也都能重新核算法定人数。某位成员在两个名单里都没有，通常是照抄签到表时漏掉了。

## 示例
议事会有七位在任成员；会议记录里只写了五人出席、一人缺席。

## 如何修改
把漏掉的成员加到 `absent` 里（如果他来了，就加到 `present` 里）。
"#;

pub static RULE: Rule = Rule {
    name: "attendance-incomplete",
    severity: Severity::Warning,
    summary: "A serving member is neither present nor absent.",
    docs: r#"
## What it does
Checks that every member serving on the meeting's date appears in `present` or `absent`.

## Why
Complete attendance lets residents see who took part, and lets anyone recount the quorum. A
member left out of both lists is usually a mistake in copying the sign-in sheet.

## Example
The council has seven serving members; the minutes list five present and one absent.

## How to fix
Add the missing member to `absent` (or to `present`, if they came).
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        if !c.members_known() {
            continue;
        }
        for m in &c.meetings {
            let (Some(date), Some(present)) = (&m.date, &m.present) else {
                continue;
            };
            let listed: BTreeSet<&str> = m
                .present_ids()
                .chain(m.absent.iter().map(|a| a.value.as_str()))
                .collect();
            // A typo in the lists is `unknown-member`; the member it hides is not also
            // reported here (one slip, one finding).
            if listed.iter().any(|id| c.member(id).is_none()) {
                continue;
            }
            let missing: Vec<&str> = c
                .members
                .iter()
                .filter(|mem| mem.serves(date.value) && !listed.contains(mem.id()))
                .map(|mem| mem.id())
                .collect();
            if missing.is_empty() {
                continue;
            }
            out.push(
                RULE.at(
                    &m.meta.source,
                    present.span.clone(),
                    msg!(
                        "attendance-incomplete",
                        count = missing.len(),
                        ids = codes(&missing)
                    ),
                    msg!("attendance-label"),
                )
                .help(msg!("attendance-incomplete-help")),
            );
        }
    }
}
