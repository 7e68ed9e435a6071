//! The city's pages (SPEC §10), each language at its own root (the first at `/`, others
//! under `/<lang>/`): the streets with their totals (`/`), one page per street
//! (`/streets/<id>/`), every council of every street side by side (`/indicators/`, in pages
//! of whole streets), the search page (`/search/`) and the Atom feed. Links into a street go
//! to its own site by absolute address, in the page's language when the street has it.

use std::collections::BTreeMap;

use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::config::{CityConfig, SourceConfig};
use super::harvest::SourceResult;
use crate::error::Error;
use crate::indicators::Tally;
use crate::site::sv;
use crate::site::theme::{Theme, template_error};
use crate::site::views::{IndicatorsView, Text, indicators_view};

/// Rows of the councils table per page of `/indicators/`: a page holds whole streets.
pub const ROWS_PER_PAGE: usize = 400;

/// One source as the pages see it.
pub struct Entry<'a> {
    pub config: &'a SourceConfig,
    pub result: SourceResult,
}

impl Entry<'_> {
    pub fn street(&self) -> Option<&super::street::Street> {
        self.result.harvest.as_ref().map(|h| &h.street)
    }
}

/// The theme and strings of a city.
pub struct Look {
    pub env: Environment<'static>,
    pub theme: Theme,
    pub strings: BTreeMap<String, Value>,
}

