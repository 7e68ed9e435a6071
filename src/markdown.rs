//! Markdown: what a body links to and which raw HTML it holds (for the rules), and its
//! rendering to safe HTML (for the site), under one sanitising policy shared by both, so
//! that `unsafe-html` warns about exactly what publishing removes.

use crate::i18n::Msg;
use crate::msg;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The Markdown extensions records may use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// A link or image in a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRef {
    pub dest: String,
    /// Byte range of the whole link in the file.
    pub span: Range<usize>,
    pub image: bool,
}

/// What the rules need to know about a body, found in one pass.
#[derive(Clone, Debug, Default)]
pub struct BodyScan {
    pub links: Vec<LinkRef>,
    /// Byte ranges (in the file) of raw HTML: whole HTML blocks and inline tags.
    pub html: Vec<Range<usize>>,
    /// How deep the raw HTML's elements nest at most, and where (in the file) they first
    /// nest deeper than [`MAX_HTML_DEPTH`].
    pub html_depth: usize,
    pub too_deep_at: Option<usize>,
}

/// How deep the raw HTML of a body may nest. The HTML parser behind the sanitiser
/// (html5ever) looks through every open element at each tag it reads, so its time grows with
/// the square of the nesting (20,000 nested `<div>`s took 13 s, 100,000 did not finish);
/// real records nest a handful of levels. A body nested deeper is published with its HTML
/// shown as text (`unsafe-html` says so), never parsed as HTML.
pub const MAX_HTML_DEPTH: usize = 100;

/// Elements that never hold others: they open no level.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Follows the nesting of the elements in a piece of raw HTML: `depth` is the number of
/// elements open before it (updated); returns the greatest depth reached and, if it goes
/// past [`MAX_HTML_DEPTH`], the byte offset (in `html`) of the tag that does. Unclosed
/// elements count as open, so this never underestimates what the parser will hold.
pub fn html_nesting(html: &str, depth: &mut usize) -> (usize, Option<usize>) {
    let b = html.as_bytes();
    let mut max = *depth;
    let mut too_deep = None;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i..]).map(|p| p + i) {
        if html[p..].starts_with("<!--") {
            i = html[p..].find("-->").map(|e| p + e + 3).unwrap_or(b.len());
            continue;
        }
        let closing = b.get(p + 1) == Some(&b'/');
        let start = if closing { p + 2 } else { p + 1 };
        let mut j = start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        if j == start {
            i = p + 1;
            continue;
        }
        let end = tag_end(b, j);
        let name = html[start..j].to_ascii_lowercase();
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if closing {
            *depth = depth.saturating_sub(1);
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            *depth += 1;
            if *depth > max {
                max = *depth;
            }
            if *depth > MAX_HTML_DEPTH && too_deep.is_none() {
                too_deep = Some(p);
            }
        }
        i = end;
    }
    (max, too_deep)
}

/// Scans `text`, a body starting at byte `base` of its file.
///
/// A body without `[` and `<` has no link, no image and no raw HTML (every one of them
/// starts with one of the two), so it is not parsed: most records are plain paragraphs,
/// lists and tables, and parsing them was a fifth of `check`.
pub fn scan(text: &str, base: usize) -> BodyScan {
    if memchr::memchr2(b'[', b'<', text.as_bytes()).is_none() {
        return BodyScan::default();
    }
    parse_scan(text, base)
}

