//! Views of councils and areas: members, matters by state, meetings, indicators.

use serde::Serialize;

use super::*;
use crate::lifecycle::State;
use crate::site::routes::Route;

#[derive(Clone, Debug, Serialize)]
pub struct MemberView {
    pub id: String,
    pub name: Text,
    pub roles: Vec<&'static str>,
    pub represents: Option<&'static str>,
    pub selected: Option<&'static str>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub voting: bool,
    pub serving: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct StateGroup {
    pub state: &'static str,
    pub matters: Vec<MatterRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MeetingRow {
    pub url: String,
    pub date: String,
    pub title: Option<Text>,
    pub kind: &'static str,
    pub items: usize,
    pub decisions: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct CouncilView {
    #[serde(flatten)]
    pub r#ref: CouncilRef,
    pub areas: Vec<AreaRef>,
    pub established: Option<String>,
    pub quorum: String,
    pub majority: &'static str,
    pub contact: Option<Text>,
    pub members: Vec<MemberView>,
    pub former_members: Vec<MemberView>,
    pub groups: Vec<StateGroup>,
    pub meetings: Vec<MeetingRow>,
    pub overdue: usize,
    pub unanswered: usize,
    pub level: &'static str,
    pub indicators: IndicatorsView,
}

#[derive(Clone, Debug, Serialize)]
pub struct AreaRef {
    pub key: String,
    pub name: Text,
    pub url: String,
}

/// The areas above a folder key, outermost first.
pub fn areas_above(ctx: &Ctx<'_>, lang: &str, key: &str) -> Vec<AreaRef> {
    let mut out = Vec::new();
    let mut prefix = String::new();
    let parts: Vec<&str> = key.split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        if let Some(a) = ctx.site.areas.iter().find(|a| a.key == prefix) {
            out.push(AreaRef {
                key: a.key.clone(),
                name: ctx
                    .text(lang, a.name.as_ref(), &a.translations, "name")
                    .unwrap_or_else(|| ctx.plain(lang, &a.key)),
                url: ctx.url(&Route::Area(a.key.clone())),
            });
        }
    }
    out
}

pub fn council(ctx: &Ctx<'_>, lang: &str, ci: usize) -> CouncilView {
    let c = &ctx.site.councils[ci];
    let member = |m: &crate::model::Member| MemberView {
        id: m.id().to_string(),
        name: ctx
            .text(lang, m.name.as_ref(), &m.translations, "name")
            .unwrap_or_else(|| ctx.plain(lang, m.id())),
        roles: m.roles.iter().map(|r| r.as_str()).collect(),
        represents: m.represents.map(|r| r.as_str()),
        selected: m.selected.map(|s| s.as_str()),
        from: m.from.as_ref().map(|d| d.value.to_string()),
        to: m.to.as_ref().map(|d| d.value.to_string()),
        voting: m.voting,
        serving: m.serves(ctx.today),
    };
    let (members, former): (Vec<_>, Vec<_>) = c.members.iter().map(member).partition(|m| m.serving);
    let rows: Vec<MatterRow> = (0..c.proposals.len())
        .filter_map(|pi| matter_row(ctx, lang, ci, pi))
        .collect();
    let groups = State::ALL
        .iter()
        .map(|s| StateGroup {
            state: s.as_str(),
            matters: rows
                .iter()
                .filter(|r| r.state == s.as_str())
                .cloned()
                .collect(),
        })
        .filter(|g| !g.matters.is_empty())
        .collect();
    let mut meetings: Vec<MeetingRow> = c
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.date.as_ref().is_some_and(|d| d.value <= ctx.today))
        .map(|(mi, m)| MeetingRow {
            url: ctx.url(&Route::Meeting(ci, mi)),
            date: m
                .date
                .as_ref()
                .map(|d| d.value.to_string())
                .unwrap_or_default(),
            title: meeting_title(ctx, lang, m),
            kind: m.kind.as_str(),
            items: m.items.len(),
            decisions: m.items.iter().filter(|i| i.is_decision()).count(),
        })
        .collect();
    meetings.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.url.cmp(&b.url)));
    CouncilView {
        r#ref: ctx.council_ref(lang, ci),
        areas: areas_above(ctx, lang, &c.key),
        established: c.established.as_ref().map(|d| d.value.to_string()),
        quorum: c.quorum.value.to_string(),
        majority: c.majority.as_str(),
        contact: ctx.text(lang, c.contact.as_ref(), &c.translations, "contact"),
        members,
        former_members: former,
        overdue: rows.iter().filter(|r| r.overdue).count(),
        unanswered: rows.iter().filter(|r| r.unanswered).count(),
        groups,
        meetings,
        level: c.level.as_str(),
        indicators: ctx.council_indicators(ci),
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct AreaView {
    pub key: String,
    pub name: Text,
    pub kind: &'static str,
    pub url: String,
    pub parents: Vec<AreaRef>,
    pub children: Vec<AreaRef>,
    pub councils: Vec<CouncilSummary>,
    /// Every council below the area with its indicators, and the area's totals.
    pub indicators: IndicatorGroup,
}

pub fn area(ctx: &Ctx<'_>, lang: &str, key: &str) -> Option<AreaView> {
    let a = ctx.site.areas.iter().find(|a| a.key == key)?;
    let under =
        |k: &str| k.len() > key.len() && k.starts_with(key) && k.as_bytes()[key.len()] == b'/';
    let summaries = council_summaries(ctx, lang);
    Some(AreaView {
        indicators: area_indicators(ctx, lang, a),
        key: a.key.clone(),
        name: ctx
            .text(lang, a.name.as_ref(), &a.translations, "name")
            .unwrap_or_else(|| ctx.plain(lang, &a.key)),
        kind: a.kind.as_str(),
        url: ctx.url(&Route::Area(a.key.clone())),
        parents: areas_above(ctx, lang, &format!("{key}/x"))
            .into_iter()
            .filter(|p| p.key != key)
            .collect(),
        children: ctx
            .site
            .areas
            .iter()
            .filter(|c| under(&c.key) && !c.key[key.len() + 1..].contains('/'))
            .map(|c| AreaRef {
                key: c.key.clone(),
                name: ctx
                    .text(lang, c.name.as_ref(), &c.translations, "name")
                    .unwrap_or_else(|| ctx.plain(lang, &c.key)),
                url: ctx.url(&Route::Area(c.key.clone())),
            })
            .collect(),
        councils: summaries
            .into_iter()
            .filter(|s| under(&s.r#ref.key))
            .collect(),
    })
}
