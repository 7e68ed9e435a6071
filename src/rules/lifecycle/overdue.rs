//! `overdue`: an adopted matter past its deadline and not completed.

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "overdue",
    severity: Severity::Warning,
    summary: "Flag overdue as of T: adopted or implementing, and T is after the decision's `due`.",
    docs: r#"
## What it does
Derives each matter's state as of the day T (`--today`, default today) and warns when it is
`adopted` or `implementing` and T is after the `due` date of the adopting decision.

## Why
Supervising implementation (督) is the council's promise to residents; a missed deadline is
what supervisors must follow up and what the public site shows plainly.

## Example
Adopted on 2022-04-02 with `due = 2022-09-30`; on 2022-10-15 the latest report says
`status = "delayed"`, `progress = 70`.

## How to fix
This is a reminder, not a mistake in the records: supervise, then file a report (`completed`
when the work is done). If the council agreed a new deadline, record that decision in minutes.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (ci, c) in ctx.councils() {
        if !c.meetings_known() {
            continue;
        }
        for (pi, p) in c.proposals.iter().enumerate() {
            let Some(lc) = crate::lifecycle::derive(
                c,
                p,
                ctx.timelines.of(ci, pi),
                ctx.today,
                ctx.site.config.response_days,
            ) else {
                continue;
            };
            if !lc.overdue {
                continue;
            }
            let Some((mi, ii)) = lc.decision else {
                continue;
            };
            let m = &c.meetings[mi];
            let Some(due) = &m.items[ii].due else {
                continue;
            };
            let late = (ctx.today - due.value).get_days();
            out.push(
                RULE.at(
                    &m.meta.source,
                    due.span.clone(),
                    format!("`{}/{}` is overdue: due {}, {late} days ago, still {}", c.key, p.id(), due.value, lc.state.as_str()),
                    "deadline passed",
                )
                .help("follow up with the owner and file a supervision report; record any new deadline in minutes"),
            );
        }
    }
}
