//! `misplaced-file`: a file where council does not read it, or would read it wrongly.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::model::suggest;
use crate::msg;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
按规定的目录结构（见 SPEC 第 2 节）检查 `councils/` 文件夹：每个议事会是一个含有 `council.toml` 的文件夹；它的记录是 `proposals/<id>.md`、`meetings/<stem>.md`、`reports/<stem>.md` 和 `feedback/<stem>.md`（回访记录；`<stem>` 是不带 `.md` 的文件名）；议事会里不能再套议事会。记录文件夹里不是 `.md` 记录的文件（例如另存为 `.txt` 或 `.docx` 的记录）会被报告；网站不发布的附件类型也会被报告：附件（放在 `files/` 里或内容页面旁边）只能是 PDF、PNG、JPEG、GIF、WebP、SVG（发布前会做安全过滤）或纯文本（`.txt`、`.csv`、`.tsv`、`.json`），而且 PDF 和图片的内容必须和文件名相符。不是合格 XML 的 SVG 图片也会被报告。还会报告工具读不了的文件：既不是 `council.toml` 也不是 `area.toml` 的 `.toml` 文件、找不到原记录的译文、指向网站以外的符号链接（快捷方式）、打不开的文件、超过大小上限的文件（记录、页面和 `.toml` 文件最大 2 MiB，附件和静态文件最大 50 MiB），以及发布地址会和工具自动生成的页面或文件重合的内容页面、附件或静态文件（例如 `content/decisions.md`、网站有英文时的 `content/en/about.md`、`static/data/records.json`、和主题同名的 `static/style.css`），或者两个发布到同一地址的文件（`content/about.md` 和 `content/about/_index.md`）。只有 `static/robots.txt` 和静态的网站图标可以替换工具生成的文件。

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
`feedback/<stem>.md` (return visits), and councils do not nest. A file in a record folder that
is not a `.md` record (a record saved as `.txt` or `.docx`) is reported, and so is an
attachment of a type the site does not publish: attachments (in `files/` or beside content
pages) may be PDF, PNG, JPEG, GIF, WebP, SVG (published sanitised) or plain text (`.txt`,
`.csv`, `.tsv`, `.json`), and a PDF or image must hold what its name says. An SVG image that
is not well-formed XML is reported too. It also reports files council cannot read: a `.toml`
file that is
neither `council.toml` nor `area.toml`, a translation without its record, a symbolic link to
somewhere outside the site, a file that cannot be opened or is larger than council reads
(2 MiB for a record, a page or a `.toml` file; 50 MiB for an attachment or a static file),
and a content page, attachment or static file that would be published at an address council
generates (`content/decisions.md`, `content/en/about.md` in a site with English,
`static/data/records.json`, `static/style.css` of the theme) or at the same address as
another (`content/about.md` and `content/about/_index.md`). Only `static/robots.txt` and a
static favicon may replace what council generates.

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

/// A content page, attachment or static file whose address is taken, by `by` (a phrase: the
/// generated site, the theme, or another source).
pub fn route_taken(rel: &str, address: &str, by: Msg) -> Diagnostic {
    RULE.diag(rel, msg!("route-taken", address, by))
        .help(msg!("route-taken-help"))
}

/// An attachment of a type the site does not publish.
pub fn not_published(rel: &str) -> Diagnostic {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    RULE.diag(rel, msg!("not-published", name)).help(msg!(
        "not-published-help",
        allowed = crate::load::attachments::ALLOWED
    ))
}

/// An attachment whose first bytes are not those of the type its name says (`kind`).
pub fn wrong_content(rel: &str, kind: Msg) -> Diagnostic {
    RULE.diag(rel, msg!("wrong-content", kind))
        .help(msg!("wrong-content-help"))
}

/// An SVG attachment that cannot be read as SVG, at byte `at` of its text.
pub fn not_svg(src: &std::sync::Arc<crate::diag::Source>, at: usize, why: Msg) -> Diagnostic {
    RULE.at(src, at..at, msg!("not-svg", why), msg!("not-svg-label"))
        .help(msg!("not-svg-help"))
}

/// A file larger than council reads (`limit` bytes).
pub fn too_large(rel: &str, size: u64, limit: u64) -> Diagnostic {
    RULE.diag(
        rel,
        msg!(
            "too-large",
            size = human_size(size),
            limit = human_size(limit)
        ),
    )
    .help(msg!("too-large-help"))
}

/// Something that is not a regular file (a device, a pipe) where a file is read.
pub fn not_regular(rel: &str) -> Diagnostic {
    RULE.diag(rel, msg!("not-regular"))
        .help(msg!("unreadable-help"))
}

/// `2.0 MiB`, `512 KiB`, `730 B`.
fn human_size(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= KIB {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} B")
    }
}
