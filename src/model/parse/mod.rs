//! Reading each kind of file into its typed record (SPEC §3). Pure functions of a file's
//! text: the same code reads the work tree for `check` and old blobs for `audit`. The
//! configuration files are read in [`config`]; records and pages here.

mod config;

pub use config::{SSH_KEY_TYPES, base_url_problem, parse_area, parse_council, parse_site_config};

use std::ops::Range;
use std::sync::Arc;

use toml::de::DeTable;

use super::schema::{Reader, Sink, is_id};
use super::slips;
use super::*;
use crate::diag::{Diagnostic, Source};
use crate::i18n::Msg;
use crate::load::frontmatter::{self, SplitError};
use crate::markdown;
use crate::msg;
use crate::rules::files::{front_matter_missing, toml_syntax};
use crate::rules::schema::{invalid_value, missing_field};

/// Runs `read` on the front matter of a record, if it has one that is valid TOML.
/// Returns the record's meta and body; findings go to `sink`.
fn with_front_matter<T>(
    stem: &str,
    src: &Arc<Source>,
    sink: &Sink,
    what: Msg,
    read: impl FnOnce(&mut Reader<'_, '_>) -> T,
) -> (RecordMeta, Body, Option<T>) {
    let mut meta = RecordMeta {
        stem: stem.to_string(),
        source: src.clone(),
        anchor: 0..0,
        parsed: false,
    };
    let split = match frontmatter::split(&src.text) {
        Ok(s) => s,
        Err(e) => {
            let body = match e {
                SplitError::NotOpened { .. } => 0..src.text.len(),
                SplitError::NotClosed { .. } => src.text.len()..src.text.len(),
            };
            sink.borrow_mut()
                .push(front_matter_missing::diagnostic(src, &e));
            return (meta, scan_body(src, body), None);
        }
    };
    meta.anchor = split.open.clone();
    let body = scan_body(src, split.body.clone());
    for (i, _) in src.text[split.body.clone()].match_indices(PLACEHOLDER) {
        let at = split.body.start + i;
        let end = src.text[at..]
            .find('】')
            .map(|e| at + e + '】'.len_utf8())
            .unwrap_or(at + PLACEHOLDER.len());
        sink.borrow_mut()
            .push(super::schema::placeholder(src, at..end, msg!("what-text")));
    }
    let Some(table) = parse_toml(src, split.front.clone(), sink) else {
        return (meta, body, None);
    };
    meta.parsed = true;
    let mut r = Reader::new(
        src,
        sink,
        split.front.start,
        &table,
        split.open.clone(),
        what,
    );
    let out = read(&mut r);
    r.finish();
    (meta, body, Some(out))
}

fn scan_body(src: &Arc<Source>, span: Range<usize>) -> Body {
    let scan = markdown::scan(&src.text[span.clone()], span.start);
    Body { span, scan }
}

/// Parses `range` of `src` as TOML, reporting syntax errors (at most one per line and 20
/// per file: after the first, toml's recovery mostly reports echoes of it).
fn parse_toml<'s>(src: &'s Arc<Source>, range: Range<usize>, sink: &Sink) -> Option<DeTable<'s>> {
    let (table, errors) = DeTable::parse_recoverable(&src.text[range.clone()]);
    if errors.is_empty() {
        return Some(table.into_inner());
    }
    // Errors come in order; past a few, the rest are echoes of the first or a file that is
    // not TOML at all, and one screen of findings says enough.
    const MAX: usize = 20;
    let mut last_line = 0;
    let mut shown = 0;
    for e in errors {
        let span = e
            .span()
            .map(|s| range.start + s.start..range.start + s.end)
            .unwrap_or(range.start..range.start);
        let line = src.line_col(span.start).0;
        if line == last_line {
            continue;
        }
        last_line = line;
        shown += 1;
        if shown > MAX {
            break;
        }
        sink.borrow_mut()
            .push(toml_syntax::diagnostic(src, span, e.message()));
    }
    None
}

/// Reads a whole `.toml` file (site.toml, council.toml, area.toml).
fn with_toml_file<T>(
    src: &Arc<Source>,
    sink: &Sink,
    what: Msg,
    read: impl FnOnce(&mut Reader<'_, '_>) -> T,
) -> Option<T> {
    let table = parse_toml(src, 0..src.text.len(), sink)?;
    let mut r = Reader::new(src, sink, 0, &table, 0..0, what);
    let out = read(&mut r);
    r.finish();
    Some(out)
}

