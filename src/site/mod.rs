//! Publishing (SPEC §7): records → lifecycle → view models → templates → files.
//!
//! [`Renderer`] knows every page of the site and renders any one of them on demand (the
//! build renders all of them in parallel; `serve` renders what it is asked for). [`build`]
//! checks the site first and refuses to publish records with errors, then writes the output
//! folder incrementally and atomically (see [`output`]).

mod build;
pub mod cache;
mod calendar;
pub mod collisions;
mod derived;
mod files;
pub(crate) mod search;
pub use build::build;
pub use files::{FileKind, OutFile};
pub mod data;
pub mod journal;
pub mod output;
pub(crate) mod pages;
pub mod routes;
pub mod theme;
pub mod views;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use jiff::civil::Date;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::audit::provenance::Provenance;
use crate::diag::{Diagnostic, Source};
use crate::error::Error;
use crate::model::{Body, Site, TranslatedText};
use routes::{Route, lang_prefix, output_file, page_path, root_prefix};
use views::Ctx;

pub use derived::Derived;

/// A serialisable value for templates.
pub fn sv<T: Serialize>(x: T) -> Value {
    Value::from(minijinja::value::Serde(x))
}

/// What `build` is asked to do.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub path: PathBuf,
    /// The output folder; default `public` in the site root.
    pub output: Option<PathBuf>,
    pub today: Option<Date>,
    /// Overrides site.toml `base_url` (for feeds, the sitemap and canonical links).
    pub base_url: Option<String>,
    /// Show a progress bar (on a terminal, for long builds).
    pub progress: bool,
    /// The sources are a checkout of this commit (`verify`), not a work tree.
    pub origin: Option<crate::audit::provenance::Origin>,
    /// The language of what the build says while it runs (that it waits for another build).
    pub lang: crate::i18n::Lang,
}

/// What a build did.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    /// Things to say once (the site is built without history, and why).
    pub notes: Vec<crate::i18n::Msg>,
    pub files: usize,
    pub pages: usize,
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub elapsed: Duration,
    pub output: PathBuf,
}

pub enum BuildOutcome {
    /// Published; the findings are warnings only.
    Built(BuildReport, Vec<Diagnostic>),
    /// Not published: the records have errors (and how many files were checked). The output
    /// folder was not touched.
    Refused(Vec<Diagnostic>, usize),
}

/// A site's theme, ready to render: templates, UI strings, static files. Loaded once per
/// build (and again by `serve` when the theme or site.toml changes).
pub struct Look {
    env: Environment<'static>,
    theme: theme::Theme,
    /// UI strings per language.
    strings: BTreeMap<String, Value>,
}

impl Look {
    pub fn load(site: &Site) -> Result<Look, Error> {
        let default_lang = site.config.default_language();
        let theme = theme::Theme::load(&site.root, &site.config.theme)?;
        let env = theme.environment()?;
        let mut strings = BTreeMap::new();
        for lang in &site.config.languages {
            strings.insert(lang.clone(), sv(theme.strings(lang, default_lang)?));
        }
        Ok(Look {
            env,
            theme,
            strings,
        })
    }
}

/// Renders any page or file of a checked site.
pub struct Renderer<'a> {
    pub ctx: Ctx<'a>,
    look: &'a Look,
    base_url: String,
    /// History and source hashes, when the build has them (`serve` does not).
    pub(crate) provenance: Option<&'a Provenance>,
    /// The order of the long lists, made when first needed.
    lists: std::sync::OnceLock<Lists>,
    /// The path of every page in the sitemap, made when first needed.
    sitemap_paths: std::sync::OnceLock<Vec<String>>,
    /// URLs per sitemap file ([`data::SITEMAP_URLS`]).
    sitemap_limit: usize,
    /// The search index, made when first needed.
    search: std::sync::OnceLock<Arc<crate::search::IndexFiles>>,
}

#[derive(Serialize)]
struct LanguageLink {
    code: String,
    name: String,
    url: String,
    current: bool,
}

