//! `unknown-proposal`: an item, report or return visit names a proposal the council does not
//! have.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::proposal_index;
use crate::model::{Sp, suggest};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查每个会议事项、每份督办报告和每份回访记录（`feedback/`）的 `proposal`（所属提议），都是本议事会 `proposals/` 文件夹中某份提议的编号（文件名去掉 `.md`）。

## 为什么
一个事项的进程，是由提到它的会议事项和督办报告组成的。会议事项写了一份不存在的提议，等于对“空气”作了决定，而真正的事项会一直停在“已提出”状态。

## 示例
```text
[[items]]
proposal = "2022-01"
action = "deliberate"
```
而提议文件实际是 `proposals/2022-001.md`。

## 如何修改
使用提议的准确编号（`2022-001`）。如果是新事项，先添加它的提议；属于其他议事会的事项，由那个议事会来讨论。
"#;

pub static RULE: Rule = Rule {
    name: "unknown-proposal",
    severity: Severity::Error,
    summary: "An item, report or return visit names a proposal the council does not have.",
    docs: r#"
## What it does
Checks that the `proposal` of every meeting item, supervision report and return visit
(`feedback/`) is the id (file name without `.md`) of a proposal in the same council's
`proposals/` folder.

## Why
The lifecycle of a matter is built from the items and reports that name it. An item naming a
proposal that does not exist is a decision about nothing, and the real matter stays
"submitted" forever.

## Example
```text
[[items]]
proposal = "2022-01"
action = "deliberate"
```
while the file is `proposals/2022-001.md`.

## How to fix
Use the proposal's exact id (`2022-001`). If the matter is new, add its proposal first; a
matter of another council is discussed by that council.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        let index = proposal_index(c);
        let ids: Vec<&str> = c.proposals.iter().map(|p| p.id()).collect();
        let mut refs: Vec<(&Sp<String>, &std::sync::Arc<crate::diag::Source>, &str)> = Vec::new();
        for m in &c.meetings {
            for item in &m.items {
                if let Some(p) = &item.proposal {
                    refs.push((p, &m.meta.source, "item"));
                }
            }
        }
        for r in &c.reports {
            if let Some(p) = &r.proposal {
                refs.push((p, &r.meta.source, "report"));
            }
        }
        for f in &c.feedback {
            if let Some(p) = &f.proposal {
                refs.push((p, &f.meta.source, "return visit"));
            }
        }
        for (p, src, what) in refs {
            if index.contains_key(&p.value.to_ascii_lowercase()) {
                continue;
            }
            let help = match suggest(&p.value, &ids) {
                Some(s) => msg!("help-did-you-mean", code = s),
                None => msg!(
                    "unknown-proposal-help",
                    path = format!("{}/proposals/{}.md", c.dir(), p.value)
                ),
            };
            let message = if what == "item" {
                msg!("unknown-proposal-item", id = &p.value, council = &c.key)
            } else {
                msg!("unknown-proposal-report", id = &p.value, council = &c.key)
            };
            out.push(
                RULE.at(src, p.span.clone(), message, msg!("unknown-proposal-label"))
                    .help(help),
            );
        }
    }
}
