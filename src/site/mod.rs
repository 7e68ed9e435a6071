//! Publishing (SPEC §7): records → lifecycle → view models → templates → files.
//!
//! [`Renderer`] knows every page of the site and renders any one of them on demand (the
//! build renders all of them in parallel; `serve` renders what it is asked for). [`build`]
//! checks the site first and refuses to publish records with errors, then writes the output
//! folder incrementally and atomically (see [`output`]).

pub mod data;
pub mod output;
pub mod routes;
pub mod theme;
pub mod views;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use minijinja::{Environment, Value, context};
use rayon::prelude::*;
use serde::Serialize;

use crate::audit::provenance::Provenance;
use crate::check::{CheckOptions, check};
use crate::diag::{Diagnostic, Severity, Source};
use crate::error::Error;
use crate::lifecycle::Timelines;
use crate::model::{Body, Site, TranslatedText};
use routes::{Route, lang_prefix, output_file, page_path, root_prefix};
use views::Ctx;

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
}

/// What a build did.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
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
    /// Not published: the records have errors. The output folder was not touched.
    Refused(Vec<Diagnostic>),
}

/// Checks the site and, when it has no errors, publishes it.
pub fn build(opts: &BuildOptions) -> Result<BuildOutcome, Error> {
    let start = Instant::now();
    let checked = check(&CheckOptions {
        path: opts.path.clone(),
        today: opts.today,
    })?;
    if checked
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        return Ok(BuildOutcome::Refused(checked.diagnostics));
    }
    let root = checked.site.root.clone();
    let out_dir = match &opts.output {
        Some(p) if p.is_absolute() => p.clone(),
        Some(p) => std::env::current_dir()
            .map_err(|e| Error::io(".", e))?
            .join(p),
        None => root.join("public"),
    };
    let look = Look::load(&checked.site)?;
    let derived = Derived::new(&checked.site, &checked.timelines, checked.today);
    let base_url = base_url_of(&checked.site, opts.base_url.clone());
    let provenance = Provenance::collect(
        &checked.site,
        checked.today,
        &base_url,
        opts.origin.as_ref(),
    );
    if let Some(note) = provenance.no_history.filter(|_| opts.origin.is_none()) {
        eprintln!("note: {}", crate::audit::provenance::no_history_note(note));
    }
    let renderer = Renderer::new(
        &checked.site,
        &derived,
        &look,
        checked.today,
        opts.base_url.clone(),
    )
    .with_provenance(&provenance);
    let files = renderer.all_files()?;
    let output = output::Output::open(&out_dir, &root)?;
    if let Err(e) = output.prepare_dirs(files.iter().map(|f| f.path.as_str())) {
        output.abort(Vec::new());
        return Err(Error::io(&output.root, e));
    }
    let bar = opts.progress.then(|| {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files")
                .expect("a valid template"),
        );
        b
    });
    // Render and stage every file; nothing is visible until all of them succeeded.
    let results: Vec<Result<output::Staged, Error>> = files
        .par_iter()
        .map(|f| {
            let bytes = renderer.file_bytes(f)?;
            let staged = output
                .stage(&f.path, &bytes)
                .map_err(|e| Error::io(output.root.join(&f.path), e))?;
            if let Some(b) = &bar {
                b.inc(1);
            }
            Ok(staged)
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut staged = Vec::with_capacity(results.len());
    let mut failure = None;
    for r in results {
        match r {
            Ok(s) => staged.push(s),
            Err(e) => failure = failure.or(Some(e)),
        }
    }
    if let Some(e) = failure {
        output.abort(staged);
        return Err(e);
    }
    let written = output
        .commit(staged)
        .map_err(|e| Error::io(&output.root, e))?;
    let produced: HashSet<String> = files.iter().map(|f| f.path.clone()).collect();
    let removed = output
        .remove_stale(&produced)
        .map_err(|e| Error::io(&output.root, e))?;
    let report = BuildReport {
        files: files.len(),
        pages: files
            .iter()
            .filter(|f| matches!(f.kind, FileKind::Page(..)))
            .count(),
        written,
        unchanged: files.len() - written,
        removed,
        elapsed: start.elapsed(),
        output: output.root.clone(),
    };
    Ok(BuildOutcome::Built(report, checked.diagnostics))
}

/// One file of the output.
#[derive(Clone, Debug)]
pub struct OutFile {
    /// Relative to the output root.
    pub path: String,
    pub kind: FileKind,
}

#[derive(Clone, Debug)]
pub enum FileKind {
    Page(Route, String),
    Feed,
    /// `/sitemap.xml` (`None`) or one of its parts, `/sitemap-<k>.xml`.
    Sitemap(Option<usize>),
    RecordsJson,
    DecisionsCsv,
    /// `/data/manifest.json`: the hashes of the sources.
    Manifest,
    /// A file of the site (`static/`, an attachment) copied as it is.
    Copy(PathBuf),
    /// A static file of the theme.
    Theme(String),
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

/// What publishing derives from the records as of a day: each matter's lifecycle, and an
/// index of proposals by id, per council.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    /// Per council, per proposal: the lifecycle (`None` if not yet submitted).
    pub lifecycles: Vec<Vec<Option<crate::lifecycle::Lifecycle>>>,
    /// Per council: proposal id (lowercase) → index.
    pub indexes: Vec<std::collections::HashMap<String, usize>>,
}

impl Derived {
    pub fn new(site: &Site, timelines: &Timelines, today: Date) -> Derived {
        let mut d = Derived::default();
        for ci in 0..site.councils.len() {
            d.lifecycles.push(Vec::new());
            d.indexes.push(Default::default());
            d.update_council(site, timelines, today, ci);
        }
        d
    }

    /// Derives council `ci` again (after its records changed).
    pub fn update_council(&mut self, site: &Site, timelines: &Timelines, today: Date, ci: usize) {
        let c = &site.councils[ci];
        self.lifecycles[ci] = c
            .proposals
            .iter()
            .enumerate()
            .map(|(pi, p)| {
                crate::lifecycle::derive(
                    c,
                    p,
                    timelines.of(ci, pi),
                    today,
                    site.config.response_days,
                )
            })
            .collect();
        self.indexes[ci] = crate::lifecycle::proposal_index(c);
    }
}

/// Renders any page or file of a checked site.
pub struct Renderer<'a> {
    pub ctx: Ctx<'a>,
    look: &'a Look,
    base_url: String,
    /// History and source hashes, when the build has them (`serve` does not).
    provenance: Option<&'a Provenance>,
    /// The order of the long lists, made when first needed.
    lists: std::sync::OnceLock<Lists>,
    /// The path of every page in the sitemap, made when first needed.
    sitemap_paths: std::sync::OnceLock<Vec<String>>,
    /// URLs per sitemap file ([`data::SITEMAP_URLS`]).
    sitemap_limit: usize,
}

