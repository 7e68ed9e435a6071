//! Which files the output holds, and the bytes of each: every page in every language, the
//! feed, the sitemap, the open data, the theme's static files, `static/` and attachments.
//! Routes published as of the day are listed here; what a page shows is in [`super::pages`].

use minijinja::Value;

use super::routes::{Route, lang_prefix, output_file, page_path};
use super::{Renderer, data, routes, theme};
use crate::error::Error;
use crate::msg;
use std::path::PathBuf;

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
    /// The Atom feed in a language, of every council or of one.
    Feed(String, Option<usize>),
    /// The meeting calendar of every council or of one (SPEC §9).
    Calendar(Option<usize>),
    /// `/sitemap.xml` (`None`) or one of its parts, `/sitemap-<k>.xml`.
    Sitemap(Option<usize>),
    RecordsJson,
    DecisionsCsv,
    /// `/data/manifest.json`: the hashes of the sources.
    Manifest,
    /// A file of the site (`static/`, an attachment) copied as it is.
    Copy(PathBuf),
    /// An SVG attachment (by index into `site.attachments`), published sanitised.
    Svg(usize),
    /// A static file of the theme.
    Theme(String),
    /// `/robots.txt`, pointing at the sitemap.
    Robots,
    /// A file of the search index, by its path under `search/`.
    Search(String),
}

impl<'a> Renderer<'a> {
    /// The non-page files made from the whole site: the feeds, the calendar, the sitemap,
    /// the open data, and each council's feed and calendar.
    pub fn data_files(&self) -> Vec<OutFile> {
        let site = self.site();
        let mut files = vec![
            OutFile {
                path: "calendar.ics".into(),
                kind: FileKind::Calendar(None),
            },
            OutFile {
                path: "sitemap.xml".into(),
                kind: FileKind::Sitemap(None),
            },
        ];
        for lang in &site.config.languages {
            files.push(OutFile {
                path: format!("{}feed.xml", lang_prefix(lang, &self.ctx.default_lang)),
                kind: FileKind::Feed(lang.clone(), None),
            });
        }
        for (ci, c) in site.councils.iter().enumerate() {
            files.push(OutFile {
                path: format!("councils/{}/feed.xml", c.key),
                kind: FileKind::Feed(self.ctx.default_lang.clone(), Some(ci)),
            });
            files.push(OutFile {
                path: format!("councils/{}/calendar.ics", c.key),
                kind: FileKind::Calendar(Some(ci)),
            });
        }
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

    /// The files of the search index, under `search/`.
    pub fn search_files(&self) -> Vec<OutFile> {
        self.search_index()
            .files
            .keys()
            .map(|path| OutFile {
                path: format!("{}{path}", super::search::DIR),
                kind: FileKind::Search(path.clone()),
            })
            .collect()
    }

    /// The pages of the long lists (decisions, supervision): how many depends on the records.
    pub fn list_routes(&self) -> Vec<Route> {
        let lists = self.lists();
        let decisions = (1..=routes::page_count(lists.decisions.len())).map(Route::Decisions);
        let supervision = (1..=routes::page_count(lists.supervision.len())).map(Route::Supervision);
        let states = lists.by_state.iter().flat_map(|(s, m)| {
            (1..=routes::page_count(m.len())).map(move |n| Route::ByState(s, n))
        });
        let years = lists.by_year.iter().flat_map(|(y, m)| {
            (1..=routes::page_count(m.len())).map(move |n| Route::ByYear(*y, n))
        });
        decisions
            .chain(supervision)
            .chain(states)
            .chain(years)
            .collect()
    }

    /// Every page route that exists as of the day (records dated later are not published).
    pub fn routes(&self) -> Vec<Route> {
        let site = self.site();
        let mut out = vec![
            Route::Home,
            Route::Councils,
            Route::Indicators,
            Route::DataDictionary,
            Route::Transparency,
            Route::Search,
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
    /// matters, minutes, reports and return visits.
    pub fn council_routes(&self, ci: usize) -> Vec<Route> {
        let c = &self.site().councils[ci];
        let today = self.ctx.today;
        let mut out = vec![Route::Council(ci)];
        for pi in 0..c.proposals.len() {
            if self.ctx.lifecycle(ci, pi).is_some() {
                out.push(Route::Matter(ci, pi));
                if super::pages::notice::noticed_decision(self, ci, pi).is_some() {
                    out.push(Route::Notice(ci, pi));
                }
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
        for (fi, f) in c.feedback.iter().enumerate() {
            if f.date.as_ref().is_some_and(|d| d.value <= today) {
                out.push(Route::Feedback(ci, fi));
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
        // A site's own static/robots.txt and static/favicon.* replace the generated ones.
        let own = |pred: &dyn Fn(&str) -> bool| {
            site.statics.iter().any(|f| pred(&f.rel["static/".len()..]))
        };
        if !own(&|rel| rel == "robots.txt") {
            files.push(OutFile {
                path: "robots.txt".into(),
                kind: FileKind::Robots,
            });
        }
        files.extend(self.search_files());
        let own_favicon = own(&super::is_favicon);
        for (rel, _) in self.look.theme.statics() {
            if own_favicon && super::is_favicon(rel) {
                continue;
            }
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
        // Attachments of a type the site publishes (`check` reported any other): beside the
        // records at the same path, beside content pages at their page's path.
        for (i, a) in site.attachments.iter().enumerate() {
            let rel = &a.file.rel;
            let path = rel.strip_prefix("content/").unwrap_or(rel).to_string();
            let kind = if a.kind == crate::load::AttachmentKind::Svg {
                FileKind::Svg(i)
            } else {
                FileKind::Copy(a.file.abs.clone())
            };
            files.push(OutFile { path, kind });
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        for w in files.windows(2) {
            if w[0].path == w[1].path {
                return Err(Error::other(msg!("output-collision", path = &w[0].path)));
            }
        }
        Ok(files)
    }

    /// The bytes of one output file.
    pub fn file_bytes(&self, f: &OutFile) -> Result<Vec<u8>, Error> {
        match &f.kind {
            FileKind::Page(route, lang) => Ok(self.render_page(route, lang)?.into_bytes()),
            FileKind::Feed(lang, council) => {
                self.render_xml("feed.xml", data::feed(self, lang, *council))
            }
            FileKind::Calendar(council) => Ok(self.calendar(*council)),
            FileKind::Sitemap(part) => self.render_xml("sitemap.xml", data::sitemap(self, *part)),
            FileKind::RecordsJson => Ok(data::records_json(&self.ctx)),
            FileKind::Manifest => Ok(data::json_bytes(
                &self.provenance.and_then(|p| p.manifest.as_ref()),
            )),
            FileKind::DecisionsCsv => Ok(data::decisions_csv(&self.ctx)),
            FileKind::Copy(path) => std::fs::read(path).map_err(|e| Error::io(path, e)),
            FileKind::Svg(i) => {
                let a = &self.site().attachments[*i];
                let text = a.text.as_ref().map(|t| t.text.as_str()).unwrap_or("");
                crate::svg::sanitise(text)
                    .map(|s| s.svg.into_bytes())
                    .map_err(|e| Error::other(e.why))
            }
            FileKind::Theme(rel) => Ok(self.look.theme.files[&format!("static/{rel}")].to_vec()),
            FileKind::Search(path) => {
                self.search_index().files.get(path).cloned().ok_or_else(|| {
                    Error::other(crate::msg!("page-not-published", what = f.path.as_str()))
                })
            }
            FileKind::Robots => Ok(format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
                self.base_url()
            )
            .into_bytes()),
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
}
