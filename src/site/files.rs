//! Which files the output holds, and the bytes of each: every page in every language, the
//! feed, the sitemap, the open data, the theme's static files, `static/` and attachments.
//! Routes published as of the day are listed here; what a page shows is in [`super::pages`].

use minijinja::Value;

use super::routes::{Route, lang_prefix, output_file, page_path};
use super::{Renderer, data, routes, theme};
use crate::error::Error;
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

impl<'a> Renderer<'a> {
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
            Route::Indicators,
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
    /// matters, minutes, reports and return visits.
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
}
