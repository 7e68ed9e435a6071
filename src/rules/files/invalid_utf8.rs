//! `invalid-utf8`: a file that is not UTF-8 text.

use crate::diag::{Diagnostic, Severity, Source};
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
检查每份记录、配置文件和页面都是 UTF-8 编码的文本。

## 为什么
用其他编码保存的记录（例如某些 Windows 编辑器保存成的 GBK），在网站上会显示成乱码，在 git 里也无法逐行比较改动。

## 示例
一份提议被老式编辑器保存成了 GBK 编码：其中的中文不是有效的 UTF-8。

## 如何修改
用编辑器打开文件，选择“UTF-8”编码重新保存（例如 VS Code 的“通过编码保存”（Save with Encoding），或 Notepad++ 的“编码”菜单中的 UTF-8）。图片等不是文本的文件，不要改成记录：附件请放在 `files/` 文件夹里。
"#;

pub static RULE: Rule = Rule {
    name: "invalid-utf8",
    severity: Severity::Error,
    summary: "A file is not UTF-8.",
    docs: r#"
## What it does
Checks that every record, configuration file and page is UTF-8 text.

## Why
Records saved in another encoding (GBK, for instance, by some Windows editors) show as
garbage on the site and cannot be compared line by line in git.

## Example
A proposal saved as GBK by an old editor: its Chinese text is not valid UTF-8.

## How to fix
Open the file in your editor and save it again with the encoding "UTF-8" (for example
"Save with encoding" in VS Code, or "Encoding → UTF-8" in Notepad++). Do not convert a file
that is not text (an image) into a record: put attachments under `files/`.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Load,
};

/// `bytes` are the file's bytes; the first `valid` of them are UTF-8.
pub fn diagnostic(rel: &str, bytes: &[u8], valid: usize) -> Diagnostic {
    let text = String::from_utf8_lossy(bytes).into_owned();
    // Point at the first bad byte: count characters up to it in the lossy text.
    let good = String::from_utf8_lossy(&bytes[..valid]).len();
    let src = Source::new(rel, text);
    let end = (good + 3).min(src.text.len());
    let end = (good..=end)
        .rev()
        .find(|&i| src.text.is_char_boundary(i))
        .unwrap_or(good);
    RULE.at(&src, good..end, "the file is not UTF-8 text", "first byte that is not UTF-8")
        .help("save the file again with the encoding UTF-8 (editors call it \"UTF-8\" or \"Unicode (UTF-8)\")")
}

/// A file or folder whose name is not UTF-8: it could not be given a web address, so it is
/// not published (`rel` shows the name with the bad bytes replaced).
pub fn file_name(rel: &str) -> Diagnostic {
    RULE.diag(rel, "the name of this file or folder is not UTF-8, so it cannot be published at a web address")
        .help("rename it with a UTF-8 name (letters, digits and `-` are safest), then link to it by that name")
}
