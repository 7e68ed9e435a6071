//! Loading: finding the site root, walking `councils/`, `content/` and `static/`, sorting
//! every file into what it is (a council, an area, a record, a page, an attachment), and
//! reading files as UTF-8 text.
//!
//! This stage touches the file system and nothing else does before publishing. It never
//! follows a symbolic link out of the site, and it never stops at a bad file: what it cannot
//! place or read becomes a finding and the walk goes on. It knows the layout of SPEC §2, not
//! the fields inside files (that is `model`).

pub mod attachments;
pub mod frontmatter;
pub mod names;
mod read;

pub use attachments::AttachmentKind;
pub use read::{
    MAX_FILE_BYTES, MAX_TEXT_BYTES, file_inside, read_limited, read_source, source_from_bytes,
};

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::error::Error;
use crate::msg;
use crate::rules;

/// The kinds of record a council folder holds, by their sub-folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Proposal,
    Meeting,
    Report,
    /// A return visit (SPEC §8).
    Feedback,
}

impl RecordKind {
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Proposal,
        RecordKind::Meeting,
        RecordKind::Report,
        RecordKind::Feedback,
    ];

    pub fn folder(self) -> &'static str {
        match self {
            RecordKind::Proposal => "proposals",
            RecordKind::Meeting => "meetings",
            RecordKind::Report => "reports",
            RecordKind::Feedback => "feedback",
        }
    }

    pub fn from_folder(s: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.folder() == s)
    }
}

/// A file found by the walk, not yet read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundFile {
    /// Relative to the site root, `/`-separated.
    pub rel: String,
    /// Where to read it (the target of a symlink that stays inside the site).
    pub abs: PathBuf,
}

/// A record file: `<council>/<kind folder>/<stem>[.<lang>].md`.
#[derive(Clone, Debug)]
pub struct RecordFile {
    pub kind: RecordKind,
    /// The file stem without the language suffix, as written.
    pub stem: String,
    /// `Some(lang)` for a translation `<stem>.<lang>.md`.
    pub lang: Option<String>,
    pub file: FoundFile,
}

#[derive(Clone, Debug)]
pub struct CouncilFiles {
    /// The folder path relative to `councils/`, e.g. `huangtai/grid-03`.
    pub key: String,
    pub toml: FoundFile,
    pub records: Vec<RecordFile>,
}

#[derive(Clone, Debug)]
pub struct AreaFile {
    /// The folder path relative to `councils/`.
    pub key: String,
    pub toml: FoundFile,
}

/// A page under `content/`.
#[derive(Clone, Debug)]
pub struct PageFile {
    /// The path relative to `content/` without the language suffix and `.md`, e.g.
    /// `guide/process` or `guide/_index`.
    pub path: String,
    pub lang: Option<String>,
    pub file: FoundFile,
}

/// Everything the walk found, sorted.
#[derive(Debug, Default)]
pub struct Layout {
    pub councils: Vec<CouncilFiles>,
    pub areas: Vec<AreaFile>,
    pub pages: Vec<PageFile>,
    /// Every regular file of `councils/`, `content/` and `static/`, relative to the root:
    /// what a relative link may point at.
    pub files: BTreeSet<String>,
    /// Files under `static/`, copied to the output as they are.
    pub statics: Vec<FoundFile>,
    /// Attachments of `councils/` and `content/` of a type the site publishes.
    pub attachments: Vec<(FoundFile, AttachmentKind)>,
}

