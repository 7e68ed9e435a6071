//! `misplaced-file`: a file where council does not read it, or would read it wrongly.

use crate::diag::{Diagnostic, Severity};
use crate::model::suggest;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
按规定的目录结构（见 SPEC 第 2 节）检查 `councils/` 文件夹：每个议事会是一个含有 `council.toml` 的文件夹；它的记录是 `proposals/<id>.md`、`meetings/<stem>.md` 和 `reports/<stem>.md`（`<stem>` 是不带 `.md` 的文件名）；议事会里不能再套议事会。记录文件夹里不是 `.md` 记录的文件（例如另存为 `.txt` 或 `.docx` 的记录）会被报告；网站不发布的附件类型也会被报告：附件（放在 `files/` 里或内容页面旁边）只能是 PDF、PNG、JPEG、GIF、WebP、SVG（发布前会做安全过滤）或纯文本（`.txt`、`.csv`、`.tsv`、`.json`），而且 PDF 和图片的内容必须和文件名相符。不是合格 XML 的 SVG 图片也会被报告。还会报告工具读不了的文件：既不是 `council.toml` 也不是 `area.toml` 的 `.toml` 文件、找不到原记录的译文、指向网站以外的符号链接（快捷方式）、打不开的文件、超过大小上限的文件（记录、页面和 `.toml` 文件最大 2 MiB，附件和静态文件最大 50 MiB），以及发布地址会和工具自动生成的页面或文件重合的内容页面、附件或静态文件（例如 `content/decisions.md`、网站有英文时的 `content/en/about.md`、`static/data/records.json`、和主题同名的 `static/style.css`），或者两个发布到同一地址的文件（`content/about.md` 和 `content/about/_index.md`）。只有 `static/robots.txt` 和静态的网站图标可以替换工具生成的文件。

## 为什么
放错文件夹的记录不会被发布，而且没有任何提示：网站上少了一份会议记录，却没人发现。宁可报错，也不去猜。

## 示例
```text
councils/huangtai/grid-03/minutes/2022-04-02.md      ← “minutes” 不是存放记录的文件夹
councils/huangtai/grid-03/proposals/old/2021-001.md   ← 多了一层文件夹
councils/huangtai/grid-03/sub/council.toml            ← 议事会里又套了一个议事会
```

## 如何修改
把文件移到所属议事会的 `proposals/`、`meetings/` 或 `reports/` 文件夹里（附件放在 `files/`）；或者把里面那个议事会移出来，和外面的议事会并列。
"#;

pub static RULE: Rule = Rule {
    name: "misplaced-file",
    severity: Severity::Error,
    summary: "A .md under a council outside proposals/, meetings/, reports/; a council inside a council.",
    docs: r#"
## What it does
Checks the layout of `councils/` (SPEC §2): every council is a folder holding `council.toml`,
its records are `proposals/<id>.md`, `meetings/<stem>.md` and `reports/<stem>.md`, and
councils do not nest. A file in a record folder that is not a `.md` record (a record saved
as `.txt` or `.docx`) is reported, and so is an attachment of a type the site does not publish:
attachments (in `files/` or beside content pages) may be PDF, PNG, JPEG, GIF, WebP, SVG
(published sanitised) or plain text (`.txt`, `.csv`, `.tsv`, `.json`), and a PDF or image
must hold what its name says. An SVG image that is not well-formed XML is reported too. It
also reports files council cannot read: a `.toml` file that is
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

pub fn route_taken(rel: &str, address: &str, by: &str) -> Diagnostic {
    RULE.diag(
        rel,
        format!("this would be published at `{address}`, an address already taken by {by}"),
    )
    .help("rename the file or folder, or move it into a folder of its own such as `content/about/`; council's own pages keep their addresses")
}

pub fn not_a_record(rel: &str, folder: &str) -> Diagnostic {
    RULE.diag(
        rel,
        format!("a file in `{folder}/` that is not a record: records are `.md` files"),
    )
    .help("if it is a record, save it as a `.md` file with its front matter; put attachments in the council's `files/` folder")
}

pub fn not_published(rel: &str, allowed: &str) -> Diagnostic {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    RULE.diag(
        rel,
        format!("`{name}` is not a kind of file the site publishes"),
    )
    .help(format!("attachments may be {allowed}; save a document as PDF (in Word or WPS: Save as PDF) and link that"))
}

pub fn wrong_content(rel: &str, kind: &str) -> Diagnostic {
    RULE.diag(
        rel,
        format!("this file is named as {kind} but does not hold one"),
    )
    .help("save the file again from the program that made it, or give it the name of what it is")
}

pub fn not_svg(src: &std::sync::Arc<crate::diag::Source>, at: usize, why: &str) -> Diagnostic {
    RULE.at(
        src,
        at..at,
        format!("this SVG image cannot be published: {why}"),
        "here",
    )
    .help("export the drawing again as plain SVG, or as PNG")
}

pub fn too_large(rel: &str, size: u64, limit: u64) -> Diagnostic {
    RULE.diag(
        rel,
        format!(
            "this file is {}; council reads files of at most {} here",
            human_size(size),
            human_size(limit)
        ),
    )
    .help("a record holds the text of the record only: split it, or publish long annexes as a PDF attachment in `files/`")
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
