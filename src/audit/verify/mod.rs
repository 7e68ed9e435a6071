//! `council verify [PATH] --site DIR`: proves a published copy of the site against the
//! repository, offline, with nothing but a clone and the copy.
//!
//! 1. The copy's `data/manifest.json` states the commit, the day (`as_of`) and the address
//!    (`base_url`) it was built for.
//! 2. That commit must be in the repository, and HEAD must descend from it; otherwise the
//!    history was rewritten since the site was published.
//! 3. The manifest's hashes must be those of the commit's files, read from git (never from
//!    a work tree), and the site must not say it was built from anything else.
//! 4. The commit is checked out into a temporary folder and built again, as of the same day
//!    for the same address; every file must be byte-identical to the copy's: none missing,
//!    none extra, none different (the first differing line is shown).
//! 5. The commit's signature is reported.
//!
//! Only when all of that holds is the answer yes (exit 0).

mod compare;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::history::{NoHistory, Repo};
use super::provenance::{self, FileHash, Origin, TreeFile, commit_sources, hex};
use super::signature::SigStatus;
use crate::error::Error;
use crate::i18n::{Lang, Msg, list};
use crate::msg;
pub use compare::Differing;

#[derive(Clone, Debug)]
pub struct VerifyOptions {
    /// The repository: a site folder in a work tree, or a bare clone.
    pub path: PathBuf,
    /// The published copy.
    pub site: PathBuf,
    /// The language of the report's words.
    pub lang: Lang,
}

