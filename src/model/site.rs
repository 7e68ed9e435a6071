//! Reading a whole site: the configuration first (it names the languages that tell a
//! translation from a record), then every file in parallel, then putting records into
//! their councils.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::*;
use crate::diag::{Diagnostic, Source};
use crate::load::{self, FoundFile, RecordKind};
use crate::rules::files::misplaced_file;

enum Parsed {
    Area(Area),
    Council(usize, Council),
    Proposal(usize, Proposal),
    Meeting(usize, Meeting),
    Report(usize, Report),
    Feedback(usize, Feedback),
    RecordText(usize, RecordKind, String, TranslatedText, String),
    Page(Page),
    PageText(String, TranslatedText, String),
    Attachment(Attachment),
    StaticText(Arc<Source>),
    Unread,
}

/// Reads the site at `root` (which holds site.toml). Never fails: what cannot be read is a
/// finding, and everything else is still read.
pub fn load_site(root: &Path) -> (Site, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // site.toml is read like any other file: never through a link out of the site (its lines
    // would be echoed in findings, and `/proc/self/environ` holds a CI's secrets).
    let read = load::file_inside(root, "site.toml").and_then(|f| load::read_source(&f));
    let (config, config_source) = match read {
        Ok(src) => {
            let (config, d) = parse_site_config(&src);
            diags.extend(d);
            (config, src)
        }
        Err(d) => {
            diags.push(*d);
            (SiteConfig::default(), Source::new("site.toml", ""))
        }
    };
    let languages = config.languages.clone();
    let layout = load::walk(root, &languages, &mut diags);

    enum Job<'a> {
        Area(&'a load::AreaFile),
        Council(usize, &'a FoundFile),
        Record(usize, &'a load::RecordFile),
        Page(&'a load::PageFile),
        Attachment(&'a FoundFile, load::AttachmentKind),
        Static(&'a FoundFile),
    }
    let mut jobs = Vec::new();
    for a in &layout.areas {
        jobs.push(Job::Area(a));
    }
    for (i, c) in layout.councils.iter().enumerate() {
        jobs.push(Job::Council(i, &c.toml));
        for r in &c.records {
            jobs.push(Job::Record(i, r));
        }
    }
    for p in &layout.pages {
        jobs.push(Job::Page(p));
    }
    let file_count = jobs.len() + 1;
    for (f, kind) in &layout.attachments {
        jobs.push(Job::Attachment(f, *kind));
    }
    for f in &layout.statics {
        jobs.push(Job::Static(f));
    }

    let results: Vec<(Parsed, Vec<Diagnostic>)> = jobs
        .par_iter()
        .map(|job| {
            let file = match job {
                Job::Area(a) => &a.toml,
                Job::Council(_, f) => f,
                Job::Record(_, r) => &r.file,
                Job::Page(p) => &p.file,
                Job::Attachment(f, kind) => return read_attachment(f, *kind),
                Job::Static(f) => return read_static(f),
            };
            let src = match load::read_source(file) {
                Ok(s) => s,
                Err(d) => {
                    // A council whose council.toml cannot be read still holds its records,
                    // and a record that cannot be read still exists: references to it are
                    // not reported as references to nothing (one slip, one finding).
                    let unread = Source::new(&file.rel, "");
                    return match job {
                        Job::Council(i, _) => {
                            let key = layout.councils[*i].key.clone();
                            let (mut c, _) = parse_council(&key, &unread, &languages);
                            c.parsed = false;
                            (Parsed::Council(*i, c), vec![*d])
                        }
                        Job::Record(i, r) if r.lang.is_none() => {
                            let meta = RecordMeta::unread(&r.stem, &unread);
                            let parsed = match r.kind {
                                RecordKind::Proposal => {
                                    Parsed::Proposal(*i, Proposal::unread(meta))
                                }
                                RecordKind::Meeting => Parsed::Meeting(*i, Meeting::unread(meta)),
                                RecordKind::Report => Parsed::Report(*i, Report::unread(meta)),
                                RecordKind::Feedback => {
                                    Parsed::Feedback(*i, Feedback::unread(meta))
                                }
                            };
                            (parsed, vec![*d])
                        }
                        _ => (Parsed::Unread, vec![*d]),
                    };
                }
            };
            let langs = &languages[..];
            match job {
                Job::Area(a) => {
                    let (x, d) = parse_area(&a.key, &src, langs);
                    (Parsed::Area(x), d)
                }
                Job::Council(i, _) => {
                    let (x, d) = parse_council(&layout.councils[*i].key, &src, langs);
                    (Parsed::Council(*i, x), d)
                }
                Job::Record(i, r) => parse_record(*i, r, &src, langs),
                Job::Attachment(..) | Job::Static(_) => unreachable!("read above"),
                Job::Page(p) => match &p.lang {
                    None => {
                        let (x, d) = parse_page(&p.path, &src);
                        (Parsed::Page(x), d)
                    }
                    Some(lang) => {
                        let (x, d) = parse_translation(&p.path, lang, &src, true);
                        (Parsed::PageText(p.path.clone(), x, p.file.rel.clone()), d)
                    }
                },
            }
        })
        .collect();

    let mut areas = Vec::new();
    let mut councils: Vec<Option<Council>> = layout.councils.iter().map(|_| None).collect();
    let mut proposals: Vec<Vec<Proposal>> = layout.councils.iter().map(|_| Vec::new()).collect();
    let mut meetings: Vec<Vec<Meeting>> = layout.councils.iter().map(|_| Vec::new()).collect();
    let mut reports: Vec<Vec<Report>> = layout.councils.iter().map(|_| Vec::new()).collect();
    let mut feedback: Vec<Vec<Feedback>> = layout.councils.iter().map(|_| Vec::new()).collect();
    let mut record_texts = Vec::new();
    let mut pages = Vec::new();
    let mut page_texts = Vec::new();
    let mut attachments = Vec::new();
    let mut static_texts = Vec::new();
    for (parsed, d) in results {
        diags.extend(d);
        match parsed {
            Parsed::Area(a) => areas.push(a),
            Parsed::Council(i, c) => councils[i] = Some(c),
            Parsed::Proposal(i, p) => proposals[i].push(p),
            Parsed::Meeting(i, m) => meetings[i].push(m),
            Parsed::Report(i, r) => reports[i].push(r),
            Parsed::Feedback(i, f) => feedback[i].push(f),
            Parsed::RecordText(i, kind, stem, t, rel) => record_texts.push((i, kind, stem, t, rel)),
            Parsed::Page(p) => pages.push(p),
            Parsed::PageText(path, t, rel) => page_texts.push((path, t, rel)),
            Parsed::Attachment(a) => attachments.push(a),
            Parsed::StaticText(src) => static_texts.push(src),
            Parsed::Unread => {}
        }
    }
    let mut councils: Vec<Council> = councils
        .into_iter()
        .zip(proposals)
        .zip(meetings)
        .zip(reports)
        .zip(feedback)
        .filter_map(|((((c, p), m), r), f)| {
            let mut c = c?;
            c.proposals = p;
            c.meetings = m;
            c.reports = r;
            c.feedback = f;
            Some(c)
        })
        .collect();

    for (i, kind, stem, text, rel) in record_texts {
        let key = &layout.councils[i].key;
        let Some(c) = councils.iter_mut().find(|c| &c.key == key) else {
            continue;
        };
        let texts = match kind {
            RecordKind::Proposal => c
                .proposals
                .iter_mut()
                .find(|p| p.meta.stem == stem)
                .map(|p| &mut p.texts),
            RecordKind::Meeting => c
                .meetings
                .iter_mut()
                .find(|p| p.meta.stem == stem)
                .map(|p| &mut p.texts),
            RecordKind::Report => c
                .reports
                .iter_mut()
                .find(|p| p.meta.stem == stem)
                .map(|p| &mut p.texts),
            RecordKind::Feedback => c
                .feedback
                .iter_mut()
                .find(|p| p.meta.stem == stem)
                .map(|p| &mut p.texts),
        };
        match texts {
            Some(t) => t.push(text),
            None => diags.push(misplaced_file::orphan_translation(
                &rel,
                &format!("{stem}.md"),
            )),
        }
    }
    for (path, text, rel) in page_texts {
        match pages.iter_mut().find(|p: &&mut Page| p.path == path) {
            Some(p) => p.texts.push(text),
            None => {
                let name = path.rsplit('/').next().unwrap_or(&path);
                diags.push(misplaced_file::orphan_translation(
                    &rel,
                    &format!("{name}.md"),
                ));
            }
        }
    }

    councils.sort_by(|a, b| a.key.cmp(&b.key));
    for c in &mut councils {
        c.proposals.sort_by(|a, b| a.meta.stem.cmp(&b.meta.stem));
        let ids: Vec<&str> = c.proposals.iter().map(|p| p.id()).collect();
        diags.extend(
            c.proposals
                .iter()
                .filter_map(|p| super::parse::proposal_stem_finding(p, &ids)),
        );
        c.meetings.sort_by(|a, b| a.meta.stem.cmp(&b.meta.stem));
        c.reports.sort_by(|a, b| a.meta.stem.cmp(&b.meta.stem));
        c.feedback.sort_by(|a, b| a.meta.stem.cmp(&b.meta.stem));
    }
    areas.sort_by(|a: &Area, b| a.key.cmp(&b.key));
    attachments.sort_by(|a: &Attachment, b| a.file.rel.cmp(&b.file.rel));
    static_texts.sort_by(|a: &Arc<Source>, b| a.path.cmp(&b.path));
    pages.sort_by(|a: &Page, b| a.path.cmp(&b.path));

    let site = Site {
        root: root.to_path_buf(),
        config,
        config_source,
        areas,
        councils,
        pages,
        files: layout.files,
        statics: layout.statics,
        attachments,
        static_texts,
        file_count,
    };
    (site, diags)
}

/// An attachment: a binary one is checked (size, first bytes), a text or SVG one read; an SVG
/// one must parse.
fn read_attachment(f: &FoundFile, kind: load::AttachmentKind) -> (Parsed, Vec<Diagnostic>) {
    if !kind.is_text() {
        return match load::attachments::check_binary(f, kind) {
            Ok(()) => (
                Parsed::Attachment(Attachment {
                    file: f.clone(),
                    kind,
                    text: None,
                }),
                Vec::new(),
            ),
            Err(d) => (Parsed::Unread, vec![*d]),
        };
    }
    let src = match load::read_source(f) {
        Ok(s) => s,
        Err(d) => return (Parsed::Unread, vec![*d]),
    };
    if kind == load::AttachmentKind::Svg
        && let Err(e) = crate::svg::sanitise(&src.text)
    {
        return (
            Parsed::Unread,
            vec![misplaced_file::not_svg(&src, e.at, e.why)],
        );
    }
    (
        Parsed::Attachment(Attachment {
            file: f.clone(),
            kind,
            text: Some(src),
        }),
        Vec::new(),
    )
}

/// A static file: checked for size, and read when it is text (for the personal-data scan).
fn read_static(f: &FoundFile) -> (Parsed, Vec<Diagnostic>) {
    use std::io::Read;
    let head = std::fs::File::open(&f.abs).and_then(|file| {
        let len = file.metadata()?.len();
        let mut head = Vec::new();
        file.take(8192).read_to_end(&mut head)?;
        Ok((len, head))
    });
    let (len, head) = match head {
        Ok(x) => x,
        Err(e) => return (Parsed::Unread, vec![misplaced_file::unreadable(&f.rel, &e)]),
    };
    if len > load::MAX_FILE_BYTES {
        return (
            Parsed::Unread,
            vec![misplaced_file::too_large(&f.rel, len, load::MAX_FILE_BYTES)],
        );
    }
    // Text: no NUL byte, and UTF-8 (a character may be cut at the end of the sample).
    let is_text = !head.contains(&0)
        && match std::str::from_utf8(&head) {
            Ok(_) => true,
            Err(e) => e.error_len().is_none() && head.len() as u64 == 8192,
        };
    if !is_text {
        return (Parsed::Unread, Vec::new());
    }
    match load::read_source(f) {
        Ok(src) => (Parsed::StaticText(src), Vec::new()),
        // Binary after all, past the sample: nothing to scan.
        Err(d) if d.rule == "invalid-utf8" => (Parsed::Unread, Vec::new()),
        Err(d) => (Parsed::Unread, vec![*d]),
    }
}

fn parse_record(
    i: usize,
    r: &load::RecordFile,
    src: &Arc<Source>,
    langs: &[String],
) -> (Parsed, Vec<Diagnostic>) {
    if let Some(lang) = &r.lang {
        let (t, d) = parse_translation(&r.stem, lang, src, false);
        return (
            Parsed::RecordText(i, r.kind, r.stem.clone(), t, r.file.rel.clone()),
            d,
        );
    }
    match r.kind {
        RecordKind::Proposal => {
            let (p, d) = parse_proposal(&r.stem, src, langs);
            (Parsed::Proposal(i, p), d)
        }
        RecordKind::Meeting => {
            let (m, d) = parse_meeting(&r.stem, src, langs);
            (Parsed::Meeting(i, m), d)
        }
        RecordKind::Report => {
            let (x, d) = parse_report(&r.stem, src, langs);
            (Parsed::Report(i, x), d)
        }
        RecordKind::Feedback => {
            let (x, d) = parse_feedback(&r.stem, src, langs);
            (Parsed::Feedback(i, x), d)
        }
    }
}

/// What one edited file is to a site, for `serve`'s incremental reload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// A record or a record's translation of council `council`.
    Record { council: usize, file: String },
    /// A council's council.toml.
    Council { council: usize },
    /// A content page or its translation.
    Page,
}

impl Site {
    /// The index of the council whose folder holds the file `rel` (relative to the root).
    pub fn council_of(&self, rel: &str) -> Option<usize> {
        let rest = rel.strip_prefix("councils/")?;
        self.councils.iter().position(|c| {
            rest.strip_prefix(c.key.as_str())
                .is_some_and(|r| r.starts_with('/'))
        })
    }

    /// Reads again a file this site already holds and that still exists as a regular file:
    /// a record, a translation, a council.toml or a content page. Returns what it was and its
    /// findings from reading, or `None` when the change is anything else (a new or deleted
    /// file, a symlink, a file that no longer reads as text, site.toml…): then the caller
    /// reloads the whole site.
    pub fn reload_file(&mut self, rel: &str) -> Option<(Touched, Vec<Diagnostic>)> {
        let abs = self.root.join(rel);
        if !std::fs::symlink_metadata(&abs).ok()?.is_file() {
            return None;
        }
        let found = FoundFile {
            rel: rel.to_string(),
            abs,
        };
        let languages = self.config.languages.clone();
        let split = |name: &str| -> (String, Option<String>) {
            let stem = name.strip_suffix(".md").unwrap_or(name);
            match stem.rsplit_once('.') {
                Some((base, l)) if languages.iter().skip(1).any(|x| x == l) => {
                    (base.to_string(), Some(l.to_string()))
                }
                _ => (stem.to_string(), None),
            }
        };
        if let Some(rest) = rel.strip_prefix("content/") {
            if !rel.ends_with(".md") {
                return None;
            }
            let (path, lang) = split(rest);
            let pi = self.pages.iter().position(|p| p.path == path)?;
            let src = load::read_source(&found).ok()?;
            return match lang {
                None => {
                    let (mut page, d) = parse_page(&path, &src);
                    page.texts = std::mem::take(&mut self.pages[pi].texts);
                    self.pages[pi] = page;
                    Some((Touched::Page, d))
                }
                Some(lang) => {
                    let ti = self.pages[pi].texts.iter().position(|t| t.lang == lang)?;
                    let (t, d) = parse_translation(&path, &lang, &src, true);
                    self.pages[pi].texts[ti] = t;
                    Some((Touched::Page, d))
                }
            };
        }
        let ci = self.council_of(rel)?;
        let inner = &rel["councils/".len() + self.councils[ci].key.len() + 1..];
        if inner == "council.toml" {
            let src = load::read_source(&found).ok()?;
            let (mut council, d) = parse_council(&self.councils[ci].key, &src, &languages);
            let old = &mut self.councils[ci];
            council.proposals = std::mem::take(&mut old.proposals);
            council.meetings = std::mem::take(&mut old.meetings);
            council.reports = std::mem::take(&mut old.reports);
            council.feedback = std::mem::take(&mut old.feedback);
            *old = council;
            return Some((Touched::Council { council: ci }, d));
        }
        let (folder, name) = inner.split_once('/')?;
        if name.contains('/') || !name.ends_with(".md") {
            return None;
        }
        let kind = RecordKind::from_folder(folder)?;
        let (stem, lang) = split(name);
        let src = load::read_source(&found).ok()?;
        let c = &mut self.councils[ci];
        let touched = Touched::Record {
            council: ci,
            file: rel.to_string(),
        };
        macro_rules! replace {
            ($list:expr, $parse:ident) => {{
                let i = $list.iter().position(|r| r.meta.stem == stem)?;
                match &lang {
                    None => {
                        let (mut rec, d) = $parse(&stem, &src, &languages);
                        rec.texts = std::mem::take(&mut $list[i].texts);
                        $list[i] = rec;
                        Some((touched, d))
                    }
                    Some(l) => {
                        let ti = $list[i].texts.iter().position(|t| &t.lang == l)?;
                        let (t, d) = parse_translation(&stem, l, &src, false);
                        $list[i].texts[ti] = t;
                        Some((touched, d))
                    }
                }
            }};
        }
        match kind {
            RecordKind::Proposal => {
                let (touched, mut d) = replace!(c.proposals, parse_proposal)?;
                let ids: Vec<&str> = c.proposals.iter().map(|p| p.id()).collect();
                if let Some(p) = c.proposals.iter().find(|p| p.meta.stem == stem) {
                    d.extend(super::parse::proposal_stem_finding(p, &ids));
                }
                Some((touched, d))
            }
            RecordKind::Meeting => replace!(c.meetings, parse_meeting),
            RecordKind::Report => replace!(c.reports, parse_report),
            RecordKind::Feedback => replace!(c.feedback, parse_feedback),
        }
    }
}
