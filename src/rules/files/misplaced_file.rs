//! `misplaced-file`: a file where council does not read it, or would read it wrongly.

use crate::diag::{Diagnostic, Severity};
use crate::model::suggest;
use crate::msg;
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

/// The record folders of a council, and words a secretary may use for each.
const FOLDERS: &[(&str, &[&str])] = &[
    ("proposals", &["proposal", "提议", "提案", "议题", "诉求"]),
    (
        "meetings",
        &[
            "meeting",
            "minutes",
            "minute",
            "会议",
            "会议记录",
            "纪要",
            "会议纪要",
        ],
    ),
    ("reports", &["report", "督办", "报告", "督办报告", "监督"]),
    (
        "feedback",
        &["feedbacks", "visits", "visit", "回访", "回访记录", "评价"],
    ),
];

/// The record folder `folder` was meant to be, if it is close to one.
fn folder_meant(folder: &str) -> Option<&'static str> {
    let lower = folder.to_lowercase();
    FOLDERS
        .iter()
        .find(|(f, words)| *f == lower || words.contains(&lower.as_str()))
        .map(|(f, _)| *f)
        .or_else(|| suggest(folder, &["proposals", "meetings", "reports", "feedback"]))
}

/// A `.md` file under a council but not directly in a record folder. `council` is the
/// council's folder (`councils/huangtai/grid-03`), `inner` the path below it.
pub fn misplaced_record(rel: &str, council: &str, inner: &str) -> Diagnostic {
    let mut parts: Vec<&str> = inner.split('/').collect();
    let name = parts.pop().unwrap_or("");
    let meant = parts
        .first()
        .and_then(|f| folder_meant(f))
        .or_else(|| parts.iter().rev().find_map(|f| folder_meant(f)));
    let d = RULE.diag(rel, msg!("misplaced-record", inner));
    match meant {
        Some(folder) => d.help(msg!(
            "misplaced-record-move-help",
            path = format!("{council}/{folder}/{name}")
        )),
        None => d.help(msg!("misplaced-record-help")),
    }
}

/// A file in a record folder that is not a `.md` record: `2022-003.txt`, `2022-003.MD`,
/// `2022-003.md.txt`, `2022-003.markdown`, a Word document, a photo.
pub fn not_a_record(rel: &str, name: &str) -> Diagnostic {
    let lower = name.to_lowercase();
    let stem = [
        "md.txt", "markdown", "mdown", "md", "txt", "text", "docx", "doc", "wps",
    ]
    .iter()
    .find_map(|ext| {
        lower
            .strip_suffix(&format!(".{ext}"))
            .map(|s| (&name[..s.len()], *ext))
    });
    match stem {
        Some((stem, "docx" | "doc" | "wps")) => RULE
            .diag(rel, msg!("not-a-record-document", name))
            .help(msg!(
                "not-a-record-document-help",
                right = format!("{stem}.md")
            )),
        Some((stem, _)) => RULE
            .diag(rel, msg!("not-a-record-extension", name))
            .help(msg!(
                "not-a-record-extension-help",
                right = format!("{stem}.md")
            )),
        None => RULE
            .diag(rel, msg!("not-a-record-attachment", name))
            .help(msg!("not-a-record-attachment-help")),
    }
}

pub fn outside_council(rel: &str) -> Diagnostic {
    RULE.diag(rel, msg!("outside-council"))
        .help(msg!("outside-council-help"))
}

pub fn nested_council(rel: &str, outer: &str) -> Diagnostic {
    RULE.diag(rel, msg!("nested-council", outer))
        .help(msg!("nested-council-help"))
}

pub fn council_at_top(rel: &str) -> Diagnostic {
    RULE.diag(rel, msg!("council-at-top"))
        .help(msg!("council-at-top-help"))
}

pub fn area_in_council(rel: &str, council: &str) -> Diagnostic {
    RULE.diag(rel, msg!("area-in-council", council))
        .help(msg!("area-in-council-help"))
}

pub fn stray_toml(rel: &str, name: &str) -> Diagnostic {
    let help = match suggest(name, &["council.toml", "area.toml"]) {
        Some(s) => msg!("stray-toml-meant-help", code = s),
        None => msg!("stray-toml-help"),
    };
    RULE.diag(rel, msg!("stray-toml", name)).help(help)
}

pub fn orphan_translation(rel: &str, record: &str) -> Diagnostic {
    RULE.diag(rel, msg!("orphan-translation", record))
        .help(msg!("orphan-translation-help", record))
}

/// A symbolic link that is not followed: to a folder, or out of the site.
pub fn symlink_not_followed(rel: &str, to_folder: bool) -> Diagnostic {
    let message = if to_folder {
        msg!("symlink-folder")
    } else {
        msg!("symlink-outside")
    };
    RULE.diag(rel, message).help(msg!("symlink-help"))
}

pub fn unreadable(rel: &str, e: &std::io::Error) -> Diagnostic {
    RULE.diag(rel, msg!("unreadable", why = crate::error::io_reason(e)))
        .help(msg!("unreadable-help"))
}

pub fn reserved_page(rel: &str, name: &str) -> Diagnostic {
    RULE.diag(rel, msg!("reserved-page", name))
        .help(msg!("reserved-page-help", name))
}
