//! What a street publishes, read back: `data/records.json` (SPEC §7, §8) and the parts of
//! `data/manifest.json` a city records (the commit, the day, the address). Every field is
//! untrusted: a value outside its set makes the file "does not parse", never a guess.
//!
//! [`facts`] rebuilds a matter's [`Facts`] from its published events exactly as
//! `indicators::facts` makes them from the records, so that a city's indicators of a street
//! are the street's own (a test holds the two together).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::indicators::Facts;
use crate::lifecycle::State;
use crate::lifecycle::chain::Track;
use crate::model::{Channel, Satisfaction};

/// The records.json versions this council reads: 2 (and files written before `version`
/// existed, which have none).
pub const KNOWN_VERSIONS: &[u32] = &[2];

/// SPEC §3 defaults, for a street whose records.json predates `lifecycle`.
pub const DEFAULT_LIMITS: Limits = Limits {
    response_days: 30,
    feedback_days: 30,
    supervision_days: 60,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Limits {
    pub response_days: i64,
    pub feedback_days: i64,
    pub supervision_days: i64,
}

#[derive(Debug, Deserialize)]
pub struct Records {
    pub as_of: Date,
    #[serde(default)]
    pub version: Option<u32>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub lifecycle: Option<Limits>,
    #[serde(default)]
    pub areas: Vec<AreaRecord>,
    pub councils: Vec<CouncilRecord>,
    pub proposals: Vec<ProposalRecord>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AreaRecord {
    pub key: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct CouncilRecord {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub members: Vec<MemberRecord>,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct MemberRecord {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub roles: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// A matter, in the order and with the names of records.json.
#[derive(Debug, Deserialize, Serialize)]
pub struct ProposalRecord {
    pub council: String,
    pub id: String,
    pub title: String,
    pub submitted: Date,
    pub state: String,
    pub overdue: bool,
    pub unanswered: bool,
    pub due: Option<Date>,
    pub progress: Option<u8>,
    pub events: Vec<EventRecord>,
    #[serde(default = "other")]
    pub channel: String,
    #[serde(default)]
    pub track: Option<String>,
    #[serde(default)]
    pub referred_to: Option<String>,
    #[serde(default)]
    pub continues: Option<String>,
    #[serde(default)]
    pub continued_as: Option<String>,
    #[serde(default)]
    pub chain_state: Option<String>,
    #[serde(default)]
    pub feedback: Option<String>,
}

fn other() -> String {
    "other".into()
}

#[derive(Debug, Deserialize, Serialize)]
pub struct EventRecord {
    pub date: Date,
    pub kind: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referred_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<String>,
}

/// The parts of `data/manifest.json` a city records.
#[derive(Clone, Debug, Deserialize)]
pub struct Manifest {
    #[serde(default)]
    pub generator: String,
    pub commit: Option<String>,
    pub as_of: Date,
    pub base_url: String,
}

/// Why a published file cannot be used.
#[derive(Debug)]
pub enum Unreadable {
    /// Not JSON of the expected shape (serde's words: line, column, what was expected).
    Parse(String),
    /// A `version` this council does not know.
    Version(u32),
    /// A value outside its set (a state, a channel…).
    Value { field: &'static str, value: String },
}

impl Records {
    /// Reads records.json: its shape, its version, and every coded value of every matter.
    pub fn parse(bytes: &[u8]) -> Result<Records, Unreadable> {
        // The version first, so that a future format is named as such, not as a parse error.
        #[derive(Deserialize)]
        struct Head {
            #[serde(default)]
            version: Option<serde_json::Value>,
        }
        if let Ok(head) = serde_json::from_slice::<Head>(bytes)
            && let Some(v) = head.version
        {
            match v.as_u64() {
                Some(n) if KNOWN_VERSIONS.contains(&(n as u32)) && n <= u32::MAX as u64 => {}
                Some(n) => return Err(Unreadable::Version(n.min(u32::MAX as u64) as u32)),
                None => {
                    return Err(Unreadable::Value {
                        field: "version",
                        value: v.to_string(),
                    });
                }
            }
        }
        let records: Records =
            serde_json::from_slice(bytes).map_err(|e| Unreadable::Parse(e.to_string()))?;
        for p in &records.proposals {
            p.check()?;
        }
        Ok(records)
    }

    pub fn limits(&self) -> Limits {
        self.lifecycle.unwrap_or(DEFAULT_LIMITS)
    }
}

impl Manifest {
    pub fn parse(bytes: &[u8]) -> Result<Manifest, Unreadable> {
        serde_json::from_slice(bytes).map_err(|e| Unreadable::Parse(e.to_string()))
    }
}

fn bad(field: &'static str, value: &str) -> Unreadable {
    Unreadable::Value {
        field,
        value: value.chars().take(40).collect(),
    }
}

impl ProposalRecord {
    fn check(&self) -> Result<(), Unreadable> {
        State::parse(&self.state).ok_or_else(|| bad("state", &self.state))?;
        Channel::parse(&self.channel).ok_or_else(|| bad("channel", &self.channel))?;
        if let Some(t) = &self.track {
            Track::parse(t).ok_or_else(|| bad("track", t))?;
        }
        if let Some(f) = &self.feedback {
            Satisfaction::parse(f).ok_or_else(|| bad("feedback", f))?;
        }
        if !crate::model::is_key(&self.council) || !crate::model::is_id(&self.id) {
            return Err(bad("id", &format!("{}/{}", self.council, self.id)));
        }
        for e in &self.events {
            let known = matches!(
                e.kind.as_str(),
                "submitted" | "deliberated" | "decided" | "report" | "withdrawn" | "feedback"
            );
            if !known {
                return Err(bad("events[].kind", &e.kind));
            }
        }
        Ok(())
    }

    pub fn state(&self) -> State {
        State::parse(&self.state).unwrap_or(State::Submitted)
    }
}

fn days(from: Date, to: Date) -> i64 {
    (to - from).get_days() as i64
}

/// The facts of a published matter as of `t` (the street's `as_of`), by the street's limits:
/// the same walk over the same events as `lifecycle::derive` and `indicators::facts`.
pub fn facts(p: &ProposalRecord, limits: &Limits, t: Date) -> Facts {
    let state = p.state();
    let submitted = p.submitted;
    let first_item = p
        .events
        .iter()
        .find(|e| matches!(e.kind.as_str(), "deliberated" | "decided"))
        .map(|e| e.date);
    let answered_on_time = match first_item {
        Some(d) => Some(days(submitted, d) <= limits.response_days),
        None if state != State::Withdrawn && days(submitted, t) > limits.response_days => {
            Some(false)
        }
        None => None,
    };
    // The latest decision and, when it adopted the matter, its date and deadline; the
    // reports after it, and the day the matter became final at its council.
    let mut decision: Option<(Date, &str, Option<Date>)> = None;
    let mut accepted = false;
    let mut final_date: Option<Date> = None;
    let mut visited = false;
    for e in &p.events {
        match e.kind.as_str() {
            "decided" => {
                let Some(outcome) = e.outcome.as_deref() else {
                    continue;
                };
                decision = Some((e.date, outcome, e.due));
                match outcome {
                    "adopted" => accepted = false,
                    "rejected" | "referred" => final_date = final_date.or(Some(e.date)),
                    _ => {}
                }
            }
            "report"
                if matches!(decision, Some((_, "adopted", _)))
                    && e.status.as_deref() == Some("accepted")
                    && !accepted =>
            {
                accepted = true;
                final_date = final_date.or(Some(e.date));
            }
            "withdrawn" => final_date = final_date.or(Some(e.date)),
            "feedback" => visited = true,
            _ => {}
        }
    }
    let adoption = match decision {
        // Streets that predate the event's `due` publish the matter's own.
        Some((date, "adopted", due)) => Some((date, due.or(p.due))),
        _ => None,
    };
    let mut done = None;
    let mut last_report = None;
    if let Some((adopted, _)) = adoption {
        for e in p.events.iter().filter(|e| e.kind == "report") {
            if e.date >= adopted {
                last_report = Some(e.date);
                let finished = matches!(e.status.as_deref(), Some("completed" | "accepted"));
                if finished && done.is_none() {
                    done = Some(e.date);
                }
            }
        }
    }
    let completed_on_time = match adoption {
        Some((_, Some(due))) if due <= t || done.is_some() => Some(done.is_some_and(|d| d <= due)),
        _ => None,
    };
    let supervised = match adoption {
        Some((adopted, _))
            if matches!(state, State::Adopted | State::Implementing)
                && days(adopted, t) > limits.supervision_days =>
        {
            Some(last_report.is_some_and(|d| days(d, t) < limits.supervision_days))
        }
        _ => None,
    };
    let feedback_given = final_date
        .filter(|_| state.is_final())
        .filter(|f| days(*f, t) > limits.feedback_days)
        .map(|_| visited);
    Facts {
        state,
        channel: Channel::parse(&p.channel).unwrap_or(Channel::Other),
        track: p.track.as_deref().and_then(Track::parse),
        submitted,
        response_days: first_item.map(|d| days(submitted, d)),
        answered_on_time,
        completed_on_time,
        supervised,
        feedback_given,
        satisfaction: p.feedback.as_deref().and_then(Satisfaction::parse),
        overdue: p.overdue,
        unanswered: p.unanswered,
    }
}
