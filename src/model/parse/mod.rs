//! Reading each kind of file into its typed record (SPEC §3). Pure functions of a file's
//! text: the same code reads the work tree for `check` and old blobs for `audit`.
//!
//! One module per kind of file; this one holds what they share: splitting off the front
//! matter, parsing TOML with every syntax error reported, and checking file names.

mod config;
mod council;
mod feedback;
mod meeting;
mod page;
mod proposal;
mod report;

pub use config::parse_site_config;
pub use council::{parse_area, parse_council};
pub use feedback::parse_feedback;
pub use meeting::parse_meeting;
pub use page::{parse_page, parse_translation};
pub use proposal::parse_proposal;
pub use report::parse_report;

use std::ops::Range;
use std::sync::Arc;

use toml::de::DeTable;

use super::schema::{Reader, Sink, is_id};
use super::*;
use crate::diag::Source;
use crate::load::frontmatter::{self, SplitError};
use crate::markdown;
use crate::rules::files::{front_matter_missing, toml_syntax};
use crate::rules::schema::invalid_value;

/// Runs `read` on the front matter of a record, if it has one that is valid TOML.
/// Returns the record's meta and body; findings go to `sink`.
pub(super) fn with_front_matter<T>(
    stem: &str,
    src: &Arc<Source>,
    sink: &Sink,
    what: &str,
    read: impl FnOnce(&mut Reader<'_, '_>) -> T,
) -> (RecordMeta, Body, Option<T>) {
    let mut meta = record_meta(stem, src);
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
            .push(super::schema::placeholder(src, at..end, "the text"));
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

/// `by`: the members who did what the record records (`supervised`, `visited`); required,
/// and naming at least one member.
pub(super) fn read_by(r: &mut Reader<'_, '_>, did: &str) -> Vec<Sp<String>> {
    r.require("by", "by = [\"<member id>\"]");
    let by = r.ids("by");
    if let Some(b) = &by
        && b.value.is_empty()
    {
        r.push(
            invalid_value::diagnostic(r.src, b.span.clone(), "`by` names nobody", "empty").help(
                format!("list the ids of the members who {did}, like `by = [\"li-ming\"]`"),
            ),
        );
    }
    by.map(|b| b.value).unwrap_or_default()
}

/// The meta of a record whose front matter has not been read yet.
pub(super) fn record_meta(stem: &str, src: &Arc<Source>) -> RecordMeta {
    RecordMeta {
        stem: stem.to_string(),
        source: src.clone(),
        anchor: 0..0,
        parsed: false,
    }
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
pub(super) fn with_toml_file<T>(
    src: &Arc<Source>,
    sink: &Sink,
    what: &str,
    read: impl FnOnce(&mut Reader<'_, '_>) -> T,
) -> Option<T> {
    let table = parse_toml(src, 0..src.text.len(), sink)?;
    let mut r = Reader::new(src, sink, 0, &table, 0..0, what);
    let out = read(&mut r);
    r.finish();
    Some(out)
}

/// Reports a record's file name when it cannot serve as an id or a web address.
pub(super) fn check_stem(src: &Arc<Source>, kind: &str, stem: &str, sink: &Sink) {
    let ok = if kind == "proposal" {
        is_id(stem)
    } else {
        let b = stem.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
    };
    if !ok {
        let help = if kind == "proposal" {
            "a proposal's file name is its id: lowercase letters, digits and `-`, like `2022-001.md`"
        } else {
            "use letters, digits, `-` and `_` in the file name, like `2022-04-02.md`"
        };
        sink.borrow_mut().push(
            invalid_value::file_name(src, format!("`{stem}` is not a valid {kind} file name"))
                .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(d: &[crate::diag::Diagnostic]) -> Vec<&str> {
        d.iter().map(|d| d.rule).collect()
    }

    #[test]
    fn a_return_visit_reads_every_field_and_its_translation() {
        let src = Source::new(
            "councils/x/g/feedback/2022-11-05.md",
            "+++\nproposal = \"2022-001\"\ndate = 2022-11-05\nby = [\"wang-li\"]\nreached = \"提议居民代表3户\"\nsatisfaction = \"basically-satisfied\"\n\n[translations.en]\nreached = \"3 households\"\n+++\n\n居民基本满意。\n",
        );
        let (f, d) = parse_feedback("2022-11-05", &src, &["zh".into(), "en".into()]);
        assert_eq!(rules(&d), Vec::<&str>::new());
        assert_eq!(f.proposal.unwrap().value, "2022-001");
        assert_eq!(f.by.len(), 1);
        assert_eq!(
            f.satisfaction.unwrap().value,
            Satisfaction::BasicallySatisfied
        );
        assert_eq!(f.translations["en"]["reached"].value, "3 households");
        assert!(src.text[f.body.span].contains("居民基本满意"));
    }

    #[test]
    fn a_return_visit_needs_who_was_reached_and_a_known_satisfaction() {
        let src = Source::new(
            "f.md",
            "+++\nproposal = \"2022-001\"\ndate = 2022-11-05\nby = []\nsatisfaction = \"happy\"\n+++\n",
        );
        let (_, d) = parse_feedback("f", &src, &["zh".into()]);
        assert_eq!(
            rules(&d),
            ["invalid-value", "missing-field", "invalid-value"]
        );
    }

    #[test]
    fn referred_from_must_name_a_council_and_an_id() {
        let text = |r: &str| {
            format!(
                "+++\ntitle = \"t\"\nsubmitted = 2022-03-01\nproposer = \"p\"\nreferred_from = \"{r}\"\n+++\n"
            )
        };
        let src = Source::new("p.md", text("huangtai/grid-03/2022-004"));
        let (p, d) = parse_proposal("2022-001", &src, &["zh".into()]);
        assert!(d.is_empty());
        assert_eq!(p.referred_from.unwrap().value, "huangtai/grid-03/2022-004");
        let src = Source::new("p.md", text("黄台路第三网格 2022-004"));
        let (p, d) = parse_proposal("2022-001", &src, &["zh".into()]);
        assert_eq!(rules(&d), ["invalid-value"]);
        assert!(p.referred_from.is_none());
    }

    #[test]
    fn levels_and_the_new_lifecycle_days_are_read() {
        let src = Source::new(
            "site.toml",
            "title = \"t\"\nbase_url = \"https://e.org/\"\n[lifecycle]\nfeedback_days = 15\nsupervision_days = 90\n",
        );
        let (c, d) = parse_site_config(&src);
        assert!(d.is_empty());
        assert_eq!((c.feedback_days, c.supervision_days), (15, 90));
        let (c, _) = parse_site_config(&Source::new(
            "site.toml",
            "title = \"t\"\nbase_url = \"https://e.org/\"\n",
        ));
        assert_eq!((c.feedback_days, c.supervision_days), (30, 60));
        let src = Source::new(
            "council.toml",
            "name = \"联席会议\"\nestablished = 2021-01-01\nlevel = \"community\"\n[[members]]\nid = \"a\"\nname = \"甲\"\nfrom = 2021-01-01\n",
        );
        let (c, d) = parse_council("huangtai/joint", &src, &["zh".into()]);
        assert!(d.is_empty());
        assert_eq!(c.level, Level::Community);
    }
}
