//! What `serve` keeps in memory: the records as they are on disk now, their findings, and
//! the last build without errors, which is what is served. A change to a file already known
//! is applied to both incrementally (one file read again, one council checked again, only the
//! pages that show it invalidated); anything else (a new or deleted file, site.toml, the
//! theme) reloads the whole site.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use jiff::civil::Date;

use crate::diag::{self, Diagnostic, Severity};
use crate::error::Error;
use crate::i18n::Msg;
use crate::lifecycle::Timelines;
use crate::lifecycle::chain::linked_councils;
use crate::model::{Site, Touched, load_site};
use crate::msg;
use crate::rules::{self, Context, Scope};
use crate::site::routes::Route;
use crate::site::{Derived, FileKind, Look, OutFile, Renderer};

/// Who a rendered file belongs to, for invalidation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// A page of council `ci` (its page, its matters, minutes and reports).
    Council(usize),
    /// Lists and counts over the whole site: home, decisions, supervision, data, feeds.
    Global,
    /// Content pages, static files, attachments.
    Content,
}

/// The last build without errors. Requests share it behind an `Arc` and render from it
/// with no lock held (only the cache and the file index are locked, briefly); a change makes
/// a new one (`Arc::make_mut` copies it only while a request still renders from the old).
pub struct Published {
    pub site: Site,
    timelines: Timelines,
    derived: Derived,
    look: Arc<Look>,
    /// Output path → what it is; `None` until asked for after a change.
    files: Mutex<Option<HashMap<String, OutFile>>>,
    /// The index lacks the pages whose number depends on the whole site (list pages,
    /// sitemap parts); they are listed again when next asked for, not on every edit.
    lists_stale: AtomicBool,
    /// The index lacks the search index's files: listing them makes the whole search index
    /// (seconds for a large street), so they are listed only when one of them is asked for,
    /// never for a list page.
    search_stale: AtomicBool,
    cache: Mutex<Cache>,
    /// The search index, made once for every file of it (and the search page) until the
    /// next change.
    search: Mutex<Option<Arc<crate::search::IndexFiles>>>,
}

/// Rendered files by output path, with who they belong to.
type Cache = HashMap<String, (Owner, Arc<Vec<u8>>)>;

impl Clone for Published {
    fn clone(&self) -> Published {
        Published {
            site: self.site.clone(),
            timelines: self.timelines.clone(),
            derived: self.derived.clone(),
            look: self.look.clone(),
            files: Mutex::new(self.files.lock().expect("not poisoned").clone()),
            lists_stale: AtomicBool::new(self.lists_stale.load(Ordering::Relaxed)),
            search_stale: AtomicBool::new(self.search_stale.load(Ordering::Relaxed)),
            cache: Mutex::new(self.cache.lock().expect("not poisoned").clone()),
            search: Mutex::new(self.search.lock().expect("not poisoned").clone()),
        }
    }
}

impl Published {
    fn new(site: Site, timelines: Timelines, today: Date) -> Result<Published, Error> {
        let look = Arc::new(Look::load(&site)?);
        let derived = Derived::new(&site, &timelines, today);
        Ok(Published {
            site,
            timelines,
            derived,
            look,
            files: Mutex::new(None),
            lists_stale: AtomicBool::new(false),
            search_stale: AtomicBool::new(false),
            cache: Mutex::new(HashMap::new()),
            search: Mutex::new(None),
        })
    }

