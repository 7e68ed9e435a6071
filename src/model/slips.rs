//! The slips secretaries typically make, recognised so that a finding can show the exact
//! fix: a date written the Chinese way or with slashes, full-width punctuation from a Chinese
//! input method, a Chinese word where a code is expected.
//!
//! Pure functions of text: they propose a correction and never apply one (council never
//! rewrites a record).

use jiff::civil::Date;

/// Half-width digits for full-width ones (`２０２２` → `2022`); other characters unchanged.
pub fn half_width_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// A date written another way: `2022年3月14日`, `2022/03/14`, `2022.3.14`, `2022-3-14`,
/// `２０２２－０３－１４`, `2022年3月14号`. `None` when it is not a real date in one of
/// these forms.
pub fn loose_date(s: &str) -> Option<Date> {
    let s = half_width_digits(s.trim());
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut separators = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            current.push(c);
            continue;
        }
        if !matches!(
            c,
            '年' | '月'
                | '日'
                | '号'
                | '/'
                | '.'
                | '-'
                | '／'
                | '．'
                | '－'
                | '—'
                | '、'
                | ' '
                | '　'
        ) {
            return None;
        }
        separators += 1;
        if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    if parts.len() != 3 || separators == 0 || parts[0].len() != 4 {
        return None;
    }
    if parts[1].len() > 2 || parts[2].len() > 2 {
        return None;
    }
    let n = |p: &str| p.parse::<i16>().ok();
    Date::new(n(&parts[0])?, n(&parts[1])? as i8, n(&parts[2])? as i8).ok()
}

/// A whole number written as text: `"80"`, `"８０"`, `"80%"`, `"80％"`.
pub fn loose_int(s: &str) -> Option<i64> {
    let s = half_width_digits(s.trim());
    let s = s.trim_end_matches(['%', '％']).trim();
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The code a Chinese word stands for, from `words` (word, code): `"通过"` → `adopted`.
/// The longest word found in `value` wins, so that `不通过` is not read as `通过`.
pub fn code_for(value: &str, words: &[(&'static str, &'static str)]) -> Option<&'static str> {
    let value = value.trim();
    words
        .iter()
        .filter(|(w, _)| value.contains(w))
        .max_by_key(|(w, _)| w.chars().count())
        .map(|(_, code)| *code)
}

