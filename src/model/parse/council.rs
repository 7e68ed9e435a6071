//! area.toml and council.toml, with the council's members.

use std::sync::Arc;

use super::super::*;
use super::with_toml_file;
use crate::diag::{Diagnostic, Source};
use crate::model::schema::{Reader, Sink};
use crate::rules::schema::invalid_value;

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
        level: Level::Grid,
        members: Vec::new(),
        translations: Translations::new(),
        proposals: Vec::new(),
        meetings: Vec::new(),
        reports: Vec::new(),
        feedback: Vec::new(),
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
        if let Some(l) = r.choice("level", Level::ALL, Level::parse) {
            council.level = l.value;
        }
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
        council.translations = r.translations(&["name"], languages);
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
