//! `missing-field`: a required field is absent.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::i18n::Msg;
use crate::msg;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查每个文件都有 SPEC 第 3 节要求的字段：
- 提议：`title`（标题）、`submitted`（提出日期）和 `proposer`（提议人）；
- 会议记录：`date`（会议日期）、`chair`（召集人）、`recorder`（记录人）、`present`（出席成员），以及至少一项 `[[items]]`（会议事项）；
- 每个会议事项：`proposal`（所属提议）和 `action`（审议或表决）；表决事项还要有 `outcome`（结果）；
- 通过的决定：`votes`（票数）、`owner`（实施责任方）和 `due`（完成期限）；未通过的决定：`votes`；转交的决定：`referred_to`（转交给谁）；
- 督办报告：`proposal`、`date`、`by`（报告人）、`progress`（进度）和 `status`（状态）；
- 议事会：`name`（名称）、`established`（成立日期），以及成员，每位成员要有 `id`（编号）、`name`（姓名）和 `from`（任职开始日期）。

## 为什么
没有票数或期限的决定无法督办，居民也看不到由谁负责。记录里必须写明。

## 示例
```text
[[items]]
proposal = "2022-001"
action = "decide"
outcome = "adopted"
votes = { yes = 6, no = 0, abstain = 1 }
```
（没有 `owner`，也没有 `due`）

## 如何修改
补上缺少的字段和它的值，例如 `owner = "社区居委会"` 和 `due = 2022-09-30`。
"#;

pub static RULE: Rule = Rule {
    name: "missing-field",
    severity: Severity::Error,
    summary: "A required field is absent (also item fields required by the outcome).",
    docs: r#"
## What it does
Checks that each file has the fields SPEC §3 requires: a proposal's `title`, `submitted` and
`proposer`; the minutes' `date`, `chair`, `recorder`, `present` and at least one `[[items]]`;
each item's `proposal` and `action`, and for a decision its `outcome`; an adopted decision's
`votes`, `owner` and `due`; a rejected one's `votes`; a referred one's `referred_to`; a
report's `proposal`, `date`, `by`, `progress` and `status`; a council's `name`, `established`
and members with `id`, `name` and `from`.

## Why
A decision without its votes or deadline cannot be supervised, and residents cannot see who
is responsible. The record must say it.

## Example
```text
[[items]]
proposal = "2022-001"
action = "decide"
outcome = "adopted"
votes = { yes = 6, no = 0, abstain = 1 }
```
(no `owner`, no `due`)

## How to fix
Add the missing field with its value, for example `owner = "社区居委会"` and
`due = 2022-09-30`.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

/// `what` is the table in words ("the proposal", "item 2"); `example` the line to add (or
/// a whole table, over several lines).
pub fn diagnostic(
    src: &Arc<Source>,
    anchor: Range<usize>,
    what: &Msg,
    key: &str,
    example: &str,
) -> Diagnostic {
    let d = RULE.at(
        src,
        anchor,
        msg!("missing-field", what, key),
        msg!("missing-field-label", key),
    );
    if example.contains('\n') {
        // A table: show the whole of it.
        d.help(msg!("missing-field-table-help", example))
    } else {
        d.help(msg!("missing-field-help", example))
    }
}