    fn renderer(&self, today: Date) -> Renderer<'_> {
        let r = Renderer::new(
            &self.site,
            &self.derived,
            &self.look,
            today,
            Some("/".into()),
        );
        match self.search.lock().expect("not poisoned").clone() {
            Some(index) => r.with_search_index(index),
            None => r,
        }
    }

    /// Keeps the search index `renderer` made, if there is none yet.
    fn keep_search_index(&self, renderer: &Renderer<'_>) {
        let mut search = self.search.lock().expect("not poisoned");
        if search.is_none() {
            *search = renderer.built_search_index();
        }
    }

    /// How many files are rendered and kept.
    pub fn cached(&self) -> usize {
        self.cache.lock().expect("not poisoned").len()
    }

    /// The bytes of the output file `path`, rendered now (without any lock held) or from
    /// the cache; `None` when the site has no such file.
    pub fn get(&self, path: &str, today: Date) -> Result<Option<Arc<Vec<u8>>>, Error> {
        if let Some((_, bytes)) = self.cache.lock().expect("not poisoned").get(path) {
            return Ok(Some(bytes.clone()));
        }
        let Some(file) = self.file(path, today)? else {
            return Ok(None);
        };
        let renderer = self.renderer(today);
        let bytes = Arc::new(renderer.file_bytes(&file)?);
        self.keep_search_index(&renderer);
        self.cache
            .lock()
            .expect("not poisoned")
            .insert(path.to_string(), (owner(&file), bytes.clone()));
        Ok(Some(bytes))
    }

    pub fn has(&self, path: &str, today: Date) -> Result<bool, Error> {
        if self.cache.lock().expect("not poisoned").contains_key(path) {
            return Ok(true);
        }
        Ok(self.file(path, today)?.is_some())
    }

    /// What the output file `path` is, listing the site's files first if needed (outside
    /// the lock: two requests may both list them, neither waits for the other).
    fn file(&self, path: &str, today: Date) -> Result<Option<OutFile>, Error> {
        let (listed, known) = {
            let files = self.files.lock().expect("not poisoned");
            (
                files.is_some(),
                files.as_ref().and_then(|f| f.get(path)).cloned(),
            )
        };
        if known.is_some() {
            return Ok(known);
        }
        if !listed {
            let renderer = self.renderer(today);
            let all = renderer.all_files()?;
            self.keep_search_index(&renderer);
            let map: HashMap<String, OutFile> =
                all.into_iter().map(|f| (f.path.clone(), f)).collect();
            let found = map.get(path).cloned();
            let mut files = self.files.lock().expect("not poisoned");
            if files.is_none() {
                *files = Some(map);
                self.lists_stale.store(false, Ordering::Relaxed);
                self.search_stale.store(false, Ordering::Relaxed);
            }
            return Ok(found);
        }
        if self.lists_stale.swap(false, Ordering::Relaxed) {
            let renderer = self.renderer(today);
            let mut fresh = renderer.page_files(&renderer.list_routes());
            fresh.extend(renderer.data_files());
            if let Some(found) = self.add_files(fresh, path) {
                return Ok(Some(found));
            }
        }
        // The search page's browse lists lie under `search/` too: they are listed above.
        if path.starts_with(crate::site::search::DIR)
            && self.search_stale.swap(false, Ordering::Relaxed)
        {
            let renderer = self.renderer(today);
            let fresh = renderer.search_files();
            self.keep_search_index(&renderer);
            return Ok(self.add_files(fresh, path));
        }
        Ok(None)
    }

    /// Adds `fresh` to the index of files; the one at `path`, if among them.
    fn add_files(&self, fresh: Vec<OutFile>, path: &str) -> Option<OutFile> {
        let found = fresh.iter().find(|f| f.path == path).cloned();
        if let Some(files) = self.files.lock().expect("not poisoned").as_mut() {
            files.extend(fresh.into_iter().map(|f| (f.path.clone(), f)));
        }
        found
    }

    /// Drops what a change to `owner` makes stale; returns how many files were dropped.
    /// A council's pages may come and go (a record dated later than the day is not
    /// published), so its entries in the file index are listed again; the rest of the index
    /// stays.
    fn invalidate(&mut self, changed: &[Owner], today: Date) -> usize {
        *self.search.get_mut().expect("not poisoned") = None;
        let cache = self.cache.get_mut().expect("not poisoned");
        let before = cache.len();
        cache.retain(|_, (o, _)| !changed.contains(o) && *o != Owner::Global);
        let dropped = before - cache.len();
        let listed = self.files.get_mut().expect("not poisoned").is_some();
        let councils: Vec<usize> = changed
            .iter()
            .filter_map(|o| match o {
                Owner::Council(ci) => Some(*ci),
                _ => None,
            })
            .collect();
        if !listed || councils.len() < changed.len() {
            *self.files.get_mut().expect("not poisoned") = None;
            return dropped;
        }
        let renderer = Renderer::new(
            &self.site,
            &self.derived,
            &self.look,
            today,
            Some("/".into()),
        );
        // The councils' own pages now; the list pages (a new decision may add one) and the
        // sitemap's parts when next asked for. The index holds every output file (300,000
        // at 50,000 matters): it is gone through once for all the councils an edit touches.
        let fresh: Vec<OutFile> = councils
            .iter()
            .flat_map(|&ci| renderer.page_files(&renderer.council_routes(ci)))
            .collect();
        let files = self
            .files
            .get_mut()
            .expect("not poisoned")
            .as_mut()
            .expect("checked");
        files.retain(|_, f| {
            !changed.contains(&owner(f))
                && !matches!(
                    f.kind,
                    FileKind::Page(Route::Decisions(_) | Route::Supervision(_), _)
                        | FileKind::Sitemap(_)
                        | FileKind::Search(_)
                )
        });
        files.extend(fresh.into_iter().map(|f| (f.path.clone(), f)));
        self.lists_stale.store(true, Ordering::Relaxed);
        self.search_stale.store(true, Ordering::Relaxed);
        dropped
    }
}

