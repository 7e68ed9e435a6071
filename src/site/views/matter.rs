//! The view of one matter: its timeline from submission on, with every event linked; the
//! chain of councils it went through (SPEC §8) and its latest return visit.

use jiff::civil::Date;
use serde::Serialize;

use super::*;
use crate::lifecycle::{EventKind, State};
use crate::model::Meeting;
use crate::site::routes::Route;

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
    /// For a return visit: the residents' satisfaction.
    pub satisfaction: Option<&'static str>,
}

/// A matter of a chain, as the matter page lists it.
#[derive(Clone, Debug, Serialize)]
pub struct ChainStep {
    pub council: CouncilRef,
    pub level: &'static str,
    pub matter: MatterLink,
    pub state: &'static str,
    /// The matter whose page this is.
    pub current: bool,
}

/// The councils a matter went through, and where it went when it left them.
#[derive(Clone, Debug, Serialize)]
pub struct ChainView {
    pub steps: Vec<ChainStep>,
    /// The state of the chain's last matter: where the matter is now.
    pub state: &'static str,
    /// Where the last matter was referred, when nobody of the site has recorded it there
    /// (an outside body, or a council that has not taken it up yet).
    pub onward: Option<Text>,
    /// That council, when it is one of the site.
    pub onward_council: Option<CouncilRef>,
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
    pub track: Option<&'static str>,
    /// Shown when the matter moved on or came from another council.
    pub chain: Option<ChainView>,
    /// The latest return visit.
    pub feedback: Option<FeedbackView>,
}

pub fn matter(ctx: &Ctx<'_>, lang: &str, ci: usize, pi: usize) -> Option<MatterView> {
    let row = matter_row(ctx, lang, ci, pi)?;
    let c = &ctx.site.councils[ci];
    let p = &c.proposals[pi];
    let lc = ctx.lifecycle(ci, pi)?;
    let mut timeline = Vec::new();
    let mut decision = None;
    let mut supervisors = Vec::new();
    let mut latest_visit = None;
    for e in &lc.events {
        let step = match e.kind {
            EventKind::Feedback { feedback: fi } => {
                let f = &c.feedback[fi];
                let mut s = empty_step(e.date, "feedback", ctx.url(&Route::Feedback(ci, fi)));
                s.satisfaction = f.satisfaction.as_ref().map(|x| x.value.as_str());
                latest_visit = Some(fi);
                s
            }
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
        track: ctx
            .derived
            .chains
            .chain(ci, pi)
            .and_then(|c| c.track)
            .map(|t| t.as_str()),
        chain: chain(ctx, lang, ci, pi),
        feedback: latest_visit.and_then(|fi| feedback(ctx, lang, ci, fi)),
    })
}

/// The chain of matter `pi` of council `ci`, when it has more than this matter or was
/// referred on.
fn chain(ctx: &Ctx<'_>, lang: &str, ci: usize, pi: usize) -> Option<ChainView> {
    let chain = ctx.derived.chains.chain(ci, pi)?;
    let &(lc_i, lp_i) = chain.matters.last()?;
    let last = ctx.lifecycle(lc_i, lp_i)?;
    let onward = last.decision.and_then(|(m, i)| {
        let item = &ctx.site.councils[lc_i].meetings[m].items[i];
        (item.outcome.as_deref() == Some(&crate::model::Outcome::Referred))
            .then(|| {
                ctx.text(
                    lang,
                    item.referred_to.as_ref(),
                    &item.translations,
                    "referred_to",
                )
            })
            .flatten()
            .map(|text| {
                let council = item
                    .referred_to
                    .as_ref()
                    .and_then(|r| {
                        ctx.site
                            .councils
                            .iter()
                            .position(|c| c.key == r.value.trim())
                    })
                    .map(|cj| ctx.council_ref(lang, cj));
                (text, council)
            })
    });
    if chain.matters.len() < 2 && onward.is_none() {
        return None;
    }
    let steps = chain
        .matters
        .iter()
        .filter_map(|&(cj, pj)| {
            Some(ChainStep {
                council: ctx.council_ref(lang, cj),
                level: ctx.site.councils[cj].level.as_str(),
                matter: ctx.matter_link(lang, cj, pj),
                state: ctx.lifecycle(cj, pj)?.state.as_str(),
                current: (cj, pj) == (ci, pi),
            })
        })
        .collect();
    let (onward, onward_council) = match onward {
        Some((t, c)) => (Some(t), c),
        None => (None, None),
    };
    Some(ChainView {
        steps,
        state: chain.state.as_str(),
        onward,
        onward_council,
    })
}

pub(crate) fn empty_step(date: Date, kind: &'static str, url: String) -> Step {
    Step {
        date: date.to_string(),
        kind,
        url,
        terms: Terms::default(),
        status: None,
        progress: None,
        meeting_title: None,
        satisfaction: None,
    }
}

pub(crate) fn meeting_title(ctx: &Ctx<'_>, lang: &str, m: &Meeting) -> Option<Text> {
    ctx.text(lang, m.title.as_ref(), &m.translations, "title")
}
