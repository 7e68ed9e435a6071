//! `front-matter-missing`: a record without its `+++` block.

use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::load::frontmatter::SplitError;
use crate::model::slips;
use crate::msg;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查每份记录（提议、会议记录、督办报告）和每个内容页面的开头：先是一行 `+++`，接着是用 TOML 格式写的各个字段，再是一行 `+++`，然后才是正文。

## 为什么
字段（日期、出席成员、表决票数）是工具要检查和发布的内容。没有这个字段区，工具就分不清哪些是字段、哪些是正文，这份记录也会被漏掉。

## 示例
```text
# 关于加装电梯的提议
submitted = 2022-03-14
```

## 如何修改
把字段放在两行之间，这两行都只写 `+++`：
```text
+++
title = "为黄台路41号加装电梯"
submitted = 2022-03-14
proposer = "黄台路41号居民（23户）"
+++

正文……
```
"#;

pub static RULE: Rule = Rule {
    name: "front-matter-missing",
    severity: Severity::Error,
    summary: "A record file does not open with a `+++` block, or the block is not closed.",
    docs: r#"
## What it does
Checks that every record (proposal, minutes, report) and every content page starts with a
line `+++`, then its fields in TOML, then another line `+++`, then the text.

## Why
The fields (dates, who was present, the votes) are what council checks and publishes. Without
the block council cannot tell fields from text, and the record would be left out.

## Example
```text
# 关于加装电梯的提议
submitted = 2022-03-14
```

## How to fix
Put the fields between two lines holding only `+++`:
```text
+++
title = "为黄台路41号加装电梯"
submitted = 2022-03-14
proposer = "黄台路41号居民（23户）"
+++

正文……
```
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

pub fn diagnostic(src: &Arc<Source>, e: &SplitError) -> Diagnostic {
    match e {
        SplitError::NotOpened { yaml } => {
            let line = src.line_range(1);
            // The opening line written almost right: spaces before it, `＋＋＋`, or empty
            // lines above it.
            let near = (1..=src.line_col(src.text.len()).0.min(20))
                .map(|n| (n, src.line_range(n)))
                .find(|(_, r)| !src.text[r.clone()].trim().is_empty())
                .filter(|(n, r)| {
                    let t = &src.text[r.clone()];
                    slips::near_delimiter(t) || (*n > 1 && t.trim_end() == "+++")
                });
            if let Some((n, r)) = near {
                let written = src.text[r.clone()].to_string();
                if n > 1 && written.trim_end() == "+++" {
                    return RULE
                        .at(
                            src,
                            r,
                            msg!("fm-open-late", line = n),
                            msg!("fm-near-label"),
                        )
                        .help(msg!("fm-open-late-help", above = n - 1));
                }
                let message = if written.trim() == "+++" {
                    msg!("fm-indented")
                } else {
                    msg!("fm-open-near", written = written.trim())
                };
                return RULE
                    .at(src, r, message, msg!("fm-near-label"))
                    .help(msg!("fm-near-help", written));
            }
            let d = RULE.at(
                src,
                line.start..line.start,
                msg!("fm-not-opened"),
                msg!("fm-not-opened-label"),
            );
            if *yaml {
                d.help(msg!("fm-yaml-help"))
            } else {
                d.help(msg!("fm-not-opened-help"))
            }
        }
        SplitError::NotClosed { open } => {
            // A closing line written almost right.
            let near = (2..=src.line_col(src.text.len()).0)
                .map(|n| src.line_range(n))
                .find(|r| slips::near_delimiter(&src.text[r.clone()]));
            if let Some(r) = near {
                let written = src.text[r.clone()].to_string();
                let message = if written.trim() == "+++" {
                    msg!("fm-indented")
                } else {
                    msg!("fm-close-near", written = written.trim())
                };
                return RULE
                    .at(src, r, message, msg!("fm-near-label"))
                    .also(src, open.clone(), msg!("fm-opened-label"))
                    .help(msg!("fm-near-help", written));
            }
            RULE.at(
                src,
                open.clone(),
                msg!("fm-not-closed"),
                msg!("fm-opened-label"),
            )
            .help(msg!("fm-not-closed-help"))
        }
    }
}
