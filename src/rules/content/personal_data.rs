//! `personal-data`: resident ID numbers, mobile and landline numbers and e-mail addresses
//! in published text.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Severity, Source};
use crate::model::{Sp, Translations};
use crate::msg;
use crate::privacy::scan;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查所有会公开发布的字段文字（标题、提议人、姓名、实施责任方、地点、列席人员、回访对象、译文等）、所有正文，以及所有会发布的文本文件（文本附件、SVG 图片里的文字、静态文件），查找以下内容：
- 居民身份证号码：18 位，最后一位是数字或 `X`，并且符合 GB 11643 的校验位规则（这样普通的长数字不会被误报）；
- 大陆手机号码：以 `13` 到 `19` 开头的 11 位数字，而且不是一长串数字中的一段；写成 `138-1234-5678`、`138 1234 5678`、`138.1234.5678`，带 `+86`、`86`、`0086` 国家代码，或用全角数字，也能查出来；
- 带区号的固定电话：如 `0532-83456789`、`(0532) 8345 6789`、`+86 532 8345 6789`；
- 电子邮箱地址。

site.toml 中 `[privacy] allow`（允许公开的内容）里列出的文字不算。检查结果不会重复显示查到的内容：输出时会把它遮住。

## 为什么
网站是公开的，而且会长期保留；git 还会保存每一个版本。会议记录里出现居民的电话或身份证号，会让他们遭受诈骗和骚扰。按照《中华人民共和国个人信息保护法》，公开这些信息需要本人同意。

## 示例
```text
proposer = "黄台路41号居民代表王先生（电话 13812345678）"
```

## 如何修改
用公开的身份或地址来称呼人，例如“黄台路41号居民代表”。如果这是应当公开的办公电话，把它加到 site.toml 的 `[privacy] allow` 里。号码仍会留在 git 历史中：如果已经提交过，请联系管理仓库的人，把它从历史记录中也删除。
"#;

