//! `misplaced-file`: a file where council does not read it, or would read it wrongly.

use crate::diag::{Diagnostic, Severity};
use crate::model::suggest;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "misplaced-file",
    severity: Severity::Error,
    summary: "A .md under a council outside proposals/, meetings/, reports/; a council inside a council.",
    docs: r#"
## What it does
Checks the layout of `councils/` (SPEC §2): every council is a folder holding `council.toml`,
its records are `proposals/<id>.md`, `meetings/<stem>.md` and `reports/<stem>.md`, and
councils do not nest. It also reports files council cannot read: a `.toml` file that is
neither `council.toml` nor `area.toml`, a translation without its record, a symbolic link to
somewhere outside the site, a file that cannot be opened.

## Why
A record in the wrong folder is silently not published: the minutes would be missing from
the site and nobody would notice. Refusing is safer than guessing.

## Example
```text
councils/huangtai/grid-03/minutes/2022-04-02.md      ← "minutes" is not a record folder
councils/huangtai/grid-03/proposals/old/2021-001.md   ← one level too deep
councils/huangtai/grid-03/sub/council.toml            ← a council inside a council
```

## How to fix
Move the file into `proposals/`, `meetings/` or `reports/` of its council (attachments go in
`files/`), or move the inner council next to the outer one.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

pub fn misplaced_record(rel: &str, inner: &str) -> Diagnostic {
    let folder = inner.split('/').next().unwrap_or("");
    let help = match suggest(folder, &["proposals", "meetings", "reports"]) {
        Some(s) if inner.contains('/') && s != folder => {
            format!("did you mean the folder `{s}/`? records live in `proposals/`, `meetings/` or `reports/` of their council")
        }
        _ => "move it to `proposals/`, `meetings/` or `reports/` of its council, directly inside that folder (attachments go in `files/` and are not `.md`)".to_string(),
    };
    RULE.diag(
        rel,
        format!("`{inner}` is not where a council keeps records"),
    )
    .help(help)
}

pub fn outside_council(rel: &str) -> Diagnostic {
    RULE.diag(rel, "this record is not inside any council folder")
        .help("a council is a folder holding council.toml; move the record into `proposals/`, `meetings/` or `reports/` of its council")
}

pub fn nested_council(rel: &str, outer: &str) -> Diagnostic {
    RULE.diag(rel, format!("a council inside the council `{outer}`"))
        .help("councils do not nest: move this folder next to the other council, under an area folder")
}

pub fn council_at_top(rel: &str) -> Diagnostic {
    RULE.diag(rel, "council.toml directly in `councils/`")
        .help("give each council its own folder, such as `councils/huangtai/grid-03/council.toml`")
}

pub fn area_in_council(rel: &str, council: &str) -> Diagnostic {
    RULE.diag(rel, format!("area.toml inside the council `{council}`"))
        .help("areas hold councils, not the other way round: move area.toml to the folder above the council")
}

pub fn stray_toml(rel: &str, name: &str) -> Diagnostic {
    let help = match suggest(name, &["council.toml", "area.toml"]) {
        Some(s) => format!("did you mean `{s}`? council reads only council.toml and area.toml here"),
        None => "council reads only council.toml and area.toml under councils/; rename or remove this file".into(),
    };
    RULE.diag(rel, format!("`{name}` is not a file council reads"))
        .help(help)
}

pub fn orphan_translation(rel: &str, record: &str) -> Diagnostic {
    RULE.diag(rel, format!("a translation without its record `{record}`"))
        .help(format!("a translation sits beside the record it translates; add `{record}` or rename this file to match it"))
}

pub fn symlink_not_followed(rel: &str, why: &str) -> Diagnostic {
    RULE.diag(rel, format!("symbolic link not followed: {why}"))
        .help("copy the file into the site instead of linking to it; council never reads outside the site")
}

pub fn unreadable(rel: &str, why: &str) -> Diagnostic {
    RULE.diag(rel, format!("cannot read this file: {why}"))
        .help("check that the file exists and that you may read it")
}

pub fn reserved_page(rel: &str, name: &str) -> Diagnostic {
    RULE.diag(
        rel,
        format!("a content page at `/{name}/` would replace a page council generates"),
    )
    .help(format!(
        "rename the file or folder: `{name}` is taken by the published site"
    ))
}
