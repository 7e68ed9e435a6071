//! The sanitising policy shared by the rules and the renderer, and the detector that names,
//! for `unsafe-html`, what publishing a piece of raw HTML removes.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::tag_end;
use crate::i18n::Msg;
use crate::msg;

/// The sanitising policy: which tags, attributes and URL schemes survive publishing.
pub struct Policy {
    pub tags: HashSet<&'static str>,
    pub generic_attributes: HashSet<&'static str>,
    pub tag_attributes: HashMap<&'static str, HashSet<&'static str>>,
    pub url_schemes: HashSet<&'static str>,
}

pub static POLICY: LazyLock<Policy> = LazyLock::new(|| {
    let tags = [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
        "section",
    ];
    let mut tag_attributes: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
    for (tag, attrs) in [
        ("a", &["href", "hreflang"][..]),
        ("img", &["src", "alt", "width", "height"][..]),
        ("td", &["colspan", "rowspan", "align"][..]),
        ("th", &["colspan", "rowspan", "align", "scope"][..]),
        ("ol", &["start"][..]),
        ("li", &["value"][..]),
        ("time", &["datetime"][..]),
        ("abbr", &["title"][..]),
        ("input", &["type", "checked", "disabled"][..]),
        ("details", &["open"][..]),
        ("h1", &["id"][..]),
        ("h2", &["id"][..]),
        ("h3", &["id"][..]),
        ("h4", &["id"][..]),
        ("h5", &["id"][..]),
        ("h6", &["id"][..]),
        ("sup", &["id"][..]),
        ("div", &["id"][..]),
        ("section", &["id"][..]),
    ] {
        tag_attributes.insert(tag, attrs.iter().copied().collect());
    }
    Policy {
        tags: tags.into_iter().collect(),
        generic_attributes: ["lang", "title", "dir"].into_iter().collect(),
        tag_attributes,
        url_schemes: ["http", "https", "mailto"].into_iter().collect(),
    }
});

impl Policy {
    fn attribute_allowed(&self, tag: &str, attr: &str) -> bool {
        self.generic_attributes.contains(attr)
            || self
                .tag_attributes
                .get(tag)
                .is_some_and(|a| a.contains(attr))
    }

    /// Whether a URL's scheme is allowed (relative URLs always are).
    pub fn url_allowed(&self, url: &str) -> bool {
        match url_scheme(url) {
            None => true,
            Some(s) => self.url_schemes.contains(s.to_ascii_lowercase().as_str()),
        }
    }
}

/// The scheme of an absolute URL (`javascript` in `JavaScript:alert(1)`), read as a browser
/// reads it (the WHATWG URL standard): leading and trailing control characters and spaces
/// are dropped, tabs and line breaks anywhere; a scheme starts with a letter and holds
/// letters, digits, `+`, `-` and `.`. Anything else before the first `:` makes the address
/// relative, which is also how the sanitiser (the `url` crate) reads it.
pub fn url_scheme(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    Some(scheme.to_ascii_lowercase())
}

/// Something the sanitiser removes from raw HTML, with its byte range in the HTML text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    pub what: Msg,
    pub range: Range<usize>,
}

/// Finds, in a piece of raw HTML, every tag, attribute and URL the policy removes.
/// Comments are removed too, but they are harmless and not reported.
pub fn removed_by_sanitiser(html: &str) -> Vec<Removed> {
    let policy = &*POLICY;
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map(|e| i + e + 3).unwrap_or(b.len());
            continue;
        }
        let start = i;
        let mut j = i + 1;
        let closing = j < b.len() && b[j] == b'/';
        if closing {
            j += 1;
        }
        let name_start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        if j == name_start {
            i += 1;
            continue;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let end = tag_end(b, j);
        if closing {
            i = end;
            continue;
        }
        if !policy.tags.contains(name.as_str()) {
            out.push(Removed {
                what: msg!("removed-tag", name = name.as_str()),
                range: start..end,
            });
            i = end;
            continue;
        }
        for (attr, value, range) in attributes(&html[j..end], j) {
            if !policy.attribute_allowed(&name, &attr) {
                let what = if attr.starts_with("on") {
                    msg!(
                        "removed-handler",
                        attr = attr.as_str(),
                        name = name.as_str()
                    )
                } else {
                    msg!(
                        "removed-attribute",
                        attr = attr.as_str(),
                        name = name.as_str()
                    )
                };
                out.push(Removed { what, range });
            } else if matches!(attr.as_str(), "href" | "src") && !policy.url_allowed(&value) {
                let scheme = url_scheme(&value).unwrap_or_default();
                out.push(Removed {
                    what: msg!("removed-url", scheme, name = name.as_str()),
                    range,
                });
            }
        }
        i = end;
    }
    out
}

