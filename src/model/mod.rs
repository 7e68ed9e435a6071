//! The typed records of a site (SPEC §3, §8): site configuration, areas, councils and their
//! members, proposals, meeting minutes, supervision reports, return visits (feedback) and
//! content pages.
//!
//! Every field keeps the byte span it was read from, so that rules can point at it. A
//! required field that is missing or malformed is `None` here (the finding was already
//! reported while reading), and rules skip what they cannot judge rather than pile up
//! follow-on findings. This module reads text; it never touches the file system (see
//! `load`) and knows nothing of rules' logic, templates or the command line.

mod parse;
mod schema;
mod site;

pub use parse::{
    parse_area, parse_council, parse_feedback, parse_meeting, parse_page, parse_proposal,
    parse_report, parse_site_config, parse_translation,
};
pub use schema::{is_id, is_key, split_matter_ref, suggest};
pub use site::{Touched, load_site};

use std::collections::{BTreeMap, BTreeSet};
use std::ops::{Deref, Range};
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diag::Source;
use crate::load::FoundFile;
use crate::markdown::BodyScan;

/// How every placeholder that `council new` and `council init` write begins. `check` reports
/// any left in a record (`invalid-value`), so that a half-filled record cannot be published.
pub const PLACEHOLDER: &str = "【请填写";

/// A value with the byte span (in its file) it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Sp { value, span }
    }
}

impl<T> Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// Enums written as strings in the records: the variants, their spelling, and the list of
/// allowed spellings for messages and did-you-mean.
macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [&'static str] = &[$($text),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

str_enum!(AreaKind { Street = "street", Community = "community", Other = "other" });
str_enum!(Majority { Present = "present", Cast = "cast", TwoThirds = "two-thirds" });
str_enum!(Signing { Required = "required", Optional = "optional" });
str_enum!(Level { Grid = "grid", Community = "community", Street = "street" });
str_enum!(Satisfaction { Satisfied = "satisfied", BasicallySatisfied = "basically-satisfied", Unsatisfied = "unsatisfied" });
str_enum!(Role { Chair = "chair", Secretary = "secretary", Supervisor = "supervisor", Member = "member" });
str_enum!(Represents {
    Resident = "resident",
    ResidentUnit = "resident-unit",
    Enterprise = "enterprise",
    SocialOrganization = "social-organization",
    PartyBranch = "party-branch",
    Department = "department",
});
str_enum!(Selected { GridRecommended = "grid-recommended", SelfNominated = "self-nominated", ExOfficio = "ex-officio" });
str_enum!(Channel { Applet = "applet", Visit = "visit", ServicePost = "service-post", Meeting = "meeting", Other = "other" });
str_enum!(MeetingKind { Regular = "regular", Extraordinary = "extraordinary", Joint = "joint", Hearing = "hearing" });
str_enum!(Action { Deliberate = "deliberate", Decide = "decide" });
str_enum!(Outcome { Adopted = "adopted", Rejected = "rejected", Deferred = "deferred", Referred = "referred" });
str_enum!(Status { OnTrack = "on-track", Delayed = "delayed", Blocked = "blocked", Completed = "completed", Accepted = "accepted" });

/// Translated strings of a record's own fields: language → field → text.
pub type Translations = BTreeMap<String, BTreeMap<String, Sp<String>>>;

/// A quorum such as `2/3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl Fraction {
    /// The smallest number of members out of `of` that reaches this fraction.
    pub fn needed(self, of: usize) -> usize {
        (of * self.num as usize).div_ceil(self.den as usize)
    }
}

impl std::fmt::Display for Fraction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// A Markdown body: its byte range in the record's source and what a scan found in it.
#[derive(Clone, Debug, Default)]
pub struct Body {
    pub span: Range<usize>,
    pub scan: BodyScan,
}

/// A `<stem>.<lang>.md` file beside a record or page: a translated title and body.
#[derive(Clone, Debug)]
pub struct TranslatedText {
    pub lang: String,
    pub source: Arc<Source>,
    pub title: Option<Sp<String>>,
    pub description: Option<Sp<String>>,
    pub body: Body,
}

/// What every record file has: its name, its text, and whether its front matter could be
/// read at all.
#[derive(Clone, Debug)]
pub struct RecordMeta {
    /// The file stem as written (a proposal's id).
    pub stem: String,
    pub source: Arc<Source>,
    /// Where to point when a finding is about the whole front matter (the opening `+++`).
    pub anchor: Range<usize>,
    /// False when the front matter is missing or is not valid TOML: fields are then unknown,
    /// and rules that need them stay silent.
    pub parsed: bool,
}