#[derive(Serialize)]
struct LanguageLink {
    code: String,
    name: String,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct BodyView {
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

    /// The non-page files made from the whole site: the feed, the sitemap, the open data.
    pub fn data_files(&self) -> Vec<OutFile> {
        let mut files = vec![
            OutFile {
                path: "feed.xml".into(),
                kind: FileKind::Feed,
            },
            OutFile {
                path: "sitemap.xml".into(),
                kind: FileKind::Sitemap(None),
            },
        ];
        files.extend((1..=data::sitemap_parts(self)).map(|k| OutFile {
            path: format!("sitemap-{k}.xml"),
            kind: FileKind::Sitemap(Some(k)),
        }));
        for (path, kind) in [
            ("data/records.json", FileKind::RecordsJson),
            ("data/decisions.csv", FileKind::DecisionsCsv),
            ("data/manifest.json", FileKind::Manifest),
        ] {
            files.push(OutFile {
                path: path.into(),
                kind,
            });
        }
        files
    }

    /// The order of the decisions and of the supervised matters, made once.
    pub fn lists(&self) -> &Lists {
        self.lists.get_or_init(|| Lists {
            decisions: views::decision_order(&self.ctx),
            supervision: views::supervision_order(&self.ctx),
        })
    }

    /// The same renderer, publishing the history and hashes of `p`.
    pub fn with_provenance(mut self, p: &'a Provenance) -> Renderer<'a> {
        self.provenance = Some(p);
        self
    }

    /// The commits of the record at site path `path`, oldest first.
    fn history_of(&self, path: &str) -> Vec<crate::audit::provenance::HistoryEntry> {
        self.provenance
            .and_then(|p| p.history.as_ref())
            .and_then(|h| h.get(path))
            .cloned()
            .unwrap_or_default()
    }

    fn site(&self) -> &'a Site {
        self.ctx.site
    }

    /// The pages of the long lists (decisions, supervision): how many depends on the records.
    pub fn list_routes(&self) -> Vec<Route> {
        let lists = self.lists();
        let decisions = (1..=routes::page_count(lists.decisions.len())).map(Route::Decisions);
        let supervision = (1..=routes::page_count(lists.supervision.len())).map(Route::Supervision);
        decisions.chain(supervision).collect()
    }

    /// Every page route that exists as of the day (records dated later are not published).
    pub fn routes(&self) -> Vec<Route> {
        let site = self.site();
        let mut out = vec![
            Route::Home,
            Route::Councils,
            Route::DataDictionary,
            Route::Transparency,
            Route::NotFound,
        ];
        out.extend(self.list_routes());
        for a in &site.areas {
            if !a.key.is_empty() && !site.councils.iter().any(|c| c.key == a.key) {
                out.push(Route::Area(a.key.clone()));
            }
        }
        for ci in 0..site.councils.len() {
            out.extend(self.council_routes(ci));
        }
        for (i, p) in site.pages.iter().enumerate() {
            if !p.draft && p.path != "_index" {
                out.push(Route::Page(i));
            }
        }
        out
    }

    /// The pages of council `ci` published as of the day: the council's own page, its
    /// matters, minutes and reports.
    pub fn council_routes(&self, ci: usize) -> Vec<Route> {
        let c = &self.site().councils[ci];
        let today = self.ctx.today;
        let mut out = vec![Route::Council(ci)];
        for pi in 0..c.proposals.len() {
            if self.ctx.lifecycle(ci, pi).is_some() {
                out.push(Route::Matter(ci, pi));
            }
        }
        for (mi, m) in c.meetings.iter().enumerate() {
            if m.date.as_ref().is_some_and(|d| d.value <= today) {
                out.push(Route::Meeting(ci, mi));
            }
        }
        for (ri, r) in c.reports.iter().enumerate() {
            if r.date.as_ref().is_some_and(|d| d.value <= today) {
                out.push(Route::Report(ci, ri));
            }
        }
        out
    }

    /// The output files of `routes` in every language.
    pub fn page_files(&self, routes: &[Route]) -> Vec<OutFile> {
        let site = self.site();
        let mut files = Vec::new();
        for lang in &site.config.languages {
            let prefix = lang_prefix(lang, &self.ctx.default_lang);
            for r in routes {
                files.push(OutFile {
                    path: output_file(&format!("{prefix}{}", page_path(r, site))),
                    kind: FileKind::Page(r.clone(), lang.clone()),
                });
            }
        }
        files
    }

    /// Every file of the output, sorted by path.
    pub fn all_files(&self) -> Result<Vec<OutFile>, Error> {
        let site = self.site();
        let routes = self.routes();
        // The sitemap lists the same pages: no need to list them twice.
        let _ = self.sitemap_paths.set(self.paths_of(&routes));
        let mut files = self.page_files(&routes);
        files.extend(self.data_files());
        for (rel, _) in self.look.theme.statics() {
            files.push(OutFile {
                path: rel.to_string(),
                kind: FileKind::Theme(rel.to_string()),
            });
        }
        for f in &site.statics {
            files.push(OutFile {
                path: f.rel["static/".len()..].to_string(),
                kind: FileKind::Copy(f.abs.clone()),
            });
        }
        // Attachments: every file beside the records that is not a record, at the same path;
        // files beside content pages, at their page's path.
        for rel in &site.files {
            let is_source = rel.ends_with(".md") || rel.ends_with(".toml") || rel.ends_with(".MD");
            if is_source {
                continue;
            }
            let path = if rel.starts_with("councils/") {
                rel.clone()
            } else if let Some(p) = rel.strip_prefix("content/") {
                p.to_string()
            } else {
                continue;
            };
            files.push(OutFile {
                path,
                kind: FileKind::Copy(site.root.join(rel)),
            });
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        for w in files.windows(2) {
            if w[0].path == w[1].path {
                return Err(Error::Other(format!(
                    "two things would be published at `{}`; rename the static file or page that collides with a generated page",
                    w[0].path
                )));
            }
        }
        Ok(files)
    }

    /// The bytes of one output file.
    pub fn file_bytes(&self, f: &OutFile) -> Result<Vec<u8>, Error> {
        match &f.kind {
            FileKind::Page(route, lang) => Ok(self.render_page(route, lang)?.into_bytes()),
            FileKind::Feed => self.render_xml("feed.xml", data::feed(self)),
            FileKind::Sitemap(part) => self.render_xml("sitemap.xml", data::sitemap(self, *part)),
            FileKind::RecordsJson => Ok(data::records_json(&self.ctx)),
            FileKind::Manifest => Ok(data::json_bytes(
                &self.provenance.and_then(|p| p.manifest.as_ref()),
            )),
            FileKind::DecisionsCsv => Ok(data::decisions_csv(&self.ctx)),
            FileKind::Copy(path) => std::fs::read(path).map_err(|e| Error::io(path, e)),
            FileKind::Theme(rel) => Ok(self.look.theme.files[&format!("static/{rel}")].to_vec()),
        }
    }

    fn render_xml(&self, template: &str, ctx: Value) -> Result<Vec<u8>, Error> {
        let t = self
            .look
            .env
            .get_template(template)
            .map_err(theme::template_error)?;
        Ok(t.render(ctx).map_err(theme::template_error)?.into_bytes())
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The UI strings of `lang`.
    pub fn strings_of(&self, lang: &str) -> Value {
        self.look.strings[lang].clone()
    }

    /// The template context every page shares.
    fn common(&self, route: &Route, lang: &str, title: Option<String>) -> Value {
        let site = self.site();
        let prefix = lang_prefix(lang, &self.ctx.default_lang);
        let path = page_path(route, site);
        let file = output_file(&format!("{prefix}{path}"));
        let root = root_prefix(&file);
        let home = format!("{root}{prefix}");
        let switch: Vec<LanguageLink> = site
            .config
            .languages
            .iter()
            .map(|l| LanguageLink {
                code: l.clone(),
                name: self.look.strings[l]
                    .get_attr("language_name")
                    .ok()
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| l.clone()),
                url: format!("{root}{}{path}", lang_prefix(l, &self.ctx.default_lang)),
                current: l == lang,
            })
            .collect();
        let site_title = self.ctx.text(
            lang,
            site.config.title.as_ref(),
            &Default::default(),
            "title",
        );
        let description = site
            .config
            .description
            .as_ref()
            .map(|d| d.value.clone())
            .unwrap_or_default();
        context! {
            lang => lang,
            t => self.look.strings[lang].clone(),
            root => root,
            home => home,
            path => path.clone(),
            canonical => format!("{}{prefix}{path}", self.base_url),
            switch => sv(&switch),
            site => context! {
                title => sv(&site_title),
                description => description,
                languages => sv(&site.config.languages),
                extra => sv(&site.config.extra),
            },
            as_of => self.ctx.today.to_string(),
            page_title => title,
            section => section_of(route),
        }
    }

    /// Renders the page `route` in `lang`.
    pub fn render_page(&self, route: &Route, lang: &str) -> Result<String, Error> {
        let site = self.site();
        let ctx = &self.ctx;
        let file = output_file(&format!(
            "{}{}",
            lang_prefix(lang, &ctx.default_lang),
            page_path(route, site)
        ));
        let (template, title, extra): (&str, Option<String>, Value) = match route {
            Route::Home => {
                let intro = site.pages.iter().find(|p| p.path == "_index");
                let intro =
                    intro.map(|p| self.body(&p.meta.source, &p.body, &p.texts, &file, lang));
                (
                    "index.html",
                    None,
                    context! { overview => sv(views::overview(ctx, lang)), intro => sv(intro) },
                )
            }
            Route::Councils => {
                let summaries = views::council_summaries(ctx, lang);
                (
                    "councils.html",
                    None,
                    context! { councils => sv(summaries) },
                )
            }
            Route::Area(key) => {
                let a = views::area(ctx, lang, key)
                    .ok_or_else(|| Error::Other(format!("no area `{key}`")))?;
                let title = a.name.text.clone();
                ("area.html", Some(title), context! { area => sv(a) })
            }
            Route::Council(ci) => {
                let c = views::council(ctx, lang, *ci);
                let title = c.r#ref.name.text.clone();
                ("council.html", Some(title), context! { council => sv(c) })
            }
            Route::Matter(ci, pi) => {
                let m = views::matter(ctx, lang, *ci, *pi)
                    .ok_or_else(|| Error::Other("matter not published".into()))?;
                let p = &site.councils[*ci].proposals[*pi];
                let body = self.body(&p.meta.source, &p.body, &p.texts, &file, lang);
                let title = m.row.title.text.clone();
                let history = self.history_of(&p.meta.source.path);
                (
                    "matter.html",
                    Some(title),
                    context! { matter => sv(m), body => sv(body), history => sv(history) },
                )
            }
            Route::Meeting(ci, mi) => {
                let m = views::meeting(ctx, lang, *ci, *mi)
                    .ok_or_else(|| Error::Other("meeting not published".into()))?;
                let rec = &site.councils[*ci].meetings[*mi];
                let body = self.body(&rec.meta.source, &rec.body, &rec.texts, &file, lang);
                let title = m
                    .title
                    .as_ref()
                    .map(|t| t.text.clone())
                    .unwrap_or_else(|| m.date.clone());
                let history = self.history_of(&rec.meta.source.path);
                (
                    "meeting.html",
                    Some(title),
                    context! { meeting => sv(m), body => sv(body), history => sv(history) },
                )
            }
            Route::Report(ci, ri) => {
                let r = views::report(ctx, lang, *ci, *ri)
                    .ok_or_else(|| Error::Other("report not published".into()))?;
                let rec = &site.councils[*ci].reports[*ri];
                let body = self.body(&rec.meta.source, &rec.body, &rec.texts, &file, lang);
                let history = self.history_of(&rec.meta.source.path);
                (
                    "report.html",
                    None,
                    context! { report => sv(r), body => sv(body), history => sv(history) },
                )
            }
            Route::Decisions(n) => {
                let (at, pager) = page_of(&self.lists().decisions, *n, Route::Decisions, site);
                let rows = views::decision_rows(ctx, lang, at);
                (
                    "decisions.html",
                    None,
                    context! { decisions => sv(rows), pager => sv(pager) },
                )
            }
            Route::Supervision(n) => {
                let (at, pager) = page_of(&self.lists().supervision, *n, Route::Supervision, site);
                let rows = views::matter_rows(ctx, lang, at);
                (
                    "supervision.html",
                    None,
                    context! { matters => sv(rows), pager => sv(pager) },
                )
            }
            Route::DataDictionary => (
                "data.html",
                None,
                context! { fields => sv(data::dictionary()) },
            ),
            Route::Transparency => {
                let p = self.provenance;
                let manifest = p.and_then(|p| p.manifest.as_ref());
                (
                    "transparency.html",
                    None,
                    context! {
                        commit => manifest.and_then(|m| m.commit.clone()),
                        uncommitted => sv(manifest.map(|m| m.uncommitted.clone()).unwrap_or_default()),
                        manifest => manifest.map(|m| m.manifest.clone()),
                        files => manifest.map(|m| m.files.len()).unwrap_or(0),
                        no_history => p.and_then(|p| p.no_history).map(|n| n.key()),
                        theme => site.config.theme.clone(),
                        base_url => self.base_url.clone(),
                        preview => p.is_none(),
                    },
                )
            }
            Route::Page(i) => {
                let p = &site.pages[*i];
                let body = self.body(&p.meta.source, &p.body, &p.texts, &file, lang);
                let t = p.texts.iter().find(|t| t.lang == lang);
                let title = t
                    .and_then(|t| t.title.as_ref())
                    .or(p.title.as_ref())
                    .map(|t| t.value.clone());
                let description = t
                    .and_then(|t| t.description.as_ref())
                    .or(p.description.as_ref())
                    .map(|t| t.value.clone());
                let children = if p.is_section() {
                    self.section_children(*i, lang)
                } else {
                    Vec::new()
                };
                let template = if p.is_section() {
                    "section.html"
                } else {
                    "page.html"
                };
                (
                    template,
                    title.clone(),
                    context! {
                        page => context! { title => title, description => description, date => p.date.as_ref().map(|d| d.value.to_string()), children => sv(children) },
                        body => sv(body),
                    },
                )
            }
            Route::NotFound => ("404.html", None, context! {}),
        };
        let common = self.common(route, lang, title);
        let tmpl = self
            .look
            .env
            .get_template(template)
            .map_err(theme::template_error)?;
        tmpl.render(context! { ..extra, ..common })
            .map_err(theme::template_error)
    }

    /// The pages directly inside section `i`, by weight, then date (newest first), then title.
    fn section_children(&self, i: usize, lang: &str) -> Vec<PageLink> {
        let site = self.site();
        let dir = site.pages[i].path.trim_end_matches("_index").to_string();
        let mut kids: Vec<(&crate::model::Page, usize)> = site
            .pages
            .iter()
            .enumerate()
            .filter(|(j, p)| {
                *j != i && !p.draft && p.path.starts_with(&dir) && {
                    let rest = &p.path[dir.len()..];
                    !rest.contains('/')
                        || (rest.ends_with("/_index") && rest.matches('/').count() == 1)
                }
            })
            .map(|(j, p)| (p, j))
            .collect();
        kids.sort_by(|(a, _), (b, _)| {
            a.weight
                .unwrap_or(0)
                .cmp(&b.weight.unwrap_or(0))
                .then_with(|| {
                    b.date
                        .as_ref()
                        .map(|d| d.value)
                        .cmp(&a.date.as_ref().map(|d| d.value))
                })
                .then_with(|| a.path.cmp(&b.path))
        });
        kids.into_iter()
            .map(|(p, j)| {
                let t = p.texts.iter().find(|t| t.lang == lang);
                PageLink {
                    url: page_path(&Route::Page(j), site),
                    title: t
                        .and_then(|t| t.title.as_ref())
                        .or(p.title.as_ref())
                        .map(|t| t.value.clone())
                        .unwrap_or_else(|| p.path.clone()),
                    description: t
                        .and_then(|t| t.description.as_ref())
                        .or(p.description.as_ref())
                        .map(|t| t.value.clone()),
                    date: p.date.as_ref().map(|d| d.value.to_string()),
                }
            })
            .collect()
    }

    /// A record's or page's body in `lang` (its translation, else the default language's),
    /// rendered for the page at output file `file`.
    fn body(
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

fn page_of<'a, T>(
    all: &'a [T],
    n: usize,
    route: fn(usize) -> Route,
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
        | Route::Meeting(..)
        | Route::Report(..) => "councils",
        Route::Decisions(_) => "decisions",
        Route::Supervision(_) => "supervision",
        Route::DataDictionary | Route::Transparency => "data",
        Route::Page(_) | Route::NotFound => "pages",
    }
}
