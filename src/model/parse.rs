//! Reading each kind of file into its typed record (SPEC §3). Pure functions of a file's
//! text: the same code reads the work tree for `check` and old blobs for `audit`.

use std::ops::Range;
use std::sync::Arc;

use toml::de::DeTable;

use super::schema::{Reader, Sink, is_id};
use super::*;
use crate::diag::{Diagnostic, Source};
use crate::load::frontmatter::{self, SplitError};
use crate::markdown;
use crate::rules::files::{front_matter_missing, toml_syntax};
use crate::rules::schema::{invalid_value, missing_field};

/// Runs `read` on the front matter of a record, if it has one that is valid TOML.
/// Returns the record's meta and body; findings go to `sink`.
fn with_front_matter<T>(
    stem: &str,
    src: &Arc<Source>,
    sink: &Sink,
    what: &str,
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
    what: &str,
    read: impl FnOnce(&mut Reader<'_, '_>) -> T,
) -> Option<T> {
    let table = parse_toml(src, 0..src.text.len(), sink)?;
    let mut r = Reader::new(src, sink, 0, &table, 0..0, what);
    let out = read(&mut r);
    r.finish();
    Some(out)
}

pub fn parse_site_config(src: &Arc<Source>) -> (SiteConfig, Vec<Diagnostic>) {
    let sink = Sink::default();
    let mut config = SiteConfig::default();
    with_toml_file(src, &sink, "site.toml", |r| {
        r.require("title", "title = \"辽宁路街道网格议事会\"");
        config.title = r.text("title");
        r.require("base_url", "base_url = \"https://example.org/\"");
        config.base_url = r.text("base_url");
        if let Some(url) = &config.base_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            r.push(
                invalid_value::diagnostic(
                    r.src,
                    url.span.clone(),
                    "`base_url` must be an absolute web address",
                    "not an http(s) URL",
                )
                .help("write the full address the site is published at, like `https://yishi.example.org/`"),
            );
        }
        if let Some(langs) = r.strings("languages") {
            let mut seen: Vec<String> = Vec::new();
            for l in &langs.value {
                if !is_language(&l.value) {
                    r.push(
                        invalid_value::diagnostic(
                            r.src,
                            l.span.clone(),
                            format!("`{}` is not a language code", l.value),
                            "not a language code",
                        )
                        .help("use a short language code such as `zh` or `en`"),
                    );
                } else if seen.contains(&l.value) {
                    r.push(
                        invalid_value::diagnostic(
                            r.src,
                            l.span.clone(),
                            format!("language `{}` is listed twice", l.value),
                            "listed twice",
                        )
                        .help("list each language once"),
                    );
                } else {
                    seen.push(l.value.clone());
                }
            }
            if langs.value.is_empty() {
                r.push(
                    invalid_value::diagnostic(
                        r.src,
                        langs.span.clone(),
                        "`languages` is empty",
                        "no language",
                    )
                    .help("list at least the default language, like `languages = [\"zh\"]`"),
                );
            }
            if !seen.is_empty() {
                config.languages = seen;
            }
        }
        if let Some(theme) = r.text("theme") {
            if theme.contains(['/', '\\']) || theme.starts_with('.') {
                r.push(
                    invalid_value::diagnostic(
                        r.src,
                        theme.span.clone(),
                        "`theme` must be a folder name under themes/",
                        "not a folder name",
                    )
                    .help("write only the folder's name, like `theme = \"default\"`"),
                );
            } else {
                config.theme = theme.value;
            }
        }
        config.description = r.string("description");
        config.repository = r
            .string("repository")
            .filter(|s| !s.value.trim().is_empty());
        if let Some(extra) = r.free("extra") {
            if extra.is_object() {
                config.extra = extra;
            } else {
                r.push(
                    invalid_value::diagnostic(
                        r.src,
                        0..0,
                        "`extra` must be a table",
                        "not a table",
                    )
                    .help("write it as `[extra]` with keys below"),
                );
            }
        }
        if let Some(mut l) = r.table("lifecycle", "the `[lifecycle]` table") {
            if let Some(d) = l.int("response_days", 0..3651) {
                config.response_days = d.value;
            }
            if let Some(d) = l.int("filing_days", 0..3651) {
                config.filing_days = d.value;
            }
            if let Some(d) = l.int("notice_days", 0..3651) {
                config.notice_days = d.value;
            }
            l.finish();
        }
        if let Some(mut p) = r.table("privacy", "the `[privacy]` table") {
            if let Some(allow) = p.strings("allow") {
                config.privacy_allow = allow.value.into_iter().map(|s| s.value).collect();
            }
            p.finish();
        }
        config.translations = r.translations(&["title", "description"], &config.languages);
    });
    (config, sink.into_inner())
}

