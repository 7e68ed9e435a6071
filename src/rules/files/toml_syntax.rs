//! `toml-syntax`: front matter or a `.toml` file that is not valid TOML.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
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

pub fn diagnostic(src: &Arc<Source>, span: Range<usize>, message: &str) -> Diagnostic {
    let msg = message.trim().trim_end_matches('.');
    let help = if msg.contains("quoted") {
        "put text in double quotes: `title = \"…\"`"
    } else if msg.contains("duplicate key") {
        "each field may appear once; remove or rename the repeated one"
    } else if msg.contains("invalid date") || msg.contains("month") || msg.contains("day") {
        "write dates as year-month-day with two-digit month and day, like `2022-04-02`"
    } else if msg.contains("array") {
        "a list is written in brackets with commas between items: `[\"a\", \"b\"]`"
    } else {
        "fix the TOML at this place; text goes in quotes, dates and numbers do not"
    };
    RULE.at(src, span, format!("invalid TOML: {msg}"), "here")
        .help(help)
}
