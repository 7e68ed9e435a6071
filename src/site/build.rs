//! `council build`: check, render every file in parallel, stage it, and switch the output
//! folder over only when everything rendered (see [`super::output`]).

use std::collections::HashSet;
use std::time::Instant;

use rayon::prelude::*;

use super::{BuildOptions, BuildOutcome, BuildReport, Derived, FileKind, Look, Renderer, output};
use crate::audit::provenance::Provenance;
use crate::check::{CheckOptions, check};
use crate::diag::Severity;
use crate::error::Error;

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
    let derived = Derived::new(&checked.site, &checked.timelines, checked.today);
    let base_url = super::base_url_of(&checked.site, opts.base_url.clone());
    let provenance = Provenance::collect(
        &checked.site,
        checked.today,
        &base_url,
        opts.origin.as_ref(),
    );
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
        // A rebuild by `verify` says nothing: the copy it compares with says it.
        notes: provenance
            .no_history
            .filter(|_| opts.origin.is_none())
            .map(crate::audit::provenance::no_history_note)
            .into_iter()
            .collect(),
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
