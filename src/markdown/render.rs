//! A record's body rendered to safe HTML for the site.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{POLICY, html_nesting, options};

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
mod tests {
    use super::*;
    use crate::markdown::{MAX_HTML_DEPTH, scan};

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
