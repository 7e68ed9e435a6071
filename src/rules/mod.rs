//! The rules of SPEC §5: one file per rule, each holding its name, severity, summary, its
//! documentation (what it checks, why, an example, how to fix) and, for rules over the
//! records, a pure check function that reads a [`Context`] and pushes findings.
//!
//! Rules about files and fields (`toml-syntax`, `missing-field`…) fire while files are read:
//! the loader and the model build their findings with the constructors of those rule files,
//! so that every rule's wording lives with its documentation. The git rules fire in `audit`.
//!
//! [`REGISTRY`] lists every rule sorted by name; a test fails when a rule file is missing
//! from it or lacks documentation.

pub mod content;
pub mod dates;
pub mod feedback;
pub mod files;
pub mod history;
pub mod lifecycle;
pub mod meetings;
pub mod references;
pub mod referrals;
pub mod schema;

use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diag::{Diagnostic, Severity, Source};
use crate::i18n::Msg;
use crate::lifecycle::{State, Timelines};
use crate::model::{Body, Outcome, Site};
use crate::msg;

/// What a rule reads: the whole site, its timelines, and the day T.
pub struct Context<'a> {
    pub site: &'a Site,
    pub timelines: &'a Timelines,
    pub today: Date,
    /// What to check: everything, or only what one change can affect (`serve`).
    pub scope: Scope,
}

/// The part of a site a run of the rules looks at. Every finding belongs to exactly one
/// council or to the site itself, so the findings of `All` are those of every council plus
/// those of `Site`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    /// One council and its records (by index).
    Council(usize),
    /// site.toml, the areas and the content pages.
    Site,
}

impl<'a> Context<'a> {
    /// The councils in scope, with their indices.
    pub fn councils(&self) -> impl Iterator<Item = (usize, &'a crate::model::Council)> + use<'a> {
        let scope = self.scope;
        self.site
            .councils
            .iter()
            .enumerate()
            .filter(move |(ci, _)| matches!(scope, Scope::All) || scope == Scope::Council(*ci))
    }

    /// Whether site.toml, the areas and the content pages are in scope.
    pub fn site_in_scope(&self) -> bool {
        matches!(self.scope, Scope::All | Scope::Site)
    }
}

/// When a rule is checked.
pub enum Check {
    /// While files are read (load and model): the rule file provides constructors.
    Load,
    /// Over the whole model, by this function.
    Records(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// Over git history, by `audit`.
    History,
}

pub struct Rule {
    /// The rule's name in SPEC §5, e.g. `quorum-not-met`.
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what fires the rule.
    pub summary: &'static str,
    /// Markdown with the sections "What it does", "Why", "Example", "How to fix".
    pub docs: &'static str,
    /// The same in Chinese, with the sections "检查什么", "为什么", "示例", "如何修改".
    pub docs_zh: &'static str,
    pub check: Check,
}

impl Rule {
    /// A finding of this rule about `file`.
    pub fn diag(&'static self, file: impl Into<String>, message: Msg) -> Diagnostic {
        Diagnostic::new(self.name, self.severity, file, message)
    }

    /// A finding of this rule at `span` of `source`.
    pub fn at(
        &'static self,
        source: &Arc<Source>,
        span: std::ops::Range<usize>,
        message: Msg,
        label: Msg,
    ) -> Diagnostic {
        self.diag(source.path.clone(), message)
            .at(source, span, label)
    }

