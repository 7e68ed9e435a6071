//! The pages of one record each: a matter (with its timeline), minutes, a supervision report,
//! a return visit.
//! Each shows the record's text and, when the build has it, its history from git.

use minijinja::context;

use super::Page;
use crate::error::Error;
use crate::site::{Renderer, sv, views};

pub fn matter(
    r: &Renderer<'_>,
    lang: &str,
    file: &str,
    ci: usize,
    pi: usize,
) -> Result<Page, Error> {
    let m = views::matter(&r.ctx, lang, ci, pi)
        .ok_or_else(|| Error::Other("matter not published".into()))?;
    let p = &r.ctx.site.councils[ci].proposals[pi];
    let body = r.body(&p.meta.source, &p.body, &p.texts, file, lang);
    let title = m.row.title.text.clone();
    let history = r.history_of(&p.meta.source.path);
    Ok(Page::new(
        "matter.html",
        Some(title),
        context! { matter => sv(m), body => sv(body), history => sv(history) },
    ))
}

pub fn meeting(
    r: &Renderer<'_>,
    lang: &str,
    file: &str,
    ci: usize,
    mi: usize,
) -> Result<Page, Error> {
    let m = views::meeting(&r.ctx, lang, ci, mi)
        .ok_or_else(|| Error::Other("meeting not published".into()))?;
    let rec = &r.ctx.site.councils[ci].meetings[mi];
    let body = r.body(&rec.meta.source, &rec.body, &rec.texts, file, lang);
    let title = m
        .title
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_else(|| m.date.clone());
    let history = r.history_of(&rec.meta.source.path);
    Ok(Page::new(
        "meeting.html",
        Some(title),
        context! { meeting => sv(m), body => sv(body), history => sv(history) },
    ))
}

pub fn report(
    r: &Renderer<'_>,
    lang: &str,
    file: &str,
    ci: usize,
    ri: usize,
) -> Result<Page, Error> {
    let v = views::report(&r.ctx, lang, ci, ri)
        .ok_or_else(|| Error::Other("report not published".into()))?;
    let rec = &r.ctx.site.councils[ci].reports[ri];
    let body = r.body(&rec.meta.source, &rec.body, &rec.texts, file, lang);
    let history = r.history_of(&rec.meta.source.path);
    Ok(Page::new(
        "report.html",
        None,
        context! { report => sv(v), body => sv(body), history => sv(history) },
    ))
}

pub fn feedback(
    r: &Renderer<'_>,
    lang: &str,
    file: &str,
    ci: usize,
    fi: usize,
) -> Result<Page, Error> {
    let v = views::feedback(&r.ctx, lang, ci, fi)
        .ok_or_else(|| Error::Other("return visit not published".into()))?;
    let rec = &r.ctx.site.councils[ci].feedback[fi];
    let body = r.body(&rec.meta.source, &rec.body, &rec.texts, file, lang);
    let history = r.history_of(&rec.meta.source.path);
    Ok(Page::new(
        "feedback.html",
        None,
        context! { feedback => sv(v), body => sv(body), history => sv(history) },
    ))
}
