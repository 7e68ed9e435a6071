//! Rules about what records refer to: proposals of the council, members of the council,
//! members serving on the day.

pub mod member_not_serving;
pub mod unknown_member;
pub mod unknown_proposal;

use std::sync::Arc;

use jiff::civil::Date;

use crate::diag::Source;
use crate::model::{Council, Sp};

/// A member reference in a record: which field, the id as written, the record's date.
pub struct MemberRef<'a> {
    pub field: &'static str,
    pub id: &'a Sp<String>,
    pub source: &'a Arc<Source>,
    pub date: Option<Date>,
}

/// Every member reference of a council's meetings, reports and return visits.
pub fn member_refs(c: &Council) -> Vec<MemberRef<'_>> {
    let mut out = Vec::new();
    for m in &c.meetings {
        let date = m.date.as_ref().map(|d| d.value);
        let src = &m.meta.source;
        let mut push = |field, id| {
            out.push(MemberRef {
                field,
                id,
                source: src,
                date,
            })
        };
        if let Some(x) = &m.chair {
            push("chair", x);
        }
        if let Some(x) = &m.recorder {
            push("recorder", x);
        }
        for x in m.present.iter().flat_map(|p| p.value.iter()) {
            push("present", x);
        }
        for x in &m.absent {
            push("absent", x);
        }
        for item in &m.items {
            for x in &item.supervisors {
                push("supervisors", x);
            }
        }
    }
    let by = c
        .reports
        .iter()
        .map(|r| (&r.meta.source, &r.date, &r.by))
        .chain(c.feedback.iter().map(|f| (&f.meta.source, &f.date, &f.by)));
    for (source, date, ids) in by {
        let date = date.as_ref().map(|d| d.value);
        for x in ids {
            out.push(MemberRef {
                field: "by",
                id: x,
                source,
                date,
            });
        }
    }
    out
}
