//! The site's search index (SPEC §9): every published matter, meeting, supervision report and
//! content page becomes a [`crate::search::Document`], indexed once per build under
//! `/search/` for every language (the text of all languages together; each language has its
//! own result titles).

use std::sync::Arc;

use pulldown_cmark::{Event, Parser};

use super::Renderer;
use super::routes::Route;
use crate::model::{Body, TranslatedText, Translations};
use crate::search::{self, Document, Entry, IndexFiles};

/// Where the index lives in the output.
pub const DIR: &str = "search/";

impl Renderer<'_> {
    /// The index, built when first needed (once per build).
    pub fn search_index(&self) -> Arc<IndexFiles> {
        self.search
            .get_or_init(|| {
                let opts = search::Options {
                    languages: self.ctx.site.config.languages.clone(),
                    ..search::Options::default()
                };
                Arc::new(search::build(self.search_documents(), &opts))
            })
            .clone()
    }

    /// The same renderer with an index already made (`serve` keeps it between requests).
    pub fn with_search_index(self, index: Arc<IndexFiles>) -> Self {
        let _ = self.search.set(index);
        self
    }

    /// The index, if this renderer made it or was given it.
    pub fn built_search_index(&self) -> Option<Arc<IndexFiles>> {
        self.search.get().cloned()
    }

    /// Every page a resident may search for, with its text and its result in each language.
    pub fn search_documents(&self) -> Vec<Document> {
        let site = self.ctx.site;
        let mut docs = Vec::new();
        for ci in 0..site.councils.len() {
            for route in self.council_routes(ci) {
                docs.extend(self.search_document(&route));
            }
        }
        for (i, p) in site.pages.iter().enumerate() {
            if !p.draft && p.path != "_index" {
                docs.extend(self.search_document(&Route::Page(i)));
            }
        }
        docs
    }

    fn search_document(&self, route: &Route) -> Option<Document> {
        let ctx = &self.ctx;
        let site = ctx.site;
        let languages = &site.config.languages;
        let url = ctx.url(route);
        let mut text = String::new();
        let entry = |title: String,
                     kind: &str,
                     group: Option<String>,
                     state: Option<&str>,
                     date: Option<String>| Entry {
            url: url.clone(),
            title,
            kind: kind.into(),
            group,
            state: state.map(str::to_string),
            date,
        };
        let entries: Vec<Entry> = match *route {
            Route::Matter(ci, pi) => {
                let c = &site.councils[ci];
                let p = &c.proposals[pi];
                let lc = ctx.lifecycle(ci, pi)?;
                for s in [&p.title, &p.proposer, &p.category].into_iter().flatten() {
                    push(&mut text, &s.value);
                }
                translations(&mut text, &p.translations);
                bodies(&mut text, &p.meta.source.text, &p.body, &p.texts);
                let date = p.submitted.as_ref().map(|d| d.value.to_string());
                languages
                    .iter()
                    .map(|l| {
                        entry(
                            ctx.title_of(l, p).text,
                            "matter",
                            Some(ctx.council_ref(l, ci).name.text),
                            Some(lc.state.as_str()),
                            date.clone(),
                        )
                    })
                    .collect()
            }
            Route::Meeting(ci, mi) => {
                let m = &site.councils[ci].meetings[mi];
                let date = m.date.as_ref()?.value.to_string();
                for s in m.title.iter().chain(&m.location).chain(&m.guests) {
                    push(&mut text, &s.value);
                }
                translations(&mut text, &m.translations);
                bodies(&mut text, &m.meta.source.text, &m.body, &m.texts);
                languages
                    .iter()
                    .map(|l| {
                        let title = match super::views::meeting_title(ctx, l, m) {
                            Some(t) => t.text,
                            None => format!(
                                "{} {}",
                                self.ui(l, &format!("kind.{}", m.kind)),
                                super::theme::longdate(date.clone(), l.clone())
                            ),
                        };
                        entry(
                            title,
                            "meeting",
                            Some(ctx.council_ref(l, ci).name.text),
                            None,
                            Some(date.clone()),
                        )
                    })
                    .collect()
            }
            Route::Report(ci, ri) => {
                let c = &site.councils[ci];
                let r = &c.reports[ri];
                let date = r.date.as_ref()?.value.to_string();
                let matter = r
                    .proposal
                    .as_ref()
                    .and_then(|p| ctx.derived.indexes[ci].get(&p.value.to_ascii_lowercase()))
                    .copied();
                // Its result is titled with its matter's title: a search for it finds it.
                if let Some(pi) = matter {
                    let p = &c.proposals[pi];
                    for t in p.title.iter() {
                        push(&mut text, &t.value);
                    }
                    translations(&mut text, &p.translations);
                }
                translations(&mut text, &r.translations);
                bodies(&mut text, &r.meta.source.text, &r.body, &r.texts);
                let state = matter
                    .and_then(|pi| ctx.lifecycle(ci, pi))
                    .map(|lc| lc.state.as_str());
                languages
                    .iter()
                    .map(|l| {
                        let mut title = self.ui(l, "report.title");
                        if let Some(pi) = matter {
                            title = format!(
                                "{title}{}{}",
                                self.ui(l, "colon"),
                                ctx.title_of(l, &c.proposals[pi]).text
                            );
                        }
                        entry(
                            title,
                            "report",
                            Some(ctx.council_ref(l, ci).name.text),
                            state,
                            Some(date.clone()),
                        )
                    })
                    .collect()
            }
            Route::Page(i) => {
                let p = &site.pages[i];
                for s in p.title.iter().chain(&p.description) {
                    push(&mut text, &s.value);
                }
                bodies(&mut text, &p.meta.source.text, &p.body, &p.texts);
                let date = p.date.as_ref().map(|d| d.value.to_string());
                languages
                    .iter()
                    .map(|l| {
                        let link = super::pages::content::page_link(site, i, l);
                        entry(link.title, "page", None, None, date.clone())
                    })
                    .collect()
            }
            _ => return None,
        };
        Some(Document { text, entries })
    }
}

fn push(text: &mut String, s: &str) {
    text.push_str(s);
    text.push('\n');
}

fn translations(text: &mut String, tr: &Translations) {
    for fields in tr.values() {
        for s in fields.values() {
            push(text, &s.value);
        }
    }
}

/// A body and its translations (titles and text), as plain text: Markdown's syntax and link
/// addresses are not words anyone searches for.
fn bodies(text: &mut String, source: &str, body: &Body, texts: &[TranslatedText]) {
    plain(text, &source[body.span.clone()]);
    for t in texts {
        for s in t.title.iter().chain(&t.description) {
            push(text, &s.value);
        }
        plain(text, &t.source.text[t.body.span.clone()]);
    }
}

fn plain(text: &mut String, markdown: &str) {
    for e in Parser::new_ext(markdown, crate::markdown::options()) {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push('\n'),
            _ => {}
        }
    }
}
