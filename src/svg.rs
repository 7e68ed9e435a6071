//! SVG attachments. An SVG file is a document that can run script on the site's origin
//! (`<script>`, `onload`, `javascript:` links, `<foreignObject>` holding HTML), so it is never
//! published as written: it is parsed as XML and written again from an allow-list of SVG
//! elements and attributes, the way Markdown goes through the HTML sanitiser. What the
//! allow-list removes that could run or load something is reported (`unsafe-html`, a
//! warning: the published file is safe either way); editor metadata it removes silently.
//! A file that is not well-formed XML with an `<svg>` root is not published at all.

use std::fmt::Write as _;
use std::ops::Range;

use crate::i18n::Msg;
use crate::markdown::Removed;
use crate::msg;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// How deep elements may nest; deeper is refused (real drawings nest a few levels).
pub const MAX_DEPTH: usize = 256;

/// SVG elements that are published (in the SVG namespace).
const ELEMENTS: &[&str] = &[
    "a",
    "circle",
    "clipPath",
    "defs",
    "desc",
    "ellipse",
    "feBlend",
    "feColorMatrix",
    "feComposite",
    "feDropShadow",
    "feFlood",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "filter",
    "g",
    "image",
    "line",
    "linearGradient",
    "marker",
    "mask",
    "path",
    "pattern",
    "polygon",
    "polyline",
    "radialGradient",
    "rect",
    "stop",
    "style",
    "svg",
    "switch",
    "symbol",
    "text",
    "textPath",
    "title",
    "tspan",
    "use",
    "view",
];

/// Elements whose removal is worth a warning: they run or embed something.
const ACTIVE: &[&str] = &[
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "animate",
    "set",
    "animateMotion",
    "animateTransform",
    "handler",
    "listener",
    "feImage",
];

/// Attributes (without a namespace) that are published.
const ATTRIBUTES: &[&str] = &[
    "alignment-baseline",
    "baseline-shift",
    "class",
    "clip-path",
    "clip-rule",
    "clipPathUnits",
    "color",
    "cx",
    "cy",
    "d",
    "direction",
    "display",
    "dominant-baseline",
    "dx",
    "dy",
    "fill",
    "fill-opacity",
    "fill-rule",
    "filter",
    "filterUnits",
    "flood-color",
    "flood-opacity",
    "font-family",
    "font-size",
    "font-stretch",
    "font-style",
    "font-variant",
    "font-weight",
    "fr",
    "fx",
    "fy",
    "gradientTransform",
    "gradientUnits",
    "height",
    "href",
    "id",
    "image-rendering",
    "in",
    "in2",
    "k1",
    "k2",
    "k3",
    "k4",
    "lang",
    "lengthAdjust",
    "letter-spacing",
    "marker-end",
    "marker-mid",
    "marker-start",
    "markerHeight",
    "markerUnits",
    "markerWidth",
    "mask",
    "maskContentUnits",
    "maskUnits",
    "method",
    "mode",
    "offset",
    "opacity",
    "operator",
    "orient",
    "overflow",
    "paint-order",
    "path",
    "pathLength",
    "patternContentUnits",
    "patternTransform",
    "patternUnits",
    "points",
    "preserveAspectRatio",
    "primitiveUnits",
    "r",
    "radius",
    "refX",
    "refY",
    "result",
    "rotate",
    "rx",
    "ry",
    "shape-rendering",
    "side",
    "spacing",
    "spreadMethod",
    "startOffset",
    "stdDeviation",
    "stop-color",
    "stop-opacity",
    "stroke",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-opacity",
    "stroke-width",
    "style",
    "text-anchor",
    "text-decoration",
    "text-rendering",
    "textLength",
    "transform",
    "type",
    "values",
    "vector-effect",
    "version",
    "viewBox",
    "visibility",
    "width",
    "word-spacing",
    "writing-mode",
    "x",
    "x1",
    "x2",
    "y",
    "y1",
    "y2",
];

/// A file that cannot be published as SVG, with where (byte offset) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotSvg {
    pub at: usize,
    pub why: Msg,
}

/// An SVG file as it is published, and what publishing it removes.
#[derive(Clone, Debug, Default)]
pub struct Sanitised {
    /// The file to publish.
    pub svg: String,
    /// What was removed that could run or load something, with its byte range in the file.
    pub removed: Vec<Removed>,
    /// The byte ranges of the text a reader sees (text nodes), for the personal-data scan.
    pub texts: Vec<Range<usize>>,
}

