//! What SPEC calls a decision in a meeting record, and how two versions of one differ
//! (`decision-rewritten`, and the field changes `council log` shows).

use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::{Msg, list};
use crate::model::Meeting;
use crate::msg;

/// What changed in the decisions of a meeting between two versions, and where (in the new
/// version) the first change is. `None` when nothing SPEC calls a decision changed.
pub fn decision_changes(
    old: &Meeting,
    new: &Meeting,
) -> Option<(crate::i18n::Arg, std::ops::Range<usize>)> {
    let mut changes: Vec<Msg> = Vec::new();
    let mut first: Option<std::ops::Range<usize>> = None;
    let mut note = |what: Msg,
                    span: Option<std::ops::Range<usize>>,
                    first: &mut Option<std::ops::Range<usize>>| {
        changes.push(what);
        if first.is_none() {
            *first = span;
        }
    };
    let od = old.date.as_ref().map(|d| d.value);
    let nd = new.date.as_ref().map(|d| d.value);
    if od != nd {
        note(
            msg!("change-date", before = show(od), after = show(nd)),
            new.date.as_ref().map(|d| d.span.clone()),
            &mut first,
        );
    }
    let set = |m: &Meeting| m.present_ids().map(str::to_string).collect::<BTreeSet<_>>();
    let (op, np) = (set(old), set(new));
    if op != np {
        let gone: Vec<_> = op.difference(&np).map(|s| format!("-{s}")).collect();
        let came: Vec<_> = np.difference(&op).map(|s| format!("+{s}")).collect();
        note(
            msg!(
                "change-present",
                changes = gone.into_iter().chain(came).collect::<Vec<_>>().join(" ")
            ),
            new.present.as_ref().map(|p| p.span.clone()),
            &mut first,
        );
    }
    fn decisions(m: &Meeting) -> BTreeMap<String, &crate::model::Item> {
        m.items
            .iter()
            .filter(|i| i.is_decision())
            .filter_map(|i| i.proposal.as_ref().map(|p| (p.value.clone(), i)))
            .collect()
    }
    let (oi, ni) = (decisions(old), decisions(new));
    for (pid, o) in &oi {
        match ni.get(pid) {
            None => note(
                msg!("change-decision-removed", id = pid.as_str()),
                new.items.first().map(|i| i.span.clone()),
                &mut first,
            ),
            Some(n) => {
                for (field, a, b, span) in item_fields(o, n) {
                    if a != b {
                        note(
                            msg!(
                                "change-field",
                                id = pid.as_str(),
                                field,
                                before = a,
                                after = b
                            ),
                            span,
                            &mut first,
                        );
                    }
                }
            }
        }
    }
    for (pid, n) in &ni {
        if !oi.contains_key(pid) {
            note(
                msg!("change-decision-added", id = pid.as_str()),
                Some(n.span.clone()),
                &mut first,
            );
        }
    }
    if changes.is_empty() {
        return None;
    }
    Some((list(changes), first.unwrap_or(0..0)))
}

pub(crate) fn show<T: std::fmt::Display>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_else(|| "—".into())
}

/// The decision fields of two versions of an item: name, old, new, span in the new one.
pub fn item_fields(
    o: &crate::model::Item,
    n: &crate::model::Item,
) -> Vec<(&'static str, String, String, Option<std::ops::Range<usize>>)> {
    let ov = o.votes.as_ref().map(|v| v.value);
    let nv = n.votes.as_ref().map(|v| v.value);
    let vspan = n.votes.as_ref().map(|v| v.span.clone());
    vec![
        (
            "outcome",
            show(o.outcome.as_ref().map(|x| x.value)),
            show(n.outcome.as_ref().map(|x| x.value)),
            n.outcome.as_ref().map(|x| x.span.clone()),
        ),
        (
            "votes.yes",
            show(ov.map(|v| v.yes)),
            show(nv.map(|v| v.yes)),
            vspan.clone(),
        ),
        (
            "votes.no",
            show(ov.map(|v| v.no)),
            show(nv.map(|v| v.no)),
            vspan.clone(),
        ),
        (
            "votes.abstain",
            show(ov.map(|v| v.abstain)),
            show(nv.map(|v| v.abstain)),
            vspan,
        ),
        (
            "owner",
            show(o.owner.as_ref().map(|x| x.value.clone())),
            show(n.owner.as_ref().map(|x| x.value.clone())),
            n.owner.as_ref().map(|x| x.span.clone()),
        ),
        (
            "due",
            show(o.due.as_ref().map(|x| x.value)),
            show(n.due.as_ref().map(|x| x.value)),
            n.due.as_ref().map(|x| x.span.clone()),
        ),
    ]
}
