//! `toml-syntax`: front matter or a `.toml` file that is not valid TOML.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::i18n::list;
use crate::model::slips;
use crate::msg;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
按 TOML 格式读取 site.toml、area.toml、council.toml 和每份记录的字段区，报告从哪里开始读不懂（行号和列号按整个文件计算）。

## 为什么
读不出来的字段，既没法检查，也没法发布。TOML 的格式要求故意定得很严：文字要加引号，日期不加引号，列表用方括号。

## 示例
```text
title = 为黄台路41号加装电梯
present = ["wang-li", "li-ming"
```

## 如何修改
文字加上引号，方括号要前后配对，每个字段只写一次：
```text
title = "为黄台路41号加装电梯"
present = ["wang-li", "li-ming"]
```
"#;

pub static RULE: Rule = Rule {
    name: "toml-syntax",
    severity: Severity::Error,
    summary: "The front matter or a .toml file is not valid TOML.",
    docs: r#"
## What it does
Parses site.toml, area.toml, council.toml and every record's front matter as TOML, and reports
where the parser stopped understanding it, at the line and column of the whole file.

## Why
A field that cannot be read cannot be checked or published. TOML is strict on purpose: text
goes in quotes, dates do not, lists use brackets.

## Example
```text
title = 为黄台路41号加装电梯
present = ["wang-li", "li-ming"
```

## How to fix
Quote text, close brackets, and write each key once:
```text
title = "为黄台路41号加装电梯"
present = ["wang-li", "li-ming"]
```
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

/// A finding for the TOML error `message` (the parser's words) at `span`. When the line is
/// one of the typical slips (full-width punctuation, a date written another way, text
/// without quotes), the finding says so and shows the corrected line.
pub fn diagnostic(src: &Arc<Source>, span: Range<usize>, message: &str) -> Diagnostic {
    let line = src.line_range(src.line_col(span.start).0);
    let text = &src.text[line.clone()];
    if let Some(fix) = slips::fix_line(text) {
        let d = if fix.chars.is_empty() {
            let value = text
                .split_once(['=', '＝'])
                .map(|x| x.1.trim())
                .unwrap_or(text);
            RULE.at(
                src,
                line,
                msg!("toml-date-written", value),
                msg!("toml-date-written-label"),
            )
            .help(msg!("toml-date-written-help", fixed = fix.line))
        } else {
            let pairs: Vec<String> = fix
                .chars
                .iter()
                .map(|c| format!("`{c}` → `{}`", slips::half_width(*c)))
                .collect();
            RULE.at(
                src,
                line,
                msg!("toml-wide", chars = list(pairs)),
                msg!("toml-wide-label"),
            )
            .help(msg!("toml-wide-help", fixed = fix.line))
        };
        return d;
    }
    if let Some(fixed) = slips::quote_value(text) {
        // A Chinese word where a code goes, without quotes: straight to the code.
        let (key, value) = text.split_once('=').unwrap_or_default();
        let (key, value) = (key.trim(), value.trim());
        let help = match crate::model::code_words(key).and_then(|w| slips::code_for(value, w)) {
            Some(code) => msg!(
                "toml-unquoted-code-help",
                word = value,
                fixed = format!("{key} = \"{code}\"")
            ),
            None => msg!("toml-unquoted-help", fixed),
        };
        return RULE
            .at(
                src,
                line,
                msg!("toml-unquoted"),
                msg!("toml-unquoted-label"),
            )
            .help(help);
    }
    let detail = message
        .trim()
        .trim_end_matches('.')
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("; ");
    let help = if detail.contains("duplicate key") {
        msg!("toml-duplicate-help")
    } else if detail.contains("invalid date") || detail.contains("month") || detail.contains("day")
    {
        msg!("toml-date-help")
    } else if detail.contains("array") {
        msg!("toml-array-help")
    } else {
        msg!("toml-generic-help")
    };
    RULE.at(
        src,
        span,
        msg!("toml-invalid", detail),
        msg!("toml-here-label"),
    )
    .help(help)
}
