//! `unknown-council`: a referral or a continuation names a council (or a matter) the site
//! does not have.

use std::sync::Arc;

use crate::diag::{Diagnostic, Severity, Source};
use crate::i18n::Msg;
use crate::lifecycle::chain::{Keys, Referral};
use crate::model::{Sp, split_matter_ref, suggest};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查两处写到其他议事会的地方：
- 转交决定的 `referred_to`（转交去向）：如果它写成议事会编号的样子（用 `/` 分开的几段小写字母、数字和 `-`，例如 `huangtai/joint`），就必须是本网站某个议事会的编号，也就是 `councils/` 下它的文件夹路径。不是这种样子的文字（例如 `市北区城市管理局`）被当作网站以外的单位名称，不检查。
- 提议的 `referred_from`（承接自）：`<议事会编号>/<提议编号>` 中的议事会必须存在，并且那个议事会有这份提议。

## 为什么
转交给本网站的议事会（例如社区联席会议），这个事项就会在那里接着办理，网站会把两边的记录连起来，让居民看到事项走到了哪一步。编号写错了，这条线就断了：网格的页面上找不到去向，联席会议的记录也连不回原来的事项。

## 示例
```text
[[items]]
proposal = "2026-002"
action = "decide"
outcome = "referred"
referred_to = "huangtai/jiont"
```
而联席会议的文件夹是 `councils/huangtai/joint/`。

## 如何修改
把编号改成 `councils/` 下议事会文件夹的路径（`huangtai/joint`）。如果是转给网站以外的单位，写它的全称，例如 `市北区城市管理局`。`referred_from` 要写原议事会的编号和原提议的编号，例如 `huangtai/grid-03/2026-002`。
"#;

pub static RULE: Rule = Rule {
    name: "unknown-council",
    severity: Severity::Error,
    summary: "A `referred_to` shaped like a council key names no council of the site, or a `referred_from` names no council or no proposal.",
    docs: r#"
## What it does
Checks the two places where a record names another council:
- a decision's `referred_to`: when it is written like a council key (parts of lowercase
  letters, digits and `-` joined by `/`, such as `huangtai/joint`), it must be the key of a
  council of this site, that is its folder under `councils/`. Any other text (such as
  `市北区城市管理局`) is the name of a body outside the site and is not checked;
- a proposal's `referred_from`: the council of `<council key>/<id>` must exist and hold that
  proposal.

## Why
A matter referred to a council of the site (a community's joint meeting) continues there, and
the site links both records so that residents see where the matter is now. A misspelt key
breaks that link: the grid's page cannot say where the matter went, and the joint council's
record leads back to nothing.

## Example
```text
[[items]]
proposal = "2026-002"
action = "decide"
outcome = "referred"
referred_to = "huangtai/jiont"
```
while the joint council's folder is `councils/huangtai/joint/`.

## How to fix
Write the path of the council's folder under `councils/` (`huangtai/joint`). For a body
outside the site, write its full name, such as `市北区城市管理局`. `referred_from` is the key of
the referring council and the id of its proposal, like `huangtai/grid-03/2026-002`.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let keys = Keys::of(ctx.site);
    let all_keys: Vec<&str> = ctx.site.councils.iter().map(|c| c.key.as_str()).collect();
    let key_help = |key: &str| match suggest(key, &all_keys) {
        Some(s) => msg!("help-did-you-mean", code = s),
        None => msg!("unknown-council-help"),
    };
    for (_, c) in ctx.councils() {
        for m in &c.meetings {
            for item in &m.items {
                let Some(to) = &item.referred_to else {
                    continue;
                };
                if keys.referral(&to.value) == Referral::UnknownCouncil {
                    out.push(
                        RULE.at(
                            &m.meta.source,
                            to.span.clone(),
                            msg!("unknown-council-referral", value = to.value.as_str()),
                            msg!("unknown-council-label"),
                        )
                        .help(key_help(to.value.trim())),
                    );
                }
            }
        }
        for p in &c.proposals {
            let Some(from) = &p.referred_from else {
                continue;
            };
            out.extend(unknown_matter(ctx, &keys, &p.meta.source, from, &key_help));
        }
    }
}

/// The finding for a `referred_from` whose council or proposal does not exist.
fn unknown_matter(
    ctx: &Context<'_>,
    keys: &Keys<'_>,
    src: &Arc<Source>,
    from: &Sp<String>,
    key_help: &dyn Fn(&str) -> Msg,
) -> Option<Diagnostic> {
    let (key, id) = split_matter_ref(&from.value)?;
    let Some(ci) = keys.council(key) else {
        return Some(
            RULE.at(
                src,
                from.span.clone(),
                msg!("unknown-council-from", key),
                msg!("unknown-council-label"),
            )
            .help(key_help(key)),
        );
    };
    if keys.matter(ctx.site, &from.value).is_some() {
        return None;
    }
    let c = &ctx.site.councils[ci];
    let ids: Vec<&str> = c.proposals.iter().map(|p| p.id()).collect();
    let help = match suggest(id, &ids) {
        Some(s) => msg!("help-did-you-mean", code = format!("{key}/{s}")),
        None => msg!(
            "unknown-council-proposal-help",
            folder = format!("{}/proposals/", c.dir())
        ),
    };
    Some(
        RULE.at(
            src,
            from.span.clone(),
            msg!("unknown-council-proposal", id, key),
            msg!("unknown-council-proposal-label"),
        )
        .help(help),
    )
}