#[derive(Clone, Debug)]
pub struct SiteConfig {
    pub title: Option<Sp<String>>,
    pub base_url: Option<Sp<String>>,
    /// Never empty; the first is the default language.
    pub languages: Vec<String>,
    pub theme: String,
    pub description: Option<Sp<String>>,
    pub extra: serde_json::Value,
    pub response_days: i64,
    pub filing_days: i64,
    /// Days after a matter's final outcome by which residents should be visited (§8).
    pub feedback_days: i64,
    /// Days within which an adopted matter should have a supervision report (§8).
    pub supervision_days: i64,
    pub privacy_allow: Vec<String>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: None,
            base_url: None,
            languages: vec!["zh".into()],
            theme: "default".into(),
            description: None,
            extra: serde_json::Value::Object(Default::default()),
            response_days: 30,
            filing_days: 7,
            feedback_days: 30,
            supervision_days: 60,
            privacy_allow: Vec::new(),
        }
    }
}

impl SiteConfig {
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }
}

#[derive(Clone, Debug)]
pub struct Area {
    /// The folder relative to `councils/`.
    pub key: String,
    pub source: Arc<Source>,
    pub name: Option<Sp<String>>,
    pub kind: AreaKind,
    pub translations: Translations,
}

#[derive(Clone, Debug)]
pub struct Member {
    /// The `[[members]]` header.
    pub span: Range<usize>,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub roles: Vec<Role>,
    pub represents: Option<Represents>,
    pub selected: Option<Selected>,
    pub from: Option<Sp<Date>>,
    pub to: Option<Sp<Date>>,
    pub voting: bool,
    /// Commit e-mail addresses: used by `audit`, never published.
    pub git: Vec<String>,
    /// SSH public keys (`ssh-ed25519 …`) for commit signatures.
    pub keys: Vec<Sp<String>>,
    pub translations: Translations,
}

impl Member {
    /// Whether the member serves on `day` (SPEC §3). A member whose `from` is missing is
    /// taken as serving, so that one missing field does not cascade into many findings.
    pub fn serves(&self, day: Date) -> bool {
        self.from.as_ref().is_none_or(|f| f.value <= day)
            && self.to.as_ref().is_none_or(|t| day <= t.value)
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn id(&self) -> &str {
        self.id.as_ref().map(|s| s.value.as_str()).unwrap_or("")
    }
}

#[derive(Clone, Debug)]
pub struct Council {
    /// The folder path relative to `councils/`, e.g. `huangtai/grid-03`.
    pub key: String,
    pub source: Arc<Source>,
    pub parsed: bool,
    pub name: Option<Sp<String>>,
    pub established: Option<Sp<Date>>,
    pub quorum: Sp<Fraction>,
    pub majority: Majority,
    pub signing: Signing,
    /// Where the council sits in the grid → community → street chain (descriptive).
    pub level: Level,
    pub members: Vec<Member>,
    pub translations: Translations,
    /// Sorted by id.
    pub proposals: Vec<Proposal>,
    /// Sorted by file name.
    pub meetings: Vec<Meeting>,
    /// Sorted by file name.
    pub reports: Vec<Report>,
    /// Return visits, sorted by file name.
    pub feedback: Vec<Feedback>,
}

impl Council {
    /// The site-relative folder of the council.
    pub fn dir(&self) -> String {
        format!("councils/{}", self.key)
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id() == id)
    }

    /// Members who serve and vote on `day`.
    pub fn voting_members_on(&self, day: Date) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(move |m| m.voting && m.serves(day))
    }

    /// Whether every meeting and its items could be read: a date, and for each item an
    /// action (and a decision's outcome). When one could not, the order of events is unknown,
    /// and rules about it would report what is only a consequence of that first error.
    pub fn meetings_known(&self) -> bool {
        self.meetings.iter().all(|m| {
            m.meta.parsed
                && m.date.is_some()
                && m.items
                    .iter()
                    .all(|i| i.action.is_some() && (!i.is_decision() || i.outcome.is_some()))
        })
    }

    /// Whether every field the rules about members need was read.
    pub fn members_known(&self) -> bool {
        self.parsed && self.members.iter().all(|m| m.id.is_some())
    }
}