/// Whether a minutes or report file name can serve as a web address.
fn is_stem(stem: &str) -> bool {
    let b = stem.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

/// Reports a minutes or report file name that cannot serve as a web address, with a name
/// that can: the same one tidied (`2022 04 02` → `2022-04-02`), else `fallback` (made from
/// the record's own fields).
fn check_stem(src: &Arc<Source>, what: Msg, stem: &str, fallback: Option<String>, sink: &Sink) {
    if is_stem(stem) {
        return;
    }
    let name = slips::tidy_id(stem)
        .or(fallback)
        .unwrap_or_else(|| "2022-04-02".into());
    sink.borrow_mut().push(
        invalid_value::file_name(&src.path, msg!("stem-bad", stem, what))
            .help(msg!("stem-bad-help", name = format!("{name}.md"))),
    );
}

/// Reports a proposal whose file name is not an id, with a name that is: the same one
/// tidied (`2022 003` → `2022-003`), else the next free number of its year in its council
/// (`ids`: the other proposals' ids).
pub fn proposal_stem_finding(p: &Proposal, ids: &[&str]) -> Option<Diagnostic> {
    let stem = p.id();
    if is_id(stem) {
        return None;
    }
    let name = slips::tidy_id(stem)
        .filter(|t| !ids.contains(&t.as_str()))
        .unwrap_or_else(|| {
            let year = p
                .submitted
                .as_ref()
                .map(|d| d.value.year())
                .unwrap_or_else(|| crate::check::today().year());
            let prefix = format!("{year}-");
            let next = ids
                .iter()
                .filter_map(|i| i.strip_prefix(&prefix)?.parse::<u32>().ok())
                .max()
                .unwrap_or(0)
                + 1;
            format!("{year}-{next:03}")
        });
    Some(
        invalid_value::file_name(&p.meta.source.path, msg!("proposal-stem-bad", stem))
            .help(msg!("proposal-stem-bad-help", name = format!("{name}.md"))),
    )
}

pub fn parse_proposal(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Proposal, Vec<Diagnostic>) {
    let sink = Sink::default();
    let (meta, body, fields) = with_front_matter(stem, src, &sink, msg!("what-proposal"), |r| {
        r.require("title", "title = \"为黄台路41号加装电梯\"");
        let title = r.text("title");
        r.require("submitted", "submitted = 2022-03-14");
        let submitted = r.date("submitted");
        r.require("proposer", "proposer = \"黄台路41号居民（23户）\"");
        let proposer = r.text("proposer");
        let channel = r.choice::<Channel>("channel").map(|c| c.value);
        let category = r.text("category");
        let withdrawn = r.date("withdrawn");
        let withdrawn_reason = r.text("withdrawn_reason");
        if let (Some(w), Some(s)) = (&withdrawn, &submitted)
            && w.value < s.value
        {
            r.push(
                invalid_value::diagnostic(
                    r.src,
                    w.span.clone(),
                    msg!("withdrawn-before-submitted"),
                    msg!("withdrawn-before-submitted-label"),
                )
                .also(r.src, s.span.clone(), msg!("submitted-here-label"))
                .help(msg!("withdrawn-before-submitted-help")),
            );
        }
        if let Some(reason) = &withdrawn_reason
            && !r.has("withdrawn")
        {
            r.push(
                missing_field::diagnostic(
                    r.src,
                    reason.span.clone(),
                    &msg!("what-proposal"),
                    "withdrawn",
                    "withdrawn = 2022-05-01",
                )
                .help(msg!("withdrawn-reason-without-date-help")),
            );
        }
        let translations = r.translations(
            &["title", "proposer", "category", "withdrawn_reason"],
            languages,
        );
        (
            title,
            submitted,
            proposer,
            channel,
            category,
            withdrawn,
            withdrawn_reason,
            translations,
        )
    });
    let (title, submitted, proposer, channel, category, withdrawn, withdrawn_reason, translations) =
        fields.unwrap_or_default();
    let p = Proposal {
        meta,
        title,
        submitted,
        proposer,
        channel: channel.unwrap_or(Channel::Other),
        category,
        withdrawn,
        withdrawn_reason,
        translations,
        body,
        texts: Vec::new(),
    };
    (p, sink.into_inner())
}

pub fn parse_meeting(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Meeting, Vec<Diagnostic>) {
    let sink = Sink::default();
    let mut m = Meeting::unread(RecordMeta::unread(stem, src));
    let (meta, body, _) = with_front_matter(stem, src, &sink, msg!("what-minutes"), |r| {
        r.require("date", "date = 2022-04-02");
        m.date = r.date("date");
        m.title = r.text("title");
        if let Some(k) = r.choice::<MeetingKind>("kind") {
            m.kind = k.value;
        }
        m.location = r.text("location");
        r.require("chair", "chair = \"<member id>\"");
        m.chair = r.reference("chair");
        r.require("recorder", "recorder = \"<member id>\"");
        m.recorder = r.reference("recorder");
        r.require("present", "present = [\"<member id>\", \"<member id>\"]");
        m.present = r.references("present");
        m.absent = r.references("absent").map(|a| a.value).unwrap_or_default();
        m.guests = r.strings("guests").map(|g| g.value).unwrap_or_default();
        let tables = r.tables("items", |n| msg!("what-item-n", n));
        if tables.is_empty() && !r.has("items") {
            r.require(
                "items",
                "[[items]]\nproposal = \"2022-001\"\naction = \"deliberate\"",
            );
        }
        for mut t in tables {
            let item = read_item(&mut t, m.date.as_ref().map(|d| d.value), languages);
            t.finish();
            m.items.push(item);
        }
        m.translations = r.translations(&["title", "location"], languages);
    });
    m.meta = meta;
    m.body = body;
    let fallback = m.date.as_ref().map(|d| d.value.to_string());
    check_stem(src, msg!("what-minutes"), stem, fallback, &sink);
    (m, sink.into_inner())
}

fn read_item(
    r: &mut Reader<'_, '_>,
    meeting_date: Option<jiff::civil::Date>,
    languages: &[String],
) -> Item {
    r.require("proposal", "proposal = \"2022-001\"");
    let proposal = r.reference("proposal");
    if let Some(p) = &proposal {
        r.what = msg!("what-item-about", proposal = &p.value);
    }
    r.require("action", "action = \"deliberate\"");
    let action = r.choice::<Action>("action");
    let outcome = r.choice::<Outcome>("outcome");
    let votes =
        r.table("votes", msg!("what-votes")).map(|mut v| {
            let mut counts = [0u32; 3];
            let mut ok = true;
            let mut missing = Vec::new();
            for (i, key) in ["yes", "no", "abstain"].into_iter().enumerate() {
                if !v.has(key) {
                    missing.push(key);
                }
                match v.int(key, 0..100_000) {
                    Some(n) => counts[i] = n.value as u32,
                    None => ok = false,
                }
            }
            // A count left out: the help shows the whole line with it, as 0 for the secretary
            // to check against the minutes.
            let fixed = format!(
                "votes = {{ yes = {}, no = {}, abstain = {} }}",
                counts[0], counts[1], counts[2]
            );
            for key in missing {
                v.push(
                    missing_field::diagnostic(v.src, v.anchor.clone(), &v.what, key, "")
                        .help(msg!("votes-missing-help", key, fixed = fixed.as_str())),
                );
            }
            let span = v.anchor.clone();
            v.finish();
            ok.then_some(Sp::new(
                Votes {
                    yes: counts[0],
                    no: counts[1],
                    abstain: counts[2],
                },
                span,
            ))
        });
    let votes = votes.flatten();
    let owner = r.text("owner");
    let due = r.date("due");
    let referred_to = r.text("referred_to");
    let supervisors = r
        .references("supervisors")
        .map(|s| s.value)
        .unwrap_or_default();
    let translations = r.translations(&["owner", "referred_to"], languages);

    match (action.as_deref(), outcome.as_ref()) {
        (Some(Action::Decide), None) if !r.has("outcome") => {
            r.require("outcome", "outcome = \"adopted\"");
        }
        (Some(Action::Deliberate), Some(o)) => r.push(
            invalid_value::diagnostic(
                r.src,
                o.span.clone(),
                msg!("deliberate-with-outcome"),
                msg!("deliberate-with-outcome-label"),
            )
            .help(msg!("deliberate-with-outcome-help")),
        ),
        _ => {}
    }
    if let Some(o) = &outcome {
        let needs: &[(&'static str, &str)] = match o.value {
            Outcome::Adopted => &[
                ("votes", "votes = { yes = 5, no = 1, abstain = 0 }"),
                ("owner", "owner = \"社区居委会\""),
                ("due", "due = 2022-09-30"),
            ],
            Outcome::Rejected => &[("votes", "votes = { yes = 1, no = 5, abstain = 0 }")],
            Outcome::Referred => &[("referred_to", "referred_to = \"市北区住房和城乡建设局\"")],
            Outcome::Deferred => &[],
        };
        for (key, example) in needs {
            if !r.has(key) {
                r.push(
                    missing_field::diagnostic(r.src, o.span.clone(), &r.what, key, example).help(
                        msg!(
                            "outcome-needs-help",
                            outcome = o.value.as_str(),
                            key,
                            example = *example
                        ),
                    ),
                );
            }
        }
    }
    if let (Some(d), Some(md)) = (&due, meeting_date)
        && d.value < md
    {
        r.push(
            invalid_value::diagnostic(
                r.src,
                d.span.clone(),
                msg!("due-before-meeting"),
                msg!("due-before-meeting-label"),
            )
            .help(msg!("due-before-meeting-help")),
        );
    }
    Item {
        span: r.anchor.clone(),
        proposal,
        action,
        outcome,
        votes,
        owner,
        due,
        referred_to,
        supervisors,
        translations,
    }
}

pub fn parse_report(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Report, Vec<Diagnostic>) {
    let sink = Sink::default();
    let (meta, body, fields) = with_front_matter(stem, src, &sink, msg!("what-report"), |r| {
        r.require("proposal", "proposal = \"2022-001\"");
        let proposal = r.reference("proposal");
        r.require("date", "date = 2022-06-30");
        let date = r.date("date");
        r.require("by", "by = [\"<supervisor id>\"]");
        let by = r.references("by");
        if let Some(b) = &by
            && b.value.is_empty()
        {
            r.push(
                invalid_value::diagnostic(
                    r.src,
                    b.span.clone(),
                    msg!("by-empty"),
                    msg!("field-empty-label"),
                )
                .help(msg!("by-empty-help")),
            );
        }
        r.require("progress", "progress = 60");
        let progress = r
            .int("progress", 0..101)
            .map(|p| Sp::new(p.value as u8, p.span));
        r.require("status", "status = \"on-track\"");
        let status = r.choice::<Status>("status");
        let translations = r.translations(&[], languages);
        (
            proposal,
            date,
            by.map(|b| b.value).unwrap_or_default(),
            progress,
            status,
            translations,
        )
    });
    let (proposal, date, by, progress, status, translations) = fields.unwrap_or_default();
    let fallback = match (&date, &proposal) {
        (Some(d), Some(p)) => Some(format!("{}-{}", d.value, p.value)),
        _ => None,
    };
    check_stem(src, msg!("what-report"), stem, fallback, &sink);
    (
        Report {
            meta,
            proposal,
            date,
            by,
            progress,
            status,
            translations,
            body,
            texts: Vec::new(),
        },
        sink.into_inner(),
    )
}

pub fn parse_page(path: &str, src: &Arc<Source>) -> (Page, Vec<Diagnostic>) {
    let sink = Sink::default();
    let (meta, body, fields) = with_front_matter(path, src, &sink, msg!("what-page"), |r| {
        let title = r.text("title");
        let description = r.string("description");
        let date = r.date("date");
        let weight = r.int("weight", -1_000_000..1_000_001).map(|w| w.value);
        let draft = r.bool("draft").map(|d| d.value).unwrap_or(false);
        let extra = r
            .free("extra")
            .unwrap_or(serde_json::Value::Object(Default::default()));
        (title, description, date, weight, draft, extra)
    });
    let (title, description, date, weight, draft, extra) = fields.unwrap_or((
        None,
        None,
        None,
        None,
        false,
        serde_json::Value::Object(Default::default()),
    ));
    let page = Page {
        path: path.into(),
        meta,
        title,
        description,
        date,
        weight,
        draft,
        extra,
        body,
        texts: Vec::new(),
    };
    (page, sink.into_inner())
}

/// A `<stem>.<lang>.md` file: a translated `title` (and `description`, for pages) and body.
pub fn parse_translation(
    stem: &str,
    lang: &str,
    src: &Arc<Source>,
    page: bool,
) -> (TranslatedText, Vec<Diagnostic>) {
    let sink = Sink::default();
    let (_, body, fields) = with_front_matter(stem, src, &sink, msg!("what-translation"), |r| {
        let title = r.text("title");
        let description = if page { r.string("description") } else { None };
        if page {
            // A translated page may restate its weight and date; they are taken from the
            // default language's page.
            let _ = r.int("weight", -1_000_000..1_000_001);
            let _ = r.date("date");
            let _ = r.bool("draft");
        }
        (title, description)
    });
    let (title, description) = fields.unwrap_or_default();
    let t = TranslatedText {
        lang: lang.into(),
        source: src.clone(),
        title,
        description,
        body,
    };
    (t, sink.into_inner())
}
