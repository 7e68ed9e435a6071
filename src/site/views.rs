//! View models: serialisable structs made for pages, built from the records and their
//! lifecycles. Templates see only these, never the domain types, so that the records'
//! shape can change without touching a theme, and nothing private (members' `git`
//! addresses and keys) can reach a page by accident.
//!
//! URLs in views are paths from the language root (`councils/x/proposals/y/`); templates
//! put `home` (the relative way to the current language's root) in front of them.

use jiff::civil::Date;
use serde::Serialize;

use crate::lifecycle::{EventKind, Lifecycle, State};
use crate::model::{Council, Item, Meeting, Proposal, Report, Site, Sp, Translations};
use crate::site::routes::{Route, page_path};

/// Everything the views of one build share.
pub struct Ctx<'a> {
    pub site: &'a Site,
    /// Lifecycles as of `today` and proposal indexes.
    pub derived: &'a super::Derived,
    pub today: Date,
    pub default_lang: String,
}

/// A piece of text in the language it is shown in: `fallback` when the page's language had
/// no translation and the default language's text is shown instead.
#[derive(Clone, Debug, Serialize)]
pub struct Text {
    pub text: String,
    pub lang: String,
    pub fallback: bool,
}

impl Ctx<'_> {
    /// The text of a field in `lang`: its translation, else the default language's.
    pub fn text(
        &self,
        lang: &str,
        own: Option<&Sp<String>>,
        tr: &Translations,
        field: &str,
    ) -> Option<Text> {
        if lang != self.default_lang
            && let Some(t) = tr.get(lang).and_then(|f| f.get(field))
        {
            return Some(Text {
                text: t.value.clone(),
                lang: lang.to_string(),
                fallback: false,
            });
        }
        own.map(|s| Text {
            text: s.value.clone(),
            lang: self.default_lang.clone(),
            fallback: lang != self.default_lang,
        })
    }

    fn plain(&self, lang: &str, s: &str) -> Text {
        Text {
            text: s.to_string(),
            lang: lang.to_string(),
            fallback: false,
        }
    }

    pub fn lifecycle(&self, ci: usize, pi: usize) -> Option<&Lifecycle> {
        self.derived.lifecycles[ci][pi].as_ref()
    }

    pub fn url(&self, route: &Route) -> String {
        page_path(route, self.site)
    }

    pub fn council_ref(&self, lang: &str, ci: usize) -> CouncilRef {
        let c = &self.site.councils[ci];
        CouncilRef {
            key: c.key.clone(),
            name: self
                .text(lang, c.name.as_ref(), &c.translations, "name")
                .unwrap_or_else(|| self.plain(lang, &c.key)),
            url: self.url(&Route::Council(ci)),
        }
    }

    fn member_name(&self, lang: &str, c: &Council, id: &str) -> PersonRef {
        let m = c.member(id);
        PersonRef {
            id: id.to_string(),
            name: m
                .and_then(|m| self.text(lang, m.name.as_ref(), &m.translations, "name"))
                .unwrap_or_else(|| self.plain(lang, id)),
        }
    }

    fn title_of(&self, lang: &str, p: &Proposal) -> Text {
        self.text(lang, p.title.as_ref(), &p.translations, "title")
            .unwrap_or_else(|| self.plain(lang, p.id()))
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CouncilRef {
    pub key: String,
    pub name: Text,
    pub url: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonRef {
    pub id: String,
    pub name: Text,
}

/// A matter in a list.
#[derive(Clone, Debug, Serialize)]
pub struct MatterRow {
    pub council: CouncilRef,
    pub id: String,
    pub url: String,
    pub title: Text,
    pub submitted: String,
    pub state: &'static str,
    pub overdue: bool,
    pub unanswered: bool,
    pub due: Option<String>,
    pub progress: Option<u8>,
    /// Days late (overdue) or days waiting (unanswered).
    pub days: Option<i64>,
}

pub fn matter_row(ctx: &Ctx<'_>, lang: &str, ci: usize, pi: usize) -> Option<MatterRow> {
    let c = &ctx.site.councils[ci];
    let p = &c.proposals[pi];
    let lc = ctx.lifecycle(ci, pi)?;
    let submitted = p.submitted.as_ref()?.value;
    let days = if lc.overdue {
        lc.due.map(|d| (ctx.today - d).get_days() as i64)
    } else if lc.unanswered {
        Some((ctx.today - submitted).get_days() as i64)
    } else {
        None
    };
    Some(MatterRow {
        council: ctx.council_ref(lang, ci),
        id: p.id().to_string(),
        url: ctx.url(&Route::Matter(ci, pi)),
        title: ctx.title_of(lang, p),
        submitted: submitted.to_string(),
        state: lc.state.as_str(),
        overdue: lc.overdue,
        unanswered: lc.unanswered,
        due: lc.due.map(|d| d.to_string()),
        progress: lc.progress,
        days,
    })
}

/// A decision in a list.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionRow {
    pub date: String,
    pub council: CouncilRef,
    pub matter: MatterLink,
    pub meeting_url: String,
    #[serde(flatten)]
    pub terms: Terms,
}

/// What a meeting item says: its outcome, the votes, who implements it by when, or where it
/// was referred (shown the same way in lists, timelines and minutes).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Terms {
    pub outcome: Option<&'static str>,
    pub votes: Option<VotesView>,
    pub owner: Option<Text>,
    pub due: Option<String>,
    pub referred_to: Option<Text>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MatterLink {
    pub id: String,
    pub url: String,
    pub title: Text,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct VotesView {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

impl Ctx<'_> {
    pub fn terms(&self, lang: &str, item: &Item) -> Terms {
        Terms {
            outcome: item.outcome.as_ref().map(|o| o.value.as_str()),
            votes: votes(item),
            owner: self.text(lang, item.owner.as_ref(), &item.translations, "owner"),
            due: item.due.as_ref().map(|d| d.value.to_string()),
            referred_to: self.text(
                lang,
                item.referred_to.as_ref(),
                &item.translations,
                "referred_to",
            ),
        }
    }

    pub fn matter_link(&self, lang: &str, ci: usize, pi: usize) -> MatterLink {
        let p = &self.site.councils[ci].proposals[pi];
        MatterLink {
            id: p.id().to_string(),
            url: self.url(&Route::Matter(ci, pi)),
            title: self.title_of(lang, p),
        }
    }
}

fn votes(item: &Item) -> Option<VotesView> {
    item.votes.as_ref().map(|v| VotesView {
        yes: v.value.yes,
        no: v.value.no,
        abstain: v.value.abstain,
    })
}

/// Where a decision is: council, meeting, item of the meeting, and the proposal decided.
#[derive(Clone, Copy, Debug)]
pub struct DecisionAt {
    pub ci: usize,
    pub mi: usize,
    pub item: usize,
    pub pi: usize,
}

/// Every decision taken up to the day, newest first (then by council and matter). The
/// order is the same in every language, so it is kept once and rows are made per page.
pub fn decision_order(ctx: &Ctx<'_>) -> Vec<DecisionAt> {
    let mut out = Vec::new();
    for (ci, c) in ctx.site.councils.iter().enumerate() {
        let index = &ctx.derived.indexes[ci];
        for (mi, m) in c.meetings.iter().enumerate() {
            let Some(date) = &m.date else { continue };
            if date.value > ctx.today {
                continue;
            }
            for (ii, item) in m.items.iter().enumerate() {
                let (Some(_), Some(pid)) = (&item.outcome, &item.proposal) else {
                    continue;
                };
                if !item.is_decision() {
                    continue;
                }
                let Some(&pi) = index.get(&pid.value.to_ascii_lowercase()) else {
                    continue;
                };
                if ctx.lifecycle(ci, pi).is_none() {
                    continue;
                }
                out.push((
                    date.value,
                    DecisionAt {
                        ci,
                        mi,
                        item: ii,
                        pi,
                    },
                ));
            }
        }
    }
    let councils = &ctx.site.councils;
    out.sort_by(|(da, a), (db, b)| {
        db.cmp(da)
            .then_with(|| councils[a.ci].key.cmp(&councils[b.ci].key))
            .then_with(|| {
                let id = |d: &DecisionAt| councils[d.ci].proposals[d.pi].id();
                id(a).cmp(id(b))
            })
    });
    out.into_iter().map(|(_, d)| d).collect()
}

/// The rows of the decisions `at`, in `lang`.
pub fn decision_rows(ctx: &Ctx<'_>, lang: &str, at: &[DecisionAt]) -> Vec<DecisionRow> {
    at.iter()
        .map(|d| {
            let item = &ctx.site.councils[d.ci].meetings[d.mi].items[d.item];
            decision_row(ctx, lang, d.ci, d.mi, item, d.pi)
        })
        .collect()
}

/// Every decision taken up to the day, newest first (then by council and matter).
pub fn decisions(ctx: &Ctx<'_>, lang: &str) -> Vec<DecisionRow> {
    decision_rows(ctx, lang, &decision_order(ctx))
}

fn decision_row(
    ctx: &Ctx<'_>,
    lang: &str,
    ci: usize,
    mi: usize,
    item: &Item,
    pi: usize,
) -> DecisionRow {
    let c = &ctx.site.councils[ci];
    let m = &c.meetings[mi];
    DecisionRow {
        date: m
            .date
            .as_ref()
            .map(|d| d.value.to_string())
            .unwrap_or_default(),
        council: ctx.council_ref(lang, ci),
        matter: ctx.matter_link(lang, ci, pi),
        meeting_url: ctx.url(&Route::Meeting(ci, mi)),
        terms: ctx.terms(lang, item),
    }
}

/// A step of a matter's timeline.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub date: String,
    /// `submitted`, `deliberated`, `decided`, `report`, `withdrawn`.
    pub kind: &'static str,
    pub url: String,
    #[serde(flatten)]
    pub terms: Terms,
    pub status: Option<&'static str>,
    pub progress: Option<u8>,
    pub meeting_title: Option<Text>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MatterView {
    #[serde(flatten)]
    pub row: MatterRow,
    pub proposer: Option<Text>,
    pub channel: &'static str,
    pub category: Option<Text>,
    pub withdrawn_reason: Option<Text>,
    pub timeline: Vec<Step>,
    /// The latest decision, if any.
    pub decision: Option<Step>,
    pub supervisors: Vec<PersonRef>,
    pub source: String,
}

pub fn matter(ctx: &Ctx<'_>, lang: &str, ci: usize, pi: usize) -> Option<MatterView> {
    let row = matter_row(ctx, lang, ci, pi)?;
    let c = &ctx.site.councils[ci];
    let p = &c.proposals[pi];
    let lc = ctx.lifecycle(ci, pi)?;
    let mut timeline = Vec::new();
    let mut decision = None;
    let mut supervisors = Vec::new();
    for e in &lc.events {
        let step = match e.kind {
            EventKind::Submitted => {
                empty_step(e.date, "submitted", ctx.url(&Route::Matter(ci, pi)))
            }
            EventKind::Withdrawn => {
                empty_step(e.date, "withdrawn", ctx.url(&Route::Matter(ci, pi)))
            }
            EventKind::Item { meeting, item } => {
                let m = &c.meetings[meeting];
                let it = &m.items[item];
                let mut s = empty_step(
                    e.date,
                    if it.is_decision() {
                        "decided"
                    } else {
                        "deliberated"
                    },
                    ctx.url(&Route::Meeting(ci, meeting)),
                );
                s.meeting_title = meeting_title(ctx, lang, m);
                if it.is_decision() {
                    s.terms = ctx.terms(lang, it);
                    decision = Some(s.clone());
                    supervisors = it
                        .supervisors
                        .iter()
                        .map(|id| ctx.member_name(lang, c, &id.value))
                        .collect();
                }
                s
            }
            EventKind::Report { report } => {
                let r = &c.reports[report];
                let mut s = empty_step(e.date, "report", ctx.url(&Route::Report(ci, report)));
                s.status = r.status.as_ref().map(|x| x.value.as_str());
                s.progress = r.progress.as_ref().map(|x| x.value);
                s
            }
        };
        timeline.push(step);
    }
    Some(MatterView {
        row,
        proposer: ctx.text(lang, p.proposer.as_ref(), &p.translations, "proposer"),
        channel: p.channel.as_str(),
        category: ctx.text(lang, p.category.as_ref(), &p.translations, "category"),
        withdrawn_reason: if lc.state == State::Withdrawn {
            ctx.text(
                lang,
                p.withdrawn_reason.as_ref(),
                &p.translations,
                "withdrawn_reason",
            )
        } else {
            None
        },
        timeline,
        decision,
        supervisors,
        source: p.meta.source.path.clone(),
    })
}

fn empty_step(date: Date, kind: &'static str, url: String) -> Step {
    Step {
        date: date.to_string(),
        kind,
        url,
        terms: Terms::default(),
        status: None,
        progress: None,
        meeting_title: None,
    }
}

fn meeting_title(ctx: &Ctx<'_>, lang: &str, m: &Meeting) -> Option<Text> {
    ctx.text(lang, m.title.as_ref(), &m.translations, "title")
}

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
    pub members: Vec<MemberView>,
    pub former_members: Vec<MemberView>,
    pub groups: Vec<StateGroup>,
    pub meetings: Vec<MeetingRow>,
    pub overdue: usize,
    pub unanswered: usize,
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
        members,
        former_members: former,
        overdue: rows.iter().filter(|r| r.overdue).count(),
        unanswered: rows.iter().filter(|r| r.unanswered).count(),
        groups,
        meetings,
    }
}

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
    pub guests: Vec<String>,
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
        guests: m.guests.iter().map(|g| g.value.clone()).collect(),
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

