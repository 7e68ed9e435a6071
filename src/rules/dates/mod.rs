//! Rules about a record's own date, so that no slip silently unpublishes a record (SPEC v2
//! §5): a date after the day T (the site leaves the record out as of T), and a file name
//! that starts with another date than the record's.

pub mod dated_after_today;
pub mod name_date_mismatch;

use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diag::Source;
use crate::rules::Context;

/// A record's own date: which field, its value and span, the file and its stem.
pub struct Dated<'a> {
    pub field: &'static str,
    pub date: Date,
    pub span: Range<usize>,
    pub source: &'a Arc<Source>,
    pub stem: &'a str,
    /// Minutes, reports (and return visits): their file name may start with a date.
    pub named_by_date: bool,
}

/// The dates of every record in scope: proposals' `submitted`, minutes', reports' and return
/// visits' `date`.
pub fn dated<'a>(ctx: &Context<'a>) -> Vec<Dated<'a>> {
    let mut out = Vec::new();
    for (_, c) in ctx.councils() {
        for p in &c.proposals {
            if let Some(d) = &p.submitted {
                out.push(Dated {
                    field: "submitted",
                    date: d.value,
                    span: d.span.clone(),
                    source: &p.meta.source,
                    stem: &p.meta.stem,
                    named_by_date: false,
                });
            }
        }
        let records = c
            .meetings
            .iter()
            .map(|m| (&m.date, &m.meta))
            .chain(c.reports.iter().map(|r| (&r.date, &r.meta)))
            .chain(c.feedback.iter().map(|f| (&f.date, &f.meta)));
        for (date, meta) in records {
            if let Some(d) = date {
                out.push(Dated {
                    field: "date",
                    date: d.value,
                    span: d.span.clone(),
                    source: &meta.source,
                    stem: &meta.stem,
                    named_by_date: true,
                });
            }
        }
    }
    out
}
