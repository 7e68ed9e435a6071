//! `late-filing`: minutes committed long after the meeting.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
找出第一次加入每份会议记录的那次提交，把提交日期和会议的 `date`（会议日期）比较：晚了超过 `[lifecycle] filing_days`（归档期限，默认 7 天）天，就算迟交。

## 为什么
隔了几周才写的会议记录不太可靠，而且居民要等很久，才能看到早已作出的决定。

## 示例
2022-04-02 开的会，会议记录到 2022-05-20 才第一次提交。

## 如何修改
会后一周内提交会议记录。如果是后来补录的旧纸质记录，这条警告正好说明它们是迟交的；请在提交说明里写明情况。
"#;

pub static RULE: Rule = Rule {
    name: "late-filing",
    severity: Severity::Warning,
    summary: "A meeting record is first committed more than filing_days after its date.",
    docs: r#"
## What it does
Finds the commit that first added each meeting record and compares its date with the meeting's
`date`: more than `[lifecycle] filing_days` (default 7) days later is late.

## Why
Minutes written weeks later are less reliable, and residents wait for decisions that were
already taken.

## Example
Minutes of a meeting on 2022-04-02 first committed on 2022-05-20.

## How to fix
Commit minutes within a week of the meeting. For old paper minutes entered later, the warning
documents that they were filed late; explain it in the commit message.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
