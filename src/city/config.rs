//! Reading `city.toml` (SPEC §10): the city's title and address, its languages, and the
//! streets it harvests. Strict like site.toml: every finding names its line and column,
//! unknown fields get a did-you-mean, and a city with findings is not aggregated.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::model::Translations;
use crate::model::parse::with_toml_file;
use crate::model::schema::Sink;
use crate::msg;
use crate::rules::schema::{duplicate_id, invalid_value, missing_field};

/// Where a street's published site is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A folder holding a published copy, relative to city.toml's folder or absolute.
    Site(String),
    /// The street's published address (`http://` or `https://`, ending with `/`).
    Url(String),
}

/// One `[[sources]]` entry.
#[derive(Clone, Debug)]
pub struct SourceConfig {
    pub id: String,
    pub name: String,
    pub location: Location,
    /// `name` in the city's other languages.
    pub translations: Translations,
}

/// city.toml.
#[derive(Clone, Debug)]
pub struct CityConfig {
    pub title: String,
    pub base_url: String,
    pub languages: Vec<String>,
    pub description: String,
    /// `title` and `description` in the city's other languages.
    pub translations: Translations,
    pub sources: Vec<SourceConfig>,
}

impl CityConfig {
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }
}

/// An absolute HTTP(S) address.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    (lower.starts_with("https://") && s.len() > 8) || (lower.starts_with("http://") && s.len() > 7)
}

