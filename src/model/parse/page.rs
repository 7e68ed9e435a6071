//! Content pages and the translations of records and pages (`<stem>.<lang>.md`).

use std::sync::Arc;

use super::super::*;
use super::with_front_matter;
use crate::diag::{Diagnostic, Source};
use crate::model::schema::Sink;
use crate::msg;

pub fn parse_page(path: &str, src: &Arc<Source>) -> (Page, Vec<Diagnostic>) {
    let sink = Sink::default();
    let (meta, body, fields) = with_front_matter(path, src, &sink, msg!("what-page"), |r| {
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
    let (_, body, fields) = with_front_matter(stem, src, &sink, msg!("what-translation"), |r| {
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