impl Look {
    pub fn load(city_dir: &std::path::Path, config: &CityConfig) -> Result<Look, Error> {
        let theme = Theme::load(city_dir, "default")?;
        let env = theme.environment()?;
        let mut strings = BTreeMap::new();
        for lang in &config.languages {
            strings.insert(
                lang.clone(),
                sv(theme.strings(lang, config.default_language())?),
            );
        }
        Ok(Look {
            env,
            theme,
            strings,
        })
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct AreaView {
    pub url: String,
    pub name: Text,
}

#[derive(Clone, Debug, Serialize)]
pub struct RowView {
    pub url: String,
    pub name: Text,
    pub ind: IndicatorsView,
}

#[derive(Clone, Debug, Serialize)]
pub struct GroupView {
    pub area: Option<AreaView>,
    pub rows: Vec<RowView>,
    pub total: Option<IndicatorsView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StreetView {
    pub id: String,
    pub name: Text,
    /// The street's own site, in the page's language when it has it.
    pub url: String,
    pub as_of: String,
    pub harvested: String,
    pub commit: Option<String>,
    pub stale: bool,
    pub ind: IndicatorsView,
    pub groups: Vec<GroupView>,
}

impl StreetView {
    /// Rows it takes in the councils table.
    pub fn rows(&self) -> usize {
        2 + self
            .groups
            .iter()
            .map(|g| g.rows.len() + 2 * usize::from(g.area.is_some()))
            .sum::<usize>()
    }
}

/// What every page of one language shares.
pub struct Pages<'a> {
    pub config: &'a CityConfig,
    pub look: &'a Look,
    pub entries: &'a [Entry<'a>],
    pub today: jiff::civil::Date,
    pub total: &'a Tally,
}

/// `/` for the first language, `/<lang>/` for the others.
pub fn prefix(config: &CityConfig, lang: &str) -> String {
    if lang == config.default_language() {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// The source's name in `lang`.
pub fn source_name(config: &CityConfig, s: &SourceConfig, lang: &str) -> Text {
    match s.translations.get(lang).and_then(|t| t.get("name")) {
        Some(n) => Text {
            text: n.value.clone(),
            lang: lang.to_string(),
            fallback: false,
        },
        None => Text {
            text: s.name.clone(),
            lang: config.default_language().to_string(),
            fallback: lang != config.default_language(),
        },
    }
}

/// The street's site in `lang`: its `/<lang>/` when it publishes that language.
pub fn street_url(street: &super::street::Street, lang: &str) -> String {
    let base = if street.base_url.ends_with('/') {
        street.base_url.clone()
    } else {
        format!("{}/", street.base_url)
    };
    match street.languages.first() {
        Some(first) if first != lang && street.languages.iter().any(|l| l == lang) => {
            format!("{base}{lang}/")
        }
        _ => base,
    }
}

impl<'a> Pages<'a> {
    fn street_text(&self, street: &super::street::Street, lang: &str, text: &str) -> Text {
        let own = street.languages.first().map(String::as_str).unwrap_or("zh");
        Text {
            text: text.to_string(),
            lang: own.to_string(),
            fallback: own != lang,
        }
    }

    /// The view of entry `e` in `lang`, when it has data.
    pub fn street_view(&self, e: &Entry<'_>, lang: &str) -> Option<StreetView> {
        let h = e.result.harvest.as_ref()?;
        let street = &h.street;
        let url = street_url(street, lang);
        let mut groups: Vec<GroupView> = Vec::new();
        for a in &street.areas {
            let rows: Vec<RowView> = street
                .councils
                .iter()
                .filter(|c| c.area.as_deref() == Some(a.key.as_str()))
                .map(|c| self.row(street, &url, lang, c))
                .collect();
            if rows.is_empty() {
                continue;
            }
            let name = if a.name.is_empty() { &a.key } else { &a.name };
            groups.push(GroupView {
                area: Some(AreaView {
                    url: format!("{url}councils/{}/", a.key),
                    name: self.street_text(street, lang, name),
                }),
                rows,
                total: Some(indicators_view(&a.tally.indicators())),
            });
        }
        let loose: Vec<RowView> = street
            .councils
            .iter()
            .filter(|c| c.area.is_none())
            .map(|c| self.row(street, &url, lang, c))
            .collect();
        if !loose.is_empty() {
            groups.push(GroupView {
                area: None,
                rows: loose,
                total: None,
            });
        }
        Some(StreetView {
            id: e.config.id.clone(),
            name: source_name(self.config, e.config, lang),
            url,
            as_of: street.as_of.to_string(),
            harvested: h.harvested.to_string(),
            commit: street.commit.clone(),
            stale: e.result.stale(),
            ind: indicators_view(&street.tally.indicators()),
            groups,
        })
    }

    fn row(
        &self,
        street: &super::street::Street,
        url: &str,
        lang: &str,
        c: &super::street::CouncilSummary,
    ) -> RowView {
        RowView {
            url: format!("{url}councils/{}/", c.key),
            name: self.street_text(
                street,
                lang,
                if c.name.is_empty() { &c.key } else { &c.name },
            ),
            ind: indicators_view(&c.tally.indicators()),
        }
    }

    /// Renders `template` as page `path` (a folder, from the language's root) of `lang`.
    pub fn page(
        &self,
        lang: &str,
        path: &str,
        template: &str,
        title: Option<String>,
        section: &str,
        own: Value,
    ) -> Result<Vec<u8>, Error> {
        let config = self.config;
        let pre = prefix(config, lang);
        let depth = format!("{pre}{path}").matches('/').count();
        let root = "../".repeat(depth);
        let home = format!("{root}{pre}");
        let t = self.look.strings[lang].clone();
        let city_title = config
            .translations
            .get(lang)
            .and_then(|t| t.get("title"))
            .map(|s| s.value.clone())
            .unwrap_or_else(|| config.title.clone());
        let description = config
            .translations
            .get(lang)
            .and_then(|t| t.get("description"))
            .map(|s| s.value.clone())
            .unwrap_or_else(|| config.description.clone());
        let sep = t
            .get_attr("title_sep")
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| " · ".into());
        let full_title = match &title {
            Some(p) => format!("{p}{sep}{city_title}"),
            None => city_title.clone(),
        };
        let url_of = |l: &str| format!("{}{}{path}", config.base_url, prefix(config, l));
        let mut alternates: Vec<(String, String)> = config
            .languages
            .iter()
            .map(|l| (l.clone(), url_of(l)))
            .collect();
        if config.languages.len() > 1 {
            alternates.push(("x-default".into(), url_of(config.default_language())));
        }
        let switch: Vec<Value> = config
            .languages
            .iter()
            .map(|l| {
                let name = self.look.strings[l]
                    .get_attr("language_name")
                    .unwrap_or_default();
                context! {
                    code => l,
                    name => name,
                    url => format!("{root}{}{path}", prefix(config, l)),
                    current => l == lang,
                }
            })
            .collect();
        let feed_path = format!("{pre}feed.xml");
        let ctx = context! {
            lang => lang,
            t => t,
            root => root,
            home => home,
            full_title => full_title,
            page_title => title,
            page_description => description.clone(),
            canonical => url_of(lang),
            alternates => alternates,
            switch => switch,
            section => section,
            feed_path => feed_path,
            as_of => self.today.to_string(),
            city => context! { title => city_title, description => description },
            ..own
        };
        let tmpl = self
            .look
            .env
            .get_template(template)
            .map_err(template_error)?;
        let html = tmpl.render(ctx).map_err(template_error)?;
        Ok(html.into_bytes())
    }

    pub fn ui(&self, lang: &str, path: &str) -> String {
        let mut v = self.look.strings[lang].clone();
        for part in path.split('.') {
            v = v.get_attr(part).unwrap_or_default();
        }
        v.as_str().unwrap_or(path).to_string()
    }

    /// `/`: the streets and the city's totals.
    pub fn home(&self, lang: &str) -> Result<Vec<u8>, Error> {
        let streets: Vec<StreetView> = self
            .entries
            .iter()
            .filter_map(|e| self.street_view(e, lang))
            .collect();
        let missing: Vec<Value> = self
            .entries
            .iter()
            .filter(|e| e.street().is_none())
            .map(|e| context! { name => sv(source_name(self.config, e.config, lang)) })
            .collect();
        self.page(
            lang,
            "",
            "city_index.html",
            None,
            "home",
            context! {
                streets => sv(streets),
                missing => missing,
                total => sv(indicators_view(&self.total.indicators())),
            },
        )
    }

    /// `/streets/<id>/`.
    pub fn street(&self, lang: &str, view: &StreetView) -> Result<Vec<u8>, Error> {
        self.page(
            lang,
            &format!("streets/{}/", view.id),
            "city_street.html",
            Some(view.name.text.clone()),
            "home",
            context! { street => sv(view) },
        )
    }

    /// Page `n` (from 1) of `/indicators/`, holding `streets`.
    pub fn indicators(
        &self,
        lang: &str,
        n: usize,
        pages: usize,
        streets: &[StreetView],
    ) -> Result<Vec<u8>, Error> {
        let path = |k: usize| {
            if k <= 1 {
                "indicators/".to_string()
            } else {
                format!("indicators/page/{k}/")
            }
        };
        let mut title = self.ui(lang, "city.indicators_title");
        if pages > 1 && n > 1 {
            let page = self
                .ui(lang, "pager.page")
                .replace("{n}", &n.to_string())
                .replace("{total}", &pages.to_string());
            title = format!("{title}{}{page}", self.ui(lang, "title_sep"));
        }
        let pager = context! {
            page => n,
            pages => pages,
            previous => (n > 1).then(|| path(n - 1)),
            next => (n < pages).then(|| path(n + 1)),
        };
        self.page(
            lang,
            &path(n),
            "city_indicators.html",
            Some(title),
            "indicators",
            context! {
                streets => sv(streets),
                pager => pager,
                total => sv(indicators_view(&self.total.indicators())),
            },
        )
    }

    /// `/search/`, with the index's `meta.json` in the page.
    pub fn search(&self, lang: &str, meta: &serde_json::Value) -> Result<Vec<u8>, Error> {
        let streets: Vec<StreetView> = self
            .entries
            .iter()
            .filter_map(|e| self.street_view(e, lang))
            .map(|mut s| {
                s.groups.clear();
                s
            })
            .collect();
        let t = &self.look.strings[lang];
        let js_strings = context! {
            search => t.get_attr("search").unwrap_or_default(),
            state => t.get_attr("state").unwrap_or_default(),
        };
        self.page(
            lang,
            "search/",
            "city_search.html",
            Some(self.ui(lang, "search.title")),
            "search",
            context! {
                streets => sv(streets),
                js_strings => js_strings,
                index_meta => sv(meta),
            },
        )
    }

    /// The Atom feed of `lang`: the newest matters and decisions of every street.
    pub fn feed(&self, lang: &str) -> Result<Vec<u8>, Error> {
        let mut all: Vec<(&super::street::Recent, &Entry<'_>)> = self
            .entries
            .iter()
            .filter_map(|e| Some(e.street()?.recent.iter().map(move |r| (r, e))))
            .flatten()
            .collect();
        all.sort_by(|a, b| {
            b.0.date
                .cmp(&a.0.date)
                .then_with(|| a.1.config.id.cmp(&b.1.config.id))
                .then_with(|| a.0.url.cmp(&b.0.url))
                .then_with(|| a.0.what.cmp(&b.0.what))
        });
        all.truncate(50);
        // The newest entry's day, not the harvest's: a feed changes only with its entries.
        let updated = all
            .first()
            .map(|(r, _)| r.date)
            .unwrap_or(self.today)
            .to_string();
        let entries: Vec<Value> = all
            .iter()
            .map(|(r, e)| {
                let street = e.street().expect("has data");
                let url = format!("{}{}", street_url(street, lang), r.url);
                let (kind, outcome) = if r.what == "submitted" {
                    ("submitted", None)
                } else {
                    ("decided", Some(r.what.clone()))
                };
                context! {
                    kind => kind,
                    outcome => outcome,
                    title => r.title.clone(),
                    url => url.clone(),
                    id => format!("{url}#{}-{}", r.what, r.date),
                    date => r.date.to_string(),
                    council => format!(
                        "{} · {}",
                        r.council,
                        source_name(self.config, e.config, lang).text
                    ),
                }
            })
            .collect();
        let config = self.config;
        let pre = prefix(config, lang);
        let title = config
            .translations
            .get(lang)
            .and_then(|t| t.get("title"))
            .map(|s| s.value.clone())
            .unwrap_or_else(|| config.title.clone());
        let ctx = context! {
            lang => lang,
            t => self.look.strings[lang].clone(),
            title => title,
            description => config.description.clone(),
            home => format!("{}{pre}", config.base_url),
            self_url => format!("{}{pre}feed.xml", config.base_url),
            updated => updated,
            entries => entries,
        };
        let tmpl = self
            .look
            .env
            .get_template("feed.xml")
            .map_err(template_error)?;
        Ok(tmpl.render(ctx).map_err(template_error)?.into_bytes())
    }
}