/// A name tidied into an id: full-width digits made half-width, letters lowercased, spaces,
/// underscores and dots made `-`. `None` when it holds anything else (Chinese words cannot
/// be made into an id this way).
pub fn tidy_id(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in half_width_digits(s).chars() {
        let c = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'a'..='z' | '0'..='9' => c,
            ' ' | '　' | '_' | '.' | '-' | '－' | '—' => '-',
            _ => return None,
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    let out = out.trim_end_matches('-').to_string();
    out.bytes()
        .any(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        .then_some(out)
}

/// Full-width and Chinese punctuation that TOML does not read, with the character meant.
const WIDE: &[(char, &str)] = &[
    ('＝', "="),
    ('，', ","),
    ('：', "="),
    ('［', "["),
    ('］', "]"),
    ('【', "["),
    ('】', "]"),
    ('｛', "{"),
    ('｝', "}"),
    ('“', "\""),
    ('”', "\""),
    ('‘', "'"),
    ('’', "'"),
    ('＂', "\""),
    ('　', " "),
    ('＃', "#"),
];

/// A corrected TOML line (see [`fix_line`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFix {
    /// The full-width characters found, in order, each once.
    pub chars: Vec<char>,
    /// Whether the value was a date written another way, now a TOML date.
    pub date: bool,
    pub line: String,
}

/// A TOML line with its full-width punctuation outside strings made half-width, and a date
/// written another way written as a TOML date. `None` when there is nothing to correct.
/// Text inside quotes is left alone (`title = "关于“加装电梯”的提议"` is right as it is), and
/// so is a comment.
pub fn fix_line(line: &str) -> Option<LineFix> {
    let mut out = String::with_capacity(line.len());
    let mut chars: Vec<char> = Vec::new();
    // The quote that opened the current string: `"` or `'`, or `“` (which this fix turns
    // into `"`, so that `”` or `"` closes it).
    let mut open: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match open {
            Some(q) => {
                let closes = match q {
                    '"' => c == '"' && prev != '\\',
                    '\'' => c == '\'',
                    _ => c == '”' || c == '"',
                };
                if closes {
                    open = None;
                }
                if c == '”' && closes {
                    note(&mut chars, c);
                    out.push('"');
                } else {
                    out.push(c);
                }
            }
            None => match c {
                '"' | '\'' => {
                    open = Some(c);
                    out.push(c);
                }
                '“' | '＂' => {
                    open = Some('“');
                    note(&mut chars, c);
                    out.push('"');
                }
                '#' => {
                    out.push_str(&line[i..]);
                    break;
                }
                '：' => {
                    // `key：value` means `key = value`.
                    note(&mut chars, c);
                    let kept = out.trim_end().len();
                    out.truncate(kept);
                    out.push_str(" =");
                    if !line[i + c.len_utf8()..].starts_with([' ', '　']) {
                        out.push(' ');
                    }
                }
                _ => match WIDE.iter().find(|(w, _)| *w == c) {
                    Some((w, ascii)) => {
                        note(&mut chars, *w);
                        out.push_str(ascii);
                    }
                    None => out.push(c),
                },
            },
        }
        prev = c;
    }
    let mut date = false;
    if let Some((key, value)) = out.split_once('=') {
        let value = value.trim();
        if !value.starts_with(['"', '\''])
            && value.parse::<Date>().is_err()
            && let Some(d) = loose_date(value)
        {
            out = format!("{} = {d}", key.trim_end());
            date = true;
        }
    }
    (date || !chars.is_empty()).then_some(LineFix {
        chars,
        date,
        line: out,
    })
}

/// The half-width character meant by a full-width one (`＝` → `=`).
pub fn half_width(c: char) -> &'static str {
    WIDE.iter()
        .find(|(w, _)| *w == c)
        .map(|(_, a)| *a)
        .unwrap_or("?")
}

/// `title = 为黄台路41号加装电梯`: text without quotes, with them. `None` when the value is
/// not bare text (a number, a date, a list, something quoted, a comment).
pub fn quote_value(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    let value = value.trim();
    let bare_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    let starts_plain = value.chars().next().is_some_and(|c| {
        !matches!(c, '"' | '\'' | '[' | '{' | '#' | '+' | '-') && !c.is_ascii_digit()
    });
    let is_word = matches!(value, "true" | "false" | "inf" | "nan");
    (bare_key && starts_plain && !is_word && !value.contains(['"', '#']))
        .then(|| format!("{key} = \"{value}\""))
}

fn note(found: &mut Vec<char>, c: char) {
    if !found.contains(&c) {
        found.push(c);
    }
}

