//! `already-decided`: an item about a withdrawn matter, or a second decision on a matter
//! already adopted, rejected or referred.

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::EventKind;
use crate::model::Outcome;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
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
                format!("`{}` was withdrawn before this meeting", s.proposal.id()),
                "withdrawn matter",
            );
            if let Some(w) = &s.proposal.withdrawn {
                d = d.also(&s.proposal.meta.source, w.span.clone(), "withdrawn here");
            }
            out.push(
                d.help("remove the item, or file a new proposal if the matter was raised again"),
            );
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
            format!(
                "`{}` was already {} at the meeting of {}",
                s.proposal.id(),
                outcome,
                pm.date
                    .as_ref()
                    .map(|d| d.value.to_string())
                    .unwrap_or_default()
            ),
            "decided again",
        );
        if let Some(o) = &pit.outcome {
            d = d.also(&pm.meta.source, o.span.clone(), "the earlier decision");
        }
        out.push(d.help("record this item as `action = \"deliberate\"`, or file a new proposal for a changed matter"));
    });
}
