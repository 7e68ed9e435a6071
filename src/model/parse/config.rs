//! Reading the configuration files (SPEC §3): site.toml, area.toml and council.toml with its
//! members.

use std::sync::Arc;

use super::with_toml_file;
use crate::diag::{Diagnostic, Source};
use crate::i18n::Msg;
use crate::model::schema::Reader;
use crate::model::schema::Sink;
use crate::model::*;
use crate::msg;
use crate::rules::schema::invalid_value;

/// What is wrong with `url` as the address a site is published at (site.toml `base_url`,
/// `build --base-url`): it must be an `http(s)://` address with a host, without user name,
/// password, query or fragment, and without blanks, control characters or quotes (which a
/// browser would drop or encode silently, so the published links would not be what is
/// written).
pub fn base_url_problem(url: &str) -> Option<Msg> {
    if url.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '"' | '\'' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^'
            )
    }) {
        return Some(msg!("base-url-blanks"));
    }
    let Ok(parsed) = url::Url::parse(url) else {
        return Some(msg!("base-url-not-url"));
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return Some(msg!("base-url-scheme"));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Some(msg!("base-url-no-host"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some(msg!("base-url-credentials"));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Some(msg!("base-url-query"));
    }
    None
}

/// Whether `url`, the `base_url` of a configuration file, is the address of a published
/// site; if not, says why ([`base_url_problem`]) as an `invalid-value` finding.
pub(crate) fn check_base_url(r: &Reader<'_, '_>, url: &Sp<String>) -> bool {
    let Some(problem) = base_url_problem(&url.value) else {
        return true;
    };
    r.push(
        invalid_value::diagnostic(
            r.src,
            url.span.clone(),
            msg!("base-url-not-absolute", problem),
            msg!("base-url-not-absolute-label"),
        )
        .help(msg!("base-url-not-absolute-help")),
    );
    false
}

pub fn parse_site_config(src: &Arc<Source>) -> (SiteConfig, Vec<Diagnostic>) {
    let sink = Sink::default();
    let mut config = SiteConfig::default();
    with_toml_file(src, &sink, msg!("what-file", file = "site.toml"), |r| {
        r.require("title", "title = \"辽宁路街道网格议事会\"");
        config.title = r.text("title");
        r.require("base_url", "base_url = \"https://example.org/\"");
        config.base_url = r.text("base_url");
        if let Some(url) = &config.base_url {
            check_base_url(r, url);
        }
        if let Some(langs) = r.strings("languages") {
            let mut seen: Vec<String> = Vec::new();
            for l in &langs.value {
                if !is_language(&l.value) {
                    r.push(
                        invalid_value::diagnostic(
                            r.src,
                            l.span.clone(),
                            msg!("language-code-bad", value = &l.value),
                            msg!("language-code-bad-label"),
                        )
                        .help(msg!("language-code-bad-help")),
                    );
                } else if seen.contains(&l.value) {
                    r.push(
                        invalid_value::diagnostic(
                            r.src,
                            l.span.clone(),
                            msg!("language-twice", value = &l.value),
                            msg!("language-twice-label"),
                        )
                        .help(msg!("language-twice-help")),
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
                        msg!("languages-empty"),
                        msg!("languages-empty-label"),
                    )
                    .help(msg!("languages-empty-help")),
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
                        msg!("theme-not-folder"),
                        msg!("theme-not-folder-label"),
                    )
                    .help(msg!("theme-not-folder-help")),
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
                        msg!("extra-not-table"),
                        msg!("extra-not-table-label"),
                    )
                    .help(msg!("extra-not-table-help")),
                );
            }
        }
        if let Some(mut l) = r.table("lifecycle", msg!("what-table", table = "lifecycle")) {
            if let Some(d) = l.int("response_days", 0..3651) {
                config.response_days = d.value;
            }
            if let Some(d) = l.int("filing_days", 0..3651) {
                config.filing_days = d.value;
            }
            if let Some(d) = l.int("notice_days", 0..3651) {
                config.notice_days = d.value;
            }
            if let Some(d) = l.int("feedback_days", 0..3651) {
                config.feedback_days = d.value;
            }
            if let Some(d) = l.int("supervision_days", 1..3651) {
                config.supervision_days = d.value;
            }
            l.finish();
        }
        if let Some(mut p) = r.table("privacy", msg!("what-table", table = "privacy")) {
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
    with_toml_file(src, &sink, msg!("what-file", file = "area.toml"), |r| {
        r.require("name", "name = \"黄台路社区\"");
        area.name = r.text("name");
        if let Some(k) = r.choice::<AreaKind>("kind") {
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
        level: Level::Grid,
        contact: None,
        members: Vec::new(),
        translations: Translations::new(),
        proposals: Vec::new(),
        meetings: Vec::new(),
        reports: Vec::new(),
        feedback: Vec::new(),
    };
    let parsed = with_toml_file(src, &sink, msg!("what-file", file = "council.toml"), |r| {
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
                        msg!("quorum-bad", value = &q.value),
                        msg!("quorum-bad-label"),
                    )
                    .help(msg!("quorum-bad-help")),
                ),
            }
        }
        if let Some(m) = r.choice::<Majority>("majority") {
            council.majority = m.value;
        }
        if let Some(s) = r.choice::<Signing>("signing") {
            council.signing = s.value;
        }
        if let Some(l) = r.choice::<Level>("level") {
            council.level = l.value;
        }
        council.contact = r.string("contact").filter(|s| !s.value.trim().is_empty());
        let tables = r.tables("members", |n| msg!("what-member-n", n));
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
        r.what = msg!("what-member", id = &id.value);
    }
    r.require("name", "name = \"王丽\"");
    let name = r.text("name");
    let roles = r
        .choices::<Role>("roles")
        .unwrap_or_else(|| vec![Role::Member]);
    let represents = r.choice::<Represents>("represents").map(|s| s.value);
    let selected = r.choice::<Selected>("selected").map(|s| s.value);
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
                msg!("member-to-before-from"),
                msg!("member-to-before-from-label"),
            )
            .also(r.src, f.span.clone(), msg!("member-from-label"))
            .help(msg!("member-to-before-from-help")),
        );
    }
    let voting = r.bool("voting").map(|b| b.value).unwrap_or(true);
    let git = r.strings("git").map(|g| g.value).unwrap_or_default();
    for g in &git {
        if !looks_like_email(&g.value) {
            r.push(
                invalid_value::diagnostic(
                    r.src,
                    g.span.clone(),
                    msg!("git-not-email"),
                    msg!("git-not-email-label"),
                )
                .help(msg!("git-not-email-help")),
            );
        }
    }
    let keys = r.strings("keys").map(|k| k.value).unwrap_or_default();
    for k in &keys {
        if let Err(why) = check_ssh_key(&k.value) {
            r.push(
                invalid_value::diagnostic(
                    r.src,
                    k.span.clone(),
                    msg!("ssh-key-bad", why),
                    msg!("ssh-key-bad-label"),
                )
                .help(msg!("ssh-key-bad-help")),
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

/// The SSH key types whose commit signatures `audit` verifies: every type OpenSSH signs
/// with, but DSA (`ssh-dss`), which OpenSSH has retired.
pub const SSH_KEY_TYPES: [&str; 7] = [
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

fn check_ssh_key(s: &str) -> Result<(), Msg> {
    let kind = s.split_whitespace().next().unwrap_or("");
    if !SSH_KEY_TYPES.contains(&kind) {
        return Err(msg!(
            "ssh-key-kind",
            kind,
            others = SSH_KEY_TYPES[1..].join(", ")
        ));
    }
    ssh_key::PublicKey::from_openssh(s.trim())
        .map(|_| ())
        .map_err(|e| msg!("ssh-key-parse", detail = e.to_string()))
}
