//! `referral-mismatch`: a continuation that does not match its referral, or a referral to the
//! council itself.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::chain::{Keys, MatterAt, Referral};
use crate::msg;
use crate::rules::{Check, Context, Rule};

use super::{continuations, referrals, referrals_of};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查承接转交事项的提议（写了 `referred_from` 的提议）和原来的转交决定是否对得上：
- 原事项确实转交给了这个议事会（原会议记录中有 `outcome = "referred"`，并且 `referred_to` 是这个议事会的编号）；
- 这份提议的 `submitted`（提出日期）不早于转交那次会议的日期；
- 同一个原事项只由一份提议承接：如果两份提议都写了同一个 `referred_from`，`submitted` 较晚的那份（同一天则按文件路径排在后面的那份）会被报告。

还会检查转交决定的 `referred_to` 不是作出决定的议事会自己。

## 为什么
网站按 `referred_from` 把各级议事会办理同一事项的记录连成一条线，居民在网格的页面上就能看到事项现在办到哪里。对不上的连接会让居民看到错误的去向；转交给自己，事项实际上没有离开。

## 示例
```text
referred_from = "huangtai/grid-03/2026-002"
submitted = 2026-05-01
```
而第三网格是在 2026-05-16 的会议上才决定把 `2026-002` 转交给联席会议的。

## 如何修改
核对 `referred_from` 和 `submitted`：承接的提议写的是被转交过来的那个事项，并且在转交之后提出。同一事项重复录入的，删去多余的那份（用 `withdrawn` 撤回已经发布的那份，不要删除文件）。要在本议事会继续讨论的事项，决定 `outcome = "deferred"`，不要转交给自己。
"#;

pub static RULE: Rule = Rule {
    name: "referral-mismatch",
    severity: Severity::Error,
    summary: "A `referred_from` names a matter not referred to this council, or the proposal predates the referral, or another proposal already continues that matter; or a referral names its own council.",
    docs: r#"
## What it does
Checks that a proposal continuing a referred matter (one with `referred_from`) matches the
referral it continues:
- the matter was referred to this proposal's council (its minutes hold `outcome =
  "referred"` with `referred_to` set to this council's key);
- the proposal's `submitted` is not before the date of that referral;
- only one proposal continues the matter: when two name the same `referred_from`, the one
  submitted later (on the same day, the one whose file path sorts later) is reported.
It also checks that a referral's `referred_to` is not the deciding council itself.

## Why
The site links the records of every council that handles a matter, by `referred_from`, so
that residents reading the grid's page see where the matter is now. A link that does not
match its referral shows them a wrong path; a referral to the council itself sends the
matter nowhere.

## Example
```text
referred_from = "huangtai/grid-03/2026-002"
submitted = 2026-05-01
```
while grid 3 referred `2026-002` to the joint council at its meeting of 2026-05-16.

## How to fix
Check `referred_from` and `submitted`: the continuation names the matter that was referred to
its council, and is submitted on or after the referral. If a matter was recorded twice,
keep one (withdraw a published duplicate with `withdrawn` instead of deleting its file). To
keep discussing a matter at the same council, decide `outcome = "deferred"` rather than
referring it to itself.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let site = ctx.site;
    let keys = Keys::of(site);
    // Who continues each matter, earliest first.
    let mut continued: HashMap<MatterAt, Vec<(jiff::civil::Date, &str, MatterAt)>> = HashMap::new();
    for k in continuations(site, &keys) {
        continued
            .entry(k.from)
            .or_default()
            .push((k.submitted, k.path, k.at));
    }
    for v in continued.values_mut() {
        v.sort();
    }

    for (ci, c) in ctx.councils() {
        for (_, r) in referrals(c) {
            if r.to.value.trim() == c.key {
                out.push(
                    RULE.at(
                        &r.meeting.meta.source,
                        r.to.span.clone(),
                        msg!("referral-to-itself", key = c.key.as_str()),
                        msg!("referral-to-itself-label"),
                    )
                    .help(msg!("referral-to-itself-help")),
                );
            }
        }
        for (pi, p) in c.proposals.iter().enumerate() {
            let Some(from) = &p.referred_from else {
                continue;
            };
            let Some(q) = keys.matter(site, &from.value) else {
                continue; // unknown-council
            };
            let qc = &site.councils[q.0];
            let qp = &qc.proposals[q.1];
            let all = referrals_of(qc, qp.id());
            let Some(r) = all
                .iter()
                .find(|r| keys.referral(&r.to.value) == Referral::Council(ci))
            else {
                let d = RULE.at(
                    &p.meta.source,
                    from.span.clone(),
                    msg!(
                        "referral-not-here",
                        matter = from.value.as_str(),
                        key = c.key.as_str()
                    ),
                    msg!("referral-not-here-label"),
                );
                out.push(match all.last() {
                    Some(r) => d
                        .also(
                            &r.meeting.meta.source,
                            r.to.span.clone(),
                            msg!("referral-elsewhere-label"),
                        )
                        .help(msg!("referral-elsewhere-help")),
                    None => d.help(msg!(
                        "referral-missing-help",
                        from = qc.key.as_str(),
                        key = c.key.as_str()
                    )),
                });
                continue;
            };
            if let Some(sub) = &p.submitted
                && sub.value < r.date
            {
                out.push(
                    RULE.at(
                        &p.meta.source,
                        sub.span.clone(),
                        msg!(
                            "referral-before",
                            submitted = sub.value,
                            matter = from.value.as_str(),
                            date = r.date
                        ),
                        msg!("referral-before-label"),
                    )
                    .also(
                        &r.meeting.meta.source,
                        r.to.span.clone(),
                        msg!("referral-here-label"),
                    )
                    .help(msg!("referral-before-help")),
                );
                continue;
            }
            let first = continued.get(&q).and_then(|v| v.first());
            if let Some(&(_, _, earlier)) = first
                && earlier != (ci, pi)
            {
                let other = &site.councils[earlier.0].proposals[earlier.1];
                let mut d = RULE.at(
                    &p.meta.source,
                    from.span.clone(),
                    msg!(
                        "referral-twice",
                        matter = from.value.as_str(),
                        other = format!("{}/{}", site.councils[earlier.0].key, other.id())
                    ),
                    msg!("referral-twice-label"),
                );
                if let Some(f) = &other.referred_from {
                    d = d.also(
                        &other.meta.source,
                        f.span.clone(),
                        msg!("referral-first-label"),
                    );
                }
                out.push(d.help(msg!("referral-twice-help")));
            }
        }
    }
}