    /// The text `council check --explain` prints, in English or (`zh`) Chinese.
    pub fn explain(&self, lang: &str) -> String {
        if lang.starts_with("zh") {
            let when = match self.check {
                Check::Load => "读取文件时检查（`council check`、`council build`）",
                Check::Records(_) => "检查全部记录时（`council check`、`council build`）",
                Check::History => "检查 git 历史时（`council audit`）",
            };
            let sev = match self.severity {
                Severity::Error => "错误（有错误时不能发布）",
                Severity::Warning => "警告",
            };
            return format!(
                "# {name}\n\n级别：{sev}。{when}。\n\n{docs}\n",
                name = self.name,
                docs = self.docs_zh.trim()
            );
        }
        let when = match self.check {
            Check::Load => "while reading files (`council check`, `council build`)",
            Check::Records(_) => "over the records (`council check`, `council build`)",
            Check::History => "over git history (`council audit`)",
        };
        format!(
            "# {name}\n\nSeverity: {sev}. Checked {when}.\n\n{summary}\n\n{docs}\n",
            name = self.name,
            sev = self.severity.as_str(),
            summary = self.summary,
            docs = self.docs.trim(),
        )
    }
}

/// An outcome in words: "adopted" / "通过".
pub fn outcome_words(o: Outcome) -> Msg {
    match o {
        Outcome::Adopted => msg!("outcome-adopted"),
        Outcome::Rejected => msg!("outcome-rejected"),
        Outcome::Deferred => msg!("outcome-deferred"),
        Outcome::Referred => msg!("outcome-referred"),
    }
}

/// A matter's state in words: "implementing" / "实施中".
pub fn state_words(s: State) -> Msg {
    match s {
        State::Submitted => msg!("state-submitted"),
        State::Deliberating => msg!("state-deliberating"),
        State::Adopted => msg!("state-adopted"),
        State::Implementing => msg!("state-implementing"),
        State::Completed => msg!("state-completed"),
        State::Accepted => msg!("state-accepted"),
        State::Rejected => msg!("state-rejected"),
        State::Referred => msg!("state-referred"),
        State::Withdrawn => msg!("state-withdrawn"),
    }
}

/// Every rule, sorted by name.
pub static REGISTRY: &[&Rule] = &[
    &lifecycle::already_decided::RULE,
    &meetings::attendance_incomplete::RULE,
    &lifecycle::before_submission::RULE,
    &content::broken_link::RULE,
    &dates::dated_after_today::RULE,
    &history::dated_in_future::RULE,
    &history::decision_rewritten::RULE,
    &schema::duplicate_id::RULE,
    &feedback::feedback_before_outcome::RULE,
    &feedback::feedback_missing::RULE,
    &files::front_matter_missing::RULE,
    &files::invalid_utf8::RULE,
    &schema::invalid_value::RULE,
    &history::late_filing::RULE,
    &references::member_not_serving::RULE,
    &files::misplaced_file::RULE,
    &schema::missing_field::RULE,
    &dates::name_date_mismatch::RULE,
    &meetings::not_present::RULE,
    &meetings::outcome_contradicts_votes::RULE,
    &lifecycle::overdue::RULE,
    &content::personal_data::RULE,
    &meetings::present_and_absent::RULE,
    &lifecycle::progress_incomplete::RULE,
    &lifecycle::progress_regressed::RULE,
    &meetings::quorum_not_met::RULE,
    &history::record_deleted::RULE,
    &referrals::referral_mismatch::RULE,
    &referrals::referral_unanswered::RULE,
    &lifecycle::report_after_acceptance::RULE,
    &lifecycle::report_before_adoption::RULE,
    &files::toml_syntax::RULE,
    &lifecycle::unanswered::RULE,
    &history::unauthorized_commit::RULE,
    &referrals::unknown_council::RULE,
    &schema::unknown_field::RULE,
    &references::unknown_member::RULE,
    &references::unknown_proposal::RULE,
    &content::unsafe_html::RULE,
    &history::unsigned_commit::RULE,
    &meetings::votes_exceed_present::RULE,
];

/// Every rule's documentation as one Markdown section, for the secretaries' guide
/// (docs/guide.zh.md, docs/guide.en.md): generated, so that it cannot drift from the rules.
pub fn guide_section(lang: &str) -> String {
    let mut out = String::new();
    for r in REGISTRY {
        let text = r.explain(lang);
        // One level down: the guide's rules section is a `##`.
        for line in text.lines() {
            if line.starts_with('#') {
                out.push_str("##");
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// The rule named `name`.
pub fn find(name: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|r| r.name == name)
}

/// Runs every rule over the records (not the load and history rules).
pub fn run(ctx: &Context<'_>) -> Vec<Diagnostic> {
    REGISTRY
        .par_iter()
        .flat_map_iter(|rule| {
            let mut out = Vec::new();
            if let Check::Records(check) = rule.check {
                check(ctx, &mut out);
            }
            out
        })
        .collect()
}

/// Every Markdown body in scope that is published, with its file.
pub fn bodies<'a>(ctx: &Context<'a>) -> Vec<(&'a Arc<Source>, &'a Body)> {
    let mut out = Vec::new();
    for (_, c) in ctx.councils() {
        for p in &c.proposals {
            out.push((&p.meta.source, &p.body));
            out.extend(p.texts.iter().map(|t| (&t.source, &t.body)));
        }
        for m in &c.meetings {
            out.push((&m.meta.source, &m.body));
            out.extend(m.texts.iter().map(|t| (&t.source, &t.body)));
        }
        for r in &c.reports {
            out.push((&r.meta.source, &r.body));
            out.extend(r.texts.iter().map(|t| (&t.source, &t.body)));
        }
        for f in &c.feedback {
            out.push((&f.meta.source, &f.body));
            out.extend(f.texts.iter().map(|t| (&t.source, &t.body)));
        }
    }
    if ctx.site_in_scope() {
        for p in &ctx.site.pages {
            out.push((&p.meta.source, &p.body));
            out.extend(p.texts.iter().map(|t| (&t.source, &t.body)));
        }
    }
    out
}

/// Every text or SVG attachment in scope (one under a council belongs to that council's
/// scope, any other to the site's), with its text.
pub fn text_attachments<'a>(
    ctx: &Context<'a>,
) -> Vec<(&'a crate::model::Attachment, &'a Arc<Source>)> {
    let keys: Vec<String> = ctx
        .councils()
        .map(|(_, c)| format!("{}/", c.dir()))
        .collect();
    let all_councils: Vec<String> = ctx
        .site
        .councils
        .iter()
        .map(|c| format!("{}/", c.dir()))
        .collect();
    ctx.site
        .attachments
        .iter()
        .filter_map(|a| Some((a, a.text.as_ref()?)))
        .filter(|(a, _)| {
            let rel = &a.file.rel;
            keys.iter().any(|k| rel.starts_with(k))
                || (ctx.site_in_scope() && !all_councils.iter().any(|k| rel.starts_with(k)))
        })
        .collect()
}

#[cfg(test)]
mod tests;
