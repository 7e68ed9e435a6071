//! Proposals: `proposals/<id>.md`.

use std::sync::Arc;

use super::super::*;
use super::with_front_matter;
use crate::diag::{Diagnostic, Source};
use crate::model::schema::{Reader, Sink};
use crate::msg;
use crate::rules::schema::{invalid_value, missing_field};

/// Reports a proposal whose file name is not an id, with a name that is: the same one
/// tidied (`2022 003` → `2022-003`), else the next free number of its year in its council
/// (`ids`: the other proposals' ids).
pub fn proposal_stem_finding(p: &Proposal, ids: &[&str]) -> Option<Diagnostic> {
    let stem = p.id();
    if is_id(stem) {
        return None;
    }
    let name = slips::tidy_id(stem)
        .filter(|t| !ids.contains(&t.as_str()))
        .unwrap_or_else(|| {
            let year = p
                .submitted
                .as_ref()
                .map(|d| d.value.year())
                .unwrap_or_else(|| crate::check::today().year());
            let prefix = format!("{year}-");
            let next = ids
                .iter()
                .filter_map(|i| i.strip_prefix(&prefix)?.parse::<u32>().ok())
                .max()
                .unwrap_or(0)
                + 1;
            format!("{year}-{next:03}")
        });
    Some(
        invalid_value::file_name(&p.meta.source.path, msg!("proposal-stem-bad", stem))
            .help(msg!("proposal-stem-bad-help", name = format!("{name}.md"))),
    )
}

pub fn parse_proposal(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Proposal, Vec<Diagnostic>) {
    let sink = Sink::default();
    let mut p = Proposal::unread(RecordMeta::unread(stem, src));
    let (meta, body, _) = with_front_matter(stem, src, &sink, msg!("what-proposal"), |r| {
        r.require("title", "title = \"为黄台路41号加装电梯\"");
        p.title = r.text("title");
        r.require("submitted", "submitted = 2022-03-14");
        p.submitted = r.date("submitted");
        r.require("proposer", "proposer = \"黄台路41号居民（23户）\"");
        p.proposer = r.text("proposer");
        if let Some(c) = r.choice::<Channel>("channel") {
            p.channel = c.value;
        }
        p.category = r.text("category");
        p.withdrawn = r.date("withdrawn");
        p.withdrawn_reason = r.text("withdrawn_reason");
        if let (Some(w), Some(s)) = (&p.withdrawn, &p.submitted)
            && w.value < s.value
        {
            r.push(
                invalid_value::diagnostic(
                    r.src,
                    w.span.clone(),
                    msg!("withdrawn-before-submitted"),
                    msg!("withdrawn-before-submitted-label"),
                )
                .also(r.src, s.span.clone(), msg!("submitted-here-label"))
                .help(msg!("withdrawn-before-submitted-help")),
            );
        }
        if let Some(reason) = &p.withdrawn_reason
            && !r.has("withdrawn")
        {
            r.push(
                missing_field::diagnostic(
                    r.src,
                    reason.span.clone(),
                    &msg!("what-proposal"),
                    "withdrawn",
                    "withdrawn = 2022-05-01",
                )
                .help(msg!("withdrawn-reason-without-date-help")),
            );
        }
        p.referred_from = referred_from(r);
        p.translations = r.translations(
            &["title", "proposer", "category", "withdrawn_reason"],
            languages,
        );
    });
    p.meta = meta;
    p.body = body;
    (p, sink.into_inner())
}

/// `referred_from = "<council key>/<id>"` (SPEC §8), kept only when well formed.
fn referred_from(r: &mut Reader<'_, '_>) -> Option<Sp<String>> {
    let s = r.string("referred_from")?;
    if split_matter_ref(&s.value).is_some() {
        return Some(s);
    }
    r.push(
        invalid_value::diagnostic(
            r.src,
            s.span.clone(),
            msg!("referred-from-bad", value = s.value.as_str()),
            msg!("referred-from-bad-label"),
        )
        .help(msg!("referred-from-bad-help")),
    );
    None
}
