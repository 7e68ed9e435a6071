//! Personal data in text: PRC resident ID numbers (GB 11643 check digit), mainland mobile
//! numbers, landlines with their area code, and e-mail addresses. Used by the `personal-data` rule to find them, and by every
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
    Landline,
    Email,
}

impl Kind {
    pub fn words(self) -> Msg {
        match self {
            Kind::IdNumber => msg!("privacy-id-number"),
            Kind::Mobile => msg!("privacy-mobile"),
            Kind::Landline => msg!("privacy-landline"),
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
    for r in &runs {
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
        }
    }
    let taken: Vec<Range<usize>> = out.iter().map(|(r, _)| r.clone()).collect();
    out.extend(
        phones(text, &runs)
            .into_iter()
            .filter(|(r, _)| !taken.iter().any(|t| t.start < r.end && r.start < t.end)),
    );
    out.extend(emails(text).into_iter().map(|r| (r, Kind::Email)));
    // One finding per piece of text: where two overlap (`13812345678@qq.com` is a phone
    // number inside an address), the one that starts first, then the longer, is kept.
    out.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut end = 0;
    out.retain(|(r, _)| {
        let keep = r.start >= end;
        if keep {
            end = r.end;
        }
        keep
    });
    out
}

/// What may stand between the groups of a phone number: one space, dash or dot (half- or
/// full-width).
fn is_separator(gap: &str) -> bool {
    let mut cs = gap.chars();
    matches!(
        (cs.next(), cs.next()),
        (
            Some(' ' | '\u{a0}' | '\u{3000}' | '-' | '－' | '‐' | '–' | '.' | '．'),
            None
        )
    )
}

/// A closing bracket after an area code, maybe followed by a space: `(0532) 8345 6789`.
fn is_closing_bracket(gap: &str) -> bool {
    matches!(gap, ")" | ") " | "）" | "） " | ")-" | "）-")
}

/// Mobile numbers (`13812345678`, `138-1234-5678`, `+86 138 1234 5678`, `0086…`,
/// `138.1234.5678`) and landlines with their area code (`0532-83456789`,
/// `(0532) 8345 6789`, `+86 532 8345 6789`), over the maximal digit runs of `text`.
fn phones(text: &str, runs: &[Run]) -> Vec<(Range<usize>, Kind)> {
    let gap = |a: usize, b: usize| &text[runs[a].range.end..runs[b].range.start];
    // Whether group `a` and the next one belong to one number.
    let joined = |a: usize| a + 1 < runs.len() && is_separator(gap(a, a + 1));
    let before = |i: usize| text[..i].chars().next_back();
    let mobile_start = |d: &[u32]| d.len() >= 2 && d[0] == 1 && (3..=9).contains(&d[1]);
    // Groupings a mobile number is written in, by group lengths.
    const MOBILE: [&[usize]; 4] = [&[11], &[3, 4, 4], &[3, 8], &[7, 4]];
    const LOCAL: [&[usize]; 5] = [&[8], &[7], &[4, 4], &[3, 4], &[4, 3]];
    // Groups from `s` with exactly the lengths `shape`, each joined to the next (the first
    // also by a closing bracket when `bracket`): the index of the last group.
    let fits = |s: usize, shape: &[usize], bracket: bool| -> Option<usize> {
        for (i, len) in shape.iter().enumerate() {
            let g = s + i;
            if g >= runs.len() || runs[g].digits.len() != *len {
                return None;
            }
            if i > 0 && !(joined(g - 1) || (bracket && i == 1 && is_closing_bracket(gap(g - 1, g))))
            {
                return None;
            }
        }
        Some(s + shape.len() - 1)
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let r = &runs[k];
        let d = &r.digits[..];
        let mut start = r.range.start;
        if matches!(before(start), Some('+' | '＋')) {
            start -= before(start).map_or(0, char::len_utf8);
        }
        let opened = matches!(before(start), Some('(' | '（'));
        // One run: `13812345678`, or with the prefix written on: `8613812345678`, `0086…`.
        let single = match d.len() {
            11 => mobile_start(d),
            13 => d[..2] == [8, 6] && mobile_start(&d[2..]),
            15 => d[..4] == [0, 0, 8, 6] && mobile_start(&d[4..]),
            _ => false,
        };
        if single {
            out.push((start..r.range.end, Kind::Mobile));
            k += 1;
            continue;
        }
        // A country code written apart: `+86 138…`, `0086-532-…`, `(+86) 138…`.
        let prefixed = (d == [8, 6] || d == [0, 0, 8, 6])
            && k + 1 < runs.len()
            && (joined(k) || is_closing_bracket(gap(k, k + 1)));
        let s = if prefixed { k + 1 } else { k };
        // A number of several groups is one number only when no other group is joined to it.
        let free = |last: usize| (k == 0 || !joined(k - 1)) && !joined(last);
        let mut found = None;
        if s < runs.len() && mobile_start(&runs[s].digits) {
            found = MOBILE
                .iter()
                .filter_map(|shape| fits(s, shape, false))
                .find(|&last| last > k && free(last))
                .map(|last| (last, Kind::Mobile));
        }
        if found.is_none() && s < runs.len() {
            let area = &runs[s].digits;
            let area_ok = if prefixed {
                (2..=3).contains(&area.len()) && area[0] != 0
            } else {
                (3..=4).contains(&area.len()) && area[0] == 0 && area[1] != 0
            };
            let bracket = opened && !prefixed;
            if area_ok
                && s + 1 < runs.len()
                && (joined(s) || (bracket && is_closing_bracket(gap(s, s + 1))))
                && runs[s + 1].digits[0] >= 2
            {
                found = LOCAL
                    .iter()
                    .filter_map(|shape| {
                        let mut full = vec![area.len()];
                        full.extend_from_slice(shape);
                        fits(s, &full, bracket)
                    })
                    .find(|&last| free(last))
                    .map(|last| (last, Kind::Landline));
            }
        }
        match found {
            Some((last, kind)) => {
                let start = if opened {
                    start - before(start).map_or(0, char::len_utf8)
                } else {
                    start
                };
                out.push((start..runs[last].range.end, kind));
                k = last + 1;
            }
            None => k += 1,
        }
    }
    out
}

fn emails(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-');
    let mut out = Vec::new();
    let mut from = 0;
    // Where the last address found ends: the next one's name cannot reach back into it.
    let mut floor = 0;
    while let Some(p) = text[from..].find('@').map(|p| p + from) {
        from = p + 1;
        let mut s = p;
        while s > floor && local(b[s - 1]) {
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
        floor = e;
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
        assert!(kinds("预算 138 万元，1234 户").is_empty());
    }

    /// Issue 11, item 3: the forms the scanner missed.
    #[test]
    fn finds_mobile_numbers_with_a_country_code_and_any_separator() {
        let found = [
            ("电话+8613812345678。", "+8613812345678"),
            ("电话 0086 138 1234 5678", "0086 138 1234 5678"),
            ("电话 138.1234.5678", "138.1234.5678"),
            ("电话 +86 138-1234-5678", "+86 138-1234-5678"),
            ("电话 8613812345678", "8613812345678"),
            ("电话 008613812345678", "008613812345678"),
            ("电话（+86）13812345678", "（+86）13812345678"),
            (
                "电话 ＋８６ １３８－１２３４－５６７８",
                "＋８６ １３８－１２３４－５６７８",
            ),
            ("电话 138 12345678", "138 12345678"),
        ];
        each_is(Kind::Mobile, &found);
        // Not phone numbers: a longer code, a sum, a date, a bank card's groups.
        none_in(&[
            "编号 868613812345678",
            "订单 2138123456789",
            "2022.10.01",
            "卡号 6222 0213 8123 4567",
            "第 138 号 1234 5678 户",
        ]);
    }

    fn each_is(kind: Kind, cases: &[(&str, &str)]) {
        for (text, number) in cases {
            assert_eq!(kinds(text), [(number.to_string(), kind)], "{text}");
        }
    }

    fn none_in(texts: &[&str]) {
        for text in texts {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn finds_landlines_with_their_area_code() {
        let found = [
            ("电话 0532-83456789。", "0532-83456789"),
            ("电话 (0532) 8345 6789", "(0532) 8345 6789"),
            ("电话（0532）83456789", "（0532）83456789"),
            ("电话 0532 8345 6789", "0532 8345 6789"),
            ("电话 010-8765432", "010-8765432"),
            ("电话 +86 532 8345 6789", "+86 532 8345 6789"),
            ("电话 0532-8288 1234", "0532-8288 1234"),
        ];
        each_is(Kind::Landline, &found);
        none_in(&[
            "2022-0532-8345",
            "0532-0345 6789",
            "05 3283 4567",
            "邮编 266000",
        ]);
    }

    #[test]
    fn finds_email_addresses() {
        assert_eq!(
            kinds("联系 wang.li@example.org。"),
            [("wang.li@example.org".into(), Kind::Email)]
        );
        assert!(kinds("@everyone 请注意").is_empty());
        // Found by fuzzing: the second address reached back into the first.
        assert_eq!(kinds("0@0.ng@0.rg"), [("0@0.ng".into(), Kind::Email)]);
        assert_eq!(
            kinds("邮箱 13812345678@qq.com"),
            [("13812345678@qq.com".into(), Kind::Email)]
        );
        assert!(kinds("a@b").is_empty());
    }
}
