//! `record-deleted`: a commit deletes or renames a committed record.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
报告每一次把已提交的记录（提议、会议记录、督办报告、译文、council.toml 或 area.toml）删除，或移到其他位置（包括改名）的提交。改名像 git 一样识别：改名的同时改了内容，只要新旧文件至少一半相同，仍算改名；改名后的记录保留原来的历史，新名字不会被当作迟交。

## 为什么
记录是议事会的公开档案。删掉一份提议，就等于一位居民的诉求凭空消失；改了名字，所有指向它的链接和按编号的引用都会失效。

## 示例
`git rm councils/huangtai/grid-03/proposals/2022-004.md`

## 如何修改
记录永远不要删除：不再推进的提议，填上 `withdrawn`（撤回日期）和 `withdrawn_reason`（撤回原因）。如果某个文件确实是误提交的（例如重复了），请在提交说明里写清楚原因：这条检查结果会留在那次提交的审计结果里；审计人员核实过之后，可以用 `council audit --since <提交编号>` 只审计之后的历史。
"#;

pub static RULE: Rule = Rule {
    name: "record-deleted",
    severity: Severity::Error,
    summary: "A commit deletes or renames a committed record.",
    docs: r#"
## What it does
Reports each commit that removes a committed record (a proposal, minutes, a report, a
translation, a council.toml or area.toml) or moves it to another path. Renames are found as
git finds them: a file moved and edited in one commit is still a rename when at least half of
it is the same. A renamed record keeps its history, so its new name is not a late filing.

## Why
Records are the council's public memory. A deleted proposal is a resident's request that
disappears; a renamed one breaks every link and every reference by id.

## Example
`git rm councils/huangtai/grid-03/proposals/2022-004.md`

## How to fix
Never delete records: a proposal that is no longer pursued gets `withdrawn` and
`withdrawn_reason`. If a file really was committed by mistake (a duplicate), explain it in the
commit message: the finding stays in the audit of that commit, and auditors who have reviewed
it audit the history after it with `council audit --since <commit>`.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
