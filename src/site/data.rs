//! Open data and feeds: `/data/records.json` (exactly the shape of SPEC §7),
//! `/data/decisions.csv`, the Atom feed and the sitemap, and the data dictionary that
//! documents every field.

use minijinja::{Value, context};
use serde::Serialize;

use super::routes::lang_prefix;
use super::views::{self, Ctx};
use super::{Renderer, sv};
use crate::lifecycle::{Event, EventKind};
use crate::model::{Council, Outcome, Proposal};

#[derive(Serialize)]
struct Records<'a> {
    as_of: String,
    councils: Vec<CouncilRecord<'a>>,
    proposals: Vec<ProposalRecord<'a>>,
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
            });
        }
    }
    let records = Records {
        as_of: ctx.today.to_string(),
        councils,
        proposals,
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

/// The columns of `/data/decisions.csv`.
pub const CSV_COLUMNS: [&str; 13] = [
    "date",
    "council",
    "proposal",
    "title",
    "outcome",
    "yes",
    "no",
    "abstain",
    "owner",
    "due",
    "referred_to",
    "meeting_file",
    "url",
];

/// `/data/decisions.csv`: one row per decision, newest first. UTF-8 with a byte-order mark
/// (spreadsheet programs need it to read Chinese); fields that a spreadsheet would take for
/// a formula are prefixed with `'`.
pub fn decisions_csv(ctx: &Ctx<'_>) -> Vec<u8> {
    let lang = ctx.default_lang.clone();
    let mut out = String::from("\u{feff}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for d in views::decisions(ctx, &lang) {
        let c = ctx
            .site
            .council(&d.council.key)
            .expect("decisions name councils");
        let meeting_file = c
            .meetings
            .iter()
            .find(|m| format!("councils/{}/meetings/{}/", c.key, m.meta.stem) == d.meeting_url)
            .map(|m| m.meta.source.path.clone())
            .unwrap_or_default();
        let v = d.terms.votes;
        let row = [
            d.date.clone(),
            d.council.key.clone(),
            d.matter.id.clone(),
            d.matter.title.text.clone(),
            d.terms.outcome.unwrap_or_default().to_string(),
            v.map(|v| v.yes.to_string()).unwrap_or_default(),
            v.map(|v| v.no.to_string()).unwrap_or_default(),
            v.map(|v| v.abstain.to_string()).unwrap_or_default(),
            d.terms.owner.map(|o| o.text).unwrap_or_default(),
            d.terms.due.unwrap_or_default(),
            d.terms.referred_to.map(|r| r.text).unwrap_or_default(),
            meeting_file,
            d.matter.url.clone(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A field of the open data, for the data dictionary page. `key` names its description in
/// the theme's strings (`t.data.fields[key]`).
#[derive(Serialize)]
pub struct Field {
    pub file: &'static str,
    pub name: &'static str,
    pub r#type: &'static str,
    pub key: &'static str,
}

pub fn dictionary() -> Vec<Field> {
    let f = |file, name, r#type, key| Field {
        file,
        name,
        r#type,
        key,
    };
    let mut out = vec![
        f("records.json", "as_of", "date", "as_of"),
        f("records.json", "councils[].key", "string", "council_key"),
        f("records.json", "councils[].name", "string", "council_name"),
        f(
            "records.json",
            "councils[].members[].id",
            "string",
            "member_id",
        ),
        f(
            "records.json",
            "councils[].members[].name",
            "string",
            "member_name",
        ),
        f(
            "records.json",
            "councils[].members[].roles",
            "[string]",
            "member_roles",
        ),
        f(
            "records.json",
            "councils[].members[].from",
            "date",
            "member_from",
        ),
        f(
            "records.json",
            "councils[].members[].to",
            "date | null",
            "member_to",
        ),
        f(
            "records.json",
            "proposals[].council",
            "string",
            "proposal_council",
        ),
        f("records.json", "proposals[].id", "string", "proposal_id"),
        f(
            "records.json",
            "proposals[].title",
            "string",
            "proposal_title",
        ),
        f(
            "records.json",
            "proposals[].submitted",
            "date",
            "proposal_submitted",
        ),
        f(
            "records.json",
            "proposals[].state",
            "string",
            "proposal_state",
        ),
        f(
            "records.json",
            "proposals[].overdue",
            "boolean",
            "proposal_overdue",
        ),
        f(
            "records.json",
            "proposals[].unanswered",
            "boolean",
            "proposal_unanswered",
        ),
        f(
            "records.json",
            "proposals[].due",
            "date | null",
            "proposal_due",
        ),
        f(
            "records.json",
            "proposals[].progress",
            "integer | null",
            "proposal_progress",
        ),
        f(
            "records.json",
            "proposals[].events[].date",
            "date",
            "event_date",
        ),
        f(
            "records.json",
            "proposals[].events[].kind",
            "string",
            "event_kind",
        ),
        f(
            "records.json",
            "proposals[].events[].file",
            "string",
            "event_file",
        ),
        f(
            "records.json",
            "proposals[].events[].outcome",
            "string",
            "event_outcome",
        ),
        f(
            "records.json",
            "proposals[].events[].status",
            "string",
            "event_status",
        ),
        f(
            "records.json",
            "proposals[].events[].progress",
            "integer",
            "event_progress",
        ),
    ];
    for c in CSV_COLUMNS {
        let ty = match c {
            "date" | "due" => "date",
            "yes" | "no" | "abstain" => "integer",
            _ => "string",
        };
        out.push(Field {
            file: "decisions.csv",
            name: c,
            r#type: ty,
            key: csv_key(c),
        });
    }
    out
}

fn csv_key(c: &str) -> &'static str {
    match c {
        "date" => "csv_date",
        "council" => "csv_council",
        "proposal" => "csv_proposal",
        "title" => "csv_title",
        "outcome" => "csv_outcome",
        "yes" => "csv_yes",
        "no" => "csv_no",
        "abstain" => "csv_abstain",
        "owner" => "csv_owner",
        "due" => "csv_due",
        "referred_to" => "csv_referred_to",
        "meeting_file" => "csv_meeting_file",
        _ => "csv_url",
    }
}

#[derive(Serialize)]
struct FeedEntry {
    id: String,
    url: String,
    date: String,
    kind: &'static str,
    title: String,
    council: String,
    outcome: Option<&'static str>,
}

/// The Atom feed: new matters and decisions, newest first (at most 100 entries).
pub fn feed(r: &Renderer<'_>) -> Value {
    let ctx = &r.ctx;
    let lang = ctx.default_lang.clone();
    let base = r.base_url();
    let mut entries = Vec::new();
    for row in views::all_rows(ctx, &lang) {
        entries.push(FeedEntry {
            id: format!("{base}{}#submitted", row.url),
            url: format!("{base}{}", row.url),
            date: row.submitted.clone(),
            kind: "submitted",
            title: row.title.text.clone(),
            council: row.council.name.text.clone(),
            outcome: None,
        });
    }
    for d in views::decisions(ctx, &lang) {
        entries.push(FeedEntry {
            id: format!("{base}{}#decided-{}", d.matter.url, d.date),
            url: format!("{base}{}", d.matter.url),
            date: d.date.clone(),
            kind: "decided",
            title: d.matter.title.text.clone(),
            council: d.council.name.text.clone(),
            outcome: d.terms.outcome,
        });
    }
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    entries.truncate(100);
    let updated = entries
        .first()
        .map(|e| e.date.clone())
        .unwrap_or_else(|| ctx.today.to_string());
    let title = ctx
        .site
        .config
        .title
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_default();
    context! {
        t => r.strings_of(&lang),
        lang => lang,
        base_url => base,
        title => title,
        description => ctx.site.config.description.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
        updated => updated,
        entries => sv(&entries),
    }
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    alternates: Vec<(String, String)>,
}

/// URLs in one sitemap file. The protocol allows 50,000 (and 50 MB); smaller files keep
/// each one quick to fetch and the build's memory low.
pub const SITEMAP_URLS: usize = 10_000;

/// How many sitemap files hold the URLs: 0 when `/sitemap.xml` holds them all, otherwise
/// `/sitemap.xml` is an index of `/sitemap-1.xml` … `/sitemap-<n>.xml`.
pub fn sitemap_parts(r: &Renderer<'_>) -> usize {
    let languages = r.ctx.site.config.languages.len().max(1);
    let paths = r.sitemap_paths().len();
    if paths * languages <= r.sitemap_limit {
        0
    } else {
        paths.div_ceil(paths_per_part(r))
    }
}

/// Pages per sitemap file: each page gives one URL per language.
fn paths_per_part(r: &Renderer<'_>) -> usize {
    (r.sitemap_limit / r.ctx.site.config.languages.len().max(1)).max(1)
}

/// The sitemap: every page in every language, with its alternates. `part` is `None` for
/// `/sitemap.xml` (all URLs, or the index of the parts when there are parts) and `Some(k)`
/// for `/sitemap-<k>.xml`.
pub fn sitemap(r: &Renderer<'_>, part: Option<usize>) -> Value {
    let base = r.base_url();
    let paths = r.sitemap_paths();
    let parts = sitemap_parts(r);
    let pages: &[String] = match part {
        None if parts > 0 => {
            let parts: Vec<String> = (1..=parts)
                .map(|k| format!("{base}sitemap-{k}.xml"))
                .collect();
            let urls: Vec<SitemapUrl> = Vec::new();
            return context! { urls => sv(&urls), parts => sv(&parts) };
        }
        None => paths,
        Some(k) => {
            let per = paths_per_part(r);
            let start = (k.saturating_sub(1) * per).min(paths.len());
            &paths[start..(start + per).min(paths.len())]
        }
    };
    let languages = &r.ctx.site.config.languages;
    let mut urls = Vec::with_capacity(pages.len() * languages.len());
    for path in pages {
        let alternates: Vec<(String, String)> = languages
            .iter()
            .map(|l| {
                (
                    l.clone(),
                    format!("{base}{}{path}", lang_prefix(l, &r.ctx.default_lang)),
                )
            })
            .collect();
        for (_, loc) in &alternates {
            urls.push(SitemapUrl {
                loc: loc.clone(),
                alternates: if alternates.len() > 1 {
                    alternates.clone()
                } else {
                    Vec::new()
                },
            });
        }
    }
    let parts: Vec<String> = Vec::new();
    context! { urls => sv(&urls), parts => sv(&parts) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-5"), "-5");
        assert_eq!(csv_cell("居委会"), "居委会");
    }

    fn locs(xml: &[u8]) -> Vec<String> {
        let xml = std::str::from_utf8(xml).unwrap();
        xml.split("<loc>")
            .skip(1)
            .map(|s| s.split("</loc>").next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_large_sitemap_is_split_into_parts_behind_an_index() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let checked = crate::check::check(&crate::check::CheckOptions {
            path: root,
            today: Some(jiff::civil::date(2022, 10, 1)),
        })
        .unwrap();
        let look = super::super::Look::load(&checked.site).unwrap();
        let derived = super::super::Derived::new(&checked.site, &checked.timelines, checked.today);
        let whole = Renderer::new(&checked.site, &derived, &look, checked.today, None);
        let all = whole.data_files();
        assert_eq!(sitemap_parts(&whole), 0);
        let sitemap = all.iter().find(|f| f.path == "sitemap.xml").unwrap();
        let every = locs(&whole.file_bytes(sitemap).unwrap());
        assert!(every.len() > 20, "{every:?}");

        let mut split = Renderer::new(&checked.site, &derived, &look, checked.today, None);
        split.sitemap_limit = 5;
        let files = split.data_files();
        let parts = sitemap_parts(&split);
        assert_eq!(
            parts,
            every.len().div_ceil(4),
            "two languages: 2 pages, 4 URLs a part"
        );
        let index = files.iter().find(|f| f.path == "sitemap.xml").unwrap();
        let index = split.file_bytes(index).unwrap();
        assert!(
            std::str::from_utf8(&index)
                .unwrap()
                .contains("<sitemapindex")
        );
        let listed: Vec<String> = (1..=parts)
            .map(|k| format!("https://example.org/sitemap-{k}.xml"))
            .collect();
        assert_eq!(locs(&index), listed);
        let mut joined = Vec::new();
        for k in 1..=parts {
            let part = files
                .iter()
                .find(|f| f.path == format!("sitemap-{k}.xml"))
                .unwrap();
            let urls = locs(&split.file_bytes(part).unwrap());
            assert!(!urls.is_empty() && urls.len() <= 5, "part {k}: {urls:?}");
            joined.extend(urls);
        }
        assert_eq!(joined, every);
    }
}
