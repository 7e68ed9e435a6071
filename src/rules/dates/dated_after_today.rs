//! `dated-after-today`: a record dated after the day T, which the site leaves out as of T.

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查每份记录自己的日期：提议的 `submitted`（提出日期）、会议记录和督办报告的 `date`，有没有晚于 T 日（`--today` 指定的日期，默认是今天）。

## 为什么
网站只公开日期不晚于 T 日的记录：日期在以后的记录要等到那一天才出现。年份写错一个数字（把 2027 写成 2028），这份记录就会从网站上消失，而且没人发现。这条警告把它指出来。

## 示例
今天是 2027-03-20，一份会议记录写着 `date = 2028-03-18`。

## 如何修改
如果是笔误，改正日期（`date = 2027-03-18`）。如果日期没错（例如提前录入了下周的会议安排），这只是提醒：到了那一天，记录会自动公开。
"#;

pub static RULE: Rule = Rule {
    name: "dated-after-today",
    severity: Severity::Warning,
    summary: "A record's date (`submitted`, a minutes or report `date`) is after T, so the site leaves it out as of T.",
    docs: r#"
## What it does
Checks each record's own date: a proposal's `submitted`, the `date` of minutes and of
supervision reports, against the day T (`--today`, default today).

## Why
The site publishes only records dated on or before T: a record dated later appears on that
day. A year mistyped by one digit (2028 for 2027) makes the record vanish from the site
without anybody noticing. This warning says so.

## Example
Today is 2027-03-20, and minutes say `date = 2028-03-18`.

## How to fix
Correct the date if it is a typo (`date = 2027-03-18`). If the date is right (a record
entered ahead of its day), this is only a reminder: the record is published on that day.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in super::dated(ctx) {
        if d.date <= ctx.today {
            continue;
        }
        out.push(
            RULE.at(
                d.source,
                d.span.clone(),
                msg!(
                    "dated-after-today",
                    field = d.field,
                    date = d.date,
                    today = ctx.today
                ),
                msg!("dated-after-today-label"),
            )
            .help(msg!("dated-after-today-help", date = d.date)),
        );
    }
}