/// A `+++` delimiter written almost right: with spaces before it, or in full-width `＋＋＋`.
pub fn near_delimiter(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    (t == "+++"
        || t == "＋＋＋"
        || t.chars().all(|c| c == '+' || c == '＋') && t.chars().count() == 3)
        && line.trim_end() != "+++"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_written_the_chinese_way_or_with_slashes_are_understood() {
        let d = Date::new(2022, 3, 14).unwrap();
        for s in [
            "2022年3月14日",
            "2022年03月14日",
            "2022年3月14号",
            "2022/03/14",
            "2022/3/14",
            "2022.3.14",
            "2022-3-14",
            "２０２２－０３－１４",
            "２０２２年３月１４日",
        ] {
            assert_eq!(loose_date(s), Some(d), "{s}");
        }
        assert_eq!(loose_date("2022年2月30日"), None);
        assert_eq!(loose_date("3月14日"), None);
        assert_eq!(loose_date("第3次会议"), None);
        assert_eq!(loose_date("20220314"), None);
    }

    #[test]
    fn names_are_tidied_into_ids() {
        assert_eq!(tidy_id("2022 003").as_deref(), Some("2022-003"));
        assert_eq!(tidy_id("2022_ABC").as_deref(), Some("2022-abc"));
        assert_eq!(tidy_id("２０２２－００３").as_deref(), Some("2022-003"));
        assert_eq!(tidy_id("加装电梯"), None);
        assert_eq!(tidy_id("加装电梯 2022"), None);
    }

    #[test]
    fn numbers_written_as_text_are_understood() {
        assert_eq!(loose_int("80"), Some(80));
        assert_eq!(loose_int("８０％"), Some(80));
        assert_eq!(loose_int("80%"), Some(80));
        assert_eq!(loose_int("八十"), None);
    }

    #[test]
    fn chinese_words_name_their_code_and_the_longest_wins() {
        let words = [
            ("通过", "adopted"),
            ("不通过", "rejected"),
            ("未通过", "rejected"),
        ];
        assert_eq!(code_for("通过", &words), Some("adopted"));
        assert_eq!(code_for("表决通过", &words), Some("adopted"));
        assert_eq!(code_for("不通过", &words), Some("rejected"));
        assert_eq!(code_for("暂缓", &words), None);
    }

    fn fixed(line: &str) -> (Vec<char>, bool, String) {
        let f = fix_line(line).unwrap_or_else(|| panic!("nothing to fix in {line}"));
        (f.chars, f.date, f.line)
    }

    #[test]
    fn full_width_punctuation_outside_strings_is_made_half_width() {
        assert_eq!(
            fixed("title ＝ \"加装电梯\""),
            (vec!['＝'], false, "title = \"加装电梯\"".into())
        );
        assert_eq!(
            fixed("present = [\"wang-li\"，\"li-ming\"］"),
            (
                vec!['，', '］'],
                false,
                "present = [\"wang-li\",\"li-ming\"]".into()
            )
        );
        assert_eq!(
            fixed("title = “加装电梯”"),
            (vec!['“', '”'], false, "title = \"加装电梯\"".into())
        );
        assert_eq!(
            fixed("title：\"加装电梯\""),
            (vec!['：'], false, "title = \"加装电梯\"".into())
        );
        // Inside a string, Chinese punctuation is the text itself; a comment is left alone.
        assert_eq!(fix_line("title = \"关于“加装电梯”的提议，请审议\""), None);
        assert_eq!(fix_line("a = 1  # 注释：说明，"), None);
    }

    #[test]
    fn a_date_line_gets_its_toml_date() {
        assert_eq!(
            fixed("submitted = 2022年3月14日"),
            (vec![], true, "submitted = 2022-03-14".into())
        );
        assert_eq!(
            fixed("date = 2022/04/02"),
            (vec![], true, "date = 2022-04-02".into())
        );
        assert_eq!(
            fixed("due ＝ ２０２２．９．３０"),
            (vec!['＝'], true, "due = 2022-09-30".into())
        );
        assert_eq!(fix_line("submitted = 2022-03-14"), None);
    }

    #[test]
    fn text_without_quotes_gets_them() {
        assert_eq!(
            quote_value("title = 为黄台路41号加装电梯").as_deref(),
            Some("title = \"为黄台路41号加装电梯\"")
        );
        assert_eq!(quote_value("progress = 40"), None);
        assert_eq!(quote_value("voting = false"), None);
        assert_eq!(quote_value("title = \"x\""), None);
    }

    #[test]
    fn delimiters_written_almost_right_are_recognised() {
        assert!(near_delimiter("  +++"));
        assert!(near_delimiter("＋＋＋"));
        assert!(!near_delimiter("+++"));
        assert!(!near_delimiter("+++  "));
        assert!(!near_delimiter("++"));
    }
}
