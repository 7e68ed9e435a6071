//! `council build`: check, render every file in parallel, stage it, and switch the output
//! folder over only when everything rendered, through a journal (see [`super::output`]).

use std::collections::HashSet;
use std::time::{Instant, SystemTime};

use rayon::prelude::*;

use super::{
    BuildOptions, BuildOutcome, BuildReport, Derived, FileKind, Look, Renderer, cache, output,
};
use crate::audit::provenance::Provenance;
use crate::check::{CheckOptions, check};
use crate::diag::Severity;
use crate::error::Error;

/// Checks the site and, when it has no errors, publishes it.
pub fn build(opts: &BuildOptions) -> Result<BuildOutcome, Error> {
    let start = Instant::now();
    let started = SystemTime::now();
    let mut stages = Stages::new();
    if let Some(url) = &opts.base_url
        && let Some(problem) = crate::model::base_url_problem(url)
    {
        return Err(Error::Usage {
            message: crate::msg!(
                "base-url-option-bad",
                url = crate::diag::render::printable(url),
                problem
            ),
            help: Some(crate::msg!("base-url-option-bad-help")),
        });
    }
    let checked = check(&CheckOptions {
        path: opts.path.clone(),
        today: opts.today,
    })?;
    stages.done("check");
    if checked
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        return Ok(BuildOutcome::Refused(
            checked.diagnostics,
            checked.site.file_count,
        ));
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
    let base_url = super::base_url_of(&checked.site, opts.base_url.clone());
    let provenance = Provenance::collect(
        &checked.site,
        checked.today,
        &base_url,
        opts.origin.as_ref(),
    );
    stages.done("theme, history, source hashes");
    let notes: Vec<crate::i18n::Msg> = provenance
        .no_history
        // A rebuild by `verify` says nothing: the copy it compares with says it.
        .filter(|_| opts.origin.is_none())
        .map(crate::audit::provenance::no_history_note)
        .into_iter()
        .collect();
    // A rebuild by `verify` goes into a new folder: nothing to skip, nothing to keep.
    let key = opts
        .origin
        .is_none()
        .then(|| {
            cache::key(&cache::Inputs {
                today: checked.today,
                base_url: &base_url,
                provenance: &provenance,
                theme: &look.theme,
            })
        })
        .flatten();
    let output = output::Output::open(&out_dir, &root, opts.lang)?;
    if let Some(key) = &key
        && let Some(entry) = cache::read(&output.root)
        && entry.holds(&output.root, key)
    {
        stages.done("render cache: unchanged");
        stages.report();
        let mut notes = notes;
        notes.push(crate::msg!("build-cached"));
        return Ok(BuildOutcome::Built(
            BuildReport {
                notes,
                files: entry.files.len(),
                pages: entry.pages,
                written: 0,
                unchanged: entry.files.len(),
                removed: 0,
                elapsed: start.elapsed(),
                output: output.root.clone(),
            },
            checked.diagnostics,
        ));
    }
    stages.done("render cache: changed");
    let derived = Derived::new(&checked.site, &checked.timelines, checked.today);
    let renderer = Renderer::new(
        &checked.site,
        &derived,
        &look,
        checked.today,
        opts.base_url.clone(),
    )
    .with_provenance(&provenance);
    let files = match renderer.all_files() {
        Ok(f) => f,
        Err(e) => {
            output.abort(Vec::new());
            return Err(e);
        }
    };
    stages.done("lifecycles, routes, lists, search index");
    if let Err(e) = output.prepare_dirs(files.iter().map(|f| f.path.as_str())) {
        let root = output.root.clone();
        output.abort(Vec::new());
        return Err(Error::io(root, e));
    }
    let bar = opts.progress.then(|| {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files")
                .expect("a valid template"),
        );
        b
    });
    let kinds = Kinds::default();
    // Render and stage every file; nothing is visible until all of them succeeded.
    let results: Vec<Result<output::Staged, Error>> = files
        .par_iter()
        .map(|f| {
            let t = stages.on.then(Instant::now);
            let bytes = renderer.file_bytes(f)?;
            if let Some(t) = t {
                kinds.add(f, t.elapsed());
            }
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
    stages.done("render and stage");
    if stages.on {
        kinds.report();
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
    let produced: HashSet<String> = files.iter().map(|f| f.path.clone()).collect();
    let pages = files
        .iter()
        .filter(|f| matches!(f.kind, FileKind::Page(..)))
        .count();
    let out_root = output.root.clone();
    let committed = output
        .commit_cached(staged, &produced, |out| {
            let key = key.filter(|_| cache::settled(&root, &provenance, started))?;
            let paths = files.iter().map(|f| f.path.clone()).collect();
            cache::Entry::new(out, key, pages, paths).ok()
        })
        .map_err(|e| Error::io(&out_root, e))?;
    stages.done("switch-over, render cache");
    stages.report();
    let report = BuildReport {
        notes,
        files: files.len(),
        pages,
        written: committed.written,
        unchanged: files.len() - committed.written,
        removed: committed.removed,
        elapsed: start.elapsed(),
        output: out_root,
    };
    Ok(BuildOutcome::Built(report, checked.diagnostics))
}

/// The time each stage of a build took, and the process's memory after it (resident now,
/// and the peak so far), printed to stderr when `COUNCIL_TIMINGS` is set (for profiling:
/// docs/benchmarks.md).
struct Stages {
    on: bool,
    last: Instant,
    done: Vec<(&'static str, std::time::Duration, String)>,
}

impl Stages {
    fn new() -> Stages {
        Stages {
            on: std::env::var_os("COUNCIL_TIMINGS").is_some(),
            last: Instant::now(),
            done: Vec::new(),
        }
    }

    fn done(&mut self, stage: &'static str) {
        if self.on {
            let now = Instant::now();
            let memory = std::fs::read_to_string("/proc/self/status")
                .map(|s| {
                    s.lines()
                        .filter(|l| l.starts_with("VmRSS:") || l.starts_with("VmHWM:"))
                        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            self.done.push((stage, now - self.last, memory));
            self.last = now;
        }
    }

    fn report(&self) {
        for (stage, d, memory) in &self.done {
            eprintln!("timing: {:>8.3} s  {stage:<40} {memory}", d.as_secs_f64());
        }
    }
}

/// With `COUNCIL_TIMINGS`: the time spent rendering each kind of file (summed over threads),
/// and how many there are.
#[derive(Default)]
struct Kinds(
    std::sync::Mutex<std::collections::BTreeMap<&'static str, (usize, std::time::Duration)>>,
);

impl Kinds {
    fn add(&self, f: &super::OutFile, d: std::time::Duration) {
        use super::routes::Route;
        let kind = match &f.kind {
            FileKind::Page(r, _) => match r {
                Route::Matter(..) => "page: matter",
                Route::Notice(..) => "page: notice",
                Route::Meeting(..) => "page: minutes",
                Route::Report(..) => "page: report",
                Route::Feedback(..) => "page: return visit",
                Route::Council(_) | Route::Area(_) | Route::Councils => "page: council, area",
                Route::ByState(..) | Route::ByYear(..) => "page: browse lists",
                Route::Decisions(_) | Route::Supervision(_) => "page: decisions, supervision",
                _ => "page: other",
            },
            FileKind::Search(_) => "search index",
            FileKind::Sitemap(_) => "sitemap",
            FileKind::Feed(..) | FileKind::Calendar(_) => "feeds, calendars",
            _ => "data, static",
        };
        let mut m = self.0.lock().expect("not poisoned");
        let e = m.entry(kind).or_default();
        e.0 += 1;
        e.1 += d;
    }

    fn report(&self) {
        for (kind, (n, d)) in self.0.lock().expect("not poisoned").iter() {
            eprintln!(
                "timing: {:>8.3} s  {kind:<40} {n} files, {:.0} µs each",
                d.as_secs_f64(),
                d.as_secs_f64() * 1e6 / *n as f64
            );
        }
    }
}