/// `zh`, `en`, `zh-Hant`: a short language tag.
pub fn is_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub fn parse_area(key: &str, src: &Arc<Source>, languages: &[String]) -> (Area, Vec<Diagnostic>) {
    let sink = Sink::default();
    let mut area = Area {
        key: key.to_string(),
        source: src.clone(),
        name: None,
        kind: AreaKind::Other,
        translations: Translations::new(),
    };
    with_toml_file(src, &sink, "area.toml", |r| {
        r.require("name", "name = \"黄台路社区\"");
        area.name = r.text("name");
        if let Some(k) = r.choice("kind", AreaKind::ALL, AreaKind::parse) {
            area.kind = k.value;
        }
        area.translations = r.translations(&["name"], languages);
    });
    (area, sink.into_inner())
}

pub fn parse_council(
    key: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Council, Vec<Diagnostic>) {
    let sink = Sink::default();
    let mut council = Council {
        key: key.to_string(),
        source: src.clone(),
        parsed: false,
        name: None,
        established: None,
        quorum: Sp::new(Fraction { num: 2, den: 3 }, 0..0),
        majority: Majority::Present,
        signing: Signing::Optional,
        contact: None,
        members: Vec::new(),
        translations: Translations::new(),
        proposals: Vec::new(),
        meetings: Vec::new(),
        reports: Vec::new(),
    };
    let parsed = with_toml_file(src, &sink, "council.toml", |r| {
        r.require("name", "name = \"黄台路社区第三网格议事会\"");
        council.name = r.text("name");
        r.require("established", "established = 2021-06-01");
        council.established = r.date("established");
        if let Some(q) = r.string("quorum") {
            match parse_fraction(&q.value) {
                Some(f) => council.quorum = Sp::new(f, q.span),
                None => r.push(
                    invalid_value::diagnostic(
                        r.src,
                        q.span.clone(),
                        format!("`{}` is not a valid quorum", q.value),
                        "not a fraction a/b",
                    )
                    .help(
                        "write a fraction of the members no larger than 1, like `quorum = \"2/3\"`",
                    ),
                ),
            }
        }
        if let Some(m) = r.choice("majority", Majority::ALL, Majority::parse) {
            council.majority = m.value;
        }
        if let Some(s) = r.choice("signing", Signing::ALL, Signing::parse) {
            council.signing = s.value;
        }
        council.contact = r.string("contact").filter(|s| !s.value.trim().is_empty());
        let tables = r.tables("members", "member");
        if tables.is_empty() && !r.has("members") {
            r.require(
                "members",
                "[[members]]\nid = \"wang-li\"\nname = \"王丽\"\nfrom = 2021-06-01",
            );
        }
        for mut m in tables {
            council.members.push(read_member(&mut m, languages));
            m.finish();
        }
        council.translations = r.translations(&["name", "contact"], languages);
    });
    council.parsed = parsed.is_some();
    (council, sink.into_inner())
}

fn parse_fraction(s: &str) -> Option<Fraction> {
    let (a, b) = s.trim().split_once('/')?;
    let num: u32 = a.trim().parse().ok()?;
    let den: u32 = b.trim().parse().ok()?;
    (num > 0 && den > 0 && num <= den).then_some(Fraction { num, den })
}

