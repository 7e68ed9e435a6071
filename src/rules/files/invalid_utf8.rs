//! `invalid-utf8`: a file that is not UTF-8 text.

use crate::diag::{Diagnostic, Severity, Source};
use crate::msg;
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
    if let Some(text) = gbk_text(bytes) {
        // Saved by an old Chinese editor: show the line as the secretary wrote it.
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        let src = Source::new(rel, text);
        let range = src.line_range(line.min(src.line_col(src.text.len()).0));
        let at = src.text[range.clone()]
            .char_indices()
            .find(|(_, c)| !c.is_ascii())
            .map(|(i, c)| range.start + i..range.start + i + c.len_utf8())
            .unwrap_or(range.start..range.start);
        return RULE
            .at(&src, at, msg!("utf8-gbk"), msg!("utf8-gbk-label"))
            .help(msg!("utf8-gbk-help"));
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    // Point at the first bad byte: count characters up to it in the lossy text.
    let good = String::from_utf8_lossy(&bytes[..valid]).len();
    let src = Source::new(rel, text);
    let end = (good + 3).min(src.text.len());
    let end = (good..=end)
        .rev()
        .find(|&i| src.text.is_char_boundary(i))
        .unwrap_or(good);
    RULE.at(&src, good..end, msg!("utf8-not"), msg!("utf8-not-label"))
        .help(msg!("utf8-not-help"))
}

/// The text of `bytes` read as GB18030 (GBK's successor, what older Chinese Windows editors
/// save), when they are that and look like text: no control characters but tabs and line
/// ends, and some Chinese.
fn gbk_text(bytes: &[u8]) -> Option<String> {
    let text = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)?;
    let plain = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    let chinese = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    (plain && chinese).then(|| text.into_owned())
}

/// A file or folder whose name is not UTF-8: it could not be given a web address, so it is
/// not published (`rel` shows the name with the bad bytes replaced).
pub fn file_name(rel: &str) -> Diagnostic {
    RULE.diag(rel, msg!("invalid-utf8-name"))
        .help(msg!("invalid-utf8-name-help"))
}
