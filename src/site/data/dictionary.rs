//! The data dictionary: every field of the open data, with the key of its description in the
//! theme's strings.

use serde::Serialize;

use super::CSV_COLUMNS;

/// A field of the open data, for the data dictionary page. `key` names its description in
/// the theme's strings (`t.data.fields[key]`).
#[derive(Serialize)]
pub struct Field {
    pub file: &'static str,
    pub name: &'static str,
    pub r#type: &'static str,
    pub key: &'static str,
}

/// The fields of records.json: name, type, key of the description.
const RECORDS: &[(&str, &str, &str)] = &[
    ("as_of", "date", "as_of"),
    ("councils[].key", "string", "council_key"),
    ("councils[].name", "string", "council_name"),
    ("councils[].members[].id", "string", "member_id"),
    ("councils[].members[].name", "string", "member_name"),
    ("councils[].members[].roles", "[string]", "member_roles"),
    ("councils[].members[].from", "date", "member_from"),
    ("councils[].members[].to", "date | null", "member_to"),
    ("proposals[].council", "string", "proposal_council"),
    ("proposals[].id", "string", "proposal_id"),
    ("proposals[].title", "string", "proposal_title"),
    ("proposals[].submitted", "date", "proposal_submitted"),
    ("proposals[].state", "string", "proposal_state"),
    ("proposals[].overdue", "boolean", "proposal_overdue"),
    ("proposals[].unanswered", "boolean", "proposal_unanswered"),
    ("proposals[].due", "date | null", "proposal_due"),
    (
        "proposals[].progress",
        "integer | null",
        "proposal_progress",
    ),
    ("proposals[].channel", "string", "proposal_channel"),
    ("proposals[].track", "string | null", "proposal_track"),
    (
        "proposals[].referred_to",
        "string | null",
        "proposal_referred_to",
    ),
    (
        "proposals[].continues",
        "string | null",
        "proposal_continues",
    ),
    (
        "proposals[].continued_as",
        "string | null",
        "proposal_continued_as",
    ),
    ("proposals[].chain_state", "string", "proposal_chain_state"),
    ("proposals[].feedback", "string | null", "proposal_feedback"),
    ("proposals[].events[].date", "date", "event_date"),
    ("proposals[].events[].kind", "string", "event_kind"),
    ("proposals[].events[].file", "string", "event_file"),
    ("proposals[].events[].outcome", "string", "event_outcome"),
    (
        "proposals[].events[].referred_to",
        "string",
        "event_referred_to",
    ),
    ("proposals[].events[].status", "string", "event_status"),
    ("proposals[].events[].progress", "integer", "event_progress"),
    ("proposals[].events[].due", "date", "event_due"),
    (
        "proposals[].events[].satisfaction",
        "string",
        "event_satisfaction",
    ),
    ("indicators.site", "object", "indicators_site"),
    ("indicators.areas.<area>", "object", "indicators_areas"),
    ("indicators.councils.<key>", "object", "indicators_councils"),
    ("version", "integer", "version"),
    ("languages", "[string]", "languages"),
    (
        "lifecycle.response_days",
        "integer",
        "lifecycle_response_days",
    ),
    ("lifecycle.filing_days", "integer", "lifecycle_filing_days"),
    (
        "lifecycle.feedback_days",
        "integer",
        "lifecycle_feedback_days",
    ),
    (
        "lifecycle.supervision_days",
        "integer",
        "lifecycle_supervision_days",
    ),
    ("lifecycle.notice_days", "integer", "lifecycle_notice_days"),
    ("areas[].key", "string", "area_key"),
    ("areas[].name", "string", "area_name"),
    ("areas[].kind", "string", "area_kind"),
];

/// The fields of each indicators object (SPEC §8), with their definitions.
const INDICATORS: &[(&str, &str, &str)] = &[
    ("matters", "integer", "ind_matters"),
    ("by_state", "{state: integer}", "ind_by_state"),
    ("by_channel", "{channel: integer}", "ind_by_channel"),
    ("by_track", "{track: integer}", "ind_by_track"),
    (
        "response_days_median",
        "integer | null",
        "ind_response_days_median",
    ),
    ("answered_on_time", "{n, of}", "ind_answered_on_time"),
    ("completed_on_time", "{n, of}", "ind_completed_on_time"),
    ("supervised", "{n, of}", "ind_supervised"),
    ("feedback_given", "{n, of}", "ind_feedback_given"),
    (
        "satisfaction",
        "{satisfaction: integer}",
        "ind_satisfaction",
    ),
    ("overdue", "integer", "ind_overdue"),
    ("unanswered", "integer", "ind_unanswered"),
];

/// Every field of the open data: records.json, its indicators objects, decisions.csv.
pub fn dictionary() -> Vec<Field> {
    let table = |file, rows: &'static [(&'static str, &'static str, &'static str)]| {
        rows.iter().map(move |&(name, r#type, key)| Field {
            file,
            name,
            r#type,
            key,
        })
    };
    let mut out: Vec<Field> = table("records.json", RECORDS)
        .chain(table("indicators", INDICATORS))
        .collect();
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
        "track" => "csv_track",
        _ => "csv_url",
    }
}