/// Finds the site root: `start` itself or its nearest parent holding `site.toml`.
pub fn find_root(start: &Path) -> Result<PathBuf, Error> {
    let meta = fs::metadata(start).map_err(|e| Error::Path {
        path: start.to_path_buf(),
        reason: crate::error::io_reason(&e),
    })?;
    if !meta.is_dir() {
        return Err(Error::Path {
            path: start.to_path_buf(),
            reason: msg!("path-not-a-folder"),
        });
    }
    let start = start.canonicalize().map_err(|e| Error::Path {
        path: start.to_path_buf(),
        reason: crate::error::io_reason(&e),
    })?;
    let mut dir = start.as_path();
    loop {
        if dir.join("site.toml").is_file() {
            return Ok(dir.to_path_buf());
        }
        match dir.parent() {
            Some(p) => dir = p,
            None => return Err(Error::NoSite { start }),
        }
    }
}

/// Walks the site. `languages` are the site's languages, first the default: they tell a
/// translation `2022-001.en.md` from a record.
pub fn walk(root: &Path, languages: &[String], diags: &mut Vec<Diagnostic>) -> Layout {
    let mut layout = Layout::default();
    let mut councils_found: Vec<FoundFile> = Vec::new();
    let mut areas_found: Vec<FoundFile> = Vec::new();
    let mut mds: Vec<FoundFile> = Vec::new();

    for top in ["councils", "content", "static"] {
        let dir = root.join(top);
        if !dir.exists() {
            continue;
        }
        let found = walk_dir(root, &dir, diags);
        names::check(
            &found.iter().map(|f| f.rel.as_str()).collect::<Vec<_>>(),
            diags,
        );
        for file in found {
            layout.files.insert(file.rel.clone());
            if top == "static" {
                layout.statics.push(file);
                continue;
            }
            if top == "content" {
                if has_ext(&file.rel, "md") {
                    if let Some(page) = page_file(file, languages, diags) {
                        layout.pages.push(page);
                    }
                } else if !has_ext(&file.rel, "toml") {
                    attachment(&mut layout, file, diags);
                }
                continue;
            }
            let name = file.rel.rsplit('/').next().unwrap_or("");
            if name == "council.toml" {
                councils_found.push(file);
            } else if name == "area.toml" {
                areas_found.push(file);
            } else if has_ext(name, "toml") {
                diags.push(rules::files::misplaced_file::stray_toml(&file.rel, name));
            } else {
                mds.push(file);
            }
        }
    }

    // Councils: a folder holding council.toml; a council inside a council is refused. The
    // outer one is the council whatever the names sort as (`aaa/council.toml` sorts before
    // `council.toml`), so folders are taken shallowest first.
    councils_found.sort_by(|a, b| {
        (a.rel.matches('/').count(), &a.rel).cmp(&(b.rel.matches('/').count(), &b.rel))
    });
    let mut council_dirs: Vec<String> = Vec::new();
    for f in councils_found {
        let dir = parent(&f.rel).to_string();
        if dir == "councils" {
            diags.push(rules::files::misplaced_file::council_at_top(&f.rel));
            continue;
        }
        if let Some(outer) = council_dirs.iter().find(|d| is_under(&dir, d)) {
            diags.push(rules::files::misplaced_file::nested_council(&f.rel, outer));
            continue;
        }
        council_dirs.push(dir.clone());
        layout.councils.push(CouncilFiles {
            key: dir["councils/".len()..].to_string(),
            toml: f,
            records: Vec::new(),
        });
    }
    layout.councils.sort_by(|a, b| a.key.cmp(&b.key));
    for f in areas_found {
        let dir = parent(&f.rel).to_string();
        if let Some(council) = council_dirs
            .iter()
            .find(|d| dir == **d || is_under(&dir, d))
        {
            diags.push(rules::files::misplaced_file::area_in_council(
                &f.rel, council,
            ));
            continue;
        }
        let key = dir.strip_prefix("councils/").unwrap_or("").to_string();
        layout.areas.push(AreaFile { key, toml: f });
    }

    // Records: `<council>/<kind>/<file>.md`, nothing deeper, nothing elsewhere. The council
    // of a file is found by walking up its folders.
    let by_dir: std::collections::HashMap<String, usize> = layout
        .councils
        .iter()
        .enumerate()
        .map(|(i, c)| (parent(&c.toml.rel).to_string(), i))
        .collect();
    for f in mds {
        let name = f.rel.rsplit('/').next().unwrap_or("");
        // Only `.md` (and what looks like a record saved wrongly) is a record; other files
        // are attachments, which may be linked from anywhere.
        let record_like = has_ext(name, "md") || looks_like_record(name);
        let mut dir = parent(&f.rel);
        let mut found = None;
        while !dir.is_empty() {
            if let Some(&i) = by_dir.get(dir) {
                found = Some(i);
                break;
            }
            dir = parent(dir);
        }
        let Some(i) = found else {
            if record_like {
                diags.push(rules::files::misplaced_file::outside_council(&f.rel));
            } else {
                attachment(&mut layout, f, diags);
            }
            continue;
        };
        let council_dir = parent(&layout.councils[i].toml.rel).to_string();
        let inner = &f.rel[council_dir.len() + 1..];
        if inner.starts_with("files/") && !has_ext(name, "md") {
            attachment(&mut layout, f, diags);
            continue;
        }
        let mut parts = inner.split('/');
        let kind = match (parts.next(), parts.next(), parts.next()) {
            (Some(folder), Some(_), None) => RecordKind::from_folder(folder),
            _ => None,
        };
        let Some(kind) = kind else {
            if record_like {
                diags.push(rules::files::misplaced_file::misplaced_record(
                    &f.rel,
                    &council_dir,
                    inner,
                ));
            } else {
                attachment(&mut layout, f, diags);
            }
            continue;
        };
        if !name.ends_with(".md") {
            diags.push(rules::files::misplaced_file::not_a_record(&f.rel, name));
            continue;
        }
        let Some((stem, lang)) = split_lang(&f.rel, name, languages, diags) else {
            continue;
        };
        layout.councils[i].records.push(RecordFile {
            kind,
            stem,
            lang,
            file: f,
        });
    }
    for c in &mut layout.councils {
        c.records
            .sort_by(|a, b| (a.kind, &a.stem, &a.lang).cmp(&(b.kind, &b.stem, &b.lang)));
    }
    layout.areas.sort_by(|a, b| a.key.cmp(&b.key));
    layout
        .pages
        .sort_by(|a, b| (&a.path, &a.lang).cmp(&(&b.path, &b.lang)));
    layout
}

