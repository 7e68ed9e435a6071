//! Supervision reports: `reports/<stem>.md`.

use std::sync::Arc;

use super::super::*;
use super::{check_stem, read_by, with_front_matter};
use crate::diag::{Diagnostic, Source};
use crate::model::schema::Sink;

pub fn parse_report(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Report, Vec<Diagnostic>) {
    let sink = Sink::default();
    check_stem(src, "report", stem, &sink);
    let (meta, body, fields) = with_front_matter(stem, src, &sink, "the report", |r| {
        r.require("proposal", "proposal = \"2022-001\"");
        let proposal = r.id("proposal");
        r.require("date", "date = 2022-06-30");
        let date = r.date("date");
        let by = read_by(r, "supervised");
        r.require("progress", "progress = 60");
        let progress = r
            .int("progress", 0..101)
            .map(|p| Sp::new(p.value as u8, p.span));
        r.require("status", "status = \"on-track\"");
        let status = r.choice("status", Status::ALL, Status::parse);
        let translations = r.translations(&[], languages);
        (proposal, date, by, progress, status, translations)
    });
    let (proposal, date, by, progress, status, translations) = fields.unwrap_or_default();
    (
        Report {
            meta,
            proposal,
            date,
            by,
            progress,
            status,
            translations,
            body,
            texts: Vec::new(),
        },
        sink.into_inner(),
    )
}
