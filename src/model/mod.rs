//! The typed records of a site (SPEC §3, §8): site configuration, areas, councils and their
//! members, and (in [`records`]) proposals, meeting minutes, supervision reports, return
//! visits and content pages.
//!
//! Every field keeps the byte span it was read from, so that rules can point at it. A
//! required field that is missing or malformed is `None` here (the finding was already
//! reported while reading), and rules skip what they cannot judge rather than pile up
//! follow-on findings. This module reads text; it never touches the file system (see
//! `load`) and knows nothing of rules' logic, templates or the command line.

pub(crate) mod parse;
mod records;
pub(crate) mod schema;
mod site;
pub mod slips;

pub use parse::{
    SSH_KEY_TYPES, base_url_problem, parse_area, parse_council, parse_feedback, parse_meeting,
    parse_page, parse_proposal, parse_report, parse_site_config, parse_translation,
};
pub use records::*;
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

/// A field whose value is one of a fixed set of words (`outcome`, `channel`…).
pub trait Code: Sized {
    /// The words allowed.
    const ALL: &'static [&'static str];
    /// Chinese words a secretary may write instead, and the code each stands for.
    const WORDS: &'static [(&'static str, &'static str)];
    fn parse(s: &str) -> Option<Self>;
}

/// Enums written as strings in the records: the variants, their spelling, the list of
/// allowed spellings for messages and did-you-mean, and the Chinese words a secretary may
/// write instead (`"通过"` for `adopted`), so that the help can name the code meant.
macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal [$($word:literal),*]),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [&'static str] = &[$($text),+];
            /// Chinese words and the code each stands for.
            pub const WORDS: &'static [(&'static str, &'static str)] = &[$($(($word, $text),)*)+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
        impl Code for $name {
            const ALL: &'static [&'static str] = $name::ALL;
            const WORDS: &'static [(&'static str, &'static str)] = $name::WORDS;
            fn parse(s: &str) -> Option<Self> {
                $name::parse(s)
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

str_enum!(AreaKind {
    Street = "street" ["街道", "街办"],
    Community = "community" ["社区", "居委会"],
    Other = "other" ["其他", "其它"],
});
str_enum!(Majority {
    Present = "present" ["出席过半", "过半数", "过半", "半数以上"],
    Cast = "cast" ["赞成多于反对", "多数票", "票数多"],
    TwoThirds = "two-thirds" ["三分之二", "2/3"],
});
str_enum!(Signing {
    Required = "required" ["必须", "需要", "要求"],
    Optional = "optional" ["可选", "不要求", "不需要"],
});
str_enum!(Level {
    Grid = "grid" ["网格"],
    Community = "community" ["社区", "社区级"],
    Street = "street" ["街道", "街道级"],
});
str_enum!(Satisfaction {
    Satisfied = "satisfied" ["满意", "非常满意"],
    BasicallySatisfied = "basically-satisfied" ["基本满意", "比较满意"],
    Unsatisfied = "unsatisfied" ["不满意"],
});
str_enum!(Role {
    Chair = "chair" ["召集人", "主持人", "主任", "组长", "会长"],
    Secretary = "secretary" ["秘书", "记录员", "记录人"],
    Supervisor = "supervisor" ["监督员", "监督"],
    Member = "member" ["成员", "委员", "议事员", "议事代表"],
});
str_enum!(Represents {
    Resident = "resident" ["居民", "居民代表"],
    ResidentUnit = "resident-unit" ["驻区单位", "辖区单位", "单位"],
    Enterprise = "enterprise" ["企业", "公司", "物业"],
    SocialOrganization = "social-organization" ["社会组织", "社团", "志愿者组织"],
    PartyBranch = "party-branch" ["党支部", "党组织", "党委", "党总支"],
    Department = "department" ["职能部门", "部门"],
});
str_enum!(Selected {
    GridRecommended = "grid-recommended" ["网格推荐", "推荐", "推选"],
    SelfNominated = "self-nominated" ["自荐", "个人自荐", "自我推荐"],
    ExOfficio = "ex-officio" ["当然成员", "因职务", "职务"],
});
str_enum!(Channel {
    Applet = "applet" ["小程序", "党群e家", "党群E家", "e家", "微信", "线上"],
    Visit = "visit" ["走访", "入户", "上门", "入户走访"],
    ServicePost = "service-post" ["服务站", "服务点", "服务岗", "服务中心", "窗口"],
    Meeting = "meeting" ["会议", "会上", "议事会"],
    Other = "other" ["其他", "其它"],
});
str_enum!(MeetingKind {
    Regular = "regular" ["例会", "定期", "常规"],
    Extraordinary = "extraordinary" ["临时"],
    Joint = "joint" ["联席"],
    Hearing = "hearing" ["听证"],
});
str_enum!(Action {
    Deliberate = "deliberate" ["审议", "讨论", "议事", "商议", "协商"],
    Decide = "decide" ["表决", "决定", "投票", "决议"],
});
str_enum!(Outcome {
    Adopted = "adopted" ["通过", "同意", "批准", "采纳"],
    Rejected = "rejected" ["不通过", "未通过", "否决", "驳回", "不同意", "没通过"],
    Deferred = "deferred" ["暂缓", "延期", "推迟", "缓议", "搁置", "待定"],
    Referred = "referred" ["转交", "移交", "转办", "上报", "提交", "转给"],
});
str_enum!(Status {
    OnTrack = "on-track" ["按计划", "正常", "推进中", "进行中", "正在"],
    Delayed = "delayed" ["滞后", "延迟", "延误", "拖延", "晚了"],
    Blocked = "blocked" ["受阻", "停滞", "阻塞", "停工"],
    Completed = "completed" ["完成", "完工", "竣工", "办结"],
    Accepted = "accepted" ["验收"],
});

/// The Chinese words a secretary may write for the codes of field `key` (`outcome`,
/// `channel`…), for a help that names the code meant.
pub fn code_words(key: &str) -> Option<&'static [(&'static str, &'static str)]> {
    Some(match key {
        "kind" => MeetingKind::WORDS,
        "majority" => Majority::WORDS,
        "signing" => Signing::WORDS,
        "roles" => Role::WORDS,
        "represents" => Represents::WORDS,
        "selected" => Selected::WORDS,
        "channel" => Channel::WORDS,
        "action" => Action::WORDS,
        "outcome" => Outcome::WORDS,
        "status" => Status::WORDS,
        _ => return None,
    })
}

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

impl RecordMeta {
    /// The meta of a record that could not be read at all (not UTF-8, unreadable).
    pub fn unread(stem: &str, source: &Arc<Source>) -> RecordMeta {
        RecordMeta {
            stem: stem.to_string(),
            source: source.clone(),
            anchor: 0..0,
            parsed: false,
        }
    }
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
    /// The public notice period of a decision, in days from the meeting (SPEC §9).
    pub notice_days: i64,
    pub privacy_allow: Vec<String>,
    /// Where anyone can clone the records (shown on /transparency/).
    pub repository: Option<Sp<String>>,
    /// `title` and `description` in the site's other languages.
    pub translations: Translations,
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
            notice_days: 7,
            privacy_allow: Vec::new(),
            repository: None,
            translations: Translations::new(),
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
    /// How residents reach the council publicly (printed on notices).
    pub contact: Option<Sp<String>>,
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

/// A file published beside the records or the content pages.
#[derive(Clone, Debug)]
pub struct Attachment {
    pub file: FoundFile,
    pub kind: crate::load::AttachmentKind,
    /// The text of a text or SVG attachment.
    pub text: Option<Arc<Source>>,
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
    /// The attachments of `councils/` and `content/` that are published, sorted by path.
    pub attachments: Vec<Attachment>,
    /// The static files that are text (UTF-8 without NUL bytes), for the personal-data scan.
    pub static_texts: Vec<Arc<Source>>,
    /// How many files were read (for the summary line).
    pub file_count: usize,
}

impl Site {
    pub fn council(&self, key: &str) -> Option<&Council> {
        self.councils.iter().find(|c| c.key == key)
    }
}