/// An attachment of a type the site publishes goes to the layout; any other is reported
/// (published raw, an HTML page or an SVG with a script would run on the site's origin, and
/// a text saved as `.docx` would escape the personal-data scan).
fn attachment(layout: &mut Layout, file: FoundFile, diags: &mut Vec<Diagnostic>) {
    let name = file.rel.rsplit('/').next().unwrap_or("");
    match AttachmentKind::of(name) {
        Some(kind) => layout.attachments.push((file, kind)),
        None => diags.push(rules::files::misplaced_file::not_published(&file.rel)),
    }
}

fn page_file(
    file: FoundFile,
    languages: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Option<PageFile> {
    let inner = file.rel["content/".len()..].to_string();
    let (dir, name) = match inner.rfind('/') {
        Some(i) => (&inner[..i + 1], &inner[i + 1..]),
        None => ("", inner.as_str()),
    };
    let (stem, lang) = split_lang(&file.rel, name, languages, diags)?;
    Some(PageFile {
        path: format!("{dir}{stem}"),
        lang,
        file,
    })
}

/// `2022-001.en.md` → (`2022-001`, Some(`en`)); `2022-001.md` → (`2022-001`, None).
/// A suffix that is not a configured language is reported and the file skipped.
fn split_lang(
    rel: &str,
    name: &str,
    languages: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Option<(String, Option<String>)> {
    let stem = &name[..name.len() - 3];
    match stem.rsplit_once('.') {
        Some((base, lang)) if languages.iter().skip(1).any(|l| l == lang) => {
            Some((base.to_string(), Some(lang.to_string())))
        }
        Some((_, lang)) if looks_like_language(lang) => {
            diags.push(rules::schema::invalid_value::bad_language_suffix(
                rel, lang, languages,
            ));
            None
        }
        _ => Some((stem.to_string(), None)),
    }
}

/// A file name that looks like a record saved the wrong way: `.txt`, `.markdown`, `.docx`.
fn looks_like_record(name: &str) -> bool {
    ["txt", "text", "markdown", "mdown", "docx", "doc", "wps"]
        .iter()
        .any(|ext| has_ext(name, ext))
}

/// `en`, `zh`, `zh-Hant`, `pt-BR`: what a language suffix looks like (not `04` of a date).
fn looks_like_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Every regular file under `dir`, sorted; symlinks are followed only to files inside the
/// site, hidden files and editor backups are skipped.
pub fn walk_files(root: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<FoundFile> {
    walk_dir(root, dir, diags)
}

fn walk_dir(root: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<FoundFile> {
    let mut out = Vec::new();
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e
                    .path()
                    .map(|p| rel_path(root, p))
                    .unwrap_or_else(|| rel_path(root, dir));
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("loop of symbolic links"));
                diags.push(rules::files::misplaced_file::unreadable(&rel, &io));
                continue;
            }
        };
        let rel = rel_path(root, entry.path());
        if rel.is_empty() {
            continue;
        }
        if entry.file_name().to_str().is_none() {
            diags.push(rules::files::invalid_utf8::file_name(&rel));
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        if ft.is_symlink() {
            match resolve_inside(root, entry.path()) {
                Some(target) if target.is_file() => out.push(FoundFile { rel, abs: target }),
                Some(_) => diags.push(rules::files::misplaced_file::symlink_not_followed(
                    &rel, true,
                )),
                None => diags.push(rules::files::misplaced_file::symlink_not_followed(
                    &rel, false,
                )),
            }
            continue;
        }
        if ft.is_file() {
            out.push(FoundFile {
                rel,
                abs: entry.path().to_path_buf(),
            });
        }
    }
    out
}

/// The target of a symlink if it resolves inside `root`.
fn resolve_inside(root: &Path, link: &Path) -> Option<PathBuf> {
    let target = link.canonicalize().ok()?;
    target.starts_with(root).then_some(target)
}

/// Whether the walk skips a file or folder of this name: hidden, or an editor's backup.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || (name.starts_with('#') && name.ends_with('#'))
}

