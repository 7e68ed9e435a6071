//! `already-decided`: an item about a withdrawn matter, or a second decision on a matter
//! already adopted, rejected or referred.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::model::Outcome;
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
按日期顺序查看每个事项的经过，报告两种情况：一是会议事项涉及的事项在开会前已经撤回；二是 `decide`（表决）事项涉及的事项，最近一次决定已经是 `adopted`（通过）、`rejected`（未通过）或 `referred`（转交）。只有 `deferred`（暂缓）的事项，才可以再次表决。

## 为什么
议事会的决定一经作出，在本议事会就是最终的：再表决一次，等于悄悄替换了已经告诉居民的结果。如果情况有了变化，那就是一个新事项，应当另提一份提议。

## 示例
2022-04-02 的会议记录通过了 `2022-001`；2022-06-10 的会议记录中又写着 `proposal = "2022-001"`、`action = "decide"`、`outcome = "rejected"`。

## 如何修改
把后来的讨论记为 `action = "deliberate"`（审议），例如听取进展汇报；或者为变化后的事项另提一份新提议。如果第一次的决定记错了，就在它自己的会议记录里更正（`council audit` 会显示这次更正）。
"#;

pub static RULE: Rule = Rule {
    name: "already-decided",
    severity: Severity::Error,
    summary: "An item concerns a proposal that is withdrawn, or a `decide` item one already adopted, rejected or referred.",
    docs: r#"
## What it does
Walks each matter's events in date order and reports a meeting item about a matter withdrawn
before the meeting, and a `decide` item about a matter whose latest decision was `adopted`,
`rejected` or `referred` (only `deferred` leaves a matter open for another decision).

## Why
A decision is final at the council: deciding again silently replaces what residents were told.
If circumstances changed, that is a new matter with its own proposal.

## Example
Minutes of 2022-04-02 adopt `2022-001`; minutes of 2022-06-10 hold
`proposal = "2022-001"`, `action = "decide"`, `outcome = "rejected"`.

## How to fix
Record the later discussion as `action = "deliberate"` (for example to hear progress), or file
a new proposal for the changed matter. If the first decision was recorded wrongly, correct it
in its own minutes (and expect `council audit` to show that change).
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::walk(ctx, |s| {
        let EventKind::Item { meeting, item } = s.event.kind else {
            return;
        };
        let m = &s.council.meetings[meeting];
        let it = &m.items[item];
        let Some(pid) = &it.proposal else { return };
        if s.withdrawn {
            let mut d = RULE.at(
                &m.meta.source,
                pid.span.clone(),
                msg!("withdrawn-before-meeting", id = s.proposal.id()),
                msg!("withdrawn-matter-label"),
            );
            if let Some(w) = &s.proposal.withdrawn {
                d = d.also(
                    &s.proposal.meta.source,
                    w.span.clone(),
                    msg!("withdrawn-here-label"),
                );
            }
            out.push(d.help(msg!("withdrawn-before-meeting-help")));
            return;
        }
        if !it.is_decision() {
            return;
        }
        let Some((pm, pit, outcome)) = s.decision else {
            return;
        };
        if outcome == Outcome::Deferred {
            return;
        }
        let mut d = RULE.at(
            &m.meta.source,
            pid.span.clone(),
            msg!(
                "already-decided",
                id = s.proposal.id(),
                outcome = crate::rules::outcome_words(outcome),
                date = pm
                    .date
                    .as_ref()
                    .map(|d| d.value.to_string())
                    .unwrap_or_default()
            ),
            msg!("decided-again-label"),
        );
        if let Some(o) = &pit.outcome {
            d = d.also(
                &pm.meta.source,
                o.span.clone(),
                msg!("earlier-decision-label"),
            );
        }
        out.push(d.help(msg!("already-decided-help")));
    });
}
