//! `broken-link`: a relative link or image that points at nothing.

use crate::diag::{Diagnostic, Severity};
use crate::markdown::url_scheme;
use crate::model::Site;
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查正文里的每个相对链接和图片：从链接所在的文件出发，看它能不能找到本网站里的一份记录、一个内容页面或一个文件（议事会 `files/` 文件夹里的附件，或 `static/` 文件夹里的文件）。网址链接（`https://…`）、跳到本页某处的链接（`#…`）和从网站根目录开始的地址（`/…`）不检查。跳出网站范围的链接，算作失效链接。

## 为什么
决议里指向相关提议的链接，是居民查证的依据。链接失效，看起来就像记录丢了。

## 示例
```text
会议讨论了[加装电梯提案](../proposals/2022-01.md)。
```

## 如何修改
改正路径。在 `meetings/` 文件夹里的会议记录中，提议的路径是 `../proposals/<id>.md`（`<id>` 是提议编号），附件的路径是 `../files/<name>`（`<name>` 是附件的文件名）。链接的路径都从链接所在的文件算起。
"#;

pub static RULE: Rule = Rule {
    name: "broken-link",
    severity: Severity::Error,
    summary: "A relative Markdown link or image points at no record, page or file.",
    docs: r#"
## What it does
Resolves every relative link and image in a body against the file it is written in, and checks
that it reaches a record, a content page or a file of the site (an attachment under a
council's `files/`, a file under `static/`). Links to web addresses (`https://…`), to a
place in the same page (`#…`) and to addresses from the site's root (`/…`) are not checked. A link that climbs out of the site is broken.

## Why
A link to the proposal a decision is about is the evidence residents follow. A broken one
looks like a missing record.

## Example
```text
会议讨论了[加装电梯提案](../proposals/2022-01.md)。
```

## How to fix
Correct the path: from minutes in `meetings/`, a proposal is `../proposals/<id>.md`; an
attachment is `../files/<name>`. Links are relative to the file they are written in.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (src, body) in crate::rules::bodies(ctx) {
        for link in &body.scan.links {
            let Some(target) = relative_target(&link.dest) else {
                continue;
            };
            let what = if link.image {
                msg!("what-image")
            } else {
                msg!("what-link")
            };
            match resolve(&src.path, &target) {
                None => out.push(
                    RULE.at(
                        src,
                        link.span.clone(),
                        msg!("link-outside", what, dest = &link.dest),
                        msg!("link-outside-label"),
                    )
                    .help(msg!("link-outside-help")),
                ),
                Some(path) if !exists(ctx.site, &path) => out.push(
                    RULE.at(
                        src,
                        link.span.clone(),
                        msg!("link-broken", what, dest = &link.dest, path),
                        msg!("link-broken-label"),
                    )
                    .help(msg!("link-broken-help")),
                ),
                Some(_) => {}
            }
        }
    }
}

/// The path part of a relative link (no scheme, not absolute, not only a fragment),
/// percent-decoded.
pub fn relative_target(dest: &str) -> Option<String> {
    let dest = dest.trim();
    if dest.is_empty()
        || dest.starts_with('#')
        || dest.starts_with('/')
        || url_scheme(dest).is_some()
    {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() {
        return None;
    }
    Some(percent_decode(path))
}

/// Joins `target` to the folder of `from` (both site-relative); `None` when it climbs out.
pub fn resolve(from: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// A file, a content section, or a council folder.
pub fn exists(site: &Site, path: &str) -> bool {
    site.files.contains(path)
        || site.files.contains(&format!("{path}/_index.md"))
        || site.files.contains(&format!("{path}/council.toml"))
}

/// `%E5%9B%BE` → `图`; malformed escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve_against_their_file() {
        let from = "councils/a/g/meetings/2022-04-02.md";
        assert_eq!(
            resolve(from, "../proposals/2022-001.md").as_deref(),
            Some("councils/a/g/proposals/2022-001.md")
        );
        assert_eq!(resolve(from, "../../../../../etc/passwd"), None);
        assert_eq!(relative_target("https://example.org"), None);
        assert_eq!(relative_target("#top"), None);
        assert_eq!(
            relative_target("../files/%E5%9B%BE.svg#x").as_deref(),
            Some("../files/图.svg")
        );
    }
}
