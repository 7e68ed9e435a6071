//! `unsafe-html`: raw HTML in a body that publishing strips.

use crate::diag::{Diagnostic, Severity};
use crate::markdown::{POLICY, removed_by_sanitiser, url_scheme};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查正文里直接写的 HTML，以及 Markdown 链接和图片的地址，报告发布时会被安全过滤删掉的内容：`<script>`、`<iframe>`、`<style>`、`<form>` 等标签，`onclick` 等事件处理属性，`style` 属性，以及 `javascript:` 这类既不是网址、也不是邮箱的地址。

## 为什么
记录会发布到居民的手机上。凡是可能运行代码或伪装内容的东西，在生成网站时都会被删掉。这条警告事先说明这一点，免得作者发现部分文字不见了而感到意外。

## 示例
```text
<div onclick="alert(1)">点击查看</div>
[方案](javascript:alert(1))
```

## 如何修改
用普通的 Markdown 书写：`**加粗**`、列表、表格、`[文字](https://…)` 形式的链接。删掉脚本和事件处理属性。
"#;

pub static RULE: Rule = Rule {
    name: "unsafe-html",
    severity: Severity::Warning,
    summary: "Raw HTML in Markdown that sanitising removes (script, event handlers, javascript: URLs).",
    docs: r#"
## What it does
Looks at raw HTML written into a body, and at the addresses of Markdown links and images, and
reports what the publishing sanitiser removes: tags such as `<script>`, `<iframe>`, `<style>`
and `<form>`, event handlers such as `onclick`, `style` attributes, and addresses such as
`javascript:` that are not web or mail addresses.

## Why
Records are published to residents' phones. Anything that could run code or disguise content
is removed when the site is built; the warning says so, so that the author is not surprised
that part of the text vanished.

## Example
```text
<div onclick="alert(1)">点击查看</div>
[方案](javascript:alert(1))
```

## How to fix
Write plain Markdown: `**bold**`, lists, tables, `[text](https://…)` links. Remove scripts and
event handlers.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (src, body) in crate::rules::bodies(ctx) {
        for range in &body.scan.html {
            for r in removed_by_sanitiser(&src.text[range.clone()]) {
                let span = range.start + r.range.start..range.start + r.range.end;
                out.push(
                    RULE.at(
                        src,
                        span,
                        msg!("unsafe-html", what = &r.what),
                        msg!("removed-label"),
                    )
                    .help(msg!("unsafe-html-help")),
                );
            }
        }
        for link in &body.scan.links {
            if POLICY.url_allowed(&link.dest) {
                continue;
            }
            let scheme = url_scheme(&link.dest).unwrap_or_default();
            let what = if link.image {
                msg!("what-image")
            } else {
                msg!("what-link")
            };
            out.push(
                RULE.at(
                    src,
                    link.span.clone(),
                    msg!("unsafe-link", scheme, what),
                    msg!("removed-label"),
                )
                .help(msg!("unsafe-link-help")),
            );
        }
    }
}
