//! The public notice (公示) of a decided matter (SPEC §9): the sheet a council posts in the
//! stairwell after it decides, laid out for one A4 page (GB/T 9704 margins), with a QR code
//! of the matter's page and a verification code that ties the paper to the minutes in the
//! repository.

use jiff::ToSpan;
use minijinja::{Value, context};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Page;
use crate::error::Error;
use crate::model::Outcome;
use crate::site::routes::{Route, lang_prefix};
use crate::site::views::{CouncilRef, MatterLink, Terms, Text};
use crate::site::{Renderer, sv};

/// The decision a notice announces: (meeting, item) of the matter's latest decision, when it
/// is final at the council (adopted, rejected, referred; not deferred).
pub fn noticed_decision(r: &Renderer<'_>, ci: usize, pi: usize) -> Option<(usize, usize)> {
    let (mi, ii) = r.ctx.lifecycle(ci, pi)?.decision?;
    let item = &r.ctx.site.councils[ci].meetings[mi].items[ii];
    match item.outcome.as_ref().map(|o| o.value) {
        Some(Outcome::Adopted | Outcome::Rejected | Outcome::Referred) => Some((mi, ii)),
        _ => None,
    }
}

/// The verification code of a decided matter: the first 16 hex digits of the SHA-256 of its
/// minutes file (the same hash as in `/data/manifest.json`), in groups of four.
pub fn verification_code_of(r: &Renderer<'_>, ci: usize, pi: usize) -> Option<String> {
    let (mi, _) = noticed_decision(r, ci, pi)?;
    let minutes = &r.ctx.site.councils[ci].meetings[mi].meta.source;
    let from_manifest = r
        .provenance
        .and_then(|p| p.manifest.as_ref())
        .and_then(|m| {
            m.files
                .binary_search_by(|f| f.path.as_str().cmp(&minutes.path))
                .ok()
                .map(|i| m.files[i].sha256.clone())
        });
    let hex = from_manifest.unwrap_or_else(|| {
        // Without a manifest (the preview): the file's bytes as the manifest would hash
        // them, else the text that was read.
        let bytes = std::fs::read(r.ctx.site.root.join(&minutes.path))
            .unwrap_or_else(|_| minutes.text.clone().into_bytes());
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    });
    Some(group_code(&hex))
}

/// `0123456789abcdef…` → `0123 4567 89ab cdef`.
fn group_code(hex: &str) -> String {
    let digits: Vec<char> = hex.chars().take(16).collect();
    digits
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Serialize)]
struct NoticeView {
    council: CouncilRef,
    contact: Option<Text>,
    matter: MatterLink,
    proposer: Option<Text>,
    channel: &'static str,
    submitted: String,
    meeting_date: String,
    meeting_title: Option<Text>,
    meeting_url: String,
    present_voting: usize,
    serving_voting: usize,
    #[serde(flatten)]
    terms: Terms,
    notice_from: String,
    notice_to: String,
    notice_days: i64,
    /// The matter page's absolute address, which the QR code holds.
    url: String,
    code: String,
}

pub fn notice(r: &Renderer<'_>, lang: &str, ci: usize, pi: usize) -> Result<Page, Error> {
    let missing = || {
        let page = r.ctx.url(&Route::Notice(ci, pi));
        Error::other(crate::msg!("page-not-published", what = page))
    };
    let (mi, ii) = noticed_decision(r, ci, pi).ok_or_else(missing)?;
    let ctx = &r.ctx;
    let c = &ctx.site.councils[ci];
    let p = &c.proposals[pi];
    let m = &c.meetings[mi];
    let item = &m.items[ii];
    let date = m.date.as_ref().ok_or_else(missing)?.value;
    let days = ctx.site.config.notice_days;
    let until = date.checked_add(days.days()).map_err(|e| {
        Error::other(crate::msg!(
            "notice-period-error",
            date = date,
            detail = e.to_string()
        ))
    })?;
    let att = crate::rules::meetings::attendance(c, m);
    let path = ctx.url(&Route::Matter(ci, pi));
    let url = format!(
        "{}{}{path}",
        r.base_url(),
        lang_prefix(lang, &ctx.default_lang)
    );
    let view = NoticeView {
        council: ctx.council_ref(lang, ci),
        contact: ctx.text(lang, c.contact.as_ref(), &c.translations, "contact"),
        matter: ctx.matter_link(lang, ci, pi),
        proposer: ctx.text(lang, p.proposer.as_ref(), &p.translations, "proposer"),
        channel: p.channel.as_str(),
        submitted: p
            .submitted
            .as_ref()
            .map(|s| s.value.to_string())
            .unwrap_or_default(),
        meeting_date: date.to_string(),
        meeting_title: crate::site::views::meeting_title(ctx, lang, m),
        meeting_url: ctx.url(&Route::Meeting(ci, mi)),
        present_voting: att.as_ref().map(|a| a.present_voting).unwrap_or(0),
        serving_voting: att.as_ref().map(|a| a.serving_voting).unwrap_or(0),
        terms: ctx.terms(lang, item),
        notice_from: date.to_string(),
        notice_to: until.to_string(),
        notice_days: days,
        url: url.clone(),
        code: verification_code_of(r, ci, pi).ok_or_else(missing)?,
    };
    let sep = r.ui(lang, "title_sep");
    let title = format!(
        "{}{}{sep}{}",
        r.ui(lang, "notice.title"),
        r.ui(lang, "colon") + &view.matter.title.text,
        view.council.name.text
    );
    let qr = qr_svg(&url, &r.ui(lang, "notice.qr_label"))?;
    Ok(Page::new(
        "notice.html",
        Some(title),
        context! { notice => sv(view), qr => Value::from_safe_string(qr) },
    ))
}

/// The QR code of `data` as one inline SVG `<path>` (runs of dark modules, a quiet zone of
/// four modules), labelled for screen readers.
pub fn qr_svg(data: &str, label: &str) -> Result<String, Error> {
    use qrcode::Color;
    let (w, colors) = super::qr::encode(data.as_bytes()).map_err(|e| {
        Error::other(crate::msg!(
            "qr-code-error",
            data = data,
            detail = e.to_string()
        ))
    })?;
    const QUIET: usize = 4;
    let size = w + 2 * QUIET;
    let mut d = String::new();
    for y in 0..w {
        let mut x = 0;
        while x < w {
            if colors[y * w + x] == Color::Dark {
                let start = x;
                while x < w && colors[y * w + x] == Color::Dark {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    let label = crate::site::theme::escape_html(label);
    Ok(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sixteen_hex_digits_in_groups_of_four() {
        assert_eq!(
            group_code("0123456789abcdef0011223344"),
            "0123 4567 89ab cdef"
        );
    }

    #[test]
    fn a_qr_code_is_one_path_inside_a_quiet_zone() {
        // 74 characters, like a real matter's address: version 5, 37 modules a side.
        let url =
            "https://yishi.liaoninglu.example.org/councils/huangtai/grid-03/proposals/2025-001/";
        let svg = qr_svg(&url[..74], "QR").unwrap();
        assert_eq!(svg.matches("<path").count(), 1);
        assert!(svg.contains("viewBox=\"0 0 45 45\""), "{svg}");
        assert!(svg.len() < 6_000, "{} bytes", svg.len());
    }
}
