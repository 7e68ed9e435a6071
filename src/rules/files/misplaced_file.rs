//! `misplaced-file`: a file where council does not read it, or would read it wrongly.

use crate::diag::{Diagnostic, Severity};
use crate::model::suggest;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
按规定的目录结构（见 SPEC 第 2 节）检查 `councils/` 文件夹：每个议事会是一个含有 `council.toml` 的文件夹；它的记录是 `proposals/<id>.md`、`meetings/<stem>.md`、`reports/<stem>.md` 和 `feedback/<stem>.md`（回访记录；`<stem>` 是不带 `.md` 的文件名）；议事会里不能再套议事会。还会报告工具读不了的文件：既不是 `council.toml` 也不是 `area.toml` 的 `.toml` 文件、找不到原记录的译文、指向网站以外的符号链接（快捷方式）、打不开的文件，以及会占用工具自动生成页面地址的内容页面或文件夹（例如 `content/decisions.md`）。

## 为什么
放错文件夹的记录不会被发布，而且没有任何提示：网站上少了一份会议记录，却没人发现。宁可报错，也不去猜。

## 示例
```text
councils/huangtai/grid-03/minutes/2022-04-02.md      ← “minutes” 不是存放记录的文件夹
councils/huangtai/grid-03/proposals/old/2021-001.md   ← 多了一层文件夹
councils/huangtai/grid-03/sub/council.toml            ← 议事会里又套了一个议事会
```

## 如何修改
把文件移到所属议事会的 `proposals/`、`meetings/`、`reports/` 或 `feedback/` 文件夹里（附件放在 `files/`）；或者把里面那个议事会移出来，和外面的议事会并列。
"#;

pub static RULE: Rule = Rule {
    name: "misplaced-file",
    severity: Severity::Error,
    summary: "A .md under a council outside proposals/, meetings/, reports/, feedback/; a council inside a council.",
    docs: r#"
## What it does
Checks the layout of `councils/` (SPEC §2): every council is a folder holding `council.toml`,
its records are `proposals/<id>.md`, `meetings/<stem>.md`, `reports/<stem>.md` and
`feedback/<stem>.md` (return visits), and councils do not nest. It also reports files council cannot read: a `.toml` file that is
neither `council.toml` nor `area.toml`, a translation without its record, a symbolic link to
somewhere outside the site, a file that cannot be opened, and a content page or folder that
would take the address of a page council generates (`content/decisions.md`).

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
Move the file into `proposals/`, `meetings/`, `reports/` or `feedback/` of its council (attachments go in
`files/`), or move the inner council next to the outer one.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

pub fn misplaced_record(rel: &str, inner: &str) -> Diagnostic {
    let folder = inner.split('/').next().unwrap_or("");
    let help = match suggest(folder, &["proposals", "meetings", "reports", "feedback"]) {
        Some(s) if inner.contains('/') && s != folder => {
            format!("did you mean the folder `{s}/`? records live in `proposals/`, `meetings/`, `reports/` or `feedback/` of their council")
        }
        _ => "move it to `proposals/`, `meetings/`, `reports/` or `feedback/` of its council, directly inside that folder (attachments go in `files/` and are not `.md`)".to_string(),
    };
    RULE.diag(
        rel,
        format!("`{inner}` is not where a council keeps records"),
    )
    .help(help)
}

pub fn outside_council(rel: &str) -> Diagnostic {
    RULE.diag(rel, "this record is not inside any council folder")
        .help("a council is a folder holding council.toml; move the record into `proposals/`, `meetings/`, `reports/` or `feedback/` of its council")
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
