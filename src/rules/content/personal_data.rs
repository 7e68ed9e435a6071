//! `personal-data`: resident ID numbers, mobile numbers and e-mail addresses in published
//! text.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Severity, Source};
use crate::model::{Sp, Translations};
use crate::privacy::scan;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "personal-data",
    severity: Severity::Error,
    summary: "Published text holds a PRC resident ID number, a mainland mobile number or an e-mail address.",
    docs: r#"
## What it does
Scans every front-matter string that is published (titles, proposers, names, owners,
locations, guests, translations) and every body for:
- PRC resident ID numbers: 18 characters, the last a digit or `X`, with a valid GB 11643
  check digit (so that ordinary long numbers do not fire);
- mainland mobile numbers: 11 digits starting `13`–`19`, not part of a longer run of digits,
  also when written `138-1234-5678` or `138 1234 5678`;
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
                    RULE.at(src, span, format!("published text holds {}", kind.words()), "hidden here")
                        .help("describe people by their public role instead; a public office number may be listed in `[privacy] allow` in site.toml")
                })
                .collect::<Vec<_>>()
        })
        .collect();
    out.extend(found);
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
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
        strs(&mut out, &c.source, &c.name);
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
        let texts = c
            .proposals
            .iter()
            .flat_map(|p| &p.texts)
            .chain(c.meetings.iter().flat_map(|m| &m.texts))
            .chain(c.reports.iter().flat_map(|r| &r.texts));
        for t in texts {
            strs(&mut out, &t.source, t.title.iter().chain(&t.description));
        }
    }
    for (src, body) in crate::rules::bodies(ctx) {
        out.push((src, body.span.clone()));
    }
    out
}
