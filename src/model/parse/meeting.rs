//! Meeting minutes and their items: `meetings/<stem>.md`.

use std::sync::Arc;

use super::super::*;
use super::{check_stem, record_meta, with_front_matter};
use crate::diag::{Diagnostic, Source};
use crate::model::schema::{Reader, Sink};
use crate::rules::schema::{invalid_value, missing_field};

pub fn parse_meeting(
    stem: &str,
    src: &Arc<Source>,
    languages: &[String],
) -> (Meeting, Vec<Diagnostic>) {
    let sink = Sink::default();
    check_stem(src, "meeting", stem, &sink);
    let mut m = Meeting {
        meta: record_meta(stem, src),
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
