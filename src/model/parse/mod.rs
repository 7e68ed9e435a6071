//! Reading each kind of file into its typed record (SPEC §3, §8). Pure functions of a file's
//! text: the same code reads the work tree for `check` and old blobs for `audit`. One module
//! per kind of file ([`config`] for site.toml, area.toml and council.toml); this one holds
//! what they share: splitting off the front matter, parsing TOML with every syntax error
//! reported, and checking file names.

pub(crate) mod config;
mod feedback;
mod meeting;
mod page;
mod proposal;
mod report;

pub use config::{SSH_KEY_TYPES, base_url_problem, parse_area, parse_council, parse_site_config};
pub use feedback::parse_feedback;
pub use meeting::parse_meeting;
pub use page::{parse_page, parse_translation};
pub use proposal::{parse_proposal, proposal_stem_finding};
pub use report::parse_report;

use std::ops::Range;
use std::sync::Arc;

use toml::de::DeTable;

use super::schema::{Reader, Sink};
use super::slips;
use super::*;
use crate::diag::Source;
use crate::i18n::Msg;
use crate::load::frontmatter::{self, SplitError};
use crate::markdown;
use crate::msg;
use crate::rules::files::{front_matter_missing, toml_syntax};
use crate::rules::schema::invalid_value;

/// Runs `read` on the front matter of a record, if it has one that is valid TOML.
/// Returns the record's meta and body; findings go to `sink`.
pub(super) fn with_front_matter<T>(
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
pub(crate) fn with_toml_file<T>(
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
pub(super) fn check_stem(
    src: &Arc<Source>,
    what: Msg,
    stem: &str,
    fallback: Option<String>,
    sink: &Sink,
) {
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

/// `by`: the members who did what the record records; required, and naming at least one
/// member. `help` says who, with an example.
pub(super) fn read_by(r: &mut Reader<'_, '_>, help: Msg) -> Vec<Sp<String>> {
    r.require("by", "by = [\"<member id>\"]");
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
            .help(help),
        );
    }
    by.map(|b| b.value).unwrap_or_default()
}
