//! `referral-unanswered`: a council of the site has not taken up a matter referred to it.

use std::collections::HashSet;

use crate::diag::{Diagnostic, Severity};
use crate::lifecycle::chain::{Keys, MatterAt, Referral};
use crate::msg;
use crate::rules::{Check, Context, Rule};

use super::{continuations, referrals};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
以 T 日为准，如果一个事项转交给了本网站的某个议事会（`referred_to` 是议事会编号），超过 `[lifecycle] response_days`（答复期限，默认 30 天）之后，那个议事会仍没有一份写着 `referred_from`（承接自）这个事项的提议，就发出警告。警告指向转交决定的 `referred_to`。转交之后已撤回的事项不报告。

## 为什么
网格把难办的事项交给社区或街道联席会议，是为了让事情办下去。居民在网格的页面上会看到“已转交”，如果接收方一直没有登记，这个事项就在两级之间断了线，没人答复。

## 示例
第三网格 2026-05-16 决定把 `2026-002` 转交给 `huangtai/joint`，到 2026-07-01 联席会议的 `proposals/` 里还没有 `referred_from = "huangtai/grid-03/2026-002"` 的提议。

## 如何修改
由接收的议事会把事项登记为自己的提议，写上 `referred_from = "<原议事会编号>/<原提议编号>"`，`submitted` 写登记的日期（不早于转交日期）。可以用 `council new proposal <议事会编号> --title …` 生成，再补上 `referred_from`。
"#;

pub static RULE: Rule = Rule {
    name: "referral-unanswered",
    severity: Severity::Warning,
    summary: "A matter referred to a council of this site has no proposal there continuing it, after response_days.",
    docs: r#"
## What it does
Warns, as of the day T, when a matter was referred to a council of this site (its
`referred_to` is a council key) more than `[lifecycle] response_days` (default 30) ago, and
that council has no proposal with `referred_from` naming the matter. The warning points at the
referral's `referred_to`. A matter withdrawn since its referral is not reported.

## Why
A grid refers a hard matter to the community's or the street's joint meeting so that it gets
done. Residents reading the grid's page see "referred"; if the receiving council never records
it, the matter falls between two councils and nobody answers.

## Example
Grid 3 refers `2026-002` to `huangtai/joint` on 2026-05-16, and by 2026-07-01 the joint
council's `proposals/` holds no proposal with `referred_from = "huangtai/grid-03/2026-002"`.

## How to fix
The receiving council records the matter as a proposal of its own with `referred_from =
"<council key>/<id>"` and `submitted` the day it is recorded (on or after the referral).
`council new proposal <council key> --title …` writes one; add `referred_from` to it.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let site = ctx.site;
    let keys = Keys::of(site);
    // The matters continued by a proposal submitted by T, with the continuing council.
    let continued: HashSet<(MatterAt, usize)> = continuations(site, &keys)
        .into_iter()
        .filter(|k| k.submitted <= ctx.today)
        .map(|k| (k.from, k.at.0))
        .collect();
    let limit = ctx.site.config.response_days;
    for (ci, c) in ctx.councils() {
        for (id, r) in referrals(c) {
            let Referral::Council(to) = keys.referral(&r.to.value) else {
                continue;
            };
            if to == ci || r.date > ctx.today {
                continue;
            }
            let waited = (ctx.today - r.date).get_days() as i64;
            let Some(pi) = c
                .proposals
                .iter()
                .position(|p| p.id().eq_ignore_ascii_case(id))
            else {
                continue; // unknown-proposal
            };
            let withdrawn = c.proposals[pi]
                .withdrawn
                .as_ref()
                .is_some_and(|w| w.value <= ctx.today);
            if waited <= limit || withdrawn || continued.contains(&((ci, pi), to)) {
                continue;
            }
            let to_key = site.councils[to].key.as_str();
            let matter = format!("{}/{id}", c.key);
            out.push(
                RULE.at(
                    &r.meeting.meta.source,
                    r.to.span.clone(),
                    msg!(
                        "referral-unanswered",
                        matter = matter.as_str(),
                        key = to_key,
                        days = waited,
                        limit
                    ),
                    msg!("referral-unanswered-label"),
                )
                .help(msg!(
                    "referral-unanswered-help",
                    key = to_key,
                    matter = matter.as_str()
                )),
            );
        }
    }
}