/// Renders the pages `paths` of `good` now (the secretary is most likely looking at them),
/// with no lock held; returns how many exist.
pub fn warm(good: &Published, paths: &[String], today: Date) -> usize {
    paths
        .iter()
        .filter(|p| good.get(p, today).ok().flatten().is_some())
        .count()
}

fn owner(f: &OutFile) -> Owner {
    match &f.kind {
        FileKind::Page(
            Route::Council(ci)
            | Route::Matter(ci, _)
            | Route::Notice(ci, _)
            | Route::Meeting(ci, _)
            | Route::Report(ci, _)
            | Route::Feedback(ci, _),
            _,
        ) => Owner::Council(*ci),
        FileKind::Page(Route::Page(_) | Route::NotFound, _)
        | FileKind::Copy(_)
        | FileKind::Svg(_)
        | FileKind::Theme(_) => Owner::Content,
        _ => Owner::Global,
    }
}

/// What one round of changes did, for the terminal line.
pub struct Applied {
    pub what: Msg,
    /// Pages to render at once, with [`warm`], once the workspace is released.
    pub warm: Vec<String>,
    pub invalidated: usize,
    pub errors: usize,
    pub full: bool,
    /// When the change began to be applied.
    pub started: Instant,
}

pub struct Workspace {
    pub root: PathBuf,
    pub today: Date,
    current: Site,
    timelines: Timelines,
    /// Findings from reading files, by file.
    read_diags: HashMap<String, Vec<Diagnostic>>,
    /// Findings of the rules: by council key, and `None` for the site itself.
    rule_diags: HashMap<Option<String>, Vec<Diagnostic>>,
    /// Every finding that is an error, sorted: shown over every page.
    pub errors: Vec<Diagnostic>,
    /// Why the theme cannot render, when that is the problem.
    pub theme_error: Option<crate::error::Error>,
    pub good: Option<Arc<Published>>,
    /// Files changed since `good` was taken.
    pending: BTreeSet<String>,
}