/// Parses `text` as SVG and writes it again from the allow-list.
pub fn sanitise(text: &str) -> Result<Sanitised, NotSvg> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: 1_000_000,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts).map_err(|e| NotSvg {
        at: byte_offset(text, e.pos()),
        why: msg!("svg-not-xml", detail = e.to_string()),
    })?;
    let root = doc.root_element();
    if root.tag_name().namespace() != Some(SVG_NS) || root.tag_name().name() != "svg" {
        return Err(NotSvg {
            at: root.range().start,
            why: msg!("svg-not-svg-root"),
        });
    }
    let mut out = Sanitised {
        svg: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
        ..Default::default()
    };
    // An explicit stack instead of recursion: nesting cannot exhaust the call stack.
    enum Step<'a, 'i> {
        Open(roxmltree::Node<'a, 'i>, usize),
        Close(&'static str),
    }
    let mut stack = vec![Step::Open(root, 0)];
    while let Some(step) = stack.pop() {
        let (node, depth) = match step {
            Step::Close(name) => {
                let _ = write!(out.svg, "</{name}>");
                continue;
            }
            Step::Open(node, depth) => (node, depth),
        };
        if node.is_text() {
            let t = node.text().unwrap_or("");
            if node
                .parent_element()
                .is_some_and(|p| p.tag_name().name() == "style")
            {
                out.svg.push_str(&escape(t, false));
            } else {
                if !t.trim().is_empty() {
                    out.texts.push(node.range());
                }
                out.svg.push_str(&escape(t, false));
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        if depth > MAX_DEPTH {
            return Err(NotSvg {
                at: node.range().start,
                why: msg!("svg-too-deep", depth = MAX_DEPTH),
            });
        }
        let tag = node.tag_name();
        let known = ELEMENTS.iter().find(|e| **e == tag.name());
        let name = match known {
            Some(name) if tag.namespace() == Some(SVG_NS) => *name,
            _ => {
                if ACTIVE.contains(&tag.name())
                    || tag.namespace() == Some("http://www.w3.org/1999/xhtml")
                {
                    out.removed.push(Removed {
                        what: msg!("removed-element", name = tag.name()),
                        range: node.range(),
                    });
                }
                continue;
            }
        };
        if name == "style" && !node.text().is_none_or(css_safe) {
            out.removed.push(Removed {
                what: msg!("removed-style-element"),
                range: node.range(),
            });
            continue;
        }
        let _ = write!(out.svg, "<{name}");
        if depth == 0 {
            let _ = write!(out.svg, " xmlns=\"{SVG_NS}\" xmlns:xlink=\"{XLINK_NS}\"");
        }
        for a in node.attributes() {
            let qualified = match a.namespace() {
                None => ATTRIBUTES.contains(&a.name()).then(|| a.name().to_string()),
                Some(XLINK_NS) if a.name() == "href" => Some("xlink:href".into()),
                Some(XML_NS) if matches!(a.name(), "space" | "lang") => {
                    Some(format!("xml:{}", a.name()))
                }
                Some(_) => None,
            };
            let value = a.value();
            let refused = match &qualified {
                None => a
                    .name()
                    .to_ascii_lowercase()
                    .starts_with("on")
                    .then(|| msg!("removed-handler", attr = a.name(), name)),
                Some(q) if q.ends_with("href") => (!href_allowed(name, value))
                    .then(|| msg!("removed-address", address = short(value), name)),
                Some(_) => (!css_safe(value))
                    .then(|| msg!("removed-loading-attribute", attr = a.name(), name)),
            };
            if let Some(what) = refused {
                out.removed.push(Removed {
                    what,
                    range: a.range(),
                });
                continue;
            }
            if let Some(q) = qualified {
                let _ = write!(out.svg, " {q}=\"{}\"", escape(value, true));
            }
        }
        out.svg.push('>');
        stack.push(Step::Close(name));
        let children: Vec<_> = node.children().collect();
        for child in children.into_iter().rev() {
            stack.push(Step::Open(child, depth + 1));
        }
    }
    out.svg.push('\n');
    Ok(out)
}

/// Whether an `href` may stay: a fragment anywhere; for images also an embedded raster
/// image or a relative path; for links also web and mail addresses.
fn href_allowed(element: &str, href: &str) -> bool {
    let h = href.trim();
    if h.starts_with('#') {
        return true;
    }
    match element {
        "image" => {
            let lower = h.to_ascii_lowercase();
            ["png", "jpeg", "jpg", "gif", "webp"]
                .iter()
                .any(|t| lower.starts_with(&format!("data:image/{t};base64,")))
                || crate::markdown::url_scheme(h).is_none()
        }
        "a" => crate::markdown::POLICY.url_allowed(h),
        _ => false,
    }
}

/// Whether CSS (a `style` attribute or element, or a presentation attribute) stays inside
/// the file: no `url()` but to a fragment, no `@import`, no escapes that could hide either.
fn css_safe(css: &str) -> bool {
    let lower = css.to_ascii_lowercase();
    if lower.contains('\\')
        || lower.contains("@import")
        || lower.contains("expression")
        || lower.contains("javascript:")
        || lower.contains("-moz-binding")
        || lower.contains("behavior")
    {
        return false;
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find("url(") {
        rest = &rest[i + 4..];
        let target = rest.trim_start().trim_start_matches(['"', '\'']);
        if !target.starts_with('#') {
            return false;
        }
    }
    true
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    crate::diag::render::printable(&out).into_owned()
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn byte_offset(text: &str, pos: roxmltree::TextPos) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(pos.row.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    let col: usize = text[line_start.min(text.len())..]
        .chars()
        .take(pos.col.saturating_sub(1) as usize)
        .map(char::len_utf8)
        .sum();
    (line_start + col).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_drawing_keeps_its_shapes_and_text() {
        let s = sanitise(
            r##"<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10" inkscape:version="1.2">
  <metadata><rdf/></metadata>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <rect width="10" height="10" fill="url(#g)" style="stroke:#000"/>
  <text x="1" y="5">电梯 &amp; 楼梯</text>
</svg>"##,
        )
        .unwrap();
        assert!(s.removed.is_empty(), "{:?}", s.removed);
        assert!(
            s.svg.contains(
                "<rect width=\"10\" height=\"10\" fill=\"url(#g)\" style=\"stroke:#000\">"
            ),
            "{}",
            s.svg
        );
        assert!(s.svg.contains("电梯 &amp; 楼梯"));
        assert!(!s.svg.contains("metadata") && !s.svg.contains("inkscape"));
        assert_eq!(
            s.texts.len(),
            1,
            "the text node, not the blanks between elements"
        );
    }

    #[test]
    fn scripts_handlers_and_script_addresses_are_removed_and_named() {
        let s = sanitise(
            r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
<script>alert(2)</script>
<a xlink:href="javascript:alert(3)"><circle r="1" onmouseover="x()"/></a>
<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(4)</script></body></foreignObject>
<set attributeName="href" to="javascript:alert(5)"/>
<image href="https://evil.example/x.png"/>
<rect style="background:url(https://evil.example/)"/>
<style>@import url(https://evil.example/x.css);</style>
</svg>"##,
        )
        .unwrap();
        let whats: Vec<String> = s.removed.iter().map(|r| r.what.render(Lang::En)).collect();
        assert_eq!(whats.len(), 9, "{whats:?}");
        for bad in [
            "alert",
            "javascript",
            "onload",
            "onmouseover",
            "evil",
            "script",
            "foreignObject",
        ] {
            assert!(!s.svg.contains(bad), "{bad} in {}", s.svg);
        }
    }

    #[test]
    fn what_is_not_svg_is_refused() {
        assert!(sanitise("<html><script>alert(1)</script></html>").is_err());
        assert!(sanitise("<svg>no namespace</svg>").is_err());
        assert!(sanitise("<svg xmlns=\"http://www.w3.org/2000/svg\"><g>").is_err());
        let deep = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">{}{}</svg>",
            "<g>".repeat(300),
            "</g>".repeat(300)
        );
        assert!(
            sanitise(&deep)
                .unwrap_err()
                .why
                .render(Lang::En)
                .contains("nest")
        );
        let laughs = format!(
            "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">{}]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&j;</text></svg>",
            (b'b'..=b'j')
                .map(|c| {
                    let prev = (c - 1) as char;
                    format!(
                        "<!ENTITY {} \"{}\">",
                        c as char,
                        format!("&{prev};").repeat(10)
                    )
                })
                .collect::<String>()
        );
        assert!(sanitise(&laughs).is_err(), "a billion laughs is refused");
    }
}