#[derive(Serialize)]
pub(crate) struct BodyView {
    html: String,
    lang: String,
    fallback: bool,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        derived: &'a Derived,
        look: &'a Look,
        today: Date,
        base_url: Option<String>,
    ) -> Renderer<'a> {
        let base_url = base_url_of(site, base_url);
        Renderer {
            ctx: Ctx {
                site,
                derived,
                today,
                default_lang: site.config.default_language().to_string(),
            },
            look,
            base_url,
            provenance: None,
            lists: Default::default(),
            sitemap_paths: Default::default(),
            sitemap_limit: data::SITEMAP_URLS,
            search: Default::default(),
        }
    }

    /// Every page's path (from a language's root), in route order, without the 404 page.
    fn sitemap_paths(&self) -> &[String] {
        self.sitemap_paths
            .get_or_init(|| self.paths_of(&self.routes()))
    }

    fn paths_of(&self, routes: &[Route]) -> Vec<String> {
        routes
            .iter()
            .filter(|r| **r != Route::NotFound)
            .map(|r| page_path(r, self.site()))
            .collect()
    }

    /// The order of the decisions and of the supervised matters, made once.
    pub fn lists(&self) -> &Lists {
        self.lists.get_or_init(|| {
            let (by_state, by_year) = views::browse_orders(&self.ctx);
            Lists {
                decisions: views::decision_order(&self.ctx),
                supervision: views::supervision_order(&self.ctx),
                by_state,
                by_year,
            }
        })
    }

    /// The same renderer, publishing the history and hashes of `p`.
    pub fn with_provenance(mut self, p: &'a Provenance) -> Renderer<'a> {
        self.provenance = Some(p);
        self
    }

    /// The commits of the record at site path `path`, oldest first.
    pub(crate) fn history_of(&self, path: &str) -> Vec<crate::audit::provenance::HistoryEntry> {
        self.provenance
            .and_then(|p| p.history.as_ref())
            .and_then(|h| h.get(path))
            .cloned()
            .unwrap_or_default()
    }

    pub(crate) fn site(&self) -> &'a Site {
        self.ctx.site
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The UI strings of `lang`.
    pub fn strings_of(&self, lang: &str) -> Value {
        self.look.strings[lang].clone()
    }

    /// A UI string of `lang` by its dotted key (`council.all`), or the key itself when the
    /// theme lacks it (the theme's strings are checked complete when loaded).
    pub fn ui(&self, lang: &str, key: &str) -> String {
        let mut v = self.look.strings[lang].clone();
        for part in key.split('.') {
            v = match v.get_attr(part) {
                Ok(x) if !x.is_undefined() => x,
                _ => return key.to_string(),
            };
        }
        v.as_str()
            .map(str::to_string)
            .unwrap_or_else(|| key.to_string())
    }

    /// The site's title in `lang` (its translation, else the default language's).
    pub fn site_title(&self, lang: &str) -> views::Text {
        let c = &self.site().config;
        self.ctx
            .text(lang, c.title.as_ref(), &c.translations, "title")
            .unwrap_or_else(|| self.ctx.plain(lang, ""))
    }

    /// The site's one-line description in `lang`.
    pub fn site_description(&self, lang: &str) -> String {
        let c = &self.site().config;
        self.ctx
            .text(lang, c.description.as_ref(), &c.translations, "description")
            .map(|t| t.text)
            .unwrap_or_default()
    }

    /// The path part of the base URL (`/` or `/sub/`): the 404 page, served at any depth,
    /// addresses its style and links from there.
    pub fn base_path(&self) -> String {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map(|(_, rest)| rest)
            .unwrap_or(&self.base_url);
        match after_scheme.find('/') {
            Some(i) if self.base_url.contains("://") => after_scheme[i..].to_string(),
            _ if self.base_url.starts_with('/') => self.base_url.clone(),
            _ => "/".into(),
        }
    }

    /// The published address of the favicon: a site's own `static/favicon.*` replaces the
    /// theme's.
    pub(crate) fn favicon(&self) -> String {
        self.site()
            .statics
            .iter()
            .map(|f| &f.rel["static/".len()..])
            .find(|rel| is_favicon(rel))
            .unwrap_or("favicon.svg")
            .to_string()
    }

    /// The template context every page shares.
    fn common(&self, route: &Route, lang: &str, page: &pages::Page) -> Value {
        let site = self.site();
        let prefix = lang_prefix(lang, &self.ctx.default_lang);
        let path = page_path(route, site);
        let file = output_file(&format!("{prefix}{path}"));
        // The 404 page is served at whatever address was asked for: only addresses from
        // the site's root work there.
        let root = if *route == Route::NotFound {
            self.base_path()
        } else {
            root_prefix(&file)
        };
        let home = format!("{root}{prefix}");
        let switch: Vec<LanguageLink> = site
            .config
            .languages
            .iter()
            .map(|l| LanguageLink {
                code: l.clone(),
                name: self.ui(l, "language_name"),
                url: format!("{root}{}{path}", lang_prefix(l, &self.ctx.default_lang)),
                current: l == lang,
            })
            .collect();
        let absolute = |l: &str| {
            format!(
                "{}{}{path}",
                self.base_url,
                lang_prefix(l, &self.ctx.default_lang)
            )
        };
        let mut alternates: Vec<(String, String)> = site
            .config
            .languages
            .iter()
            .map(|l| (l.clone(), absolute(l)))
            .collect();
        alternates.push(("x-default".into(), absolute(&self.ctx.default_lang)));
        let site_title = self.site_title(lang);
        let description = self.site_description(lang);
        let full_title = match &page.title {
            Some(t) if !site_title.text.is_empty() => {
                format!("{t}{}{}", self.ui(lang, "title_sep"), site_title.text)
            }
            Some(t) => t.clone(),
            None => site_title.text.clone(),
        };
        context! {
            lang => lang,
            t => self.look.strings[lang].clone(),
            root => root,
            home => home,
            path => path.clone(),
            canonical => absolute(lang),
            alternates => sv(&alternates),
            switch => sv(&switch),
            site => context! {
                title => sv(&site_title),
                description => description.clone(),
                languages => sv(&site.config.languages),
                extra => sv(&site.config.extra),
            },
            as_of => self.ctx.today.to_string(),
            page_title => page.title.clone(),
            full_title => full_title,
            page_description => page.description.clone().filter(|d| !d.is_empty()).unwrap_or(description),
            noindex => *route == Route::NotFound,
            favicon => self.favicon(),
            feed_path => format!("{prefix}feed.xml"),
            has_search => true,
            footer_pages => sv(self.top_pages(lang)),
            section => section_of(route),
        }
    }

    /// The content pages at the top of `content/` (about, guide…), for the footer: without
    /// it, they would be linked from nowhere.
    fn top_pages(&self, lang: &str) -> Vec<PageLink> {
        let site = self.site();
        site.pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                !p.draft && p.path != "_index" && {
                    let url = routes::content_url(&p.path);
                    url.matches('/').count() == 1
                }
            })
            .map(|(i, _)| pages::content::page_link(site, i, lang))
            .collect()
    }

    /// Renders the page `route` in `lang`.
    pub fn render_page(&self, route: &Route, lang: &str) -> Result<String, Error> {
        let file = output_file(&format!(
            "{}{}",
            lang_prefix(lang, &self.ctx.default_lang),
            page_path(route, self.site())
        ));
        let page = pages::render(self, route, lang, &file)?;
        let common = self.common(route, lang, &page);
        let tmpl = self
            .look
            .env
            .get_template(page.template)
            .map_err(theme::template_error)?;
        let extra = page.ctx;
        tmpl.render(context! { ..extra, ..common })
            .map_err(theme::template_error)
    }

    /// A record's or page's body in `lang` (its translation, else the default language's),
    /// rendered for the page at output file `file`.
    pub(crate) fn body(
        &self,
        src: &Arc<Source>,
        body: &Body,
        texts: &[TranslatedText],
        file: &str,
        lang: &str,
    ) -> BodyView {
        // A record's headings nest under its page's sections; a content page's under its title.
        let shift = if src.path.starts_with("councils/") {
            1
        } else {
            0
        };
        let (src, body, text_lang, fallback) = match texts.iter().find(|t| t.lang == lang) {
            Some(t) => (&t.source, &t.body, lang, false),
            None => (
                src,
                body,
                self.ctx.default_lang.as_str(),
                lang != self.ctx.default_lang,
            ),
        };
        let text = &src.text[body.span.clone()];
        let prefix = lang_prefix(lang, &self.ctx.default_lang);
        let root = root_prefix(file);
        let rewrite = |dest: &str| self.rewrite_link(&src.path, dest, &root, &prefix);
        BodyView {
            html: crate::markdown::render_html(text, shift, &rewrite),
            lang: text_lang.to_string(),
            fallback,
        }
    }

    /// A relative link in the record at `from` (site path), as a URL from the page at `root`.
    fn rewrite_link(&self, from: &str, dest: &str, root: &str, prefix: &str) -> Option<String> {
        use crate::rules::content::broken_link::{relative_target, resolve};
        let target = relative_target(dest)?;
        let fragment = dest.find('#').map(|i| &dest[i..]).unwrap_or("");
        let path = resolve(from, &target)?;
        let (url, is_page) = self.url_of(&path)?;
        Some(if is_page {
            format!("{root}{prefix}{url}{fragment}")
        } else {
            format!("{root}{url}{fragment}")
        })
    }

    /// The published URL of a site path: (url from the root, whether it is a page).
    fn url_of(&self, path: &str) -> Option<(String, bool)> {
        let site = self.site();
        let strip_lang = |stem: &str| -> String {
            match stem.rsplit_once('.') {
                Some((base, l)) if site.config.languages.iter().any(|x| x == l) => base.to_string(),
                _ => stem.to_string(),
            }
        };
        if let Some(rest) = path.strip_prefix("councils/") {
            if let Some(stem) = rest.strip_suffix(".md") {
                let (dir, name) = stem.rsplit_once('/')?;
                return Some((format!("councils/{dir}/{}/", strip_lang(name)), true));
            }
            if let Some(dir) = rest
                .strip_suffix("/council.toml")
                .or_else(|| rest.strip_suffix("/area.toml"))
            {
                return Some((format!("councils/{dir}/"), true));
            }
            if site
                .councils
                .iter()
                .any(|c| c.key == rest.trim_end_matches('/'))
                || site
                    .areas
                    .iter()
                    .any(|a| a.key == rest.trim_end_matches('/'))
            {
                return Some((format!("councils/{}/", rest.trim_end_matches('/')), true));
            }
            return Some((path.to_string(), false));
        }
        if let Some(rest) = path.strip_prefix("content/") {
            if let Some(stem) = rest.strip_suffix(".md") {
                return Some((routes::content_url(&strip_lang(stem)), true));
            }
            if site.files.contains(&format!("{path}/_index.md")) {
                return Some((format!("{}/", rest.trim_end_matches('/')), true));
            }
            return Some((rest.to_string(), false));
        }
        path.strip_prefix("static/")
            .map(|rest| (rest.to_string(), false))
    }
}