/// The attributes of a tag's inside (`s` starts after the tag name, at byte `base`):
/// lowercase name, unquoted value, byte range.
fn attributes(s: &str, base: usize) -> Vec<(String, String, Range<usize>)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            break;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        let mut value = String::new();
        let mut k = i;
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        if k < b.len() && b[k] == b'=' {
            k += 1;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if k < b.len() && (b[k] == b'"' || b[k] == b'\'') {
                let q = b[k];
                let vs = k + 1;
                let ve = s[vs..]
                    .bytes()
                    .position(|c| c == q)
                    .map(|p| vs + p)
                    .unwrap_or(b.len());
                value = s[vs..ve].to_string();
                k = (ve + 1).min(b.len());
            } else {
                let vs = k;
                while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                    k += 1;
                }
                value = s[vs..k].to_string();
            }
            i = k;
        }
        if name.is_empty() {
            // A value without a name (`="x"`) was skipped above; never stop inside a
            // character.
            if i == start {
                i += s[i..].chars().next().map_or(1, char::len_utf8);
            }
            continue;
        }
        out.push((name, decode_entities(&value), base + start..base + i));
    }
    out
}

/// Enough entity decoding to see `&#106;avascript:` for what it is.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = if let Some(hex) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = ent.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match ent {
                    "colon" => Some(':'),
                    "Tab" => Some('\t'),
                    "NewLine" => Some('\n'),
                    "amp" => Some('&'),
                    _ => None,
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_detector_names_what_the_sanitiser_removes() {
        let found = removed_by_sanitiser("<p>x</p><script>alert(1)</script>");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].what.render(Lang::En), "the `<script>` tag");
        let found =
            removed_by_sanitiser("<a href=\"jav&#x61;script:alert(1)\" onmouseover='x'>y</a>");
        let whats: Vec<_> = found.iter().map(|f| f.what.render(Lang::En)).collect();
        assert_eq!(
            whats,
            [
                "a `javascript:` URL in `<a>`",
                "the event handler `onmouseover` on `<a>`"
            ]
        );
        assert!(removed_by_sanitiser("<b title=\"a > b\">ok</b><!-- <script> -->").is_empty());
        // Found by fuzzing: a value without a name before a Chinese character.
        let found = removed_by_sanitiser("<div =\"x\"陈>");
        assert_eq!(
            found[0].what.render(Lang::En),
            "the attribute `陈` on `<div>`"
        );
        assert_eq!(
            removed_by_sanitiser("<img src=x style=\"color:red\">")[0]
                .what
                .render(Lang::En),
            "the attribute `style` on `<img>`"
        );
    }

    #[test]
    fn schemes_are_found_through_obfuscation() {
        assert_eq!(
            url_scheme("JavaScript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(url_scheme(" java\tscript:x").as_deref(), Some("javascript"));
        assert_eq!(url_scheme("../a.md"), None);
        assert_eq!(url_scheme("a.md#b:c"), None);
        assert_eq!(url_scheme("https://x"), Some("https".into()));
        assert_eq!(
            url_scheme("\u{0}javascript:x").as_deref(),
            Some("javascript")
        );
        // Found by fuzzing: what a browser takes for a relative address is one.
        assert_eq!(url_scheme("\u{7f}javascript:x"), None);
        assert_eq!(url_scheme("3javascript:x"), None);
        assert_eq!(url_scheme("java script:x"), None);
    }
}