pub static RULE: Rule = Rule {
    name: "personal-data",
    severity: Severity::Error,
    summary: "Published text holds a PRC resident ID number, a mainland mobile number, a landline with its area code or an e-mail address.",
    docs: r#"
## What it does
Scans every front-matter string that is published (titles, proposers, names, owners,
locations, guests, who a return visit reached, translations), every body, and every
published file that is text (text attachments, the text of SVG images, static files) for:
- PRC resident ID numbers: 18 characters, the last a digit or `X`, with a valid GB 11643
  check digit (so that ordinary long numbers do not fire);
- mainland mobile numbers: 11 digits starting `13`–`19`, not part of a longer run of digits,
  also when written `138-1234-5678`, `138 1234 5678` or `138.1234.5678`, with a `+86`, `86`
  or `0086` prefix, and in full-width digits;
- landlines with their area code: `0532-83456789`, `(0532) 8345 6789`, `+86 532 8345 6789`;
- e-mail addresses.
Strings listed in site.toml `[privacy] allow` are exempt. The finding never repeats what it
found: the text is masked in the output.

## Why
The site is public and permanent, and git keeps every version. A resident's phone number or ID
number in minutes exposes them to fraud and harassment, and the PRC Personal Information
Protection Law requires consent to publish it.

## Example
```text
proposer = "黄台路41号居民代表王先生（电话 13812345678）"
```

## How to fix
Describe people by their public role or address instead ("黄台路41号居民代表"). If the number
is a public office line that should be published, add it to `[privacy] allow` in site.toml.
The number stays in git history: if it was committed, ask whoever runs the repository to
remove it from history as well.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let allow: Vec<String> = ctx
        .site
        .config
        .privacy_allow
        .iter()
        .map(|a| normalise(a))
        .collect();
    let texts = published_texts(ctx);
    let found: Vec<Diagnostic> = texts
        .par_iter()
        .flat_map_iter(|(src, range)| {
            let text = &src.text[range.clone()];
            scan(text)
                .into_iter()
                .filter(|(r, _)| !allow.contains(&normalise(&text[r.clone()])))
                .map(|(r, kind)| {
                    let span = range.start + r.start..range.start + r.end;
                    RULE.at(
                        src,
                        span,
                        msg!("personal-data", what = kind.words()),
                        msg!("personal-data-label"),
                    )
                    .help(msg!("personal-data-help"))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    out.extend(found);
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                ' ' | '\u{3000}' | '-' | '－' | '.' | '．' | '(' | ')' | '（' | '）' | '+' | '＋'
            )
        })
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Every published span of text: front-matter strings (as written, quotes included) and
/// bodies. `git` addresses and `keys` are never published and not scanned.
pub fn published_texts<'a>(ctx: &Context<'a>) -> Vec<(&'a Arc<Source>, Range<usize>)> {
    let site = ctx.site;
    let mut out: Vec<(&Arc<Source>, Range<usize>)> = Vec::new();
    fn strs<'a>(
        out: &mut Vec<(&'a Arc<Source>, Range<usize>)>,
        src: &'a Arc<Source>,
        items: impl IntoIterator<Item = &'a Sp<String>>,
    ) {
        out.extend(items.into_iter().map(|s| (src, s.span.clone())));
    }
    fn tr<'a>(
        out: &mut Vec<(&'a Arc<Source>, Range<usize>)>,
        src: &'a Arc<Source>,
        t: &'a Translations,
    ) {
        strs(out, src, t.values().flat_map(|f| f.values()));
    }
    if ctx.site_in_scope() {
        let cs = &site.config_source;
        strs(
            &mut out,
            cs,
            site.config.title.iter().chain(&site.config.description),
        );
        tr(&mut out, cs, &site.config.translations);
        for a in &site.areas {
            strs(&mut out, &a.source, &a.name);
            tr(&mut out, &a.source, &a.translations);
        }
        for p in &site.pages {
            strs(
                &mut out,
                &p.meta.source,
                p.title.iter().chain(&p.description),
            );
            for t in &p.texts {
                strs(&mut out, &t.source, t.title.iter().chain(&t.description));
            }
        }
    }
    for (_, c) in ctx.councils() {
        strs(&mut out, &c.source, c.name.iter().chain(&c.contact));
        tr(&mut out, &c.source, &c.translations);
        for m in &c.members {
            strs(&mut out, &c.source, &m.name);
            tr(&mut out, &c.source, &m.translations);
        }
        for p in &c.proposals {
            let s = &p.meta.source;
            strs(
                &mut out,
                s,
                p.title
                    .iter()
                    .chain(&p.proposer)
                    .chain(&p.category)
                    .chain(&p.withdrawn_reason),
            );
            tr(&mut out, s, &p.translations);
        }
        for m in &c.meetings {
            let s = &m.meta.source;
            strs(
                &mut out,
                s,
                m.title.iter().chain(&m.location).chain(&m.guests),
            );
            tr(&mut out, s, &m.translations);
            for it in &m.items {
                strs(&mut out, s, it.owner.iter().chain(&it.referred_to));
                tr(&mut out, s, &it.translations);
            }
        }
        for f in &c.feedback {
            strs(&mut out, &f.meta.source, &f.reached);
            tr(&mut out, &f.meta.source, &f.translations);
        }
        let texts = c
            .proposals
            .iter()
            .flat_map(|p| &p.texts)
            .chain(c.meetings.iter().flat_map(|m| &m.texts))
            .chain(c.reports.iter().flat_map(|r| &r.texts))
            .chain(c.feedback.iter().flat_map(|f| &f.texts));
        for t in texts {
            strs(&mut out, &t.source, t.title.iter().chain(&t.description));
        }
    }
    for (src, body) in crate::rules::bodies(ctx) {
        out.push((src, body.span.clone()));
    }
    // Attachments and static files are published too: a text file whole, an SVG image's
    // text (not its drawing's numbers).
    for (a, src) in crate::rules::text_attachments(ctx) {
        if a.kind == crate::load::AttachmentKind::Svg {
            let texts = crate::svg::sanitise(&src.text)
                .map(|s| s.texts)
                .unwrap_or_default();
            out.extend(texts.into_iter().map(|r| (src, r)));
        } else {
            out.push((src, 0..src.text.len()));
        }
    }
    if ctx.site_in_scope() {
        out.extend(site.static_texts.iter().map(|s| (s, 0..s.text.len())));
    }
    out
}
