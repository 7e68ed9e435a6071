//! Views of return visits (SPEC §8): the page of one visit, and the latest visit of a matter
//! as its page shows it.

use serde::Serialize;

use super::*;
use crate::model::Feedback;

#[derive(Clone, Debug, Serialize)]
pub struct FeedbackView {
    pub council: CouncilRef,
    pub matter: Option<MatterLink>,
    pub url: String,
    pub date: String,
    pub by: Vec<PersonRef>,
    pub reached: Option<Text>,
    pub satisfaction: Option<&'static str>,
    pub source: String,
}

/// Return visit `fi` of council `ci`, when it is dated by the day.
pub fn feedback(ctx: &Ctx<'_>, lang: &str, ci: usize, fi: usize) -> Option<FeedbackView> {
    let c = &ctx.site.councils[ci];
    let f: &Feedback = &c.feedback[fi];
    let date = f.date.as_ref()?.value;
    if date > ctx.today {
        return None;
    }
    let matter = f
        .proposal
        .as_ref()
        .and_then(|pid| ctx.derived.indexes[ci].get(&pid.value.to_ascii_lowercase()))
        .filter(|&&pi| ctx.lifecycle(ci, pi).is_some())
        .map(|&pi| ctx.matter_link(lang, ci, pi));
    Some(FeedbackView {
        council: ctx.council_ref(lang, ci),
        matter,
        url: ctx.url(&Route::Feedback(ci, fi)),
        date: date.to_string(),
        by: f
            .by
            .iter()
            .map(|id| ctx.member_name(lang, c, &id.value))
            .collect(),
        reached: ctx.text(lang, f.reached.as_ref(), &f.translations, "reached"),
        satisfaction: f.satisfaction.as_ref().map(|s| s.value.as_str()),
        source: f.meta.source.path.clone(),
    })
}