/// [`scan`] by parsing the Markdown, whatever the text holds.
fn parse_scan(text: &str, base: usize) -> BodyScan {
    let mut out = BodyScan::default();
    if text.trim().is_empty() {
        return out;
    }
    let mut block_start = None;
    let mut depth = 0;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let abs = base + range.start..base + range.end;
        if let Event::Html(h) | Event::InlineHtml(h) = &event {
            let (max, deep) = html_nesting(h, &mut depth);
            out.html_depth = out.html_depth.max(max);
            if out.too_deep_at.is_none()
                && let Some(at) = deep
            {
                // The piece's offset in the file: the event's own text sits at its range.
                out.too_deep_at = Some((abs.start + at).min(abs.end));
            }
        }
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => out.links.push(LinkRef {
                dest: dest_url.into_string(),
                span: abs,
                image: false,
            }),
            Event::Start(Tag::Image { dest_url, .. }) => out.links.push(LinkRef {
                dest: dest_url.into_string(),
                span: abs,
                image: true,
            }),
            Event::Start(Tag::HtmlBlock) => block_start = Some(abs.start),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(s) = block_start.take() {
                    out.html.push(s..abs.end);
                }
            }
            Event::InlineHtml(_) => out.html.push(abs),
            _ => {}
        }
    }
    out
}

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

/// The index just past the `>` closing a tag, honouring quoted attribute values.
fn tag_end(b: &[u8], mut j: usize) -> usize {
    let mut quote = None;
    while j < b.len() {
        match (quote, b[j]) {
            (None, b'"' | b'\'') => quote = Some(b[j]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return j + 1,
            _ => {}
        }
        j += 1;
    }
    b.len()
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
    fn scan_finds_links_images_and_raw_html_with_file_offsets() {
        let body = "见[提案](../proposals/2022-001.md)。\n\n![图](../files/a.svg)\n\n<div onclick=\"x()\">hi</div>\n\n<b>ok</b>\n";
        let s = scan(body, 100);
        assert_eq!(s.links.len(), 2);
        assert_eq!(s.links[0].dest, "../proposals/2022-001.md");
        assert_eq!(
            &body[s.links[0].span.start - 100..s.links[0].span.end - 100],
            "[提案](../proposals/2022-001.md)"
        );
        assert!(s.links[1].image);
        // The whole `<div>` block, then `<b>` and `</b>` inline.
        assert_eq!(s.html.len(), 3);
        assert!(body[s.html[0].start - 100..].starts_with("<div onclick"));
    }

    #[test]
    fn a_body_without_brackets_or_angles_scans_as_parsed() {
        // Everything that is not a link, an image or HTML: the shortcut must find what a
        // parse finds (nothing), and a body with either character is still parsed.
        let plain = [
            "## 标题\n\n1. 一\n2. 二\n\n| a | b |\n|---|---:|\n| 1 | 2 |\n",
            "网址 https://example.org/a 和 www.example.org 不是链接。\n\n> 引用 `代码`\n",
            "脚注^1 与 ~~删除~~，- 列表项\n\n```\ncode\n```\n&lt;b&gt; &#60;i&#62;\n",
            "",
        ];
        for body in plain {
            let (quick, full) = (scan(body, 7), parse_scan(body, 7));
            assert_eq!(format!("{quick:?}"), format!("{full:?}"), "{body}");
        }
        assert_eq!(scan("见 <https://example.org>", 0).links.len(), 1);
        assert_eq!(
            scan("见 [a][r]\n\n[r]: https://example.org\n", 0)
                .links
                .len(),
            1
        );
        assert_eq!(scan("a <br> b", 0).html.len(), 1);
    }

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

/// The sanitiser, configured from [`POLICY`].
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let p = &*POLICY;
    let mut b = ammonia::Builder::empty();
    b.tags(p.tags.clone())
        .generic_attributes(p.generic_attributes.clone())
        .tag_attributes(p.tag_attributes.clone())
        .url_schemes(p.url_schemes.clone())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .clean_content_tags(["script", "style"].into_iter().collect());
    b
});

