//! The records of a council (SPEC §3, §8): proposals, meeting minutes and their items,
//! supervision reports, return visits; and the pages of `content/`.

use std::ops::Range;

use jiff::civil::Date;

use super::*;

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

    /// A proposal whose file could not be read: it exists, nothing more is known.
    pub fn unread(meta: RecordMeta) -> Proposal {
        Proposal {
            meta,
            title: None,
            submitted: None,
            proposer: None,
            channel: Channel::Other,
            category: None,
            withdrawn: None,
            withdrawn_reason: None,
            referred_from: None,
            translations: Translations::new(),
            body: Body::default(),
            texts: Vec::new(),
        }
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
    /// Minutes whose file could not be read.
    pub fn unread(meta: RecordMeta) -> Meeting {
        Meeting {
            meta,
            date: None,
            title: None,
            kind: MeetingKind::Regular,
            location: None,
            chair: None,
            recorder: None,
            present: None,
            absent: Vec::new(),
            guests: Vec::new(),
            items: Vec::new(),
            translations: Translations::new(),
            body: Body::default(),
            texts: Vec::new(),
        }
    }

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

impl Report {
    /// A report whose file could not be read.
    pub fn unread(meta: RecordMeta) -> Report {
        Report {
            meta,
            proposal: None,
            date: None,
            by: Vec::new(),
            progress: None,
            status: None,
            translations: Translations::new(),
            body: Body::default(),
            texts: Vec::new(),
        }
    }
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

impl Feedback {
    /// A return visit whose file could not be read.
    pub fn unread(meta: RecordMeta) -> Feedback {
        Feedback {
            meta,
            proposal: None,
            date: None,
            by: Vec::new(),
            reached: None,
            satisfaction: None,
            translations: Translations::new(),
            body: Body::default(),
            texts: Vec::new(),
        }
    }
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