impl Workspace {
    pub fn open(root: PathBuf, today: Date) -> Workspace {
        let (site, _) = load_site(&root);
        let mut ws = Workspace {
            root,
            today,
            timelines: Timelines::build(&site),
            current: site,
            read_diags: HashMap::new(),
            rule_diags: HashMap::new(),
            errors: Vec::new(),
            theme_error: None,
            good: None,
            pending: BTreeSet::new(),
        };
        ws.reload_all();
        ws
    }

    /// Reads the whole site again.
    fn reload_all(&mut self) {
        let (site, mut diags) = load_site(&self.root);
        diags.extend(crate::site::collisions::collisions(&site));
        self.timelines = Timelines::build(&site);
        self.current = site;
        self.read_diags.clear();
        for d in diags {
            self.read_diags.entry(d.file.clone()).or_default().push(d);
        }
        self.rule_diags.clear();
        let ctx = Context {
            site: &self.current,
            timelines: &self.timelines,
            today: self.today,
            scope: Scope::All,
        };
        for d in rules::run(&ctx) {
            let key = self.scope_key(&d.file);
            self.rule_diags.entry(key).or_default().push(d);
        }
        self.pending.clear();
        self.refresh_errors();
        if self.errors.is_empty() {
            match Published::new(self.current.clone(), self.timelines.clone(), self.today) {
                Ok(p) => {
                    self.good = Some(Arc::new(p));
                    self.theme_error = None;
                }
                Err(e) => self.theme_error = Some(e),
            }
        }
    }

    /// The council a file belongs to (its key), or `None` for the site.
    fn scope_key(&self, file: &str) -> Option<String> {
        self.current
            .council_of(file)
            .map(|ci| self.current.councils[ci].key.clone())
    }

    fn refresh_errors(&mut self) {
        let mut errors: Vec<Diagnostic> = self
            .read_diags
            .values()
            .chain(self.rule_diags.values())
            .flatten()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        diag::sort(&mut errors);
        self.errors = errors;
    }

    /// Applies changes to the files `paths` (relative to the site root).
    pub fn apply(&mut self, paths: &[String]) -> Applied {
        let start = Instant::now();
        let what = match paths {
            [one] => msg!("serve-one-file", file = one.as_str()),
            many => msg!("serve-files", count = many.len()),
        };
        let structural = paths
            .iter()
            .any(|p| p == "site.toml" || p.starts_with("themes/"));
        let mut touched = Vec::new();
        let mut full = structural;
        // Councils linked by referrals before the change: their findings and pages may
        // change with it (a link the change removes counts too).
        let mut linked = BTreeSet::new();
        if !full {
            for p in paths {
                if let Some(ci) = self.current.council_of(p) {
                    linked.extend(linked_councils(&self.current, ci));
                }
                match self.current.reload_file(p) {
                    Some((t, d)) => {
                        self.read_diags.insert(p.clone(), d);
                        touched.push(t);
                    }
                    None => {
                        full = true;
                        break;
                    }
                }
            }
        }
        if full {
            self.reload_all();
            let invalidated = self.good.as_ref().map(|g| g.cached()).unwrap_or(0);
            return Applied {
                what,
                warm: Vec::new(),
                invalidated,
                errors: self.errors.len(),
                full: true,
                started: start,
            };
        }
        // Check again what the changed files can affect: their councils, and the councils
        // linked to them by referrals before or after the change.
        let mut scopes: Vec<Scope> = Vec::new();
        for t in &touched {
            let s = match t {
                Touched::Record { council, .. } | Touched::Council { council } => {
                    linked.extend(linked_councils(&self.current, *council));
                    Scope::Council(*council)
                }
                Touched::Page => Scope::Site,
            };
            if !scopes.contains(&s) {
                scopes.push(s);
            }
        }
        for ci in linked {
            if !scopes.contains(&Scope::Council(ci)) {
                scopes.push(Scope::Council(ci));
            }
        }
        for s in &scopes {
            if let Scope::Council(ci) = s {
                self.timelines.update_council(&self.current, *ci);
            }
            let ctx = Context {
                site: &self.current,
                timelines: &self.timelines,
                today: self.today,
                scope: *s,
            };
            let key = match s {
                Scope::Council(ci) => Some(self.current.councils[*ci].key.clone()),
                _ => None,
            };
            self.rule_diags.insert(key, rules::run(&ctx));
        }
        self.pending.extend(paths.iter().cloned());
        self.refresh_errors();
        let (mut warm, mut invalidated) = (Vec::new(), 0);
        if self.errors.is_empty() {
            (warm, invalidated) = self.publish_pending(&scopes);
        }
        Applied {
            what,
            warm,
            invalidated,
            errors: self.errors.len(),
            full: false,
            started: start,
        }
    }

