//! Supervision reports: `reports/<stem>.md`.

use std::sync::Arc;

use super::super::*;
use super::{check_stem, read_by, with_front_matter};
use crate::diag::{Diagnostic, Source};
use crate::model::schema::Sink;
use crate::msg;

pub fn parse_report(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Report, Vec<Diagnostic>) {
    let sink = Sink::default();
    let (meta, body, fields) = with_front_matter(stem, src, &sink, msg!("what-report"), |r| {
        r.require("proposal", "proposal = \"2022-001\"");
        let proposal = r.reference("proposal");
        r.require("date", "date = 2022-06-30");
        let date = r.date("date");
        let by = read_by(r, msg!("by-empty-help"));
        r.require("progress", "progress = 60");
        let progress = r
            .int("progress", 0..101)
            .map(|p| Sp::new(p.value as u8, p.span));
        r.require("status", "status = \"on-track\"");
        let status = r.choice::<Status>("status");
        let translations = r.translations(&[], languages);
        (proposal, date, by, progress, status, translations)
    });
    let (proposal, date, by, progress, status, translations) = fields.unwrap_or_default();
    let fallback = match (&date, &proposal) {
        (Some(d), Some(p)) => Some(format!("{}-{}", d.value, p.value)),
        _ => None,
    };
    check_stem(src, msg!("what-report"), stem, fallback, &sink);
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
