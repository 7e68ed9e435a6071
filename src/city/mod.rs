//! A city of streets (SPEC §10): `council aggregate` harvests what every street of a
//! `city.toml` publishes and makes one static index of them. It never reads a street's
//! repository, only its published `data/records.json` and `data/manifest.json`.
//!
//! The stages: read city.toml ([`config`]); harvest every source in parallel ([`harvest`],
//! reading folders or HTTP(S) through [`fetch`]), keeping the last good harvest of each in
//! the harvest store and deriving a street once per records.json ([`street`], from the
//! matters themselves: [`published`]); then render the pages ([`render`]) and the data files
//! ([`data`]) and write them through the same output as `build` (`site::output`: atomic,
//! unchanged files not rewritten). A street's matters are held only while it is derived;
//! what the city keeps of it in memory is its councils' tallies, so memory grows with the
//! largest street, not with the city (the search postings excepted: they are the index).
//!
//! This module must not depend on `check`, the rules or the model of records: a street is
//! what it published.

pub mod config;
pub mod data;
pub mod fetch;
pub mod harvest;
pub mod published;
pub mod render;
pub mod street;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diag::{Diagnostic, Source};
use crate::error::Error;
use crate::i18n::Msg;
use crate::indicators::Tally;
use crate::msg;
use crate::site::output::{self, Output};

/// The harvest store, beside city.toml.
pub const STORE: &str = "harvest";

/// What `aggregate` is asked to do.
#[derive(Clone, Debug)]
pub struct AggregateOptions {
    /// The folder holding city.toml.
    pub path: PathBuf,
    /// Default `public` in `path`.
    pub output: Option<PathBuf>,
    pub today: Option<Date>,
    /// Every download: the whole exchange.
    pub timeout: Duration,
    /// The largest file read from a source.
    pub max_bytes: u64,
    /// The language of what is said while the run waits for another holding the output.
    pub lang: crate::i18n::Lang,
}

/// A source this run could not read.
#[derive(Clone, Debug)]
pub struct Failed {
    pub id: String,
    pub why: Msg,
    /// The day of the last good harvest kept in its place, if any.
    pub kept: Option<Date>,
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct AggregateReport {
    pub sources: usize,
    /// Sources read in this run, and of them those whose records.json was new (parsed).
    pub read: usize,
    pub parsed: usize,
    pub failed: Vec<Failed>,
    pub matters: usize,
    pub files: usize,
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub elapsed: Duration,
    pub output: PathBuf,
}

pub enum AggregateOutcome {
    Done(AggregateReport),
    /// city.toml has errors: nothing was read or written.
    Refused(Vec<Diagnostic>),
}

/// Reads the city, harvests its sources and publishes the index.
pub fn aggregate(opts: &AggregateOptions) -> Result<AggregateOutcome, Error> {
    let start = Instant::now();
    let dir = &opts.path;
    let file = dir.join("city.toml");
    let text = match std::fs::read(&file) {
        Ok(b) => String::from_utf8(b)
            .map_err(|_| Error::other(msg!("city-not-utf8", path = file.display().to_string())))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Path {
                path: dir.clone(),
                reason: msg!("city-missing"),
            });
        }
        Err(e) => return Err(Error::io(&file, e)),
    };
    let (config, diags) = config::parse_city_config(&Source::new("city.toml", text));
    let Some(config) = config else {
        return Ok(AggregateOutcome::Refused(diags));
    };
    let dir = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    let today = opts.today.unwrap_or_else(crate::check::today);
    let out_dir = match &opts.output {
        Some(p) if p.is_absolute() => p.clone(),
        Some(p) => std::env::current_dir()
            .map_err(|e| Error::io(".", e))?
            .join(p),
        None => dir.join("public"),
    };
    let look = render::Look::load(&dir, &config)?;
    // The output first: its lock keeps two runs from harvesting into one store at once.
    let out = Output::open(&out_dir, &dir, opts.lang)?;
    let store = dir.join(STORE);
    std::fs::create_dir_all(&store).map_err(|e| Error::io(&store, e))?;
    let limits = fetch::Limits {
        timeout: opts.timeout,
        max_bytes: opts.max_bytes,
    };
    let client = fetch::Client::new(limits);
    let harvester = harvest::Harvester {
        city_dir: &dir,
        store: &store,
        client: &client,
        limits,
        today,
    };
    // Downloads wait on the network more than on the processor: a few more threads than
    // cores, and at most that many streets held at once.
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 4)
        * 2;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::other(msg!("harvest-store", detail = e.to_string())))?;
    let results: Vec<harvest::SourceResult> = pool.install(|| {
        config
            .sources
            .par_iter()
            .map(|s| harvester.harvest(s))
            .collect()
    });
    let entries: Vec<render::Entry<'_>> = config
        .sources
        .iter()
        .zip(results)
        .map(|(config, result)| render::Entry { config, result })
        .collect();
    let mut total = Tally::default();
    for e in &entries {
        if let Some(s) = e.street() {
            total.merge(&s.tally);
        }
    }
    let mut report = AggregateReport {
        sources: entries.len(),
        read: entries.iter().filter(|e| !e.result.stale()).count(),
        parsed: entries.iter().filter(|e| e.result.parsed).count(),
        failed: entries
            .iter()
            .filter_map(|e| {
                Some(Failed {
                    id: e.config.id.clone(),
                    why: e.result.failure.clone()?,
                    kept: e.result.harvest.as_ref().map(|h| h.harvested),
                })
            })
            .collect(),
        matters: total.matters,
        ..Default::default()
    };
    let pages = render::Pages {
        config: &config,
        look: &look,
        entries: &entries,
        today,
        total: &total,
    };
    let written = publish(out, &pages)?;
    report.files = written.0;
    report.written = written.1;
    report.removed = written.2;
    report.unchanged = report.files - report.written;
    report.elapsed = start.elapsed();
    report.output = out_dir;
    Ok(AggregateOutcome::Done(report))
}