fn read_member(r: &mut Reader<'_, '_>, languages: &[String]) -> Member {
    r.require("id", "id = \"wang-li\"");
    let id = r.id("id");
    if let Some(id) = &id {
        r.what = format!("member `{}`", id.value);
    }
    r.require("name", "name = \"王丽\"");
    let name = r.text("name");
    let roles = r
        .choices("roles", Role::ALL, Role::parse)
        .unwrap_or_else(|| vec![Role::Member]);
    let represents = r
        .choice("represents", Represents::ALL, Represents::parse)
        .map(|s| s.value);
    let selected = r
        .choice("selected", Selected::ALL, Selected::parse)
        .map(|s| s.value);
    r.require("from", "from = 2021-06-01");
    let from = r.date("from");
    let to = r.date("to");
    if let (Some(f), Some(t)) = (&from, &to)
        && t.value < f.value
    {
        r.push(
            invalid_value::diagnostic(
                r.src,
                t.span.clone(),
                "`to` is before `from`",
                "ends before it starts",
            )
            .also(r.src, f.span.clone(), "starts here")
            .help("`to` is the last day the member served; it cannot be before `from`"),
        );
    }
    let voting = r.bool("voting").map(|b| b.value).unwrap_or(true);
    let git = r.strings("git").map(|g| g.value).unwrap_or_default();
    for g in &git {
        if !looks_like_email(&g.value) {
            r.push(
                invalid_value::diagnostic(r.src, g.span.clone(), "`git` holds something that is not an e-mail address", "not an e-mail address")
                    .help("list the e-mail addresses the member commits with, as `git config user.email` shows them"),
            );
        }
    }
    let keys = r.strings("keys").map(|k| k.value).unwrap_or_default();
    for k in &keys {
        if let Err(why) = check_ssh_key(&k.value) {
            r.push(
                invalid_value::diagnostic(r.src, k.span.clone(), format!("`keys` holds a malformed SSH public key: {why}"), "not an SSH public key")
                    .help("paste the whole line of the `.pub` file, like `ssh-ed25519 AAAAC3Nza… name@example.org`"),
            );
        }
    }
    let translations = r.translations(&["name"], languages);
    Member {
        span: r.anchor.clone(),
        id,
        name,
        roles,
        represents,
        selected,
        from,
        to,
        voting,
        git: git.into_iter().map(|g| g.value).collect(),
        keys,
        translations,
    }
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && !host.is_empty() && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn check_ssh_key(s: &str) -> Result<(), String> {
    let kind = s.split_whitespace().next().unwrap_or("");
    if !matches!(kind, "ssh-ed25519" | "ssh-rsa" | "ecdsa-sha2-nistp256") {
        return Err(format!(
            "`{kind}` keys are not supported (use ssh-ed25519 or ssh-rsa)"
        ));
    }
    ssh_key::PublicKey::from_openssh(s.trim())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Reports a record's file name when it cannot serve as an id or a web address.
fn check_stem(src: &Arc<Source>, kind: &str, stem: &str, sink: &Sink) {
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

pub fn parse_proposal(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Proposal, Vec<Diagnostic>) {
    let sink = Sink::default();
    check_stem(src, "proposal", stem, &sink);
    let (meta, body, fields) = with_front_matter(stem, src, &sink, "the proposal", |r| {
        r.require("title", "title = \"为黄台路41号加装电梯\"");
        let title = r.text("title");
        r.require("submitted", "submitted = 2022-03-14");
        let submitted = r.date("submitted");
        r.require("proposer", "proposer = \"黄台路41号居民（23户）\"");
        let proposer = r.text("proposer");
        let channel = r
            .choice("channel", Channel::ALL, Channel::parse)
            .map(|c| c.value);
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
                    "the proposal is withdrawn before it was submitted",
                    "before `submitted`",
                )
                .also(r.src, s.span.clone(), "submitted here")
                .help("check both dates; `withdrawn` is the day the proposer withdrew the matter"),
            );
        }
        if let Some(reason) = &withdrawn_reason
            && !r.has("withdrawn")
        {
            r.push(
                missing_field::diagnostic(r.src, reason.span.clone(), "the proposal", "withdrawn", "withdrawn = 2022-05-01")
                    .help("a reason for withdrawal needs the date: add `withdrawn = <date>`, or remove `withdrawn_reason`"),
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
    check_stem(src, "meeting", stem, &sink);
    let mut m = Meeting {
        meta: RecordMeta {
            stem: stem.into(),
            source: src.clone(),
            anchor: 0..0,
            parsed: false,
        },
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
    };
    let (meta, body, _) = with_front_matter(stem, src, &sink, "the minutes", |r| {
        r.require("date", "date = 2022-04-02");
        m.date = r.date("date");
        m.title = r.text("title");
        if let Some(k) = r.choice("kind", MeetingKind::ALL, MeetingKind::parse) {
            m.kind = k.value;
        }
        m.location = r.text("location");
        r.require("chair", "chair = \"<member id>\"");
        m.chair = r.id("chair");
        r.require("recorder", "recorder = \"<member id>\"");
        m.recorder = r.id("recorder");
        r.require("present", "present = [\"<member id>\", \"<member id>\"]");
        m.present = r.ids("present");
        m.absent = r.ids("absent").map(|a| a.value).unwrap_or_default();
        m.guests = r.strings("guests").map(|g| g.value).unwrap_or_default();
        let tables = r.tables("items", "item");
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
    (m, sink.into_inner())
}

fn read_item(
    r: &mut Reader<'_, '_>,
    meeting_date: Option<jiff::civil::Date>,
    languages: &[String],
) -> Item {
    r.require("proposal", "proposal = \"2022-001\"");
    let proposal = r.id("proposal");
    if let Some(p) = &proposal {
        r.what = format!("the item about `{}`", p.value);
    }
    r.require("action", "action = \"deliberate\"");
    let action = r.choice("action", Action::ALL, Action::parse);
    let outcome = r.choice("outcome", Outcome::ALL, Outcome::parse);
    let votes = r.table("votes", "the votes").map(|mut v| {
        let mut counts = [0u32; 3];
        let mut ok = true;
        for (i, key) in ["yes", "no", "abstain"].into_iter().enumerate() {
            v.require(key, &format!("{key} = 0"));
            match v.int(key, 0..100_000) {
                Some(n) => counts[i] = n.value as u32,
                None => ok = false,
            }
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
    let supervisors = r.ids("supervisors").map(|s| s.value).unwrap_or_default();
    let translations = r.translations(&["owner", "referred_to"], languages);

    match (action.as_deref(), outcome.as_ref()) {
        (Some(Action::Decide), None) if !r.has("outcome") => {
            r.require("outcome", "outcome = \"adopted\"");
        }
        (Some(Action::Deliberate), Some(o)) => r.push(
            invalid_value::diagnostic(
                r.src,
                o.span.clone(),
                "a `deliberate` item has no outcome",
                "outcome of a deliberation",
            )
            .help(
                "if the council decided, write `action = \"decide\"`; otherwise remove `outcome`",
            ),
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
                        format!("an `{}` decision records `{key}`: add `{example}`", o.value),
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
                "`due` is before the meeting",
                "deadline already past when decided",
            )
            .help("`due` is the deadline for implementation; it comes after the meeting's `date`"),
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
    check_stem(src, "report", stem, &sink);
    let (meta, body, fields) = with_front_matter(stem, src, &sink, "the report", |r| {
        r.require("proposal", "proposal = \"2022-001\"");
        let proposal = r.id("proposal");
        r.require("date", "date = 2022-06-30");
        let date = r.date("date");
        r.require("by", "by = [\"<supervisor id>\"]");
        let by = r.ids("by");
        if let Some(b) = &by
            && b.value.is_empty()
        {
            r.push(
                invalid_value::diagnostic(r.src, b.span.clone(), "`by` names nobody", "empty")
                    .help("list the ids of the members who supervised, like `by = [\"li-ming\"]`"),
            );
        }
        r.require("progress", "progress = 60");
        let progress = r
            .int("progress", 0..101)
            .map(|p| Sp::new(p.value as u8, p.span));
        r.require("status", "status = \"on-track\"");
        let status = r.choice("status", Status::ALL, Status::parse);
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
    let (meta, body, fields) = with_front_matter(path, src, &sink, "the page", |r| {
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
    let (_, body, fields) = with_front_matter(stem, src, &sink, "the translation", |r| {
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
