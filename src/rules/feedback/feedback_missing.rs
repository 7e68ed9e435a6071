//! `feedback-missing`: a final matter whose residents were not visited in time.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::msg;
use crate::rules::lifecycle::each_lifecycle;
use crate::rules::{Check, Context, Rule, state_words};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
以 T 日为准，如果一个事项在本议事会有了最终结果（已验收、不通过、已转交或已撤回）已经超过 `[lifecycle] feedback_days`（回访期限，默认 30 天），却还没有任何回访记录，就发出警告。警告指向这个事项的提议文件。

## 为什么
“事事有回音，件件有着落”：每个事项办完，都要回访提出事项的居民，告诉他们结果，听取他们是否满意。转交出去的事项也要回访，告诉居民事项转到了哪里。网站会公开每个议事会按时回访的比例。

## 示例
`2025-004` 在 2026-03-14 的会议上不通过，到 2026-05-01 `feedback/` 里还没有关于它的回访记录。

## 如何修改
回访提出事项的居民，然后用 `council new feedback <议事会编号>/<提议编号>` 生成回访记录，填写回访了谁（`reached`）、居民是否满意（`satisfaction`）和居民的意见。
"#;

pub static RULE: Rule = Rule {
    name: "feedback-missing",
    severity: Severity::Warning,
    summary: "A matter final for more than feedback_days has no return visit.",
    docs: r#"
## What it does
Warns, as of the day T, about a matter that became final at its council (accepted, rejected,
referred or withdrawn) more than `[lifecycle] feedback_days` (default 30) ago and has no
return visit recorded. The warning names the matter's proposal file.

## Why
"Every matter gets an answer, every item is carried out": when a matter is done, council
members visit the residents who raised it, tell them the outcome and ask whether they are
satisfied. A referred matter is visited too, to tell residents where it went. The site
publishes each council's share of matters visited in time.

## Example
`2025-004` was rejected at the meeting of 2026-03-14, and by 2026-05-01 `feedback/` holds no
return visit about it.

## How to fix
Visit the residents who raised the matter, then write the record with `council new feedback
<council key>/<id>`: who was reached (`reached`), whether they are satisfied
(`satisfaction`) and what they said.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let limit = ctx.site.config.feedback_days;
    each_lifecycle(ctx, ctx.today, |c, p, lc| {
        let Some(fin) = lc.final_date else { return };
        let days = (ctx.today - fin).get_days() as i64;
        if days <= limit
            || lc
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Feedback { .. }))
        {
            return;
        }
        let matter = format!("{}/{}", c.key, p.id());
        out.push(
            RULE.diag(
                p.meta.source.path.clone(),
                msg!(
                    "feedback-missing",
                    matter = matter.as_str(),
                    state = state_words(lc.state),
                    final_date = fin,
                    days,
                    limit
                ),
            )
            .help(msg!("feedback-missing-help", matter)),
        );
    });
}