#[derive(Clone, Debug, Serialize)]
pub struct Count {
    pub state: &'static str,
    pub count: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Overview {
    pub counts: Vec<Count>,
    pub total: usize,
    pub recent: Vec<DecisionRow>,
    pub overdue: Vec<MatterRow>,
    pub unanswered: Vec<MatterRow>,
    pub councils: Vec<CouncilSummary>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CouncilSummary {
    #[serde(flatten)]
    pub r#ref: CouncilRef,
    pub areas: Vec<AreaRef>,
    pub matters: usize,
    pub open: usize,
    pub overdue: usize,
    pub unanswered: usize,
}

pub fn all_rows(ctx: &Ctx<'_>, lang: &str) -> Vec<MatterRow> {
    let mut rows = Vec::new();
    for (ci, c) in ctx.site.councils.iter().enumerate() {
        for pi in 0..c.proposals.len() {
            rows.extend(matter_row(ctx, lang, ci, pi));
        }
    }
    rows
}

pub fn council_summaries(ctx: &Ctx<'_>, lang: &str) -> Vec<CouncilSummary> {
    ctx.site
        .councils
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let lcs: Vec<&Lifecycle> = ctx.derived.lifecycles[ci].iter().flatten().collect();
            CouncilSummary {
                r#ref: ctx.council_ref(lang, ci),
                areas: areas_above(ctx, lang, &c.key),
                matters: lcs.len(),
                open: lcs.iter().filter(|l| l.state.is_open()).count(),
                overdue: lcs.iter().filter(|l| l.overdue).count(),
                unanswered: lcs.iter().filter(|l| l.unanswered).count(),
            }
        })
        .collect()
}

