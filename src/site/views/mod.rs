//! View models: serialisable structs made for pages, built from the records and their
//! lifecycles. Templates see only these, never the domain types, so that the records'
//! shape can change without touching a theme, and nothing private (members' `git`
//! addresses and keys) can reach a page by accident.
//!
//! URLs in views are paths from the language root (`councils/x/proposals/y/`); templates
//! put `home` (the relative way to the current language's root) in front of them.

use jiff::civil::Date;
use serde::Serialize;

use crate::lifecycle::Lifecycle;
use crate::model::{Council, Item, Proposal, Site, Sp, Translations};
use crate::site::routes::{Route, page_path};

pub mod charts;
mod council;
mod feedback;
mod indicators;
mod lists;
mod matter;
mod records;

pub use council::*;
pub use feedback::*;
pub use indicators::*;
pub use lists::*;
pub use matter::*;
pub use records::*;

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

    pub(crate) fn plain(&self, lang: &str, s: &str) -> Text {
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

    pub(crate) fn member_name(&self, lang: &str, c: &Council, id: &str) -> PersonRef {
        let m = c.member(id);
        PersonRef {
            id: id.to_string(),
            name: m
                .and_then(|m| self.text(lang, m.name.as_ref(), &m.translations, "name"))
                .unwrap_or_else(|| self.plain(lang, id)),
        }
    }

    pub(crate) fn title_of(&self, lang: &str, p: &Proposal) -> Text {
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
    /// The council `referred_to` names, when it is a council of this site (SPEC §8).
    pub referred_council: Option<CouncilRef>,
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
            referred_council: item.referred_to.as_ref().and_then(|r| {
                let key = r.value.trim();
                let ci = self.site.councils.iter().position(|c| c.key == key)?;
                Some(self.council_ref(lang, ci))
            }),
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

pub(crate) fn votes(item: &Item) -> Option<VotesView> {
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
