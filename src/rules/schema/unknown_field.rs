//! `unknown-field`: a field the format does not know.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::i18n::{Msg, codes};
use crate::model::suggest;
use crate::msg;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
报告 SPEC 第 3 节没有为这类文件或表格规定的每个字段，并给出最接近的已知字段名。只有 site.toml 和页面中的 `[extra]` 可以自由填写。

## 为什么
拼写错误不能悄悄放过：写成 `sumitted = 2022-03-14`，提议就没有提出日期了；`owner` 拼错了，公布出去的决定就没有责任方。

## 示例
```text
title = "为黄台路41号加装电梯"
sumitted = 2022-03-14
```

## 如何修改
改正拼写（`submitted`）；如果这个字段在记录里没有用处，就删掉它。
"#;

pub static RULE: Rule = Rule {
    name: "unknown-field",
    severity: Severity::Error,
    summary: "A field the format does not know; help suggests the nearest known name.",
    docs: r#"
## What it does
Reports every field that SPEC §3 does not define for that kind of file or table, and suggests
the known field nearest to it. Only `[extra]` in site.toml and pages is free-form.

## Why
A typo must not pass silently: `sumitted = 2022-03-14` would otherwise leave the proposal
without a submission date, and `owner` misspelt would publish a decision with nobody
responsible.

## Example
```text
title = "为黄台路41号加装电梯"
sumitted = 2022-03-14
```

## How to fix
Correct the spelling (`submitted`), or remove the field if it has no place in the record.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

pub fn diagnostic(
    src: &Arc<Source>,
    span: Range<usize>,
    what: &Msg,
    key: &str,
    known: &[&'static str],
) -> Diagnostic {
    let d = RULE.at(
        src,
        span,
        msg!("unknown-field", key, what),
        msg!("unknown-field-label"),
    );
    match suggest(key, known) {
        Some(s) => d.help(msg!("help-did-you-mean", code = s)),
        None if known.is_empty() => d.help(msg!("unknown-field-no-fields-help")),
        None => d.help(msg!("unknown-field-known-help", known = codes(known))),
    }
}
