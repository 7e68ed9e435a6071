//! `name-date-mismatch`: a minutes or report file whose name starts with a date that is not
//! its `date`.

use jiff::civil::Date;

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Check, Context, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
会议记录和督办报告的文件名一般以日期开头（`meetings/2022-04-02.md`、`reports/2022-06-30-2022-001.md`）。如果文件名开头是一个有效的日期（年-月-日），就检查它和记录里的 `date` 是否相同。译文（`2022-04-02.en.md`）按原记录的文件名算。

## 为什么
两个日期不一样，其中一个就写错了：要么会议日期抄错了（网站会按错的日期公开，甚至因为日期在以后而不公开），要么文件是从另一份记录复制过来、忘了改名。

## 示例
`meetings/2022-04-02.md` 里写着 `date = 2022-04-12`。

## 如何修改
弄清楚哪个日期是对的：如果会议是 2022-04-12 开的，把文件改名为 `2022-04-12.md`；如果是 2022-04-02 开的，把 `date` 改成 `date = 2022-04-02`。
"#;

pub static RULE: Rule = Rule {
    name: "name-date-mismatch",
    severity: Severity::Warning,
    summary: "A minutes or report file whose name starts with a valid date that differs from its `date`.",
    docs: r#"
## What it does
Minutes and report files usually start their name with a date (`meetings/2022-04-02.md`,
`reports/2022-06-30-2022-001.md`). When a file name starts with a valid date
(year-month-day), this checks that it is the record's `date`. Translations
(`2022-04-02.en.md`) are judged by their record's name.

## Why
When the two differ, one of them is wrong: either the date of the meeting was mistyped (and
the site publishes it under the wrong day, or not at all if that day is still to come), or
the file was copied from another record and not renamed.

## Example
`meetings/2022-04-02.md` holding `date = 2022-04-12`.

## How to fix
Find out which date is right: if the meeting was on 2022-04-12, rename the file to
`2022-04-12.md`; if it was on 2022-04-02, correct the field to `date = 2022-04-02`.
"#,
    docs_zh: DOCS_ZH,
    check: Check::Records(check),
};

/// The date a file name starts with (`2022-04-02`, `2022-04-02-2`, `2022-06-30-2022-001`).
pub fn name_date(stem: &str) -> Option<Date> {
    let head = stem.get(..10)?;
    let rest = &stem[10..];
    if !(rest.is_empty() || rest.starts_with(['-', '_', '.'])) {
        return None;
    }
    let b = head.as_bytes();
    let shaped = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    shaped.then(|| head.parse().ok()).flatten()
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in super::dated(ctx) {
        if !d.named_by_date {
            continue;
        }
        let Some(named) = name_date(d.stem) else {
            continue;
        };
        if named == d.date {
            continue;
        }
        let renamed = format!("{}{}.md", d.date, &d.stem[10..]);
        out.push(
            RULE.at(
                d.source,
                d.span.clone(),
                msg!("name-date-mismatch", named, date = d.date),
                msg!("name-date-mismatch-label", named),
            )
            .help(msg!(
                "name-date-mismatch-help",
                date = d.date,
                renamed,
                fixed = format!("{} = {named}", d.field)
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_starts_with_a_date_only_when_it_is_one() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(name_date("2022-04-02"), Some(d("2022-04-02")));
        assert_eq!(name_date("2022-04-02-2"), Some(d("2022-04-02")));
        assert_eq!(name_date("2022-06-30-2022-001"), Some(d("2022-06-30")));
        assert_eq!(name_date("2022-02-30"), None);
        assert_eq!(name_date("2022-0402"), None);
        assert_eq!(name_date("april"), None);
        assert_eq!(name_date("2022-04-021"), None);
    }
}