/// Renders a body to safe HTML. `rewrite` maps a link or image destination to the URL to
/// publish (relative links to records become links to their pages); destinations whose
/// scheme the policy does not allow are dropped, keeping the link's text. Without raw HTML
/// the renderer's own output is safe (it escapes all text and attributes); a body with raw
/// HTML goes through the sanitiser as a whole.
///
/// `shift` moves headings down (`1`: `#` becomes `<h2>`), so that a record's own headings
/// nest under the page's.
pub fn render_html(text: &str, shift: u8, rewrite: &dyn Fn(&str) -> Option<String>) -> String {
    use pulldown_cmark::HeadingLevel;
    let lower = |l: HeadingLevel| {
        HeadingLevel::try_from((l as usize + shift as usize).min(6)).unwrap_or(HeadingLevel::H6)
    };
    let mut raw_html = false;
    let mut depth = 0;
    let mut too_deep = false;
    let mut dropped_links = Vec::new();
    let mut events = Vec::new();
    for event in Parser::new_ext(text, options()) {
        let event = match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                raw_html = true;
                too_deep |= html_nesting(&h, &mut depth).1.is_some();
                Event::Html(h)
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if !POLICY.url_allowed(&dest_url) {
                    dropped_links.push(true);
                    continue;
                }
                dropped_links.push(false);
                let dest_url = rewrite(&dest_url).map(Into::into).unwrap_or(dest_url);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) => {
                if dropped_links.pop().unwrap_or(false) {
                    continue;
                }
                Event::End(TagEnd::Link)
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: lower(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = if POLICY.url_allowed(&dest_url) {
                    rewrite(&dest_url).map(Into::into).unwrap_or(dest_url)
                } else {
                    "".into()
                };
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            e => e,
        };
        events.push(event);
    }
    let mut html = String::with_capacity(text.len() + text.len() / 2);
    if too_deep {
        // Never handed to the HTML parser: the raw HTML is shown as the text it is.
        let events = events.into_iter().map(|e| match e {
            Event::Html(h) => Event::Text(h),
            e => e,
        });
        pulldown_cmark::html::push_html(&mut html, events);
        return html;
    }
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if raw_html {
        SANITISER.clean(&html).to_string()
    } else {
        html
    }
}

#[cfg(test)]
mod render_tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn hostile_markdown_is_defused() {
        let html = render_html(
            "<script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n\n[a](javascript:alert(1)) ![i](javascript:x) <iframe src=x></iframe><form><input></form><style>p{}</style>",
            0,
            &none,
        );
        for bad in [
            "<script",
            "onclick",
            "javascript:",
            "<iframe",
            "<form",
            "<style",
            "alert(1)",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("hi"));
    }

    #[test]
    fn deeply_nested_html_is_shown_as_text_not_parsed() {
        let deep = format!("{}x{}", "<div>".repeat(150), "</div>".repeat(150));
        let s = scan(&deep, 10);
        assert_eq!(s.html_depth, 150);
        assert_eq!(s.too_deep_at, Some(10 + 5 * MAX_HTML_DEPTH));
        let html = render_html(&deep, 0, &none);
        assert!(html.starts_with("&lt;div&gt;&lt;div&gt;"), "{html}");
        assert!(!html.contains("<div>"));
        let shallow = format!(
            "{}x{}<br><img src=a.png>",
            "<div>".repeat(50),
            "</div>".repeat(50)
        );
        assert_eq!(scan(&shallow, 0).too_deep_at, None);
        assert!(render_html(&shallow, 0, &none).starts_with("<div><div>"));
    }

    #[test]
    fn links_are_rewritten_and_text_is_escaped() {
        let html = render_html(
            "## 标题\n\n[提案](../proposals/2022-001.md#x) & <b>ok</b> \"q\"",
            1,
            &|d| {
                d.starts_with("../")
                    .then(|| "../../proposals/2022-001/#x".to_string())
            },
        );
        assert!(
            html.contains("href=\"../../proposals/2022-001/#x\""),
            "{html}"
        );
        assert!(html.contains("&amp;"));
        assert!(html.contains("<b>ok</b>"));
        assert!(html.contains("<h3>标题</h3>"), "{html}");
    }
}
