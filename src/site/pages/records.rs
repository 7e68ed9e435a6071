//! The pages of one record each: a matter (with its timeline), minutes, a supervision report,
//! a return visit.
//! Each shows the record's text and, when the build has it, its history from git.

use minijinja::context;

use super::Page;
use crate::error::Error;
use crate::msg;
use crate::site::{Renderer, sv, views};

pub fn matter(
    r: &Renderer<'_>,
    lang: &str,
    file: &str,
    ci: usize,
    pi: usize,
) -> Result<Page, Error> {
    let m = views::matter(&r.ctx, lang, ci, pi)
        .ok_or_else(|| Error::other(msg!("page-not-published", what = file)))?;
    let p = &r.ctx.site.councils[ci].proposals[pi];
    let body = r.body(&p.meta.source, &p.body, &p.texts, file, lang);
    let c = &r.ctx.site.councils[ci];
    // Two matters of a council may share a title (a yearly pruning): the id tells them apart.
    let twin = c.proposals.iter().enumerate().any(|(j, q)| {
        j != pi
            && r.ctx.lifecycle(ci, j).is_some()
            && r.ctx.title_of(lang, q).text == m.row.title.text
    });
    let name = if twin {
        format!("{}（{}）", m.row.title.text, m.row.id)
    } else {
        m.row.title.text.clone()
    };
    let sep = r.ui(lang, "title_sep");
    let title = format!("{name}{sep}{}", m.row.council.name.text);
    let description = format!(
        "{}{sep}{}{sep}{} {}",
        r.ui(lang, &format!("state.{}", m.row.state)),
        m.row.council.name.text,
        r.ui(lang, "matter.submitted"),
        crate::site::theme::longdate(m.row.submitted.clone(), lang.to_string()),
    );
    let history = r.history_of(&p.meta.source.path);
    let code = super::notice::verification_code_of(r, ci, pi);
    Ok(Page::new(
        "matter.html",
        Some(title),
        context! { matter => sv(m), body => sv(body), history => sv(history), verification => code },
    )
    .described(Some(description)))
}

pub fn meeting(
    r: &Renderer<'_>,
    lang: &str,
    file: &str,
    ci: usize,
    mi: usize,
) -> Result<Page, Error> {
    let m = views::meeting(&r.ctx, lang, ci, mi)
        .ok_or_else(|| Error::other(msg!("page-not-published", what = file)))?;
    let rec = &r.ctx.site.councils[ci].meetings[mi];
    let body = r.body(&rec.meta.source, &rec.body, &rec.texts, file, lang);
    let date = crate::site::theme::longdate(m.date.clone(), lang.to_string());
    let sep = r.ui(lang, "title_sep");
    let name = match &m.title {
        Some(t) => t.text.clone(),
        None => format!("{} {date}", r.ui(lang, &format!("kind.{}", m.kind))),
    };
    // Titles repeat across years ("第一次例会"): the date tells them apart.
    let c = &r.ctx.site.councils[ci];
    let twin = c.meetings.iter().enumerate().any(|(j, x)| {
        j != mi
            && x.date.as_ref().is_some_and(|d| d.value <= r.ctx.today)
            && views::meeting_title(&r.ctx, lang, x).map(|t| t.text)
                == m.title.as_ref().map(|t| t.text.clone())
    });
    let name = if twin && m.title.is_some() {
        format!("{name}（{date}）")
    } else {
        name
    };
    let title = format!("{name}{sep}{}", m.council.name.text);
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
        .ok_or_else(|| Error::other(msg!("page-not-published", what = file)))?;
    let rec = &r.ctx.site.councils[ci].reports[ri];
    let body = r.body(&rec.meta.source, &rec.body, &rec.texts, file, lang);
    let history = r.history_of(&rec.meta.source.path);
    // Two reports on one matter on one day: the file name tells them apart.
    let c = &r.ctx.site.councils[ci];
    let twin = c.reports.iter().enumerate().any(|(j, x)| {
        j != ri
            && x.date.as_ref().map(|d| d.value) == rec.date.as_ref().map(|d| d.value)
            && x.proposal.as_ref().map(|p| p.value.to_ascii_lowercase())
                == rec.proposal.as_ref().map(|p| p.value.to_ascii_lowercase())
    });
    let title = dated_title(
        r,
        lang,
        "report.title",
        &v.date,
        v.matter.as_ref(),
        twin.then_some(rec.meta.stem.as_str()),
        &v.council,
    );
    Ok(Page::new(
        "report.html",
        Some(title),
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
        .ok_or_else(|| Error::other(msg!("page-not-published", what = file)))?;
    let rec = &r.ctx.site.councils[ci].feedback[fi];
    let body = r.body(&rec.meta.source, &rec.body, &rec.texts, file, lang);
    let history = r.history_of(&rec.meta.source.path);
    // Two visits about one matter on one day: the file name tells them apart.
    let c = &r.ctx.site.councils[ci];
    let twin = c.feedback.iter().enumerate().any(|(j, x)| {
        j != fi
            && x.date.as_ref().map(|d| d.value) == rec.date.as_ref().map(|d| d.value)
            && x.proposal.as_ref().map(|p| p.value.to_ascii_lowercase())
                == rec.proposal.as_ref().map(|p| p.value.to_ascii_lowercase())
    });
    let title = dated_title(
        r,
        lang,
        "feedback.title",
        &v.date,
        v.matter.as_ref(),
        twin.then_some(rec.meta.stem.as_str()),
        &v.council,
    );
    Ok(Page::new(
        "feedback.html",
        Some(title),
        context! { feedback => sv(v), body => sv(body), history => sv(history) },
    ))
}

/// The title of a dated record's page: what it is and its date, the matter, the file name
/// when another record of the kind shares matter and date (`twin`), and the council.
fn dated_title(
    r: &Renderer<'_>,
    lang: &str,
    label: &str,
    date: &str,
    matter: Option<&views::MatterLink>,
    twin: Option<&str>,
    council: &views::CouncilRef,
) -> String {
    let sep = r.ui(lang, "title_sep");
    let mut title = format!(
        "{} {}",
        r.ui(lang, label),
        crate::site::theme::longdate(date.to_string(), lang.to_string())
    );
    if let Some(m) = matter {
        title = format!("{title}{sep}{}", m.title.text);
    }
    if let Some(stem) = twin {
        title = format!("{title}（{stem}）");
    }
    format!("{title}{sep}{}", council.name.text)
}
