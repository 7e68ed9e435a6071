//! Personal data in text: PRC resident ID numbers (GB 11643 check digit), mainland mobile
//! numbers and e-mail addresses. Used by the `personal-data` rule to find them, and by every
//! output of findings to mask them, so that no report ever repeats them.

use std::borrow::Cow;
use std::ops::Range;

use crate::i18n::Msg;
use crate::msg;

/// What kind of personal data a span holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    IdNumber,
    Mobile,
    Email,
}

impl Kind {
    pub fn words(self) -> Msg {
        match self {
            Kind::IdNumber => msg!("privacy-id-number"),
            Kind::Mobile => msg!("privacy-mobile"),
            Kind::Email => msg!("privacy-email"),
        }
    }
}

/// The value of a digit, ASCII or full-width (`１３８…` is common in Chinese text).
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A maximal run of digits: byte range and values.
struct Run {
    range: Range<usize>,
    digits: Vec<u32>,
}

fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut cur: Option<Run> = None;
    for (i, c) in text.char_indices() {
        match digit(c) {
            Some(d) => match &mut cur {
                Some(r) => {
                    r.digits.push(d);
                    r.range.end = i + c.len_utf8();
                }
                None => {
                    cur = Some(Run {
                        range: i..i + c.len_utf8(),
                        digits: vec![d],
                    })
                }
            },
            None => {
                if let Some(r) = cur.take() {
                    out.push(r);
                }
            }
        }
    }
    out.extend(cur);
    out
}

/// GB 11643-1999: the 18th character of a resident ID number from the first 17 digits.
pub fn id_check_char(first17: &[u32]) -> char {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.iter().zip(W).map(|(d, w)| d * w).sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

/// Finds personal data in `text`: byte ranges and kinds.
pub fn scan(text: &str) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    let runs = runs(text);
    let next_char = |i: usize| text[i..].chars().next();
    for (k, r) in runs.iter().enumerate() {
        let n = r.digits.len();
        // Resident ID: 17 digits then X, or 18 digits; not part of a longer run.
        let x_follows = matches!(next_char(r.range.end), Some('X' | 'x' | 'Ｘ'));
        if n == 17 && x_follows {
            let after = r.range.end + next_char(r.range.end).map_or(0, char::len_utf8);
            let clean_end = text[after..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if clean_end && id_check_char(&r.digits) == 'X' {
                out.push((r.range.start..after, Kind::IdNumber));
                continue;
            }
        }
        if n == 18
            && id_check_char(&r.digits[..17]) == char::from_digit(r.digits[17], 10).unwrap_or('?')
        {
            out.push((r.range.clone(), Kind::IdNumber));
            continue;
        }
        // Mobile: exactly 11 digits 1[3-9]…
        if n == 11 && r.digits[0] == 1 && (3..=9).contains(&r.digits[1]) {
            out.push((r.range.clone(), Kind::Mobile));
            continue;
        }
        // Mobile written 3-4-4 with single spaces or dashes.
        if n == 3 && r.digits[0] == 1 && (3..=9).contains(&r.digits[1]) && k + 2 < runs.len() {
            let (b, c) = (&runs[k + 1], &runs[k + 2]);
            let sep = |x: &Run, y: &Run| {
                let gap = &text[x.range.end..y.range.start];
                matches!(gap, " " | "-" | "－" | "\u{3000}")
            };
            let before_ok = k == 0 || runs[k - 1].range.end < r.range.start.saturating_sub(1) || {
                let gap = &text[runs[k - 1].range.end..r.range.start];
                !matches!(gap, " " | "-")
            };
            let after_ok = k + 3 >= runs.len() || {
                let gap = &text[c.range.end..runs[k + 3].range.start];
                !matches!(gap, " " | "-")
            };
            if b.digits.len() == 4
                && c.digits.len() == 4
                && sep(r, b)
                && sep(b, c)
                && before_ok
                && after_ok
            {
                out.push((r.range.start..c.range.end, Kind::Mobile));
            }
        }
    }
    out.extend(emails(text).into_iter().map(|r| (r, Kind::Email)));
    out.sort_by_key(|(r, _)| r.start);
    out
}

fn emails(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-');
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find('@').map(|p| p + from) {
        from = p + 1;
        let mut s = p;
        while s > 0 && local(b[s - 1]) {
            s -= 1;
        }
        let mut e = p + 1;
        while e < b.len() && domain(b[e]) {
            e += 1;
        }
        while e > p + 1 && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        while s < p && b[s] == b'.' {
            s += 1;
        }
        if s == p {
            continue;
        }
        let host = &text[p + 1..e];
        let Some((name, tld)) = host.rsplit_once('.') else {
            continue;
        };
        if name.is_empty() || tld.len() < 2 || !tld.bytes().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        out.push(s..e);
        from = e;
    }
    out
}

/// `text` with every piece of personal data masked, character by character, with a mask of
/// the same UTF-8 length (`*` for ASCII, `＊` for full-width digits), so that byte offsets
/// into the text stay valid.
pub fn mask(text: &str) -> Cow<'_, str> {
    mask_except(text, &[])
}

