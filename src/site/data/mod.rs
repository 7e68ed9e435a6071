//! Open data and feeds: `/data/records.json` (exactly the shape of SPEC §7 and §8), and in
//! their own modules `/data/decisions.csv`, the Atom feed and the sitemap, and the data
//! dictionary that documents every field.

mod csv;
mod dictionary;
mod feeds;

pub use csv::{CSV_COLUMNS, decisions_csv};
pub use dictionary::{Field, dictionary};
pub use feeds::{SITEMAP_URLS, feed, sitemap, sitemap_parts};

use serde::Serialize;

use super::views::Ctx;
use std::collections::BTreeMap;

use crate::indicators::Indicators;
use crate::lifecycle::{Event, EventKind, chain};
use crate::model::{Council, Outcome, Proposal};

#[derive(Serialize)]
struct Records<'a> {
    as_of: String,
    councils: Vec<CouncilRecord<'a>>,
    proposals: Vec<ProposalRecord<'a>>,
    indicators: IndicatorsRecord<'a>,
    /// The format of this file ([`RECORDS_VERSION`]): a harvester (`council aggregate`)
    /// refuses a version it does not know.
    version: u32,
    /// site.toml `languages`: the first is the language of the records' text.
    languages: &'a [String],
    /// site.toml `[lifecycle]`: the days the flags and the indicators are judged by, so that
    /// a harvester computes them as the street does.
    lifecycle: LifecycleRecord,
    /// The areas (folders with area.toml) by path, with their names.
    areas: Vec<AreaRecord<'a>>,
}

/// The format of records.json. 2: SPEC v2 (§7, §8), with `version`, `languages`,
/// `lifecycle`, `areas` and the `due` of adopting decisions.
pub const RECORDS_VERSION: u32 = 2;

#[derive(Serialize)]
struct LifecycleRecord {
    response_days: i64,
    filing_days: i64,
    feedback_days: i64,
    supervision_days: i64,
    notice_days: i64,
}

#[derive(Serialize)]
struct AreaRecord<'a> {
    key: &'a str,
    name: &'a str,
    kind: &'static str,
}

/// SPEC §8: the indicators of the site, of every area and of every council.
#[derive(Serialize)]
struct IndicatorsRecord<'a> {
    site: &'a Indicators,
    areas: &'a BTreeMap<String, Indicators>,
    councils: &'a BTreeMap<String, Indicators>,
}

#[derive(Serialize)]
struct CouncilRecord<'a> {
    key: &'a str,
    name: &'a str,
    members: Vec<MemberRecord<'a>>,
}

#[derive(Serialize)]
struct MemberRecord<'a> {
    id: &'a str,
    name: &'a str,
    roles: Vec<&'static str>,
    from: Option<String>,
    to: Option<String>,
}

#[derive(Serialize)]
struct ProposalRecord<'a> {
    council: &'a str,
    id: &'a str,
    title: &'a str,
    submitted: String,
    state: &'static str,
    overdue: bool,
    unanswered: bool,
    due: Option<String>,
    progress: Option<u8>,
    events: Vec<EventRecord<'a>>,
    channel: &'static str,
    track: Option<&'static str>,
    referred_to: Option<&'a str>,
    continues: Option<&'a str>,
    continued_as: Option<String>,
    chain_state: &'static str,
    feedback: Option<&'static str>,
}

#[derive(Serialize)]
struct EventRecord<'a> {
    date: String,
    kind: &'static str,
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    referred_to: Option<&'a str>,
    /// The deadline an adopting decision set.
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    satisfaction: Option<&'static str>,
}

