//! Return visits: `feedback/<stem>.md` (SPEC §8).

use std::sync::Arc;

use super::super::*;
use super::{check_stem, read_by, with_front_matter};
use crate::diag::{Diagnostic, Source};
use crate::model::schema::Sink;
use crate::msg;

pub fn parse_feedback(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Feedback, Vec<Diagnostic>) {
    let sink = Sink::default();
    let mut f = Feedback::unread(RecordMeta::unread(stem, src));
    let (meta, body, _) = with_front_matter(stem, src, &sink, msg!("what-feedback"), |r| {
        r.require("proposal", "proposal = \"2022-001\"");
        f.proposal = r.reference("proposal");
        r.require("date", "date = 2022-11-05");
        f.date = r.date("date");
        f.by = read_by(r, msg!("by-empty-feedback-help"));
        r.require("reached", "reached = \"提议居民代表3户\"");
        f.reached = r.text("reached");
        r.require("satisfaction", "satisfaction = \"satisfied\"");
        f.satisfaction = r.choice::<Satisfaction>("satisfaction");
        f.translations = r.translations(&["reached"], languages);
    });
    f.meta = meta;
    f.body = body;
    let fallback = match (&f.date, &f.proposal) {
        (Some(d), Some(p)) => Some(format!("{}-{}", d.value, p.value)),
        _ => None,
    };
    check_stem(src, msg!("what-feedback"), stem, fallback, &sink);
    (f, sink.into_inner())
}
