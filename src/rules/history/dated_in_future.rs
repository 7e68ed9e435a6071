//! `dated-in-future`: a record committed before its own date.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
找出第一次加入每份记录的那次提交，检查记录自己的日期（提议的 `submitted`（提出日期）、会议记录的 `date`（会议日期）、督办报告的 `date`（报告日期））不晚于这次提交的日期。

## 为什么
会还没开就写好的会议记录，不是记录，而是“剧本”。日期在未来的记录，要么是年份写错了，要么是决定还没作出就先写好了。

## 示例
一份 `date = 2022-04-20` 的会议记录，在 2022-04-02 第一次提交。

## 如何修改
如果是笔误，改正日期。会议开完之前，不要提交会议记录。
"#;

pub static RULE: Rule = Rule {
    name: "dated-in-future",
    severity: Severity::Error,
    summary: "A record is first committed before its own date.",
    docs: r#"
## What it does
Finds the commit that first added each record and checks that the record's own date
(`submitted`, a meeting's `date`, a report's `date`) is not after the commit's date.

## Why
Minutes of a meeting that has not happened yet are not minutes: they are a script. A record
dated in the future is either a typo in the year or a decision written before it was taken.

## Example
Minutes with `date = 2022-04-20` first committed on 2022-04-02.

## How to fix
Correct the date if it is a typo. Never commit minutes before the meeting.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
