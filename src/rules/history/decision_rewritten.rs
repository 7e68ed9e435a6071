//! `decision-rewritten`: a commit changes a decision already committed.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
把每份会议记录和它上一次提交的版本比较。如果某次提交改动了会议的 `date`（会议日期）、`present`（出席成员）名单，或任何一项 `decide`（表决）事项的 `outcome`（结果）、`votes`（票数）、`owner`（实施责任方）、`due`（完成期限），或者删除、增加了一项表决，就报告这次提交。上一个版本无法读取时（TOML 写坏了，或者另存成了 GB18030 等非 UTF-8 编码），就与最后一个能读取的版本比较，所以中间夹一个坏版本也瞒不过去。会议记录改名（像 git 一样按内容相似度识别）、删除后又恢复时，也与原来的版本比较。合并提交只按它自己的改动判断，不按合并进来的分支内容判断。

## 为什么
会议记录一经提交，决议就公开了。事后悄悄改动票数或期限，等于改写了已经告诉居民的内容。记录难免需要更正，但更正必须看得见：审计（`council audit`）会列出每一次更正及其作者和日期，方便审计人员询问原因。

## 示例
某次提交把一个月前提交的会议记录中的 `votes = { yes = 5, no = 1, abstain = 0 }` 改成了 `{ yes = 4, no = 2, abstain = 0 }`。

## 如何修改
不要在事后修改决议。如果会议记录确实写错了，用一次单独的提交来更正，在提交说明里写清楚更正了什么、为什么更正，并注明议事会已同意这次更正；这条检查结果会留在那次提交的审计结果里，作为这次更正的记录；审计人员核实过之后，可以用 `council audit --since <提交编号>` 只审计之后的历史。正文的改动、标题里的错别字、新增的译文都不算决议，不会触发这条规则。
"#;

pub static RULE: Rule = Rule {
    name: "decision-rewritten",
    severity: Severity::Error,
    summary: "A commit changes the date, present list or any decide item (outcome, votes, owner, due) of a meeting record an earlier commit already held.",
    docs: r#"
## What it does
Compares each meeting record with its previous committed version and reports a commit that
changes the meeting's `date`, its `present` list, or any `decide` item's `outcome`, `votes`,
`owner` or `due` (or removes or adds a decision). When the previous version cannot be read
(broken TOML, saved as GB18030 or another encoding that is not UTF-8), the comparison is with
the last version that could, so a broken version in between hides nothing. Minutes renamed
(found by similarity, as git finds renames) or deleted and restored are compared with what
they were. A merge is judged by its own edits, not by the branch it brings in.

## Why
Once minutes are committed, the decision is public. Quietly changing votes or a deadline later
rewrites what residents were told. Corrections happen, but they must be visible: the audit
lists every one with its author and date, so that auditors can ask why.

## Example
A commit changes `votes = { yes = 5, no = 1, abstain = 0 }` to `{ yes = 4, no = 2, abstain = 0 }`
in minutes committed a month earlier.

## How to fix
Do not edit decisions after the fact. If the minutes were wrong, correct them in a commit whose
message explains the correction and cites the council's approval: the finding stays in the
audit of that commit as the record of the correction, and auditors who have reviewed it audit
the history after it with `council audit --since <commit>`. Changes in the text, a typo in the title or a new translation are not
decisions and do not fire.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