pub fn rel_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn has_ext(name: &str, ext: &str) -> bool {
    name.len() > ext.len() + 1
        && name.as_bytes()[name.len() - ext.len() - 1] == b'.'
        && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext)
}

fn parent(rel: &str) -> &str {
    rel.rsplit_once('/').map(|(p, _)| p).unwrap_or("")
}

/// Whether `path` lies strictly below the folder `dir` (both `/`-separated).
pub fn is_under(path: &str, dir: &str) -> bool {
    path.len() > dir.len() && path.starts_with(dir) && path.as_bytes()[dir.len()] == b'/'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_compare_without_case() {
        assert!(has_ext("a.md", "md"));
        assert!(has_ext("A.MD", "md"));
        assert!(!has_ext(".md", "md"));
        assert!(!has_ext("amd", "md"));
    }

    #[test]
    fn under_means_a_real_sub_path() {
        assert!(is_under("councils/a/g/x.md", "councils/a/g"));
        assert!(!is_under("councils/a/g2/x.md", "councils/a/g"));
        assert!(!is_under("councils/a/g", "councils/a/g"));
    }

    #[test]
    fn editor_droppings_are_ignored() {
        assert!(is_ignored(".2022-001.md.swp"));
        assert!(is_ignored("2022-001.md~"));
        assert!(is_ignored("#2022-001.md#"));
        assert!(!is_ignored("2022-001.md"));
    }
}
