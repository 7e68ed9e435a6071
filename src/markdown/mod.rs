//! Markdown: what a body links to and which raw HTML it holds (for the rules), and its
//! rendering to safe HTML (for the site), under one sanitising policy shared by both, so
//! that `unsafe-html` warns about exactly what publishing removes.

mod policy;
mod render;

pub use policy::{POLICY, Policy, Removed, removed_by_sanitiser, url_scheme};
pub use render::render_html;

use std::ops::Range;

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
pub fn scan(text: &str, base: usize) -> BodyScan {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