pub fn overview(ctx: &Ctx<'_>, lang: &str) -> Overview {
    let rows = all_rows(ctx, lang);
    let counts = State::ALL
        .iter()
        .map(|s| Count {
            state: s.as_str(),
            count: rows.iter().filter(|r| r.state == s.as_str()).count(),
        })
        .collect();
    let mut overdue: Vec<MatterRow> = rows.iter().filter(|r| r.overdue).cloned().collect();
    overdue.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.url.cmp(&b.url)));
    let mut unanswered: Vec<MatterRow> = rows.iter().filter(|r| r.unanswered).cloned().collect();
    unanswered.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.url.cmp(&b.url)));
    let order = decision_order(ctx);
    let recent = decision_rows(ctx, lang, &order[..order.len().min(10)]);
    Overview {
        total: rows.len(),
        counts,
        recent,
        overdue,
        unanswered,
        councils: council_summaries(ctx, lang),
    }
}

/// Adopted matters for the supervision page: overdue first (most days late first), then by
/// due date.
pub fn supervision_order(ctx: &Ctx<'_>) -> Vec<(usize, usize)> {
    let mut keyed = Vec::new();
    for (ci, lcs) in ctx.derived.lifecycles.iter().enumerate() {
        for (pi, lc) in lcs.iter().enumerate() {
            let Some(lc) = lc else { continue };
            let supervised = matches!(
                lc.state.as_str(),
                "adopted" | "implementing" | "completed" | "accepted"
            );
            if !supervised || ctx.site.councils[ci].proposals[pi].submitted.is_none() {
                continue;
            }
            let late = lc
                .due
                .filter(|_| lc.overdue)
                .map(|d| (ctx.today - d).get_days());
            let url = ctx.url(&Route::Matter(ci, pi));
            keyed.push(((lc.overdue, late, lc.due, url), (ci, pi)));
        }
    }
    keyed.sort_by(|(a, _), (b, _)| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.cmp(&a.1))
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    keyed.into_iter().map(|(_, m)| m).collect()
}

/// The rows of the matters `at` (council, proposal), in `lang`.
pub fn matter_rows(ctx: &Ctx<'_>, lang: &str, at: &[(usize, usize)]) -> Vec<MatterRow> {
    at.iter()
        .filter_map(|&(ci, pi)| matter_row(ctx, lang, ci, pi))
        .collect()
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
}

pub fn area(ctx: &Ctx<'_>, lang: &str, key: &str) -> Option<AreaView> {
    let a = ctx.site.areas.iter().find(|a| a.key == key)?;
    let under =
        |k: &str| k.len() > key.len() && k.starts_with(key) && k.as_bytes()[key.len()] == b'/';
    let summaries = council_summaries(ctx, lang);
    Some(AreaView {
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