/// Renders and writes every file; returns (files, written, removed).
fn publish(out: Output, pages: &render::Pages<'_>) -> Result<(usize, usize, usize), Error> {
    let config = pages.config;
    let root = out.root.clone();
    let io = |rel: &str, e: std::io::Error| Error::io(root.join(rel), e);
    // Every page, by its file; the search index and city.json are streamed after.
    let mut rels: Vec<String> = vec!["data/city.json".into(), "search/p/0.bin".into()];
    let mut views: Vec<(String, Vec<render::StreetView>)> = Vec::new();
    for lang in &config.languages {
        let pre = render::prefix(config, lang);
        let streets: Vec<render::StreetView> = pages
            .entries
            .iter()
            .filter_map(|e| pages.street_view(e, lang))
            .collect();
        rels.push(format!("search/d/{lang}/g.json"));
        for s in &streets {
            rels.push(format!("{pre}streets/{}/index.html", s.id));
        }
        for k in 2..=indicator_pages(&streets).len() {
            rels.push(format!("{pre}indicators/page/{k}/index.html"));
        }
        for f in [
            "index.html",
            "indicators/index.html",
            "search/index.html",
            "feed.xml",
        ] {
            rels.push(format!("{pre}{f}"));
        }
        views.push((lang.clone(), streets));
    }
    let statics: Vec<(String, Vec<u8>)> = pages
        .look
        .theme
        .statics()
        .map(|(p, b)| (p.to_string(), b.to_vec()))
        .collect();
    rels.extend(statics.iter().map(|(p, _)| p.clone()));
    out.prepare_dirs(rels.iter().map(String::as_str))
        .map_err(|e| io("", e))?;
    let staged: Mutex<Vec<output::Staged>> = Mutex::new(Vec::new());
    let produced: Mutex<HashSet<String>> = Mutex::new(HashSet::new());
    let put = |rel: String, bytes: &[u8]| -> Result<(), Error> {
        let s = out.stage(&rel, bytes).map_err(|e| io(&rel, e))?;
        staged.lock().expect("not poisoned").push(s);
        produced.lock().expect("not poisoned").insert(rel);
        Ok(())
    };
    let result = (|| -> Result<(), Error> {
        // The search index, streamed from the streets' documents.
        let mut meta = serde_json::Value::Null;
        let mut failure = None;
        let mut emit = |path: String, bytes: Vec<u8>| {
            if path == "meta.json" {
                meta = serde_json::from_slice(&bytes).unwrap_or_default();
            }
            if failure.is_none()
                && let Err(e) = put(format!("search/{path}"), &bytes)
            {
                failure = Some(e);
            }
        };
        data::search_index(&config.languages, config, pages.entries, &mut emit)
            .map_err(|e| io("search/", e))?;
        if let Some(e) = failure {
            return Err(e);
        }
        // city.json, straight from the store.
        let s = out
            .stage_with("data/city.json", |w: &mut dyn std::io::Write| {
                data::city_json(w, pages.today, pages.entries, pages.total)
            })
            .map_err(|e| io("data/city.json", e))?;
        staged.lock().expect("not poisoned").push(s);
        produced
            .lock()
            .expect("not poisoned")
            .insert("data/city.json".into());
        for (p, b) in &statics {
            put(p.clone(), b)?;
        }
        for (lang, streets) in &views {
            let pre = render::prefix(config, lang);
            put(format!("{pre}index.html"), &pages.home(lang)?)?;
            put(
                format!("{pre}search/index.html"),
                &pages.search(lang, &meta)?,
            )?;
            put(format!("{pre}feed.xml"), &pages.feed(lang)?)?;
            let parts = indicator_pages(streets);
            let n = parts.len();
            for (k, part) in parts.iter().enumerate() {
                let rel = if k == 0 {
                    format!("{pre}indicators/index.html")
                } else {
                    format!("{pre}indicators/page/{}/index.html", k + 1)
                };
                put(rel, &pages.indicators(lang, k + 1, n, part)?)?;
            }
            streets.par_iter().try_for_each(|s| {
                put(
                    format!("{pre}streets/{}/index.html", s.id),
                    &pages.street(lang, s)?,
                )
            })?;
        }
        Ok(())
    })();
    let staged = staged.into_inner().expect("not poisoned");
    if let Err(e) = result {
        out.abort(staged);
        return Err(e);
    }
    let produced = produced.into_inner().expect("not poisoned");
    let files = produced.len();
    let done = out.commit(staged, &produced).map_err(|e| io("", e))?;
    Ok((files, done.written, done.removed))
}

/// The streets split into pages of `/indicators/` (whole streets, about
/// [`render::ROWS_PER_PAGE`] rows each); always at least one page.
fn indicator_pages(streets: &[render::StreetView]) -> Vec<&[render::StreetView]> {
    let mut parts = Vec::new();
    let (mut from, mut rows) = (0, 0);
    for (i, s) in streets.iter().enumerate() {
        if rows > 0 && rows + s.rows() > render::ROWS_PER_PAGE {
            parts.push(&streets[from..i]);
            from = i;
            rows = 0;
        }
        rows += s.rows();
    }
    parts.push(&streets[from..]);
    parts
}

/// The folder `path` holds city.toml.
pub fn is_city(path: &Path) -> bool {
    path.join("city.toml").is_file()
}
