//! `council check`: load the site, read its records, run the rules, derive the lifecycle.
//! The result is kept whole (site, timelines, findings) because `build` publishes from it.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::diag::{self, Diagnostic};
use crate::error::Error;
use crate::lifecycle::Timelines;
use crate::model::{self, Site};
use crate::rules::{self, Context};

/// What `check` is asked to do.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// The site root or any folder inside it.
    pub path: PathBuf,
    /// The day T; `None` for today.
    pub today: Option<Date>,
}

/// A checked site: its records, their timelines, and every finding, sorted.
pub struct Checked {
    pub site: Site,
    pub timelines: Timelines,
    pub today: Date,
    pub diagnostics: Vec<Diagnostic>,
}

/// Today in the machine's time zone.
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// Runs every stage. Fails only when there is no site to check (exit code 2); problems in
/// the records are findings in the result.
pub fn check(opts: &CheckOptions) -> Result<Checked, Error> {
    let root = crate::load::find_root(&opts.path)?;
    let today = opts.today.unwrap_or_else(today);
    let (site, mut diagnostics) = model::load_site(&root);
    diagnostics.extend(crate::site::collisions::collisions(&site));
    let timelines = Timelines::build(&site);
    let ctx = Context {
        site: &site,
        timelines: &timelines,
        today,
        scope: rules::Scope::All,
    };
    diagnostics.extend(rules::run(&ctx));
    diag::sort(&mut diagnostics);
    Ok(Checked {
        site,
        timelines,
        today,
        diagnostics,
    })
}
