//! `invalid-value`: a field of the wrong type, outside its set or range, or malformed.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::i18n::{Msg, codes};
use crate::msg;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查每个字段的值：
- 该写文字的地方是文字；
- 日期是 TOML 日期（`2022-04-02`，不加引号）；
- 数字在范围内（`progress` 进度从 0 到 100）；
- 取值是允许的词之一（`action` 只能是 `deliberate` 或 `decide`）；
- 编号符合 `[a-z0-9][a-z0-9-]*` 的格式（只用小写字母、数字和连字符，以字母或数字开头）；
- `quorum`（法定人数）是不大于 1 的分数 `a/b`；
- SSH 公钥能够读取；
- 日期之间前后一致（成员的 `to` 不早于 `from`，`due` 完成期限不早于会议日期）；
- 文件名能用作编号和网址；
- 没有留下 `council new` 标出的待填写内容（`【请填写：…】`）。

## 为什么
工具看不懂的值，就无法判断：加了引号的日期是文字，不是日期；结果写错一个词，事项的进程就会出错。

## 示例
```text
submitted = "2022-03-14"
outcome = "adopt"
progress = 120
```

## 如何修改
按提示行去改：去掉日期外面的引号，从列出的词中选一个（例如 `adopted`），数字不要超出范围。
"#;

pub static RULE: Rule = Rule {
    name: "invalid-value",
    severity: Severity::Error,
    summary: "Wrong type, value outside its set or range, malformed id, date, fraction or key.",
    docs: r#"
## What it does
Checks every field's value: text where text is expected, dates as TOML dates (`2022-04-02`,
without quotes), numbers in range (`progress` from 0 to 100), words from the allowed set
(`action` is `deliberate` or `decide`), ids of the form `[a-z0-9][a-z0-9-]*`, a quorum as a
fraction `a/b` no larger than 1, SSH keys that parse, dates that agree with each other (a
member's `to` not before `from`, a deadline not before the meeting), file names that can serve
as ids and web addresses, and no blank left as `council new` marks it (`【请填写：…】`).

## Why
A value council cannot understand cannot be judged: a date in quotes is text, not a date, and
a misspelt outcome would make the lifecycle wrong.

## Example
```text
submitted = "2022-03-14"
outcome = "adopt"
progress = 120
```

## How to fix
Follow the help line: remove the quotes around dates, pick one of the listed words
(`adopted`), keep numbers in range.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

pub fn diagnostic(src: &Arc<Source>, span: Range<usize>, message: Msg, label: Msg) -> Diagnostic {
    RULE.at(src, span, message, label)
}

/// A finding about a file's name (no position inside the file).
pub fn file_name(rel: &str, message: Msg) -> Diagnostic {
    RULE.diag(rel, message)
}

/// `2022-001.fr.md` when `fr` is not a language of the site.
pub fn bad_language_suffix(rel: &str, lang: &str, languages: &[String]) -> Diagnostic {
    let help = if languages.first().is_some_and(|d| d == lang) {
        msg!("lang-suffix-default-help", lang)
    } else {
        msg!("lang-suffix-add-help", lang, languages = codes(languages))
    };
    RULE.diag(rel, msg!("lang-not-translation", lang))
        .help(help)
}
