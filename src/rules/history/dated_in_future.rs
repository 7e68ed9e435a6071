//! `dated-in-future`: a record committed before its own date, or a commit dated in the future.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
找出第一次加入每份记录的那次提交，检查记录自己的日期（提议的 `submitted`（提出日期）、会议记录的 `date`（会议日期）、督办报告的 `date`（报告日期））不晚于这次提交的日期。提交本身的日期也要检查：作者日期比提交日期晚一个小时以上，或者作者日期、提交日期晚于今天（`--today`，默认今天），这次提交也会被报告。

## 为什么
会还没开就写好的会议记录，不是记录，而是“剧本”。日期在未来的记录，要么是年份写错了，要么是决定还没作出就先写好了。审计按提交日期判断秘书是否在任、会议记录是否迟交，所以提交日期也不能是未来的日期。

## 示例
一份 `date = 2022-04-20` 的会议记录，在 2022-04-02 第一次提交；或者一次用 `git commit --date` 把日期写成下个月的提交。

## 如何修改
如果是笔误，改正日期。会议开完之前，不要提交会议记录。检查提交所用电脑的时钟，不要用未来的日期提交。
"#;

pub static RULE: Rule = Rule {
    name: "dated-in-future",
    severity: Severity::Error,
    summary: "A record is first committed before its own date, or a commit is dated after its own commit date or after today.",
    docs: r#"
## What it does
Finds the commit that first added each record and checks that the record's own date
(`submitted`, a meeting's `date`, a report's `date`) is not after the commit's date. It also
checks the commit's own dates: an author date more than an hour after the commit date, or an
author or commit date after today (`--today`, default today), is reported too.

## Why
Minutes of a meeting that has not happened yet are not minutes: they are a script. A record
dated in the future is either a typo in the year or a decision written before it was taken.
The audit judges who served and what was filed late by commit dates, so those cannot be in
the future either.

## Example
Minutes with `date = 2022-04-20` first committed on 2022-04-02; or a commit made with
`git commit --date` a month ahead.

## How to fix
Correct the date if it is a typo. Never commit minutes before the meeting. Check the clock of
the computer that commits, and never commit with a date in the future.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
