//! Views of the records that are pages of their own: minutes and supervision reports.

use serde::Serialize;

use super::*;
use crate::model::Report;

#[derive(Clone, Debug, Serialize)]
pub struct ItemView {
    pub matter: Option<MatterLink>,
    pub action: Option<&'static str>,
    #[serde(flatten)]
    pub terms: Terms,
    pub supervisors: Vec<PersonRef>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MeetingView {
    pub council: CouncilRef,
    pub date: String,
    pub title: Option<Text>,
    pub kind: &'static str,
    pub location: Option<Text>,
    pub chair: Option<PersonRef>,
    pub recorder: Option<PersonRef>,
    pub present: Vec<PersonRef>,
    pub absent: Vec<PersonRef>,
    /// Written in the default language only (guests have no translation).
    pub guests: Vec<Text>,
    pub present_voting: usize,
    pub serving_voting: usize,
    pub quorum_needed: usize,
    pub items: Vec<ItemView>,
    pub source: String,
}

pub fn meeting(ctx: &Ctx<'_>, lang: &str, ci: usize, mi: usize) -> Option<MeetingView> {
    let c = &ctx.site.councils[ci];
    let m = &c.meetings[mi];
    let date = m.date.as_ref()?.value;
    if date > ctx.today {
        return None;
    }
    let index = &ctx.derived.indexes[ci];
    let att = crate::rules::meetings::attendance(c, m);
    let items = m
        .items
        .iter()
        .map(|it| {
            let matter = it
                .proposal
                .as_ref()
                .and_then(|pid| index.get(&pid.value.to_ascii_lowercase()))
                .map(|&pi| ctx.matter_link(lang, ci, pi));
            ItemView {
                matter,
                action: it.action.as_ref().map(|a| a.value.as_str()),
                terms: ctx.terms(lang, it),
                supervisors: it
                    .supervisors
                    .iter()
                    .map(|id| ctx.member_name(lang, c, &id.value))
                    .collect(),
            }
        })
        .collect();
    let serving_voting = att.as_ref().map(|a| a.serving_voting).unwrap_or(0);
    Some(MeetingView {
        council: ctx.council_ref(lang, ci),
        date: date.to_string(),
        title: meeting_title(ctx, lang, m),
        kind: m.kind.as_str(),
        location: ctx.text(lang, m.location.as_ref(), &m.translations, "location"),
        chair: m
            .chair
            .as_ref()
            .map(|id| ctx.member_name(lang, c, &id.value)),
        recorder: m
            .recorder
            .as_ref()
            .map(|id| ctx.member_name(lang, c, &id.value)),
        present: m
            .present_ids()
            .map(|id| ctx.member_name(lang, c, id))
            .collect(),
        absent: m
            .absent
            .iter()
            .map(|id| ctx.member_name(lang, c, &id.value))
            .collect(),
        guests: m
            .guests
            .iter()
            .map(|g| Text {
                text: g.value.clone(),
                lang: ctx.default_lang.clone(),
                fallback: lang != ctx.default_lang,
            })
            .collect(),
        present_voting: att.as_ref().map(|a| a.present_voting).unwrap_or(0),
        serving_voting,
        quorum_needed: c.quorum.value.needed(serving_voting),
        items,
        source: m.meta.source.path.clone(),
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct ReportView {
    pub council: CouncilRef,
    pub matter: Option<MatterLink>,
    pub date: String,
    pub by: Vec<PersonRef>,
    pub progress: Option<u8>,
    pub status: Option<&'static str>,
    pub source: String,
}

pub fn report(ctx: &Ctx<'_>, lang: &str, ci: usize, ri: usize) -> Option<ReportView> {
    let c = &ctx.site.councils[ci];
    let r: &Report = &c.reports[ri];
    let date = r.date.as_ref()?.value;
    if date > ctx.today {
        return None;
    }
    let index = &ctx.derived.indexes[ci];
    let matter = r
        .proposal
        .as_ref()
        .and_then(|pid| index.get(&pid.value.to_ascii_lowercase()))
        .map(|&pi| ctx.matter_link(lang, ci, pi));
    Some(ReportView {
        council: ctx.council_ref(lang, ci),
        matter,
        date: date.to_string(),
        by: r
            .by
            .iter()
            .map(|id| ctx.member_name(lang, c, &id.value))
            .collect(),
        progress: r.progress.as_ref().map(|p| p.value),
        status: r.status.as_ref().map(|s| s.value.as_str()),
        source: r.meta.source.path.clone(),
    })
}