    /// Brings the served build up to date with the changes made since it was taken; returns
    /// the pages of the changed records and their councils, to render at once (by
    /// [`warm`], without the workspace), and how many cached files were dropped.
    fn publish_pending(&mut self, scopes: &[Scope]) -> (Vec<String>, usize) {
        let pending = std::mem::take(&mut self.pending);
        let today = self.today;
        let Some(good) = self.good.as_mut().map(Arc::make_mut) else {
            self.reload_all();
            return (Vec::new(), 0);
        };
        let mut councils = BTreeSet::new();
        let mut pages = false;
        for p in &pending {
            // Pages of councils linked by a referral show this council's matters in their
            // chains: before the change and after it.
            if let Some(ci) = good.site.council_of(p) {
                councils.extend(linked_councils(&good.site, ci));
            }
            match good.site.reload_file(p) {
                Some((Touched::Record { council, .. } | Touched::Council { council }, _)) => {
                    councils.insert(council);
                }
                Some((Touched::Page, _)) => pages = true,
                None => {
                    // The served build had drifted: take the current one whole.
                    if let Ok(p) =
                        Published::new(self.current.clone(), self.timelines.clone(), today)
                    {
                        self.good = Some(Arc::new(p));
                    }
                    return (Vec::new(), 0);
                }
            }
        }
        for s in scopes {
            if let Scope::Council(ci) = s {
                councils.insert(*ci);
            }
        }
        for ci in councils.clone() {
            councils.extend(linked_councils(&good.site, ci));
        }
        for &ci in &councils {
            good.timelines.update_council(&good.site, ci);
            good.derived
                .update_council(&good.site, &good.timelines, today, ci);
        }
        if !councils.is_empty() {
            good.derived.link(&good.site, today);
        }
        let mut changed: Vec<Owner> = councils.iter().map(|&ci| Owner::Council(ci)).collect();
        if pages {
            changed.push(Owner::Content);
        }
        let invalidated = if changed.is_empty() {
            0
        } else {
            good.invalidate(&changed, today)
        };
        // Render now what the secretary is most likely looking at: the changed records'
        // pages and their councils'.
        let mut eager = Vec::new();
        for p in &pending {
            if let Some(rest) = p.strip_prefix("councils/") {
                let rest = rest.trim_end_matches(".md");
                let (dir, name) = rest.rsplit_once('/').unwrap_or((rest, ""));
                let stem = name.split('.').next().unwrap_or(name);
                if !stem.is_empty()
                    && (dir.ends_with("/proposals")
                        || dir.ends_with("/meetings")
                        || dir.ends_with("/reports")
                        || dir.ends_with("/feedback"))
                {
                    eager.push(format!("councils/{dir}/{stem}/index.html"));
                }
                if let Some((council, _)) = dir.rsplit_once('/') {
                    eager.push(format!("councils/{council}/index.html"));
                }
            }
        }
        let langs = good.site.config.languages.clone();
        let default = langs[0].clone();
        let mut warm = Vec::new();
        for path in eager {
            for l in &langs {
                warm.push(if *l == default {
                    path.clone()
                } else {
                    format!("{l}/{path}")
                });
            }
        }
        (warm, invalidated)
    }
}