/// The address the site is published at: `--base-url`, else site.toml's, ending in `/`.
pub fn base_url_of(site: &Site, base_url: Option<String>) -> String {
    let mut base_url = base_url
        .or_else(|| site.config.base_url.as_ref().map(|b| b.value.clone()))
        .unwrap_or_else(|| "/".into());
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    base_url
}

/// The order of the long lists of the site (the same in every language), made once per
/// build; each page makes the rows it shows.
pub struct Lists {
    pub decisions: Vec<views::DecisionAt>,
    /// Adopted matters (council, proposal), overdue first.
    pub supervision: Vec<(usize, usize)>,
    /// Matters by state and by the year they were submitted, newest first.
    pub by_state: std::collections::BTreeMap<&'static str, Vec<(usize, usize)>>,
    pub by_year: std::collections::BTreeMap<i16, Vec<(usize, usize)>>,
}

/// Where a list page sits among its pages.
#[derive(Clone, Debug, Serialize)]
pub struct Pager {
    pub page: usize,
    pub pages: usize,
    /// URLs (from the language root) of the newer and older pages.
    pub previous: Option<String>,
    pub next: Option<String>,
}

pub(crate) fn page_of<'a, T>(
    all: &'a [T],
    n: usize,
    route: impl Fn(usize) -> Route,
    site: &Site,
) -> (&'a [T], Pager) {
    let pages = routes::page_count(all.len());
    let start = ((n.max(1) - 1) * routes::PAGE_SIZE).min(all.len());
    let rows = &all[start..(start + routes::PAGE_SIZE).min(all.len())];
    let url = |k: usize| page_path(&route(k), site);
    let pager = Pager {
        page: n,
        pages,
        previous: (n > 1).then(|| url(n - 1)),
        next: (n < pages).then(|| url(n + 1)),
    };
    (rows, pager)
}

/// `favicon.ico`, `favicon.png`, `favicon.svg`…: a site's own favicon at the root.
pub(crate) fn is_favicon(rel: &str) -> bool {
    rel.strip_prefix("favicon.")
        .is_some_and(|ext| !ext.is_empty() && !ext.contains('/'))
}

#[derive(Clone, Debug, Serialize)]
pub struct PageLink {
    pub url: String,
    pub title: String,
    pub description: Option<String>,
    pub date: Option<String>,
}

/// The navigation section a page belongs to, for `aria-current`.
fn section_of(route: &Route) -> &'static str {
    match route {
        Route::Home => "home",
        Route::Councils
        | Route::Area(_)
        | Route::Council(_)
        | Route::Matter(..)
        | Route::Notice(..)
        | Route::Meeting(..)
        | Route::Report(..)
        | Route::Feedback(..) => "councils",
        Route::Indicators => "indicators",
        Route::Decisions(_) => "decisions",
        Route::Supervision(_) => "supervision",
        Route::DataDictionary | Route::Transparency => "data",
        Route::Search | Route::ByState(..) | Route::ByYear(..) => "search",
        Route::Page(_) | Route::NotFound => "pages",
    }
}
