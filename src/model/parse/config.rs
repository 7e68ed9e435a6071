//! site.toml.

use std::sync::Arc;

use super::super::*;
use super::with_toml_file;
use crate::diag::{Diagnostic, Source};
use crate::model::schema::Sink;
use crate::rules::schema::invalid_value;

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
            if let Some(d) = l.int("feedback_days", 0..3651) {
                config.feedback_days = d.value;
            }
            if let Some(d) = l.int("supervision_days", 1..3651) {
                config.supervision_days = d.value;
            }
            l.finish();
        }
        if let Some(mut p) = r.table("privacy", "the `[privacy]` table") {
            if let Some(allow) = p.strings("allow") {
                config.privacy_allow = allow.value.into_iter().map(|s| s.value).collect();
            }
            p.finish();
        }
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
