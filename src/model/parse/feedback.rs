//! Return visits: `feedback/<stem>.md` (SPEC §8).

use std::sync::Arc;

use super::super::*;
use super::{check_stem, read_by, record_meta, with_front_matter};
use crate::diag::{Diagnostic, Source};
use crate::model::schema::Sink;

pub fn parse_feedback(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Feedback, Vec<Diagnostic>) {
    let sink = Sink::default();
    check_stem(src, "feedback", stem, &sink);
    let mut f = Feedback {
        meta: record_meta(stem, src),
        proposal: None,
        date: None,
        by: Vec::new(),
        reached: None,
        satisfaction: None,
        translations: Translations::new(),
        body: Body::default(),
        texts: Vec::new(),
    };
    let (meta, body, _) = with_front_matter(stem, src, &sink, "the return visit", |r| {
        r.require("proposal", "proposal = \"2022-001\"");
        f.proposal = r.id("proposal");
        r.require("date", "date = 2022-11-05");
        f.date = r.date("date");
        f.by = read_by(r, "visited the residents");
        r.require("reached", "reached = \"提议居民代表3户\"");
        f.reached = r.text("reached");
        r.require("satisfaction", "satisfaction = \"satisfied\"");
        f.satisfaction = r.choice("satisfaction", Satisfaction::ALL, Satisfaction::parse);
        f.translations = r.translations(&["reached"], languages);
    });
    f.meta = meta;
    f.body = body;
    (f, sink.into_inner())
}
