//! `unanswered`: a submitted matter that no meeting has taken up in time.

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
以 T 日为准，如果一个事项在 `submitted`（提出日期）之后超过 `[lifecycle] response_days`（答复期限，默认 30 天），仍是 `submitted`（已提出）状态，也就是还没有任何会议事项提到它，就发出警告。

## 为什么
居民提出的事项，应当得到答复。网站会列出未答复的事项，不让任何人的诉求被悄悄遗忘。

## 示例
`submitted = 2022-03-14`，到 2022-04-20 还没有哪份会议记录提到 `2022-001`。

## 如何修改
把这个事项列入下次会议的议程（加一项 `action = "deliberate"` 的会议事项）。如果它应当由其他单位处理，就表决转交（`outcome = "referred"`）。
"#;

pub static RULE: Rule = Rule {
    name: "unanswered",
    severity: Severity::Warning,
    summary: "Flag unanswered as of T: still submitted and T is after submitted + response_days.",
    docs: r#"
## What it does
Warns about matters that are still `submitted` (no meeting item yet) more than
`[lifecycle] response_days` (default 30) after their `submitted` date, as of the day T.

## Why
Residents who raise a matter deserve an answer. The site lists unanswered matters so that
nobody's request is quietly forgotten.

## Example
`submitted = 2022-03-14` and no minutes mention `2022-001` by 2022-04-20.

## How to fix
Put the matter on the agenda of the next meeting (an item with `action = "deliberate"`). If it
belongs to another body, decide to refer it (`outcome = "referred"`).
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::each_lifecycle(ctx, ctx.today, |c, p, lc| {
        if !lc.unanswered {
            return;
        }
        let Some(s) = &p.submitted else { return };
        let waiting = (ctx.today - s.value).get_days();
        out.push(
            RULE.at(
                &p.meta.source,
                s.span.clone(),
                msg!(
                    "unanswered",
                    matter = format!("{}/{}", c.key, p.id()),
                    waiting,
                    limit = ctx.site.config.response_days
                ),
                msg!("submitted-here-label"),
            )
            .help(msg!("unanswered-help")),
        );
    });
}
