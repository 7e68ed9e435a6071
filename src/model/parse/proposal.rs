//! Proposals: `proposals/<id>.md`.

use std::sync::Arc;

use super::super::*;
use super::{check_stem, record_meta, with_front_matter};
use crate::diag::{Diagnostic, Source};
use crate::model::schema::{Reader, Sink, split_matter_ref};
use crate::rules::schema::{invalid_value, missing_field};

pub fn parse_proposal(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Proposal, Vec<Diagnostic>) {
    let sink = Sink::default();
    check_stem(src, "proposal", stem, &sink);
    let mut p = Proposal {
        meta: record_meta(stem, src),
        title: None,
        submitted: None,
        proposer: None,
        channel: Channel::Other,
        category: None,
        withdrawn: None,
        withdrawn_reason: None,
        referred_from: None,
        translations: Translations::new(),
        body: Body::default(),
        texts: Vec::new(),
    };
    let (meta, body, _) = with_front_matter(stem, src, &sink, "the proposal", |r| {
        r.require("title", "title = \"为黄台路41号加装电梯\"");
        p.title = r.text("title");
        r.require("submitted", "submitted = 2022-03-14");
        p.submitted = r.date("submitted");
        r.require("proposer", "proposer = \"黄台路41号居民（23户）\"");
        p.proposer = r.text("proposer");
        if let Some(c) = r.choice("channel", Channel::ALL, Channel::parse) {
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
                    "the proposal is withdrawn before it was submitted",
                    "before `submitted`",
                )
                .also(r.src, s.span.clone(), "submitted here")
                .help("check both dates; `withdrawn` is the day the proposer withdrew the matter"),
            );
        }
        if let Some(reason) = &p.withdrawn_reason
            && !r.has("withdrawn")
        {
            r.push(
                missing_field::diagnostic(r.src, reason.span.clone(), "the proposal", "withdrawn", "withdrawn = 2022-05-01")
                    .help("a reason for withdrawal needs the date: add `withdrawn = <date>`, or remove `withdrawn_reason`"),
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

/// `referred_from = "<council key>/<id>"`, kept only when well formed.
fn referred_from(r: &mut Reader<'_, '_>) -> Option<Sp<String>> {
    let s = r.string("referred_from")?;
    if split_matter_ref(&s.value).is_some() {
        return Some(s);
    }
    r.push(
        invalid_value::diagnostic(
            r.src,
            s.span.clone(),
            format!("`{}` is not a matter of a council of this site", s.value),
            "not `<council key>/<id>`",
        )
        .help("write the council's key and the proposal's id, like `referred_from = \"huangtai/grid-03/2025-004\"`"),
    );
    None
}
