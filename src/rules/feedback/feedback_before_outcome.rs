//! `feedback-before-outcome`: a return visit dated before its matter was final.

use jiff::civil::Date;

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::msg;
use crate::rules::lifecycle::each_lifecycle;
use crate::rules::{Check, Context, Rule, state_words};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查每份回访记录（`feedback/` 中的记录）的 `date`（回访日期），不早于它所回访的事项在本议事会有最终结果的日期：
- 不通过或转交：作出这个决定的会议日期；
- 通过的事项：第一份 `accepted`（已验收）督办报告的日期（`completed` 完工还不算最终结果）；
- 撤回：`withdrawn` 日期。

事项还没有最终结果时写的回访记录，也会被报告。

## 为什么
回访是把办理结果告诉提出事项的居民，并听取他们是否满意（“事事有回音”）。结果出来之前的“回访”没有结果可以告诉居民，满意度也就无从谈起，公开的评价会误导大家。

## 示例
`feedback/2026-06-01-2026-003.md` 的 `date = 2026-06-01`，而 `2026-003` 到 2026-07-18 才验收。

## 如何修改
核对回访记录的 `date` 和 `proposal`。如果是办理过程中的走访，写进督办报告；等事项有了最终结果，再回访并记录。
"#;

pub static RULE: Rule = Rule {
    name: "feedback-before-outcome",
    severity: Severity::Error,
    summary: "A return visit is dated before its matter reached a final state at its own council.",
    docs: r#"
## What it does
Checks that each return visit (a record in `feedback/`) is dated on or after the day its
matter became final at its own council:
- rejected or referred: the date of the meeting that decided it;
- adopted: the date of the first `accepted` report (the acceptance inspection; `completed`
  is not final);
- withdrawn: the `withdrawn` date.
A return visit on a matter that has no final outcome yet is reported too.

## Why
A return visit tells the residents who raised the matter how it ended and records whether
they are satisfied ("every matter gets an answer"). A visit before the outcome has no outcome
to tell, and a published satisfaction about it would mislead everyone.

## Example
`feedback/2026-06-01-2026-003.md` with `date = 2026-06-01`, while `2026-003` passed its
acceptance inspection on 2026-07-18.

## How to fix
Check the visit's `date` and `proposal`. A visit during the works belongs in a supervision
report; visit the residents again once the matter has its outcome, and record that visit.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // The whole timeline: whether records contradict each other does not depend on the day
    // they are looked at.
    each_lifecycle(ctx, Date::MAX, |c, p, lc| {
        for e in &lc.events {
            let EventKind::Feedback { feedback } = e.kind else {
                continue;
            };
            let f = &c.feedback[feedback];
            let Some(date) = &f.date else { continue };
            let message = match lc.final_date {
                Some(fin) if date.value >= fin => continue,
                Some(fin) => msg!(
                    "visit-before-outcome",
                    id = p.id(),
                    date = date.value,
                    state = state_words(lc.state),
                    final_date = fin
                ),
                None => msg!(
                    "visit-without-outcome",
                    id = p.id(),
                    state = state_words(lc.state)
                ),
            };
            out.push(
                RULE.at(
                    &f.meta.source,
                    date.span.clone(),
                    message,
                    msg!("visit-before-outcome-label"),
                )
                .help(msg!("visit-before-outcome-help")),
            );
        }
    });
}
