//! Content pages, their attachments and static files are published at addresses of their
//! own: none may take an address the generated site uses (SPEC §5, `misplaced-file`), nor
//! one another's, nor be a file where the other needs a folder. Found by `check`, so that a
//! site that passes it also builds.

use std::collections::BTreeMap;

use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::model::Site;
use crate::msg;
use crate::rules::files::misplaced_file;
use crate::site::routes::{Generated, content_url, generated, output_file};

/// The names of the theme's static files (the built-in theme's, and the site's theme's
/// own), published at the root.
fn theme_statics(site: &Site) -> Vec<String> {
    let mut out: Vec<String> = crate::site::theme::DEFAULT_THEME
        .iter()
        .filter_map(|(p, _)| p.strip_prefix("static/").map(str::to_string))
        .collect();
    let dir = site
        .root
        .join("themes")
        .join(&site.config.theme)
        .join("static");
    if dir.is_dir() {
        let prefix = format!("themes/{}/static/", site.config.theme);
        let mut ignored = Vec::new();
        for f in crate::load::walk_files(&site.root, &dir, &mut ignored) {
            if let Some(rel) = f.rel.strip_prefix(&prefix) {
                out.push(rel.to_string());
            }
        }
    }
    out
}

/// Every content page, content attachment and static file whose address is taken.
pub fn collisions(site: &Site) -> Vec<Diagnostic> {
    // Output path → the source published there (relative to the site root).
    let mut claims: Vec<(String, String)> = Vec::new();
    for p in &site.pages {
        if p.draft || p.path == "_index" {
            continue;
        }
        claims.push((
            output_file(&content_url(&p.path)),
            p.meta.source.path.clone(),
        ));
    }
    for a in &site.attachments {
        if let Some(path) = a.file.rel.strip_prefix("content/") {
            claims.push((path.to_string(), a.file.rel.clone()));
        }
    }
    for f in &site.statics {
        claims.push((f.rel["static/".len()..].to_string(), f.rel.clone()));
    }
    claims.sort();
    let languages = &site.config.languages[1..];
    let theme: BTreeMap<String, ()> = theme_statics(site).into_iter().map(|p| (p, ())).collect();
    let mut taken: BTreeMap<&str, &str> = BTreeMap::new();
    let mut out = Vec::new();
    for (path, rel) in &claims {
        let address = format!("/{}", path.trim_end_matches("index.html"));
        let from_static = rel.starts_with("static/");
        let (first, nested) = match path.split_once('/') {
            Some((f, _)) => (f, true),
            None => (path.as_str(), false),
        };
        let generated_here = match generated(first, languages) {
            Some(Generated::Folder) => true,
            Some(Generated::File) => true,
            Some(Generated::Replaceable) => nested || !from_static,
            None => false,
        };
        let ancestors = || {
            path.match_indices('/')
                .map(|(i, _)| &path[..i])
                .collect::<Vec<_>>()
        };
        // A site's own static favicon replaces the theme's (SPEC §5).
        let replaces_favicon = from_static && super::is_favicon(path);
        let by_theme = (theme.contains_key(path.as_str()) && !replaces_favicon)
            || ancestors().iter().any(|a| theme.contains_key(*a))
            || theme.keys().any(|t| t.starts_with(&format!("{path}/")));
        let by_source = taken
            .get(path.as_str())
            .copied()
            .or_else(|| ancestors().iter().find_map(|a| taken.get(a).copied()));
        let by: Option<Msg> = if generated_here {
            Some(msg!("route-by-generated"))
        } else if by_theme {
            Some(msg!("route-by-theme"))
        } else {
            by_source.map(|other| msg!("route-by-source", other))
        };
        match by {
            Some(by) => out.push(misplaced_file::route_taken(rel, &address, by)),
            None => {
                taken.insert(path, rel);
            }
        }
    }
    // A file where another source needs a folder (`content/a.txt` and `static/a.txt/b`).
    for (path, rel) in &claims {
        let below = format!("{path}/");
        if let Some((other, _)) = taken
            .range(below.as_str()..)
            .next()
            .filter(|(p, _)| p.starts_with(&below))
            && taken.get(path.as_str()) == Some(&rel.as_str())
        {
            let other_rel = taken[other];
            out.push(misplaced_file::route_taken(
                other_rel,
                &format!("/{other}"),
                msg!("route-by-file-folder", other = rel.as_str()),
            ));
        }
    }
    out
}
