//! `member-not-serving`: a member named in a record did not serve on its date.

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

use super::member_refs;

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查记录中提到的每位成员，在记录的日期当天都在任。成员在某一天在任，是指 `from`（任职开始日期）不晚于这一天，并且如果写了 `to`（任职结束日期），这一天不晚于 `to`。

## 为什么
已经离开议事会（或还没加入）的人，不能主持会议、投票或督办。把他们算进去，会凑出实际上并不存在的法定人数或多数。

## 示例
council.toml 中 `zhao-gang` 的 `from = 2023-01-01`，而日期为 2022-11-05 的会议记录中写着 `present = ["zhao-gang", …]`。

## 如何修改
核对记录的日期，以及 council.toml 中这位成员的 `from` 和 `to`；如果这个人是以列席身份参会的，把他移到 `guests`（列席人员）里，写姓名。
"#;

pub static RULE: Rule = Rule {
    name: "member-not-serving",
    severity: Severity::Error,
    summary: "A member named in chair, recorder, present, absent, supervisors or by does not serve on the record's date.",
    docs: r#"
## What it does
Checks that every member a record names served on the record's date: a member serves on day D
when `from` <= D and, if `to` is given, D <= `to`.

## Why
Someone who had left the council (or not yet joined) cannot chair, vote or supervise. Counting
them would make a quorum or a majority that did not exist.

## Example
In council.toml `from = 2023-01-01` for `zhao-gang`, and minutes dated 2022-11-05 list
`present = ["zhao-gang", …]`.

## How to fix
Check the date of the record and the member's `from`/`to` in council.toml; if the person
attended as a guest, move them to `guests` by name.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        if !c.members_known() {
            continue;
        }
        for r in member_refs(c) {
            let (Some(m), Some(date)) = (c.member(&r.id.value), r.date) else {
                continue;
            };
            if m.serves(date) {
                continue;
            }
            let mut d = RULE.at(
                r.source,
                r.id.span.clone(),
                msg!("not-serving", id = &r.id.value, field = r.field, date),
                msg!("not-serving-label"),
            );
            match (&m.from, &m.to) {
                (Some(f), _) if date < f.value => {
                    d = d.also(&c.source, f.span.clone(), msg!("serves-from-label"))
                }
                (_, Some(t)) => d = d.also(&c.source, t.span.clone(), msg!("served-until-label")),
                _ => {}
            }
            out.push(d.help(msg!("not-serving-help")));
        }
    }
}