/// `/data/records.json`: every council, its members (never their `git` addresses or keys),
/// and every proposal published as of the day with its derived lifecycle and events.
pub fn records_json(ctx: &Ctx<'_>) -> Vec<u8> {
    let site = ctx.site;
    let councils = site
        .councils
        .iter()
        .map(|c| CouncilRecord {
            key: &c.key,
            name: c.name.as_ref().map(|n| n.value.as_str()).unwrap_or(""),
            members: c
                .members
                .iter()
                .map(|m| MemberRecord {
                    id: m.id(),
                    name: m.name.as_ref().map(|n| n.value.as_str()).unwrap_or(""),
                    roles: m.roles.iter().map(|r| r.as_str()).collect(),
                    from: m.from.as_ref().map(|d| d.value.to_string()),
                    to: m.to.as_ref().map(|d| d.value.to_string()),
                })
                .collect(),
        })
        .collect();
    let mut proposals = Vec::new();
    for (ci, c) in site.councils.iter().enumerate() {
        for (pi, p) in c.proposals.iter().enumerate() {
            let Some(lc) = ctx.lifecycle(ci, pi) else {
                continue;
            };
            let events = lc.events.iter().map(|e| event_record(c, p, e)).collect();
            let chains = &ctx.derived.chains;
            let chain = chains.chain(ci, pi);
            proposals.push(ProposalRecord {
                council: &c.key,
                id: p.id(),
                title: p.title.as_ref().map(|t| t.value.as_str()).unwrap_or(""),
                submitted: p
                    .submitted
                    .as_ref()
                    .map(|s| s.value.to_string())
                    .unwrap_or_default(),
                state: lc.state.as_str(),
                overdue: lc.overdue,
                unanswered: lc.unanswered,
                due: lc.due.map(|d| d.to_string()),
                progress: lc.progress,
                events,
                channel: p.channel.as_str(),
                track: chain.and_then(|c| c.track).map(|t| t.as_str()),
                referred_to: chain::referred_to(site, ci, lc),
                continues: p.referred_from.as_ref().map(|r| r.value.as_str()),
                continued_as: chains.continued_as(ci, pi).map(|(cj, pj)| {
                    format!(
                        "{}/{}",
                        site.councils[cj].key,
                        site.councils[cj].proposals[pj].id()
                    )
                }),
                chain_state: chain.map(|c| c.state).unwrap_or(lc.state).as_str(),
                feedback: lc.feedback.map(|f| f.as_str()),
            });
        }
    }
    let all = &ctx.derived.indicators;
    let records = Records {
        as_of: ctx.today.to_string(),
        councils,
        proposals,
        indicators: IndicatorsRecord {
            site: &all.site,
            areas: &all.areas,
            councils: &all.councils,
        },
        version: RECORDS_VERSION,
        languages: &site.config.languages,
        lifecycle: LifecycleRecord {
            response_days: site.config.response_days,
            filing_days: site.config.filing_days,
            feedback_days: site.config.feedback_days,
            supervision_days: site.config.supervision_days,
            notice_days: site.config.notice_days,
        },
        areas: site
            .areas
            .iter()
            .map(|a| AreaRecord {
                key: &a.key,
                name: a.name.as_ref().map(|n| n.value.as_str()).unwrap_or(""),
                kind: a.kind.as_str(),
            })
            .collect(),
    };
    json_bytes(&records)
}

/// One event of a matter, as records.json publishes it.
fn event_record<'a>(c: &'a Council, p: &'a Proposal, e: &Event) -> EventRecord<'a> {
    let record = |kind, file| EventRecord {
        date: e.date.to_string(),
        kind,
        file,
        outcome: None,
        status: None,
        progress: None,
        referred_to: None,
        due: None,
        satisfaction: None,
    };
    match e.kind {
        EventKind::Submitted => record("submitted", &p.meta.source.path),
        EventKind::Withdrawn => record("withdrawn", &p.meta.source.path),
        EventKind::Item { meeting, item } => {
            let m = &c.meetings[meeting];
            let it = &m.items[item];
            if !it.is_decision() {
                return record("deliberated", &m.meta.source.path);
            }
            let outcome = it.outcome.as_ref().map(|o| o.value);
            EventRecord {
                outcome: outcome.map(|o| o.as_str()),
                referred_to: it
                    .referred_to
                    .as_ref()
                    .filter(|_| outcome == Some(Outcome::Referred))
                    .map(|r| r.value.as_str()),
                due: it
                    .due
                    .as_ref()
                    .filter(|_| outcome == Some(Outcome::Adopted))
                    .map(|d| d.value.to_string()),
                ..record("decided", &m.meta.source.path)
            }
        }
        EventKind::Report { report } => {
            let r = &c.reports[report];
            EventRecord {
                status: r.status.as_ref().map(|s| s.value.as_str()),
                progress: r.progress.as_ref().map(|x| x.value),
                ..record("report", &r.meta.source.path)
            }
        }
        EventKind::Feedback { feedback } => {
            let f = &c.feedback[feedback];
            EventRecord {
                satisfaction: f.satisfaction.as_ref().map(|s| s.value.as_str()),
                ..record("feedback", &f.meta.source.path)
            }
        }
    }
}

/// Pretty JSON with `<`, `>` and `&` written as `\u003c`, `\u003e` and `\u0026`: the same
/// data, but nothing in it can be taken for markup if a page ever embeds it.
pub fn json_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    let s = serde_json::to_string_pretty(value).expect("data serialises");
    let mut out = String::with_capacity(s.len() + 1);
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out.push('\n');
    out.into_bytes()
}