/// Reads city.toml; `None` when it has errors (every one of them in the findings).
pub fn parse_city_config(src: &Arc<Source>) -> (Option<CityConfig>, Vec<Diagnostic>) {
    let sink = Sink::default();
    let mut ok = true;
    let read = with_toml_file(src, &sink, msg!("what-file", file = "city.toml"), |r| {
        r.require("title", "title = \"市北区网格议事会\"");
        let title = r.text("title");
        r.require("base_url", "base_url = \"https://example.org/city/\"");
        let base_url = r.text("base_url");
        if let Some(url) = &base_url
            && !crate::model::parse::config::check_base_url(r, url)
        {
            ok = false;
        }
        let mut languages = vec!["zh".to_string()];
        if let Some(langs) = r.strings("languages") {
            let mut seen: Vec<String> = Vec::new();
            for l in &langs.value {
                if !crate::model::parse::config::is_language(&l.value) || seen.contains(&l.value) {
                    r.push(
                        invalid_value::diagnostic(
                            r.src,
                            l.span.clone(),
                            msg!("language-code-bad", value = &l.value),
                            msg!("language-code-bad-label"),
                        )
                        .help(msg!("language-code-bad-help")),
                    );
                    ok = false;
                } else {
                    seen.push(l.value.clone());
                }
            }
            if !seen.is_empty() {
                languages = seen;
            }
        }
        let description = r.string("description").map(|d| d.value).unwrap_or_default();
        let translations = r.translations(&["title", "description"], &languages);
        let tables = r.tables("sources", |n| msg!("what-source-n", n));
        if tables.is_empty() && !r.has("sources") {
            r.require(
                "sources",
                "[[sources]]\nid = \"liaoning-road\"\nname = \"辽宁路街道\"\nurl = \"https://example.org/liaoning-road/\"",
            );
        }
        let mut sources = Vec::new();
        let mut seen: HashMap<String, std::ops::Range<usize>> = HashMap::new();
        for mut s in tables {
            s.require("id", "id = \"liaoning-road\"");
            let id = s.id("id");
            s.require("name", "name = \"辽宁路街道\"");
            let name = s.text("name");
            let site = s.text("site");
            let url = s.text("url");
            let location = match (site, url) {
                (Some(site), None) => Some(Location::Site(site.value)),
                (None, Some(url)) if is_http_url(&url.value) => {
                    let mut u = url.value;
                    if !u.ends_with('/') {
                        u.push('/');
                    }
                    Some(Location::Url(u))
                }
                (None, Some(url)) => {
                    s.push(
                        invalid_value::diagnostic(
                            s.src,
                            url.span.clone(),
                            msg!("source-url-not-http"),
                            msg!("base-url-not-absolute-label"),
                        )
                        .help(msg!("source-url-not-http-help")),
                    );
                    None
                }
                (Some(site), Some(_)) => {
                    s.push(
                        invalid_value::diagnostic(
                            s.src,
                            site.span.clone(),
                            msg!("source-site-and-url"),
                            msg!("source-site-and-url-label"),
                        )
                        .help(msg!("source-site-and-url-help")),
                    );
                    None
                }
                (None, None) => {
                    s.push(
                        missing_field::RULE
                            .at(
                                s.src,
                                s.anchor.clone(),
                                msg!("source-no-location"),
                                msg!("source-no-location-label"),
                            )
                            .help(msg!("source-no-location-help")),
                    );
                    None
                }
            };
            let translations = s.translations(&["name"], &languages);
            if let Some(id) = &id {
                let key = id.value.to_lowercase();
                if let Some(first) = seen.get(&key) {
                    s.push(
                        duplicate_id::RULE
                            .at(
                                s.src,
                                id.span.clone(),
                                msg!("duplicate-source", id = &id.value),
                                msg!("duplicate-second-label"),
                            )
                            .also(s.src, first.clone(), msg!("duplicate-first-label"))
                            .help(msg!("duplicate-source-help")),
                    );
                    ok = false;
                } else {
                    seen.insert(key, id.span.clone());
                }
            }
            match (id, name, location) {
                (Some(id), Some(name), Some(location)) if crate::model::is_id(&id.value) => sources
                    .push(SourceConfig {
                        id: id.value,
                        name: name.value,
                        location,
                        translations,
                    }),
                _ => ok = false,
            }
            s.finish();
        }
        (
            title,
            base_url,
            languages,
            description,
            translations,
            sources,
        )
    });
    let diags = sink.into_inner();
    let config = match read {
        Some((Some(title), Some(base_url), languages, description, translations, sources))
            if ok && diags.is_empty() =>
        {
            let mut base_url = base_url.value;
            if !base_url.ends_with('/') {
                base_url.push('/');
            }
            Some(CityConfig {
                title: title.value,
                base_url,
                languages,
                description,
                translations,
                sources,
            })
        }
        _ => None,
    };
    (config, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<CityConfig>, Vec<String>) {
        let (c, d) = parse_city_config(&Source::new("city.toml", text));
        (
            c,
            d.iter()
                .map(|d| format!("{}:{}", d.rule, d.line_col().map(|l| l.0).unwrap_or(0)))
                .collect(),
        )
    }

    #[test]
    fn reads_sources_by_folder_and_by_address() {
        let (c, d) = parse(
            "title = \"市北区\"\nbase_url = \"https://example.org/city\"\nlanguages = [\"zh\", \"en\"]\n\n[[sources]]\nid = \"a\"\nname = \"甲街道\"\nsite = \"streets/a/public\"\n[sources.translations.en]\nname = \"A Street\"\n\n[[sources]]\nid = \"b\"\nname = \"乙街道\"\nurl = \"http://127.0.0.1:8000/b\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.base_url, "https://example.org/city/");
        assert_eq!(
            c.sources[0].location,
            Location::Site("streets/a/public".into())
        );
        assert_eq!(c.sources[0].translations["en"]["name"].value, "A Street");
        assert_eq!(
            c.sources[1].location,
            Location::Url("http://127.0.0.1:8000/b/".into())
        );
    }

    #[test]
    fn reports_unknown_fields_bad_ids_missing_locations_and_duplicates() {
        let (c, d) = parse(
            "title = \"市北区\"\nbase_url = \"https://example.org/\"\n\n[[sources]]\nid = \"A b\"\nname = \"甲\"\nsite = \"a\"\n\n[[sources]]\nid = \"b\"\nname = \"乙\"\n\n[[sources]]\nid = \"c\"\nname = \"丙\"\nurl = \"ftp://example.org/\"\nadress = \"x\"\n\n[[sources]]\nid = \"c\"\nname = \"丁\"\nsite = \"d\"\n",
        );
        assert!(c.is_none());
        assert_eq!(
            d,
            [
                "invalid-value:5",
                "missing-field:9",
                "invalid-value:16",
                "unknown-field:17",
                "duplicate-id:20"
            ]
        );
    }
}
