//! `invalid-utf8`: a file that is not UTF-8 text.

use crate::diag::{Diagnostic, Severity, Source};
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
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
