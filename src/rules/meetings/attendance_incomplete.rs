//! `attendance-incomplete`: a serving member is neither present nor absent.

use std::collections::BTreeSet;

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "attendance-incomplete",
    severity: Severity::Warning,
    summary: "A serving member is neither present nor absent.",
    docs: r#"
## What it does
Checks that every member serving on the meeting's date appears in `present` or `absent`.

## Why
Complete attendance lets residents see who took part, and lets anyone recount the quorum. A
member left out of both lists is usually a mistake in copying the sign-in sheet.

## Example
The council has seven serving members; the minutes list five present and one absent.

## How to fix
Add the missing member to `absent` (or to `present`, if they came).
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, c) in ctx.councils() {
        if !c.members_known() {
            continue;
        }
        for m in &c.meetings {
            let (Some(date), Some(present)) = (&m.date, &m.present) else {
                continue;
            };
            let listed: BTreeSet<&str> = m
                .present_ids()
                .chain(m.absent.iter().map(|a| a.value.as_str()))
                .collect();
            let missing: Vec<String> = c
                .members
                .iter()
                .filter(|mem| mem.serves(date.value) && !listed.contains(mem.id()))
                .map(|mem| format!("`{}`", mem.id()))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let (who, verb) = if missing.len() == 1 {
                ("member", "is")
            } else {
                ("members", "are")
            };
            out.push(
                RULE.at(
                    &m.meta.source,
                    present.span.clone(),
                    format!(
                        "serving {who} {} {verb} neither present nor absent",
                        missing.join(", ")
                    ),
                    "attendance",
                )
                .help(
                    "list every serving member in `present` or `absent`, as on the sign-in sheet",
                ),
            );
        }
    }
}