/// What the copy states about itself (read leniently: a field missing is a finding, not a
/// failure to run).
#[derive(Clone, Debug, Default, Serialize, serde::Deserialize)]
pub struct Stated {
    pub commit: Option<String>,
    pub as_of: Option<String>,
    pub base_url: Option<String>,
    pub generator: Option<String>,
    #[serde(default = "yes")]
    pub history: bool,
    #[serde(default)]
    pub no_history: Option<String>,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub uncommitted: Vec<serde_json::Value>,
    #[serde(default, skip_serializing)]
    pub files: Vec<FileHash>,
    #[serde(default, skip_serializing)]
    pub manifest: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Ancestry {
    pub in_repository: bool,
    pub head: Option<String>,
    /// HEAD is the commit or descends from it.
    pub ancestor: bool,
    /// Commits in HEAD's history after the stated one.
    pub commits_since: Option<usize>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct ManifestCheck {
    pub checked: bool,
    pub files: usize,
    /// Listed with another SHA-256 than the commit's file.
    pub differing: Vec<String>,
    /// Listed, but the commit has no such file.
    pub not_in_commit: Vec<String>,
    /// In the commit, but not listed.
    pub not_listed: Vec<String>,
    /// The hash over the list is not the one stated.
    pub list_hash_differs: bool,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct RebuildCheck {
    pub checked: bool,
    pub files: usize,
    /// In the rebuild, not in the copy.
    pub missing: Vec<String>,
    /// In the copy, not in the rebuild.
    pub extra: Vec<String>,
    pub differing: Vec<Differing>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Signature {
    /// `unsigned`, `verified`, `unknown-key`, `bad`, `gpg`, `unsupported`.
    pub status: &'static str,
    pub label: String,
}

/// The answer, with every reason it is not yes.
#[derive(Clone, Debug, Default, Serialize)]
pub struct VerifyReport {
    pub ok: bool,
    pub site: String,
    pub stated: Stated,
    /// Each reason the copy does not verify, in plain words, naming the file or commit.
    pub problems: Vec<String>,
    /// Worth knowing, not a failure (another council version built the copy).
    pub notes: Vec<String>,
    /// The problems and notes as messages, until the report is finished.
    #[serde(skip)]
    said: Vec<Msg>,
    #[serde(skip)]
    noted: Vec<Msg>,
    pub ancestry: Ancestry,
    pub manifest: ManifestCheck,
    pub rebuild: RebuildCheck,
    pub signature: Option<Signature>,
}

/// Verifies the copy at `opts.site` against the repository at `opts.path`.
pub fn verify(opts: &VerifyOptions) -> Result<VerifyReport, Error> {
    if !opts.site.is_dir() {
        return Err(Error::Path {
            path: opts.site.clone(),
            reason: msg!("verify-site-not-a-folder"),
        });
    }
    let repo = super::open_repository(&opts.path)?;
    // Here every object read is checked against its id: the proof rests on them.
    git2::opts::strict_hash_verification(true);
    let mut r = VerifyReport {
        site: opts.site.display().to_string(),
        ..VerifyReport::default()
    };
    let Some(stated) = read_stated(&opts.site, &mut r.said) else {
        return Ok(finish(r, opts.lang));
    };
    r.stated = stated.clone();
    let ours = format!("council {}", env!("CARGO_PKG_VERSION"));
    if let Some(g) = stated.generator.as_ref().filter(|g| **g != ours) {
        r.noted.push(msg!(
            "verify-other-generator",
            theirs = g.as_str(),
            ours = &ours
        ));
    }
    let Some(commit) = stated_commit(&repo, &stated, &mut r) else {
        return Ok(finish(r, opts.lang));
    };
    let tree = repo
        .repo
        .find_commit(commit)
        .and_then(|c| c.tree())
        .map_err(|e| Error::other(msg!("git-failed", detail = e.message())))?;
    let config = super::config_at(&repo, Some(tree.id()));
    let theme = stated.theme.clone().unwrap_or(config.theme.clone());
    let (files, _) = commit_sources(&repo, &tree, &theme);
    r.manifest = check_manifest(&repo, &files, &stated, commit, &mut r.said);
    if !stated.uncommitted.is_empty() {
        let named: Vec<String> = stated
            .uncommitted
            .iter()
            .map(|u| match (u["path"].as_str(), u["reason"].as_str()) {
                (Some(p), Some(why)) => format!("`{p}` ({why})"),
                _ => u.to_string(),
            })
            .collect();
        r.said.push(msg!(
            "verify-uncommitted",
            commit = short(commit),
            sources = list(named)
        ));
    }
    r.signature = Some(signature(
        &repo,
        commit,
        &config.languages,
        &mut r.said,
        opts.lang,
    ));
    if stated.history && repo.shallow {
        r.said.push(msg!("verify-shallow"));
    } else {
        r.rebuild = rebuild(
            &repo,
            commit,
            &files,
            &stated,
            &config,
            &opts.site,
            &mut r.said,
        )?;
    }
    Ok(finish(r, opts.lang))
}

/// The report with its words in `lang`.
fn finish(mut r: VerifyReport, lang: Lang) -> VerifyReport {
    r.problems = r.said.iter().map(|m| m.render(lang)).collect();
    r.notes = r.noted.iter().map(|m| m.render(lang)).collect();
    r.ok = r.problems.is_empty();
    r
}

fn short(oid: git2::Oid) -> String {
    oid.to_string()[..10].to_string()
}

/// The copy's `data/manifest.json`, with `as_of` taken from `data/records.json` if the
/// manifest predates it.
fn read_stated(site: &Path, problems: &mut Vec<Msg>) -> Option<Stated> {
    let path = site.join("data/manifest.json");
    let Ok(bytes) = std::fs::read(&path) else {
        problems.push(msg!("verify-no-manifest"));
        return None;
    };
    let mut stated: Stated = match serde_json::from_slice(&bytes) {
        Ok(s) => s,
        Err(e) => {
            problems.push(msg!("verify-manifest-unreadable", detail = e.to_string()));
            return None;
        }
    };
    if stated.as_of.is_none()
        && let Ok(records) = std::fs::read(site.join("data/records.json"))
        && let Ok(v) = serde_json::from_slice::<serde_json::Value>(&records)
    {
        stated.as_of = v["as_of"].as_str().map(str::to_string);
    }
    Some(stated)
}

/// The stated commit, if the repository has it; ancestry findings go in the report.
fn stated_commit(repo: &Repo, stated: &Stated, r: &mut VerifyReport) -> Option<git2::Oid> {
    let Some(id) = stated.commit.as_deref() else {
        let why = stated
            .no_history
            .as_deref()
            .and_then(NoHistory::from_key)
            .map(provenance::no_history_note)
            .unwrap_or(msg!("verify-names-no-commit"));
        r.said.push(msg!("verify-no-commit", why));
        return None;
    };
    let head = repo.head_oid();
    r.ancestry.head = head.map(|h| h.to_string());
    let found = git2::Oid::from_str(id)
        .ok()
        .filter(|o| repo.repo.find_commit(*o).is_ok());
    let Some(commit) = found else {
        r.said.push(msg!("verify-commit-missing", commit = id));
        return None;
    };
    r.ancestry.in_repository = true;
    let head = head?;
    r.ancestry.ancestor =
        head == commit || repo.repo.graph_descendant_of(head, commit).unwrap_or(false);
    if r.ancestry.ancestor {
        r.ancestry.commits_since = repo.repo.revwalk().ok().and_then(|mut w| {
            w.push(head).ok()?;
            w.hide(commit).ok()?;
            Some(w.count())
        });
    } else {
        r.said.push(msg!(
            "verify-rewritten",
            commit = short(commit),
            head = short(head)
        ));
    }
    Some(commit)
}

/// The manifest against the commit's own blobs.
fn check_manifest(
    repo: &Repo,
    files: &std::collections::HashMap<String, TreeFile>,
    stated: &Stated,
    commit: git2::Oid,
    problems: &mut Vec<Msg>,
) -> ManifestCheck {
    let mut m = ManifestCheck {
        checked: true,
        files: stated.files.len(),
        ..ManifestCheck::default()
    };
    let mut left: BTreeMap<&str, &TreeFile> = files.iter().map(|(p, f)| (p.as_str(), f)).collect();
    for f in &stated.files {
        let Some(tf) = left.remove(f.path.as_str()) else {
            m.not_in_commit.push(f.path.clone());
            continue;
        };
        let sha = compare::blob_bytes(repo, files, &f.path, tf).map(|b| hex(&Sha256::digest(&b)));
        if sha.as_deref() != Some(f.sha256.as_str()) {
            m.differing.push(f.path.clone());
        }
    }
    m.not_listed = left.into_keys().map(str::to_string).collect();
    m.list_hash_differs =
        stated.manifest.as_deref() != Some(&provenance::Manifest::list_hash(&stated.files));
    let c = short(commit);
    say_each(problems, &m.differing, |path| {
        msg!("verify-hash-differs", path, commit = &c)
    });
    say_each(problems, &m.not_in_commit, |path| {
        msg!("verify-not-in-commit", path, commit = &c)
    });
    say_each(problems, &m.not_listed, |path| {
        msg!("verify-not-listed", path, commit = &c)
    });
    if m.list_hash_differs {
        problems.push(msg!("verify-list-hash"));
    }
    m
}

/// The signature of the commit, against the keys of its author in every council of it.
fn signature(
    repo: &Repo,
    commit: git2::Oid,
    languages: &[String],
    problems: &mut Vec<Msg>,
    lang: Lang,
) -> Signature {
    // The author's keys in every council of the parent (the commit's own, for a first
    // commit), the author's address mapped by the parent's `.mailmap`.
    let mut keys: Vec<String> = Vec::new();
    if let Ok(c) = repo.repo.find_commit(commit) {
        let parent_tree = c.parent(0).ok().map(|p| p.tree_id());
        let author = c.author();
        let (name, email) = (
            String::from_utf8_lossy(author.name_bytes()).into_owned(),
            String::from_utf8_lossy(author.email_bytes()).to_lowercase(),
        );
        let (_, mapped) = repo.mailmap_in(parent_tree).resolve(&name, &email);
        let councils = repo.councils_at(parent_tree.unwrap_or(c.tree_id()));
        for (key, blob) in councils.iter() {
            if let Some(council) = repo.council_blob(blob, key, languages) {
                let found = super::keys_of(&council, &[email.as_str(), mapped.as_str()]);
                keys.extend(found.into_iter().map(str::to_string));
            }
        }
    }
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let status = super::signature::check(&repo.repo, commit, &refs);
    if status == SigStatus::Bad {
        problems.push(msg!("verify-bad-signature", commit = short(commit)));
    }
    Signature {
        status: status.kind(),
        label: status.label().render(lang),
    }
}

/// Checks the commit out into a temporary folder, builds it as the copy was built, and
/// compares every file.
fn rebuild(
    repo: &Repo,
    commit: git2::Oid,
    files: &std::collections::HashMap<String, TreeFile>,
    stated: &Stated,
    config: &crate::model::SiteConfig,
    copy: &Path,
    problems: &mut Vec<Msg>,
) -> Result<RebuildCheck, Error> {
    let mut out = RebuildCheck::default();
    let Some(today) = stated.as_of.as_deref().and_then(|d| d.parse().ok()) else {
        problems.push(msg!("verify-no-as-of"));
        return Ok(out);
    };
    let base_url = stated
        .base_url
        .clone()
        .or_else(|| config.base_url.as_ref().map(|b| b.value.clone()));
    let temp = tempfile::Builder::new()
        .prefix("council-verify-")
        .tempdir()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let src = temp.path().join("site");
    compare::checkout(repo, files, &src)?;
    let no_history = if stated.history {
        None
    } else {
        Some(
            stated
                .no_history
                .as_deref()
                .and_then(NoHistory::from_key)
                .unwrap_or(NoHistory::NotARepository),
        )
    };
    let built = crate::site::build(&crate::site::BuildOptions {
        path: src.clone(),
        output: Some(temp.path().join("out")),
        today: Some(today),
        base_url,
        progress: false,
        origin: Some(Origin {
            repo: repo.repo.path().to_path_buf(),
            prefix: repo.prefix.clone(),
            commit: commit.to_string(),
            no_history,
        }),
    })?;
    if let crate::site::BuildOutcome::Refused(diags, _) = built {
        let errors = diags
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .count();
        problems.push(msg!(
            "verify-does-not-build",
            commit = short(commit),
            errors
        ));
        return Ok(out);
    }
    out = compare::trees(&temp.path().join("out"), copy)?;
    say_each(problems, &out.missing, |path| msg!("verify-missing", path));
    say_each(problems, &out.extra, |path| msg!("verify-extra", path));
    for d in &out.differing {
        problems.push(msg!("verify-differs", path = &d.path, line = d.line));
    }
    Ok(out)
}

/// One problem for each path.
fn say_each(problems: &mut Vec<Msg>, paths: &[String], say: impl Fn(&str) -> Msg) {
    problems.extend(paths.iter().map(|p| say(p)));
}

/// The report for people, in `lang`.
pub fn human(r: &VerifyReport, lang: Lang) -> String {
    let mut s = String::new();
    let mut say = |m: Msg| {
        s.push_str(&m.render(lang));
        s.push('\n');
    };
    let stated = &r.stated;
    let or_unsaid = |x: &Option<String>| {
        x.clone()
            .unwrap_or_else(|| msg!("verify-not-stated").render(lang))
    };
    say(msg!(
        "verify-heading",
        site = &r.site,
        commit = or_unsaid(&stated.commit),
        date = or_unsaid(&stated.as_of),
        url = or_unsaid(&stated.base_url),
        generator = or_unsaid(&stated.generator)
    ));
    let mark = |ok: bool| match ok {
        true => msg!("verify-mark-ok"),
        false => msg!("verify-mark-fail"),
    };
    if r.ancestry.in_repository {
        let since = match r.ancestry.commits_since {
            Some(0) => msg!("verify-is-head"),
            Some(n) => msg!("verify-commits-since", count = n),
            None => msg!("verify-not-descended"),
        };
        say(msg!(
            "verify-line-ancestry",
            mark = mark(r.ancestry.ancestor),
            since
        ));
    }
    if r.manifest.checked {
        let m = &r.manifest;
        let bad = m.differing.len() + m.not_in_commit.len() + m.not_listed.len();
        say(msg!(
            "verify-line-manifest",
            mark = mark(bad == 0 && !m.list_hash_differs),
            files = m.files,
            bad
        ));
    }
    if r.rebuild.checked {
        let rb = &r.rebuild;
        say(msg!(
            "verify-line-rebuild",
            mark = mark(rb.missing.is_empty() && rb.extra.is_empty() && rb.differing.is_empty()),
            files = rb.files,
            differing = rb.differing.len(),
            missing = rb.missing.len(),
            extra = rb.extra.len()
        ));
        for d in &rb.differing {
            say(msg!(
                "verify-line-differs",
                path = &d.path,
                line = d.line,
                copy = &d.published,
                rebuilt = &d.rebuilt
            ));
        }
    }
    if let Some(sig) = &r.signature {
        say(msg!("verify-line-signature", label = &sig.label));
    }
    for n in &r.notes {
        say(msg!("note-line", note = n));
    }
    if r.ok {
        say(msg!(
            "verify-ok",
            site = &r.site,
            commit = or_unsaid(&stated.commit)
        ));
    } else {
        for p in &r.problems {
            say(msg!("error-line", error = p));
        }
        say(msg!("verify-failed", count = r.problems.len()));
    }
    s
}