#[derive(Clone, Debug)]
pub struct Proposal {
    pub meta: RecordMeta,
    pub title: Option<Sp<String>>,
    pub submitted: Option<Sp<Date>>,
    pub proposer: Option<Sp<String>>,
    pub channel: Channel,
    pub category: Option<Sp<String>>,
    pub withdrawn: Option<Sp<Date>>,
    pub withdrawn_reason: Option<Sp<String>>,
    /// `<council key>/<id>`: the matter this proposal continues (§8). Only a well-formed
    /// reference is kept; a malformed one was reported while reading.
    pub referred_from: Option<Sp<String>>,
    pub translations: Translations,
    pub body: Body,
    pub texts: Vec<TranslatedText>,
}

impl Proposal {
    pub fn id(&self) -> &str {
        &self.meta.stem
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Votes {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

impl Votes {
    pub fn total(self) -> u32 {
        self.yes + self.no + self.abstain
    }
}

#[derive(Clone, Debug)]
pub struct Item {
    /// The `[[items]]` header.
    pub span: Range<usize>,
    pub proposal: Option<Sp<String>>,
    pub action: Option<Sp<Action>>,
    pub outcome: Option<Sp<Outcome>>,
    pub votes: Option<Sp<Votes>>,
    pub owner: Option<Sp<String>>,
    pub due: Option<Sp<Date>>,
    pub referred_to: Option<Sp<String>>,
    pub supervisors: Vec<Sp<String>>,
    pub translations: Translations,
}

impl Item {
    pub fn is_decision(&self) -> bool {
        matches!(self.action.as_deref(), Some(Action::Decide))
    }
}

#[derive(Clone, Debug)]
pub struct Meeting {
    pub meta: RecordMeta,
    pub date: Option<Sp<Date>>,
    pub title: Option<Sp<String>>,
    pub kind: MeetingKind,
    pub location: Option<Sp<String>>,
    pub chair: Option<Sp<String>>,
    pub recorder: Option<Sp<String>>,
    pub present: Option<Sp<Vec<Sp<String>>>>,
    pub absent: Vec<Sp<String>>,
    pub guests: Vec<Sp<String>>,
    pub items: Vec<Item>,
    pub translations: Translations,
    pub body: Body,
    pub texts: Vec<TranslatedText>,
}

impl Meeting {
    pub fn present_ids(&self) -> impl Iterator<Item = &str> {
        self.present
            .iter()
            .flat_map(|p| p.value.iter().map(|s| s.value.as_str()))
    }
}

#[derive(Clone, Debug)]
pub struct Report {
    pub meta: RecordMeta,
    pub proposal: Option<Sp<String>>,
    pub date: Option<Sp<Date>>,
    pub by: Vec<Sp<String>>,
    pub progress: Option<Sp<u8>>,
    pub status: Option<Sp<Status>>,
    pub translations: Translations,
    pub body: Body,
    pub texts: Vec<TranslatedText>,
}

/// A return visit to the residents who raised a matter, after its outcome (§8).
#[derive(Clone, Debug)]
pub struct Feedback {
    pub meta: RecordMeta,
    pub proposal: Option<Sp<String>>,
    pub date: Option<Sp<Date>>,
    pub by: Vec<Sp<String>>,
    /// A public description of who was visited.
    pub reached: Option<Sp<String>>,
    pub satisfaction: Option<Sp<Satisfaction>>,
    pub translations: Translations,
    pub body: Body,
    pub texts: Vec<TranslatedText>,
}

/// A page of `content/` (Zola semantics: `_index` is a section).
#[derive(Clone, Debug)]
pub struct Page {
    /// Relative to `content/` without `.md`: `about`, `guide/_index`, `guide/process`.
    pub path: String,
    pub meta: RecordMeta,
    pub title: Option<Sp<String>>,
    pub description: Option<Sp<String>>,
    pub date: Option<Sp<Date>>,
    pub weight: Option<i64>,
    pub draft: bool,
    pub extra: serde_json::Value,
    pub body: Body,
    pub texts: Vec<TranslatedText>,
}

impl Page {
    pub fn is_section(&self) -> bool {
        self.path == "_index" || self.path.ends_with("/_index")
    }
}

/// A whole site, read.
#[derive(Clone, Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub config_source: Arc<Source>,
    pub areas: Vec<Area>,
    /// Sorted by key.
    pub councils: Vec<Council>,
    /// Sorted by path.
    pub pages: Vec<Page>,
    /// Every file of `councils/`, `content/` and `static/`, relative to the root.
    pub files: BTreeSet<String>,
    pub statics: Vec<FoundFile>,
    /// How many files were read (for the summary line).
    pub file_count: usize,
}

impl Site {
    pub fn council(&self, key: &str) -> Option<&Council> {
        self.councils.iter().find(|c| c.key == key)
    }
}
