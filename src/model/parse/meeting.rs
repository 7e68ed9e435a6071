//! Meeting minutes and their items: `meetings/<stem>.md`.

use std::sync::Arc;

use super::super::*;
use super::{check_stem, with_front_matter};
use crate::diag::{Diagnostic, Source};
use crate::model::schema::{Reader, Sink};
use crate::msg;
use crate::rules::schema::{invalid_value, missing_field};

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