/// [`mask`], leaving the findings whose text is one of `keep` (compared without case).
pub fn mask_except<'t>(text: &'t str, keep: &[String]) -> Cow<'t, str> {
    let found: Vec<_> = scan(text)
        .into_iter()
        .filter(|(r, _)| {
            !keep
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&text[r.clone()]))
        })
        .collect();
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (r, _) in found {
        if r.start < last {
            continue;
        }
        out.push_str(&text[last..r.start]);
        out.extend(text[r.clone()].chars().map(|c| match c.len_utf8() {
            1 => '*',
            2 => '·',
            3 => '＊',
            _ => '\u{1F7C0}',
        }));
        last = r.end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_hides_every_finding_and_keeps_the_rest() {
        assert_eq!(
            mask("电话13812345678，邮箱 a.b@example.org"),
            "电话***********，邮箱 ***************"
        );
        assert_eq!(mask("无"), "无");
    }

    fn kinds(t: &str) -> Vec<(String, Kind)> {
        scan(t)
            .into_iter()
            .map(|(r, k)| (t[r].to_string(), k))
            .collect()
    }

    #[test]
    fn finds_id_numbers_with_a_valid_check_digit_only() {
        // The standard's own example.
        assert_eq!(
            kinds("身份证 11010519491231002X 已核"),
            [("11010519491231002X".into(), Kind::IdNumber)]
        );
        assert_eq!(
            id_check_char(&[1, 1, 0, 1, 0, 5, 1, 9, 4, 9, 1, 2, 3, 1, 0, 0, 2]),
            'X'
        );
        // Same digits, wrong check character: an ordinary number.
        assert!(kinds("编号 110105194912310021").is_empty());
        // Inside a longer run of digits: not an ID.
        assert!(kinds("1110105194912310021").is_empty());
    }

    #[test]
    fn finds_mobile_numbers_but_not_inside_longer_runs() {
        assert_eq!(
            kinds("电话13812345678。"),
            [("13812345678".into(), Kind::Mobile)]
        );
        assert_eq!(
            kinds("电话 138-1234-5678"),
            [("138-1234-5678".into(), Kind::Mobile)]
        );
        assert_eq!(
            kinds("电话１３８１２３４５６７８"),
            [("１３８１２３４５６７８".into(), Kind::Mobile)]
        );
        assert!(kinds("订单号 2138123456789").is_empty());
        assert!(kinds("12345678901").is_empty());
        assert!(kinds("0532-8288 1234").is_empty());
        assert!(kinds("预算 138 万元，1234 户").is_empty());
    }

    #[test]
    fn finds_email_addresses() {
        assert_eq!(
            kinds("联系 wang.li@example.org。"),
            [("wang.li@example.org".into(), Kind::Email)]
        );
        assert!(kinds("@everyone 请注意").is_empty());
        assert!(kinds("a@b").is_empty());
    }
}
